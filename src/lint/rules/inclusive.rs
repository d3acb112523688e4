//! Exclusionary and off-putting language.
//!
//! Word lists are matched whole-word (a trailing `*` marks a stem), longest phrase first,
//! with phrase exceptions checked around every match: "Her Majesty", "setup wizard",
//! "young children" and "remote sensing" are not flagged, and since nothing matches a
//! bare "man", "fail" or "pool", neither are "man-hours", "fail-safe" or "talent pool".
//!
//! Rules: `gendered-term` (he/his, guys, manpower, salesman), `age-coded` (digital
//! native, young, recent graduate, energetic), `ability-assumption` ("must be able to
//! stand for 8 hours" with no reason in the sentence), `hype-title` (rockstar, ninja,
//! guru, wizard), `culture-cliche` (work hard play hard, hit the ground running, we're a
//! family), `native-speaker`, `inflated-experience` (3+ years for an entry-level role)
//! `banned-word` (the configuration's ban list), and in [`people`] job titles built on a
//! sexed ending ("linesman", "busboy") and `sex-preference` ("male driver"); photo
//! and looks asks are listed terms of `appearance-ask`.

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::Severity;
use super::super::data;
use super::super::doc::{Section, SegKind};
use super::super::facts::{Prepared, experience_asks};
use super::super::lang::Lang;
use super::super::matcher::{self, Found, Matcher, english};
use super::super::text::{Cover, Hit, PhraseSet, Token};
use super::RuleId;
use super::{Ctx, Report};

/// The word lists, from `src/lint/data/inclusive.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Listed terms, each with its rule and fix.
    terms: Vec<Term>,
    /// Phrases around a term that make it harmless.
    #[serde(deserialize_with = "data::words")]
    exceptions: &'static [&'static str],
    /// Endings that make a job title name a sex ("-man", "-boy").
    #[serde(deserialize_with = "data::words")]
    sexed_endings: &'static [&'static str],
    /// Words with such an ending that name no person ("german", "specimen").
    #[serde(deserialize_with = "data::words")]
    sexed_ending_exceptions: &'static [&'static str],
    /// Titles on -ess, -ette and -trix.
    #[serde(deserialize_with = "data::words")]
    sexed_titles: &'static [&'static str],
    /// Licence classes named so in law ("journeyman").
    #[serde(deserialize_with = "data::words")]
    licence_classes: &'static [&'static str],
    /// Words after a licence class that make it the licence's name ("electrician").
    #[serde(deserialize_with = "data::words")]
    licence_class_next: &'static [&'static str],
    /// Capitalised words before "Man" or "Men" that make a name, not a title ("Iron").
    #[serde(deserialize_with = "data::words")]
    not_man_titles: &'static [&'static str],
    /// "male", "female", "woman"...
    #[serde(deserialize_with = "data::words")]
    sex_words: &'static [&'static str],
    /// Nouns for the person hired ("driver", "staff"), and "only"/"preferred".
    #[serde(deserialize_with = "data::words")]
    job_nouns: &'static [&'static str],
    /// Words that state a preference ("prefer", "seeking").
    #[serde(deserialize_with = "data::words")]
    preference_words: &'static [&'static str],
    /// Decades of life ("20s", "thirties").
    #[serde(deserialize_with = "data::words")]
    decades: &'static [&'static str],
    /// Programmes whose own rules set an age limit ("CPE", "service civique", "FSJ").
    #[serde(deserialize_with = "data::words")]
    age_programmes: &'static [&'static str],
    /// Words in a title that mark a senior role.
    #[serde(deserialize_with = "data::words")]
    senior_title_words: &'static [&'static str],
    /// Phrases in the body that mark a senior role.
    #[serde(deserialize_with = "data::words")]
    senior_phrases: &'static [&'static str],
    /// Physical tasks.
    #[serde(deserialize_with = "data::words")]
    physical_verbs: &'static [&'static str],
    /// Words before "our family" that sell the team as a family ("join").
    #[serde(deserialize_with = "data::words")]
    family_joins: &'static [&'static str],
    /// Words after "family" that make it something else ("family planning").
    #[serde(deserialize_with = "data::words")]
    family_nouns: &'static [&'static str],
    /// People after "family of" that make the team the family ("of professionals").
    #[serde(deserialize_with = "data::words")]
    family_of_people: &'static [&'static str],
    /// Words of a title or duty that make hearing or sight part of the work.
    #[serde(deserialize_with = "data::words")]
    sensory_work: &'static [&'static str],
    /// A driving licence, in English, German and French ([`licence`]).
    #[serde(deserialize_with = "data::words")]
    licence_phrases: &'static [&'static str],
    /// Words that start a German word for a driving licence ("Führerscheinbesitz").
    #[serde(deserialize_with = "data::words")]
    licence_prefixes: &'static [&'static str],
    /// Words that put driving or travel in the job.
    #[serde(deserialize_with = "data::words")]
    driving_work: &'static [&'static str],
    /// Words that make a sentence ask for what it names.
    #[serde(deserialize_with = "data::words")]
    ask_words: &'static [&'static str],
    /// Words that make an ask a wish.
    #[serde(deserialize_with = "data::words")]
    wish_words: &'static [&'static str],
    /// Words after "or" that make the licence one proof of identity among others.
    #[serde(deserialize_with = "data::words")]
    identity_words: &'static [&'static str],
    /// Words of a title or duty that make the work itself physical.
    #[serde(deserialize_with = "data::words")]
    physical_work: &'static [&'static str],
    /// Words that give the reason a physical task is essential.
    #[serde(deserialize_with = "data::words")]
    reasons: &'static [&'static str],
    /// Those that give it for every physical ask of their section.
    #[serde(deserialize_with = "data::words")]
    section_reasons: &'static [&'static str],
    /// Words that name an application ("CV", "apply"), for the `application` terms.
    #[serde(deserialize_with = "data::words")]
    application_words: &'static [&'static str],
    /// What `lint --fix` writes instead of a term.
    swaps: Vec<Swap>,
}

