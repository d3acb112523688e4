//! Job-board feeds over every posting of an export: Indeed's `<source><job>`
//! feed (the element names most aggregators read), LinkedIn's Basic Jobs XML
//! feed, and an Atom feed (RFC 4287) for feed readers.
//!
//! An [`Item`] is what the feeds need of one posting; the export builds it on
//! the thread that renders the posting, so the feeds themselves are pure
//! functions over the items ([`write`]). Only open jobs go in: a posting whose
//! `apply_by` is before [`Channel::today`] is left out of every feed. A posting
//! that lacks what a board requires is left out of that board's feed, and
//! [`write`] says which fields it lacks ([`LeftOut`]), since a board rejects a
//! feed with a broken job rather than skipping the job.
//!
//! Every value goes through [`crate::xml`], so text with `]]>`, markup or
//! control characters keeps the feed well formed.
//!
//! # Adding a feed
//!
//! One file `src/feed/<name>.rs` with a `required` check and a `write` over
//! the items, and one variant of [`Kind`] naming them.

mod atom;
mod indeed;
mod linkedin;

use std::fmt;

use toml::value::Date;

use crate::format::Prepared;
use crate::model::{EmploymentType, Period, Workplace};
use crate::render::Templates;

/// A feed `export --feeds` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Kind {
    /// Indeed's XML feed (`feeds/indeed.xml`), also read by ZipRecruiter, Jobrapido and others.
    Indeed,
    /// LinkedIn's Basic Jobs XML feed (`feeds/linkedin.xml`).
    #[value(name = "linkedin")]
    LinkedIn,
    /// An Atom feed (`feeds/atom.xml`) for feed readers, linked from the careers page.
    Atom,
}

impl Kind {
    /// Every feed, in the order they are written.
    pub const ALL: [Kind; 3] = [Kind::Indeed, Kind::LinkedIn, Kind::Atom];

    /// `indeed`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Indeed => "indeed",
            Kind::LinkedIn => "linkedin",
            Kind::Atom => "atom",
        }
    }

    /// `feeds/indeed.xml`, relative to the output folder (and to `--base-url`).
    pub fn path(self) -> &'static str {
        match self {
            Kind::Indeed => "feeds/indeed.xml",
            Kind::LinkedIn => "feeds/linkedin.xml",
            Kind::Atom => "feeds/atom.xml",
        }
    }

    /// The fields `item` lacks for this feed, by their posting-file names.
    fn required(self, item: &Item) -> Vec<&'static str> {
        match self {
            Kind::Indeed => indeed::required(item),
            Kind::LinkedIn => linkedin::required(item),
            Kind::Atom => atom::required(item),
        }
    }

    /// One posting's element: `<job>` or `<entry>`.
    fn job(self, item: &Item) -> String {
        match self {
            Kind::Indeed => indeed::job(item),
            Kind::LinkedIn => linkedin::job(item),
            Kind::Atom => atom::entry(item),
        }
    }

    /// What comes before and after the jobs' elements; `newest` is the latest
    /// date posted.
    pub fn ends(self, channel: &Channel, newest: Option<Date>) -> (String, &'static str) {
        match self {
            Kind::Indeed => (indeed::head(channel), "</source>\n"),
            Kind::LinkedIn => (linkedin::head(channel), "</source>\n"),
            Kind::Atom => (atom::head(channel, newest), "</feed>\n"),
        }
    }

    /// The feed around its jobs' elements; `newest` is the latest date posted.
    pub fn document(self, channel: &Channel, jobs: &[&str], newest: Option<Date>) -> String {
        let (head, tail) = self.ends(channel, newest);
        let size = jobs.iter().map(|j| j.len()).sum::<usize>();
        let mut xml = String::with_capacity(head.len() + size + tail.len());
        xml.push_str(&head);
        for job in jobs {
            xml.push_str(job);
        }
        xml.push_str(tail);
        xml
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Indeed => "Indeed",
            Kind::LinkedIn => "LinkedIn",
            Kind::Atom => "Atom",
        })
    }
}

