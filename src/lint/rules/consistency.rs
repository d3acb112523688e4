//! Consistency: what the posting's text says against the facts it states.
//!
//! - `workplace-mismatch`: the text says remote, from home or on-site in a way that
//!   contradicts the stated workplace (`location.workplace`, or a "Workplace:" line);
//!   a claim with a negation just before it ("not a remote role") agrees with on-site;
//! - `currency-mismatch`: the pay currency is not the one of the job's country (a note
//!   when it is the currency of some, not all, of a remote role's countries);
//! - `pay-period-implausible`: a figure that cannot be pay for its period ("£15 per
//!   year", "$40,000 per hour"), with the period it fits as the suggestion.

use std::str::FromStr;
use std::sync::OnceLock;

use serde::Deserialize;

use iso_currency::{Country, Currency};

use super::super::Severity;
use super::super::data;
use super::super::doc::SegKind;
use super::super::facts::Prepared;
use super::super::text::Token;
use super::RuleId;
use super::pay::{annualize, at_pay};
use super::{Ctx, Report};
use crate::model::Workplace;

/// Runs the three rules.
pub fn check(ctx: &mut Ctx<'_>) {
    if let Some(workplace) = stated_workplace(ctx) {
        workplace_mismatch(ctx, workplace);
    }
    currency_mismatch(ctx);
    period_implausible(ctx);
}

/// The posting's workplace: the structured field, else a "Workplace:" line.
fn stated_workplace(ctx: &Ctx<'_>) -> Option<Workplace> {
    if let Some(w) = ctx.doc.facts.workplace {
        return Some(w);
    }
    // Only a segment that starts with a label word can state it; most do not.
    let labelled = |p: &&Prepared<'_>| {
        p.toks
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "workplace" | "work" | "location"))
    };
    ctx.prep.iter().filter(labelled).find_map(|p| {
        let text = p.seg.text.replace("**", "").to_lowercase();
        let rest = lists()
            .labels
            .iter()
            .find_map(|l| text.trim_start().strip_prefix(l))?;
        workplace_word(rest.trim_start())
    })
}

fn workplace_word(text: &str) -> Option<Workplace> {
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    match word.as_str() {
        "on-site" | "onsite" | "in-office" | "office-based" => Some(Workplace::OnSite),
        "hybrid" => Some(Workplace::Hybrid),
        "remote" | "home-based" => Some(Workplace::Remote),
        _ => None,
    }
}

/// The word lists, from `src/lint/data/consistency.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Labels under which postings state the workplace ("workplace:").
    #[serde(deserialize_with = "data::words")]
    labels: &'static [&'static str],
    /// Phrases that claim a workplace.
    claims: Vec<Claim>,
    /// Words one of the claims contains.
    #[serde(deserialize_with = "data::words")]
    triggers: &'static [&'static str],
    /// Words that turn a claim around when they stand just before it.
    #[serde(deserialize_with = "data::words")]
    negations: &'static [&'static str],
}

/// A phrase that claims a workplace, with the workplaces it contradicts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    phrase: String,
    contradicts: Vec<Workplace>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| data::load("consistency"))
}

/// Parses the data file (for the data tests), and checks that the segment filter lets
/// every claim through.
#[cfg(test)]
pub(crate) fn data_loads() {
    for claim in &lists().claims {
        let toks = super::super::text::tokenize(&claim.phrase);
        assert!(
            mentions_a_place(&toks),
            "consistency.toml: claim \"{}\" has none of the trigger words",
            claim.phrase
        );
    }
}

fn workplace_mismatch(ctx: &mut Ctx<'_>, workplace: Workplace) {
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        if matches!(p.seg.kind, SegKind::Title | SegKind::Heading) || !mentions_a_place(p.toks) {
            continue;
        }
        let lower: String = p.chars.iter().map(|c| lower(*c)).collect();
        for Claim {
            phrase,
            contradicts,
        } in &lists().claims
        {
            let phrase = phrase.as_str();
            if !contradicts.contains(&workplace) {
                continue;
            }
            // Matches come in order: chars are counted on from the last one, not from
            // the start of the segment each time.
            let (mut seen_bytes, mut seen_chars) = (0, 0);
            for (byte, _) in lower.match_indices(phrase) {
                seen_chars += lower[seen_bytes..byte].chars().count();
                seen_bytes = byte;
                let start = seen_chars;
                let end = start + phrase.chars().count();
                if bounded(&lower, byte, phrase.len()) && !negated(&lower[..byte]) {
                    found.push((si, start, end, p.slice(start, end)));
                }
            }
        }
    }
    for (si, start, end, text) in found {
        let r = Report::new(format!(
            "the posting says \"{text}\", but its workplace is {}",
            workplace.label().to_lowercase()
        ))
        .help("make the text and `location.workplace` agree")
        .matched(text);
        ctx.at_span(RuleId::WorkplaceMismatch, si, start, end, r);
    }
}

