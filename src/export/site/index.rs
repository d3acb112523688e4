//! The careers page (`index.html`) and the same list as data (`index.json`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Write};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::{Site, SiteRenderer};
use crate::error::{Error, Result};
use crate::feed::Kind;
use crate::format::Format;
use crate::locale::{self, Locale};

use super::super::row::Row;

/// The careers page's template and file name.
pub const INDEX_PAGE: &str = "index.html";

/// The template of one row of the careers page's table.
const INDEX_ROW: &str = "index-row.html";

/// Stands for the table rows in the rendered page. Text from postings is
/// escaped there, so only the template itself can produce it.
const ROWS_PLACEHOLDER: &str = "<!-- jobpost: rows -->";

/// `index.html`.
pub struct Page;

/// `index.json`.
pub struct Data;

impl SiteRenderer for Page {
    fn path(&self) -> &'static str {
        INDEX_PAGE
    }

    fn write(&self, site: &Site, w: &mut dyn Write) -> Result<()> {
        let mut w = BufWriter::new(w);
        careers_page(site, &mut w)?;
        w.flush()
            .map_err(|e| Error::io("write", Path::new(INDEX_PAGE), e))
    }
}

impl SiteRenderer for Data {
    fn path(&self) -> &'static str {
        "index.json"
    }

    fn write(&self, site: &Site, w: &mut dyn Write) -> Result<()> {
        let loc = index_locale(site.rows, site.settings.locale.as_deref());
        let title = title(site.rows, loc);
        let data = IndexData {
            title: &title,
            postings: (site.rows, &site.settings.formats, site.mixed_currencies),
        };
        let mut w = BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, &data)
            .map_err(std::io::Error::from)
            .and_then(|_| w.write_all(b"\n"))
            .and_then(|_| w.flush())
            .map_err(|e| Error::io("write", Path::new(self.path()), e))
    }
}

/// One posting as the index shows it: the row template's context and an
/// element of `index.json`. Built when needed, so rows stay small.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    title: &'a str,
    company: &'a str,
    employment_type: &'a str,
    workplace: &'a str,
    location: &'a str,
    place: &'a str,
    pay: &'a str,
    posted: &'a str,
    /// Relative URL of the posting's page (HTML if exported, else the first format).
    link: String,
    /// Relative path of each file written, by extension.
    files: BTreeMap<&'static str, String>,
}

impl<'a> Entry<'a> {
    fn new(row: &'a Row, formats: &[Format], mixed_currencies: bool) -> Self {
        Entry {
            title: &row.title,
            company: &row.company,
            employment_type: &row.employment_type,
            workplace: &row.workplace,
            location: &row.location,
            place: &row.place,
            pay: row.shown_pay(mixed_currencies),
            posted: &row.posted,
            link: row.link(formats),
            files: formats
                .iter()
                .map(|f| (f.extension(), row.file(f)))
                .collect(),
        }
    }
}

/// `index.json`: the entries built one at a time as they are serialised.
#[derive(Debug, Serialize)]
struct IndexData<'a> {
    title: &'a str,
    #[serde(serialize_with = "entries")]
    postings: (&'a [&'a Row], &'a [Format], bool),
}

fn entries<S: serde::Serializer>(
    (rows, formats, mixed): &(&[&Row], &[Format], bool),
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(rows.iter().map(|r| Entry::new(r, formats, *mixed)))
}

/// The careers page's context. `rows` is a placeholder the rendered rows replace,
/// so the page is assembled once instead of passing every row through tera again.
#[derive(Debug, Serialize)]
struct IndexPage<'a> {
    title: &'a str,
    count: usize,
    rows: &'static str,
    /// The one employer every posting shares, or empty.
    company: &'a str,
    /// Their brand colour when every posting has the same one, or empty.
    color: &'a str,
    /// Their logo when every posting has the same one, or empty.
    logo: &'a str,
    /// More than one employer: show a company column.
    company_column: bool,
    /// The careers page's absolute URL (`--base-url`), or empty.
    canonical: String,
    /// The page's language tag, `en-GB`.
    lang: &'a str,
    /// The Atom feed's address (`--feeds atom`), or empty.
    atom: String,
    /// `3 open positions`, `1 vacancy`.
    count_text: String,
    /// The page's headings and labels: `page.t.index_caption`.
    t: &'static BTreeMap<String, String>,
}

