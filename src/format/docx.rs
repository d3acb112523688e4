//! A Word document (`.docx`) a hiring manager can edit and send back: the title
//! as Heading 1, the facts a reader checks first (place, type, pay, apply by)
//! in a small table, each section a Heading 2, lists as real Word bullet lists
//! (a numbering definition, not "•" typed into text), links as hyperlinks, and
//! the posting's language as every run's default (`w:lang`), so Word
//! spell-checks it in en-GB or en-US as the posting reads.
//!
//! The sections and their order are the Markdown template's, and the text is
//! the same [`View`] every format shows. A missing employer fact is said in the
//! table ("Not stated"), never filled in.
//!
//! The WordprocessingML is written here (the parts are short and fixed, see
//! [`package`]); the `zip` crate packs them. docx-rs was the other choice: it
//! cannot set a run's language, which the issue asks for, and brings an XML
//! reader and image codecs the export does not need.

mod package;

use super::{Prepared, Rendered, Renderer};
use crate::error::Result;
use crate::markdown::{Block, Span};
use crate::render::{Templates, View};
use crate::xml::escape;

/// The Word document.
pub struct Word;

impl Renderer for Word {
    fn name(&self) -> &'static str {
        "docx"
    }

    fn media_type(&self) -> &'static str {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    }

    fn help(&self) -> &'static str {
        "A Word document to edit and send for approval"
    }

    fn title(&self) -> &'static str {
        "Word"
    }

    /// A file to download and edit, not a page to read in the wizard.
    fn is_document(&self) -> bool {
        false
    }

    fn link_rank(&self) -> u8 {
        // A person's document, below the page, Markdown and text; above JSON-LD.
        1
    }

    fn render(&self, posting: &Prepared, _: &Templates) -> Result<Rendered> {
        let body = body(&posting.view);
        package::pack(&posting.view, &body).map(Rendered::Binary)
    }
}

/// The document's paragraphs and tables, and the hyperlinks they point to.
#[derive(Default)]
pub(super) struct Body {
    /// `w:body`'s content.
    pub xml: String,
    /// Each hyperlink's address; the relationship id of the n-th is `link{n+1}`.
    pub links: Vec<String>,
}

/// The posting laid out as the Markdown template lays it out.
fn body(v: &View) -> Body {
    let mut b = Body::default();
    b.heading(1, &v.title);
    let byline = header_line(v);
    if !byline.is_empty() {
        b.paragraph(&[plain(&byline)]);
    }
    b.facts(v);
    company(&mut b, v);
    b.heading(2, t(v, "about_role"));
    b.markdown(&v.purpose);
    b.list_section(t(v, "achieve"), &v.objectives);
    duties(&mut b, v);
    skills(&mut b, v);
    conditions(&mut b, v);
    pay(&mut b, v);
    apply(&mut b, v);
    if !v.company.eeo.is_empty() {
        b.heading(2, t(v, "equal_opportunity"));
        b.paragraph(&[plain(&v.company.eeo)]);
    }
    footer(&mut b, v);
    b
}

/// A heading or label in the posting's locale.
fn t<'a>(v: &'a View, key: &str) -> &'a str {
    v.t.get(key).map_or("", String::as_str)
}

fn plain(text: &str) -> Span {
    Span {
        text: text.to_string(),
        ..Span::default()
    }
}

fn bold(text: &str) -> Span {
    Span {
        bold: true,
        ..plain(text)
    }
}

fn link(text: &str, url: &str) -> Span {
    Span {
        link: Some(url.to_string()),
        ..plain(text)
    }
}

