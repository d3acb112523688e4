//! Markdown → segments with pulldown-cmark's offset iterator.

use super::*;

/// A block being collected: the source ranges of its text events.
struct Block<'s> {
    kind: SegKind,
    list: Option<usize>,
    level: usize,
    pieces: Vec<(Range<usize>, CowStr<'s>)>,
    /// Every piece so far sat inside `**strong**` or `*emphasis*`.
    all_emphasis: bool,
    /// Every piece so far (but blanks) was inline code: a badge line such as
    /// "#### `💰 £40k` `🌎 UK`", which job boards set as a heading.
    all_code: bool,
}

/// The heading level given to a paragraph that is nothing but bold words ("**About
/// Us**", "**The Role:**"), the way postings pasted from job boards mark their
/// sections: the lowest, so it stays under any real heading around it.
const EMPHASIS_HEADING_LEVEL: usize = LEAD_IN_LEVEL;

/// The most words a bold paragraph may have to be read as a heading.
const EMPHASIS_HEADING_WORDS: usize = 8;

struct Builder<'s> {
    src: &'s str,
    index: LineIndex<'s>,
    out: Vec<Segment>,
    state: SectionState,
    block: Option<Block<'s>>,
    lists: Vec<usize>,
    next_list: usize,
    skip: usize,
    /// Depth of `**strong**` / `*emphasis*` the events are inside.
    emphasis: usize,
    /// An HTML block is being read.
    in_html: bool,
    /// The source range of the HTML block read so far.
    html: Option<Range<usize>>,
    /// A Markdown heading or list was read: the body is Markdown, whatever HTML it holds.
    structured: bool,
}

pub(super) fn segments(src: &str) -> Vec<Segment> {
    // The front matter is blanked, not left to the parser's metadata blocks: those are
    // found anywhere in a file, so a rule ("---") followed by a line of text would
    // swallow the body down to the next rule.
    let body = front::blanked(src);
    let mut b = Builder {
        src,
        index: LineIndex::new(src),
        out: Vec::new(),
        state: SectionState::new(),
        block: None,
        lists: Vec::new(),
        next_list: 0,
        skip: 0,
        emphasis: 0,
        in_html: false,
        html: None,
        structured: false,
    };
    for (ev, range) in Parser::new_ext(&body, Options::empty()).into_offset_iter() {
        b.event(ev, range);
    }
    b.flush();
    let mut has_title = b.state.has_title;
    if (b.out.is_empty() || (!b.structured && mostly_html(&body))) && src.contains('<') {
        // A body of raw HTML under front matter (job boards that store the page as
        // they received it): read it as the page it is, whole (its indented lines
        // would be code blocks to Markdown).
        b.out = super::html::segments(&body);
        has_title = b.out.iter().any(|s| s.kind == SegKind::Title);
    }
    if has_title && b.out.first().is_some_and(|s| s.kind != SegKind::Title) && front::has_title(src)
    {
        // A static site shows its front matter title as the page's title; an H1
        // further down the body is one of its headings ("# Wir freuen uns auf
        // deine Bewerbung!" closing the posting).
        demote_title(&mut b.out);
        has_title = false;
    }
    let front = front::segments(src, &b.index, has_title, b.out.is_empty());
    b.out.splice(0..0, front);
    promote_title(&mut b.out);
    b.out
}

/// Is the body a page of HTML more than Markdown: do lines that open with an element's
/// tag (not a comment) hold most of its text? Its indented lines would be code blocks
/// to Markdown.
fn mostly_html(body: &str) -> bool {
    let (mut html, mut all) = (0, 0);
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        all += line.len();
        let mut chars = line.chars();
        if chars.next() == Some('<')
            && chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
        {
            html += line.len();
        }
    }
    html * 2 > all
}

/// Does an HTML fragment hold any text outside its tags?
pub(super) fn has_text_outside_tags(html: &str) -> bool {
    let mut in_tag = false;
    html.chars().any(|c| match c {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        c => !in_tag && !c.is_whitespace(),
    })
}

/// The body's title taken back to the heading it is.
fn demote_title(segments: &mut [Segment]) {
    if let Some(s) = segments.iter_mut().find(|s| s.kind == SegKind::Title) {
        s.kind = SegKind::Heading;
        s.section = super::classify_heading(&s.text).unwrap_or(Section::Other);
    }
}

