//! Indeed's XML job feed: `<source>` with the publisher and a `<job>` per open
//! posting, every value in CDATA. ZipRecruiter's organic feed and Jobrapido
//! read the same element names.

use super::{Channel, DECLARATION, Item, rfc822};
use crate::model::{EmploymentType, Workplace};
use crate::xml::cdata_element;

/// What Indeed marks required, and the place it cannot list a job without.
pub(super) fn required(item: &Item) -> Vec<&'static str> {
    super::lacking(&[
        ("title", !item.title.is_empty()),
        ("posted", item.posted.is_some()),
        ("company.name", !item.company.is_empty()),
        // A fully remote job has no city; it still has a country.
        (
            "location.city",
            !item.city.is_empty() || item.workplace == Some(Workplace::Remote),
        ),
        ("location.country", !item.country.is_empty()),
    ])
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
    format!("<job>{}</job>\n", super::cdata_fields(&fields))
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
