//! The fields the wizard asks, in order, each with its kind of prompt and the
//! `validate` rule a typed value must pass.

use crate::model::{AiScreening, Education, EmploymentType, Period, Sector, Vacancy, Workplace};
use crate::validate;

/// A part of the posting, for going back to review it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The role preset.
    Role,
    /// The employer.
    Company,
    /// The title and the employer's reference.
    Title,
    /// Workplace and location.
    Place,
    /// Employment type and hours.
    Terms,
    /// The purpose.
    Purpose,
    /// Daily and weekly duties.
    Duties,
    /// Required and preferred skills.
    Skills,
    /// Qualifications, education and experience.
    Qualifications,
    /// Environment and physical demands.
    Conditions,
    /// Pay and benefits.
    Pay,
    /// Schedule and the application deadline.
    Dates,
    /// How to apply.
    Apply,
}

impl Section {
    /// Every section, in the order asked.
    pub const ALL: &'static [Section] = &[
        Section::Role,
        Section::Company,
        Section::Title,
        Section::Place,
        Section::Terms,
        Section::Purpose,
        Section::Duties,
        Section::Skills,
        Section::Qualifications,
        Section::Conditions,
        Section::Pay,
        Section::Dates,
        Section::Apply,
    ];

    /// The name shown when choosing a section to review.
    pub fn label(self) -> &'static str {
        crate::ui::t(match self {
            Section::Role => "section.role",
            Section::Company => "section.company",
            Section::Title => "section.title",
            Section::Place => "section.place",
            Section::Terms => "section.terms",
            Section::Purpose => "section.purpose",
            Section::Duties => "section.duties",
            Section::Skills => "section.skills",
            Section::Qualifications => "section.qualifications",
            Section::Conditions => "section.conditions",
            Section::Pay => "section.pay",
            Section::Dates => "section.dates",
            Section::Apply => "section.apply",
        })
    }
}

/// A rule for one line of text (non-empty input).
pub type Rule = fn(&str) -> Result<(), String>;

/// Which end of the pay range a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `pay.min`.
    Min,
    /// `pay.max`.
    Max,
}

/// How a field is asked.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One line of text, checked by the rule if there is one.
    Line(Option<Rule>),
    /// Paragraphs of Markdown: keep, type a new one, or open an editor.
    Long,
    /// A list: tick the items to keep, then add your own (the catalogue key of the
    /// question that adds one item, `add.…` in `src/ui/*.toml`).
    List(&'static str),
    /// One of an enum's values, as (key, label) pairs.
    Choice(fn() -> Vec<(&'static str, &'static str)>),
    /// An end of the pay range: an amount, not past the other end.
    Money(End),
    /// A whole number of months.
    Months,
    /// Hours a week.
    Hours,
    /// A date (YYYY-MM-DD).
    Date,
    /// A country: its code, name or a common short form, kept as the ISO code.
    Country,
    /// Countries, separated by commas, each kept as the ISO code.
    Countries,
    /// The mark that opens a German or French title to all genders: asked only
    /// when the posting's locale has one.
    Marker,
}

/// One field of the posting the wizard asks.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Dotted path, as in posting files.
    pub path: &'static str,
    /// The question.
    pub message: &'static str,
    /// The part of the posting it belongs to.
    pub section: Section,
    /// How it is asked.
    pub kind: Kind,
    /// Whether a posting needs it.
    pub required: bool,
    /// Asked only for remote jobs.
    pub remote_only: bool,
    /// Asked only where the law of the job's place asks postings for it.
    pub law_only: bool,
    /// Asked only where the role preset words its text by the answer in the
    /// job's locale or region (`company.sector`: NHS or private clinic).
    pub wording_only: bool,
}

impl Field {
    /// The question in the user's language.
    pub fn message(&self) -> &'static str {
        crate::ui::question(self.path)
    }
}

/// A field asked with the question [`crate::model::fields::FIELDS`] gives it (evaluated at
/// compile time: a path without a question there does not build).
const fn field(path: &'static str, section: Section, kind: Kind) -> Field {
    Field {
        path,
        message: crate::model::fields::question(path),
        section,
        kind,
        required: false,
        remote_only: false,
        law_only: false,
        wording_only: false,
    }
}

