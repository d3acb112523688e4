//! Word `.docx` documents, read as the zip of XML parts they are (`zip` and
//! `quick-xml`: both small, pure Rust and widely used; docx-rs would bring a writer,
//! image decoding and more we do not need to read text). The main part,
//! `word/document.xml`, is turned into Markdown for the same section reader lint uses:
//! heading styles (`Title`, `Heading1`…) and short all-bold paragraphs become
//! headings, numbered and bulleted paragraphs list items (nested by level), and table
//! rows "Label | value" lines ("Location: Boulder, CO"); other rows keep their cells
//! joined by " | ".

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Origin, Problem, Result};

/// The largest unpacked `document.xml` read; a real job description is a few hundred KB.
const MAX_XML_BYTES: u64 = 32 * 1024 * 1024;

/// The Markdown text of a `.docx`'s body.
pub fn to_markdown(name: &str, bytes: &[u8]) -> Result<String> {
    let xml = document_xml(name, bytes)?;
    let blocks =
        blocks(&xml).map_err(|e| corrupt(name, &format!("its text does not parse ({e})")))?;
    Ok(markdown(&blocks))
}

fn corrupt(name: &str, why: &str) -> Error {
    let problem = Problem::new(
        Origin::file(name),
        format!("is not a readable Word document: {why}"),
    );
    Error::from(problem.expected("a .docx saved by Word, LibreOffice or Google Docs"))
}

fn document_xml(name: &str, bytes: &[u8]) -> Result<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(name, &format!("the file is damaged ({e})")))?;
    let mut part = zip
        .by_name("word/document.xml")
        .map_err(|_| corrupt(name, "it has no word/document.xml (is it a Word file?)"))?;
    let mut xml = String::new();
    part.by_ref()
        .take(MAX_XML_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| corrupt(name, &format!("the text cannot be unpacked ({e})")))?;
    Ok(xml)
}

/// One paragraph or table row of the document.
#[derive(Debug, Default, Clone, PartialEq)]
struct Para {
    /// Heading level from the style (1 for `Title` and `Heading1`).
    heading: Option<usize>,
    /// List level, when the paragraph is a list item.
    list: Option<usize>,
    /// Runs: text and whether it is bold.
    runs: Vec<(String, bool)>,
}

impl Para {
    fn text(&self) -> String {
        self.runs
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<String>()
    }

    /// A short paragraph in bold throughout reads as a heading.
    fn bold_heading(&self) -> bool {
        let text = self.text();
        let words = text.split_whitespace().count();
        (1..=8).contains(&words)
            && !text.trim_end().ends_with('.')
            && self.runs.iter().all(|(t, b)| *b || t.trim().is_empty())
    }
}

/// A block of the body: a paragraph, or a table's rows (cells' text).
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Para(Para),
    Row(Vec<String>),
}

/// Parser state for `document.xml`.
#[derive(Default)]
struct State {
    out: Vec<Block>,
    para: Option<Para>,
    bold: bool,
    in_text: bool,
    /// Depth of tables; paragraphs inside a cell go to the cell.
    table: usize,
    row: Vec<String>,
    cell: Option<String>,
}

