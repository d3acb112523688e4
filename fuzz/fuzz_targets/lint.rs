//! Any text through the lint engine, as Markdown and as plain text, with the
//! findings rendered in every report format. Nothing may panic.

#![no_main]

use jobpost::lint::{self, Config, Doc, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let cfg = Config::default();
    for doc in [
        Doc::from_markdown("posting.md", text),
        Doc::from_text("posting.txt", text),
    ] {
        let findings = lint::lint(&doc, &cfg);
        let source = |_: &str| Some(text.to_string());
        for format in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
            let _ = lint::render(&findings, &source, format);
        }
        let _ = lint::summary(&findings, 1);
    }
});