impl<'s> Builder<'s> {
    fn event(&mut self, ev: Event<'s>, range: Range<usize>) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.skip == 0 => self.text(range, t, false),
            Event::Code(t) if self.skip == 0 => self.text(range, t, true),
            Event::HardBreak | Event::SoftBreak if self.skip == 0 => self.line_break(ev, range),
            Event::Html(_) if self.in_html => {
                self.html = Some(match self.html.take() {
                    Some(r) => r.start.min(range.start)..r.end.max(range.end),
                    None => range,
                });
            }
            _ => {}
        }
    }

    /// A line break inside a paragraph ends it when the author broke the line on
    /// purpose (two trailing spaces or a backslash) or the next line starts with a
    /// label ("Salary: ..."): a block of "Label: value" lines is read line by line, so
    /// each label names its own line's section and the lines are not one long sentence.
    fn line_break(&mut self, ev: Event<'s>, range: Range<usize>) {
        let in_prose = self
            .block
            .as_ref()
            .is_some_and(|b| b.kind == SegKind::Prose && !b.pieces.is_empty());
        if !in_prose {
            return;
        }
        let rest = self.src.get(range.end..).unwrap_or("");
        let next_line = rest.lines().next().unwrap_or("");
        if matches!(ev, Event::HardBreak) || starts_with_label(next_line) {
            self.open(SegKind::Prose, 0);
        }
    }

    fn start(&mut self, tag: Tag<'s>) {
        match tag {
            Tag::Heading { level, .. } => self.open(SegKind::Heading, level as usize),
            Tag::Paragraph => {
                // The first paragraph of a loose list item is the item's own text.
                let in_fresh_item = self
                    .block
                    .as_ref()
                    .is_some_and(|b| b.kind == SegKind::Bullet && b.pieces.is_empty());
                if !in_fresh_item {
                    self.open(SegKind::Prose, 0);
                }
            }
            Tag::List(_) => {
                self.flush();
                if self.lists.is_empty() {
                    lead_in_heading(&mut self.out, &mut self.state);
                }
                self.lists.push(self.next_list);
                self.next_list += 1;
            }
            Tag::Item => self.open(SegKind::Bullet, 0),
            Tag::Strong | Tag::Emphasis => self.emphasis += 1,
            Tag::HtmlBlock => {
                self.flush();
                self.skip += 1;
                self.in_html = true;
                self.html = None;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.skip += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => self.flush(),
            TagEnd::Strong | TagEnd::Emphasis => self.emphasis = self.emphasis.saturating_sub(1),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::HtmlBlock => {
                self.skip = self.skip.saturating_sub(1);
                self.in_html = false;
                if let Some(r) = self.html.take() {
                    self.html_block(r);
                }
            }
            TagEnd::CodeBlock => {
                self.skip = self.skip.saturating_sub(1);
            }
            _ => {}
        }
    }

    /// Reads an HTML block (`<p>Salary range is $90k to $120k</p>`) as the HTML it is,
    /// in the section the Markdown around it is in.
    fn html_block(&mut self, range: Range<usize>) {
        let src = self.src;
        let Some(text) = src.get(range.clone()) else {
            return;
        };
        // A block of tags alone ("<br>", "<div class=…>", a comment) adds nothing.
        if !has_text_outside_tags(text) {
            return;
        }
        let line_start = src[..range.start].rfind('\n').map_or(0, |n| n + 1);
        let lines_before = self.index.loc(line_start).line - 1;
        let mut placed = "\n".repeat(lines_before);
        placed.push_str(&src[line_start..range.end]);
        let segs = super::html::block_segments(&placed, &mut self.state, &mut self.next_list);
        self.out.extend(segs);
    }

    /// Starts a block. Later paragraphs of a list item open as prose, so they are not
    /// counted as extra bullets.
    fn open(&mut self, kind: SegKind, level: usize) {
        self.flush();
        let list = if kind == SegKind::Bullet {
            self.lists.last().copied()
        } else {
            None
        };
        self.block = Some(Block {
            kind,
            list,
            level,
            pieces: Vec::new(),
            all_emphasis: true,
            all_code: true,
        });
    }

    fn text(&mut self, range: Range<usize>, t: CowStr<'s>, code: bool) {
        if self.block.is_none() {
            self.open(SegKind::Prose, 0);
        }
        let emphasised = self.emphasis > 0;
        if let Some(b) = self.block.as_mut() {
            b.all_emphasis &= emphasised;
            b.all_code &= code || t.trim().is_empty();
            b.pieces.push((range, t));
        }
    }

    fn flush(&mut self) {
        let Some(block) = self.block.take() else {
            return;
        };
        let Some((start, text)) = exact_text(self.src, &block.pieces) else {
            return;
        };
        let loc = self.index.loc(start);
        let bold_heading = block.all_emphasis && is_heading_like(&text);
        let (kind, level) =
            if block.kind == SegKind::Prose && (bold_heading || is_plain_heading(&text)) {
                (SegKind::Heading, EMPHASIS_HEADING_LEVEL)
            } else if block.kind == SegKind::Heading
                && block.level > 1
                && block.all_code
                && !states_money(&text)
            {
                // A badge line of facts opens no section: its text is read in place (one
                // stating the pay stays a heading, the posting's headline pay).
                (SegKind::Prose, 0)
            } else {
                (block.kind, block.level)
            };
        let what = BlockText {
            kind,
            level,
            words: None,
            list: block.list,
        };
        self.structured |= kind != SegKind::Prose;
        let seg = self.state.segment(what, text, loc);
        self.out.push(seg);
    }
}

