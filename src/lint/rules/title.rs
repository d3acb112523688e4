//! `title-gender`: a German or French job title must be open to all genders, by a
//! marker ("(m/w/d)", "(H/F)"), a pair form ("Kassierer*in", "Vendeur / Vendeuse") or a
//! neutral noun ("Fachkraft", "Comptable"), as [`crate::title::open_to_all`] reads it
//! (the same reading that decides whether rendering adds the marker). The finding cites
//! the law of the job's country (`src/lint/data/titles.toml`); a title in a country with
//! no such rule on record (Quebec, the US) is left alone, and a posting that names no
//! country is checked with the convention alone.

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::data;
use super::super::lang::Lang;
use super::{Ctx, Report, RuleId};

/// `src/lint/data/titles.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    law: Vec<Law>,
    #[serde(deserialize_with = "data::words")]
    eu_members: &'static [&'static str],
}

/// What a finding cites in a country.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Law {
    country: String,
    cite: String,
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| data::load("titles"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = file();
}

/// What the finding cites for a job in `country`; `None` where no law on record asks
/// for a marker. A posting with no country gets the convention alone.
fn cite(country: Option<&str>) -> Option<String> {
    let f = file();
    let Some(c) = country else {
        return Some(String::new());
    };
    let eu = f.eu_members.contains(&c);
    f.law
        .iter()
        .find(|l| l.country == c || (eu && l.country == "*EU"))
        .map(|l| format!("; {}", l.cite))
}

/// Runs the check on the title.
pub fn check(ctx: &mut Ctx<'_>) {
    if !ctx.runs(RuleId::TitleGender) {
        return;
    }
    let Some(title) = ctx.doc.title().cloned() else {
        return;
    };
    let text = title.text.trim();
    if text.is_empty() || crate::title::open_to_all(ctx.lang.code(), text) {
        return;
    }
    // A feminine-only title ("Hauswirtschafterin", "Vendeuse") is worse than a missing
    // marker: it names one sex, as "waitress" does in English.
    if let Some(word) = crate::title::feminine_only(ctx.lang.code(), text) {
        let cite = cite(ctx.doc.facts.country.as_deref()).unwrap_or_default();
        let r = Report::new(format!("the title \"{text}\" names women only (\"{word}\"){cite}"))
            .matched(word)
            .help("write both forms (\"Hauswirtschafter*in\", \"Vendeur / Vendeuse\") or add the marker (\"(m/w/d)\", \"(H/F)\")");
        ctx.at_segment(RuleId::GenderedTerm, &title, r);
        return;
    }
    let Some(cite) = cite(ctx.doc.facts.country.as_deref()) else {
        return;
    };
    // A two-gender marker is a title of one; otherwise only a title naming a person
    // by a gendered noun asks for a marker.
    let binary = crate::title::binary_marker(text);
    // Switzerland's civil status knows two genders: there "(m/w)" is open to all.
    if binary && ctx.doc.facts.country.as_deref() == Some("CH") {
        return;
    }
    if !binary && !crate::title::names_a_person(ctx.lang.code(), text) {
        return;
    }
    let (msg, help) = match ctx.lang {
        Lang::De if binary => (
            format!(
                "the title \"{text}\" marks two genders only, (m/w) without \"d\" (divers, since 2018){cite}"
            ),
            "write \"(m/w/d)\" (or \"(w/m/d)\", \"(all genders)\", \"*in\")",
        ),
        Lang::De => (
            format!("the title \"{text}\" names no gender marker or neutral form{cite}"),
            "add \"(m/w/d)\" (or your form: \"(w/m/d)\", \"(all genders)\", \"*in\"), write both forms, or use a neutral noun (\"Fachkraft\")",
        ),
        _ => (
            format!("the title \"{text}\" names no gender marker or both forms{cite}"),
            "add \"(H/F)\" (\"(h/f/x)\" in Belgium), write both forms (\"Vendeur / Vendeuse\"), or use an epicene title",
        ),
    };
    ctx.at_segment(RuleId::TitleGender, &title, Report::new(msg).help(help));
}

#[cfg(test)]
mod tests;