/// One row's template context: the entry plus what the page decides for all rows.
#[derive(Debug, Serialize)]
struct RowView<'a> {
    #[serde(flatten)]
    entry: Entry<'a>,
    company_column: bool,
    /// The absolute URL, printed after the link on paper (`--base-url`), or empty.
    url: String,
    /// `Posted` and the date, written the way the page's locale writes dates, or empty.
    posted_text: String,
    /// The last day to apply has passed: the job is marked closed (and is in no feed).
    closed: bool,
    /// The page's labels, in its locale.
    t: &'a RowLabels,
}

/// The labels of a row, from the catalogue of the page's locale: a few strings
/// rather than the whole catalogue, since every row is its own context.
#[derive(Debug, Serialize)]
struct RowLabels {
    company: String,
    location: String,
    workplace: String,
    pay: String,
    posted: String,
    not_stated: String,
    closed: String,
}

impl RowLabels {
    fn new(loc: &Locale) -> Self {
        let t = |k: &str| loc.text(k).to_string();
        RowLabels {
            company: t("index_company"),
            location: t("location"),
            workplace: t("workplace"),
            pay: t("pay"),
            posted: t("posted"),
            not_stated: t("not_stated"),
            closed: t("index_closed"),
        }
    }
}

/// The careers page's title and language tag, which the feeds share.
pub(super) fn title_and_lang(site: &Site) -> (String, String) {
    let loc = index_locale(site.rows, site.settings.locale.as_deref());
    (title(site.rows, loc), loc.tag.clone())
}

/// The one employer every posting shares, or empty.
pub(super) fn shared_company<'a>(rows: &[&'a Row]) -> &'a str {
    shared(rows, |r| &r.company)
}

/// The page's title: the one employer's careers, else the locale's title.
fn title(rows: &[&Row], loc: &Locale) -> String {
    match shared(rows, |r| &r.company) {
        "" => loc.text("index_title").to_string(),
        one => locale::fill(loc.text("index_title_company"), &[("company", one)]),
    }
}

/// The locale of the careers page: the one most of its postings read in (ties go
/// to the locale listed first, `en-US` before the others), else `--locale`, else
/// the default. Each posting's own page keeps its own locale.
fn index_locale(rows: &[&Row], given: Option<&str>) -> &'static Locale {
    let mut counts: Vec<(usize, &'static str)> = locale::tags()
        .map(|tag| (rows.iter().filter(|r| r.locale == tag).count(), tag))
        .collect();
    // Stable: among equal counts the first listed stays first.
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counts
        .first()
        .and_then(|(n, tag)| Some((n, locale::get(tag)?)))
    {
        Some((n, l)) if *n > 0 => l,
        _ => given
            .and_then(locale::get)
            .unwrap_or_else(|| locale::get(locale::DEFAULT).expect("en-US is shipped")),
    }
}

/// `3 open positions`, `1 vacancy`, in the page's locale.
fn count_text(loc: &Locale, n: usize) -> String {
    match n {
        1 => loc.text("index_count_one").to_string(),
        n => locale::fill(loc.text("index_count"), &[("n", &n.to_string())]),
    }
}

/// `YYYY-MM-DD` as the locale writes a date in prose; empty stays empty.
fn date_text(loc: &Locale, iso: &str) -> String {
    iso.parse::<toml::value::Datetime>()
        .map(|d| loc.date(&d))
        .unwrap_or_default()
}

/// `Posted January 4, 2027` in the page's locale, or empty.
fn posted_line(loc: &Locale, iso: &str) -> String {
    match date_text(loc, iso) {
        d if d.is_empty() => d,
        d => locale::fill(loc.text("posted_date"), &[("date", &d)]),
    }
}

/// The value every row has for `field`, or empty when they differ.
fn shared<'a>(rows: &[&'a Row], field: impl Fn(&'a Row) -> &'a String) -> &'a str {
    let values: BTreeSet<&str> = rows.iter().map(|r| field(r).as_str()).collect();
    match values.into_iter().collect::<Vec<_>>()[..] {
        [one] => one,
        _ => "",
    }
}

