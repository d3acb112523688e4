//! Facts extracted from a posting's text: pay, benefits, deadline, how to apply,
//! location, remote, experience asked and seniority.
//!
//! The extractors are deliberately conservative: a money amount only counts as pay when it
//! sits in the pay section, carries a period ("/hr", "per year") or has a pay word in its
//! sentence, and never when it is a bonus, budget or revenue figure. The rules read the
//! result from [`Facts`]; TOML postings may fill `Facts` from structured fields instead.

use crate::text::FastSet;
use std::sync::OnceLock;

use super::doc::{Facts, Loc, PayFacts, Section, SegKind, Segment};
use super::text::{Hit, KeySig, PhraseSet, Span, Token, WordMap, sentences, tokenize_chars};

mod date;
mod jobs;
mod money;
mod place;

#[cfg(test)]
pub(crate) use money::data_loads as money_data_loads;
#[cfg(test)]
pub(crate) use place::data_loads as places_data_loads;

pub use money::{Money, names_pay_grade, scan_money};
use money::{find_pay, settle_currency};
use place::locate;
pub use place::{Place, Region, place_span, regions};

/// A segment's text split into chars, words and sentences: the work every extractor
/// and rule shares, done once per segment.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// The text as chars (offsets in tokens and matches index this).
    pub chars: Vec<char>,
    /// Its words.
    pub toks: Vec<Token>,
    /// Its sentences (see [`sentences`]).
    pub sentences: Vec<Span>,
    /// Its words' phrase-filter bits.
    sig: KeySig,
    /// The words written as a name somewhere in it (see [`Prepared::names`]), found
    /// when first asked.
    names: OnceLock<FastSet<String>>,
}

/// Equal when made from the same text: the cache of names is not part of the value.
impl PartialEq for Analysed {
    fn eq(&self, other: &Self) -> bool {
        (&self.chars, &self.toks, &self.sentences) == (&other.chars, &other.toks, &other.sentences)
    }
}

impl Analysed {
    /// Splits a text.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize_chars(&chars);
        let sentences = sentences(&chars);
        Analysed {
            chars,
            sig: KeySig::of(&toks),
            toks,
            sentences,
            names: OnceLock::new(),
        }
    }

    /// Was this made from `text`?
    pub fn is_for(&self, text: &str) -> bool {
        self.chars.iter().copied().eq(text.chars())
    }
}

/// Splits every segment.
pub fn analyse(segments: &[Segment]) -> Vec<Analysed> {
    segments.iter().map(|s| Analysed::new(&s.text)).collect()
}

/// A segment with its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Prepared<'a> {
    /// The segment.
    pub seg: &'a Segment,
    /// Its text as chars (offsets in tokens and matches index this).
    pub chars: &'a [char],
    /// Its words.
    pub toks: &'a [Token],
    /// Its sentences.
    pub sentences: &'a [Span],
    sig: &'a KeySig,
    names: &'a OnceLock<FastSet<String>>,
}

/// Pairs segments with their analyses.
pub fn prepare<'a>(segments: &'a [Segment], analysed: &'a [Analysed]) -> Vec<Prepared<'a>> {
    segments
        .iter()
        .zip(analysed)
        .map(|(seg, a)| Prepared {
            seg,
            chars: &a.chars,
            toks: &a.toks,
            sentences: &a.sentences,
            sig: &a.sig,
            names: &a.names,
        })
        .collect()
}

impl<'a> Prepared<'a> {
    /// `set`'s matches in the segment, the longest at each place (see
    /// [`PhraseSet::find`]); none at once when no phrase of the set can start here.
    pub fn find(&self, set: &PhraseSet) -> Vec<Hit> {
        if set.may_start_in(self.sig) {
            set.find(self.toks)
        } else {
            Vec::new()
        }
    }

    /// Every match of `set` in the segment (see [`PhraseSet::find_all`]).
    pub fn find_all(&self, set: &PhraseSet) -> Vec<Hit> {
        if set.may_start_in(self.sig) {
            set.find_all(self.toks)
        } else {
            Vec::new()
        }
    }

    /// Where the sentence before the one holding `start` begins (or that sentence's
    /// own start, for the first): the reach of a pronoun's look back for its noun.
    pub fn previous_sentence_start(&self, start: usize) -> usize {
        match self.sentences.partition_point(|s| s.start <= start) {
            0 => 0,
            k => self.sentences[(k - 1).saturating_sub(1)].start,
        }
    }

