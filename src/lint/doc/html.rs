//! An HTML page → segments, from its structure: headings, list items and paragraphs
//! (and the other block elements), with scripts, styles, comments and the page head
//! left out, so a careers page from any system can be checked.
//!
//! Markup is blanked to spaces rather than removed (as in the Markdown builder), and an
//! entity stands for its character padded to its width, so every segment's text maps
//! char for char onto the file and findings point at the page's own lines.

use super::*;

/// Elements whose content is never posting text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "nav", "button", "select", "iframe",
    "object",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "table",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "dl",
    "blockquote",
    "br",
    "hr",
    "form",
    "figure",
    "figcaption",
    "address",
    "pre",
    "body",
    "html",
    "title",
];

/// One tag: its lower-case name, whether it closes, and its byte range.
struct Tag {
    name: String,
    closing: bool,
    range: Range<usize>,
}

/// The tag starting at byte `at` (which holds `<`), if it is one; comments, doctypes
/// and processing instructions come back with an empty name.
fn tag_at(src: &str, at: usize) -> Option<Tag> {
    let rest = &src[at..];
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map_or(src.len(), |e| at + 4 + e + 3);
        return Some(Tag {
            name: String::new(),
            closing: false,
            range: at..end,
        });
    }
    let bytes = rest.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let start = if closing { 2 } else { 1 };
    let first = *bytes.get(start)?;
    if !(first.is_ascii_alphabetic() || first == b'!' || first == b'?') {
        return None;
    }
    let end = at + tag_end(rest)?;
    let name: String = rest[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Some(Tag {
        name,
        closing,
        range: at..end,
    })
}

/// Bytes to one past the `>` that ends the tag at the start of `s`, skipping quoted
/// attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Bytes to the end of a template comment at the start of `s`, text a careers page
/// kept in a template has taken out: Liquid's `{% comment %}…{% endcomment %}`,
/// Jinja's and Twig's `{# … #}`, Handlebars' `{{!-- … --}}` and `{{! … }}`. An
/// unclosed comment runs to the end.
fn template_comment_end(s: &str) -> Option<usize> {
    let to = |close: &str, from: usize| {
        s[from..]
            .find(close)
            .map_or(s.len(), |e| from + e + close.len())
    };
    if s.starts_with("{#") {
        return Some(to("#}", 2));
    }
    if s.starts_with("{{!--") {
        return Some(to("--}}", 5));
    }
    if s.starts_with("{{!") {
        return Some(to("}}", 3));
    }
    let tag = s.strip_prefix("{%")?;
    let open = tag.trim_start_matches(['-', ' ']);
    if !open.starts_with("comment") {
        return None;
    }
    let after = s
        .find("endcomment")
        .map_or(s.len(), |e| e + "endcomment".len());
    Some(to("%}", after.min(s.len())))
}

/// `text` with its entities decoded ("Up to &pound;30,000" → "Up to £30,000"), as a
/// page shows it; `None` when it has none.
pub(super) fn decode_entities(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut decoded = false;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match entity_at(rest) {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
                decoded = true;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    decoded.then_some(out)
}

/// The char an entity stands for, and the entity's length in bytes ("&amp;" → '&', 5).
fn entity_at(s: &str) -> Option<(char, usize)> {
    // Within the first 12 bytes, however short the text ("&amp;" at its end).
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" | "lsquo" => '’',
        "ldquo" | "rdquo" => '"',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        "bull" => '•',
        _ => {
            let num = body.strip_prefix('#')?;
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(n)?
        }
    };
    Some((c, end + 1))
}

/// A block being collected: its kind, heading level, list, and its text so far (the
/// source from `start` with markup blanked).
struct Open {
    kind: SegKind,
    level: usize,
    list: Option<usize>,
    start: Option<usize>,
    text: String,
    /// The text as read, entities decoded without padding and markup as one space: what
    /// the heading and label classifiers see ("What you&#39;ll do" is "What you'll do").
    clean: String,
}

struct Builder<'s> {
    src: &'s str,
    index: LineIndex<'s>,
    out: Vec<Segment>,
    state: SectionState,
    block: Open,
    lists: Vec<usize>,
    next_list: usize,
    page_title: Option<(usize, String)>,
    /// The list that paragraphs written as bullets ("<p>- Pflasterer</p>") are
    /// gathering into, while such paragraphs follow one another.
    dash_list: Option<usize>,
    /// How many segments there were when the open table row began.
    row_start: Option<usize>,
}

