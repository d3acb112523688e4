//! `jobpost import`: existing postings (Word, Markdown, HTML, plain text, ATS exports)
//! turned into posting files.
//!
//! Import is the pipeline run backwards. A reader per input kind ([`kind`], [`docx`],
//! [`ats`], [`front`]) produces the section model lint reads ([`crate::lint::doc::Doc`]),
//! so import and lint never disagree about where the duties are; one mapper ([`map`])
//! turns sections into posting fields; one writer ([`write`]) lays out the TOML file.
//! Everything imported is the employer's own text: nothing here adds a value the input
//! does not state.

pub mod ats;
pub use crate::date;
pub mod docx;
pub mod front;
pub mod html;
pub mod kind;
pub mod map;
pub mod place;
pub mod run;
pub mod write;

use std::path::Path;

use serde::Serialize;

use crate::error::Result;
use crate::model::Posting;

pub use kind::Kind;

/// One posting read from an input, ready to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The posting's fields, all from the input.
    pub posting: Posting,
    /// The id the ATS gave the posting, when it came from an ATS export.
    pub ats_id: Option<String>,
    /// What import was unsure of (a heading it did not know, a pay figure without a
    /// period), for the file's top comment and the report.
    pub unsure: Vec<String>,
    /// Text that had no field of its own and where it was put.
    pub catch_all: Vec<String>,
}

/// What one input gave.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    /// The input path as given.
    pub path: String,
    /// The kind it was read as.
    pub kind: Kind,
    /// The postings in it (an ATS export may hold many).
    #[serde(skip)]
    pub postings: Vec<Imported>,
}

/// Reads every posting in the file at `path`. The kind comes from the extension and
/// the content; an unreadable file is an error naming it.
pub fn read(path: &Path) -> Result<Found> {
    let input = kind::load(path)?;
    let name = path.display().to_string();
    let postings = match &input.data {
        kind::Data::Bytes(bytes) => {
            let markdown = docx::to_markdown(&name, bytes)?;
            vec![map::from_markdown(&name, &markdown, map::Given::default())]
        }
        kind::Data::Text(text) => read_text(&name, input.kind, text)?,
    };
    if postings.is_empty() {
        return Err(kind::empty(&name, "no posting"));
    }
    Ok(Found {
        path: name,
        kind: input.kind,
        postings,
    })
}

fn read_text(name: &str, kind: Kind, text: &str) -> Result<Vec<Imported>> {
    if text.trim().is_empty() {
        return Err(kind::empty(name, "nothing but white space"));
    }
    Ok(match kind {
        Kind::Markdown => {
            let (given, body) = front::split(name, text)?;
            vec![map::from_markdown(name, body, given)]
        }
        Kind::Html => vec![map::from_html(name, text, map::Given::default())],
        // A .docx arrives as bytes; text in one is read as plain text.
        Kind::Text | Kind::Docx => vec![map::from_text(name, text)],
        Kind::Greenhouse | Kind::Lever | Kind::Workable | Kind::Personio => {
            ats::read(name, kind, text)?
        }
    })
}
