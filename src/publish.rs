//! One merged posting in any output format, shared by `render` and `export`:
//! the template formats, the JSON-LD, and the HTML page, which embeds the
//! JSON-LD whenever the posting has what JSON-LD requires.
//!
//! No clock is read here: the date a posting shows is its `posted` value, else
//! the date the caller passes (`--posted`), else none — the same in every format,
//! and JSON-LD, which requires a date, fails without one.

use toml::value::{Date, Datetime};

use crate::error::{Error, Result};
use crate::jsonld;
use crate::load::Merged;
use crate::render::{Format, Renderer, SiteView, View};

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

/// `merged` in `output`. `date` is the date shown (and JSON-LD's `datePosted`)
/// for a posting without `posted`.
pub fn publish(
    renderer: &Renderer,
    merged: &Merged,
    output: Output,
    date: Option<Date>,
) -> Result<String> {
    let mut texts = publish_all(renderer, merged, &[output], date)?;
    Ok(texts.remove(0))
}

/// `merged` in each of `outputs`, in order. The view and the JSON-LD are built
/// once and shared, which matters when exporting thousands of postings.
pub fn publish_all(
    renderer: &Renderer,
    merged: &Merged,
    outputs: &[Output],
    date: Option<Date>,
) -> Result<Vec<String>> {
    publish_on_site(renderer, merged, outputs, date, &Site::default())
}

/// What `export` knows about where a page goes: its links and the logo's copy.
#[derive(Debug, Default, Clone)]
pub struct Site {
    /// Links back to the index and the canonical URL.
    pub links: SiteView,
    /// The logo's `src` relative to the page, when the export copied it.
    pub logo: Option<String>,
}

/// [`publish_all`] for a page that is part of an exported site.
pub fn publish_on_site(
    renderer: &Renderer,
    merged: &Merged,
    outputs: &[Output],
    date: Option<Date>,
    site: &Site,
) -> Result<Vec<String>> {
    let p = &merged.posting;
    let mut view = View::new(p);
    view.site = site.links.clone();
    if let Some(logo) = &site.logo {
        view.company.logo = logo.clone();
    }
    if let (true, Some(date)) = (view.posted.is_empty(), date) {
        view.posted = crate::locale::of(p).date(&Datetime {
            date: Some(date),
            time: None,
            offset: None,
        });
    }
    let needs_ld = outputs
        .iter()
        .any(|o| matches!(o, Output::Html | Output::Jsonld));
    // A page is still written without JSON-LD; a JSON-LD file cannot be.
    let json = match needs_ld.then(|| jsonld::build(p, &view, date)?.to_pretty()) {
        Some(Err(e)) if outputs.contains(&Output::Jsonld) => return Err(locate(e, merged)),
        Some(Ok(json)) => Some(json),
        _ => None,
    };
    let mut texts = Vec::with_capacity(outputs.len());
    for output in outputs {
        texts.push(match (output.template(), &json) {
            (Some(Format::Html), Some(json)) => page(renderer, &mut view, json)?,
            (Some(format), _) => renderer.render_prepared(&view, format)?,
            (None, Some(json)) => format!("{json}\n"),
            (None, None) => unreachable!("JSON-LD is built whenever it is asked for"),
        });
    }
    Ok(texts)
}

/// The HTML page with the JSON-LD embedded (the view already shows the date the
/// markup states). The view is restored after, for the other formats sharing it.
fn page(renderer: &Renderer, view: &mut View, json: &str) -> Result<String> {
    view.jsonld = jsonld::for_script(json);
    let html = renderer.render_prepared(view, Format::Html);
    view.jsonld.clear();
    html
}

/// Points field problems at the file (and line) the posting came from.
pub fn locate(e: Error, merged: &Merged) -> Error {
    match e {
        Error::Invalid(problems) => {
            Error::Invalid(problems.into_iter().map(|p| merged.locate(p)).collect())
        }
        other => other,
    }
}