/// A term and the word `lint --fix` puts in its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Swap {
    from: String,
    #[serde(deserialize_with = "data::text")]
    to: data::Text,
}

/// The word `lint --fix` puts in place of the (lower-case) term `from`, if it has one.
pub fn swap(from: &str) -> Option<&'static str> {
    lists().swaps.iter().find(|s| s.from == from).map(|s| s.to)
}

/// A listed term: the phrase, its rule, and the fix.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    #[serde(deserialize_with = "data::text")]
    phrase: data::Text,
    rule: RuleId,
    #[serde(deserialize_with = "data::text")]
    fix: data::Text,
    /// Reported only when it is about the applicant (see
    /// [`Matcher::about_applicant`]); pronouns, only when they refer to the applicant.
    #[serde(default)]
    subject: bool,
    /// Weak evidence on its own ("energetic"): a note, not a warning.
    #[serde(default)]
    weak: bool,
    /// A stock sensory ask ("talk or hear"): a note where the work uses that sense.
    #[serde(default)]
    sensory: bool,
    /// An ask of applicants ("upload photo"): reported only where the posting asks for
    /// an application, since the same words are a duty elsewhere ("uploading photos of
    /// finished jobs to our site").
    #[serde(default)]
    application: bool,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| data::load("inclusive"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = lists();
}

fn message(rule: RuleId, m: &str) -> String {
    match rule {
        RuleId::GenderedTerm if is_pronoun(m) => format!("\"{m}\" assumes the candidate's gender"),
        RuleId::GenderedTerm => format!("\"{m}\" is a gendered term"),
        RuleId::AgeCoded => format!("\"{m}\" signals a preferred age"),
        RuleId::AbilityAssumption => {
            format!("\"{m}\" assumes a physical ability without saying why it is essential")
        }
        RuleId::HypeTitle => format!("\"{m}\" is a hype title that puts many candidates off"),
        RuleId::CultureCliche => format!("\"{m}\" is a culture cliché that puts candidates off"),
        RuleId::Cliche => format!("\"{m}\" is a cliché that tells candidates little"),
        RuleId::AppearanceAsk => {
            format!("\"{m}\" asks about looks, which invites judging age, race and sex")
        }
        RuleId::NativeSpeaker => {
            format!("\"{m}\" excludes fluent speakers who learned the language later")
        }
        RuleId::PayVague => {
            format!("\"{m}\" gives no figures; candidates skip postings that hide the pay")
        }
        _ => format!("\"{m}\" is exclusionary"),
    }
}

/// Does the capitalised word at `i` end a run of capitalised words ("Javascript
/// Ninja", "Senior Sales Rockstar")?
fn ends_capitalised_run(p: &Prepared<'_>, i: usize) -> bool {
    let cap = |k: usize| p.toks.get(k).is_some_and(|t| p.capitalised(t));
    i > 0 && cap(i - 1) && !cap(i + 1)
}

/// Is the one-word title at `first..=last` written beside its other form, "Waiter/
/// Waitress", "host or hostess", "Chairman & Chairwoman": both named, if only two.
fn both_forms(p: &Prepared<'_>, first: usize, last: usize) -> bool {
    if first != last {
        return false;
    }
    let toks = p.toks;
    let word = toks[first].lower.as_str();
    // The other form shares its stem: four letters or more at the start.
    let other = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let shared = t
                .lower
                .chars()
                .zip(word.chars())
                .take_while(|(a, b)| a == b)
                .count();
            t.lower != word && shared >= 4
        })
    };
    let joined = |a: usize, b: usize| {
        let between = p.slice(toks[a].end, toks[b].start);
        matches!(between.trim(), "/" | "&") && b == a + 1
            || b == a + 2 && matches!(toks[a + 1].lower.as_str(), "or" | "and")
    };
    let before = (first.saturating_sub(2)..first).any(|k| other(k) && joined(k, first));
    let after = (first + 1..=first + 2).any(|k| other(k) && joined(first, k));
    before || after
}

