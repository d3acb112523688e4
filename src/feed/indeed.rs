//! Indeed's XML job feed: `<source>` with the publisher and a `<job>` per open
//! posting, every value in CDATA. ZipRecruiter's organic feed and Jobrapido
//! read the same element names.

use super::{Channel, DECLARATION, Item, rfc822};
use crate::model::{EmploymentType, Workplace};
use crate::xml::cdata_element;

/// What Indeed marks required, and the place it cannot list a job without.
pub(super) fn required(item: &Item) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if item.title.is_empty() {
        missing.push("title");
    }
    if item.posted.is_none() {
        missing.push("posted");
    }
    if item.company.is_empty() {
        missing.push("company.name");
    }
    // A fully remote job has no city; it still has a country.
    if item.city.is_empty() && item.workplace != Some(Workplace::Remote) {
        missing.push("location.city");
    }
    if item.country.is_empty() {
        missing.push("location.country");
    }
    missing
}

/// The `<source>` element's start and what it says of the publisher.
pub(super) fn head(channel: &Channel) -> String {
    format!(
        "{DECLARATION}<source>\n{}{}{}\n",
        cdata_element("publisher", &channel.publisher),
        cdata_element("publisherurl", &channel.base_url),
        cdata_element("lastBuildDate", &rfc822(channel.today))
    )
}

/// One `<job>`, its empty values left out.
pub(super) fn job(item: &Item) -> String {
    let date = |d: Option<toml::value::Date>| d.map(rfc822).unwrap_or_default();
    let fields = [
        ("title", item.title.clone()),
        ("date", date(item.posted)),
        ("referencenumber", item.id.clone()),
        ("requisitionid", item.id.clone()),
        ("url", item.url.clone()),
        ("company", item.company.clone()),
        ("city", item.city.clone()),
        ("state", item.region.clone()),
        ("country", item.country.clone()),
        ("postalcode", item.postal_code.clone()),
        ("streetaddress", item.street.clone()),
        ("description", item.description.clone()),
        ("salary", item.salary.clone()),
        ("education", item.education.clone()),
        (
            "jobtype",
            item.employment.map(job_type).unwrap_or_default().into(),
        ),
        ("category", item.category.clone()),
        ("experience", item.experience.clone()),
        ("expirationdate", date(item.apply_by)),
        ("remotetype", remote_type(item.workplace).into()),
    ];
    let mut xml = String::from("<job>");
    for (name, value) in fields.iter().filter(|(_, v)| !v.is_empty()) {
        xml.push_str(&cdata_element(name, value));
    }
    xml.push_str("</job>\n");
    xml
}

/// Indeed's job types; "other" has none.
fn job_type(e: EmploymentType) -> &'static str {
    match e {
        EmploymentType::FullTime => "fulltime",
        EmploymentType::PartTime => "parttime",
        EmploymentType::Contract => "contract",
        EmploymentType::Temporary => "temporary",
        EmploymentType::Internship => "internship",
        EmploymentType::Volunteer => "volunteer",
        EmploymentType::PerDiem => "perdiem",
        EmploymentType::Other => "",
    }
}

fn remote_type(w: Option<Workplace>) -> &'static str {
    match w {
        Some(Workplace::Remote) => "Fully remote",
        Some(Workplace::Hybrid) => "Hybrid remote",
        _ => "",
    }
}