    /// The text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        self.chars
            .get(start.min(end)..end)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// The tokens lying wholly within chars `from..to`, found by binary search
    /// (tokens are in text order): rules look at a sentence's words per match.
    pub fn toks_within(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let a = self.toks.partition_point(|t| t.start < from);
        let b = self.toks.partition_point(|t| t.end <= to).max(a);
        a..b
    }

    /// The sentence holding char `at` as `(start, end)`, or the whole segment when no
    /// sentence does; found by binary search (sentences are in text order).
    pub fn sentence_at(&self, at: usize) -> (usize, usize) {
        match self.sentences.partition_point(|s| s.start <= at) {
            0 => None,
            k => Some(self.sentences[k - 1]),
        }
        .filter(|s| at < s.end.max(s.start + 1))
        .map_or((0, self.chars.len()), |s| (s.start, s.end))
    }

    /// The words of the sentence holding char `at` (the whole segment when no sentence
    /// does).
    pub fn sentence_words(&self, at: usize) -> &'a [Token] {
        let (start, end) = self.sentence_at(at);
        &self.toks[self.toks_within(start, end)]
    }

    /// A token as written.
    pub fn word(&self, t: &Token) -> String {
        self.slice(t.start, t.end)
    }

    /// Is the token written exactly `text` (case kept)? Compares in place: called
    /// on every word, it must not build a string for each.
    pub fn word_is(&self, t: &Token, text: &str) -> bool {
        self.chars
            .get(t.start..t.end)
            .is_some_and(|w| w.iter().copied().eq(text.chars()))
    }

    /// Does the token start with a capital letter?
    pub fn capitalised(&self, t: &Token) -> bool {
        self.chars.get(t.start).is_some_and(|c| c.is_uppercase())
    }

    /// The words (lower case) written as a proper name somewhere in the segment
    /// ([`Prepared::proper_name_at`]): "Freddie" opening a sentence is the Freddie
    /// named mid-sentence elsewhere. Found once per segment, as rules ask per match.
    pub fn names(&self) -> &'a FastSet<String> {
        self.names.get_or_init(|| {
            (0..self.toks.len())
                .filter(|&k| self.proper_name_at(k))
                .map(|k| self.toks[k].lower.clone())
                .collect()
        })
    }

    /// Is token `i` a proper name by its looks: capitalised (not all capitals) in the
    /// middle of a sentence of a paragraph or bullet ("Ernst & Young", "the Armed Forces",
    /// "Yield Reports"). Headings and titles are written in title case, so capitals there
    /// say nothing; the first word of a sentence, a bullet or a label ("Lead: …") is not
    /// a name either.
    pub fn proper_name_at(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !matches!(self.seg.kind, SegKind::Prose | SegKind::Bullet) || !self.capitalised(t) {
            return false;
        }
        let letters = || {
            self.chars[t.start..t.end]
                .iter()
                .filter(|c| c.is_alphabetic())
        };
        if letters().count() > 1 && letters().all(|c| c.is_uppercase()) {
            return false;
        }
        let before = self.chars[..t.start]
            .iter()
            .rev()
            .take_while(|c| **c != '\n')
            .find(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '"' | '“' | '‘' | '\''));
        // A word that starts a line starts an item of a list written without bullets
        // ("Oven Masters\nDudes and Babes to…"), as a word after a full stop does.
        before.is_some_and(|c| {
            !matches!(c, '.' | '!' | '?' | ':' | ';' | '(' | '-' | '–' | '—' | '•')
        })
    }

    /// Char ranges of web addresses and email addresses in the text: words inside them
    /// ("…/leaders-can-benefit-from…") are not prose.
    pub fn address_spans(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        let c = self.chars;
        while i < c.len() {
            if c[i].is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < c.len() && !c[i].is_whitespace() && !matches!(c[i], '<' | '>' | '"') {
                i += 1;
            }
            let w = &c[start..i];
            let www = w.len() > 4
                && w[..4]
                    .iter()
                    .map(char::to_ascii_lowercase)
                    .eq("www.".chars());
            if !www && !w.iter().any(|c| matches!(c, '/' | '@')) {
                continue;
            }
            let word: String = w.iter().collect();
            let lower = word.to_ascii_lowercase();
            let is_addr = lower.contains("://")
                || lower.starts_with("www.")
                || (word.contains('@') && word.contains('.'))
                || bare_domain_path(&lower);
            if is_addr {
                out.push((start, i));
            }
        }
        out
    }

    /// The text of tokens `first..=last`, as written.
    pub fn tok_text(&self, first: usize, last: usize) -> String {
        match (self.toks.get(first), self.toks.get(last)) {
            (Some(a), Some(b)) => self.slice(a.start, b.end),
            _ => String::new(),
        }
    }
}