fn choices<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|v| (key(*v), label(*v))).collect()
}

fn education() -> Vec<(&'static str, &'static str)> {
    choices(Education::ALL, Education::key, Education::label)
}

fn ai_screening() -> Vec<(&'static str, &'static str)> {
    choices(AiScreening::ALL, AiScreening::key, AiScreening::label)
}

fn sector() -> Vec<(&'static str, &'static str)> {
    choices(Sector::ALL, Sector::key, Sector::label)
}

fn vacancy() -> Vec<(&'static str, &'static str)> {
    choices(Vacancy::ALL, Vacancy::key, Vacancy::label)
}

fn workplace() -> Vec<(&'static str, &'static str)> {
    choices(Workplace::ALL, Workplace::key, Workplace::label)
}

fn employment() -> Vec<(&'static str, &'static str)> {
    choices(
        EmploymentType::ALL,
        EmploymentType::key,
        EmploymentType::label,
    )
}

fn period() -> Vec<(&'static str, &'static str)> {
    choices(Period::ALL, Period::key, Period::label)
}

/// The locale tags; the flow labels them (see `flow::ask_locale`).
pub fn locales() -> Vec<(&'static str, &'static str)> {
    crate::locale::tags().map(|t| (t, t)).collect()
}

use Kind::{Line, List, Long};
use Section as S;

/// Every field the wizard asks, in order: the employer and the place first (the
/// place decides which pay-transparency laws apply), then the role, then pay,
/// dates and how to apply. A section's fields are together.
#[rustfmt::skip] // a table: one field a line reads best
pub const FIELDS: &[Field] = &[
    Field { required: true, ..field("company.name", S::Company, Line(None)) },
    field("company.about", S::Company, Long),
    field("company.website", S::Company, Line(Some(validate::url))),
    Field { required: true, ..field("title", S::Title, Line(Some(validate::title))) },
    field("reference", S::Title, Line(None)),
    Field { required: true, ..field("location.workplace", S::Place, Kind::Choice(workplace)) },
    field("location.street", S::Place, Line(None)),
    field("location.city", S::Place, Line(None)),
    field("location.region", S::Place, Line(None)),
    field("location.postal_code", S::Place, Line(None)),
    field("location.country", S::Place, Kind::Country),
    Field { required: true, remote_only: true, ..field("location.applicant_countries", S::Place, Kind::Countries) },
    field("locale", S::Place, Kind::Choice(locales)),
    // The title is asked before the place, which decides whether the title gets a
    // gender marker: the marker is asked here, once the locale is known.
    field("title_marker", S::Place, Kind::Marker),
    // After the place: whether the preset's text differs by it depends on the locale.
    Field { wording_only: true, ..field("company.sector", S::Place, Kind::Choice(sector)) },
    field("employment_type", S::Terms, Kind::Choice(employment)),
    field("conditions.hours_per_week", S::Terms, Kind::Hours),
    Field { required: true, ..field("purpose", S::Purpose, Long) },
    field("duties.daily", S::Duties, List("add.daily_duty")),
    field("duties.weekly", S::Duties, List("add.weekly_duty")),
    field("skills.required", S::Skills, List("add.required_skill")),
    field("skills.preferred", S::Skills, List("add.preferred_skill")),
    field("qualifications.required", S::Qualifications, List("add.required_qualification")),
    field("qualifications.preferred", S::Qualifications, List("add.preferred_qualification")),
    field("qualifications.education", S::Qualifications, Kind::Choice(education)),
    field("qualifications.experience_months", S::Qualifications, Kind::Months),
    field("conditions.environment", S::Conditions, Line(None)),
    field("conditions.physical", S::Conditions, List("add.physical_demand")),
    field("pay.currency", S::Pay, Line(Some(validate::currency))),
    field("pay.period", S::Pay, Kind::Choice(period)),
    field("pay.min", S::Pay, Kind::Money(End::Min)),
    field("pay.max", S::Pay, Kind::Money(End::Max)),
    field("pay.benefits", S::Pay, List("add.benefit")),
    field("pay.extras", S::Pay, Line(None)),
    field("conditions.schedule", S::Dates, Line(None)),
    // Export publishes a posting only with its date; today is offered.
    Field { required: true, ..field("posted", S::Dates, Kind::Date) },
    field("apply_by", S::Dates, Kind::Date),
    field("apply.url", S::Apply, Line(Some(validate::url))),
    field("apply.email", S::Apply, Line(Some(validate::email))),
    field("apply.instructions", S::Apply, Line(None)),
    // Ontario's Employment Standards Act asks postings for both statements.
    Field { law_only: true, ..field("apply.ai_screening", S::Apply, Kind::Choice(ai_screening)) },
    Field { law_only: true, ..field("apply.vacancy", S::Apply, Kind::Choice(vacancy)) },
    // Last: the statement suggested depends on the country asked above.
    field("company.eeo", S::Apply, Line(None)),
];