pub(super) fn segments(src: &str) -> Vec<Segment> {
    let mut b = Builder::new(src, SectionState::new(), 0);
    b.run();
    b.flush();
    if !b.state.has_title {
        if let Some((at, title)) = b.page_title.take() {
            let seg = Segment::new(Section::Title, SegKind::Title, title, b.index.loc(at));
            b.out.insert(0, seg);
        }
    }
    promote_title(&mut b.out);
    b.out
}

/// The segments of an HTML block inside a Markdown posting (`<p>`, `<li>` lines that
/// site generators keep as written), read on with the Markdown's section state and list
/// numbering so its blocks fall in the sections around them. `src` holds the block at
/// its own lines (the lines before it empty), so locations are the file's.
pub(super) fn block_segments(
    src: &str,
    state: &mut SectionState,
    next_list: &mut usize,
) -> Vec<Segment> {
    let mut b = Builder::new(
        src,
        std::mem::replace(state, SectionState::new()),
        *next_list,
    );
    b.run();
    b.flush();
    *state = b.state;
    *next_list = b.next_list;
    b.out
}

/// Words a table cell that labels the cell beside it has at most ("Lieu de travail").
const ROW_LABEL_WORDS: usize = 5;

/// Markers a paragraph written as a bullet opens with.
const DASHES: &[char] = &['-', '–', '•', '·', '*'];

impl Open {
    fn prose() -> Open {
        Open {
            kind: SegKind::Prose,
            level: 0,
            list: None,
            start: None,
            text: String::new(),
            clean: String::new(),
        }
    }
}

impl<'s> Builder<'s> {
    /// A reader of `src` that goes on from `state` and numbers its lists from
    /// `next_list`: a whole page starts both afresh, an HTML block inside Markdown
    /// carries on the Markdown's.
    fn new(src: &'s str, state: SectionState, next_list: usize) -> Self {
        Builder {
            src,
            index: LineIndex::new(src),
            out: Vec::new(),
            state,
            block: Open::prose(),
            lists: Vec::new(),
            next_list,
            page_title: None,
            dash_list: None,
            row_start: None,
        }
    }

    fn run(&mut self) {
        let src = self.src;
        let mut i = 0;
        let mut skip: Option<String> = None;
        while i < src.len() {
            let rest = &src[i..];
            let c = rest.chars().next().unwrap_or(' ');
            if c == '<' {
                if let Some(tag) = tag_at(src, i) {
                    let end = tag.range.end;
                    match &skip {
                        Some(name) if tag.closing && tag.name == *name => skip = None,
                        Some(_) => {}
                        None => self.tag(&tag, &mut skip),
                    }
                    self.blank(tag.range);
                    i = end;
                    continue;
                }
            }
            if c == '{'
                && skip.is_none()
                && let Some(end) = template_comment_end(rest)
            {
                self.blank(i..i + end);
                i += end;
                continue;
            }
            if skip.is_some() {
                self.blank(i..i + c.len_utf8());
            } else if c == '&' {
                match entity_at(rest) {
                    Some((e, n)) => {
                        // The entity's char padded to the entity's width in chars.
                        let width = src[i..i + n].chars().count();
                        self.push_text(i, e);
                        if self.block.start.is_some() {
                            self.block.text.extend(std::iter::repeat_n(' ', width - 1));
                        }
                        i += n;
                        continue;
                    }
                    None => self.push_text(i, c),
                }
            } else {
                self.push_text(i, c);
            }
            i += c.len_utf8();
        }
    }

    fn tag(&mut self, tag: &Tag, skip: &mut Option<String>) {
        let name = tag.name.as_str();
        if name.is_empty() {
            return;
        }
        if name == "title" && !tag.closing {
            self.page_title = self.title_text(tag.range.end);
            *skip = Some("title".to_string());
            return;
        }
        if SKIPPED.contains(&name) && !tag.closing {
            self.flush();
            *skip = Some(name.to_string());
            return;
        }
        if !BLOCKS.contains(&name) {
            return;
        }
        self.flush();
        match (name, tag.closing) {
            ("ul" | "ol", false) => {
                if self.lists.is_empty() {
                    lead_in_heading(&mut self.out, &mut self.state);
                }
                self.lists.push(self.next_list);
                self.next_list += 1;
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
            }
            ("li", false) => {
                self.block.kind = SegKind::Bullet;
                self.block.list = self.lists.last().copied();
            }
            ("tr", false) => self.row_start = Some(self.out.len()),
            ("tr", true) => self.join_row(),
            (h, false) if h.len() == 2 && h.starts_with('h') => {
                let level = h[1..].parse().unwrap_or(0);
                if level > 0 {
                    self.block.kind = SegKind::Heading;
                    self.block.level = level;
                }
            }
            _ => {}
        }
    }

