//! schema.org `JobPosting` JSON-LD, as job-search engines read it.
//!
//! Built from serde structs rather than a template, so the output is always
//! well-formed JSON whatever the fields hold. The description is assembled from
//! the same reader-facing [`View`] the HTML page renders, so the page and the
//! markup say the same thing.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use toml::value::{Date, Datetime};

use crate::error::{Error, Result};
use crate::markdown;
use crate::model::{Education, EmploymentType, Period, Posting};
use crate::render::View;

/// A `JobPosting` node.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobPosting {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    title: String,
    description: String,
    date_posted: String,
    /// The last day to apply, as a date: a time without a zone would be read in
    /// the reader's zone, and jobpost knows no zone for the job.
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_through: Option<String>,
    /// Whether the posting's own page takes the application: never, since a
    /// jobpost page links to the employer's application page or e-mail.
    direct_apply: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    employment_type: Option<&'static str>,
    hiring_organization: Organization,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_location_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    applicant_location_requirements: Vec<Country>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_salary: Option<MonetaryAmount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier: Option<PropertyValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    education_requirements: Option<Credential>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experience_requirements: Option<Experience>,
    #[serde(skip_serializing_if = "Option::is_none")]
    job_benefits: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
}

#[derive(Debug, Serialize)]
struct Place {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: PostalAddress,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddress {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    street_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_locality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_code: Option<String>,
    address_country: String,
}

#[derive(Debug, Serialize)]
struct Country {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

#[derive(Debug, Serialize)]
struct MonetaryAmount {
    #[serde(rename = "@type")]
    kind: &'static str,
    currency: String,
    value: QuantitativeValue,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct QuantitativeValue {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_value: Option<f64>,
    unit_text: &'static str,
}

#[derive(Debug, Serialize)]
struct PropertyValue {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    value: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Credential {
    #[serde(rename = "@type")]
    kind: &'static str,
    credential_category: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Experience {
    #[serde(rename = "@type")]
    kind: &'static str,
    months_of_experience: u32,
}

impl JobPosting {
    /// The node as pretty-printed JSON.
    pub fn to_pretty(&self) -> Result<String> {
        serde_json::to_string_pretty(self)
            .map_err(|e| Error::Usage(format!("cannot write JSON-LD: {e}")))
    }
}

/// Escapes JSON for a `<script>` element: `<`, `>`, `&` and the JavaScript line
/// separators become `\uXXXX`, which JSON reads back as the same characters, so
/// no field can close the element or start a comment.
pub fn for_script(json: &str) -> String {
    const FIRST: [bool; 256] = starts(b"<>&\xE2");
    replace(json, &FIRST, |bytes, i| match bytes[i] {
        b'<' => Some(("\\u003c", 1)),
        b'>' => Some(("\\u003e", 1)),
        b'&' => Some(("\\u0026", 1)),
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0xA8) => Some(("\\u2028", 3)),
            Some(0xA9) => Some(("\\u2029", 3)),
            _ => None,
        },
        _ => None,
    })
}

/// Copies `text`, replacing each match `find(bytes, at)` reports as
/// (replacement, bytes matched); `find` is asked only at bytes `first` marks.
/// Works on bytes and copies unchanged runs whole, since export runs this over
/// every description (a byte table skips the runs several times faster than
/// asking `find` at each byte).
fn replace(
    text: &str,
    first: &[bool; 256],
    find: impl Fn(&[u8], usize) -> Option<(&'static str, usize)>,
) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let (mut copied, mut i) = (0, 0);
    while let Some(k) = bytes[i..].iter().position(|&b| first[b as usize]) {
        i += k;
        match find(bytes, i) {
            Some((with, len)) => {
                out.push_str(&text[copied..i]);
                out.push_str(with);
                i += len;
                copied = i;
            }
            None => i += 1,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The table [`replace`] skips by: the bytes a match may start with.
const fn starts(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
}

/// The `JobPosting` node of `p`, dated `posted`. The caller checks first that `p`
/// has what JSON-LD needs ([`crate::validate::jsonld_problems`]); `view` is
/// `View::new(p)`, passed in so a caller rendering the page too builds it once.
pub fn build(p: &Posting, view: &View, posted: Date) -> JobPosting {
    let company = p.company.as_ref();
    JobPosting {
        context: "https://schema.org/",
        kind: "JobPosting",
        title: view.title.clone(),
        description: description(view),
        date_posted: iso(&posted),
        valid_through: p.apply_by.and_then(|d| d.date).map(|d| iso(&d)),
        employment_type: p.employment_type.map(employment_type),
        direct_apply: false,
        hiring_organization: Organization {
            kind: "Organization",
            name: view.company.name.clone(),
            same_as: Some(view.company.website.clone()).filter(|w| !w.is_empty()),
        },
        job_location: place(p),
        job_location_type: is_remote(p).then_some("TELECOMMUTE"),
        applicant_location_requirements: applicant_countries(p),
        base_salary: base_salary(p),
        identifier: p.reference.clone().map(|value| PropertyValue {
            kind: "PropertyValue",
            name: company.and_then(|c| c.name.clone()).unwrap_or_default(),
            value,
        }),
        education_requirements: education(p),
        experience_requirements: experience(p),
        job_benefits: Some(view.pay.benefits.join("; ")).filter(|b| !b.is_empty()),
    }
}

/// The date the posting went up: `posted`, else `date` (`--posted`).
pub fn date_posted(p: &Posting, date: Option<Date>) -> Option<Date> {
    p.posted.and_then(|d| d.date).or(date)
}

/// Today's date in UTC: the date of `SOURCE_DATE_EPOCH` when it is set (the
/// reproducible-builds convention, so a CI export can be repeated), else the
/// system clock. Read once when a command needs it (`--posted today`, the day
/// of an export), never while rendering.
pub fn today() -> Date {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    civil_from_days((secs / 86_400) as i64)
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    }
}

/// Parses a `--date` value: `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> std::result::Result<Date, String> {
    let bad = || format!("`{s}` is not a date; expected YYYY-MM-DD, e.g. 2027-01-04");
    let dt: Datetime = s.parse().map_err(|_| bad())?;
    crate::validate::date(&dt)?;
    dt.date.ok_or_else(bad)
}

/// `2027-01-04`.
pub fn iso(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn is_remote(p: &Posting) -> bool {
    crate::validate::is_remote(p)
}

/// Where the work happens; a fully remote role has no place.
fn place(p: &Posting) -> Option<Place> {
    let l = p.location.as_ref().filter(|_| !is_remote(p))?;
    Some(Place {
        kind: "Place",
        address: PostalAddress {
            kind: "PostalAddress",
            street_address: l.street.clone(),
            address_locality: l.city.clone(),
            address_region: l.region.clone(),
            postal_code: l.postal_code.clone(),
            address_country: l.country.clone()?,
        },
    })
}

/// For remote roles: `applicant_countries`, else the posting's own country.
fn applicant_countries(p: &Posting) -> Vec<Country> {
    crate::validate::applicant_countries(p)
        .into_iter()
        .map(|name| Country {
            kind: "Country",
            name,
        })
        .collect()
}

fn base_salary(p: &Posting) -> Option<MonetaryAmount> {
    let pay = p.pay.as_ref()?;
    let (value, min_value, max_value) = match (pay.min, pay.max) {
        (None, None) => return None,
        (Some(a), Some(b)) if a == b => (Some(a), None, None),
        (min, max) => (None, min, max),
    };
    Some(MonetaryAmount {
        kind: "MonetaryAmount",
        currency: pay.currency.clone()?,
        value: QuantitativeValue {
            kind: "QuantitativeValue",
            value,
            min_value,
            max_value,
            unit_text: unit_text(pay.period?),
        },
    })
}

fn unit_text(period: Period) -> &'static str {
    match period {
        Period::Hour => "HOUR",
        Period::Day => "DAY",
        Period::Week => "WEEK",
        Period::Month => "MONTH",
        Period::Year => "YEAR",
    }
}

fn employment_type(e: EmploymentType) -> &'static str {
    match e {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACTOR",
        EmploymentType::Temporary => "TEMPORARY",
        EmploymentType::Internship => "INTERN",
        EmploymentType::Volunteer => "VOLUNTEER",
        EmploymentType::PerDiem => "PER_DIEM",
        EmploymentType::Other => "OTHER",
    }
}

fn education(p: &Posting) -> Option<Credential> {
    let category = match p.qualifications.as_ref()?.education? {
        Education::None => return None,
        Education::HighSchool => "high school",
        Education::Associate => "associate degree",
        Education::Bachelor => "bachelor degree",
        Education::Postgraduate => "postgraduate degree",
    };
    Some(Credential {
        kind: "EducationalOccupationalCredential",
        credential_category: category,
    })
}

fn experience(p: &Posting) -> Option<Experience> {
    let months = p
        .qualifications
        .as_ref()?
        .experience_months
        .filter(|m| *m > 0)?;
    Some(Experience {
        kind: "OccupationalExperienceRequirements",
        months_of_experience: months,
    })
}

/// The whole posting as HTML using only `p`, `ul`, `li` and `br`, the tags job
/// search engines read: purpose, duties, qualifications, conditions, pay, benefits.
fn description(v: &View) -> String {
    let mut html = String::with_capacity(4096);
    let heading = |key: &str| label(v, message(v, key));
    push_markdown(&mut html, &v.purpose);
    push_list(&mut html, &heading("achieve"), &v.objectives);
    push_list(&mut html, message(v, "duties_every_day"), &v.daily);
    push_list(&mut html, message(v, "duties_every_week"), &v.weekly);
    push_list(&mut html, &heading("bring"), &v.required);
    push_list(&mut html, &heading("nice_to_have"), &v.preferred);
    push_list(&mut html, &heading("conditions"), &conditions(v));
    push_list(&mut html, &heading("physical"), &v.conditions.physical);
    push_list(&mut html, &heading("pay_and_benefits"), &pay(v));
    push_paragraph(&mut html, &v.apply.instructions);
    if !v.company.about.is_empty() {
        push_paragraph(&mut html, &label(v, &v.lines.about));
        push_markdown(&mut html, &v.company.about);
    }
    push_paragraph(&mut html, &v.company.eeo);
    html
}

/// The message `key` of the posting's locale.
fn message<'a>(v: &'a View, key: &'a str) -> &'a str {
    v.t.get(key).map_or(key, String::as_str)
}

/// `Hours:` (`Horaires :` in French): a label before what it names.
fn label(v: &View, text: &str) -> String {
    crate::locale::fill(message(v, "label_colon"), &[("label", text)])
}

fn conditions(v: &View) -> Vec<String> {
    let c = &v.conditions;
    [
        ("workplace", c.workplace_line.clone()),
        ("schedule", c.schedule.clone()),
        ("hours", c.hours.clone()),
        ("environment", c.environment.clone()),
        ("travel", c.travel.clone()),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
    .map(|(key, text)| format!("{} {text}", label(v, message(v, key))))
    .collect()
}

fn pay(v: &View) -> Vec<String> {
    [v.pay.range.clone(), v.pay.extras.clone()]
        .into_iter()
        .chain(v.pay.benefits.iter().cloned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn push_paragraph(html: &mut String, text: &str) {
    if !text.trim().is_empty() {
        html.push_str(&format!("<p>{}</p>", escape(text.trim())));
    }
}

fn push_list(html: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    push_paragraph(html, label);
    html.push_str("<ul>");
    for item in items {
        html.push_str(&format!("<li>{}</li>", escape(item)));
    }
    html.push_str("</ul>");
}

/// User Markdown reduced to paragraphs and bullet lists (links keep their address
/// as text), since the description may use no other tags.
fn push_markdown(html: &mut String, md: &str) {
    for block in markdown::to_plain(md).split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
        let bullets: Vec<String> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("- ").map(str::to_string))
            .collect();
        if !lines.is_empty() && bullets.len() == lines.len() {
            html.push_str("<ul>");
            bullets
                .iter()
                .for_each(|b| html.push_str(&format!("<li>{}</li>", escape(b))));
            html.push_str("</ul>");
        } else if !lines.is_empty() {
            let escaped: Vec<String> = lines.iter().map(|l| escape(l)).collect();
            html.push_str(&format!("<p>{}</p>", escaped.join("<br>")));
        }
    }
}

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    const FIRST: [bool; 256] = starts(b"&<>\"");
    replace(text, &FIRST, |bytes, i| match bytes[i] {
        b'&' => Some(("&amp;", 1)),
        b'<' => Some(("&lt;", 1)),
        b'>' => Some(("&gt;", 1)),
        b'"' => Some(("&quot;", 1)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(iso(&civil_from_days(0)), "1970-01-01");
        assert_eq!(iso(&civil_from_days(19_782)), "2024-02-29");
        assert_eq!(iso(&civil_from_days(20_454)), "2026-01-01");
        assert!(today().year >= 2025);
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(iso(&parse_date("2027-01-04").unwrap()), "2027-01-04");
        assert!(parse_date("2027-1-4").is_err());
        assert!(parse_date("2027-01-04T10:00:00").is_err());
    }

    #[test]
    fn script_escaping_keeps_json_and_closes_nothing() {
        let json = serde_json::to_string("</script><!-- & \u{2028}").unwrap();
        let safe = for_script(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }

    #[test]
    fn markdown_reduces_to_allowed_tags() {
        let mut html = String::new();
        push_markdown(&mut html, "We **help** <b>you</b>.\n\n- one\n- two");
        assert_eq!(
            html,
            "<p>We help &lt;b&gt;you&lt;/b&gt;.</p><ul><li>one</li><li>two</li></ul>"
        );
    }
}
