//! Positive, candidate-facing language.
//!
//! - `impersonal-voice`: "the ideal candidate", "the successful applicant", "candidates
//!   must"… where "you" would do (not "the applicant tracking system"); and, once per
//!   posting, "we" outnumbering "you" (Ongig, Datapeople: "you" at least as often as
//!   "we"), counted outside the company and equal-opportunity sections, from 5 "we"s up.
//! - `negative-phrasing`: "do not apply unless", "must not", "failure to", "don't
//!   hesitate"… where a positive form exists (but not "fail-safe" or "not required").
//! - `duplicate-bullet`: a bullet with the same words as an earlier one (case, punctuation
//!   and spacing ignored), or nearly the same (normalised Levenshtein similarity ≥ 0.9).

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::data;
use super::super::doc::{Section, SegKind};
use super::super::text::{Cover, PhraseSet};
use super::RuleId;
use super::{Ctx, Report};

/// The phrase lists, from `src/lint/data/voice.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the phrases come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Talk about the candidate where "you" would do.
    #[serde(deserialize_with = "data::words")]
    impersonal: &'static [&'static str],
    /// Phrases containing one of those that mean something else.
    #[serde(deserialize_with = "data::words")]
    impersonal_exceptions: &'static [&'static str],
    /// Negative phrasing and its positive form.
    negative: Vec<Negative>,
}

/// A negative phrase and the positive form to say instead.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    #[serde(deserialize_with = "data::text")]
    phrase: data::Text,
    #[serde(deserialize_with = "data::text")]
    say: data::Text,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| data::load("voice"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = lists();
}

fn sets() -> &'static (PhraseSet, PhraseSet, PhraseSet) {
    static S: OnceLock<(PhraseSet, PhraseSet, PhraseSet)> = OnceLock::new();
    S.get_or_init(|| {
        (
            PhraseSet::new(lists().impersonal.iter().copied()),
            PhraseSet::new(lists().impersonal_exceptions.iter().copied()),
            PhraseSet::new(lists().negative.iter().map(|n| n.phrase)),
        )
    })
}

/// Runs the voice checks.
pub fn check(ctx: &mut Ctx<'_>) {
    impersonal(ctx);
    we_versus_you(ctx);
    negative(ctx);
    duplicates(ctx);
}

fn impersonal(ctx: &mut Ctx<'_>) {
    let (set, exceptions, _) = sets();
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        let ex = Cover::new(p.find_all(exceptions));
        found.extend(
            p.find(set)
                .into_iter()
                .filter(|h| !ex.covers(h))
                .map(|h| (si, h.first, h.last, p.tok_text(h.first, h.last))),
        );
    }
    for (si, a, b, m) in found {
        let r = Report::new(format!("\"{m}\" talks about the reader; talk to them"))
            .help("address the reader as \"you\" (e.g. \"You have…\")");
        ctx.at_tokens(RuleId::ImpersonalVoice, si, a, b, r);
    }
}

fn we_versus_you(ctx: &mut Ctx<'_>) {
    let (mut we, mut you) = (0usize, 0usize);
    for p in &ctx.prep {
        if matches!(p.seg.section, Section::Company | Section::Eeo) {
            continue;
        }
        for t in p.toks {
            match t.lower.as_str() {
                "we" | "we're" | "we've" | "we'll" | "we'd" | "our" | "ours" | "us" => we += 1,
                "you" | "you're" | "you've" | "you'll" | "you'd" | "your" | "yours" => you += 1,
                _ => {}
            }
        }
    }
    if we >= 5 && we > you {
        let times = |n: usize| match n {
            0 => "never".to_string(),
            1 => "once".to_string(),
            n => format!("{n} times"),
        };
        let r = Report::new(format!(
            "the posting says \"we\"/\"our\" {} and \"you\"/\"your\" {}; write to the reader at least as often as about the company",
            times(we),
            times(you)
        ))
        .help("turn \"We need someone who…\" into \"You…\"");
        ctx.at_doc(RuleId::ImpersonalVoice, r);
    }
}

fn negative(ctx: &mut Ctx<'_>) {
    let (_, _, set) = sets();
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        found.extend(p.find(set).into_iter().map(|h| (si, h)));
    }
    for (si, h) in found {
        let Some(Negative { say: fix, .. }) = lists().negative.get(h.item) else {
            continue;
        };
        let m = ctx.prep[si].tok_text(h.first, h.last);
        let r = Report::new(format!("\"{m}\" is negative phrasing; say it positively")).help(*fix);
        ctx.at_tokens(RuleId::NegativePhrasing, si, h.first, h.last, r);
    }
}