fn mentions_a_place(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| lists().triggers.contains(&t.lower.as_str()))
}

/// One char in lower case, keeping the char count (and so the offsets) unchanged.
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The match at `byte..byte + len` of `text` is a whole phrase, not part of a word.
fn bounded(text: &str, byte: usize, len: usize) -> bool {
    let before = text[..byte].chars().next_back();
    let after = text[byte + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A negation among the three words before a claim ("this is not a remote role").
fn negated(before: &str) -> bool {
    before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| lists().negations.contains(&w))
}

fn currency_mismatch(ctx: &mut Ctx<'_>) {
    let facts = &ctx.doc.facts;
    let Some(code) = facts.pay.as_ref().and_then(|p| p.currency.clone()) else {
        return;
    };
    let countries: Vec<String> = match (&facts.country, facts.applicant_countries.as_slice()) {
        (Some(c), _) => vec![c.clone()],
        (None, list) => list.to_vec(),
    };
    let uses: Vec<bool> = countries
        .iter()
        .map(|c| currency_of(c) == Some(code.clone()))
        .collect();
    if uses.is_empty()
        || uses.iter().all(|u| *u)
        || countries.iter().any(|c| currency_of(c).is_none())
    {
        return;
    }
    let local: Vec<String> = countries.iter().filter_map(|c| currency_of(c)).collect();
    let plausible = uses.iter().any(|u| *u);
    let mut r = Report::new(format!(
        "pay is in {code}, but the job's {} {} in {}",
        if countries.len() == 1 {
            "country"
        } else {
            "countries"
        },
        if countries.len() == 1 { "pays" } else { "pay" },
        dedup(&local).join(" and ")
    ))
    .help("check `pay.currency`, or say in the pay text why this currency is used");
    if plausible {
        r.severity = Some(Severity::Note);
    }
    at_pay(ctx, RuleId::CurrencyMismatch, r);
}

fn dedup(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
    out
}

/// The currency a country pays in today (ISO 4217 code).
/// The currency of a country (ISO 3166-1 alpha-2), e.g. `GBP` for `GB`.
pub fn currency_of(country: &str) -> Option<String> {
    let country = Country::from_str(&country.to_uppercase()).ok()?;
    Some(Currency::from(country).code().to_string())
}

/// Rough value of one unit in US dollars: enough to tell an hourly rate from a
/// yearly salary, not to convert pay.
const UNIT_VALUE: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("CAD", 0.73),
    ("AUD", 0.65),
    ("NZD", 0.6),
    ("GBP", 1.25),
    ("EUR", 1.08),
    ("CHF", 1.1),
    ("SEK", 0.095),
    ("NOK", 0.093),
    ("DKK", 0.145),
    ("PLN", 0.25),
    ("INR", 0.012),
    ("JPY", 0.0067),
    ("SGD", 0.74),
    ("ZAR", 0.055),
    ("MXN", 0.055),
    ("BRL", 0.19),
];

/// Yearly pay, in US dollars, below or above which a figure is not pay for its period.
const YEARLY_FLOOR: f64 = 1_500.0;
const YEARLY_CEILING: f64 = 3_000_000.0;

fn period_implausible(ctx: &mut Ctx<'_>) {
    let Some(pay) = ctx.doc.facts.pay.clone() else {
        return;
    };
    let (Some(period), Some(code)) = (pay.period.as_deref(), pay.currency.as_deref()) else {
        return;
    };
    let figures: Vec<f64> = [pay.min, pay.max]
        .into_iter()
        .flatten()
        .filter(|v| *v > 0.0)
        .collect();
    let Some(&figure) = figures.first() else {
        return;
    };
    let Some((message, fits)) = verdict(figure, period, code) else {
        return;
    };
    let mut r = Report::new(message);
    if let Some(p) = fits {
        r = r.help(format!(
            "if the figures are {}, set `pay.period = \"{p}\"`",
            rate_noun(p)
        ));
    }
    at_pay(ctx, RuleId::PayPeriodImplausible, r);
}

