//! German and French wording: the word lists of `src/lint/data/wording.toml` (age,
//! native-speaker asks, vague pay, hype, gendered nouns and pronouns) and age limits
//! written with numbers ("Berufseinsteiger bis 30", "moins de 30 ans").
//!
//! Names are not words: a listed adjective capitalised mid-sentence is a name ("Herr
//! Jung", "Jeune Afrique"), and compounds are whole words, so "Jungfernstieg" and
//! "Jungbunzlauer" are never "jung". German capitalises every noun, so only entries
//! written lower case in the data (adjectives, phrases starting with one) take the
//! capital as a sign of a name.

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::super::data;
use super::super::super::facts::{Prepared, names_pay_grade};
use super::super::super::lang::Lang;
use super::super::super::matcher::{Found, Matcher, for_language};
use super::super::super::text::{Cover, Hit, PhraseSet, Token};
use super::super::{Ctx, Report, RuleId};
use super::message;

/// `src/lint/data/wording.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    de: Lists,
    fr: Lists,
}

/// One language's lists.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    terms: Vec<Term>,
    #[serde(deserialize_with = "data::words")]
    exceptions: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    applicant_nouns: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    impersonal_after: &'static [&'static str],
    /// "jung", "junges": with a word of `team_words` after it, adjectives between, the
    /// team sold as young.
    #[serde(deserialize_with = "data::words")]
    young_words: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    team_words: &'static [&'static str],
    /// "familiär", "familiäres": with a word of `family_nouns` after it, adjectives
    /// between, the team sold as a family ("ein familiäres, motiviertes Team").
    #[serde(default, deserialize_with = "data::words")]
    family_words: &'static [&'static str],
    #[serde(default, deserialize_with = "data::words")]
    family_nouns: &'static [&'static str],
    /// Words that name a language ("Deutsch", "langue"): a native-speaker term is an
    /// ask only beside one.
    #[serde(deserialize_with = "data::words")]
    language_names: &'static [&'static str],
    /// Words before a `staff` noun that make it the person sought ("einen").
    #[serde(deserialize_with = "data::words")]
    sought_before: &'static [&'static str],
    /// Words before a `staff` noun that make it the staff already there ("unsere").
    #[serde(deserialize_with = "data::words")]
    staff_before: &'static [&'static str],
    /// Words of a sentence that hires ("suchen"): a `staff` noun there is the person sought.
    #[serde(deserialize_with = "data::words")]
    hiring_words: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    young_nouns: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    age_limits: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    year_words: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    not_age_after: &'static [&'static str],
    law: Vec<Law>,
}

/// A listed term.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    #[serde(deserialize_with = "data::text")]
    phrase: data::Text,
    rule: RuleId,
    #[serde(deserialize_with = "data::text")]
    fix: data::Text,
    /// Matched as the exact word forms written, not stemmed.
    #[serde(default)]
    exact: bool,
    /// A pronoun: reported only when it refers to the applicant.
    #[serde(default)]
    pronoun: bool,
    /// A noun for staff ("Mitarbeiter"): a warning where it names the person sought,
    /// a note where it names the staff already there.
    #[serde(default)]
    staff: bool,
}

/// The statute a rule's findings cite in a country.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Law {
    #[serde(deserialize_with = "data::text")]
    country: data::Text,
    rules: Vec<RuleId>,
    #[serde(deserialize_with = "data::text")]
    cite: data::Text,
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| data::load("wording"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = compiled(Lang::De);
    let _ = compiled(Lang::Fr);
}

/// A language's lists compiled: stemmed terms, exact terms (by index into `terms`),
/// exceptions.
struct Compiled {
    lists: &'static Lists,
    stemmed: Matcher,
    stemmed_items: Vec<usize>,
    exact: PhraseSet,
    exact_items: Vec<usize>,
    exceptions: PhraseSet,
}

