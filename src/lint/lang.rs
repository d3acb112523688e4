//! The language a posting is written in, as lint needs it: which word lists, headings,
//! readability formula and stemmer apply.
//!
//! Where it comes from, first found wins (see [`super::lint`]): `--lang` or the
//! configuration's `lang`; the posting's own word (a TOML posting's resolved locale, a
//! front matter `lang`, `language` or `locale` key, `<html lang>`); else a detector on the
//! text. The detector counts function words ("und", "der", "le", "et", "the"), which
//! every sentence of a language has and which rarely cross over; it answers only for
//! text long enough to count and clearly in one language. Short or mixed text is
//! [`None`], and lint then reads it as English, as it did before it knew other
//! languages, so an English posting never loses a check to a shaky guess.

use super::text::WordMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::text::Token;

/// A language lint has data for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// German.
    De,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in the order data files list them.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::De, Lang::Fr];

    /// The ISO 639-1 code ("de").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language's English name, as messages say it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "German",
            Lang::Fr => "French",
        }
    }

    /// The language of a BCP 47 tag or a bare code ("de-AT", "fr_CA", "FR", "german"):
    /// the tag's first part. `None` for a language lint has no data for.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let first = tag
            .trim()
            .split(['-', '_', '.'])
            .next()?
            .to_ascii_lowercase();
        match first.as_str() {
            "en" | "eng" | "english" => Some(Lang::En),
            "de" | "deu" | "ger" | "german" | "deutsch" => Some(Lang::De),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::from_tag(s).ok_or_else(|| format!("unknown language \"{s}\" (en, de, fr)"))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Function words counted per language. Words two languages share ("in", "die" is
/// English too, "de" is Dutch and French) are left out or kept only where the other
/// language rarely uses them; each list is the commonest closed-class words of its
/// language (articles, pronouns, conjunctions, prepositions, auxiliaries).
const FUNCTION_WORDS: &[(Lang, &[&str])] = &[
    (
        Lang::En,
        &[
            "the", "and", "of", "to", "you", "with", "for", "our", "your", "is", "are", "we",
            "will", "be", "this", "that", "on", "or", "have", "who", "an", "as", "from", "at",
            "by", "it", "can", "their", "what",
        ],
    ),
    (
        Lang::De,
        &[
            "und", "der", "die", "das", "den", "dem", "mit", "für", "sie", "ihr", "ihre", "ihren",
            "ihrer", "wir", "uns", "unser", "unsere", "unserem", "ist", "sind", "eine", "einer",
            "einen", "einem", "ein", "zu", "auf", "bei", "von", "oder", "auch", "nicht", "im",
            "zum", "zur", "werden", "wird", "haben", "sich",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le", "la", "les", "et", "des", "du", "un", "une", "vous", "votre", "vos", "nous",
            "notre", "nos", "est", "sont", "pour", "avec", "dans", "sur", "au", "aux", "qui",
            "que", "ou", "en", "par", "ce", "cette", "ses", "son", "sa", "être", "avez", "de", "à",
            "aux", "il", "elle", "ne", "pas", "se", "sommes", "êtes",
        ],
    ),
];

/// Function words a text must have before the detector answers: fewer is too little to
/// tell a German job title from an English one.
const MIN_FUNCTION_WORDS: usize = 8;

/// The winner's share of the counted function words must be at least this: a posting
/// half English, half German is mixed, not German.
const MIN_SHARE: f64 = 0.7;

fn function_words() -> &'static WordMap<Lang> {
    static MAP: OnceLock<WordMap<Lang>> = OnceLock::new();
    MAP.get_or_init(|| {
        WordMap::new(
            FUNCTION_WORDS
                .iter()
                .flat_map(|(lang, words)| words.iter().map(move |w| (*w, *lang))),
        )
    })
}

/// How many of the first [`MAX_TOKENS`] tokens are function words of each language,
/// in the order of [`Lang::ALL`]. Looked up by the key each token carries: this runs
/// twice on every posting.
fn count_function_words<'a>(tokens: impl IntoIterator<Item = &'a Token>) -> [usize; 3] {
    let map = function_words();
    let mut counts = [0usize; 3];
    for t in tokens.into_iter().take(MAX_TOKENS) {
        if let Some(lang) = map.get(t) {
            counts[*lang as usize] += 1;
        }
    }
    counts
}

