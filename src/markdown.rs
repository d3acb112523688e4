//! The one place that knows Markdown: pulldown-cmark options, Markdown → safe
//! HTML, Markdown → safe Markdown written anew, Markdown → plain text,
//! Markdown → styled paragraphs and list items (for Word), and escaping plain
//! text for Markdown output.
//!
//! Raw HTML in user Markdown never reaches a page: the event filter turns it
//! into text, and ammonia's allow-list cleans whatever HTML remains, so a
//! `javascript:` link or an `onerror` attribute cannot survive either step.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// The Markdown features postings use.
fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Link schemes a posting may use.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// True for `https://…`, `http://…`, `mailto:…`.
pub fn is_safe_url(url: &str) -> bool {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match trimmed.split_once(':') {
        Some((scheme, _)) => SAFE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)),
        None => false,
    }
}

/// User Markdown to HTML that is safe to place inside a page section.
pub fn to_html(md: &str) -> String {
    let events = Parser::new_ext(md, options()).map(html_event);
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitizer().clean(&html).to_string()
}

/// Raw HTML becomes text; headings sit below the page's section headings;
/// images become their alt text (a posting page makes no network requests).
fn html_event(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        Event::Start(Tag::Heading { .. }) => Event::Start(Tag::Heading {
            level: HeadingLevel::H3,
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(HeadingLevel::H3)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {
            Event::Text(CowStr::Borrowed(""))
        }
        other => other,
    }
}

/// The allow-list, built once: building it costs more than cleaning a posting.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    BUILDER.get_or_init(allow_list)
}

fn allow_list() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "blockquote",
        "a",
        "h3",
    ]
    .into_iter()
    .collect();
    let mut b = ammonia::Builder::empty();
    b.tags(tags)
        .add_tag_attributes("a", ["href"])
        .url_schemes(SAFE_SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"));
    b
}

/// User Markdown for a Markdown document, parsed and written anew: the same
/// events the page's HTML is made from, with the same sanitising. Raw HTML
/// becomes text, links and images with unsafe addresses keep only their text,
/// images are their alt text (a page makes no network requests), headings sit
/// below the document's sections, and every link is written inline.
///
/// Writing the Markdown anew, rather than patching the text the user wrote,
/// leaves nothing the parser did not understand as we did: reference
/// definitions are gone (a `[x]: javascript:…` in one field cannot serve a
/// `[y][x]` in another, as every field shares one Markdown file), and text is
/// escaped wherever it could be read as syntax.
pub fn to_safe_markdown(md: &str) -> String {
    let events = SafeEvents::new(Parser::new_ext(md, options()));
    // `&` in text is written `\&` rather than the writer's `&amp;`, which reads
    // badly in a Markdown file: a mark no text holds stands in for it.
    let amp = !md.contains(AMP_MARK);
    let events = events.map(|e| match e {
        Event::Text(t) if amp && t.contains('&') => {
            Event::Text(CowStr::from(t.replace('&', &AMP_MARK.to_string())))
        }
        other => other,
    });
    let style = pulldown_cmark_to_cmark::Options {
        list_token: '-',
        code_block_token: '`',
        ..Default::default()
    };
    let mut out = String::with_capacity(md.len() + md.len() / 8);
    let written = pulldown_cmark_to_cmark::cmark_with_options(events, &mut out, options(), style)
        .ok()
        .map(|_| match amp {
            true => out.replace(AMP_MARK, "\\&").trim_end().to_string(),
            false => out.trim_end().to_string(),
        });
    // What was written is read back as a renderer would read it. The writer
    // refuses only streams it cannot write, and may add a definition of its own
    // to keep a list's shape; either way the text shown whole, escaped, is safe
    // whatever it holds.
    match written {
        Some(written) if stays_text(&written) => written,
        _ => escape(md.trim_end(), true),
    }
}

/// Does Markdown `md` hold no raw HTML, no reference definition and no link or
/// image to an address that is not a web or mail link?
fn stays_text(md: &str) -> bool {
    let mut parser = Parser::new_ext(md, options());
    let clean = parser.by_ref().all(|e| match e {
        Event::Html(_) | Event::InlineHtml(_) => false,
        Event::Start(Tag::Link {
            link_type: LinkType::Email,
            ..
        }) => true,
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
            is_safe_url(&dest_url)
        }
        _ => true,
    });
    clean && parser.reference_definitions().iter().next().is_none()
}

