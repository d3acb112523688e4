//! `title-gender`: a German or French job title must be open to all genders, by a
//! marker ("(m/w/d)", "(H/F)"), a pair form ("Kassierer*in", "Vendeur / Vendeuse") or a
//! neutral noun ("Fachkraft", "Comptable"). The finding cites the law of the job's
//! country (`src/lint/data/titles.toml`); a title in a country with no such rule on
//! record (Quebec, the US) is left alone, and a posting that names no country is
//! checked with the convention alone.

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
    de: Forms,
    fr: Forms,
    law: Vec<Law>,
    #[serde(deserialize_with = "data::words")]
    eu_members: &'static [&'static str],
}

/// One language's markers, split endings and neutral nouns.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Forms {
    markers: Vec<Vec<String>>,
    split_endings: Vec<String>,
    neutral: Vec<String>,
    neutral_endings: Vec<String>,
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

/// A word of a title and the char that came before it.
#[derive(Debug)]
struct Word {
    lower: String,
    text: String,
    sep: char,
}

/// Splits a title into words at spaces and the marks gender forms use.
fn words(title: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut sep = ' ';
    let mut last_sep = ' ';
    for c in title.chars() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                sep = last_sep;
            }
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            out.push(Word {
                lower: cur.to_lowercase(),
                text: std::mem::take(&mut cur),
                sep,
            });
            last_sep = ' ';
        }
        // "Kaufmann / Kauffrau": the mark counts, not the spaces around it.
        if !c.is_whitespace() || last_sep == ' ' {
            last_sep = if c.is_whitespace() { ' ' } else { c };
        }
    }
    if !cur.is_empty() {
        out.push(Word {
            lower: cur.to_lowercase(),
            text: cur,
            sep,
        });
    }
    out
}

/// Is the title open to all genders in `lang`?
pub fn open_to_all(lang: Lang, title: &str) -> bool {
    let forms = match lang {
        Lang::De => &file().de,
        Lang::Fr => &file().fr,
        Lang::En => return true,
    };
    let ws = words(title);
    let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
    let marker = forms.markers.iter().any(|m| {
        lower
            .windows(m.len())
            .any(|win| win.iter().zip(m).all(|(a, b)| a == b))
    });
    let split = ws
        .iter()
        .skip(1)
        .any(|w| !w.sep.is_whitespace() && forms.split_endings.contains(&w.lower));
    let binnen_i = lang == Lang::De && ws.iter().any(|w| binnen_i(&w.text));
    let neutral = lower.iter().any(|w| {
        forms.neutral.iter().any(|n| n == w)
            || forms
                .neutral_endings
                .iter()
                .any(|e| w.len() > e.len() && w.ends_with(e.as_str()))
    });
    marker || split || binnen_i || neutral || both_forms(&lower)
}

/// "(m/w)", "(w/m)": the marker German postings used before the third option
/// (divers) entered civil-status law in 2018.
fn binary_marker(title: &str) -> bool {
    let lower = title.to_lowercase().replace(' ', "");
    lower.contains("(m/w)") || lower.contains("(w/m)")
}

/// "KassiererIn", "MitarbeiterInnen": a capital I ending glued on after a small letter.
fn binnen_i(word: &str) -> bool {
    ["In", "Innen"].iter().any(|e| {
        word.strip_suffix(e)
            .is_some_and(|stem| stem.chars().last().is_some_and(char::is_lowercase))
    })
}

/// Feminine endings of a pair written out in full.
const FEMININE: &[&str] = &[
    "in", "innen", "frau", "e", "euse", "rice", "ère", "ne", "esse",
];

/// Both forms written out: "Vendeur / Vendeuse", "Kassiererin oder Kassierer",
/// "Kaufmann / Kauffrau", "Directeur ou Directrice".
fn both_forms(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, a)| {
        words[i + 1..]
            .iter()
            .take(3)
            .any(|b| pair(a, b) || pair(b, a))
    })
}

fn pair(m: &str, f: &str) -> bool {
    if let (Some(ms), Some(fs)) = (m.strip_suffix("mann"), f.strip_suffix("frau")) {
        return ms == fs;
    }
    // "Pizzaïolo / Pizzaïola", "Barista / Baristo": two forms that differ in their
    // last letter only.
    let (mc, fc): (Vec<char>, Vec<char>) = (m.chars().collect(), f.chars().collect());
    if mc.len() >= 5 && mc.len() == fc.len() && mc[..mc.len() - 1] == fc[..fc.len() - 1] {
        return mc != fc;
    }
    let common = m.chars().zip(f.chars()).take_while(|(a, b)| a == b).count();
    let m_len = m.chars().count();
    m != f
        && m_len >= 4
        && common + 3 >= m_len
        && FEMININE.iter().any(|e| f.ends_with(e) && !m.ends_with(e))
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
    if text.is_empty() || open_to_all(ctx.lang, text) {
        return;
    }
    let Some(cite) = cite(ctx.doc.facts.country.as_deref()) else {
        return;
    };
    let binary = binary_marker(text);
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