/// The field at `path`.
pub fn find(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path)
}

/// A number as typed: `18.50`, `45,000`, `$18`.
pub fn parse_number(s: &str) -> Result<f64, String> {
    let cleaned: String = s
        .trim()
        .trim_start_matches(['$', '€', '£', '¥'])
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    cleaned
        .parse::<f64>()
        .map_err(|_| crate::ui::f("check.number", &[("typed", s)]))
}

/// Hours a week as typed.
pub fn parse_hours(s: &str) -> Result<f64, String> {
    let h = s
        .trim()
        .parse::<f64>()
        .map_err(|_| crate::ui::f("check.hours", &[("typed", s)]))?;
    validate::hours(h).map(|_| h)
}

/// A date as typed: `2026-12-31`.
pub fn parse_date(s: &str) -> Result<toml::value::Datetime, String> {
    let d: toml::value::Datetime = s
        .trim()
        .parse()
        .map_err(|_| crate::ui::f("check.date", &[("typed", s)]))?;
    validate::date(&d).map(|_| d)
}

/// A country as typed: `GB`, `gb`, `UK` or `United Kingdom` are all `GB`.
pub fn parse_country(s: &str) -> Result<String, String> {
    match crate::country::code_of(s) {
        Some(code) => Ok(code.to_string()),
        None => validate::country(s.trim()).map(|_| s.trim().to_string()),
    }
}

/// Countries as typed: `US, CA`, `us ca` or `United Kingdom, Ireland` (each
/// checked, each its ISO code).
pub fn parse_countries(s: &str) -> Result<Vec<String>, String> {
    let mut codes = Vec::new();
    for item in s.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        match crate::country::code_of(item) {
            Some(code) => codes.push(code.to_string()),
            None => {
                for word in item.split_whitespace() {
                    codes.push(parse_country(word)?);
                }
            }
        }
    }
    Ok(codes)
}

/// A whole number of months as typed.
pub fn parse_months(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .map_err(|_| crate::ui::f("check.months", &[("typed", s)]))
}

/// Checks one end of the pay range against the other end, if that is known.
pub fn money(s: &str, end: End, other: Option<f64>) -> Result<(), String> {
    let v = parse_number(s)?;
    validate::amount(v)?;
    match end {
        End::Min => validate::min_max(Some(v), other),
        End::Max => validate::min_max(other, Some(v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_a_posting_key() {
        for f in FIELDS {
            let (table, key) = f.path.rsplit_once('.').unwrap_or(("", f.path));
            assert!(
                crate::model::keys_of(table).unwrap().contains(&key),
                "{}",
                f.path
            );
            assert!(
                crate::explain::help(f.path).is_some(),
                "help for {}",
                f.path
            );
        }
    }

    #[test]
    fn money_checks_both_ends() {
        assert!(money("18.50", End::Min, Some(20.0)).is_ok());
        assert_eq!(parse_number("45,000").unwrap(), 45000.0);
        assert_eq!(parse_number("$18").unwrap(), 18.0);
        assert_eq!(
            money("25", End::Min, Some(20.0)).unwrap_err(),
            "pay.min (25) is above pay.max (20)"
        );
        assert_eq!(
            money("15", End::Max, Some(20.0)).unwrap_err(),
            "pay.min (20) is above pay.max (15)"
        );
        assert!(
            money("-3", End::Max, None)
                .unwrap_err()
                .contains("negative")
        );
        assert!(
            money("lots", End::Max, None)
                .unwrap_err()
                .contains("not a number")
        );
    }
}