/// "example.gov.uk/careers": a dotted host followed by a path.
fn bare_domain_path(word: &str) -> bool {
    let Some(slash) = word.find('/') else {
        return false;
    };
    let host = &word[..slash];
    host.split('.').count() >= 2
        && host.split('.').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

pub use date::parse as parse_date;

/// Everything [`Facts`] holds, from the segments' text.
pub fn extract_facts(segments: &[Segment]) -> Facts {
    facts_from(segments, &analyse(segments))
}

/// [`extract_facts`] from segments already analysed.
pub fn facts_from(segments: &[Segment], analysed: &[Analysed]) -> Facts {
    let prep = prepare(segments, analysed);
    let mut facts = Facts {
        pay: find_pay(&prep),
        has_benefits: has_benefits(&prep),
        has_deadline: has_deadline(&prep),
        dated: prep
            .iter()
            .any(|p| p.seg.section != Section::Apply && has_date(p)),
        has_apply: has_apply(&prep),
        posted_on: date::posted_on(&prep),
        closes_on: closes_on(&prep),
        pay_grade: prep.iter().any(names_pay_grade),
        states_ai_screening: states_ai_screening(&prep),
        states_vacancy: states_vacancy(&prep),
        ..Facts::default()
    };
    locate(&prep, &mut facts);
    facts.experience_months = prep
        .iter()
        .flat_map(experience_asks)
        .map(|a| a.months)
        .max();
    facts.entry_level = is_entry_level(&prep);
    facts.commission = prep.iter().any(|p| {
        p.toks
            .iter()
            .any(|t| t.lower.starts_with("commission") || (t.lower == "ote" && p.word_is(t, "OTE")))
    });
    settle_currency(&mut facts);
    facts.jobs = jobs::jobs(&prep);
    facts
}

// ---------------------------------------------------------------------------------------
// Benefits, deadline, apply

/// The word lists, from `src/lint/data/facts.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Words that describe benefits.
    #[serde(deserialize_with = "super::data::words")]
    benefits: &'static [&'static str],
    /// Words that introduce an application deadline.
    #[serde(deserialize_with = "super::data::words")]
    deadline: &'static [&'static str],
    /// Words that make "by <date>" an application deadline.
    #[serde(deserialize_with = "super::data::words")]
    deadline_by_verbs: &'static [&'static str],
    /// Words that say how to apply.
    #[serde(deserialize_with = "super::data::words")]
    apply: &'static [&'static str],
    /// Words in a title that mark an entry-level role.
    #[serde(deserialize_with = "super::data::words")]
    entry_title_words: &'static [&'static str],
    /// Phrases in the body that mark an entry-level role.
    #[serde(deserialize_with = "super::data::words")]
    entry_phrases: &'static [&'static str],
    /// Month names and short forms.
    #[serde(deserialize_with = "super::data::words")]
    months: &'static [&'static str],
    /// Numbers as words, from zero.
    #[serde(deserialize_with = "super::data::words")]
    number_words: &'static [&'static str],
    /// "years" and its forms.
    #[serde(deserialize_with = "super::data::words")]
    year_words: &'static [&'static str],
    /// "months".
    #[serde(deserialize_with = "super::data::words")]
    month_words: &'static [&'static str],
    /// Words before the date applications start to be read.
    #[serde(deserialize_with = "super::data::words")]
    review_start: &'static [&'static str],
    /// "old", "ago": "N years" is not an ask.
    #[serde(deserialize_with = "super::data::words")]
    not_experience: &'static [&'static str],
    /// The last word of a line that names a job ("Engineer").
    #[serde(deserialize_with = "super::data::words")]
    job_nouns: &'static [&'static str],
    /// Small words inside a job's name ("of", "and").
    #[serde(deserialize_with = "super::data::words")]
    job_name_connectors: &'static [&'static str],
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| super::data::load("facts"))
}

/// The lists read for every token, as maps: month names, and number words with their
/// values.
fn per_token() -> &'static (WordMap<()>, WordMap<u32>) {
    static MAPS: OnceLock<(WordMap<()>, WordMap<u32>)> = OnceLock::new();
    MAPS.get_or_init(|| {
        let l = lists();
        let months = WordMap::new(l.months.iter().map(|m| (*m, ())));
        let numbers = l.number_words.iter().zip(0..).map(|(w, n)| (*w, n));
        (months, WordMap::new(numbers))
    })
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = lists();
}

