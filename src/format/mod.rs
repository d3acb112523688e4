//! Output formats: one [`Format`] type, one [`Renderer`] per format in a file of
//! its own, registered in [`ALL`]. `render --format`, `export --format`, the
//! format an `-o` file name means, the wizard's formats, the careers page's
//! links and shell completion all derive from that list, so no other module
//! maps formats by hand.
//!
//! A posting is [`Prepared`] once (its reader-facing view, with the date and an
//! exported page's links) and every format renders from it; the JSON-LD is
//! built on first need and shared by the JSON-LD file and the HTML page that
//! embeds it.
//!
//! # Adding a format
//!
//! 1. Write `src/format/<name>.rs`: a unit struct implementing [`Renderer`]
//!    (its name, extension, media type, help line, and `render`, which returns
//!    [`Rendered::Text`] or, for a file format such as Word's,
//!    [`Rendered::Binary`]). A template format also ships
//!    `templates/posting.<ext>` and renders it with [`Prepared::render_template`].
//! 2. Register it here: `mod <name>;` and one entry in [`ALL`] (its place there
//!    is its place in `--format`'s value list).
//!
//! Nothing else changes: `render`, `export`, `new` (for a document a person
//! reads), completion, `--help` and the man pages pick it up from [`ALL`].

mod docx;
mod html;
mod jsonld;
mod md;
mod txt;

use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use toml::value::{Date, Datetime};

use crate::error::{Error, Result};
use crate::load::Merged;
use crate::render::{SiteView, Templates, View};

/// One output format: how to render a posting in it, and what to call it.
pub trait Renderer: Send + Sync {
    /// The `--format` value: `md`.
    fn name(&self) -> &'static str;

    /// The extension of the files written: `md`.
    fn extension(&self) -> &'static str {
        self.name()
    }

    /// Other extensions an `-o` file name may have for this format: `markdown`.
    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    /// The media type of the output: `text/markdown`.
    fn media_type(&self) -> &'static str;

    /// What the format is, one line for `--help`.
    fn help(&self) -> &'static str;

    /// The format's name in a sentence: `Markdown`.
    fn title(&self) -> &'static str;

    /// Whether it is a document a person reads (the wizard writes only these).
    fn is_document(&self) -> bool {
        true
    }

    /// Which written format the careers page links each posting to: the one
    /// ranked highest (a page a browser shows beats a file for machines).
    fn link_rank(&self) -> u8;

    /// The format a terminal preview shows instead of this one, if any.
    fn preview_as(&self) -> Option<Format> {
        None
    }

    /// `posting` in this format.
    fn render(&self, posting: &Prepared, templates: &Templates) -> Result<Rendered>;

    /// A note for after `render` has written this format: what a reader or a
    /// search engine will miss, in one line; `None` when nothing is missed.
    fn note(&self, _merged: &Merged, _date: Option<Date>) -> Option<String> {
        None
    }
}

/// What a [`Renderer`] returns: text formats stay text (a terminal can show
/// them, the wizard previews them); a file format is bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    /// UTF-8 text: Markdown, HTML, JSON-LD, plain text.
    Text(String),
    /// A binary file: a Word document.
    Binary(Vec<u8>),
}

impl Rendered {
    /// The bytes to write.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Rendered::Text(t) => t.as_bytes(),
            Rendered::Binary(b) => b,
        }
    }

    /// The bytes to write, taken.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Rendered::Text(t) => t.into_bytes(),
            Rendered::Binary(b) => b,
        }
    }

    /// The text of a text format; `None` for a binary one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Rendered::Text(t) => Some(t),
            Rendered::Binary(_) => None,
        }
    }

    /// The text, or an error for a binary format, which only a file can hold.
    pub fn into_text(self, format: Format) -> Result<String> {
        match self {
            Rendered::Text(t) => Ok(t),
            Rendered::Binary(_) => Err(Error::Usage(format!(
                "a {} file cannot be written to standard output; name one with -o posting.{}",
                format.title(),
                format.extension()
            ))),
        }
    }
}

