//! `posting-language`: the language a posting must be written in where a law asks for
//! one (French in Quebec and France), from `src/lint/data/languages.toml`. The
//! posting's language is the one lint reads it in ([`Ctx::lang`]): a TOML posting's
//! locale, a declared `lang`, or what its words say.

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::data;
use super::super::lang::Lang;
use super::{Ctx, Report, RuleId};

/// `src/lint/data/languages.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    law: Vec<LanguageLaw>,
}

/// A law naming the language of job postings in a place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageLaw {
    country: String,
    #[serde(default)]
    region: Option<String>,
    language: Lang,
    law: String,
    source: String,
    #[allow(dead_code)] // kept in the data for the record; messages cite law and source
    effective: String,
    status: super::pay::Status,
    #[allow(dead_code)] // what else the law asks, for whoever edits the file
    notes: String,
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| data::load("languages"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = file();
}

/// Reports a posting whose place's law asks for another language, and an undated
/// offer where the law asks for its date.
pub fn check(ctx: &mut Ctx<'_>) {
    language(ctx);
    undated(ctx);
}

/// France's Code du travail, L5331-1: an offer published to the public bears its date.
fn undated(ctx: &mut Ctx<'_>) {
    let f = &ctx.doc.facts;
    if f.country.as_deref() != Some("FR") || f.dated {
        return;
    }
    let r = Report::new(
        "the offer bears no date; France's Code du travail (L5331-1) forbids publishing a job offer without its date",
    )
    .help("give the date it is published: `posted = 2027-01-04` in a posting file, or a line such as \"Publiée le 4 janvier 2027\"");
    ctx.at_doc(RuleId::PostingUndated, r);
}

/// Reports a posting whose place's law asks for another language.
fn language(ctx: &mut Ctx<'_>) {
    // A short posting whose language is a guess is not said to be in the wrong one.
    if !ctx.lang_known {
        return;
    }
    let f = &ctx.doc.facts;
    let Some(country) = f.country.as_deref() else {
        return;
    };
    let law = file().law.iter().find(|l| {
        l.country == country
            && l.region
                .as_deref()
                .is_none_or(|r| f.region.as_deref() == Some(r))
    });
    let Some(law) = law.filter(|l| l.language != ctx.lang) else {
        return;
    };
    let pending = match law.status {
        super::pay::Status::Pending => " (once in force)",
        super::pay::Status::InForce => "",
    };
    let r = Report::new(format!(
        "the posting reads as {}; {} ({}) asks for job postings there in {}{pending}",
        ctx.lang.name(),
        law.law,
        law.source,
        law.language.name()
    ))
    .help(format!(
        "publish a {} version (set `locale` to a {} locale, e.g. `{}`); another language may stand beside it",
        law.language.name(),
        law.language.name(),
        match law.language {
            Lang::Fr if country == "CA" => "fr-CA",
            Lang::Fr => "fr-FR",
            Lang::De => "de-DE",
            Lang::En => "en-US",
        }
    ));
    ctx.at_doc(RuleId::PostingLanguage, r);
}