/// Is the pronoun at tokens `first..=last` one half of "he or she", "his/her", "s/he"?
fn binary_pair(p: &Prepared<'_>, first: usize, last: usize) -> bool {
    let toks = p.toks;
    let pronoun = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matcher::is_pronoun(&t.lower) || t.lower == "s")
    };
    // "his/her", "s/he": two pronouns across a slash.
    let slash = |a: usize, b: usize| {
        pronoun(a) && pronoun(b) && p.slice(toks[a].end, toks[b].start).trim() == "/"
    };
    // "he or she": two pronouns with "or" or "and" between.
    let either = |a: usize, c: usize| {
        pronoun(a) && pronoun(c) && matches!(toks[a + 1].lower.as_str(), "or" | "and")
    };
    pronoun(first)
        && ((last > first && pronoun(last))
            || first.checked_sub(1).is_some_and(|k| slash(k, first))
            || first.checked_sub(2).is_some_and(|k| either(k, first))
            || slash(last, last + 1)
            || either(last, last + 2))
}

fn is_pronoun(m: &str) -> bool {
    let l = m.to_lowercase();
    ["he", "him", "his", "she", "her", "s/he"]
        .iter()
        .any(|p| l.starts_with(p))
}

fn sets() -> &'static (Matcher, PhraseSet) {
    static S: OnceLock<(Matcher, PhraseSet)> = OnceLock::new();
    S.get_or_init(|| {
        (
            Matcher::new(english(), lists().terms.iter().map(|t| t.phrase)),
            PhraseSet::new(lists().exceptions.iter().copied()),
        )
    })
}

/// Runs the listed terms, physical-ability asks, experience asks and the ban list.
pub fn check(ctx: &mut Ctx<'_>) {
    licence::driving_licence(ctx);
    if ctx.lang != Lang::En {
        // German and French have lists of their own; the English checks below read
        // English grammar ("between 25 and 35", "-man" titles, "3+ years").
        wording::check(ctx);
        experience_caps(ctx);
        banned(ctx);
        return;
    }
    listed_terms(ctx);
    team_as_family(ctx);
    people::sexed_titles(ctx);
    people::sex_preference(ctx);
    age_limits(ctx);
    experience_caps(ctx);
    physical_asks(ctx);
    inflated_experience(ctx);
    years_asked(ctx);
    banned(ctx);
}

/// A whole number token.
fn number(t: &Token) -> Option<u32> {
    if !t.lower.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    t.lower.parse().ok()
}

/// "Early-late 20's", "in your 30s": a decade of life, with the word that ties it to the
/// candidate: (first token, last token).
fn decade_at(toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let w = toks[i].lower.as_str();
    // Cheap test first: most words are neither a number nor "…ties".
    let maybe = w.as_bytes().first().is_some_and(u8::is_ascii_digit) || w.ends_with("ties");
    if !maybe || !lists().decades.contains(&w) || i == 0 {
        return None;
    }
    let tie = |w: &str| matches!(w, "early" | "mid" | "late" | "your" | "their");
    if !tie(&toks[i - 1].lower) {
        return None;
    }
    let mut first = i - 1;
    while first > 0 && tie(&toks[first - 1].lower) && i - first < 3 {
        first -= 1;
    }
    Some((first, i))
}