    /// A table row of a label cell and a value cell ("Intitulé du poste" | "agent de
    /// service", "Salary" | "$52,000"), as job boards lay out a posting's facts: one
    /// label line, "Intitulé du poste: agent de service", read as such a line in text
    /// is. The colon is not in the file, so the line is inexact.
    fn join_row(&mut self) {
        let Some(start) = self.row_start.take() else {
            return;
        };
        let [label, value] = &self.out[start..] else {
            return;
        };
        let short = label.text.split_whitespace().count() <= ROW_LABEL_WORDS;
        if !short || label.kind != SegKind::Prose || value.kind != SegKind::Prose {
            return;
        }
        let head = label.text.trim_end();
        let sep = if head.ends_with(':') { " " } else { ": " };
        let joined = format!("{head}{sep}{}", value.text.trim());
        let loc = label.loc;
        self.out.truncate(start);
        let what = BlockText {
            kind: SegKind::Prose,
            level: 0,
            words: None,
            list: None,
        };
        let seg = self.state.segment(what, joined, loc);
        self.out.push(Segment {
            exact: false,
            ..seg
        });
    }

    /// The text of the `<title>` element starting at byte `from`, with its offset.
    fn title_text(&self, from: usize) -> Option<(usize, String)> {
        let rest = self.src.get(from..)?;
        let end = rest.to_ascii_lowercase().find("</title")?;
        let raw = &rest[..end];
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        (!text.is_empty() && !text.contains(['<', '&'])).then(|| (from + lead, text.to_string()))
    }

    /// Markup inside a block becomes spaces (newlines kept), so offsets still map.
    fn blank(&mut self, range: Range<usize>) {
        if self.block.start.is_none() {
            return;
        }
        let s = &self.src[range];
        self.block
            .text
            .extend(s.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        if !self.block.clean.ends_with(' ') {
            self.block.clean.push(' ');
        }
    }

    fn push_text(&mut self, at: usize, c: char) {
        if self.block.start.is_none() {
            if c.is_whitespace() {
                return;
            }
            self.block.start = Some(at);
        }
        self.block.text.push(c);
        self.block.clean.push(c);
    }

    fn flush(&mut self) {
        let fresh = Open::prose();
        let block = std::mem::replace(&mut self.block, fresh);
        let Some(start) = block.start else {
            return;
        };
        let text = block.text.trim_end().to_string();
        if text.trim().is_empty() {
            return;
        }
        let (mut kind, mut list, mut text, mut clean, mut start) =
            (block.kind, block.list, text, block.clean, start);
        match self.dash_bullet(kind, &text, start) {
            Some(n) => {
                kind = SegKind::Bullet;
                let id = *self.dash_list.get_or_insert_with(|| {
                    self.next_list += 1;
                    self.next_list - 1
                });
                list = Some(id);
                text = text[n..].to_string();
                clean = clean
                    .trim_start()
                    .trim_start_matches(DASHES)
                    .trim_start()
                    .to_string();
                start += n;
            }
            None => self.dash_list = None,
        }
        let loc = self.index.loc(start);
        let what = BlockText {
            kind,
            level: block.level,
            words: Some(&clean),
            list,
        };
        let seg = self.state.segment(what, text, loc);
        self.out.push(seg);
    }

    /// A paragraph written as a bullet ("<p>-Pflasterer</p>", "<p>• Bauhelfer</p>", as
    /// page editors without lists write them): the length of its marker and the spaces
    /// after it, when the file holds them as written at `start`.
    fn dash_bullet(&self, kind: SegKind, text: &str, start: usize) -> Option<usize> {
        let rest = text.strip_prefix(DASHES)?;
        let word = rest.trim_start();
        let n = text.len() - word.len();
        let written = self.src.get(start..start + n) == Some(&text[..n]);
        let starts_word = word.chars().next().is_some_and(char::is_alphabetic);
        (kind == SegKind::Prose && written && starts_word).then_some(n)
    }
}
