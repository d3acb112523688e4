//! The job-board feeds as site files (`feeds/indeed.xml`, `feeds/linkedin.xml`,
//! `feeds/atom.xml`), written with `--feeds`. Each posting's element is
//! rendered with the posting ([`SiteRenderer::item`], kept in its row), and
//! the feed is put together from the rows of the open postings; the feeds
//! themselves are [`crate::feed`].

use std::io::Write;

use super::{Site, SiteRenderer};
use crate::error::{Error, Result};
use crate::export::Settings;
use crate::export::parts::Reader;
use crate::export::row::Row;
use crate::export::run::Run;
use crate::feed::{self, Channel, Item, Kind, LeftOut, Part};
use crate::format::Prepared;

/// One feed.
pub struct Feed(pub Kind);

impl SiteRenderer for Feed {
    fn path(&self) -> &'static str {
        self.0.path()
    }

    fn wanted(&self, s: &Settings) -> bool {
        s.feeds.contains(&self.0)
    }

    fn has_parts(&self) -> bool {
        true
    }

    fn item(&self, posting: &Prepared, row: &Row, run: &Run) -> Option<Result<String>> {
        Some(part(self.0, posting, row, run))
    }

    /// Streamed job by job from the parts file, so a feed of any size costs
    /// no more memory than one job.
    fn write(&self, site: &Site, w: &mut dyn Write) -> Result<()> {
        let open = open_rows(site);
        // `YYYY-MM-DD` sorts as the dates do.
        let newest = open.iter().map(|r| r.posted.as_str()).max().and_then(date);
        let (head, tail) = self.0.ends(&channel(site), newest);
        let io = |e| Error::io("write", std::path::Path::new(self.path()), e);
        w.write_all(head.as_bytes()).map_err(io)?;
        for row in open {
            if let Some(Part::Job(xml)) = read_part(site.parts, row, self.path()) {
                w.write_all(xml.as_bytes()).map_err(io)?;
            }
        }
        w.write_all(tail.as_bytes()).map_err(io)
    }
}

/// The posting's element of the `kind` feed, or what it lacks, as kept in its row.
fn part(kind: Kind, posting: &Prepared, row: &Row, run: &Run) -> Result<String> {
    let base = run.settings.base_url.as_deref().unwrap_or_default();
    let url = format!("{base}{}", row.link(&run.settings.formats));
    let industry = posting
        .merged
        .posting
        .role
        .as_deref()
        .and_then(|id| run.registry.get(id).ok())
        .map_or("", |p| p.industry.as_str());
    let item = Item::new(posting, run.templates, &row.path, &url, industry)?;
    serde_json::to_string(&feed::part(kind, &item))
        .map_err(|e| Error::Usage(format!("cannot keep the {kind} feed's part: {e}")))
}

/// The row's part of the site file at `path`, read back from the parts file.
fn read_part(parts: Option<&Reader>, row: &Row, path: &str) -> Option<Part> {
    let bytes = parts?.get(row.parts.get(path)?)?;
    serde_json::from_slice(&bytes).ok()
}

fn date(iso: &str) -> Option<toml::value::Date> {
    iso.parse::<toml::value::Datetime>().ok()?.date
}

/// The rows of postings still open on the day of the export.
fn open_rows<'a>(site: &Site<'a>) -> Vec<&'a Row> {
    site.rows
        .iter()
        .filter(|r| !r.is_closed(site.today))
        .copied()
        .collect()
}

/// What every feed says of the site: the one employer as publisher (else the
/// site's address), the careers page's title and language.
fn channel(site: &Site) -> Channel {
    let base = site.settings.base_url.clone().unwrap_or_default();
    let (title, lang) = super::index::title_and_lang(site);
    let company = super::index::shared_company(site.rows);
    Channel {
        publisher: match company {
            "" => base.clone(),
            one => one.to_string(),
        },
        base_url: base,
        title,
        lang,
        today: site.today,
    }
}

/// The open postings each feed left out, and why, in feed then row order.
pub fn left_out(
    site: &[&dyn SiteRenderer],
    rows: &[&Row],
    today: toml::value::Date,
    parts: Option<&Reader>,
) -> Vec<LeftOut> {
    let mut out = Vec::new();
    for kind in Kind::ALL
        .into_iter()
        .filter(|k| site.iter().any(|r| r.path() == k.path()))
    {
        for row in rows.iter().filter(|r| !r.is_closed(today)) {
            if let Some(Part::Lacks { file, fields }) = read_part(parts, row, kind.path()) {
                out.push(LeftOut {
                    feed: kind,
                    file,
                    fields,
                });
            }
        }
    }
    out
}