/// Stands in for `&` while Markdown is written (see [`to_safe_markdown`]): a
/// noncharacter, which no text means to hold.
const AMP_MARK: char = '\u{fdd0}';

/// The events of user Markdown as [`to_safe_markdown`] writes them.
struct SafeEvents<'a, I> {
    inner: I,
    /// Per open link or image: whether its start was kept (so is its end).
    links: Vec<bool>,
    /// Lines of the raw HTML block being read, given out as text.
    pending: std::collections::VecDeque<Event<'a>>,
    /// How many list items are open: in one, an HTML block's lines are the
    /// item's text, not a paragraph of their own.
    items: usize,
}

impl<'a, I: Iterator<Item = Event<'a>>> SafeEvents<'a, I> {
    fn new(inner: I) -> Self {
        SafeEvents {
            inner,
            links: Vec::new(),
            pending: std::collections::VecDeque::new(),
            items: 0,
        }
    }

    /// An HTML block as a paragraph of its lines, shown as text.
    fn html_block(&mut self) {
        let mut raw = String::new();
        for event in self.inner.by_ref() {
            match event {
                Event::End(TagEnd::HtmlBlock) => break,
                Event::Html(s) | Event::InlineHtml(s) | Event::Text(s) => raw.push_str(&s),
                _ => {}
            }
        }
        let lines: Vec<&str> = raw.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            return;
        }
        let paragraph = self.items == 0;
        if paragraph {
            self.pending.push_back(Event::Start(Tag::Paragraph));
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.pending.push_back(Event::SoftBreak);
            }
            self.pending
                .push_back(Event::Text(CowStr::from(line.trim().to_string())));
        }
        if paragraph {
            self.pending.push_back(Event::End(TagEnd::Paragraph));
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for SafeEvents<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(e);
            }
            let event = self.inner.next()?;
            let kept = match event {
                Event::Start(Tag::HtmlBlock) => {
                    self.html_block();
                    continue;
                }
                Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
                Event::Start(Tag::Item) => {
                    self.items += 1;
                    event
                }
                Event::End(TagEnd::Item) => {
                    self.items = self.items.saturating_sub(1);
                    event
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }) => {
                    let safe = is_safe_url(&dest_url);
                    self.links.push(safe);
                    if !safe {
                        continue;
                    }
                    // Written inline: a reference would need a definition, and
                    // definitions are what must not survive.
                    let link_type = match link_type {
                        LinkType::Autolink | LinkType::Email => link_type,
                        _ => LinkType::Inline,
                    };
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id: CowStr::Borrowed(""),
                    })
                }
                Event::End(TagEnd::Link) => match self.links.pop() {
                    Some(true) => event,
                    _ => continue,
                },
                Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => continue,
                Event::Start(Tag::Heading { .. }) => Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }),
                Event::End(TagEnd::Heading(_)) => Event::End(TagEnd::Heading(HeadingLevel::H3)),
                other => other,
            };
            return Some(kept);
        }
    }
}

/// Escapes plain text so Markdown shows it literally, on one line.
pub fn escape_text(text: &str) -> String {
    escape(text, false)
}

/// Backslash-escapes every character Markdown gives meaning to inline;
/// newlines are kept or made spaces. Every such character is ASCII, so the
/// runs between them are copied whole (export escapes every field).
fn escape(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let special = matches!(
            b,
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'|' | b'&' | b'~'
        );
        if !special && (b != b'\n' || keep_newlines) {
            continue;
        }
        out.push_str(&text[copied..i]);
        match special {
            true => {
                out.push('\\');
                out.push(b as char);
            }
            false => out.push(' '),
        }
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// User Markdown as plain text: paragraphs, `- ` bullets, `text (url)` links.
pub fn to_plain(md: &str) -> String {
    let mut out = String::new();
    let mut links: Vec<String> = Vec::new();
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("- "),
            Event::End(TagEnd::Item) => out.push('\n'),
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) => out.push_str("\n\n"),
            Event::End(TagEnd::List(_)) => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop().filter(|u| is_safe_url(u)) {
                    out.push_str(&format!(" ({url})"));
                }
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.join("\n").trim().replace("\n\n\n", "\n\n")
}