/// What every feed says about the site as a whole.
#[derive(Debug, Clone)]
pub struct Channel {
    /// Who publishes the jobs: the one employer of every posting, else the site.
    pub publisher: String,
    /// The site's address (`--base-url`), ending in `/`.
    pub base_url: String,
    /// The careers page's title, the Atom feed's title.
    pub title: String,
    /// The careers page's language tag.
    pub lang: String,
    /// Jobs whose `apply_by` is before this day are closed.
    pub today: Date,
}

/// A pay range as a board reads it: numbers, an ISO currency and a period.
#[derive(Debug, Clone, PartialEq)]
pub struct PayRange {
    /// The bottom, if stated.
    pub min: Option<f64>,
    /// The top, if stated.
    pub max: Option<f64>,
    /// ISO 4217.
    pub currency: String,
    /// What one amount pays for.
    pub period: Period,
}

/// What the feeds need of one posting, taken from it once.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The posting file, for findings.
    pub file: String,
    /// A stable id: the posting's `reference`, else its path below the export.
    pub id: String,
    /// Job title.
    pub title: String,
    /// Employer's name.
    pub company: String,
    /// The posting's page under `--base-url`.
    pub url: String,
    /// Where to apply: `apply.url`, else the posting's page.
    pub apply_url: String,
    /// Street address.
    pub street: String,
    /// City.
    pub city: String,
    /// State, province or region.
    pub region: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// The place as the page states it.
    pub location: String,
    /// On-site, hybrid or remote.
    pub workplace: Option<Workplace>,
    /// Kind of contract.
    pub employment: Option<EmploymentType>,
    /// The posting's body as HTML (without its title).
    pub description: String,
    /// What the role is for, as plain text.
    pub summary: String,
    /// The pay as the page states it.
    pub salary: String,
    /// The pay as numbers, when the posting states a currency and period.
    pub pay: Option<PayRange>,
    /// The schooling asked for, as the page states it.
    pub education: String,
    /// The experience asked for, as the page states it.
    pub experience: String,
    /// Months of experience asked for.
    pub experience_months: Option<u32>,
    /// The role preset's industry.
    pub category: String,
    /// The date posted (or `--posted`).
    pub posted: Option<Date>,
    /// The last day to apply.
    pub apply_by: Option<Date>,
}

impl Item {
    /// The feeds' view of `posting`, exported at `url`. `id` is the fallback
    /// id (the posting's path below the export); `category` its preset's industry.
    pub fn new(
        posting: &Prepared,
        templates: &Templates,
        id: &str,
        url: &str,
        category: &str,
    ) -> crate::error::Result<Item> {
        let p = &posting.merged.posting;
        let v = &posting.view;
        let loc = p.location.clone().unwrap_or_default();
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        let q = p.qualifications.as_ref();
        let locale = crate::locale::of(p);
        Ok(Item {
            file: posting
                .merged
                .file
                .as_deref()
                .unwrap_or_default()
                .to_string(),
            id: p.reference.clone().unwrap_or_else(|| id.to_string()),
            title: v.title.clone(),
            company: v.company.name.clone(),
            url: url.to_string(),
            apply_url: match v.apply.url.is_empty() {
                true => url.to_string(),
                false => v.apply.url.clone(),
            },
            street: text(&loc.street),
            city: text(&loc.city),
            region: text(&loc.region),
            postal_code: text(&loc.postal_code),
            country: text(&loc.country),
            location: v.conditions.location.clone(),
            workplace: loc.workplace,
            employment: p.employment_type,
            description: posting.body_html(templates)?.to_string(),
            summary: crate::markdown::to_plain(&v.purpose),
            salary: v.pay.range.clone(),
            pay: pay_range(p),
            education: q
                .and_then(|q| q.education)
                .map(|e| locale.education(e))
                .unwrap_or_default(),
            experience: q
                .and_then(|q| q.experience_months)
                .filter(|m| *m > 0)
                .map(|m| locale.experience(m))
                .unwrap_or_default(),
            experience_months: q.and_then(|q| q.experience_months),
            category: category.to_string(),
            posted: p.posted.as_ref().and_then(|d| d.date).or(posting.date),
            apply_by: p.apply_by.as_ref().and_then(|d| d.date),
        })
    }
}

