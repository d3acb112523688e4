//! LinkedIn's Basic Jobs XML feed: the `<source>`/`<job>` shape with LinkedIn's
//! element names, a description in the few tags LinkedIn keeps, and the pay as
//! numbers with a currency and a period.

use super::{Channel, DECLARATION, Item, PayRange};
use crate::model::{EmploymentType, Period, Workplace};
use crate::xml::{cdata_element, element};

/// The longest `partnerJobId` LinkedIn takes.
const MAX_ID: usize = 40;

/// The shortest description LinkedIn takes, in characters of text.
const MIN_DESCRIPTION: usize = 100;

/// What LinkedIn requires: an id of at most 40 characters, the company, title,
/// a description of 100 characters or more, where to apply, and a place.
pub(super) fn required(item: &Item) -> Vec<&'static str> {
    let description = crate::markdown::html_text_len(&item.description);
    super::lacking(&[
        (
            "reference (at most 40 characters)",
            item.id.chars().count() <= MAX_ID,
        ),
        ("company.name", !item.company.is_empty()),
        ("title", !item.title.is_empty()),
        (
            "purpose (a description of at least 100 characters)",
            description >= MIN_DESCRIPTION,
        ),
        (
            "location.country",
            !item.city.is_empty() || !item.country.is_empty(),
        ),
    ])
}

/// The `<source>` element's start and when the feed was built.
pub(super) fn head(channel: &Channel) -> String {
    format!(
        "{DECLARATION}<source>
{}
",
        cdata_element("lastBuildDate", &super::rfc822(channel.today))
    )
}

/// One `<job>`, its empty values left out.
pub(super) fn job(item: &Item) -> String {
    let date = |d: Option<toml::value::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let fields = [
        ("partnerJobId", item.id.clone()),
        ("company", item.company.clone()),
        ("title", item.title.clone()),
        (
            "description",
            crate::markdown::html_to_basic(&item.description),
        ),
        ("applyUrl", item.apply_url.clone()),
        ("location", item.location.clone()),
        ("city", item.city.clone()),
        ("state", item.region.clone()),
        ("country", item.country.clone()),
        ("postalCode", item.postal_code.clone()),
        ("isRemote", is_remote(item.workplace).into()),
        (
            "jobtype",
            item.employment.map(job_type).unwrap_or_default().into(),
        ),
        ("experienceLevel", experience_level(item).into()),
        ("listDate", date(item.posted)),
        ("expirationDate", date(item.apply_by)),
    ];
    let pay = item.pay.as_ref().map(salaries).unwrap_or_default();
    format!("<job>{}{pay}</job>\n", super::cdata_fields(&fields))
}

/// `<salaries><salary>` with the range's ends, its period and `BASE_SALARY`.
fn salaries(pay: &PayRange) -> String {
    let end = |name: &str, amount: Option<f64>| {
        amount.map_or(String::new(), |a| {
            format!(
                "<{name}>{}{}</{name}>",
                element("amount", &format!("{a:.2}")),
                element("currencyCode", &pay.currency)
            )
        })
    };
    format!(
        "<salaries><salary>{}{}{}{}</salary></salaries>",
        end("highEnd", pay.max),
        end("lowEnd", pay.min),
        element("period", period(pay.period)),
        element("type", "BASE_SALARY")
    )
}

fn period(p: Period) -> &'static str {
    match p {
        Period::Hour => "HOURLY",
        Period::Day => "DAILY",
        Period::Week => "WEEKLY",
        Period::Month => "MONTHLY",
        Period::Year => "YEARLY",
    }
}

fn is_remote(w: Option<Workplace>) -> &'static str {
    match w {
        Some(Workplace::Remote) => "true",
        Some(_) => "false",
        None => "",
    }
}

fn job_type(e: EmploymentType) -> &'static str {
    match e {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACT",
        EmploymentType::Temporary => "TEMPORARY",
        EmploymentType::Internship => "INTERNSHIP",
        EmploymentType::Volunteer => "VOLUNTEER",
        EmploymentType::PerDiem | EmploymentType::Other => "OTHER",
    }
}

/// LinkedIn's level from what the employer asks for: an internship, else the
/// months of experience; nothing when the posting says neither.
fn experience_level(item: &Item) -> &'static str {
    match (item.employment, item.experience_months) {
        (Some(EmploymentType::Internship), _) => "INTERNSHIP",
        (_, Some(m)) if m < 12 => "ENTRY_LEVEL",
        (_, Some(m)) if m < 60 => "ASSOCIATE",
        (_, Some(_)) => "MID_SENIOR_LEVEL",
        (_, None) => "",
    }
}
