//! Personio's XML feed read into positions: each `<position>`'s simple children as
//! name/text pairs, and its `jobDescriptions/jobDescription` as named HTML sections.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::Pos;

/// One `<position>`.
#[derive(Debug, Default)]
pub struct Position {
    /// Child elements with text (`name`, `office`, `employmentType`, …).
    pub fields: Vec<(String, String)>,
    /// `jobDescription` name and HTML value.
    pub sections: Vec<(String, String)>,
}

/// The positions of a feed, or where and why the XML does not parse.
pub fn positions(text: &str) -> Result<Vec<Position>, (Pos, String)> {
    let mut reader = Reader::from_str(text);
    let mut out = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut current: Option<Position> = None;
    let mut buf = String::new();
    let mut section = (String::new(), String::new());
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = (reader.error_position() as usize).min(text.len());
            (pos_of(text, at), e.to_string())
        })?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if name == "position" {
                    current = Some(Position::default());
                }
                path.push(name);
                buf.clear();
            }
            Event::Text(t) => {
                let raw = t
                    .decode()
                    .map_err(|e| (Pos { line: 1, col: 1 }, e.to_string()))?;
                buf.push_str(
                    &quick_xml::escape::unescape(&raw)
                        .map(|c| c.into_owned())
                        .unwrap_or_else(|_| raw.into_owned()),
                );
            }
            Event::CData(t) => buf.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                buf.push_str(super::super::docx::xml_entity(&name));
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str).unwrap_or("");
                let value = buf.trim().to_string();
                buf.clear();
                match (parent, name.as_str(), current.as_mut()) {
                    (_, "position", Some(_)) => out.extend(current.take()),
                    ("jobDescription", "name", _) => section.0 = value,
                    ("jobDescription", "value", _) => section.1 = value,
                    ("jobDescriptions", "jobDescription", Some(p)) => {
                        p.sections.push(std::mem::take(&mut section))
                    }
                    ("position", field, Some(p)) if !value.is_empty() => {
                        p.fields.push((field.to_string(), value))
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn pos_of(text: &str, byte: usize) -> Pos {
    let before = &text[..text.floor_char_boundary_compat(byte)];
    Pos {
        line: before.matches('\n').count() + 1,
        col: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
    }
}

/// `str::floor_char_boundary` is not stable on our minimum Rust.
trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        (0..=i.min(self.len()))
            .rev()
            .find(|&j| self.is_char_boundary(j))
            .unwrap_or(0)
    }
}
