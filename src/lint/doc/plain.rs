//! Plain text → segments, line by line.

use super::suppress::{DirectiveStyle, parse_directive};
use super::*;

struct Line<'s> {
    /// Byte offset of the line in the source.
    start: usize,
    /// The line without its end-of-line chars.
    text: &'s str,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
    fn indented(&self) -> bool {
        self.text.starts_with([' ', '\t'])
    }
}

fn lines(src: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in src.split_inclusive('\n') {
        let text = raw.trim_end_matches(['\n', '\r']);
        out.push(Line { start, text });
        start += raw.len();
    }
    out
}

/// Byte length of a bullet marker and the spaces after it ("- ", "• ", "12. ").
fn bullet_marker(t: &str) -> Option<usize> {
    let trimmed = t.trim_start();
    let indent = t.len() - trimmed.len();
    let mut chars = trimmed.char_indices();
    let (_, c) = chars.next()?;
    let marker_end = if matches!(c, '-' | '*' | '•' | '·' | '–' | '▪' | '◦') {
        c.len_utf8()
    } else if c.is_ascii_digit() {
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let after = trimmed.as_bytes().get(digits).copied();
        if digits > 3 || !matches!(after, Some(b'.') | Some(b')')) {
            return None;
        }
        digits + 1
    } else {
        return None;
    };
    let rest = trimmed.get(marker_end..)?;
    let spaces = rest.len() - rest.trim_start().len();
    if spaces == 0 || rest.trim().is_empty() {
        return None;
    }
    Some(indent + marker_end + spaces)
}

fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| !c.is_lowercase())
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', ',', ';'])
}

fn is_directive(t: &str) -> bool {
    parse_directive(t, DirectiveStyle::Text).is_some()
}

/// Is line `i` a heading? `lines[i]` is known not to be blank or a bullet.
fn is_heading(lines: &[Line<'_>], i: usize) -> bool {
    let t = lines[i].text.trim();
    let words = tokenize(t).len();
    let next_blank = lines.get(i + 1).is_none_or(|l| l.blank());
    let prev_blank = i == 0 || lines[i - 1].blank();
    let next_bullet = lines
        .get(i + 1)
        .is_some_and(|l| bullet_marker(l.text).is_some());
    if words == 0 || words > 8 || t.chars().count() > 70 {
        return false;
    }
    let colon = t.ends_with(':');
    let caps = is_all_caps(t) && !ends_sentence(t);
    let short = words <= 6 && !ends_sentence(t) && prev_blank && next_blank;
    // A known heading of up to six words ("Where and when you'll work") after a blank
    // line may run straight into its text.
    let known = words <= 6
        && !ends_sentence(t)
        && classify_heading(t).is_some()
        && (next_blank || next_bullet || words <= 4 || prev_blank)
        && !t.contains(':');
    colon || caps || short || known
}

pub(super) fn segments(src: &str) -> Vec<Segment> {
    let index = LineIndex::new(src);
    let lines = lines(src);
    let mut out: Vec<Segment> = Vec::new();
    let mut state = SectionState::new();
    let mut list: Option<usize> = None;
    let mut next_list = 0;
    let mut has_title = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.blank() || is_directive(line.text) {
            i += 1;
            continue;
        }
        if !has_title {
            has_title = true;
            out.extend(make(src, &index, line, 0, line.text.len(), |text, loc| {
                Segment::new(Section::Title, SegKind::Title, text, loc)
            }));
            i += 1;
            continue;
        }
        if let Some(m) = bullet_marker(line.text) {
            let id = *list.get_or_insert_with(|| {
                next_list += 1;
                next_list - 1
            });
            // Indented lines right after a bullet continue it.
            let mut last = i;
            while lines
                .get(last + 1)
                .is_some_and(|l| !l.blank() && l.indented() && bullet_marker(l.text).is_none())
            {
                last += 1;
            }
            let end = lines[last].start - line.start + lines[last].text.len();
            out.extend(make(src, &index, line, m, end, |text, loc| {
                Segment::new(
                    state.block(SegKind::Bullet, &text),
                    SegKind::Bullet,
                    text,
                    loc,
                )
                .in_list(id)
            }));
            i = last + 1;
            continue;
        }
        // A blank line between bullets keeps the list; anything else ends it.
        list = None;
        if is_heading(&lines, i) {
            let t = line.text.trim_end();
            let len = t.strip_suffix(':').unwrap_or(t).len();
            out.extend(make(src, &index, line, 0, len, |text, loc| {
                let level = if is_all_caps(&text) { 1 } else { 2 };
                Segment::new(state.heading(&text, level), SegKind::Heading, text, loc)
            }));
            i += 1;
            continue;
        }
        let mut last = i;
        while lines.get(last + 1).is_some_and(|l| {
            !l.blank()
                && bullet_marker(l.text).is_none()
                && !is_directive(l.text)
                && !is_heading(&lines, last + 1)
        }) {
            last += 1;
        }
        let end = lines[last].start - line.start + lines[last].text.len();
        out.extend(make(src, &index, line, 0, end, |text, loc| {
            Segment::new(
                state.block(SegKind::Prose, &text),
                SegKind::Prose,
                text,
                loc,
            )
        }));
        i = last + 1;
    }
    out
}

/// The segment for `line.text[from..to]` (byte offsets within the line's block),
/// trimmed of surrounding whitespace.
fn make(
    src: &str,
    index: &LineIndex<'_>,
    line: &Line<'_>,
    from: usize,
    to: usize,
    build: impl FnOnce(String, Loc) -> Segment,
) -> Option<Segment> {
    let raw = src.get(line.start + from..line.start + to)?;
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    Some(build(text.to_string(), index.loc(line.start + from + lead)))
}
