//! Gender-coded wording, faithful to Gaucher, Friesen & Kay (2011), Appendix A.
//!
//! - Entries the paper marks with `*` are stems and match any word starting with them
//!   ("lead*" matches "leader", "leadership"); the others match whole words only
//!   ("kind" does not match "kinds", "logic" does not match "logical"), allowing a
//!   possessive "'s".
//! - The paper's misprint "implusive" matches "impulsive" (and itself).
//! - A word counts once even when several entries match it ("interpersonal" is both
//!   `interpersonal` and `interpersona*`; "dominant" both `dominant` and `domina*`).
//! - Hyphenated compounds: a compound is first tried whole ("self-confident" →
//!   `self-confiden*`, once), then without its hyphens ("co-operative" → `cooperat*`),
//!   then part by part ("team-leading" → `lead*`).
//! - Boilerplate is not counted: "responsibilities" (the section heading word; the
//!   adjective "responsible" still counts), "committee", "competitive salary/pay/…",
//!   "individual contributor", "dependent on", "depending on", "dependents" (benefits
//!   text), sales "leads", "lead generation", "SharePoint".
//! - Senses other than the coded one, each seen in real postings: "dependent upon",
//!   "independent contractor", "emergency response", "tender documents", "foundation
//!   trust", "armed forces", "own leads" and the others in the exception list.
//! - Not the posting's own words, so neither reported nor counted: the job title (in the
//!   title, and where the body repeats two or more of its words: "as a Technical Support
//!   Specialist"), proper names (a word capitalised mid-sentence, or a known organisation
//!   such as "Ernst & Young"), and web and email addresses.
//! - Words on the configuration's allow list are neither reported nor counted.
//!
//! `gender-coded` reports each coded word; `gender-balance` gives the verdict once:
//! difference = feminine − masculine; 0 is "neutral", 1–3 "feminine-coded" /
//! "masculine-coded", above 3 "strongly …". With no coded word at all there is no verdict.

use std::sync::OnceLock;

use serde::Deserialize;

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::super::data;
use super::super::doc::SegKind;
use super::super::facts::Prepared;
use super::super::text::{Cover, FastMap, KeyHash, PhraseSet, Token, strip_possessive, word_key};
use super::RuleId;
use super::{Ctx, Report};

/// The word lists, from `src/lint/data/gender.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from (the paper, for the coded lists).
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Masculine-coded entries (42), as printed in the paper.
    #[serde(deserialize_with = "data::words")]
    masculine: &'static [&'static str],
    /// Feminine-coded entries (40), as printed in the paper.
    #[serde(deserialize_with = "data::words")]
    feminine: &'static [&'static str],
    /// Boilerplate that contains a coded stem but is not coded language.
    #[serde(deserialize_with = "data::words")]
    exceptions: &'static [&'static str],
    /// Organisations whose names contain a listed word.
    #[serde(deserialize_with = "data::words")]
    organisations: &'static [&'static str],
    /// Neutral alternatives offered for some coded words, first match wins.
    alternatives: Vec<Alternative>,
}

/// A neutral word for coded words starting with `coded`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Alternative {
    #[serde(deserialize_with = "data::text")]
    coded: data::Text,
    #[serde(deserialize_with = "data::text")]
    say: data::Text,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| data::load("gender"))
}

/// Masculine-coded entries (42), as printed in the paper.
pub fn masculine() -> &'static [&'static str] {
    lists().masculine
}

/// Feminine-coded entries (40), as printed in the paper.
pub fn feminine() -> &'static [&'static str] {
    lists().feminine
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = lists();
}

/// Which list an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// Masculine-coded.
    Masculine,
    /// Feminine-coded.
    Feminine,
}

impl Coding {
    fn word(self) -> &'static str {
        match self {
            Coding::Masculine => "masculine",
            Coding::Feminine => "feminine",
        }
    }
}

/// One entry of the word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// As printed ("lead*").
    pub printed: &'static str,
    /// The stem or word, without `*`.
    pub word: &'static str,
    /// A stem.
    pub stem: bool,
    /// Masculine or feminine.
    pub coding: Coding,
}

impl Entry {
    /// Does the (lower-case) word match this entry?
    pub fn matches(&self, w: &str) -> bool {
        if self.stem {
            return w.starts_with(self.word);
        }
        let w = strip_possessive(w);
        // The paper's "implusive" is a misprint of "impulsive".
        w == self.word || (self.word == "implusive" && w == "impulsive")
    }
}

