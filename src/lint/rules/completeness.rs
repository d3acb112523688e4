//! Completeness: the sections a good posting has.
//!
//! `missing-section` reports, one finding each, a missing title, purpose, duties, skills
//! or qualifications, working conditions, pay, how to apply and company section. A
//! section counts when some text sits under it (a heading alone does not); pay also
//! counts when a pay figure appears anywhere, and how-to-apply when the text says how to
//! apply ("send your CV to…").

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::data;
use super::super::doc::{Section, SegKind};
use super::super::facts::Prepared;
use super::super::text::PhraseSet;
use super::RuleId;
use super::{Ctx, Report};

/// A required section: its name, the sections that satisfy it, and the fix.
struct Required {
    name: &'static str,
    sections: &'static [Section],
    help: &'static str,
    /// The fix in a posting file's words: the table and key to set.
    toml: &'static str,
    /// The key a posting file sets it with; a finding points at it, or at the
    /// table it goes in.
    key: &'static str,
}

const REQUIRED: &[Required] = &[
    Required {
        name: "title",
        sections: &[Section::Title],
        help: "start the posting with the job title (a level-1 heading in Markdown)",
        toml: "set `title = \"…\"` at the top of the posting file",
        key: "title",
    },
    Required {
        name: "purpose",
        sections: &[Section::Purpose],
        help: "open with two or three sentences on why the role exists",
        toml: "set `purpose = \"\"\"…\"\"\"`: two or three sentences on why the role exists",
        key: "purpose",
    },
    Required {
        name: "duties",
        sections: &[Section::Duties],
        help: "add a \"What you'll do\" section listing the main duties",
        toml: "list the main duties in `[duties]` as `daily = [\"…\"]`",
        key: "duties.daily",
    },
    Required {
        name: "skills or qualifications",
        sections: &[Section::Skills, Section::Qualifications],
        help: "add a \"What you bring\" section with the skills and qualifications needed",
        toml: "list them in `[skills]` as `required = [\"…\"]`, or in `[qualifications]`",
        key: "skills.required",
    },
    Required {
        name: "working conditions",
        sections: &[Section::Conditions],
        help: "add a \"Where and when you'll work\" section: location, schedule, physical setting",
        toml: "set `[conditions]` `schedule = \"…\"`, and `[location]` for where the work is",
        key: "conditions",
    },
    Required {
        name: "pay",
        sections: &[Section::Pay],
        // The example is in the job's money: see `pay_help`.
        help: "add a \"Pay\" section with the range",
        toml: "", // see `pay_help`
        key: "pay",
    },
    Required {
        name: "how to apply",
        sections: &[Section::Apply],
        help: "add a \"How to apply\" section saying where to apply and by when",
        toml: "set `[apply]` `url = \"…\"` or `email = \"…\"`, and `apply_by` for the last day",
        key: "apply",
    },
    Required {
        name: "company",
        sections: &[Section::Company],
        help: "add an \"About us\" section on the employer",
        toml: "set `[company]` `about = \"\"\"…\"\"\"`: a few sentences on who you are",
        key: "company.about",
    },
];

/// Reports each missing section. Missing pay where a pay-transparency law applies
/// is `pay-missing`'s error, naming the law, so it is not reported twice.
pub fn check(ctx: &mut Ctx<'_>) {
    let pay_law = ctx.jurisdictions.iter().any(|j| j.requires_pay);
    for req in REQUIRED {
        if req.name == "pay" && pay_law {
            continue;
        }
        if !present(ctx, req) {
            let help = match (req.name, is_toml(&ctx.doc.path)) {
                ("pay", _) => pay_help(ctx),
                (_, true) => req.toml.to_string(),
                (_, false) => req.help.to_string(),
            };
            ctx.at_key(
                RuleId::MissingSection,
                req.key,
                Report::new(format!("posting has no {} section", req.name)).help(help),
            );
        }
    }
}

/// The pay section's fix, its example in the money of the job's country.
fn pay_help(ctx: &Ctx<'_>) -> String {
    match is_toml(&ctx.doc.path) {
        true => format!("set the range: {}", example_range(ctx)),
        false => format!(
            "add a \"Pay\" section with the range, e.g. {}",
            example_range(ctx)
        ),
    }
}

/// An example yearly range in the money of the job's country, quoted, in the
/// posting's own voice: `"£52,000-£60,000 a year"` for a UK Markdown posting, the
/// `[pay]` keys for a posting file; in dollars where no country is known. The pay
/// rules' fixes use it, so a UK or Irish posting is not shown dollars.
pub(super) fn example_range(ctx: &Ctx<'_>) -> String {
    let code = ctx
        .doc
        .facts
        .country
        .as_deref()
        .and_then(super::consistency::currency_of)
        .unwrap_or_else(|| "USD".to_string());
    if is_toml(&ctx.doc.path) {
        return format!(
            "`[pay]` with `min = 52000`, `max = 60000`, `currency = \"{code}\"`, `period = \"year\"`"
        );
    }
    if let Some(loc) = posting_locale(ctx) {
        return format!("\"{}\"", locale_range(loc, &code));
    }
    let amount = |v: f64| crate::money::format_amount(v, &code, false, true);
    format!("\"{}-{} a year\"", amount(52_000.0), amount(60_000.0))
}