/// An output format: a handle on its registered [`Renderer`], compared by name.
#[derive(Clone, Copy)]
pub struct Format(&'static dyn Renderer);

impl Format {
    /// Markdown.
    pub const MD: Format = Format(&md::Markdown);
    /// The HTML page.
    pub const HTML: Format = Format(&html::Page);
    /// schema.org JSON-LD.
    pub const JSONLD: Format = Format(&jsonld::JsonLd);
    /// Plain text.
    pub const TXT: Format = Format(&txt::Text);
    /// A Word document.
    pub const DOCX: Format = Format(&docx::Word);
    /// What `render` writes when neither `--format` nor the file name says.
    pub const DEFAULT: Format = Format::MD;

    /// The format named `name` (a `--format` value).
    pub fn named(name: &str) -> Option<Format> {
        ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The format a file name's extension stands for, any case.
    pub fn of_file_name(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ALL.iter()
            .copied()
            .find(|f| f.extension() == ext || f.aliases().contains(&ext.as_str()))
    }

    /// The formats a person reads, in [`ALL`] order: what the wizard writes.
    pub fn documents() -> impl Iterator<Item = Format> {
        ALL.iter().copied().filter(|f| f.is_document())
    }

    fn possible_value(self) -> PossibleValue {
        PossibleValue::new(self.name()).help(self.help())
    }
}

/// Every format, in the order `--format` lists them.
pub const ALL: &[Format] = &[
    Format::MD,
    Format::HTML,
    Format::JSONLD,
    Format::TXT,
    Format::DOCX,
];

impl std::ops::Deref for Format {
    type Target = dyn Renderer;

    fn deref(&self) -> &Self::Target {
        self.0
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Format {}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Format({})", self.name())
    }
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(self.possible_value())
    }
}

/// `--format` for the wizard: only the [`Format::documents`].
pub fn document_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::documents().map(Format::possible_value)).try_map(
        |name: String| Format::named(&name).ok_or_else(|| format!("`{name}` is not a format")),
    )
}

/// What `export` knows about where a page goes: its links and the logo's copy.
#[derive(Debug, Default, Clone)]
pub struct Site {
    /// Links back to the index and the canonical URL.
    pub links: SiteView,
    /// The logo's `src` relative to the page, when the export copied it.
    pub logo: Option<String>,
}

/// One posting ready for every format: its view (with the date shown and an
/// exported page's links) built once, and its JSON-LD built on first need.
pub struct Prepared<'a> {
    /// The merged posting.
    pub merged: &'a Merged,
    /// What readers see.
    pub view: View,
    /// The date of a posting without `posted` (`--posted`).
    pub date: Option<Date>,
    jsonld: OnceLock<Option<String>>,
    body_html: OnceLock<String>,
    value: OnceLock<tera::Value>,
}

impl<'a> Prepared<'a> {
    /// `merged` as a page of `site`; `date` is the date shown (and JSON-LD's
    /// `datePosted`) when the posting has no `posted`.
    pub fn new(merged: &'a Merged, date: Option<Date>, site: &Site) -> Self {
        let p = &merged.posting;
        let mut view = View::new(p);
        view.site = site.links.clone();
        if let Some(logo) = &site.logo {
            view.company.logo = logo.clone();
        }
        if let (true, Some(date)) = (view.posted.is_empty(), date) {
            let date = Datetime {
                date: Some(date),
                time: None,
                offset: None,
            };
            view.set_posted(crate::locale::of(p), &date);
        }
        Prepared {
            merged,
            view,
            date,
            jsonld: OnceLock::new(),
            body_html: OnceLock::new(),
            value: OnceLock::new(),
        }
    }

