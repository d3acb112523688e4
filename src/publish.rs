//! One merged posting in any output format, shared by `render` and `export`:
//! the template formats, the JSON-LD, and the HTML page, which embeds the
//! JSON-LD whenever the posting has what JSON-LD requires.

use toml::value::{Date, Datetime};

use crate::error::{Error, Problem, Result};
use crate::jsonld;
use crate::load::Merged;
use crate::render::{Format, Renderer, View, long_date};

/// Every output format: the templates plus schema.org JSON-LD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Output {
    /// Markdown (`posting.md`).
    Md,
    /// A standalone HTML page (`posting.html`) with the JSON-LD embedded.
    Html,
    /// schema.org JobPosting JSON-LD, for job-search engines.
    Jsonld,
    /// Plain text for job boards that strip markup (`posting.txt`).
    Txt,
}

impl Output {
    /// File extension of the output.
    pub fn extension(self) -> &'static str {
        match self.template() {
            Some(format) => format.extension(),
            None => "jsonld",
        }
    }

    /// The template format, or `None` for JSON-LD (built with serde, not a template).
    pub fn template(self) -> Option<Format> {
        match self {
            Output::Md => Some(Format::Md),
            Output::Html => Some(Format::Html),
            Output::Txt => Some(Format::Txt),
            Output::Jsonld => None,
        }
    }
}

/// `merged` in `output`. `date` is the JSON-LD `datePosted` for a posting
/// without `posted` (today when `None`).
pub fn publish(
    renderer: &Renderer,
    merged: &Merged,
    output: Output,
    date: Option<Date>,
) -> Result<String> {
    let p = &merged.posting;
    match output.template() {
        None => jsonld::to_json(p, date)
            .map(|json| json + "\n")
            .map_err(|e| locate(e, merged)),
        Some(Format::Html) => page(renderer, merged, date),
        Some(format) => renderer.render(p, format),
    }
}

/// The HTML page, with JSON-LD when the posting has what it needs, and then the
/// date it states, since the page must show everything the markup says.
fn page(renderer: &Renderer, merged: &Merged, date: Option<Date>) -> Result<String> {
    let p = &merged.posting;
    let mut view = View::new(p);
    if let Ok(node) = jsonld::build(p, &view, date) {
        view.jsonld = jsonld::for_script(&node.to_pretty()?);
        if view.posted.is_empty() {
            view.posted = long_date(&Datetime {
                date: Some(jsonld::date_posted(p, date)),
                time: None,
                offset: None,
            });
        }
    }
    renderer.render_prepared(&view, Format::Html)
}

/// Points field problems at the file (and line) the posting came from.
pub fn locate(e: Error, merged: &Merged) -> Error {
    match e {
        Error::Invalid(problems) => Error::Invalid(
            problems
                .into_iter()
                .map(|p| Problem {
                    at: merged.at(&p.at),
                    message: p.message,
                })
                .collect(),
        ),
        other => other,
    }
}