/// The locale a German or French posting is read in (its language in its country,
/// else the language's own country's); none for English, whose example stays the plain
/// `$52,000-$60,000 a year` every English reader knows.
fn posting_locale(ctx: &Ctx<'_>) -> Option<&'static crate::locale::Locale> {
    use super::super::lang::Lang;
    if ctx.lang == Lang::En {
        return None;
    }
    let country = ctx.doc.facts.country.as_deref().unwrap_or_default();
    crate::locale::for_language(ctx.lang.code(), country)
}

/// "52.000–60.000 € pro Jahr", "52 000 € à 60 000 € par an": the example range as
/// the locale writes pay.
fn locale_range(loc: &crate::locale::Locale, code: &str) -> String {
    let words = crate::money::Wording {
        from: loc.text("pay_from").to_string(),
        up_to: loc.text("pay_up_to").to_string(),
        period: Some(loc.period(crate::model::Period::Year)),
        plain_dollar: true,
        style: crate::money::Style::of(loc),
    };
    crate::money::format_range(Some(52_000.0), Some(60_000.0), code, &words).unwrap_or_default()
}

pub(super) fn is_toml(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".toml")
}

fn present(ctx: &Ctx<'_>, req: &Required) -> bool {
    let facts = &ctx.doc.facts;
    let by_fact = match req.sections.first() {
        Some(Section::Pay) => facts.pay.is_some(),
        Some(Section::Apply) => facts.has_apply,
        Some(Section::Company) => employer_in_opening(ctx),
        _ => false,
    };
    by_fact
        || ctx.doc.segments.iter().any(|s| {
            req.sections.contains(&s.section)
                && (s.kind != SegKind::Heading || states_a_value(&s.text))
                && !s.text.trim().is_empty()
        })
}

/// A heading that carries its own text ("Location: Ashford, Kent"): a label, a colon
/// and a value after it.
fn states_a_value(heading: &str) -> bool {
    heading
        .split_once(':')
        .is_some_and(|(label, value)| !label.trim().is_empty() && !value.trim().is_empty())
}

/// The word lists, from `src/lint/data/completeness.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Verbs that follow an employer's name in a description of it.
    #[serde(deserialize_with = "data::words")]
    employer_verbs: &'static [&'static str],
    /// Phrases that describe the employer in the posting's own voice.
    #[serde(deserialize_with = "data::words")]
    employer_phrases: &'static [&'static str],
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| data::load("completeness"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = lists();
}

/// Does the opening (the paragraphs before the first section heading) describe the
/// employer? "Harbor Family Clinics runs six small clinics…": a sentence opening with a
/// capitalised name of two or more words and a verb, or "we are a…", "founded in…".
fn employer_in_opening(ctx: &Ctx<'_>) -> bool {
    static SET: std::sync::OnceLock<PhraseSet> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| PhraseSet::new(lists().employer_phrases.iter().copied()));
    ctx.prep
        .iter()
        .filter(|p| p.seg.kind != SegKind::Title)
        .take_while(|p| p.seg.kind != SegKind::Heading || is_pay_headline(p))
        .filter(|p| p.seg.kind == SegKind::Prose)
        .any(|p| {
            !p.find(set).is_empty()
                || p.sentences
                    .iter()
                    .any(|s| names_employer(p, s.start, s.end))
        })
}

/// A verb that follows an employer's name: one of the listed verbs, or any present-tense
/// verb in the third person ("keeps", "sends", "maintains") — after a capitalised name
/// at the start of the opening, a lower-case word ending in "s" is one.
fn is_employer_verb(word: &str) -> bool {
    lists().employer_verbs.contains(&word)
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && word.chars().all(|c| c.is_ascii_lowercase()))
}

/// A heading that states the pay ("Up to £23,400 + benefits") rather than opening a
/// section: the opening goes on past it.
fn is_pay_headline(p: &Prepared<'_>) -> bool {
    p.seg.section == Section::Pay && p.seg.text.chars().any(|c| c.is_ascii_digit())
}

