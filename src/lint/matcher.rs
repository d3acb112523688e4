//! The word matcher the wording rules share: listed words and phrases found the way a
//! reader finds them, not as exact strings.
//!
//! - **One form per word**: words are compared lower case and stemmed (the Snowball
//!   stemmer of the language, via `rust-stemmers`), so "GURUS" is "guru" and
//!   "Rockstars" is "rockstar". Words under four letters are compared whole ("his" is
//!   not "hi").
//! - **Compounds either way**: a one-word entry also matches the same word split in two
//!   ("Super Stars", "rock-star" are "superstar", "rockstar").
//! - **Phrases with room to breathe**: the parts of a phrase may have punctuation and up
//!   to two small words between them ("work hard / play hard", "we're a close-knit
//!   family"), never a sentence end.
//! - **Scope**: [`Matcher::negated`] says when a negation governs a match ("we are not
//!   looking for rockstars"); [`Matcher::about_applicant`] whether a word marked as
//!   needing a subject check is about the applicant rather than the employer, its
//!   market or the people the job serves ("a young team", "young patients"), and
//!   [`Matcher::pronoun_for_applicant`] whether a pronoun is ("our founder … his").
//!
//! The engine knows no English: the stemmer and the small words, negations and subject
//! words are `src/lint/data/matcher.toml`, one table per language.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Deserialize;

use super::data;
use super::facts::Prepared;
use super::lang::Lang as Language;
use super::text::{FastMap, Token, strip_possessive};

/// One language's table in `src/lint/data/matcher.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LangData {
    stemmer: String,
    #[serde(deserialize_with = "data::words")]
    plural_suffixes: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    gap_words: &'static [&'static str],
    /// Gap words that join two words qualifying one noun: after one, a word of any
    /// kind may stand between a phrase's parts too ("gepflegtes und freundliches
    /// Auftreten").
    #[serde(deserialize_with = "data::words")]
    coordinators: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    negators: &'static [&'static str],
    /// Words that deny a term after it in its clause ("Von Bewerbungsfotos bitten wir
    /// abzusehen").
    #[serde(default, deserialize_with = "data::words")]
    negators_after: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    clause_breaks: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    applicant: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    employer: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    served: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    specific_person: &'static [&'static str],
    /// Verbs of seeking: after one, the words of the clause describe the person
    /// sought, though the employer speaks ("we are looking for talented young
    /// programmers").
    #[serde(default, deserialize_with = "data::words")]
    seeking: &'static [&'static str],
}

/// `src/lint/data/matcher.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    en: LangData,
    de: LangData,
    fr: LangData,
}

/// A language: its stemmer and scope words.
pub struct Lang {
    /// Index of the language's cache of keys.
    id: usize,
    stemmer: Stemmer,
    words: &'static LangData,
}

/// The keys of a word (see [`Lang::keys`]).
type Keys = Rc<[String]>;

thread_local! {
    /// Per thread and language, the keys of every word seen: postings repeat their
    /// words, and a stemmer call costs more than a table probe.
    static KEYS: RefCell<Vec<FastMap<String, Keys>>> = const { RefCell::new(Vec::new()) };
}

/// Words a thread's cache holds before it starts again (a bound on memory).
const KEYS_MAX: usize = 200_000;

/// How many words either side of a match the scope checks (clause, sentence, the
/// person a pronoun stands for) look at. A clause or sentence longer than this is
/// not one a reader takes in at once, and the bound keeps a posting of one endless
/// sentence, with a match every few words, linear rather than quadratic.
const REACH: usize = 64;

/// What ends a clause between two words.
const CLAUSE_MARKS: [char; 8] = [',', ';', ':', '.', '!', '?', '(', ')'];

/// Is one of `marks` between tokens `a` and `b` (exclusive of both)? Read in place:
/// scope checks run per match, and a string per check would dominate them.
fn gap_has(p: &Prepared<'_>, a: usize, b: usize, marks: &[char]) -> bool {
    p.chars
        .get(p.toks[a].end..p.toks[b].start)
        .is_some_and(|gap| gap.iter().any(|c| marks.contains(c)))
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| data::load("matcher"))
}