/// "between 18 and 30 years old", "aged 21-35", "no older than 40": an age range with an
/// upper bound, or an upper age limit (a minimum age such as "18 or older" is a legal
/// requirement and is not reported): (first token, last token).
fn age_range_at(p: &Prepared<'_>, i: usize) -> Option<(usize, usize)> {
    let toks = p.toks;
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let a = number(toks.get(i)?)?;
    if !(14..=99).contains(&a) {
        return None;
    }
    let upper_limit = matches!(
        (word(i.wrapping_sub(2)), word(i.wrapping_sub(1))),
        ("older", "than") | ("younger", "than") | ("age", "limit") | ("maximum", "age")
    );
    // "must be under 35", "aged under 30", "under the age of 40": an upper limit too.
    let under = matches!(word(i.wrapping_sub(1)), "under" | "below")
        && matches!(
            word(i.wrapping_sub(2)),
            "be" | "aged" | "age" | "are" | "is" | "applicants" | "candidates"
        );
    if under
        && a >= 18
        && !matches!(
            word(i + 1),
            "hours" | "lbs" | "kg" | "pounds" | "minutes" | "%" | "percent"
        )
    {
        return Some((i - 2, i));
    }
    let under_age_of = word(i.wrapping_sub(1)) == "of"
        && word(i.wrapping_sub(2)) == "age"
        && matches!(word(i.wrapping_sub(4)), "under" | "below")
        && word(i.wrapping_sub(3)) == "the"
        // About the applicant ("must be under the age of 30"), not the people served
        // ("no alcohol to people under the age of 21").
        && matches!(word(i.wrapping_sub(5)), "be" | "are" | "is" | "applicants" | "candidates");
    if under_age_of && a >= 18 {
        return Some((i - 4, i));
    }
    if upper_limit && i >= 2 && a >= 18 {
        let start = if word(i - 3) == "no" || word(i - 3) == "not" {
            i - 3
        } else {
            i - 2
        };
        return Some((start, i));
    }
    let gap = p.slice(toks[i].end, toks.get(i + 1)?.start);
    let j = if matches!(gap.trim(), "-" | "–" | "—") && number(&toks[i + 1]).is_some() {
        i + 1
    } else if matches!(word(i + 1), "to" | "and") && toks.get(i + 2).and_then(number).is_some() {
        i + 2
    } else {
        return None;
    };
    let b = number(&toks[j])?;
    if b <= a || b > 99 {
        return None;
    }
    // "ages 18 and 21 minimum for some positions", "18 to 21 or older": minimum ages
    // (for driving, alcohol), not a range the applicant must fall in.
    let minimum = matches!(word(j + 1), "minimum" | "min" | "plus")
        || (matches!(word(j + 1), "or" | "and")
            && matches!(word(j + 2), "older" | "over" | "above" | "up"));
    if minimum {
        return None;
    }
    let years_old =
        matches!(word(j + 1), "years" | "yrs" | "year") && matches!(word(j + 2), "old" | "of");
    let between = word(i.wrapping_sub(1)) == "between";
    let aged_at = if between {
        i.wrapping_sub(2)
    } else {
        i.wrapping_sub(1)
    };
    let aged = matches!(word(aged_at), "aged" | "age" | "ages");
    // "young people aged 14 to 18", "children ages 5-12": the people the job serves.
    if aged && crate::lint::matcher::english().names_served(word(aged_at.wrapping_sub(1))) {
        return None;
    }
    if years_old {
        let first = if word(i.wrapping_sub(1)) == "between" {
            i - 1
        } else {
            i
        };
        let served = crate::lint::matcher::english().names_served(word(first.wrapping_sub(1)));
        return (!served).then_some((first, j + 2));
    }
    aged.then(|| (i - 1, j))
}

/// Words that make a time window about when the applicant studied ("a degree completed
/// within the last 7 years"), not about their experience.
const GRADUATION_WORDS: &[&str] = &[
    "degree",
    "degrees",
    "graduated",
    "graduation",
    "graduate",
    "diploma",
    "studies",
];

/// "within the last 7 years", "in the past 3 years" in a sentence about a degree: a
/// window on when the applicant graduated screens out older graduates, as an age limit
/// does: (first token, last token).
fn graduation_window(p: &Prepared<'_>, i: usize) -> Option<(usize, usize)> {
    let word = |k: usize| p.toks.get(k).map_or("", |t| t.lower.as_str());
    let window = matches!(word(i), "within" | "in")
        && word(i + 1) == "the"
        && matches!(word(i + 2), "last" | "past")
        && p.toks.get(i + 3).and_then(number).is_some()
        && matches!(word(i + 4), "years" | "yrs");
    if !window {
        return None;
    }
    let start = p.toks[i].start;
    p.sentence_words(start)
        .iter()
        .any(|t| GRADUATION_WORDS.contains(&t.lower.as_str()))
        .then_some((i, i + 4))
}

/// Does the sentence around token `at` name a programme whose own rules set an age
/// limit ("être dans les conditions « CPE » (avoir moins de 26 ans)", "a student
/// between 18-30 years old" for a summer-jobs grant)? Then the limit is the
/// programme's, and the posting only passes it on: a note, not a warning.
pub(super) fn set_by_programme(p: &Prepared<'_>, at: usize) -> bool {
    let start = p.toks.get(at).map_or(0, |t| t.start);
    p.sentence_words(start)
        .iter()
        .any(|t| lists().age_programmes.contains(&t.lower.as_str()))
}

/// A report on an age limit, a note when a programme sets it (see [`set_by_programme`]).
pub(super) fn age_limit_report(p: &Prepared<'_>, at: usize, r: Report) -> Report {
    if !set_by_programme(p, at) {
        return r;
    }
    let mut r = r.help(
        "keep the limit only if the programme that funds the job sets it, and name the programme",
    );
    r.severity = Some(Severity::Note);
    r
}

/// Age limits and decades of life ("must be between 18 and 30 years old", "early-late
/// 20's") are `age-coded`.
fn age_limits(ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        let mut i = 0;
        while i < p.toks.len() {
            let at = decade_at(p.toks, i)
                .or_else(|| age_range_at(p, i))
                .or_else(|| graduation_window(p, i));
            match at {
                Some((a, b)) => {
                    found.push((si, a, b));
                    i = b + 1;
                }
                None => i += 1,
            }
        }
    }
    for (si, a, b) in found {
        let m = ctx.prep[si].tok_text(a, b);
        let graduation = matches!(ctx.prep[si].toks[a].lower.as_str(), "within" | "in");
        let r = if graduation {
            Report::new(format!(
                "\"{m}\" limits when applicants graduated, which screens out older graduates"
            ))
            .help("ask for the degree and the skills, not when it was earned")
        } else {
            Report::new(format!("\"{m}\" sets an age limit; age is not a job requirement"))
                .help("state the skills or licences the job needs; keep only a legal minimum age (\"18 or older\")")
        };
        let r = age_limit_report(&ctx.prep[si], a, r);
        ctx.at_tokens(RuleId::AgeCoded, si, a, b, r);
    }
}