/// Whether a job whose last day to apply is `apply_by` is closed on `today`.
pub fn is_closed(apply_by: Option<Date>, today: Date) -> bool {
    apply_by.is_some_and(|d| days(d) < days(today))
}

fn pay_range(p: &crate::model::Posting) -> Option<PayRange> {
    let pay = p.pay.as_ref()?;
    if pay.min.is_none() && pay.max.is_none() {
        return None;
    }
    Some(PayRange {
        min: pay.min,
        max: pay.max,
        currency: pay.currency.clone()?,
        period: pay.period?,
    })
}

/// Each `(element, value)` with a value, in CDATA: a board reads an empty
/// element as a value given.
fn cdata_fields(fields: &[(&str, String)]) -> String {
    fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(name, value)| crate::xml::cdata_element(name, value))
        .collect()
}

/// The fields whose check failed, of `(field, present)` pairs.
fn lacking(checks: &[(&'static str, bool)]) -> Vec<&'static str> {
    checks
        .iter()
        .filter(|(_, present)| !present)
        .map(|(field, _)| *field)
        .collect()
}

/// A posting left out of a feed because it lacks what the board requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The feed.
    pub feed: Kind,
    /// The posting file.
    pub file: String,
    /// The fields it lacks, by their posting-file names.
    pub fields: Vec<String>,
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "left out of the {} feed: it needs {}",
            self.feed,
            self.fields.join(", ")
        )
    }
}

/// One posting's part of a feed, rendered with the posting and kept with its
/// index row until the feed is written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Part {
    /// Its element, ready to go in.
    Job(String),
    /// What it lacks for this feed, so it stays out.
    Lacks {
        /// The posting file.
        file: String,
        /// The fields, by their posting-file names.
        fields: Vec<String>,
    },
}

/// `item`'s part of the `kind` feed: its element, or what it lacks.
pub fn part(kind: Kind, item: &Item) -> Part {
    match kind.required(item) {
        fields if fields.is_empty() => Part::Job(kind.job(item)),
        fields => Part::Lacks {
            file: item.file.clone(),
            fields: fields.into_iter().map(String::from).collect(),
        },
    }
}

/// A feed written: its text and the open postings it left out.
#[derive(Debug)]
pub struct Written {
    /// The feed's XML.
    pub xml: String,
    /// How many jobs it lists.
    pub jobs: usize,
    /// Open postings left out for lack of a field.
    pub left_out: Vec<LeftOut>,
}

/// The `kind` feed over the open postings of `items`; closed ones are left out
/// without a finding, since a closed job is no mistake.
pub fn write(kind: Kind, items: &[Item], channel: &Channel) -> Written {
    let open: Vec<&Item> = items
        .iter()
        .filter(|i| !is_closed(i.apply_by, channel.today))
        .collect();
    let (mut jobs, mut left_out) = (Vec::new(), Vec::new());
    for item in &open {
        match part(kind, item) {
            Part::Job(xml) => jobs.push(xml),
            Part::Lacks { file, fields } => left_out.push(LeftOut {
                feed: kind,
                file,
                fields,
            }),
        }
    }
    let newest = open
        .iter()
        .filter_map(|i| i.posted)
        .max_by_key(|d| days(*d));
    let refs: Vec<&str> = jobs.iter().map(String::as_str).collect();
    Written {
        xml: kind.document(channel, &refs, newest),
        jobs: jobs.len(),
        left_out,
    }
}

/// The XML declaration every feed starts with.
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days(d: Date) -> i64 {
    let (m, d0) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d0 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `Mon, 04 Jan 2027 00:00:00 GMT` (RFC 822 as RSS and Indeed write dates).
fn rfc822(d: Date) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let weekday = DAYS[days(d).rem_euclid(7) as usize];
    let month = MONTHS[usize::from(d.month.clamp(1, 12)) - 1];
    format!("{weekday}, {:02} {month} {} 00:00:00 GMT", d.day, d.year)
}

#[cfg(test)]
mod tests;
