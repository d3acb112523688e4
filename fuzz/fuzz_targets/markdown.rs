//! Any text through every Markdown helper: nothing may panic, and no HTML made
//! from it may carry a script, embedding element, event handler or script URL:
//! neither our page HTML, nor what a job board's ordinary Markdown renderer
//! (raw HTML passed through) makes of our Markdown output.

#![no_main]

use jobpost::markdown;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/html.rs"]
mod html;

fuzz_target!(|text: &str| {
    let page = markdown::to_html(text);
    assert_eq!(html::problem(&page), None, "unsafe HTML: {page}");
    let md = markdown::to_safe_markdown(text);
    assert_eq!(
        html::script_problem(&html::board(&md)),
        None,
        "unsafe Markdown: {md}"
    );
    let escaped = markdown::escape_text(text);
    assert_eq!(
        html::problem(&html::board(&escaped)),
        None,
        "unsafe text: {escaped}"
    );
    let _ = markdown::to_plain(text);
});