/// Tokens the detector reads at most: a posting's first few hundred words settle its
/// language, and a long one should not cost more.
const MAX_TOKENS: usize = 600;

/// The language of text given as tokens (lower-cased, as [`super::text::tokenize`]
/// gives them), or `None` when the text is short or mixed.
pub fn detect<'a>(tokens: impl IntoIterator<Item = &'a Token>) -> Option<Lang> {
    let counts = count_function_words(tokens);
    let total: usize = counts.iter().sum();
    let (best, n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let share = *n as f64 / total.max(1) as f64;
    (total >= MIN_FUNCTION_WORDS && share >= MIN_SHARE).then(|| Lang::ALL[best])
}

/// Function words a short text needs before [`lean`] answers.
const MIN_LEANING_WORDS: usize = 3;

/// The language of a text too short for [`detect`], when every function word it has
/// (at least [`MIN_LEANING_WORDS`]) is of one language and `spoken` says that language
/// is written where the job is: "Zubereitung der Gerichte ... 2.600 Euro brutto im
/// Monat" for a job in Freiburg is German, though five function words settle nothing
/// on their own. English is never the answer: a text too short to tell is read as
/// English already, and saying it is known would hold a short English posting in
/// Quebec to the Charter on a handful of words.
pub fn lean<'a>(
    tokens: impl IntoIterator<Item = &'a Token>,
    spoken: impl Fn(Lang) -> bool,
) -> Option<Lang> {
    let counts = count_function_words(tokens);
    let total: usize = counts.iter().sum();
    let best = Lang::ALL
        .iter()
        .copied()
        .find(|l| counts[*l as usize] == total)?;
    (total >= MIN_LEANING_WORDS && best != Lang::En && spoken(best)).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::text::tokenize;

    fn lang_of(s: &str) -> Option<Lang> {
        detect(&tokenize(s))
    }

    #[test]
    fn tells_german_french_and_english_apart() {
        let de = "Wir suchen für unser Team in Berlin eine Kassiererin oder einen Kassierer. \
                  Sie beraten unsere Kundschaft und sind für die Kasse zuständig.";
        let fr = "Nous recherchons pour notre magasin de Lyon un vendeur ou une vendeuse. \
                  Vous accueillez les clients et vous gérez la caisse avec l'équipe.";
        let en = "We are looking for a cashier to join our team in Leeds. You will serve \
                  customers and look after the till with the rest of the team.";
        assert_eq!(lang_of(de), Some(Lang::De));
        assert_eq!(lang_of(fr), Some(Lang::Fr));
        assert_eq!(lang_of(en), Some(Lang::En));
    }

    #[test]
    fn short_or_mixed_text_is_unknown() {
        assert_eq!(lang_of("Kassierer (m/w/d)"), None);
        assert_eq!(lang_of("Vendeur / Vendeuse H/F"), None);
        let mixed = "We are looking for a cashier and you will work with the team. \
                     Wir suchen für unser Team eine Kassiererin und sie ist bei uns.";
        assert_eq!(lang_of(mixed), None);
    }

    #[test]
    fn a_short_text_leans_to_the_one_language_of_its_few_function_words() {
        let german = tokenize("Zubereitung der Gerichte. Pflege der Küche. 2.600 Euro im Monat.");
        let everywhere = |_: Lang| true;
        assert_eq!(detect(&german), None);
        assert_eq!(lean(&german, everywhere), Some(Lang::De));
        // Only where the language is written.
        assert_eq!(lean(&german, |l| l == Lang::En), None);
        let english = tokenize("Visit the stores and take their orders for the week.");
        assert_eq!(lean(&english, everywhere), None);
        // Two function words, or two languages, settle nothing.
        assert_eq!(lean(&tokenize("Koch der Küche"), everywhere), None);
        let mixed = tokenize("Zubereitung der Gerichte und the menu of the day");
        assert_eq!(lean(&mixed, everywhere), None);
    }

    #[test]
    fn tags_name_their_language() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("fr_CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("es-ES"), None);
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert!("xx".parse::<Lang>().is_err());
    }
}
