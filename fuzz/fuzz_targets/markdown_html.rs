//! Any text through the one Markdown to HTML step alone (the `markdown` target
//! runs every helper): nothing may panic, and the HTML carries no script,
//! embedding element, event handler or script URL. Narrow, so it runs fast.

#![no_main]

use jobpost::markdown;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/html.rs"]
mod html;

fuzz_target!(|text: &str| {
    let page = markdown::to_html(text);
    assert_eq!(html::problem(&page), None, "unsafe HTML: {page}");
});