/// Could this bold paragraph be a heading: a few words, not a sentence ("**What do we
/// do?**" is one)?
fn is_heading_like(text: &str) -> bool {
    let t = text.trim();
    let words = tokenize(t).len();
    (1..=EMPHASIS_HEADING_WORDS).contains(&words) && !t.ends_with(['.', '!', ','])
}

/// The most words a plain line naming a section has ("Pay Range", "Key
/// Responsibilities").
const PLAIN_HEADING_WORDS: usize = 3;

/// A line longer than this holds more than [`PLAIN_HEADING_WORDS`] words.
const PLAIN_HEADING_BYTES: usize = 80;

/// Is a paragraph of one short line, unmarked, a section's name ("Pay Range" over
/// "$19.22—$38.77 USD", as pages copied from a job board keep their headings)? The
/// line must be short and bare, so "Pay depends on the shift." is text.
fn is_plain_heading(text: &str) -> bool {
    let t = text.trim();
    // Most paragraphs are sentences: the marks rule them out before any word is read.
    if t.len() > PLAIN_HEADING_BYTES || t.contains(['\n', ':', '.', '!', ',', '?']) {
        return false;
    }
    (1..=PLAIN_HEADING_WORDS).contains(&tokenize(t).len()) && super::classify_heading(t).is_some()
}

/// Does a Markdown source line start with a label of up to four words and a colon
/// ("**Salary:** £30,000", "Closing date: 1 May")? A label starts with a capital and
/// has no digits (not "9:30"), and is not a web address ("https://").
fn starts_with_label(line: &str) -> bool {
    let t = line
        .trim_start()
        .trim_start_matches(['*', '_', '-', '+', '>', ' ']);
    let Some((colon, _)) = t.char_indices().take(40).find(|(_, c)| *c == ':') else {
        return false;
    };
    let label = &t[..colon];
    let after = &t[colon + 1..];
    label.starts_with(|c: char| c.is_uppercase())
        && !label.contains(|c: char| c.is_ascii_digit())
        && !after.starts_with("//")
        && (1..=4).contains(&tokenize(label).len())
}

/// The source from the first piece to the last with everything that is not text
/// (markup, link targets, list markers of continuation lines) blanked to spaces, so the
/// result maps char for char onto the file.
fn exact_text(src: &str, pieces: &[(Range<usize>, CowStr<'_>)]) -> Option<(usize, String)> {
    let start = pieces.first()?.0.start;
    let mut out = String::new();
    let mut pos = start;
    for (r, t) in pieces {
        if r.start < pos {
            continue;
        }
        blank_into(src.get(pos..r.start)?, &mut out);
        let slice = src.get(r.clone())?;
        let n = slice.chars().count();
        let tn = t.chars().count();
        if slice == t.as_ref() {
            out.push_str(slice);
        } else if let Some(at) = slice.find(t.as_ref()).filter(|_| !t.is_empty()) {
            // Inline code: the text sits inside its backticks.
            blank_into(&slice[..at], &mut out);
            out.push_str(t);
            blank_into(&slice[at + t.len()..], &mut out);
        } else if tn <= n && !slice.contains('\n') {
            // An entity or escape ("&amp;", "\*"): its meaning, padded to its width.
            out.push_str(t);
            out.extend(std::iter::repeat_n(' ', n - tn));
        } else {
            blank_into(slice, &mut out);
        }
        pos = r.end;
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if out.trim().is_empty() {
        return None;
    }
    Some((start, out))
}

fn blank_into(s: &str, out: &mut String) {
    out.extend(s.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
}