fn compiled(lang: Lang) -> Option<&'static Compiled> {
    static DE: OnceLock<Compiled> = OnceLock::new();
    static FR: OnceLock<Compiled> = OnceLock::new();
    let build = |lists: &'static Lists| {
        let (ex, st): (Vec<usize>, Vec<usize>) =
            (0..lists.terms.len()).partition(|&i| lists.terms[i].exact);
        let lower = |i: &usize| lists.terms[*i].phrase.to_lowercase();
        let exact_phrases: Vec<String> = ex.iter().map(lower).collect();
        Compiled {
            lists,
            stemmed: Matcher::new(
                for_language(lang),
                st.iter().map(|&i| lists.terms[i].phrase),
            ),
            stemmed_items: st,
            exact: PhraseSet::new(exact_phrases.iter().map(String::as_str)),
            exact_items: ex,
            exceptions: PhraseSet::new(lists.exceptions.iter().copied()),
        }
    };
    match lang {
        Lang::De => Some(DE.get_or_init(|| build(&file().de))),
        Lang::Fr => Some(FR.get_or_init(|| build(&file().fr))),
        Lang::En => None,
    }
}

/// Runs the German or French lists and age limits.
pub fn check(ctx: &mut Ctx<'_>) {
    let Some(c) = compiled(ctx.lang) else { return };
    // Vague pay is reported where no figure is given, law or no law, as for English;
    // once per posting, by the pay rule, when the pay facts read the wording too
    // ("leistungsgerechte Bezahlung").
    let pay_said = ctx
        .doc
        .facts
        .pay
        .as_ref()
        .is_some_and(|p| p.min.is_some() || p.max.is_some() || p.open_ended.is_some());
    // A title open to all leaves the body's asks to this rule; any other title, and
    // the sentences that seek someone after it, are `title-gender`'s.
    let title_open = ctx
        .doc
        .title()
        .is_some_and(|t| crate::title::open_to_all(ctx.lang.code(), t.text.trim()));
    let mut found: Vec<(usize, Hit, &'static Term)> = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        let ex = Cover::new(p.find_all(&c.exceptions));
        for (h, term) in hits(c, p) {
            let skip = ex.covers(&h)
                || (term.rule == RuleId::PayVague && (pay_said || names_pay_grade(p)))
                || (term.rule == RuleId::GenderedTerm && paired(p, &h))
                || (term.pronoun && !about_applicant(c.lists, p, h.first))
                || (term.rule == RuleId::NativeSpeaker && !asks_native(c.lists, p, &h))
                || name_not_word(p, &h, term);
            // One finding per stretch of text and rule ("le candidat idéal").
            if !skip && !overlaps(&found, si, &h, term.rule) {
                found.push((si, h, term));
            }
        }
        let feminine = feminine_roles(ctx.lang, p).into_iter();
        for (first, last) in feminine.chain(feminine_asks(ctx.lang, p)) {
            let h = Hit {
                first,
                last,
                item: usize::MAX,
            };
            if !paired(p, &h) {
                found.push((si, h, &FEMININE_ROLE));
            }
        }
        let asks = match title_open {
            true => masculine_asks(ctx.lang, p),
            false => Vec::new(),
        };
        let roles = masculine_roles(ctx.lang, p).into_iter();
        let masculine = roles
            .map(|r| (r, &MASCULINE_ROLE))
            .chain(asks.into_iter().map(|a| (a, masculine_ask_term(ctx.lang))));
        for ((first, last), term) in masculine {
            let h = Hit {
                first,
                last,
                item: usize::MAX,
            };
            if !paired(p, &h) && !overlaps(&found, si, &h, RuleId::GenderedTerm) {
                found.push((si, h, term));
            }
        }
        let lists = c.lists;
        let qualified = [
            (lists.young_words, lists.team_words, &YOUNG_TEAM),
            (lists.family_words, lists.family_nouns, &FAMILY_TEAM),
        ];
        for (words, nouns, term) in qualified {
            for (first, last) in qualified_nouns(words, nouns, p) {
                let h = Hit {
                    first,
                    last,
                    item: usize::MAX,
                };
                if !overlaps(&found, si, &h, term.rule) {
                    found.push((si, h, term));
                }
            }
        }
        for (first, last) in age_limits(ctx.lang, c.lists, p) {
            let h = Hit {
                first,
                last,
                item: usize::MAX,
            };
            found.push((si, h, &AGE_LIMIT));
        }
    }
    let country = ctx.doc.facts.country.clone().unwrap_or_default();
    for (si, h, term) in found {
        let m = ctx.prep[si].tok_text(h.first, h.last);
        let mut msg = message(term.rule, &m);
        if let Some(law) = c
            .lists
            .law
            .iter()
            .find(|l| l.country == country && l.rules.contains(&term.rule))
        {
            msg = format!("{msg}; {}", law.cite);
        }
        let mut r = Report::new(msg).help(term.fix);
        if term.staff && !names_the_sought(c.lists, &ctx.prep[si], h.first) {
            r.severity = Some(crate::lint::Severity::Note);
        }
        if std::ptr::eq(term, &AGE_LIMIT) {
            r = super::age_limit_report(&ctx.prep[si], h.first, r);
        }
        ctx.at_tokens(term.rule, si, h.first, h.last, r);
    }
}