/// A ceiling on experience ("no more than 5 years of experience", "höchstens 3 Jahre
/// Berufserfahrung", "au plus 2 ans d'expérience") is `age-coded`: it screens out
/// older people. In every language.
fn experience_caps(ctx: &mut Ctx<'_>) {
    let found: Vec<(usize, usize, usize)> = ctx
        .prep
        .iter()
        .enumerate()
        .flat_map(|(si, p)| {
            super::super::facts::ceilings(p)
                .into_iter()
                .map(move |(a, b)| (si, a, b))
        })
        .collect();
    for (si, a, b) in found {
        let m = ctx.prep[si].tok_text(a, b);
        let r = Report::new(format!("\"{m}\" caps experience, which screens out older candidates"))
            .help("ask for the experience the work needs as a minimum; say what makes the role junior instead");
        ctx.at_tokens(RuleId::AgeCoded, si, a, b, r);
    }
}

/// Does anything mark the posting's role as senior?
fn marked_senior(ctx: &Ctx<'_>) -> bool {
    use super::super::doc::{Section, SegKind};
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    let set = SET.get_or_init(|| PhraseSet::new(lists().senior_phrases.iter().copied()));
    let senior_word = |t: &Token| lists().senior_title_words.contains(&t.lower.as_str());
    let has_title = ctx.prep.iter().any(|p| p.seg.kind == SegKind::Title);
    ctx.prep.iter().any(|p| {
        let title = p.seg.kind == SegKind::Title && p.toks.iter().any(senior_word);
        // A page without a title (a careers-page fragment) names the role in its
        // opening: "an opportunity for a Senior Software Engineer".
        let named = !has_title
            && p.seg.section == Section::Purpose
            && p.toks
                .windows(2)
                .any(|w| senior_word(&w[0]) && p.capitalised(&w[0]) && p.capitalised(&w[1]));
        title || named || !p.find(set).is_empty()
    })
}

/// Years asked: five or more where nothing marks the role as senior is a warning
/// (`experience-unmarked-senior`); any ask of a year or more gets a note
/// (`years-of-experience`) suggesting the skills behind it.
fn years_asked(ctx: &mut Ctx<'_>) {
    // The facts hold the largest ask: none means there is nothing to report.
    if ctx.doc.facts.experience_months.is_none_or(|m| m < 12) {
        return;
    }
    let entry = ctx.doc.facts.entry_level;
    let senior = marked_senior(ctx);
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        let has_unit = p
            .toks
            .iter()
            .any(|t| t.lower.starts_with("year") || t.lower.starts_with("yr"));
        if !has_unit {
            continue;
        }
        for a in experience_asks(p).into_iter().filter(|a| a.months >= 12) {
            found.push((si, a, one_line(&p.slice(a.start, a.end))));
        }
    }
    for (si, a, m) in found {
        if a.months >= 60 && !senior && !entry {
            let r = Report::new(format!(
                "\"{m}\" of experience asked, but nothing marks the role as senior"
            ))
            .help("ask for what the years stand for, or say the role is senior in the title")
            .matched(m.clone());
            ctx.at_span(RuleId::ExperienceUnmarkedSenior, si, a.start, a.end, r);
        }
        let r = Report::new(format!(
            "\"{m}\" counts time served; the skills behind it tell candidates more"
        ))
        .help("name what someone with that experience can do, e.g. \"can plan a week's bake on your own\"")
        .matched(m);
        ctx.at_span(RuleId::YearsOfExperience, si, a.start, a.end, r);
    }
}

