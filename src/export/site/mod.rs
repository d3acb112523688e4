//! Site renderers: files made from every posting of an export (the careers
//! page, its data as JSON, the sitemap, feeds), as mdBook lists its renderers.
//!
//! # Adding a site file
//!
//! One file in this folder with a unit struct implementing [`SiteRenderer`]
//! (its path, when it is wanted, and how it is written from the [`Site`]), and
//! one entry in [`ALL`]. A file with a part per posting (a feed's entry)
//! says so in [`SiteRenderer::has_parts`] and renders that part in
//! [`SiteRenderer::item`], which export calls while it renders the posting and
//! keeps in the parts file ([`super::parts`]), so an unchanged posting need
//! not be rendered again for it.

pub mod feeds;
mod index;
mod sitemap;

use std::io::Write;

use rayon::ThreadPool;
use toml::value::Date;

use super::Settings;
use super::parts::Reader;
use super::row::Row;
use super::run::Run;
use crate::error::Result;
use crate::feed::Kind;
use crate::format::Prepared;
use crate::render::Templates;

pub use index::INDEX_PAGE;

/// What a site renderer has to work with.
pub struct Site<'a> {
    /// Every exported posting, newest first.
    pub rows: &'a [&'a Row],
    /// The postings pay in more than one currency: pay is shown with its marked
    /// currency (`CA$`, `US$`).
    pub mixed_currencies: bool,
    /// The export's settings.
    pub settings: &'a Settings,
    /// The templates.
    pub templates: &'a Templates,
    /// The export's threads.
    pub pool: &'a ThreadPool,
    /// The day of the export (`SOURCE_DATE_EPOCH`, else the clock).
    pub today: Date,
    /// Each posting's parts, where the rows' spans point.
    pub parts: Option<&'a Reader>,
}

/// One file made from every posting of an export.
pub trait SiteRenderer: Sync {
    /// Its path below the output folder, `/`-separated: `index.html`.
    fn path(&self) -> &'static str;

    /// Whether this export writes it.
    fn wanted(&self, _s: &Settings) -> bool {
        true
    }

    /// Whether the file has a part per posting ([`SiteRenderer::item`]).
    fn has_parts(&self) -> bool {
        false
    }

    /// This file's part of one posting, rendered with the posting; `None` when
    /// the file has no part per posting.
    fn item(&self, _posting: &Prepared, _row: &Row, _run: &Run) -> Option<Result<String>> {
        None
    }

    /// Writes the file.
    fn write(&self, site: &Site, w: &mut dyn Write) -> Result<()>;
}

/// Every site file, in the order they are written.
pub const ALL: &[&dyn SiteRenderer] = &[
    &index::Page,
    &index::Data,
    &sitemap::Sitemap,
    &feeds::Feed(Kind::Indeed),
    &feeds::Feed(Kind::LinkedIn),
    &feeds::Feed(Kind::Atom),
];

/// The paths every site file of any export may take: no posting may write them.
pub fn reserved() -> Vec<&'static str> {
    ALL.iter().map(|r| r.path()).collect()
}

/// The site files `s` asks for.
pub fn wanted(s: &Settings) -> impl Iterator<Item = &'static dyn SiteRenderer> + '_ {
    ALL.iter().copied().filter(|r| r.wanted(s))
}