/// Up to this many bullets, every pair is compared for near-duplicates.
const MAX_PAIRWISE: usize = 500;
/// Beyond [`MAX_PAIRWISE`], how many bullets before each one it is compared with.
const NEAR_WINDOW: usize = 20;
/// Bullets longer than this (in chars) are compared for exact repeats only: a bullet
/// that long is a paragraph, and edit distance costs the product of two lengths.
const MAX_FUZZY_CHARS: usize = 1000;
/// The edit-distance work (cells, the product of two bullets' lengths) one posting
/// may cost; past it, bullets are compared for exact repeats only. An ordinary
/// posting uses a small fraction of it; five hundred long, nearly equal bullets
/// would otherwise take minutes.
const FUZZY_BUDGET: usize = 50_000_000;

fn duplicates(ctx: &mut Ctx<'_>) {
    let bullets: Vec<(usize, Bullet)> = ctx
        .prep
        .iter()
        .enumerate()
        .filter(|(_, p)| p.seg.kind == SegKind::Bullet && p.toks.len() >= 2)
        .map(|(si, p)| (si, Bullet::new(p.toks)))
        .collect();
    // Every pair is compared in a posting of ordinary length; in one with
    // thousands of bullets (a hostile file) each is compared with the few
    // before it, and exact repeats are found through a map, so lint ends in
    // seconds however long the list.
    let window = match bullets.len() > MAX_PAIRWISE {
        true => NEAR_WINDOW,
        false => bullets.len(),
    };
    let mut seen: crate::text::FastMap<&str, usize> = Default::default();
    let mut found = Vec::new();
    let mut budget = FUZZY_BUDGET;
    for (k, (si, b)) in bullets.iter().enumerate() {
        let near = bullets[k.saturating_sub(window)..k]
            .iter()
            .find(|(_, other)| similar(b, other, &mut budget))
            .map(|(first, _)| *first);
        if let Some(first) = near.or_else(|| seen.get(b.text.as_str()).copied()) {
            found.push((*si, first));
        }
        seen.entry(b.text.as_str()).or_insert(*si);
    }
    for (si, first) in found {
        let line = ctx.prep[first].seg.loc.line;
        let r = Report::new(format!("bullet repeats the one on line {line}"))
            .help("remove it or merge the two");
        let seg = ctx.prep[si].seg;
        ctx.at_segment(RuleId::DuplicateBullet, seg, r);
    }
}

/// A bullet's words, normalised (lower case, single spaces, no punctuation).
struct Bullet {
    text: String,
    chars: usize,
    /// Its words' keys ([`crate::text::word_key`]), sorted, repeats kept.
    keys: Vec<u64>,
    /// The same keys without repeats, for the screen in [`similar`]. Sorted keys
    /// are compared by one merge per pair: hashing each word of each pair cost
    /// more than the rest of the check.
    distinct: Vec<u64>,
}

impl Bullet {
    fn new(toks: &[crate::text::Token]) -> Bullet {
        let text = toks
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut keys: Vec<u64> = toks.iter().map(|t| t.key).collect();
        keys.sort_unstable();
        let mut distinct = keys.clone();
        distinct.dedup();
        Bullet {
            chars: text.chars().count(),
            text,
            keys,
            distinct,
        }
    }

    /// How many of `other`'s words (repeats counted) are among this bullet's words.
    fn shared_with(&self, other: &Bullet) -> usize {
        let (mut i, mut n) = (0, 0);
        for k in &other.keys {
            while self.distinct.get(i).is_some_and(|d| d < k) {
                i += 1;
            }
            n += usize::from(self.distinct.get(i) == Some(k));
        }
        n
    }
}

/// Same words, or nearly (long enough that a one-word slip is not a different bullet),
/// while `budget` lasts for the edit distance (see [`FUZZY_BUDGET`]).
fn similar(a: &Bullet, b: &Bullet, budget: &mut usize) -> bool {
    if a.text == b.text {
        return true;
    }
    let (short, long) = (a.chars.min(b.chars), a.chars.max(b.chars));
    if short < 20 || long * 4 > short * 5 || long > MAX_FUZZY_CHARS {
        return false;
    }
    // Cheap screen before the quadratic edit distance: most words must be shared.
    if a.shared_with(b) * 2 < a.keys.len() {
        return false;
    }
    let Some(left) = budget.checked_sub(short * long) else {
        *budget = 0;
        return false;
    };
    *budget = left;
    strsim::normalized_levenshtein(&a.text, &b.text) >= 0.9
}

#[cfg(test)]
mod tests;
