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
    pub fn path(self) -> String {
        format!("{FOLDER}/{}.xml", self.name())
    }

    /// The fields `item` lacks for this feed, by their posting-file names.
    fn required(self, item: &Item) -> Vec<&'static str> {
        match self {
            Kind::Indeed => indeed::required(item),
            Kind::LinkedIn => linkedin::required(item),
            Kind::Atom => atom::required(item),
        }
    }

    fn write(self, items: &[&Item], channel: &Channel) -> String {
        match self {
            Kind::Indeed => indeed::write(items, channel),
            Kind::LinkedIn => linkedin::write(items, channel),
            Kind::Atom => atom::write(items, channel),
        }
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

/// The folder below the output folder that holds the feeds.
pub const FOLDER: &str = "feeds";

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
        let loc = p.location.clone().unwrap_or(crate::model::Location {
            workplace: None,
            street: None,
            city: None,
            region: None,
            postal_code: None,
            country: None,
            applicant_countries: None,
        });
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
            description: body_html(posting, templates)?,
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

    /// Whether the last day to apply is before `today`.
    pub fn is_closed(&self, today: Date) -> bool {
        self.apply_by.is_some_and(|d| days(d) < days(today))
    }
}

/// The page's Markdown without its title, as HTML: the body a board shows
/// under its own title.
fn body_html(posting: &Prepared, templates: &Templates) -> crate::error::Result<String> {
    let md = templates.render_posting(&posting.view, "posting.md", "", true)?;
    let body = match md.split_once('\n') {
        Some((first, rest)) if first.starts_with("# ") => rest,
        _ => md.as_str(),
    };
    Ok(crate::markdown::to_html(body))
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

/// A posting left out of a feed because it lacks what the board requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The feed.
    pub feed: Kind,
    /// The posting file.
    pub file: String,
    /// The fields it lacks, by their posting-file names.
    pub fields: Vec<&'static str>,
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

/// A feed written: its text and the postings it left out.
#[derive(Debug)]
pub struct Written {
    /// The feed's XML.
    pub xml: String,
    /// How many jobs it lists.
    pub jobs: usize,
    /// Open postings left out for lack of a field.
    pub left_out: Vec<LeftOut>,
}

/// `kind` over the open postings of `items` (closed ones are left out
/// silently: a closed job is not an error).
pub fn write(kind: Kind, items: &[Item], channel: &Channel) -> Written {
    let mut kept = Vec::with_capacity(items.len());
    let mut left_out = Vec::new();
    for item in items.iter().filter(|i| !i.is_closed(channel.today)) {
        match kind.required(item) {
            fields if fields.is_empty() => kept.push(item),
            fields => left_out.push(LeftOut {
                feed: kind,
                file: item.file.clone(),
                fields,
            }),
        }
    }
    Written {
        xml: kind.write(&kept, channel),
        jobs: kept.len(),
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

/// The day a Unix time falls on, in UTC (`civil_from_days`): "today" from
/// `SOURCE_DATE_EPOCH` or the clock.
pub fn date_of_unix(seconds: i64) -> Date {
    let z = seconds.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: month as u8,
        day: day as u8,
    }
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