/// Safe HTML (from [`to_html`]) in the few tags job boards such as LinkedIn
/// keep (`b strong u i br p ul li`): headings become bold paragraphs,
/// emphasis `i`, links their text.
pub fn html_to_basic(html: &str) -> String {
    let mut html = html.replace("<em>", "<i>").replace("</em>", "</i>");
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        html = html
            .replace(&format!("<{h}>"), "<p><strong>")
            .replace(&format!("</{h}>"), "</strong></p>");
    }
    let tags: HashSet<&str> = ["b", "strong", "u", "i", "br", "p", "ul", "li"]
        .into_iter()
        .collect();
    ammonia::Builder::empty()
        .tags(tags)
        .clean(&html)
        .to_string()
}

/// How many characters of text `html` shows, spaces and tags aside.
pub fn html_text_len(html: &str) -> usize {
    let mut inside = false;
    let mut n = 0;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside && !c.is_whitespace() => n += 1,
            _ => {}
        }
    }
    n
}

/// A run of inline text with its emphasis and link, for formats that lay text
/// out themselves (a Word document).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Strong.
    pub bold: bool,
    /// Emphasised.
    pub italic: bool,
    /// The link's address, only when it is a safe one.
    pub link: Option<String>,
}

/// A block of user Markdown: a paragraph, or one item of a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    /// An item of a list.
    pub bullet: bool,
    /// Its text.
    pub spans: Vec<Span>,
}

/// User Markdown as paragraphs and list items of styled text. Raw HTML is
/// text, images are dropped, links with unsafe addresses keep only their text.
pub fn blocks(md: &str) -> Vec<Block> {
    let mut b = BlockBuilder::default();
    for event in Parser::new_ext(md, options()) {
        b.event(event);
    }
    b.flush();
    b.blocks
}

/// [`blocks`]'s state while reading events.
#[derive(Default)]
struct BlockBuilder {
    blocks: Vec<Block>,
    current: Vec<Span>,
    bold: usize,
    italic: usize,
    items: usize,
    links: Vec<Option<String>>,
    in_image: bool,
}