/// Whether the text of `segments` makes Ontario's two statements (whether AI
/// screens applicants, whether the vacancy exists), read as [`facts_from`] reads
/// them in a rendered posting: a posting file may give them as fields or write
/// them in its own words, and lint must find them either way.
pub fn statements_in(segments: &[Segment], analysed: &[Analysed]) -> (bool, bool) {
    let prep = prepare(segments, analysed);
    (states_ai_screening(&prep), states_vacancy(&prep))
}

/// A sentence that names AI ("AI", "artificial intelligence") and screening,
/// assessing or selecting applicants: the statement Ontario asks postings for.
fn states_ai_screening(prep: &[Prepared<'_>]) -> bool {
    prep.iter().any(|p| {
        let words = |w: &[&str]| {
            p.toks
                .iter()
                .any(|t| w.iter().any(|x| t.lower.starts_with(x)))
        };
        let ai = p.toks.iter().any(|t| p.word_is(t, "AI"))
            || p.toks
                .windows(2)
                .any(|w| w[0].lower == "artificial" && w[1].lower == "intelligence");
        ai && words(&["screen", "assess", "select"])
    })
}

/// "existing vacancy" or "existing position": whether the posting fills a
/// vacancy that exists now, said either way.
fn states_vacancy(prep: &[Prepared<'_>]) -> bool {
    prep.iter().any(|p| {
        p.toks.windows(2).any(|w| {
            w[0].lower == "existing"
                && matches!(w[1].lower.as_str(), "vacancy" | "position" | "role")
        })
    })
}

fn has_benefits(prep: &[Prepared<'_>]) -> bool {
    // A heading names a section, it describes nothing: "Pay and benefits" over
    // pay alone is no description of benefits.
    prep.iter()
        .filter(|p| p.seg.kind != SegKind::Heading)
        .any(|p| p.seg.section == Section::Benefits || names_benefits(p))
}

/// Does the segment name a benefit ("health insurance", "pension")?
pub(super) fn names_benefits(p: &Prepared<'_>) -> bool {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    let set = SET.get_or_init(|| PhraseSet::new(lists().benefits.iter().copied()));
    !p.find(set).is_empty()
}

/// True when the segment contains a calendar date: "March 15", "15 March",
/// "2026-03-15" or "3/15/2026".
pub fn has_date(p: &Prepared<'_>) -> bool {
    let day = |t: Option<&Token>| {
        t.is_some_and(|t| day_of_month(t.lower.trim_end_matches(|c: char| c.is_alphabetic())))
    };
    let worded = p.toks.iter().enumerate().any(|(i, t)| {
        per_token().0.contains(t) && (day(p.toks.get(i + 1)) || (i > 0 && day(p.toks.get(i - 1))))
    });
    worded || numeric_date(p)
}

/// "2026-03-15" or "3/15/2026": three numbers joined by `-` (ISO) or `/` (US).
fn numeric_date(p: &Prepared<'_>) -> bool {
    let digits = |t: &Token| t.lower.bytes().all(|b| b.is_ascii_digit());
    let joined = |a: &Token, b: &Token, sep: char| p.chars.get(a.end..b.start) == Some(&[sep][..]);
    p.toks.windows(3).any(|w| {
        let (a, b, c) = (&w[0], &w[1], &w[2]);
        if !(digits(a) && digits(b) && digits(c)) || b.lower.len() > 2 {
            return false;
        }
        let iso =
            a.lower.len() == 4 && c.lower.len() <= 2 && joined(a, b, '-') && joined(b, c, '-');
        let us = a.lower.len() <= 2
            && (2..=4).contains(&c.lower.len())
            && joined(a, b, '/')
            && joined(b, c, '/');
        iso || us
    })
}

/// The phrases that introduce a deadline ("apply by", "closing date").
fn deadline_phrases() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(lists().deadline.iter().copied()))
}

fn has_deadline(prep: &[Prepared<'_>]) -> bool {
    let set = deadline_phrases();
    prep.iter().any(|p| {
        has_date(p)
            && (p.seg.section == Section::Apply
                || !p.find(set).is_empty()
                || by_date_to_apply(p).is_some())
    })
}

/// Is `digits` a day of the month ("3", "30")?
fn day_of_month(digits: &str) -> bool {
    digits.len() <= 2 && digits.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n))
}