/// The hire's role named in the feminine form only ("Ihre Tätigkeit als Fachärztin für
/// Allgemeinmedizin"): "als" and the noun, read as a title is
/// ([`crate::title::feminine_only`]), so "als Ärztin oder Arzt" stays open.
fn feminine_roles(lang: Lang, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    if lang != Lang::De {
        return Vec::new();
    }
    let toks = p.toks;
    (0..toks.len().saturating_sub(1))
        .filter(|&i| toks[i].lower == "als")
        .filter_map(|i| {
            let last = (i + 4).min(toks.len() - 1);
            let role = p.slice(toks[i + 1].start, toks[last].end);
            let word = crate::title::feminine_only("de", &role)?;
            (word == p.slice(toks[i + 1].start, toks[i + 1].end)).then_some((i, i + 1))
        })
        .collect()
}

/// The person sought named in the feminine form only, in a sentence that seeks
/// ("Wir suchen eine nette Verkäuferin", "Nous recrutons une vendeuse"): the article
/// and the noun, read as a title is ([`crate::title::feminine_only`]).
fn feminine_asks(lang: Lang, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    let (article, seeks): (&str, &[&str]) = match lang {
        Lang::De => ("eine", &["suchen", "sucht", "gesucht", "suche"]),
        Lang::Fr => (
            "une",
            &[
                "recherchons",
                "recrutons",
                "cherchons",
                "embauchons",
                "recrute",
                "recherche",
                "cherche",
            ],
        ),
        Lang::En => return Vec::new(),
    };
    let toks = p.toks;
    let code = lang.code();
    let noun_after = |i: usize| {
        // German adjectives stand between ("eine nette Verkäuferin"); a French noun
        // follows its article.
        let reach = if lang == Lang::De { 3 } else { 1 };
        (i + 1..toks.len().min(i + 1 + reach)).find_map(|k| {
            let last = (k + 3).min(toks.len() - 1);
            let word = crate::title::feminine_only(code, &p.slice(toks[k].start, toks[last].end))?;
            (word == p.slice(toks[k].start, toks[k].end)).then_some(k)
        })
    };
    // "Un intégrateur ou une intégratrice": the second of two forms.
    let matcher = crate::lint::matcher::for_language(lang);
    let second_form = |i: usize| i > 0 && matcher.is_coordinator(&toks[i - 1].lower);
    (0..toks.len())
        .filter(|&i| toks[i].lower == article && !second_form(i))
        .filter(|&i| {
            let (from, _) = p.sentence_at(toks[i].start);
            let before = p.toks_within(from, toks[i].start);
            toks[before]
                .iter()
                .any(|t| seeks.contains(&t.lower.as_str()))
        })
        .filter_map(|i| noun_after(i).map(|k| (i, k)))
        .collect()
}