    /// The posting template `name` rendered from the view, which is made a
    /// template value once for every format ([`Templates::render_view`]).
    pub fn render_template(
        &self,
        templates: &Templates,
        name: &str,
        jsonld: &str,
        tidy_text: bool,
    ) -> Result<String> {
        let value = self
            .value
            .get_or_init(|| crate::render::view_value(&self.view));
        templates.render_view(value, name, jsonld, tidy_text)
    }

    /// The page's Markdown without its title, as safe HTML: the body a job
    /// board shows under its own title. Built once and shared by the feeds.
    pub fn body_html(&self, templates: &Templates) -> Result<&str> {
        if let Some(html) = self.body_html.get() {
            return Ok(html);
        }
        let md = self.render_template(templates, "posting.md", "", true)?;
        let body = match md.split_once('\n') {
            Some((first, rest)) if first.starts_with("# ") => rest,
            _ => md.as_str(),
        };
        Ok(self
            .body_html
            .get_or_init(|| crate::markdown::to_html(body)))
    }

    /// The JSON-LD, pretty-printed; `None` when the posting lacks what it needs.
    /// Built once and shared by the formats that use it.
    pub fn jsonld(&self) -> Option<&str> {
        self.jsonld
            .get_or_init(|| self.build_jsonld().ok())
            .as_deref()
    }

    /// The JSON-LD, or why there is none: the fields it needs that the posting
    /// lacks, as validate finds them (at their files and lines).
    pub fn build_jsonld(&self) -> Result<String> {
        let problems = crate::validate::jsonld_problems(self.merged, self.date);
        let p = &self.merged.posting;
        match (
            problems.is_empty(),
            crate::jsonld::date_posted(p, self.date),
        ) {
            (true, Some(posted)) => crate::jsonld::build(p, &self.view, posted).to_pretty(),
            _ => Err(Error::Invalid(problems)),
        }
    }
}

/// `merged` in `format`. `date` is the date shown (and JSON-LD's `datePosted`)
/// for a posting without `posted`.
pub fn render(
    templates: &Templates,
    merged: &Merged,
    format: Format,
    date: Option<Date>,
) -> Result<Rendered> {
    format.render(&Prepared::new(merged, date, &Site::default()), templates)
}

/// `merged` in each of `formats`, in order, from one [`Prepared`] posting (which
/// matters when exporting thousands).
pub fn render_all(
    templates: &Templates,
    merged: &Merged,
    formats: &[Format],
    date: Option<Date>,
) -> Result<Vec<Rendered>> {
    render_on_site(templates, merged, formats, date, &Site::default())
}

/// [`render_all`] for a page that is part of an exported site.
pub fn render_on_site(
    templates: &Templates,
    merged: &Merged,
    formats: &[Format],
    date: Option<Date>,
    site: &Site,
) -> Result<Vec<Rendered>> {
    let posting = Prepared::new(merged, date, site);
    formats
        .iter()
        .map(|f| f.render(&posting, templates))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_found_by_name_and_by_file_name() {
        for f in ALL {
            assert_eq!(Format::named(f.name()), Some(*f));
            let file = format!("posting.{}", f.extension().to_uppercase());
            assert_eq!(Format::of_file_name(Path::new(&file)), Some(*f));
        }
        let names: Vec<&str> = ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["md", "html", "jsonld", "txt", "docx"]);
        assert_eq!(
            Format::of_file_name(Path::new("a.markdown")),
            Some(Format::MD)
        );
        assert_eq!(
            Format::of_file_name(Path::new("a.json")),
            Some(Format::JSONLD)
        );
        assert_eq!(Format::of_file_name(Path::new("a.doc")), None);
        let documents: Vec<&str> = Format::documents().map(|f| f.name()).collect();
        assert_eq!(documents, ["md", "html", "txt"]);
    }

    #[test]
    fn names_extensions_and_media_types_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.name(), b.name());
                assert_ne!(a.extension(), b.extension());
                assert_ne!(a.media_type(), b.media_type());
                assert_ne!(a.link_rank(), b.link_rank());
            }
        }
    }
}