fn entries() -> &'static [Entry] {
    static E: OnceLock<Vec<Entry>> = OnceLock::new();
    E.get_or_init(|| {
        let mk = |list: &'static [&'static str], coding| {
            list.iter().map(move |p| Entry {
                printed: p,
                word: p.trim_end_matches('*'),
                stem: p.ends_with('*'),
                coding,
            })
        };
        mk(masculine(), Coding::Masculine)
            .chain(mk(feminine(), Coding::Feminine))
            .collect()
    })
}

/// Entries indexed for lookup: whole words by hash, stems by their first two chars, so
/// a word is compared with at most a few entries.
struct Index {
    whole: HashMap<u64, &'static Entry, BuildHasherDefault<KeyHash>>,
    stems: FastMap<(char, char), Vec<&'static Entry>>,
}

fn first_two(w: &str) -> (char, char) {
    let mut c = w.chars();
    (c.next().unwrap_or(' '), c.next().unwrap_or(' '))
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut idx = Index {
            whole: HashMap::default(),
            stems: FastMap::default(),
        };
        // Listed order decides which entry a word reports: whole words before stems
        // (so "dominant" is `dominant`, not `domina*`), masculine list first.
        for e in entries() {
            if e.stem {
                idx.stems.entry(first_two(e.word)).or_default().push(e);
            } else {
                idx.whole.entry(word_key(e.word)).or_insert(e);
                if e.word == "implusive" {
                    idx.whole.entry(word_key("impulsive")).or_insert(e);
                }
            }
        }
        idx
    })
}

/// The entry a word matches, whole-word entries first.
pub fn entry_for(word: &str) -> Option<&'static Entry> {
    entry_by_keys(word, word_key(word), word_key(strip_possessive(word)))
}

/// [`entry_for`] with the word's hashes already known (tokens carry them).
fn entry_by_keys(word: &str, key: u64, base_key: u64) -> Option<&'static Entry> {
    let idx = index();
    let whole = idx.whole.get(&key).or_else(|| idx.whole.get(&base_key));
    // Hashes can collide; the entry must really match.
    if let Some(e) = whole.filter(|e| e.matches(word)) {
        return Some(e);
    }
    idx.stems
        .get(&first_two(word))?
        .iter()
        .find(|e| word.starts_with(e.word))
        .copied()
}

fn exceptions() -> &'static PhraseSet {
    static S: OnceLock<PhraseSet> = OnceLock::new();
    S.get_or_init(|| {
        PhraseSet::new(
            lists()
                .exceptions
                .iter()
                .chain(lists().organisations)
                .copied(),
        )
    })
}

/// Known organisation names, for every rule that must not read a name as a word.
pub fn organisations() -> &'static PhraseSet {
    static S: OnceLock<PhraseSet> = OnceLock::new();
    S.get_or_init(|| PhraseSet::new(lists().organisations.iter().copied()))
}

/// A coded word found in a segment: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodedWord {
    /// First token.
    pub first: usize,
    /// Last token (inclusive; more than `first` for compounds).
    pub last: usize,
    /// The entry it matched.
    pub entry: &'static Entry,
}

/// Coded words in a token list, each counted once, boilerplate excluded.
pub fn coded_words(toks: &[Token]) -> Vec<CodedWord> {
    let ex = Cover::new(exceptions().find_all(toks));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while toks.get(j + 1).is_some_and(|t| t.hyphen_before) {
            j += 1;
        }
        let found = compound(toks, i, j).map(|e| (i, j, e)).or_else(|| {
            let t = &toks[i];
            entry_by_keys(&t.lower, t.key, t.base_key).map(|e| (i, i, e))
        });
        let next = match found {
            Some((a, b, _)) if a != b => b + 1,
            _ => i + 1,
        };
        if let Some((first, last, entry)) = found {
            let hit = super::super::text::Hit {
                first,
                last,
                item: 0,
            };
            if !ex.covers(&hit) {
                out.push(CodedWord { first, last, entry });
            }
        }
        i = next;
    }
    out
}