/// The token after "by" in a sentence that asks for an application by a date ("Send
/// a short note to hiring@example.com by June 30"): a month name or a day and a month
/// follow "by", and a word of applying stands in the same segment.
fn by_date_to_apply(p: &Prepared<'_>) -> Option<usize> {
    let months = &per_token().0;
    let month_at = |i: usize| p.toks.get(i).is_some_and(|t| months.contains(t));
    let day_at = |i: usize| p.toks.get(i).is_some_and(|t| day_of_month(&t.lower));
    let at = p.toks.iter().enumerate().position(|(i, t)| {
        t.lower == "by" && (month_at(i + 1) || (day_at(i + 1) && month_at(i + 2)))
    })?;
    let verbs = lists().deadline_by_verbs;
    p.toks
        .iter()
        .any(|t| verbs.contains(&t.lower.as_str()))
        .then_some(at + 1)
}

/// The date after a deadline phrase ("apply by Friday, January 30, 2015 at 5pm"), else
/// after the words that say when applications start to be read.
fn closes_on(prep: &[Prepared<'_>]) -> Option<String> {
    static REVIEW: OnceLock<PhraseSet> = OnceLock::new();
    let review = REVIEW.get_or_init(|| PhraseSet::new(lists().review_start.iter().copied()));
    // A deadline, else the date applications start to be read: both come after the
    // posting was published.
    let date_at = |p: &Prepared<'_>, i: usize| {
        let after = p.toks.get(i)?;
        date::parse(&p.slice(after.start, p.chars.len()))
    };
    [deadline_phrases(), review]
        .into_iter()
        .find_map(|set| {
            prep.iter().find_map(|p| {
                let mut hits = p.find(set).into_iter();
                hits.find_map(|hit| date_at(p, hit.last + 1))
            })
        })
        .or_else(|| prep.iter().find_map(|p| date_at(p, by_date_to_apply(p)?)))
}

fn has_apply(prep: &[Prepared<'_>]) -> bool {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    let set = SET.get_or_init(|| PhraseSet::new(lists().apply.iter().copied()));
    prep.iter().any(|p| {
        (p.seg.section == Section::Apply && p.seg.kind != SegKind::Heading)
            || !p.find(set).is_empty()
    })
}

// ---------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------
// Experience and seniority

/// An experience ask ("3+ years of experience") in a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExperienceAsk {
    /// First char of the number.
    pub start: usize,
    /// One past "years"/"months".
    pub end: usize,
    /// The ask in months.
    pub months: u32,
}

/// Is the token a unit of time an experience ask counts in ("years", "months")? The
/// first byte is looked up first: the question is asked of every token.
fn is_time_unit(t: &Token) -> bool {
    static FIRSTS: OnceLock<[bool; 256]> = OnceLock::new();
    let l = lists();
    let units = || l.year_words.iter().chain(l.month_words);
    let firsts = FIRSTS.get_or_init(|| {
        let mut table = [false; 256];
        units().for_each(|w| table[usize::from(w.as_bytes()[0])] = true);
        table
    });
    let first = t.lower.as_bytes().first().copied().unwrap_or(0);
    firsts[usize::from(first)] && units().any(|w| *w == t.lower)
}

/// The experience ceilings of a segment, as (first token, last token).
pub fn ceilings(p: &Prepared<'_>) -> Vec<(usize, usize)> {
    (0..p.toks.len())
        .filter_map(|i| experience_ceiling_at(p, i))
        .collect()
}

/// A cap on years of experience, at the number token `i`: "no more than 5 years of
/// experience", "a maximum of 3 years' experience", "höchstens 3 Jahre
/// Berufserfahrung", "pas plus de 2 ans d'expérience": (first token, last token).
fn experience_ceiling_at(p: &Prepared<'_>, i: usize) -> Option<(usize, usize)> {
    const CAPS: &[&[&str]] = &[
        &["no", "more", "than"],
        &["not", "more", "than"],
        &["at", "most"],
        &["maximum", "of"],
        &["maximum"],
        &["max"],
        &["höchstens"],
        &["maximal"],
        &["nicht", "mehr", "als"],
        &["pas", "plus", "de"],
        &["au", "plus"],
        &["maximum", "de"],
    ];
    let toks = p.toks;
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    // The unit first: asked of every token, and most are followed by none.
    if !matches!(
        word(i + 1),
        "years" | "year" | "yrs" | "jahre" | "jahren" | "ans" | "an"
    ) {
        return None;
    }
    small_number(toks.get(i)?)?;
    let cap = CAPS.iter().find(|c| {
        c.len() <= i
            && c.iter()
                .enumerate()
                .all(|(k, w)| word(i - c.len() + k) == *w)
    })?;
    // "Less than 2 years of experience" is left alone: postings say it to invite
    // people in as often as to keep them out.
    // Experience must be what is counted, within three words ("5 years of relevant
    // experience", "3 Jahre Berufserfahrung", "2 ans d'expérience").
    let end = (i + 2..toks.len().min(i + 5)).find(|&k| {
        let w = word(k);
        w.starts_with("experience") || w.ends_with("erfahrung") || w.starts_with("expérience")
    })?;
    Some((i - cap.len(), end))
}