/// The reader's role named by a masculine noun only, in a German sentence that speaks
/// to the reader ("Als Ansprechpartner beraten Sie unsere Kunden"): "als" and the noun,
/// as [`crate::title::masculine_role`] reads them.
fn masculine_roles(lang: Lang, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    // The sentences' words are gathered only where a role may be named at all.
    if lang != Lang::De || !p.toks.iter().any(|t| t.lower == "als") {
        return Vec::new();
    }
    p.sentences
        .iter()
        .filter_map(|s| {
            let range = p.toks_within(s.start, s.end);
            let words = super::super::title::sentence_words(p, &p.toks[range.clone()]);
            let (als, noun) = crate::title::masculine_role("de", &words)?;
            Some((range.start + als, range.start + noun))
        })
        .collect()
}

/// The term a masculine-only ask in `lang` is reported as.
fn masculine_ask_term(lang: Lang) -> &'static Term {
    match lang {
        Lang::Fr => &MASCULINE_ASK_FR,
        _ => &MASCULINE_ASK_DE,
    }
}

/// The person sought named by a masculine noun only, in a sentence that seeks
/// ("suchen wir einen erfahrenen Monteur", "LOG recrute des ingénieurs"), as
/// `title-gender` reads a careers page: a marker in the title does not reach the
/// sentence the reader reads.
fn masculine_asks(lang: Lang, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    if lang == Lang::En {
        return Vec::new();
    }
    p.sentences
        .iter()
        .filter_map(|s| super::super::title::masculine_ask_in(lang.code(), p, s))
        .collect()
}

/// Is a finding of `rule` already kept on tokens of `h` in segment `si`?
fn overlaps(found: &[(usize, Hit, &Term)], si: usize, h: &Hit, rule: RuleId) -> bool {
    found
        .iter()
        .any(|(s, o, t)| *s == si && t.rule == rule && o.first <= h.last && h.first <= o.last)
}

/// The reader's role in the masculine form only, reported as `gendered-term`.
static MASCULINE_ROLE: Term = Term {
    phrase: "",
    rule: RuleId::GenderedTerm,
    fix: "name both forms (\"als Ansprechpartnerin oder Ansprechpartner\", \"als Ansprechpartner*in\") or a neutral noun (\"als Ansprechperson\")",
    exact: false,
    pronoun: false,
    staff: false,
};

/// The person sought by a masculine noun only in German, reported as `gendered-term`.
static MASCULINE_ASK_DE: Term = Term {
    phrase: "",
    rule: RuleId::GenderedTerm,
    fix: "name both forms (\"einen Monteur oder eine Monteurin\", \"Monteur*in\"), add \"(m/w/d)\" after the noun, or use a neutral noun (\"Fachkraft\")",
    exact: false,
    pronoun: false,
    staff: false,
};

/// The person sought by a masculine noun only in French, reported as `gendered-term`.
static MASCULINE_ASK_FR: Term = Term {
    phrase: "",
    rule: RuleId::GenderedTerm,
    fix: "name both forms (\"un vendeur ou une vendeuse\", \"un·e vendeur·se\"), add \"(H/F)\" after the noun, or use an epicene noun",
    exact: false,
    pronoun: false,
    staff: false,
};

/// The hire's role in the feminine form only, reported as `gendered-term`.
static FEMININE_ROLE: Term = Term {
    phrase: "",
    rule: RuleId::GenderedTerm,
    fix: "name both forms (\"als Fachärztin oder Facharzt\", \"als Fachärzt*in\")",
    exact: false,
    pronoun: false,
    staff: false,
};

/// The team sold as young, adjectives between ("einem jungen, dynamischen und
/// motivierten Team"), reported as `age-coded`.
static YOUNG_TEAM: Term = Term {
    phrase: "",
    rule: RuleId::AgeCoded,
    fix: "describe the team by what it does (\"ein engagiertes Team\"), not by its age",
    exact: false,
    pronoun: false,
    staff: false,
};

/// The team sold as a family, adjectives between ("ein familiäres, motiviertes Team"),
/// reported as `culture-cliche`.
static FAMILY_TEAM: Term = Term {
    phrase: "",
    rule: RuleId::CultureCliche,
    fix: "say how the team works together (\"feste Ansprechpersonen\", \"Einarbeitung im Tandem\")",
    exact: false,
    pronoun: false,
    staff: false,
};