/// `shared` on a page of one employer; empty otherwise.
fn brand<'a>(company: &str, rows: &[&'a Row], field: impl Fn(&'a Row) -> &'a String) -> &'a str {
    if company.is_empty() {
        ""
    } else {
        shared(rows, field)
    }
}

/// Writes the page shell with one `index-row.html` per posting in place of the
/// placeholder, the rows rendered a chunk at a time in parallel.
fn careers_page(site: &Site, w: &mut dyn Write) -> Result<()> {
    let io = |e| Error::io("write", Path::new(INDEX_PAGE), e);
    let rows = site.rows;
    let loc = index_locale(rows, site.settings.locale.as_deref());
    let title = title(rows, loc);
    let company = shared(rows, |r| &r.company);
    let company_column = company.is_empty() && rows.iter().any(|r| !r.company.is_empty());
    let base_url = site.settings.base_url.as_deref();
    let absolute = |link: &str| base_url.map(|b| format!("{b}{link}")).unwrap_or_default();
    let context = IndexPage {
        title: &title,
        count: rows.len(),
        rows: ROWS_PLACEHOLDER,
        company,
        // Brand only a one-employer page.
        color: brand(company, rows, |r| &r.color),
        logo: brand(company, rows, |r| &r.logo_src),
        company_column,
        canonical: absolute(INDEX_PAGE),
        lang: &loc.tag,
        atom: match site.settings.feeds.contains(&Kind::Atom) {
            true => absolute(Kind::Atom.path()),
            false => String::new(),
        },
        count_text: count_text(loc, rows.len()),
        t: &loc.messages,
    };
    let labels = RowLabels::new(loc);
    let shell = site
        .templates
        .render_template(INDEX_PAGE, "page", &context)?;
    let (head, tail) = shell.split_once(ROWS_PLACEHOLDER).unwrap_or((&shell, ""));
    w.write_all(head.as_bytes()).map_err(io)?;
    let formats = &site.settings.formats;
    for chunk in rows.chunks(1024) {
        let fragments: Vec<String> = site.pool.install(|| {
            chunk
                .par_iter()
                .map(|r| {
                    let entry = Entry::new(r, formats, site.mixed_currencies);
                    let view = RowView {
                        url: absolute(&entry.link),
                        entry,
                        company_column,
                        posted_text: posted_line(loc, &r.posted),
                        closed: r.is_closed(site.today),
                        t: &labels,
                    };
                    site.templates.render_template(INDEX_ROW, "r", &view)
                })
                .collect::<Result<_>>()
        })?;
        for f in &fragments {
            w.write_all(f.as_bytes()).map_err(io)?;
        }
    }
    w.write_all(tail.as_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Posting;

    fn row_in(country: &str) -> Row {
        let text = format!("[location]\ncountry = \"{country}\"");
        let p: Posting = toml::from_str(&text).unwrap();
        Row::new(&p, Path::new(country), None)
    }

    #[test]
    fn the_careers_page_reads_in_the_locale_most_postings_read_in() {
        let tag = |rows: &[&Row], given| index_locale(rows, given).tag.as_str();
        let (us, ca, gb) = (row_in("US"), row_in("CA"), row_in("GB"));
        let (ca2, gb2, us2, au) = (row_in("CA"), row_in("GB"), row_in("US"), row_in("AU"));
        assert_eq!(tag(&[&us, &ca, &ca2], None), "en-CA");
        // A tie goes to the locale listed first.
        assert_eq!(tag(&[&gb, &us2], None), "en-US");
        assert_eq!(tag(&[&gb2, &au], None), "en-AU");
        assert_eq!(tag(&[], Some("en-IE")), "en-IE");
        assert_eq!(tag(&[], None), "en-US");
    }

    #[test]
    fn counts_and_dates_on_the_careers_page_follow_its_locale() {
        let gb = locale::get("en-GB").unwrap();
        let us = locale::get("en-US").unwrap();
        assert_eq!(count_text(gb, 1), "1 vacancy");
        assert_eq!(count_text(gb, 3), "3 vacancies");
        assert_eq!(count_text(us, 1), "1 open position");
        assert_eq!(count_text(us, 0), "0 open positions");
        assert_eq!(date_text(gb, "2027-02-01"), "1 February 2027");
        assert_eq!(date_text(us, "2027-02-01"), "February 1, 2027");
        assert_eq!(date_text(us, ""), "");
    }
}
