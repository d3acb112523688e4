//! The fields the wizard asks, in order, each with its kind of prompt and the
//! `validate` rule a typed value must pass.

use crate::model::{Education, Period, Workplace};
use crate::validate;

/// A part of the posting, for going back to review it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The role preset.
    Role,
    /// The title.
    Title,
    /// The purpose.
    Purpose,
    /// Daily and weekly duties.
    Duties,
    /// Required and preferred skills.
    Skills,
    /// Education and experience.
    Qualifications,
    /// Environment, schedule, physical demands, workplace and location.
    Conditions,
    /// Pay and benefits.
    Pay,
    /// The employer.
    Company,
    /// How to apply.
    Apply,
}

impl Section {
    /// Every section, in the order asked.
    pub const ALL: &'static [Section] = &[
        Section::Role,
        Section::Title,
        Section::Purpose,
        Section::Duties,
        Section::Skills,
        Section::Qualifications,
        Section::Conditions,
        Section::Pay,
        Section::Company,
        Section::Apply,
    ];

    /// The name shown when choosing a section to review.
    pub fn label(self) -> &'static str {
        match self {
            Section::Role => "Role",
            Section::Title => "Title",
            Section::Purpose => "Purpose",
            Section::Duties => "Duties",
            Section::Skills => "Skills",
            Section::Qualifications => "Qualifications",
            Section::Conditions => "Working conditions",
            Section::Pay => "Pay and benefits",
            Section::Company => "Company",
            Section::Apply => "How to apply",
        }
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
    /// A list: tick the items to keep, then add your own (the noun names one item).
    List(&'static str),
    /// One of an enum's values, as (key, label) pairs.
    Choice(fn() -> Vec<(&'static str, &'static str)>),
    /// An end of the pay range: an amount, not past the other end.
    Money(End),
    /// A whole number of months.
    Months,
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
}

const fn field(path: &'static str, message: &'static str, section: Section, kind: Kind) -> Field {
    Field {
        path,
        message,
        section,
        kind,
        required: false,
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

fn workplace() -> Vec<(&'static str, &'static str)> {
    choices(Workplace::ALL, Workplace::key, Workplace::label)
}

fn period() -> Vec<(&'static str, &'static str)> {
    choices(Period::ALL, Period::key, Period::label)
}

use Kind::{Line, List, Long};
use Section as S;

/// Every field the wizard asks, in order.
#[rustfmt::skip] // a table: one field a line reads best
pub const FIELDS: &[Field] = &[
    Field { required: true, ..field("title", "Job title", S::Title, Line(Some(validate::title))) },
    Field { required: true, ..field("purpose", "Purpose", S::Purpose, Long) },
    field("duties.daily", "Daily duties", S::Duties, List("daily duty")),
    field("duties.weekly", "Weekly duties", S::Duties, List("weekly duty")),
    field("skills.required", "Required skills", S::Skills, List("required skill")),
    field("skills.preferred", "Preferred skills", S::Skills, List("preferred skill")),
    field("qualifications.education", "Education", S::Qualifications, Kind::Choice(education)),
    field("qualifications.experience_months", "Experience (months)", S::Qualifications, Kind::Months),
    field("conditions.environment", "Work environment", S::Conditions, Line(None)),
    field("conditions.schedule", "Schedule", S::Conditions, Line(None)),
    field("conditions.physical", "Physical demands", S::Conditions, List("physical demand")),
    field("location.workplace", "Workplace", S::Conditions, Kind::Choice(workplace)),
    field("location.city", "City", S::Conditions, Line(None)),
    field("location.region", "State or region", S::Conditions, Line(None)),
    field("location.country", "Country (ISO code)", S::Conditions, Line(Some(validate::country))),
    field("pay.currency", "Pay currency", S::Pay, Line(Some(validate::currency))),
    field("pay.period", "Pay period", S::Pay, Kind::Choice(period)),
    field("pay.min", "Pay from", S::Pay, Kind::Money(End::Min)),
    field("pay.max", "Pay up to", S::Pay, Kind::Money(End::Max)),
    field("pay.benefits", "Benefits", S::Pay, List("benefit")),
    field("pay.extras", "Extras (bonus, tips, commission)", S::Pay, Line(None)),
    field("company.name", "Company name", S::Company, Line(None)),
    field("company.about", "About the company", S::Company, Long),
    field("company.website", "Company website", S::Company, Line(Some(validate::url))),
    field("apply.url", "Application page", S::Apply, Line(Some(validate::url))),
    field("apply.email", "Application e-mail", S::Apply, Line(Some(validate::email))),
    field("apply.instructions", "How to apply", S::Apply, Line(None)),
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
        .map_err(|_| format!("`{s}` is not a number; expected an amount such as 18.50"))
}

/// A whole number of months as typed.
pub fn parse_months(s: &str) -> Result<u32, String> {
    s.trim()
        .parse::<u32>()
        .map_err(|_| format!("`{s}` is not a whole number of months; expected e.g. 6 or 24"))
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