/// Text on one line: runs of whitespace (line breaks included) become one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn listed_terms(ctx: &mut Ctx<'_>) {
    let (terms, exceptions) = sets();
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        let mut ex = p.find_all(exceptions);
        ex.extend(p.find_all(super::gender::organisations()));
        let ex = Cover::new(ex);
        for f in terms.find(p) {
            let Some(term) = lists().terms.get(f.item) else {
                continue;
            };
            let h = Hit {
                first: f.first,
                last: f.last,
                item: f.item,
            };
            // "Ernst & Young", "Guy Fawkes": a name, not a word. A hype word that ends a
            // run of capitalised words is a job title ("Javascript Ninja"); one before
            // another is a brand ("Rockstar Games").
            let title = term.rule == RuleId::HypeTitle && ends_capitalised_run(p, f.first);
            let name = f.first == f.last && p.proper_name_at(f.first) && !title;
            // Negated hype or cliché is not hype ("we are not looking for rockstars");
            // a gendered word stays gendered ("no guy culture").
            let negated = term.rule != RuleId::GenderedTerm && terms.negated(p, &f);
            if ex.covers(&h) || name || negated || !in_scope(terms, p, &f, term) {
                continue;
            }
            if term.application && !asks_to_apply(ctx, si, f.first) {
                continue;
            }
            found.push((si, h, p.tok_text(f.first, f.last)));
        }
    }
    // Looked for only when a sensory ask is found.
    let sensory_job = std::cell::OnceCell::new();
    for (si, h, m) in found {
        let Some(term) = lists().terms.get(h.item) else {
            continue;
        };
        let mut r = Report::new(message(term.rule, &m)).help(term.fix);
        // "he or she", "his/her": written to include, if only two; "they" is advice.
        if term.weak
            || (term.sensory && *sensory_job.get_or_init(|| job_words(ctx, lists().sensory_work)))
            || (term.rule == RuleId::GenderedTerm && binary_pair(&ctx.prep[si], h.first, h.last))
            || (term.rule == RuleId::GenderedTerm && both_forms(&ctx.prep[si], h.first, h.last))
        {
            r.severity = Some(crate::lint::Severity::Note);
        }
        ctx.at_tokens(term.rule, si, h.first, h.last, r);
    }
}

/// Words a name may have between the determiner and "family" ("the Green Maid's").
const FAMILY_NAME_WORDS: usize = 3;

/// "Join our kitchen family", "a great addition to our YB Family", "welcome to the
/// family": the team sold as a family, with any name or word before "family" (the
/// listed phrases allow only small words there).
fn team_as_family(ctx: &mut Ctx<'_>) {
    let l = lists();
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        let toks = p.toks;
        let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
        for i in (0..toks.len()).filter(|&i| toks[i].lower == "family") {
            let joined_next = toks.get(i + 1).is_some_and(|n| {
                p.slice(toks[i].end, n.start).trim().is_empty()
                    || p.slice(toks[i].end, n.start) == "-"
            });
            // "the Green Maids Family of Professional Cleaners" is the team as a family;
            // "a family of brands" is not.
            let of_people = word(i + 1) == "of"
                && (i + 2..i + 2 + FAMILY_NAME_WORDS + 2)
                    .any(|k| l.family_of_people.contains(&word(k)));
            if joined_next && l.family_nouns.contains(&word(i + 1)) && !of_people {
                continue;
            }
            // Up to four words between: a name with its possessive ("the Green
            // Maid's Family").
            let Some(det) = (i.saturating_sub(FAMILY_NAME_WORDS + 1)..i)
                .rev()
                .find(|&k| matches!(word(k), "our" | "the" | "a"))
            else {
                continue;
            };
            let Some(join) =
                (det.saturating_sub(2)..det).find(|&k| l.family_joins.contains(&word(k)))
            else {
                continue;
            };
            // One sentence: no full stop between the join word and "family".
            if p.slice(toks[join].end, toks[i].start)
                .contains(['.', '!', '?', ';'])
            {
                continue;
            }
            found.push((si, join, i));
        }
    }
    for (si, a, b) in found {
        let m = ctx.prep[si].tok_text(a, b);
        let r = Report::new(message(RuleId::CultureCliche, &m))
            .help("describe how the team supports each other instead");
        ctx.at_tokens(RuleId::CultureCliche, si, a, b, r);
    }
}

/// Is token `i` of segment `si` where the posting asks for an application: the
/// how-to-apply section, a sentence that names the application ("send your CV with a
/// photo"), or a list item under a line that does ("Send us these documents: … - a
/// passport photo")?
fn asks_to_apply(ctx: &Ctx<'_>, si: usize, i: usize) -> bool {
    let p = &ctx.prep[si];
    if p.seg.section == Section::Apply {
        return true;
    }
    let applies = |t: &Token| lists().application_words.contains(&t.lower.as_str());
    if p.sentence_words(p.toks[i].start).iter().any(applies) {
        return true;
    }
    // A lead-in names the documents the list then gives.
    let names = |t: &Token| applies(t) || t.lower == "documents";
    p.seg.kind == SegKind::Bullet && lead_in(ctx, si).is_some_and(|l| l.toks.iter().any(names))
}

/// The paragraph a list item's list hangs from: the segment before its list's first
/// item, when it is a paragraph of the same section.
fn lead_in<'c>(ctx: &'c Ctx<'_>, si: usize) -> Option<&'c Prepared<'c>> {
    let list = ctx.prep[si].seg.list?;
    let first = (0..=si)
        .rev()
        .take_while(|&k| ctx.prep[k].seg.list == Some(list))
        .last()?;
    let before = ctx.prep.get(first.checked_sub(1)?)?;
    (before.seg.kind == SegKind::Prose && before.seg.section == ctx.prep[si].seg.section)
        .then_some(before)
}

