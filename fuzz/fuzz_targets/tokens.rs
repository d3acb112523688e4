//! Any text through lint's tokeniser and sentence splitter, which every rule
//! reads: nothing may panic, tokens are words in order inside the text, and
//! sentences are in order inside it.

#![no_main]

use jobpost::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let chars: Vec<char> = input.chars().collect();
    let tokens = text::tokenize_chars(&chars);
    let mut at = 0;
    for t in &tokens {
        assert!(at <= t.start && t.start < t.end && t.end <= chars.len(), "{t:?}");
        assert!(text::is_word_char(chars[t.start]), "{t:?}");
        at = t.end;
    }
    let mut at = 0;
    for s in text::sentences(&chars) {
        assert!(at <= s.start && s.start < s.end && s.end <= chars.len());
        at = s.end;
    }
});