/// A hyphenated compound `toks[i..=j]` matched whole, then without its hyphens (stems only).
fn compound(toks: &[Token], i: usize, j: usize) -> Option<&'static Entry> {
    if j == i {
        return None;
    }
    let parts: Vec<&str> = toks[i..=j].iter().map(|t| t.lower.as_str()).collect();
    let whole = parts.join("-");
    entry_for(&whole).or_else(|| {
        let joined = parts.concat();
        entries().iter().find(|e| e.stem && e.matches(&joined))
    })
}

/// The job title's pairs of neighbouring words, lower-case ("technical support",
/// "support specialist"): where the body names the job, its words are the title, not a
/// description of the candidate. A run of the body equal to a run of two or more title
/// words is exactly a chain of such pairs, so the pairs are all [`not_prose`] needs,
/// and a long title costs no more than its length.
fn title_phrases(ctx: &Ctx<'_>) -> TitlePairs {
    let mut pairs = TitlePairs::new();
    if let Some(p) = ctx.prep.iter().find(|p| p.seg.kind == SegKind::Title) {
        for w in p.toks.windows(2) {
            let next = pairs.entry(w[0].lower.clone()).or_default();
            next.insert(w[1].lower.clone());
        }
    }
    pairs
}

/// Title words, each with the words that follow it in the title.
pub(crate) type TitlePairs = HashMap<String, HashSet<String>>;

/// Per token of a segment: true when it is not the segment's own prose: part of the job
/// title, a proper name (capitalised mid-sentence), or inside a web or email address.
pub(crate) fn not_prose(p: &Prepared<'_>, title: &TitlePairs) -> Vec<bool> {
    let mut skip: Vec<bool> = (0..p.toks.len()).map(|i| p.proper_name_at(i)).collect();
    for (a, b) in p.address_spans() {
        for i in p.toks_within(a, b) {
            skip[i] = true;
        }
    }
    if !title.is_empty() {
        for (i, w) in p.toks.windows(2).enumerate() {
            let pair = title.get(w[0].lower.as_str());
            if pair.is_some_and(|next| next.contains(w[1].lower.as_str())) {
                skip[i] = true;
                skip[i + 1] = true;
            }
        }
    }
    skip
}

/// The verdict for a difference feminine − masculine.
pub fn verdict(feminine: usize, masculine: usize) -> &'static str {
    let diff = feminine as i64 - masculine as i64;
    match diff {
        0 => "neutral",
        1..=3 => "feminine-coded",
        d if d > 3 => "strongly feminine-coded",
        -3..=-1 => "masculine-coded",
        _ => "strongly masculine-coded",
    }
}

/// Reports each coded word and the verdict.
pub fn check(ctx: &mut Ctx<'_>) {
    let mut counts = (0usize, 0usize);
    let mut hits = Vec::new();
    let title = title_phrases(ctx);
    for (si, p) in ctx.prep.iter().enumerate() {
        if p.seg.kind == SegKind::Title {
            continue;
        }
        let words = coded_words(p.toks);
        if words.is_empty() {
            continue;
        }
        let skip = not_prose(p, &title);
        for w in words {
            let text = p.tok_text(w.first, w.last);
            if ctx.cfg.allows(&text) || (w.first..=w.last).any(|i| skip[i]) {
                continue;
            }
            match w.entry.coding {
                Coding::Feminine => counts.0 += 1,
                Coding::Masculine => counts.1 += 1,
            }
            hits.push((si, w, text));
        }
    }
    for (si, w, text) in hits {
        let mut r = Report::new(format!(
            "\"{text}\" is {}-coded (Gaucher, Friesen & Kay 2011: {})",
            w.entry.coding.word(),
            w.entry.printed
        ));
        let lower = text.to_lowercase();
        let alternatives = &lists().alternatives;
        if let Some(alt) = alternatives.iter().find(|a| lower.starts_with(a.coded)) {
            r = r.help(format!("consider {}", alt.say));
        }
        ctx.at_tokens(RuleId::GenderCoded, si, w.first, w.last, r);
    }
    let (fem, masc) = counts;
    if fem + masc == 0 {
        return;
    }
    let v = verdict(fem, masc);
    let r = Report::new(format!(
        "wording is {v}: {fem} feminine-coded and {masc} masculine-coded words (Gaucher, Friesen & Kay 2011)"
    ));
    let r = if v.contains("masculine") {
        r.help("masculine-coded postings appeal less to women; swap some masculine-coded words for neutral ones")
    } else {
        r
    };
    ctx.at_doc(RuleId::GenderBalance, r);
}

#[cfg(test)]
mod tests;