/// English, the language postings are linted in today.
pub fn english() -> &'static Lang {
    static EN: OnceLock<Lang> = OnceLock::new();
    EN.get_or_init(|| {
        let words = &file().en;
        Lang {
            id: 0,
            stemmer: Stemmer::create(algorithm(&words.stemmer)),
            words,
        }
    })
}

/// The matcher's data for a posting language: its stemmer and scope words.
pub fn for_language(language: Language) -> &'static Lang {
    static DE: OnceLock<Lang> = OnceLock::new();
    static FR: OnceLock<Lang> = OnceLock::new();
    let make = |id: usize, words: &'static LangData| Lang {
        id,
        stemmer: Stemmer::create(algorithm(&words.stemmer)),
        words,
    };
    match language {
        Language::En => english(),
        Language::De => DE.get_or_init(|| make(1, &file().de)),
        Language::Fr => FR.get_or_init(|| make(2, &file().fr)),
    }
}

/// The Snowball algorithm a data file names (English when it names none we know; the
/// data tests check every name).
fn algorithm(name: &str) -> Algorithm {
    match name {
        "german" => Algorithm::German,
        "french" => Algorithm::French,
        "dutch" => Algorithm::Dutch,
        "spanish" => Algorithm::Spanish,
        "italian" => Algorithm::Italian,
        "portuguese" => Algorithm::Portuguese,
        _ => Algorithm::English,
    }
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    assert_eq!(file().en.stemmer, "english");
    assert_eq!(file().de.stemmer, "german");
    assert_eq!(file().fr.stemmer, "french");
    let _ = english();
    let _ = for_language(Language::De);
    let _ = for_language(Language::Fr);
}

impl Lang {
    /// The form a word is compared in: lower case without a possessive, stemmed when it
    /// has four letters or more.
    pub fn key(&self, lower: &str) -> String {
        let w = strip_possessive(lower);
        if w.chars().count() < 4 {
            return w.to_string();
        }
        // A stem under four letters says too little ("manned" would be "man").
        let stem = self.stemmer.stem(w);
        if stem.chars().count() < 4 {
            w.to_string()
        } else {
            stem.into_owned()
        }
    }

    /// The word's key and the keys of the word without a plural ending the stemmer
    /// keeps ("gurus" is "guru"), from the thread's cache.
    fn keys(&self, lower: &str) -> Keys {
        KEYS.with(|cell| {
            let mut all = cell.borrow_mut();
            if all.len() <= self.id {
                all.resize_with(self.id + 1, FastMap::default);
            }
            let cache = &mut all[self.id];
            if let Some(k) = cache.get(lower) {
                return k.clone();
            }
            if cache.len() >= KEYS_MAX {
                cache.clear();
            }
            let k: Keys = self.fresh_keys(lower).into();
            cache.insert(lower.to_string(), k.clone());
            k
        })
    }

