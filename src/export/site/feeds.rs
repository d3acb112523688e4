//! The job-board feeds as site files (`feeds/indeed.xml`, `feeds/linkedin.xml`,
//! `feeds/atom.xml`), written with `--feeds`. Each posting's element is
//! rendered with the posting ([`SiteRenderer::item`], kept in its row), and
//! the feed is put together from the rows of the open postings; the feeds
//! themselves are [`crate::feed`].

use std::io::Write;

use super::{Site, SiteRenderer};
use crate::error::{Error, Result};
use crate::export::Settings;
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

    fn item(&self, posting: &Prepared, row: &Row, run: &Run) -> Option<Result<String>> {
        Some(part(self.0, posting, row, run))
    }

    fn write(&self, site: &Site, w: &mut dyn Write) -> Result<()> {
        let open = open_rows(site);
        let jobs: Vec<String> = open
            .iter()
            .filter_map(|r| match read_part(r, self.path()) {
                Some(Part::Job(xml)) => Some(xml),
                _ => None,
            })
            .collect();
        let jobs: Vec<&str> = jobs.iter().map(String::as_str).collect();
        // `YYYY-MM-DD` sorts as the dates do.
        let newest = open.iter().map(|r| r.posted.as_str()).max().and_then(date);
        let xml = self.0.document(&channel(site), &jobs, newest);
        w.write_all(xml.as_bytes())
            .map_err(|e| Error::io("write", std::path::Path::new(self.path()), e))
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

fn read_part(row: &Row, path: &str) -> Option<Part> {
    serde_json::from_str(row.items.get(path)?).ok()
}

fn date(iso: &str) -> Option<toml::value::Date> {
    iso.parse::<toml::value::Datetime>().ok()?.date
}

/// The rows of postings still open on the day of the export.
fn open_rows<'a>(site: &Site<'a>) -> Vec<&'a Row> {
    site.rows
        .iter()
        .filter(|r| !r.is_closed(site.today))
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
) -> Vec<LeftOut> {
    let mut out = Vec::new();
    for kind in Kind::ALL
        .into_iter()
        .filter(|k| site.iter().any(|r| r.path() == k.path()))
    {
        for row in rows.iter().filter(|r| !r.is_closed(today)) {
            if let Some(Part::Lacks { file, fields }) = read_part(row, kind.path()) {
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