fn blocks(xml: &str) -> std::result::Result<Vec<Block>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut s = State::default();
    loop {
        match reader.read_event()? {
            Event::Start(e) => s.open(&e),
            Event::Empty(e) => {
                s.open(&e);
                s.close(e.local_name().as_ref());
            }
            Event::End(e) => s.close(e.local_name().as_ref()),
            Event::Text(t) if s.in_text => {
                let text = t.decode().map_err(quick_xml::Error::from)?;
                let text = quick_xml::escape::unescape(&text).map_err(quick_xml::Error::from)?;
                s.text(&text);
            }
            Event::GeneralRef(r) if s.in_text => {
                let name = r.decode().map_err(quick_xml::Error::from)?;
                let c = match r.resolve_char_ref()? {
                    Some(n) => n.to_string(),
                    None => xml_entity(&name).to_string(),
                };
                s.text(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(s.out)
}

/// The text of one of XML's five named entities (others stand for nothing).
pub(super) fn xml_entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

impl State {
    fn open(&mut self, e: &BytesStart<'_>) {
        match e.local_name().as_ref() {
            b"p" => self.para = Some(Para::default()),
            b"pStyle" => {
                let style = attr(e, b"val").unwrap_or_default().to_lowercase();
                let level = if style == "title" {
                    Some(1)
                } else if style.starts_with("heading") {
                    style
                        .trim_start_matches("heading")
                        .parse::<usize>()
                        .ok()
                        .map(|l| l.clamp(1, 5) + 1)
                } else {
                    None
                };
                if let Some(p) = self.para.as_mut() {
                    p.heading = level;
                    if style.contains("list") && p.list.is_none() {
                        p.list = Some(0);
                    }
                }
            }
            b"ilvl" => {
                let level = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                if let Some(p) = self.para.as_mut() {
                    p.list = Some(level);
                }
            }
            b"numPr" => {
                if let Some(p) = self.para.as_mut() {
                    p.list.get_or_insert(0);
                }
            }
            b"r" => self.bold = false,
            b"b" => self.bold = attr(e, b"val").is_none_or(|v| v != "0" && v != "false"),
            b"t" => self.in_text = true,
            b"tab" => self.text("\t"),
            b"br" => self.text(" "),
            b"tbl" => self.table += 1,
            b"tr" => self.row.clear(),
            b"tc" => self.cell = Some(String::new()),
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"p" => self.end_para(),
            b"tc" => {
                let cell = self.cell.take().unwrap_or_default();
                self.row.push(cell.trim().to_string());
            }
            b"tr" => {
                let row = std::mem::take(&mut self.row);
                if row.iter().any(|c| !c.is_empty()) {
                    self.out.push(Block::Row(row));
                }
            }
            b"tbl" => self.table = self.table.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(p) = self.para.as_mut() {
            match p.runs.last_mut() {
                Some((t, b)) if *b == self.bold => t.push_str(text),
                _ => p.runs.push((text.to_string(), self.bold)),
            }
        }
    }

    fn end_para(&mut self) {
        let Some(p) = self.para.take() else {
            return;
        };
        if self.table > 0 {
            let cell = self.cell.get_or_insert_with(String::new);
            if !cell.is_empty() {
                cell.push_str("; ");
            }
            cell.push_str(p.text().trim());
        } else if !p.text().trim().is_empty() {
            self.out.push(Block::Para(p));
        }
    }
}

/// The blocks as Markdown; list items one level deeper per `ilvl`.
fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut title_done = false;
    let mut last_list = false;
    for b in blocks {
        // A nested list item joins its parent item: the text's structure is one duty
        // with its parts, and a posting's lists are one level deep.
        if let Block::Para(Para {
            list: Some(level), ..
        }) = b
        {
            if *level > 0 && last_list {
                let text = p_text(b);
                let sep = if out.ends_with(':') {
                    " "
                } else if out.ends_with("; ") {
                    ""
                } else {
                    ": "
                };
                out.push_str(sep);
                out.push_str(&escape_inline(&text));
                out.push_str("; ");
                continue;
            }
        }
        if out.ends_with("; ") {
            out.truncate(out.len() - 2);
        }
        let (line, list) = match b {
            Block::Para(p) => para_line(p, &mut title_done),
            Block::Row(cells) => (row_line(cells), false),
        };
        // Consecutive list items stay one list; anything else is its own paragraph.
        if !out.is_empty() {
            out.push_str(if list && last_list { "\n" } else { "\n\n" });
        }
        out.push_str(&line);
        last_list = list;
    }
    if out.ends_with("; ") {
        out.truncate(out.len() - 2);
    }
    out.push('\n');
    out
}

fn p_text(b: &Block) -> String {
    match b {
        Block::Para(p) => p.text().split_whitespace().collect::<Vec<_>>().join(" "),
        Block::Row(cells) => cells.join(" | "),
    }
}

/// Text inside a line: only `<` would be read as markup.
fn escape_inline(text: &str) -> String {
    text.replace('<', "&lt;")
}

fn para_line(p: &Para, title_done: &mut bool) -> (String, bool) {
    let text = escape(
        p.text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    if let Some(level) = p.list {
        return (format!("{}- {text}", "  ".repeat(level.min(4))), true);
    }
    let level = p.heading.or_else(|| p.bold_heading().then_some(2));
    match level {
        // The first heading is the title; the rest are section headings below it.
        Some(_) if !*title_done => {
            *title_done = true;
            (format!("# {text}"), false)
        }
        Some(l) => (format!("{} {text}", "#".repeat(l.max(2))), false),
        None => (text, false),
    }
}

fn row_line(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
    match cells.as_slice() {
        [label, value] if !label.is_empty() && !label.trim_end_matches(':').contains(':') => {
            format!("{}: {value}", label.trim_end_matches(':'))
        }
        _ => cells.join(" | "),
    }
}

/// Text that Markdown would read as syntax at the start of a line, escaped.
fn escape(text: &str) -> String {
    let t = text.trim();
    let special = t.starts_with(['#', '>', '-', '+', '*', '=', '|']);
    let t = t.replace('<', "&lt;");
    if special { format!("\\{t}") } else { t }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A `.docx` holding `body` (WordprocessingML), built with the zip crate.
    fn docx(body: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        let xml = format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn para(props: &str, runs: &str) -> String {
        format!("<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>")
    }

    fn run(text: &str, bold: bool) -> String {
        let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        format!(r#"<w:r>{b}<w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    fn item(level: u8, text: &str) -> String {
        let props = format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>"#);
        para(&props, &run(text, false))
    }

    fn row(label: &str, value: &str) -> String {
        let cell = |t: &str| format!("<w:tc>{}</w:tc>", para("", &run(t, false)));
        format!("<w:tr>{}{}</w:tr>", cell(label), cell(value))
    }

    #[test]
    fn headings_lists_and_label_tables_become_markdown() {
        let body = [
            para(r#"<w:pStyle w:val="Title"/>"#, &run("Dental Nurse", false)),
            format!(
                "<w:tbl>{}{}</w:tbl>",
                row("Location", "Bristol, UK"),
                row("Salary:", "£26,000 a year")
            ),
            para("", &run("What you'll do", true)),
            item(0, "Prepare the surgery for"),
            item(1, "check-ups"),
            item(1, "fillings &amp; crowns"),
            item(0, "Sterilise instruments"),
            para(r#"<w:pStyle w:val="Heading2"/>"#, &run("Benefits", false)),
            para(
                "",
                &format!(
                    "{}{}",
                    run("Bold start, ", true),
                    run("then plain text.", false)
                ),
            ),
        ]
        .concat();
        let md = to_markdown("nurse.docx", &docx(&body)).unwrap();
        assert_eq!(
            md,
            "# Dental Nurse\n\nLocation: Bristol, UK\n\nSalary: £26,000 a year\n\n\
             ## What you'll do\n\n- Prepare the surgery for: check-ups; fillings & crowns\n\
             - Sterilise instruments\n\n### Benefits\n\nBold start, then plain text.\n"
        );
    }

    #[test]
    fn a_zip_without_a_document_is_named_as_not_word() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        let err = to_markdown("notes.docx", &bytes).unwrap_err().to_string();
        assert!(
            err.contains("notes.docx") && err.contains("word/document.xml"),
            "{err}"
        );
    }
}