/// A word of `words` ("jung", "familiär") then one of `nouns` ("Team") with only
/// adjectives (lower case), "und" and commas between, at most four words: (first, last).
fn qualified_nouns(words: &[&str], nouns: &[&str], p: &Prepared<'_>) -> Vec<(usize, usize)> {
    let toks = p.toks;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !words.contains(&t.lower.as_str()) || p.capitalised(t) {
            continue;
        }
        for k in i + 1..toks.len().min(i + 6) {
            if nouns.contains(&toks[k].lower.as_str()) {
                out.push((i, k));
                break;
            }
            let gap = p.slice(toks[k - 1].end, toks[k].start);
            let joined = matches!(gap.trim(), "" | ",");
            if !joined || p.capitalised(&toks[k]) {
                break;
            }
        }
    }
    out
}

/// A number-written age limit, reported as `age-coded`.
static AGE_LIMIT: Term = Term {
    phrase: "",
    rule: RuleId::AgeCoded,
    fix: "drop the age limit; say what the work asks (experience, licences, availability)",
    exact: false,
    pronoun: false,
    staff: false,
};

/// Every listed term found in a segment: stemmed matches (negated ones left out: "kein
/// Rockstar") and exact word forms.
fn hits(c: &'static Compiled, p: &Prepared<'_>) -> Vec<(Hit, &'static Term)> {
    let terms = &c.lists.terms;
    let stemmed = c
        .stemmed
        .find(p)
        .into_iter()
        .filter(|f| !c.stemmed.negated(p, f))
        .filter_map(|f: Found| {
            let term = &terms[*c.stemmed_items.get(f.item)?];
            Some((
                Hit {
                    first: f.first,
                    last: f.last,
                    item: f.item,
                },
                term,
            ))
        });
    let exact = p.find_all(&c.exact).into_iter().filter_map(|h| {
        let term = &terms[*c.exact_items.get(h.item)?];
        Some((h, term))
    });
    stemmed.chain(exact).collect()
}

/// Is the native-speaker word at `h` an ask: its sentence names a language and the
/// word is not offered beside a CEFR level (A1-C2) that would do instead?
fn asks_native(lists: &Lists, p: &Prepared<'_>, h: &Hit) -> bool {
    let words = p.sentence_words(p.toks[h.first].start);
    words
        .iter()
        .any(|t| lists.language_names.contains(&t.lower.as_str()))
        && !level_beside(lists, p, h)
}

/// Words that may stand between a native-speaker word and a level offered in its place:
/// "muttersprachliches Niveau bzw. C1", "langue maternelle ou niveau C1", "native or C1
/// level". Any other word makes the level another language's ("Langue maternelle
/// française ou allemande (niveau B2) avec de bonnes connaissances de l'autre langue"
/// still asks for a mother tongue).
const LEVEL_GAP: &[&str] = &[
    "oder",
    "bzw",
    "beziehungsweise",
    "mindestens",
    "auf",
    "dem",
    "einem",
    "niveau",
    "sprachniveau",
    "ou",
    "au",
    "moins",
    "un",
    "or",
    "at",
    "least",
    "a",
    "level",
    "min",
    "mind",
    "ger",
    "cefr",
    "cecrl",
    "equivalent",
    "équivalent",
    "gleichwertig",
];

/// Is a CEFR level offered as an alternative next to the native-speaker word at `h`,
/// within a few words and with only [`LEVEL_GAP`] words and the one language between
/// ("Muttersprache Deutsch oder C1"; two languages make the level the other one's)?
fn level_beside(lists: &Lists, p: &Prepared<'_>, h: &Hit) -> bool {
    const REACH: usize = 6;
    let level = |k: usize| {
        matches!(
            p.toks[k].lower.as_str(),
            "a1" | "a2" | "b1" | "b2" | "c1" | "c2"
        )
    };
    let (from, to) = p.sentence_at(p.toks[h.first].start);
    let first_other = |ks: &mut dyn Iterator<Item = usize>| {
        let mut languages = 0;
        ks.take_while(|&k| p.toks[k].start >= from && p.toks[k].start < to)
            .find(|&k| {
                let w = p.toks[k].lower.as_str();
                let language = lists.language_names.contains(&w) && !LEVEL_GAP.contains(&w);
                languages += usize::from(language);
                !(LEVEL_GAP.contains(&w) || (language && languages == 1))
            })
    };
    let after = first_other(&mut (h.last + 1..p.toks.len().min(h.last + 1 + REACH)));
    let before = first_other(&mut (h.first.saturating_sub(REACH)..h.first).rev());
    after.is_some_and(level) || before.is_some_and(level)
}