/// `Company · Full-time · Hybrid`, as under the Markdown title.
fn header_line(v: &View) -> String {
    let parts = [&v.company.name, &v.employment_type, &v.conditions.workplace];
    let parts: Vec<&str> = parts
        .iter()
        .map(|s| s.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    parts.join(" · ")
}

fn company(b: &mut Body, v: &View) {
    let c = &v.company;
    if c.about.is_empty() && c.website.is_empty() {
        return;
    }
    b.heading(2, &v.lines.about);
    b.markdown(&c.about);
    for value in &c.values {
        b.bullet(&[plain(value)]);
    }
    if !c.website.is_empty() {
        let label = format!("{}{} ", t(v, "website"), t(v, "colon"));
        b.paragraph(&[plain(&label), link(&c.website, &c.website)]);
    }
}

fn duties(b: &mut Body, v: &View) {
    if v.daily.is_empty() && v.weekly.is_empty() {
        return;
    }
    b.heading(2, t(v, "duties"));
    b.sub_list(t(v, "every_day"), &v.daily);
    b.sub_list(t(v, "every_week"), &v.weekly);
}

fn skills(b: &mut Body, v: &View) {
    if v.required.is_empty() && v.preferred.is_empty() {
        return;
    }
    b.heading(2, t(v, "bring"));
    b.sub_list(t(v, "required"), &v.required);
    b.sub_list(t(v, "nice_to_have"), &v.preferred);
}

fn conditions(b: &mut Body, v: &View) {
    let c = &v.conditions;
    let place = match c.workplace.is_empty() {
        false => (t(v, "workplace"), &c.workplace_line),
        true => (t(v, "location"), &c.location),
    };
    let lines = [
        place,
        (t(v, "schedule"), &c.schedule),
        (t(v, "hours"), &c.hours),
        (t(v, "environment"), &c.environment),
        (t(v, "travel"), &c.travel),
    ];
    let lines: Vec<_> = lines.into_iter().filter(|(_, s)| !s.is_empty()).collect();
    if lines.is_empty() && c.physical.is_empty() {
        return;
    }
    b.heading(2, t(v, "conditions"));
    for (label, text) in lines {
        b.bullet(&[bold(&format!("{label}{} ", t(v, "colon"))), plain(text)]);
    }
    b.sub_list(t(v, "physical"), &c.physical);
}

fn pay(b: &mut Body, v: &View) {
    let p = &v.pay;
    if p.range.is_empty() && p.extras.is_empty() && p.benefits.is_empty() {
        return;
    }
    b.heading(2, t(v, "pay_and_benefits"));
    if !p.range.is_empty() {
        b.paragraph(&[
            plain(&format!("{}{} ", t(v, "pay"), t(v, "colon"))),
            bold(&p.range),
        ]);
    }
    if !p.extras.is_empty() {
        b.paragraph(&[plain(&p.extras)]);
    }
    for benefit in &p.benefits {
        b.bullet(&[plain(benefit)]);
    }
}

fn apply(b: &mut Body, v: &View) {
    let a = &v.apply;
    if a.instructions.is_empty()
        && a.url.is_empty()
        && a.email.is_empty()
        && v.apply_by.is_empty()
        && a.statements.is_empty()
    {
        return;
    }
    b.heading(2, t(v, "how_to_apply"));
    if !a.instructions.is_empty() {
        b.paragraph(&[plain(&a.instructions)]);
    }
    // Statements the law of the place asks for (Ontario's on AI and the vacancy),
    // in one paragraph as the other formats print them.
    if !a.statements.is_empty() {
        b.paragraph(&[plain(&a.statements.join(" "))]);
    }
    if !a.url.is_empty() {
        let label = format!("{}{} ", t(v, "apply_online"), t(v, "colon"));
        b.bullet(&[plain(&label), link(&a.url, &a.url)]);
    }
    if !a.email.is_empty() {
        let label = format!("{}{} ", t(v, "email"), t(v, "colon"));
        b.bullet(&[
            plain(&label),
            link(&a.email, &format!("mailto:{}", a.email)),
        ]);
    }
    if !v.apply_by.is_empty() {
        b.bullet(&[plain(&v.lines.apply_by)]);
    }
}

fn footer(b: &mut Body, v: &View) {
    let mut parts = Vec::new();
    if !v.reference.is_empty() {
        parts.push(format!(
            "{}{} {}",
            t(v, "reference"),
            t(v, "colon"),
            v.reference
        ));
    }
    if !v.posted.is_empty() {
        parts.push(v.lines.posted.clone());
    }
    if !parts.is_empty() {
        b.paragraph(&[plain(&parts.join(" · "))]);
    }
}

impl Body {
    /// A paragraph in the style `Heading{level}`.
    fn heading(&mut self, level: u8, text: &str) {
        let run = self.run(&plain(text));
        self.xml.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr>{run}</w:p>"
        ));
    }

    /// A paragraph of `spans`.
    fn paragraph(&mut self, spans: &[Span]) {
        self.styled_paragraph("", spans);
    }

    /// An item of the one bullet list definition (`numId` 1).
    fn bullet(&mut self, spans: &[Span]) {
        self.styled_paragraph(
            "<w:pStyle w:val=\"ListBullet\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
            spans,
        );
    }

    fn styled_paragraph(&mut self, properties: &str, spans: &[Span]) {
        let runs: String = spans.iter().map(|s| self.run(s)).collect();
        let properties = match properties {
            "" => String::new(),
            p => format!("<w:pPr>{p}</w:pPr>"),
        };
        self.xml.push_str(&format!("<w:p>{properties}{runs}</w:p>"));
    }

    /// User Markdown: its paragraphs and list items.
    fn markdown(&mut self, md: &str) {
        for Block { bullet, spans } in crate::markdown::blocks(md) {
            match bullet {
                true => self.bullet(&spans),
                false => self.paragraph(&spans),
            }
        }
    }

    /// A Heading 2 and a bullet per item, when there are items.
    fn list_section(&mut self, heading: &str, items: &[String]) {
        if !items.is_empty() {
            self.heading(2, heading);
            self.items(items);
        }
    }

    /// A Heading 3 and a bullet per item, when there are items.
    fn sub_list(&mut self, heading: &str, items: &[String]) {
        if !items.is_empty() {
            self.heading(3, heading);
            self.items(items);
        }
    }

    fn items(&mut self, items: &[String]) {
        for item in items {
            self.bullet(&[plain(item)]);
        }
    }

    /// The facts as a two-column table: a label and its value, or "Not stated".
    fn facts(&mut self, v: &View) {
        let c = &v.conditions;
        let (place_label, place) = match c.workplace.is_empty() {
            false => (t(v, "workplace"), &c.workplace_line),
            true => (t(v, "location"), &c.location),
        };
        let rows = [
            (place_label, place.as_str()),
            (t(v, "employment_type"), v.employment_type.as_str()),
            (t(v, "pay"), v.pay.range.as_str()),
            (t(v, "apply_by"), v.apply_by.as_str()),
        ];
        let not_stated = t(v, "not_stated");
        let rows: String = rows
            .iter()
            .map(|(label, value)| {
                let value = if value.is_empty() { not_stated } else { value };
                format!(
                    "<w:tr>{}{}</w:tr>",
                    self.cell(package::LABEL_WIDTH, &bold(label)),
                    self.cell(package::VALUE_WIDTH, &plain(value))
                )
            })
            .collect();
        self.xml.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>\
             <w:tblGrid><w:gridCol w:w=\"{}\"/><w:gridCol w:w=\"{}\"/></w:tblGrid>{rows}</w:tbl>\
             <w:p/>",
            package::LABEL_WIDTH,
            package::VALUE_WIDTH
        ));
    }

    fn cell(&mut self, width: u32, span: &Span) -> String {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr><w:p>{}</w:p></w:tc>",
            self.run(span)
        )
    }

    /// One run of text; a link becomes a hyperlink to a new relationship.
    fn run(&mut self, span: &Span) -> String {
        let mut props = String::new();
        if span.link.is_some() {
            props.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
        }
        if span.bold {
            props.push_str("<w:b/>");
        }
        if span.italic {
            props.push_str("<w:i/>");
        }
        if !props.is_empty() {
            props = format!("<w:rPr>{props}</w:rPr>");
        }
        let run = format!(
            "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(&span.text)
        );
        match &span.link {
            Some(url) => {
                self.links.push(url.clone());
                format!(
                    "<w:hyperlink r:id=\"link{}\" w:history=\"1\">{run}</w:hyperlink>",
                    self.links.len()
                )
            }
            None => run,
        }
    }
}
