//! XML text from posting text: the one place that escapes it, wraps it in
//! CDATA and drops what XML 1.0 cannot carry. Word documents and the job-board
//! feeds write every value through here, so a title with `]]>`, `<script>` or
//! a control character keeps the file well formed and never adds an element.

/// Whether XML 1.0 allows `c` in a document (its `Char` production): tabs and
/// line breaks, but no other control characters, no lone surrogates (Rust
/// strings have none) and not U+FFFE or U+FFFF.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML cannot carry.
pub fn clean(text: &str) -> String {
    text.chars().filter(|c| is_xml_char(*c)).collect()
}

/// `text` escaped for an element's text or a double-quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| is_xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` as CDATA, the way job boards ask for values. A `]]>` inside would end
/// the section early, so the section is closed between `]]` and `>` and opened
/// again: the text read back is unchanged.
pub fn cdata(text: &str) -> String {
    let clean = clean(text);
    format!("<![CDATA[{}]]>", clean.replace("]]>", "]]]]><![CDATA[>"))
}

/// `<name><![CDATA[text]]></name>`.
pub fn cdata_element(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", cdata(text))
}

/// `<name>text</name>`, the text escaped.
pub fn element(name: &str, text: &str) -> String {
    format!("<{name}>{}</{name}>", escape(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_section_ends_stay_text() {
        assert_eq!(
            escape("<b a=\"1\">R&D's</b>"),
            "&lt;b a=&quot;1&quot;&gt;R&amp;D&apos;s&lt;/b&gt;"
        );
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
        assert_eq!(cdata_element("t", "x"), "<t><![CDATA[x]]></t>");
    }

    #[test]
    fn characters_xml_cannot_carry_are_dropped() {
        assert_eq!(
            clean("a\u{0}b\u{1b}c\u{FFFE}d\te\u{1F600}"),
            "abcd\te\u{1F600}"
        );
        assert_eq!(escape("\u{8}<"), "&lt;");
        assert_eq!(cdata("\u{b}x"), "<![CDATA[x]]>");
    }
}