/// Does the noun at token `i` name the person sought ("einen Mitarbeiter", "Wir suchen
/// Mitarbeiter für …") rather than the staff already there ("unsere Mitarbeiter")?
fn names_the_sought(lists: &Lists, p: &Prepared<'_>, i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| p.toks[k].lower.as_str());
    if before.is_some_and(|w| lists.sought_before.contains(&w)) {
        return true;
    }
    if before.is_some_and(|w| lists.staff_before.contains(&w)) {
        return false;
    }
    p.sentence_words(p.toks[i].start)
        .iter()
        .any(|t| lists.hiring_words.contains(&t.lower.as_str()))
}

/// Is a match a name rather than the listed word? An entry written lower case (an
/// adjective) found capitalised mid-sentence is a name ("Herr Jung", "Jeune Afrique").
fn name_not_word(p: &Prepared<'_>, h: &Hit, term: &Term) -> bool {
    let lower_entry = term.phrase.chars().next().is_some_and(char::is_lowercase);
    lower_entry && p.proper_name_at(h.first)
}

/// Letters that mark a gendered noun as written for all genders when they follow it:
/// the feminine ending after a star, colon, slash or bracket ("Mitarbeiter*innen",
/// "candidat(e)"), or a gender marker ("(m/w/d)", "H/F").
const PAIR_ENDINGS: &[&str] = &[
    "in", "innen", "e", "es", "ne", "nes", "rice", "rices", "euse", "euses",
];
const MARKER_LETTERS: &[&str] = &["m", "w", "d", "f", "h", "x", "gn", "divers"];

/// Does a pair form or marker stand with the gendered noun at `h`?
fn paired(p: &Prepared<'_>, h: &Hit) -> bool {
    let toks = p.toks;
    let next = toks.get(h.last + 1);
    // Glued by a mark, not a space: "Ansprechpartner in der Kundenbetreuung" names
    // one form.
    let glued = next.is_some_and(|n| {
        let gap = p.slice(toks[h.last].end, n.start);
        n.start <= toks[h.last].end + 2 && !gap.contains(char::is_whitespace)
    });
    if glued && next.is_some_and(|n| PAIR_ENDINGS.contains(&n.lower.as_str())) {
        return true;
    }
    // A marker right after the noun or a few words on, closing a title that names
    // the field too ("Mitarbeiter Kundenservice (m/w/d)").
    let is_marker = |t: &Token| MARKER_LETTERS.contains(&t.lower.as_str());
    let after = &toks[h.last + 1..];
    let marker = (0..after.len().min(6)).any(|start| {
        after[start..]
            .iter()
            .take(3)
            .take_while(|t| is_marker(t))
            .count()
            >= 2
    });
    if marker {
        return true;
    }
    // "Mitarbeiterinnen und Mitarbeiter", "la candidate ou le candidat", and the
    // reverse order: the feminine form two words away.
    let noun = toks[h.last].lower.as_str();
    let feminine = |t: &Token| is_feminine_of(&t.lower, noun);
    let joined = |t: &Token| matches!(t.lower.as_str(), "und" | "oder" | "ou" | "et" | "bzw");
    let before = h.first >= 2
        && joined(&toks[h.first - 1])
        && toks[..h.first - 1].iter().rev().take(2).any(feminine);
    let after =
        toks.get(h.last + 1).is_some_and(joined) && toks[h.last + 2..].iter().take(2).any(feminine);
    before || after
}

