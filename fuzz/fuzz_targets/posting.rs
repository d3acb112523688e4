//! Any bytes as a posting file: parse, merge (alone and over a preset), validate,
//! explain, lint, and render every format and the JSON-LD. Nothing may panic,
//! and every HTML page must be safe to open.

#![no_main]

use std::sync::OnceLock;

use jobpost::format::{Format, render_all};
use jobpost::layer;
use jobpost::load::{Merged, merge, merge_with_chain};
use jobpost::preset::Registry;
use jobpost::render::Templates;
use libfuzzer_sys::fuzz_target;
use toml::value::Date;

#[path = "../../tests/support/html.rs"]
mod html;

struct Tools {
    registry: Registry,
    renderer: Templates,
}

fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Tools> = OnceLock::new();
    TOOLS.get_or_init(|| Tools {
        registry: Registry::load(None).unwrap(),
        renderer: Templates::new(None).unwrap(),
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = layer::parse("preset.toml", text, true);
    let Ok((layer, _)) = layer::parse("posting.toml", text, false) else {
        return;
    };
    if let Ok(merged) = merge(&[&layer]) {
        check(&merged, text);
    }
    // Over a real preset, so list edits meet real lists, hints are gathered and the
    // setting text of the posting's workplace is chosen, as `render` does.
    let chain = tools().registry.chain("call-center-customer-service").unwrap();
    if let Ok(merged) = merge_with_chain(&chain, std::slice::from_ref(&layer)) {
        check(&merged, text);
    }
});

fn check(merged: &Merged, text: &str) {
    let valid = jobpost::validate::problems(merged).is_empty();
    let _ = jobpost::explain::explain(merged);
    let cfg = jobpost::lint::Config::default();
    let _ = jobpost::lint::run::check_merged(merged, "posting.toml", text, &cfg);
    let date = Some(Date {
        year: 2027,
        month: 1,
        day: 4,
    });
    let renderer = &tools().renderer;
    let outputs = [Format::MD, Format::HTML, Format::TXT];
    let rendered = render_all(renderer, merged, &outputs, date).expect("templates render");
    let texts: Vec<&str> = rendered.iter().map(|r| r.text().expect("a text format")).collect();
    assert_eq!(html::problem(texts[1]), None, "unsafe page");
    // What render and export write (they validate first) is safe on a job board
    // that turns our Markdown into HTML with raw HTML kept.
    if valid {
        assert_eq!(
            html::script_problem(&html::board(texts[0])),
            None,
            "unsafe Markdown"
        );
    }
    if let Ok(rendered) = render_all(renderer, merged, &[Format::JSONLD, Format::HTML], date) {
        let texts: Vec<&str> = rendered.iter().map(|r| r.text().expect("a text format")).collect();
        let ld: Result<serde_json::Value, _> = serde_json::from_str(texts[0]);
        assert!(ld.is_ok(), "JSON-LD parses");
        assert_eq!(html::problem(texts[1]), None, "unsafe page with JSON-LD");
    }
}