    /// [`Lang::keys`], computed.
    fn fresh_keys(&self, lower: &str) -> Vec<String> {
        let mut out = vec![self.key(lower)];
        // The stemmer took an ending off: the plural is folded already.
        if out[0].len() < strip_possessive(lower).len() {
            return out;
        }
        for suffix in self.words.plural_suffixes {
            if let Some(one) = lower
                .strip_suffix(suffix)
                .filter(|w| w.chars().count() >= 3)
            {
                let k = self.key(one);
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    }

    fn has(list: &[&str], w: &str) -> bool {
        list.contains(&w)
    }

    /// Does `word` (lower case) join two words ("and", "oder", "ou")?
    pub fn is_coordinator(&self, word: &str) -> bool {
        Lang::has(self.words.coordinators, word)
    }

    /// Does `word` (lower case) name people the job serves ("children", "patients")?
    pub fn names_served(&self, word: &str) -> bool {
        Lang::has(self.words.served, word)
    }
}

/// One part of a listed phrase.
#[derive(Debug, Clone)]
enum Part {
    /// Compared by [`Lang::key`] (the key, then the word as listed).
    Word(String, String),
    /// A stem written with a trailing `*`: any word starting with it.
    Prefix(String),
}

/// A match of entry `item` over tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Index of the entry.
    pub item: usize,
}

/// A compiled word list.
pub struct Matcher {
    lang: &'static Lang,
    entries: Vec<Vec<Part>>,
    /// Entries by the key of their first word.
    by_first: FastMap<String, Vec<usize>>,
    /// One-word entries by the word as listed, for compounds written in two ("Super
    /// Stars"): matched as written, not stemmed, so "you the" is never "youthful".
    whole: FastMap<String, Vec<usize>>,
    /// The keys of `whole`, sorted: a pair of tokens is joined only when some listed
    /// word starts with the first ("super" for "superstar").
    whole_sorted: Vec<String>,
    /// Entries whose first part is a prefix.
    prefixed: Vec<usize>,
    /// The first four letters of every first word and of its key, packed by [`head`],
    /// as a cheap filter: most tokens start no entry and are never stemmed (a Snowball
    /// stem keeps a word's first four letters, but for a final "y" made "i", which the
    /// word's own head covers).
    heads: Vec<u64>,
}

/// Is a token with the same key as a listed word that word inflected, not a word
/// the stemmer merely folds with it? Its first letters must be the listed word's but
/// for the last two ("families" for "family"; "presented" is not "presentable").
fn same_word(token: &str, listed: &str) -> bool {
    let need = listed.chars().count().saturating_sub(2);
    token
        .chars()
        .zip(listed.chars())
        .take_while(|(a, b)| a == b)
        .count()
        >= need
}

/// How many leading chars [`head`] keeps.
const HEAD: usize = 4;

/// The first [`HEAD`] chars of a word packed in a number (no allocation per token).
fn head(w: &str) -> u64 {
    w.chars()
        .take(HEAD)
        .fold(0, |acc, c| (acc << 16) ^ u64::from(c))
}

impl Matcher {
    /// Compiles phrases ("rockstar", "work hard play hard", "lead*").
    pub fn new<'a>(lang: &'static Lang, phrases: impl IntoIterator<Item = &'a str>) -> Matcher {
        let mut m = Matcher {
            lang,
            entries: Vec::new(),
            by_first: FastMap::default(),
            whole: FastMap::default(),
            whole_sorted: Vec::new(),
            prefixed: Vec::new(),
            heads: Vec::new(),
        };
        for phrase in phrases {
            let parts: Vec<Part> = phrase
                .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ','))
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let lower = w.to_lowercase().replace('’', "'");
                    match lower.strip_suffix('*') {
                        Some(stem) => Part::Prefix(stem.to_string()),
                        None => Part::Word(lang.key(&lower), lower),
                    }
                })
                .collect();
            let idx = m.entries.len();
            if parts.len() == 1 && !phrase.contains([' ', '-', '*']) {
                m.whole.entry(phrase.to_lowercase()).or_default().push(idx);
            }
            match parts.first() {
                Some(Part::Word(k, _)) => {
                    m.by_first.entry(k.clone()).or_default().push(idx);
                    let first = phrase
                        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | ','))
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    m.heads.push(head(&first));
                    m.heads.push(head(k));
                }
                Some(Part::Prefix(_)) => m.prefixed.push(idx),
                None => {}
            }
            m.entries.push(parts);
        }
        m.heads.sort();
        m.heads.dedup();
        m.whole_sorted = m.whole.keys().cloned().collect();
        m.whole_sorted.sort();
        m
    }

    /// Could token `t` start an entry? (Before any stemming.)
    fn may_start(&self, t: &Token) -> bool {
        !self.prefixed.is_empty() || self.heads.binary_search(&head(&t.lower)).is_ok()
    }

    /// Every match, the longest at each place, none overlapping.
    pub fn find(&self, p: &Prepared<'_>) -> Vec<Found> {
        let toks = p.toks;
        let mut out: Vec<Found> = Vec::new();
        // One buffer of candidates for the whole segment: most tokens start none.
        let mut cands: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            cands.clear();
            self.candidates_at(p, i, &mut cands);
            let best = cands
                .iter()
                .filter_map(|&(e, next)| {
                    let last = self.rest(p, &self.entries[e][1..], next)?;
                    Some(Found {
                        first: i,
                        last,
                        item: e,
                    })
                })
                .max_by_key(|f| (f.last, usize::MAX - f.item));
            match best {
                Some(f) => {
                    out.push(f);
                    i = f.last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The entries whose first part matches token `i`, each with the token their
    /// second part starts at.
    fn candidates_at(&self, p: &Prepared<'_>, i: usize, cands: &mut Vec<(usize, usize)>) {
        let toks = p.toks;
        let t = &toks[i];
        // A match never starts inside a hyphenated compound ("cloud-native").
        if t.hyphen_before || !self.may_start(t) {
            return;
        }
        // Short words are their own key: no stemming, no allocation.
        let short = t.lower.len() < HEAD;
        let found = |k: &str| self.by_first.get(k).into_iter().flatten();
        if short {
            cands.extend(found(&t.lower).map(|&e| (e, i + 1)));
        } else {
            for k in self.lang.keys(&t.lower).iter() {
                for &e in found(k) {
                    let listed = match self.entries[e].first() {
                        Some(Part::Word(_, w)) => w.as_str(),
                        _ => "",
                    };
                    if same_word(&t.lower, listed) && !cands.contains(&(e, i + 1)) {
                        cands.push((e, i + 1));
                    }
                }
            }
        }
        if let Some(w) = self.joined(p, i) {
            let forms = self.lang.words.plural_suffixes.iter();
            let stems = forms.filter_map(|s| w.strip_suffix(s));
            for form in stems.chain([w.as_str()]) {
                let entries = self.whole.get(form).into_iter().flatten();
                cands.extend(entries.map(|&e| (e, i + 2)));
            }
        }
        for &e in &self.prefixed {
            if let Some(Part::Prefix(pre)) = self.entries[e].first() {
                if t.lower.starts_with(pre.as_str()) {
                    cands.push((e, i + 1));
                }
            }
        }
    }

    /// Tokens `i` and `i + 1` written as one word ("Super Stars", "rock-star"),
    /// when nothing but a space or hyphen separates them; its forms without a plural
    /// ending are looked up too.
    fn joined(&self, p: &Prepared<'_>, i: usize) -> Option<String> {
        let (a, b) = (p.toks.get(i)?, p.toks.get(i + 1)?);
        let gap = p.chars.get(a.end..b.start).unwrap_or_default();
        if !(gap == [' '] || gap == ['-']) || Lang::has(self.lang.words.gap_words, &b.lower) {
            return None;
        }
        let from = self
            .whole_sorted
            .partition_point(|w| w.as_str() < a.lower.as_str());
        let listed = self
            .whole_sorted
            .get(from)
            .is_some_and(|w| w.len() > a.lower.len() && w.starts_with(a.lower.as_str()));
        if !listed {
            return None;
        }
        Some(format!("{}{}", a.lower, b.lower))
    }

    /// Matches the remaining parts from token `j` on: the last token, or `None`.
    fn rest(&self, p: &Prepared<'_>, parts: &[Part], mut j: usize) -> Option<usize> {
        let toks = p.toks;
        let mut last = j.checked_sub(1)?;
        for part in parts {
            let mut skipped = 0;
            let mut after_coordinator = false;
            loop {
                let t = toks.get(j)?;
                if self.sentence_break(p, last, j) {
                    return None;
                }
                if self.part_matches(part, t) {
                    break;
                }
                // Up to two small words between the parts of a phrase, or a
                // coordinated word after "and" ("well-groomed and friendly manner").
                let word = match self.gap_word(p, j) {
                    Some(w) => w,
                    None if after_coordinator => self.compound_end(p, j),
                    None => return None,
                };
                after_coordinator = word == j && Lang::has(self.lang.words.coordinators, &t.lower);
                skipped += 1;
                if skipped > 2 {
                    return None;
                }
                last = word;
                j = word + 1;
            }
            last = j;
            j += 1;
        }
        // A phrase of several words never ends inside a compound ("we're a
        // family-owned bakery" is not "we're a family").
        let cut = !parts.is_empty() && toks.get(last + 1).is_some_and(|t| t.hyphen_before);
        (!cut).then_some(last)
    }

    fn part_matches(&self, part: &Part, t: &Token) -> bool {
        match part {
            Part::Word(k, word) => {
                same_word(&t.lower, word) && self.lang.keys(&t.lower).contains(k)
            }
            Part::Prefix(pre) => t.lower.starts_with(pre.as_str()),
        }
    }

    /// If token `j` (with the hyphenated words after it: "close-knit") is a small word
    /// that may stand inside a phrase, its last token.
    fn gap_word(&self, p: &Prepared<'_>, j: usize) -> Option<usize> {
        let end = self.compound_end(p, j);
        // One word is its token's lower case; a hyphenated one ("close-knit") is read
        // from the text.
        let word: Cow<'_, str> = if end == j {
            Cow::Borrowed(&p.toks[j].lower)
        } else {
            Cow::Owned(p.slice(p.toks[j].start, p.toks[end].end).to_lowercase())
        };
        Lang::has(self.lang.words.gap_words, &word).then_some(end)
    }

    /// The last token of the hyphenated word token `j` starts ("close-knit").
    fn compound_end(&self, p: &Prepared<'_>, j: usize) -> usize {
        let mut end = j;
        while p.toks.get(end + 1).is_some_and(|t| t.hyphen_before) {
            end += 1;
        }
        end
    }

    /// Does a sentence end (or a blank line) lie between tokens `a` and `b`?
    fn sentence_break(&self, p: &Prepared<'_>, a: usize, b: usize) -> bool {
        if b == 0 || a >= b {
            return false;
        }
        let gap = p
            .chars
            .get(p.toks[a].end..p.toks[b].start)
            .unwrap_or_default();
        // A single line break inside a paragraph is a wrapped line, not a break.
        gap_has(p, a, b, &['.', '!', '?', ';', ':', '(', ')'])
            || gap.windows(2).any(|w| w == ['\n', '\n'])
    }

    /// The first token of the clause around token `i`: the clause does not reach back
    /// across a comma, semicolon, colon, sentence end or a "but", nor more than
    /// [`REACH`] words.
    fn clause_start(&self, p: &Prepared<'_>, i: usize) -> usize {
        let toks = p.toks;
        let breaks = |a: usize, b: usize| gap_has(p, a, b, &CLAUSE_MARKS);
        let stop = |k: usize| Lang::has(self.lang.words.clause_breaks, &toks[k].lower);
        let mut first = i;
        while first > 0 && i - first < REACH && !breaks(first - 1, first) && !stop(first - 1) {
            first -= 1;
        }
        first
    }

    /// Is the match at `f` denied by a negation up to four words before it in its
    /// clause ("we are not looking for rockstars", "no ninjas")?
    pub fn negated(&self, p: &Prepared<'_>, f: &Found) -> bool {
        let start = self.clause_start(p, f.first);
        let w = self.lang.words;
        // A negation four words back, not counting the other items of a list the
        // match closes ("not looking for rockstars or ninjas").
        let mut reach = 4;
        let before = (start..f.first).rev().any(|k| {
            if reach == 0 {
                return false;
            }
            let word = p.toks[k].lower.as_str();
            reach = if Lang::has(w.coordinators, word) {
                (reach + 1).min(8)
            } else {
                reach - 1
            };
            Lang::has(w.negators, word)
        });
        let after = || {
            (f.last + 1..p.toks.len())
                .take_while(|&k| !gap_has(p, k - 1, k, &CLAUSE_MARKS))
                .take(REACH)
                .any(|k| Lang::has(self.lang.words.negators_after, &p.toks[k].lower))
        };
        before || (!self.lang.words.negators_after.is_empty() && after())
    }

    /// Is the word at `f` (an adjective such as "young" or "energetic") about the
    /// applicant? Not when the words right after it name the employer, its market or
    /// the people served ("young, dynamic team", "young patients"), nor when its clause
    /// is about "we"/"our"; yes when its sentence speaks of the applicant ("you",
    /// "candidates", "someone", "join"). With neither, the word alone is weak evidence
    /// and is not reported.
    pub fn about_applicant(&self, p: &Prepared<'_>, f: &Found) -> bool {
        let toks = p.toks;
        let w = self.lang.words;
        let after = (f.last + 1..toks.len())
            .take_while(|&k| !self.sentence_break(p, k - 1, k))
            .take(4);
        for k in after {
            let word = toks[k].lower.as_str();
            if Lang::has(w.employer, word) || Lang::has(w.served, word) {
                return false;
            }
            // "young candidates": the word describes the applicant, whoever speaks.
            if Lang::has(w.applicant, word) {
                return true;
            }
            // "college aged programmers/students": of two nouns given as alternatives
            // the first says whom the words describe; the sentence decides the rest.
            if toks
                .get(k + 1)
                .is_some_and(|n| p.slice(toks[k].end, n.start) == "/")
            {
                break;
            }
        }
        let start = self.clause_start(p, f.first);
        // The employer speaking of itself ("we are a young team"), unless it goes on
        // to say whom it seeks ("we are looking for young programmers").
        let ours = (start..f.first).rev().find_map(|k| {
            let word = toks[k].lower.as_str();
            match word {
                "we" | "we're" | "our" | "us" => Some(true),
                _ if Lang::has(w.seeking, word) => Some(false),
                _ => None,
            }
        }) == Some(true);
        let (from, to) = p.sentence_at(toks[f.first].start);
        // The sentence's words within reach of the match.
        let sentence = p.toks_within(from, to);
        let near = sentence.start.max(f.first.saturating_sub(REACH))
            ..sentence.end.min(f.last + REACH + 1).max(sentence.start);
        let applicant = toks
            .get(near)
            .unwrap_or_default()
            .iter()
            .any(|t| Lang::has(w.applicant, &t.lower));
        applicant && !ours
    }

    /// Is the pronoun at token `i` about the applicant? Not when the nearest person
    /// named before it, in its sentence or the one before, is someone in particular: a
    /// name ("Freddie … his background") or a role held by one person ("work with the
    /// product manager and agree a plan with her").
    pub fn pronoun_for_applicant(&self, p: &Prepared<'_>, i: usize) -> bool {
        let toks = p.toks;
        let w = self.lang.words;
        // A posting that says "you" to the applicant means someone else by "he" in
        // the same sentence ("He will train you").
        if second_person_in_sentence(p, i) {
            return false;
        }
        // A pronoun before it is the same person ("He will report to the chef; his
        // shift…"): the walk goes on from there, within one budget of words, so a
        // chain of pronouns costs no more than one walk.
        let mut budget = REACH;
        let mut i = i;
        'pronoun: loop {
            // The sentence before the pronoun's, and its own.
            let from = p.previous_sentence_start(toks[i].start);
            // Found only when a person is: most pronouns never need it.
            let clause_start = std::cell::OnceCell::new();
            // Nearest first: a mention of the applicant makes it theirs, and a named
            // person or a one-person role in its own clause makes it theirs ("work with
            // the product manager and agree a plan with her"); one in an earlier clause
            // only when nothing nearer says otherwise.
            let mut someone_else = false;
            for k in (0..i).rev().take_while(|&k| toks[k].start >= from) {
                if budget == 0 {
                    break;
                }
                budget -= 1;
                let word = toks[k].lower.as_str();
                if is_pronoun(word) {
                    i = k;
                    continue 'pronoun;
                }
                if Lang::has(w.applicant, word) {
                    // "reasons specific to a male applicant tilt the balance in his
                    // favour": the sex is stated, the pronoun assumes nothing.
                    let sexed = k > 0 && matches!(toks[k - 1].lower.as_str(), "male" | "female");
                    // Nearest first: a person named nearer than the applicant
                    // ("…report to the Head Chef. He will…") is who it means.
                    return !someone_else && !sexed;
                }
                // Names: words written as a name somewhere in the paragraph ("Freddie"
                // opening a sentence is the Freddie named mid-sentence elsewhere).
                let named = p.capitalised(&toks[k]) && p.names().contains(word);
                if Lang::has(w.specific_person, word) || p.proper_name_at(k) || named {
                    if k >= *clause_start.get_or_init(|| self.clause_start(p, i)) {
                        return false;
                    }
                    someone_else = true;
                }
            }
            return !someone_else;
        }
    }
}

/// Does the sentence of token `i` address the reader ("you", "your")?
fn second_person_in_sentence(p: &Prepared<'_>, i: usize) -> bool {
    let at = p.toks[i].start;
    let Some(s) = p.sentences.iter().find(|s| s.start <= at && at < s.end) else {
        return false;
    };
    p.toks[p.toks_within(s.start, s.end)].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "you" | "your" | "you'll" | "you're" | "yourself" | "yours" | "you've" | "you'd"
        )
    })
}

/// A third-person pronoun that names a sex.
pub fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" | "he's" | "she's"
    )
}

#[cfg(test)]
mod tests;