fn small_number(t: &Token) -> Option<u32> {
    if let Some(n) = per_token().1.get(t) {
        return Some(*n);
    }
    t.lower.parse::<u32>().ok().filter(|n| *n <= 50)
}

/// Experience asks in a segment: a number, optionally "+" or "-N"/"to N", then
/// years/months, counted when "experience" follows closely or the segment lists
/// skills or qualifications. Ages ("18 years or older") and history ("10 years ago",
/// "25 years in business") are not asks.
/// A ceiling ("no more than 4 years of experience") asks for none: it is `age-coded`.
pub fn experience_asks(p: &Prepared<'_>) -> Vec<ExperienceAsk> {
    let qual = matches!(p.seg.section, Section::Skills | Section::Qualifications);
    let mut out = Vec::new();
    // No ask without a unit of time: most segments name none.
    if !p.toks.iter().any(is_time_unit) {
        return out;
    }
    let mut i = 0;
    while i < p.toks.len() {
        let t = &p.toks[i];
        i += 1;
        let Some(n) = small_number(t) else { continue };
        if experience_ceiling_at(p, i - 1).is_some() {
            continue;
        }
        // "within the last 3 years", "over the past 5 years": a window of time, not
        // time asked for.
        let before = i.checked_sub(2).map_or("", |k| p.toks[k].lower.as_str());
        if matches!(before, "last" | "past" | "next" | "first") {
            continue;
        }
        let mut j = i;
        // "3-5 years", "3 to 5 years": the ask is the lower figure.
        if p.toks.get(j).is_some_and(|u| u.lower == "to")
            && p.toks.get(j + 1).and_then(small_number).is_some()
        {
            j += 2;
        } else if p.toks.get(j).and_then(small_number).is_some()
            && matches!(p.slice(t.end, p.toks[j].start).trim(), "-" | "–" | "—")
        {
            j += 1;
        } else if p.toks.get(j).is_some_and(|u| u.lower == "or")
            && p.toks.get(j + 1).is_some_and(|u| u.lower == "more")
        {
            j += 2;
        } else if p.toks.get(j).is_some_and(|u| u.lower == "plus") {
            j += 1;
        }
        let Some(unit) = p.toks.get(j) else { continue };
        let unit_is = |list: &[&str]| list.contains(&unit.lower.as_str());
        let per = if unit_is(lists().year_words) {
            12
        } else if unit_is(lists().month_words) {
            1
        } else {
            continue;
        };
        let next: Vec<&str> = p
            .toks
            .iter()
            .skip(j + 1)
            .take(4)
            .map(|t| t.lower.as_str())
            .collect();
        if next
            .iter()
            .take(2)
            .any(|w| lists().not_experience.contains(w))
        {
            continue;
        }
        let says_exp = next
            .iter()
            .any(|w| w.starts_with("experience") || *w == "exp");
        if says_exp || qual {
            out.push(ExperienceAsk {
                start: t.start,
                end: unit.end,
                months: n * per,
            });
            i = j + 1;
        }
    }
    out
}

fn is_entry_level(prep: &[Prepared<'_>]) -> bool {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    let set = SET.get_or_init(|| PhraseSet::new(lists().entry_phrases.iter().copied()));
    prep.iter().any(|p| {
        let title = p.seg.kind == SegKind::Title
            && p.toks
                .iter()
                .any(|t| lists().entry_title_words.contains(&t.lower.as_str()));
        title || !p.find(set).is_empty()
    })
}

/// Where `loc` would be if there is no better place: the title, else 1:1.
pub fn doc_start(segments: &[Segment]) -> Loc {
    segments
        .iter()
        .find(|s| s.kind == SegKind::Title)
        .map_or(Loc::new(1, 1), |s| s.loc)
}

#[cfg(test)]
mod tests;