/// Does the sentence at chars `start..end` open with a capitalised name ("Harbourline",
/// "Harbor Family Clinics", "The Corner Bakery") followed by a verb, or with "Our" and
/// one or two words and a verb ("Our charity runs")? Only its own words are read, so
/// asking of every sentence reads each word once.
fn names_employer(p: &Prepared<'_>, start: usize, end: usize) -> bool {
    let mut toks = p.toks[p.toks_within(start, end)].iter().peekable();
    // "Our charity runs…", "Our family bakery has…": the employer in its own voice.
    if toks.peek().is_some_and(|t| t.lower == "our") {
        return toks
            .skip(1)
            .take(3)
            .skip(1)
            .any(|t| is_employer_verb(&t.lower));
    }
    if toks.peek().is_some_and(|t| t.lower == "the") {
        toks.next();
    }
    let mut name = 0;
    for t in toks {
        if p.capitalised(t) && !matches!(t.lower.as_str(), "we" | "you" | "our" | "this") {
            name += 1;
        } else if matches!(t.lower.as_str(), "of" | "and") && name > 0 {
            continue;
        } else {
            // One capitalised word may be a name ("Harbourline builds…") or just the
            // sentence's first word ("Some words…"): it takes a listed verb.
            return match name {
                0 => false,
                1 => lists().employer_verbs.contains(&t.lower.as_str()),
                _ => is_employer_verb(&t.lower),
            };
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::lint::tests::{ids, lint_md};

    const FULL: &str = "# Baker\n\nBake bread for our neighbourhood.\n\n## About us\n\nA small bakery.\n\n\
## What you'll do\n\n- Bake bread\n\n## What you bring\n\n- Patience\n\n## Where you'll work\n\n\
Early shifts in the shop.\n\n## Pay\n\n$20 an hour.\n\n## How to apply\n\nEmail us.\n";

    #[test]
    fn complete_posting_has_no_missing_sections() {
        let f = lint_md(FULL);
        assert!(!ids(&f).contains(&"missing-section"), "{f:#?}");
    }

    #[test]
    fn each_missing_section_is_one_finding() {
        let f = lint_md("Some words about nothing.\n");
        let msgs: Vec<&str> = f
            .iter()
            .filter(|f| f.rule == "missing-section")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(
            msgs,
            [
                "posting has no title section",
                "posting has no duties section",
                "posting has no skills or qualifications section",
                "posting has no working conditions section",
                "posting has no pay section",
                "posting has no how to apply section",
                "posting has no company section",
            ]
        );
    }

    #[test]
    fn empty_heading_does_not_count_but_inline_pay_does() {
        let text = FULL.replace(
            "## Where you'll work\n\nEarly shifts in the shop.\n\n",
            "## Schedule\n\n",
        );
        let f = lint_md(&text);
        assert!(f.iter().any(|f| f.message.contains("working conditions")));
        let text = FULL.replace("## Pay\n\n$20 an hour.\n\n", "");
        let text = text.replace("A small bakery.", "A small bakery paying $20 an hour.");
        let f = lint_md(&text);
        assert!(!f.iter().any(|f| f.message.contains("no pay")), "{f:#?}");
    }

    #[test]
    fn employer_described_in_the_opening_is_a_company_section() {
        let no_company = FULL.replace("## About us\n\nA small bakery.\n\n", "");
        let f = lint_md(&no_company);
        assert!(f.iter().any(|f| f.message.contains("no company")), "{f:#?}");
        for opening in [
            "Harbor Family Clinics runs six small clinics. Bake bread for our neighbourhood.",
            "The Corner Bakery of Leeds has baked since 1990.",
            "We are a family bakery. Bake bread for our neighbourhood.",
            "Fenwick District Council keeps the records of 40,000 homes.",
            "Our charity runs a training programme. Bake bread for our neighbourhood.",
            "Harbourline builds booking software.",
            "Wir, die Spreewerk GmbH, sind seit 30 Jahren ein Familienbetrieb.",
            "Wir sind ein Familienunternehmen aus Berlin.",
            "Nous sommes une librairie de Lyon, fondée en 1987.",
            "Notre client est une entreprise de location de matériel.",
        ] {
            let text = no_company.replace("Bake bread for our neighbourhood.", opening);
            let f = lint_md(&text);
            assert!(
                !f.iter().any(|f| f.message.contains("no company")),
                "{opening}: {f:#?}"
            );
        }
        // Capitalised words at a sentence start without a verb after them are not a name.
        let text = no_company.replace(
            "Bake bread for our neighbourhood.",
            "Bake Bread For Everyone.",
        );
        assert!(
            lint_md(&text)
                .iter()
                .any(|f| f.message.contains("no company"))
        );
        // Nor is a plural noun or a word ending in "ss" after them.
        for opening in ["Senior Chefs class the stock.", "Night Shift Process."] {
            let text = no_company.replace("Bake bread for our neighbourhood.", opening);
            assert!(
                lint_md(&text)
                    .iter()
                    .any(|f| f.message.contains("no company")),
                "{opening}"
            );
        }
    }
}