/// Why `figure` (in `currency`) is not pay for one `period`, e.g. "GBP 15 per
/// year looks like an hourly rate"; `None` when it is plausible or the currency
/// is not known. Shared with the wizard, which rejects such a figure as typed.
pub fn implausible(figure: f64, period: &str, currency: &str) -> Option<String> {
    verdict(figure, period, currency).map(|(message, _)| message)
}

/// The message and the period the figure fits, if it does not fit its own.
fn verdict(figure: f64, period: &str, code: &str) -> Option<(String, Option<&'static str>)> {
    let &(_, unit) = UNIT_VALUE.iter().find(|(c, _)| *c == code)?;
    let yearly = annualize(figure, Some(period)) * unit;
    if figure <= 0.0 || (YEARLY_FLOOR..=YEARLY_CEILING).contains(&yearly) {
        return None;
    }
    let fits = fitting_period(figure * unit);
    let message = format!(
        "{code} {} per {period} looks like {}",
        plain_amount(figure),
        fits.map_or("too little or too much for any period".to_string(), |p| {
            format!("{} rate", article_rate(p))
        })
    );
    Some((message, fits))
}

/// The period for which `value` (in US dollars) makes a typical yearly pay.
fn fitting_period(value: f64) -> Option<&'static str> {
    const TYPICAL: f64 = 50_000.0;
    ["hour", "day", "week", "month", "year"]
        .into_iter()
        .map(|p| (p, annualize(value, Some(p))))
        .filter(|(_, y)| (10_000.0..=1_000_000.0).contains(y))
        .min_by(|a, b| {
            let d = |y: f64| (y / TYPICAL).ln().abs();
            d(a.1).total_cmp(&d(b.1))
        })
        .map(|(p, _)| p)
}

fn article_rate(period: &str) -> &'static str {
    match period {
        "hour" => "an hourly",
        "day" => "a daily",
        "week" => "a weekly",
        "month" => "a monthly",
        _ => "a yearly",
    }
}

fn rate_noun(period: &str) -> String {
    format!(
        "{} pay",
        article_rate(period).split(' ').nth(1).unwrap_or(period)
    )
}

fn plain_amount(v: f64) -> String {
    let whole = v.round() as i64;
    if (v - whole as f64).abs() > 0.001 {
        return format!("{v:.2}");
    }
    let grouped = crate::money::group_thousands(&whole.abs().to_string());
    if whole < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::tests::{ids, lint_md};

    fn messages(md: &str, rule: &str) -> Vec<String> {
        lint_md(md)
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn a_remote_claim_contradicts_an_on_site_workplace() {
        let md = "# Clerk\n\n- **Workplace:** On-site, Leeds\n\nThis is a remote role, so you work from home.\n";
        let m = messages(md, "workplace-mismatch");
        assert_eq!(
            m,
            [
                "the posting says \"remote role\", but its workplace is on-site",
                "the posting says \"work from home\", but its workplace is on-site",
            ]
        );
    }

    #[test]
    fn negated_claims_agree() {
        let md = "# Clerk\n\nWorkplace: On-site\n\nThis is not a remote role. Remote work is not available.\n";
        assert!(messages(md, "workplace-mismatch").is_empty());
        let md = "# Clerk\n\nWorkplace: Remote\n\nThis is an onsite position, remote work is not available.\n";
        assert_eq!(messages(md, "workplace-mismatch").len(), 2);
    }

    #[test]
    fn no_stated_workplace_no_finding() {
        let md = "# Clerk\n\nYou work from home two days a week.\n";
        assert!(!ids(&lint_md(md)).contains(&"workplace-mismatch"));
    }

    #[test]
    fn periods_are_told_apart() {
        assert_eq!(fitting_period(15.0), Some("hour"));
        assert_eq!(fitting_period(40_000.0), Some("year"));
        assert_eq!(fitting_period(3_500.0), Some("month"));
        assert_eq!(fitting_period(0.01), None);
        assert_eq!(plain_amount(40000.0), "40,000");
        assert_eq!(plain_amount(17.5), "17.50");
    }

    #[test]
    fn currencies_of_countries() {
        assert_eq!(currency_of("GB").as_deref(), Some("GBP"));
        assert_eq!(currency_of("ie").as_deref(), Some("EUR"));
        assert_eq!(currency_of("CA").as_deref(), Some("CAD"));
        assert_eq!(currency_of("XX"), None);
    }
}
