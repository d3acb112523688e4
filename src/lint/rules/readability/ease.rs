//! `reading-ease` for German and French: Flesch's reading ease as adapted to each
//! language, with syllables counted the way each language writes them.
//!
//! - German, Amstad (1978): 180 − ASL − 58.5 × ASW.
//! - French, Kandel & Moles (1958): 207 − 1.015 × ASL − 73.6 × ASW.
//!
//! ASL is words per sentence, ASW syllables per word; both give Flesch's 0–100 scale
//! (higher is easier). The threshold per language is `src/lint/data/ease.toml`, with
//! its source. Prose is what `reading-grade` grades: paragraphs and sentence-like
//! bullets; fewer than 30 prose words are not scored.

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::super::data;
use super::super::super::lang::Lang;
use super::super::{Ctx, Report, RuleId};
use super::{TextStats, is_prose, is_word};

/// `src/lint/data/ease.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    de: Band,
    fr: Band,
}

/// One language's formula name and threshold.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Band {
    /// The formula as messages name it.
    #[serde(deserialize_with = "data::text")]
    formula: data::Text,
    /// Prose scoring below this is reported.
    min: f64,
    /// The band below the threshold, as the scale names it.
    #[serde(deserialize_with = "data::text")]
    band: data::Text,
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| data::load("ease"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = file();
}

/// The reading ease of `s` in `lang`; `None` for English (graded by Flesch–Kincaid)
/// or without words.
pub fn score(lang: Lang, s: &TextStats) -> Option<f64> {
    if s.words == 0 || s.sentences == 0 {
        return None;
    }
    let asl = s.words as f64 / s.sentences as f64;
    let asw = s.syllables as f64 / s.words as f64;
    match lang {
        Lang::De => Some(180.0 - asl - 58.5 * asw),
        Lang::Fr => Some(207.0 - 1.015 * asl - 73.6 * asw),
        Lang::En => None,
    }
}

/// Syllables of a German or French word (English has its own count in
/// [`super::syllables`]): groups of vowels, where German splits a pair of vowels that
/// is not one sound ("The-a-ter", "Si-tu-a-ti-on") and French drops a final mute "e"
/// or "es" ("é-qui-pe" is two). "u" after "q" is part of the consonant in both.
pub fn syllables(lang: Lang, word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .take(40)
        .collect();
    let vowel = |i: usize| is_vowel(lang, w[i]) && !(w[i] == 'u' && i > 0 && w[i - 1] == 'q');
    let end = match lang {
        Lang::Fr => mute_ending(&w),
        _ => w.len(),
    };
    let mut count = 0;
    let mut i = 0;
    while i < end {
        if !vowel(i) {
            i += 1;
            continue;
        }
        count += 1;
        let mut j = i + 1;
        while j < end && vowel(j) {
            // In German a vowel pair is one sound only when it is a diphthong or a
            // long vowel; otherwise the next vowel starts a syllable.
            if lang == Lang::De && !one_sound(w[j - 1], w[j]) {
                count += 1;
            }
            j += 1;
        }
        i = j;
    }
    count.max(1)
}

fn is_vowel(lang: Lang, c: char) -> bool {
    match lang {
        Lang::De => "aeiouyäöü".contains(c),
        _ => "aeiouyàâäéèêëîïôöùûüœæ".contains(c),
    }
}

/// German vowel pairs read as one sound: diphthongs and doubled or lengthened vowels.
fn one_sound(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('a', 'i')
            | ('a', 'u')
            | ('a', 'y')
            | ('ä', 'u')
            | ('e', 'i')
            | ('e', 'u')
            | ('e', 'y')
            | ('i', 'e')
            | ('a', 'a')
            | ('e', 'e')
            | ('o', 'o')
    )
}

/// Where a French word's sounded letters end: a final "e" or "es" after a consonant is
/// mute when another vowel comes before it ("équipe", "postes"; "le" keeps its "e").
fn mute_ending(w: &[char]) -> usize {
    let n = w.len();
    let cut = if w.ends_with(&['e', 's']) {
        n - 2
    } else if w.ends_with(&['e']) {
        n - 1
    } else {
        return n;
    };
    // "-que", "-gue": the "u" is part of the consonant ("bou-tique", "lan-gue").
    let silent_u = cut >= 2 && w[cut - 1] == 'u' && matches!(w[cut - 2], 'q' | 'g');
    let after_consonant = cut > 0 && (!is_vowel(Lang::Fr, w[cut - 1]) || silent_u);
    let vowel_before = w[..cut].iter().any(|c| is_vowel(Lang::Fr, *c));
    if after_consonant && vowel_before {
        cut
    } else {
        n
    }
}

/// Reports German or French prose whose reading ease is below the language's threshold.
pub fn check(ctx: &mut Ctx<'_>) {
    let lang = ctx.lang;
    let band = match lang {
        Lang::De => &file().de,
        Lang::Fr => &file().fr,
        Lang::En => return,
    };
    let mut total = TextStats::default();
    let mut hardest: Option<(usize, f64)> = None;
    for (si, p) in ctx.prep.iter().enumerate().filter(|(_, p)| is_prose(p)) {
        let words: Vec<&str> = p
            .toks
            .iter()
            .filter(|t| is_word(t))
            .map(|t| t.lower.as_str())
            .collect();
        let s = TextStats {
            words: words.len(),
            sentences: if words.is_empty() {
                0
            } else {
                p.sentences.len().max(1)
            },
            syllables: words.iter().map(|w| syllables(lang, w)).sum(),
        };
        total.add(s);
        if let Some(e) = score(lang, &s) {
            if s.words >= 10 && hardest.is_none_or(|(_, h)| e < h) {
                hardest = Some((si, e));
            }
        }
    }
    let Some(ease) = score(lang, &total) else {
        return;
    };
    if total.words < 30 || ease >= band.min {
        return;
    }
    let r = Report::new(format!(
        "prose scores {ease:.0} on {} ({}); aim for {:.0} or more",
        band.formula, band.band, band.min
    ))
    .help("use shorter sentences and shorter words; the hardest paragraph starts here");
    match hardest {
        Some((si, _)) => {
            let seg = ctx.prep[si].seg;
            ctx.at_segment(RuleId::ReadingEase, seg, r);
        }
        None => ctx.at_doc(RuleId::ReadingEase, r),
    }
}