impl BlockBuilder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.push(&t)
            }
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::Start(Tag::Strong) | Event::Start(Tag::Heading { .. }) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold -= 1,
            Event::End(TagEnd::Heading(_)) => {
                self.bold -= 1;
                self.flush();
            }
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic -= 1,
            Event::Start(Tag::Link { dest_url, .. }) => self
                .links
                .push(Some(dest_url.to_string()).filter(|u| is_safe_url(u))),
            Event::End(TagEnd::Link) => {
                self.links.pop();
            }
            Event::Start(Tag::Image { .. }) => self.in_image = true,
            Event::End(TagEnd::Image) => self.in_image = false,
            Event::Start(Tag::Item) => {
                self.flush();
                self.items += 1;
            }
            Event::End(TagEnd::Item) => {
                self.flush();
                self.items -= 1;
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::CodeBlock) => self.flush(),
            _ => {}
        }
    }

    fn push(&mut self, text: &str) {
        if self.in_image {
            return;
        }
        let span = Span {
            text: text.to_string(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            link: self.links.iter().rev().flatten().next().cloned(),
        };
        match self.current.last_mut() {
            Some(last)
                if (&last.bold, &last.italic, &last.link)
                    == (&span.bold, &span.italic, &span.link) =>
            {
                last.text.push_str(&span.text)
            }
            _ => self.current.push(span),
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            self.blocks.push(Block {
                bullet: self.items > 0,
                spans: std::mem::take(&mut self.current),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_definitions_do_not_survive() {
        // Alone a definition shows nothing; beside `[y][x]` from another field
        // (every field shares one Markdown file) it would link.
        let md =
            to_safe_markdown("About us.\n\n[x]: javascript:alert(1)\n\n[s]: https://a.example/");
        assert_eq!(md, "About us.");
        let page = format!("{md}\n\n[y][x] [z][s]");
        let links = Parser::new(&page)
            .filter(|e| matches!(e, Event::Start(Tag::Link { .. })))
            .count();
        assert_eq!(links, 0);
        // A reference to a safe definition in the same field is written inline.
        let md = to_safe_markdown("See [our site][s].\n\n[s]: https://a.example/");
        assert_eq!(md, "See [our site](https://a.example/).");
    }

    #[test]
    fn markdown_output_is_written_anew() {
        let md = to_safe_markdown(
            "Intro with _emphasis_, Smith & Sons.\n\n* one\n* two\n\n# Heading\n\n![logo](https://a.example/x.png)\n\n<div>\n<b>hi</b>\n</div>",
        );
        assert_eq!(
            md,
            "Intro with *emphasis*, Smith \\& Sons.\n\n- one\n- two\n\n### Heading\n\nlogo\n\n\\<div>\n\\<b>hi\\</b>\n\\</div>"
        );
        // Written again, it stays as it is.
        assert_eq!(to_safe_markdown(&md), md);
    }

    #[test]
    fn html_output_drops_scripts_handlers_and_bad_links() {
        let html = to_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [ok](https://a.example)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("<a href=\"https://a.example\" rel=\"noopener noreferrer\">ok</a>"),
            "{html}"
        );
    }

    #[test]
    fn headings_and_images_are_tamed() {
        let html = to_html("# Big\n\n![alt](https://tracker.example/x.png)");
        assert!(html.contains("<h3>Big</h3>"), "{html}");
        assert!(!html.contains("tracker"), "{html}");
    }

    #[test]
    fn markdown_output_neutralises_html_and_bad_links() {
        let md = to_safe_markdown(
            "Join **us**. <b onclick=x>hi</b> [click](javascript:alert(1)) [web](https://a.example)",
        );
        assert_eq!(
            md,
            "Join **us**. \\<b onclick=x>hi\\</b> click [web](https://a.example)"
        );
    }

    #[test]
    fn markdown_hidden_in_html_stays_text() {
        // Found by fuzzing: `&lt;!--` is no comment, so the link came alive.
        let md = to_safe_markdown("<!--[x](javascript:alert(1))");
        assert_eq!(md, "\\<!--\\[x\\](javascript:alert(1))");
        let block = to_safe_markdown("<div>\n[x]: javascript:alert(1)\n\n[x]\n</div>");
        assert!(!block.contains("[x]:"), "{block}");
    }

    #[test]
    fn removing_a_link_cannot_form_a_new_one() {
        // Found by fuzzing: dropping the inner link left `[ref](data:)`.
        let md = to_safe_markdown("[[ref]](data:)\n- [ref]:e");
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new(&md));
        assert!(!html.contains("href=\"data:"), "{md} → {html}");
    }

    #[test]
    fn plain_text_keeps_structure() {
        let txt = to_plain("We **help** people.\n\n- one\n- two\n\nSee [site](https://a.example).");
        assert_eq!(
            txt,
            "We help people.\n\n- one\n- two\n\nSee site (https://a.example)."
        );
    }

    #[test]
    fn blocks_keep_paragraphs_items_emphasis_and_safe_links() {
        let b = blocks(
            "We **help** *people*.\n\n- one [x](javascript:y)\n- [site](https://a.example)\n\n<b>hi</b>",
        );
        let text = |s: &str| Span {
            text: s.into(),
            ..Span::default()
        };
        assert_eq!(b.len(), 4);
        assert_eq!(
            b[0].spans,
            [
                text("We "),
                Span {
                    bold: true,
                    ..text("help")
                },
                text(" "),
                Span {
                    italic: true,
                    ..text("people")
                },
                text("."),
            ]
        );
        assert!(b[1].bullet && b[2].bullet && !b[3].bullet);
        assert_eq!(b[1].spans, [text("one x")]);
        assert_eq!(b[2].spans[0].link.as_deref(), Some("https://a.example"));
        assert_eq!(b[3].spans, [text("<b>hi</b>")]);
    }

    #[test]
    fn escapes_markdown_syntax_in_text() {
        assert_eq!(
            escape_text("*Lead* <b>#1</b>"),
            "\\*Lead\\* \\<b\\>\\#1\\</b\\>"
        );
        assert!(is_safe_url(" HTTPS://x.example"));
        assert!(!is_safe_url("java\tscript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
    }
}