/// Is `word` the feminine of the masculine noun `noun` ("mitarbeiterinnen" of
/// "mitarbeiter", "candidate" of "candidat", "collaboratrice" of "collaborateur")?
fn is_feminine_of(word: &str, noun: &str) -> bool {
    // A weak plural drops its whole "-en" ("Kandidaten", "Kollegen": "Kandidatinnen").
    if let Some(weak) = noun.strip_suffix("en").filter(|s| s.chars().count() >= 4)
        && word.starts_with(&format!("{weak}in"))
    {
        return true;
    }
    let stem = noun.trim_end_matches('n');
    let stem = stem
        .strip_suffix("eur")
        .map_or(stem.to_string(), |s| format!("{s}r"));
    (word.starts_with(&stem) && word.len() > noun.len())
        || word == format!("{stem}ice")
        || word.starts_with(&format!("{}rice", stem.trim_end_matches('r')))
}

/// Does the pronoun at token `i` refer to the applicant? Only when a noun naming the
/// applicant comes before it in its sentence or the one before, and no impersonal verb
/// follows it ("il faut").
fn about_applicant(lists: &Lists, p: &Prepared<'_>, i: usize) -> bool {
    let toks = p.toks;
    if toks
        .get(i + 1)
        .is_some_and(|t| lists.impersonal_after.contains(&t.lower.as_str()))
    {
        return false;
    }
    let start = toks[i].start;
    let from = p.previous_sentence_start(start);
    toks[..i]
        .iter()
        .rev()
        .take_while(|t| t.start >= from)
        .any(|t| lists.applicant_nouns.contains(&t.lower.as_str()))
}

/// Age limits written with numbers: a limit word up to three words before an age
/// (20–70) with a year word after it or after the range's second figure ("zwischen 25
/// und 35 Jahren", "moins de 30 ans", "âgé de 20 à 30 ans"), or a young-person noun
/// followed by a limit and an age ("Berufseinsteiger bis 30"). Years of experience
/// ("bis 30 Jahre Berufserfahrung") are not ages.
fn age_limits(lang: Lang, lists: &Lists, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    let toks = p.toks;
    let has = |list: &[&str], t: &Token| list.contains(&t.lower.as_str());
    let matcher = crate::lint::matcher::for_language(lang);
    // "Unsere Kunden sind zwischen 20 und 40 Jahre alt": the ages of the people the
    // job serves, named just before the limit.
    let served_before =
        |l: usize| (l.saturating_sub(4)..l).any(|k| matcher.names_served(&toks[k].lower));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(_) = age(&toks[i]) else {
            i += 1;
            continue;
        };
        let limit = (i.saturating_sub(3)..i).find(|&k| has(lists.age_limits, &toks[k]));
        let young = limit
            .and_then(|l| (l.saturating_sub(2)..l).find(|&k| has(lists.young_nouns, &toks[k])));
        // The year word after the age, or after "und 35" / "à 30" / "et 35".
        let mut end = i;
        if toks.get(i + 2).is_some_and(|t| age(t).is_some()) {
            end = i + 2;
        }
        let year = toks
            .get(end + 1)
            .filter(|t| has(lists.year_words, t))
            .map(|_| end + 1);
        let experience = year
            .and_then(|y| toks.get(y + 1))
            .is_some_and(|t| has(lists.not_age_after, t))
            || year
                .and_then(|y| toks.get(y + 2))
                .is_some_and(|t| has(lists.not_age_after, t));
        // "jeunes diplômés de moins de 30 ans" asks for the young, who are not served.
        let served = young.is_none() && limit.is_some_and(served_before);
        match (limit, young, year) {
            _ if served => i += 1,
            (Some(_), Some(y), _) if !experience => {
                out.push((y, year.unwrap_or(i)));
                i = year.unwrap_or(i) + 1;
            }
            (Some(l), None, Some(y)) if !experience => {
                out.push((l, y));
                i = y + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A token that reads as an age: a whole number from 16 to 70.
fn age(t: &Token) -> Option<u32> {
    t.lower
        .parse::<u32>()
        .ok()
        .filter(|n| (16..=70).contains(n))
}