/// Is a term marked for a subject check about the applicant? A lone pronoun must refer
/// to the applicant; any other term must describe them.
fn in_scope(m: &Matcher, p: &Prepared<'_>, f: &Found, term: &Term) -> bool {
    if !term.subject {
        return true;
    }
    if f.first == f.last && matcher::is_pronoun(&p.toks[f.first].lower) {
        return m.pronoun_for_applicant(p, f.first);
    }
    m.about_applicant(p, f)
}

/// Per segment: does its section (the blocks under the same heading, the heading
/// included) give a reason for physical tasks? The standard physical-demands block puts
/// the reason ("to perform the essential functions of this job") in the line before.
fn reasoned_sections(ctx: &Ctx<'_>, reasons: &PhraseSet) -> Vec<bool> {
    let mut group = Vec::with_capacity(ctx.prep.len());
    let mut id = 0;
    for p in &ctx.prep {
        if matches!(
            p.seg.kind,
            super::super::doc::SegKind::Heading | super::super::doc::SegKind::Title
        ) {
            id += 1;
        }
        group.push(id);
    }
    let mut reasoned = vec![false; id + 1];
    for (p, g) in ctx.prep.iter().zip(&group) {
        if !p.find(reasons).is_empty() {
            reasoned[*g] = true;
        }
    }
    group.iter().map(|g| reasoned[*g]).collect()
}

/// "must be able to lift 50 lbs", "ability to stand for 8 hours", "must walk…": flagged
/// unless the sentence or its section gives a reason ("because", "while", "essential",
/// an accommodation statement…).
fn physical_asks(ctx: &mut Ctx<'_>) {
    static REASON: OnceLock<PhraseSet> = OnceLock::new();
    static SECTION_REASON: OnceLock<PhraseSet> = OnceLock::new();
    let reasons = REASON.get_or_init(|| PhraseSet::new(lists().reasons.iter().copied()));
    let section_reasons =
        SECTION_REASON.get_or_init(|| PhraseSet::new(lists().section_reasons.iter().copied()));
    let reasoned = reasoned_sections(ctx, section_reasons);
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        if reasoned[si] {
            continue;
        }
        for s in p.sentences {
            let within = p.toks_within(s.start, s.end);
            if within.is_empty() {
                continue;
            }
            let first = within.start;
            let toks = &p.toks[within];
            let Some((a, v)) = physical_ask(toks) else {
                continue;
            };
            if !reasons.find(toks).is_empty() {
                continue;
            }
            let named = names_what(toks, v);
            found.push((si, first + a, first + clause_end(p, toks, v), named));
        }
    }
    if found.is_empty() {
        return;
    }
    let physical = physical_work(ctx);
    for (si, a, b, named) in found {
        let m = ctx.prep[si].tok_text(a, b);
        let mut r = Report::new(message(RuleId::AbilityAssumption, &m))
            .help("say why the task is essential (\"to move 50 lb flour sacks\") and that reasonable accommodation is available");
        if physical || named {
            r.severity = Some(crate::lint::Severity::Note);
        }
        ctx.at_tokens(RuleId::AbilityAssumption, si, a, b, r);
    }
}

/// Does the ask name what is moved ("lift books and boxes", "carry trays"), which ties
/// it to the work, rather than only a weight or a time ("lift 50 lbs", "stand for
/// long periods")?
fn names_what(toks: &[Token], v: usize) -> bool {
    const NOT_OBJECTS: &[&str] = &[
        "up",
        "to",
        "and",
        "or",
        "at",
        "least",
        "heavy",
        "objects",
        "object",
        "items",
        "item",
        "things",
        "weight",
        "weights",
        "of",
        "a",
        "an",
        "the",
        "over",
        "more",
        "than",
        "lbs",
        "lb",
        "pounds",
        "pound",
        "kg",
        "kgs",
        "kilos",
        "kilograms",
        "for",
        "long",
        "periods",
        "period",
        "hours",
        "hour",
        "extended",
        "minimum",
        "maximum",
        "approximately",
        "weighing",
        "frequently",
        "occasionally",
        "regularly",
        "up",
        "entire",
        "shift",
        "shifts",
        "day",
        "full",
        "whole",
        "time",
        "times",
        "prolonged",
        "stand",
        "walk",
        "sit",
        "lift",
        "carry",
        "push",
        "pull",
        "move",
        "bend",
        "reach",
        "climb",
        "kneel",
        "stoop",
        "crouch",
        "run",
        "without",
        "assistance",
        "safely",
        "independently",
        "routinely",
        "repeatedly",
        "x",
        "while",
        "during",
        "in",
        "on",
        "with",
    ];
    toks.iter().skip(v + 1).take(4).any(|t| {
        t.lower.chars().all(char::is_alphabetic) && !NOT_OBJECTS.contains(&t.lower.as_str())
    })
}

/// Is the work itself physical: does the title or a duty name a kitchen, warehouse,
/// care, trade or shop job? Lifting for a baker is the job; for a call-centre agent
/// it is an assumption.
fn physical_work(ctx: &Ctx<'_>) -> bool {
    job_words(ctx, lists().physical_work)
}

/// Does the title, the summary or a duty hold one of `words`? Not as the head of an
/// "of" phrase: "the growth and maintenance of the organization" is no maintenance job.
fn job_words(ctx: &Ctx<'_>, words: &[&str]) -> bool {
    ctx.prep
        .iter()
        .filter(|p| {
            matches!(
                p.seg.section,
                Section::Title | Section::Duties | Section::Purpose
            )
        })
        .any(|p| {
            p.toks.iter().enumerate().any(|(i, t)| {
                words.contains(&t.lower.as_str())
                    && p.toks.get(i + 1).is_none_or(|n| n.lower != "of")
            })
        })
}

/// The last token of the clause that token `v` is in (up to a comma, semicolon, bracket
/// or the sentence's end; at most twelve words on), so a quoted ask is never cut
/// mid-phrase.
fn clause_end(p: &Prepared<'_>, toks: &[Token], v: usize) -> usize {
    let mut last = v;
    while last + 1 < toks.len() && last < v + 12 {
        let gap = p.slice(toks[last].end, toks[last + 1].start);
        if gap.contains([',', ';', '(', ':', '.']) {
            break;
        }
        last += 1;
    }
    last
}

/// The start token and verb token of a physical ask in a sentence's tokens.
fn physical_ask(toks: &[Token]) -> Option<(usize, usize)> {
    // The verb at token `i`, or after one adverb ("able to frequently lift", "must
    // occasionally climb").
    let verb_at = |i: usize| {
        let is_verb = |k: usize| {
            toks.get(k)
                .is_some_and(|t| lists().physical_verbs.contains(&t.lower.as_str()))
        };
        let adverb = toks
            .get(i)
            .is_some_and(|t| t.lower.len() > 4 && t.lower.ends_with("ly"));
        if is_verb(i) {
            Some(i)
        } else {
            (adverb && is_verb(i + 1)).then_some(i + 1)
        }
    };
    (0..toks.len()).find_map(|i| {
        let w = toks[i].lower.as_str();
        let to = toks.get(i + 1).is_some_and(|t| t.lower == "to");
        match w {
            "able" | "ability" if to => {
                let v = verb_at(i + 2)?;
                let start = if i >= 2 && toks[i - 2].lower == "must" {
                    i - 2
                } else {
                    i
                };
                Some((start, v))
            }
            "must" | "required" if !to => verb_at(i + 1).map(|v| (i, v)),
            "required" if to => verb_at(i + 2).map(|v| (i, v)),
            _ => None,
        }
    })
}

/// An entry-level or junior posting asking for three or more years (Datapeople's bands:
/// junior 1–3 years; an entry-level ask above 2 years is out of band).
fn inflated_experience(ctx: &mut Ctx<'_>) {
    if !ctx.doc.facts.entry_level {
        return;
    }
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        for a in experience_asks(p) {
            if a.months > 24 {
                found.push((si, a, p.slice(a.start, a.end)));
            }
        }
    }
    let help = "ask for 0-2 years, or describe the skills instead of the years";
    if found.is_empty() {
        // A TOML posting may state the ask only as a fact.
        if let Some(m) = ctx.doc.facts.experience_months.filter(|m| *m > 24) {
            let r = Report::new(format!(
                "asks for {} of experience for an entry-level role",
                years(m)
            ))
            .help(help);
            ctx.at_key(
                RuleId::InflatedExperience,
                "qualifications.experience_months",
                r,
            );
        }
        return;
    }
    for (si, a, m) in found {
        let r = Report::new(format!(
            "\"{m}\" of experience is a lot to ask for an entry-level role; junior roles ask for 1-3 years"
        ))
        .help(help)
        .matched(m);
        ctx.at_span(RuleId::InflatedExperience, si, a.start, a.end, r);
    }
}

fn years(months: u32) -> String {
    if months % 12 == 0 {
        let y = months / 12;
        format!("{y} year{}", if y == 1 { "" } else { "s" })
    } else {
        format!("{months} months")
    }
}

/// The configuration's `ban` list.
fn banned(ctx: &mut Ctx<'_>) {
    if ctx.cfg.ban.is_empty() {
        return;
    }
    let set = PhraseSet::new(ctx.cfg.ban.iter().map(String::as_str));
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        for h in p.find(&set) {
            found.push((si, h, p.tok_text(h.first, h.last)));
        }
    }
    for (si, h, m) in found {
        let r = Report::new(format!("\"{m}\" is on this project's banned list"))
            .help("reword, or remove it from [lint] ban in jobpost.toml");
        ctx.at_tokens(RuleId::BannedWord, si, h.first, h.last, r);
    }
}

mod licence;
mod people;
mod wording;

/// Parses `wording.toml` (for the data tests).
#[cfg(test)]
pub(crate) fn wording_loads() {
    wording::data_loads();
}

#[cfg(test)]
mod tests;
