//! Word-level text helpers shared by the document builder and the rules.
//!
//! Everything here works on `char` offsets, never byte offsets, so a match can be turned
//! into a `line:col` (columns count chars) and no slice can land inside a multi-byte
//! character. Letters are Unicode letters: "café" and "Müller" are one word each, unlike
//! tools that replace non-ASCII letters by spaces.
//!
//! Tokens are split at hyphens but remember that they were hyphen-joined, so phrase
//! patterns written with a hyphen or a space ("fast-paced") match both spellings, and the
//! gender matcher can still look at a hyphenated compound ("self-confident") as a whole.
//!
//! The abbreviations whose full stop does not end a sentence are data, `src/text.toml`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Chars between two checkpoints of a [`CharIndex`]: a conversion walks at most this
/// many chars.
const STRIDE: usize = 256;

/// Char/byte conversion for a whole text, built once. A position (a column counts
/// chars) is never found by counting from the start of its line per lookup: a posting
/// may be one line of megabytes with tens of thousands of positions on it.
pub struct CharIndex {
    /// Byte offsets of chars 0, STRIDE, 2·STRIDE…; empty when the text is ASCII (a
    /// char is a byte).
    checkpoints: Vec<usize>,
    len: usize,
}

impl CharIndex {
    /// The index of `text`.
    pub fn new(text: &str) -> CharIndex {
        let checkpoints = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .step_by(STRIDE)
                .map(|(b, _)| b)
                .collect()
        };
        CharIndex {
            checkpoints,
            len: text.len(),
        }
    }

    /// Chars of `text` (the text indexed) before byte offset `byte`, rounded down to a
    /// char boundary.
    pub fn chars_before(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.len);
        if self.checkpoints.is_empty() {
            return byte;
        }
        let k = self.checkpoints.partition_point(|&b| b <= byte) - 1;
        let from = self.checkpoints[k];
        let tail = text.as_bytes().get(from..byte).unwrap_or_default();
        // Counting char starts (bytes that are not UTF-8 continuation bytes) needs no
        // char boundary at `byte`.
        k * STRIDE + tail.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }

    /// Byte offset of 0-based char `n` of `text` (its length past the end).
    pub fn byte_of(&self, text: &str, n: usize) -> usize {
        if self.checkpoints.is_empty() {
            return n.min(self.len);
        }
        let Some(&from) = self.checkpoints.get(n / STRIDE) else {
            return self.len;
        };
        text.get(from..)
            .and_then(|rest| rest.char_indices().nth(n % STRIDE))
            .map_or(self.len, |(b, _)| from + b)
    }
}

/// FNV-1a. Phrase tables are keyed by short words, where SipHash's per-call setup costs
/// more than the hashing itself; there is no untrusted-key concern here.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with the [`Fnv`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A `HashSet` with the [`Fnv`] hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// The FNV-1a hash of a word: tokens carry it so that every phrase table can look a
/// token up without hashing its text again.
pub fn word_key(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}

/// Passes a `u64` key (already a hash) through unchanged.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyHash(u64);

impl Hasher for KeyHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Single words, each with a value, looked up by a token's [`Token::key`]: one probe
/// of a table keyed by the hash the token already carries, where a list of words would
/// compare the token with each. For lists read per token of every segment.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    map: HashMap<u64, (String, V), BuildHasherDefault<KeyHash>>,
}

impl<V> WordMap<V> {
    /// Builds the map (lower-case words); of two equal words the first is kept.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut map = HashMap::default();
        for (w, v) in words {
            map.entry(word_key(w)).or_insert_with(|| (w.to_string(), v));
        }
        WordMap { map }
    }

    /// The value of the token's word (compared in full, so a hash collision is no match).
    pub fn get(&self, t: &Token) -> Option<&V> {
        self.map
            .get(&t.key)
            .filter(|(w, _)| *w == t.lower)
            .map(|(_, v)| v)
    }

    /// Is the token's word in the map?
    pub fn contains(&self, t: &Token) -> bool {
        self.get(t).is_some()
    }
}

/// One word of a segment's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Char offset of the first char in the segment text.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Lower-cased, with typographic apostrophes made plain (`’` → `'`).
    pub lower: String,
    /// True when the word follows the previous one through a single hyphen ("fast-paced").
    pub hyphen_before: bool,
    /// [`word_key`] of `lower`.
    pub key: u64,
    /// [`word_key`] of `lower` without a possessive `'s` (equal to `key` when none).
    pub base_key: u64,
}

/// True for chars that make up words: Unicode letters and digits, plus combining accents
/// so that decomposed "é" (e + U+0301) does not split a word.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits text into word tokens (see [`tokenize_chars`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    tokenize_chars(&chars)
}

/// Splits chars into word tokens: maximal runs of word chars, keeping apostrophes that sit
/// between word chars ("you'll", "O’Brien") inside the word.
pub fn tokenize_chars(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.len() / 5 + 1);
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() {
            let c = chars[i];
            let inner_apostrophe = is_apostrophe(c)
                && i > start
                && chars.get(i + 1).copied().is_some_and(is_word_char);
            if inner_apostrophe && elided(&chars[start..i]) {
                // French elision: "d'Annecy" is "d'" and "Annecy".
                i += 1;
                break;
            }
            if is_word_char(c) || inner_apostrophe {
                i += 1;
            } else {
                break;
            }
        }
        let hyphen_before = start >= 2
            && is_hyphen(chars[start - 1])
            && out.last().is_some_and(|t: &Token| t.end == start - 1);
        let mut lower = String::with_capacity(i - start);
        for &c in &chars[start..i] {
            if is_apostrophe(c) {
                lower.push('\'');
            } else if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        let key = word_key(&lower);
        let base = strip_possessive(&lower);
        let base_key = if base.len() == lower.len() {
            key
        } else {
            word_key(base)
        };
        out.push(Token {
            start,
            end: i,
            lower,
            hyphen_before,
            key,
            base_key,
        });
    }
    out
}

/// Is `word`, with the apostrophe after it, a French elided word ("d'", "l'", "qu'")?
fn elided(word: &[char]) -> bool {
    const ELIDED: &[&str] = &[
        "d", "l", "qu", "j", "n", "s", "m", "t", "jusqu", "lorsqu", "puisqu",
    ];
    // Compared char by char: most words with an apostrophe ("you'll") are not elided,
    // and tokenising must not build a string for each.
    let lower = || word.iter().flat_map(|c| c.to_lowercase());
    word.len() <= 6 && ELIDED.iter().any(|e| e.chars().eq(lower()))
}

/// The word without a trailing possessive `'s` ("candidate's" → "candidate").
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").unwrap_or(word)
}

/// One word of a phrase pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatWord {
    /// Lower-case word.
    pub word: String,
    /// A stem (written with a trailing `*`): matches any word that starts with it.
    pub prefix: bool,
}

impl PatWord {
    /// Does this pattern word match the token?
    pub fn matches(&self, tok: &Token) -> bool {
        if self.prefix {
            tok.lower.starts_with(&self.word)
        } else {
            tok.lower == self.word || strip_possessive(&tok.lower) == self.word
        }
    }
}

/// Splits a phrase like `"fast-paced"` or `"work hard play hard"` or `"lead*"` into words.
pub fn compile(phrase: &str) -> Vec<PatWord> {
    phrase
        .split(|c: char| c.is_whitespace() || is_hyphen(c) || c == '/' || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_lowercase().replace('’', "'");
            match lower.strip_suffix('*') {
                Some(stem) => PatWord {
                    word: stem.to_string(),
                    prefix: true,
                },
                None => PatWord {
                    word: lower,
                    prefix: false,
                },
            }
        })
        .collect()
}

/// A match of pattern `item` covering tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token (inclusive).
    pub last: usize,
    /// Index of the pattern in the set.
    pub item: usize,
}

/// A set of phrase patterns indexed by their first word, so matching a segment costs one
/// hash lookup per token instead of one comparison per pattern.
#[derive(Debug, Default, Clone)]
pub struct PhraseSet {
    pats: Vec<Vec<PatWord>>,
    by_first: HashMap<u64, Vec<usize>, BuildHasherDefault<KeyHash>>,
    prefixed: Vec<usize>,
    /// A 2048-bit filter of first-word keys: most tokens start no pattern, and a bit test
    /// is cheaper than a hash-table probe.
    first_bits: [u64; 32],
}

/// The first-word filter bits of every word of a text (see [`PhraseSet`]): made once
/// per text, it tells a set that none of its phrases can start there without
/// looking at each word again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeySig([u64; 32]);

impl KeySig {
    /// The bits of every token's key, and of its key without a possessive.
    pub fn of(toks: &[Token]) -> KeySig {
        let mut bits = [0u64; 32];
        for t in toks {
            for key in [t.key, t.base_key] {
                let (w, bit) = key_bit(key);
                bits[w] |= bit;
            }
        }
        KeySig(bits)
    }
}

/// The word and bit of `key` in [`PhraseSet`]'s filter.
fn key_bit(key: u64) -> (usize, u64) {
    let k = (key >> 7) as usize;
    ((k >> 6) & 31, 1u64 << (k & 63))
}

impl PhraseSet {
    /// Builds the set; pattern `i` keeps index `i` in [`Hit::item`].
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = PhraseSet::default();
        for p in phrases {
            let words = compile(p);
            let idx = set.pats.len();
            if let Some(first) = words.first() {
                if first.prefix {
                    set.prefixed.push(idx);
                } else {
                    let key = word_key(&first.word);
                    let (w, bit) = key_bit(key);
                    set.first_bits[w] |= bit;
                    set.by_first.entry(key).or_default().push(idx);
                }
            }
            set.pats.push(words);
        }
        set
    }

    /// Every match of every pattern, overlapping ones included.
    pub fn find_all(&self, toks: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let maybe = |key: u64| {
            let (w, bit) = key_bit(key);
            self.first_bits[w] & bit != 0
        };
        let none: &[usize] = &[];
        for (i, tok) in toks.iter().enumerate() {
            let own = maybe(tok.key);
            let base = tok.base_key != tok.key && maybe(tok.base_key);
            if !own && !base && self.prefixed.is_empty() {
                continue;
            }
            let get = |hit: bool, key: u64| {
                if hit {
                    self.by_first.get(&key).map_or(none, Vec::as_slice)
                } else {
                    none
                }
            };
            let exact = get(own, tok.key).iter().chain(get(base, tok.base_key));
            for &p in exact.chain(self.prefixed.iter()) {
                if let Some(last) = self.match_at(p, toks, i) {
                    hits.push(Hit {
                        first: i,
                        last,
                        item: p,
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.first, h.last, h.item));
        hits.dedup();
        hits
    }

    /// Matches, keeping for each stretch of text only the longest (then earliest-listed)
    /// pattern, so "he or she" is one finding rather than three.
    pub fn find(&self, toks: &[Token]) -> Vec<Hit> {
        longest_non_overlapping(self.find_all(toks))
    }

    /// Could a phrase start in the text whose words `sig` holds? A set meets most
    /// texts with none of its first words.
    pub fn may_start_in(&self, sig: &KeySig) -> bool {
        // Folded without a branch per word, which the compiler turns into a few
        // vector instructions.
        let overlap = (0..32).fold(0, |acc, i| acc | (self.first_bits[i] & sig.0[i]));
        !self.prefixed.is_empty() || overlap != 0
    }

    /// Matches pattern `p` at token `i`. A match never starts inside a hyphenated
    /// compound ("cloud-native" is not "native …"), and a phrase of several words never
    /// ends inside one ("we're a family-owned bakery" is not "we're a family").
    fn match_at(&self, p: usize, toks: &[Token], i: usize) -> Option<usize> {
        let words = self.pats.get(p)?;
        if words.is_empty() || toks.get(i)?.hyphen_before {
            return None;
        }
        for (k, w) in words.iter().enumerate() {
            if !w.matches(toks.get(i + k)?) {
                return None;
            }
        }
        let last = i + words.len() - 1;
        let cut = words.len() > 1 && toks.get(last + 1).is_some_and(|t| t.hyphen_before);
        (!cut).then_some(last)
    }
}

/// Keeps non-overlapping hits, preferring the one that starts first and, among those,
/// the longest.
pub fn longest_non_overlapping(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        a.first
            .cmp(&b.first)
            .then(b.last.cmp(&a.last))
            .then(a.item.cmp(&b.item))
    });
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if out.last().is_some_and(|prev| h.first <= prev.last) {
            continue;
        }
        out.push(h);
    }
    out
}

/// Spans of tokens that cover others (phrase exceptions such as "Her Majesty" around
/// "her"), asked per match in O(log n): a segment with thousands of exceptions and
/// thousands of matches stays linear.
pub struct Cover {
    /// The spans by first token.
    spans: Vec<Hit>,
    /// Per span, the furthest last token of it and every span before it.
    reach: Vec<usize>,
}

impl Cover {
    /// The cover of `spans` (in any order).
    pub fn new(mut spans: Vec<Hit>) -> Cover {
        spans.sort_by_key(|h| h.first);
        let reach = spans
            .iter()
            .scan(0, |far, h| {
                *far = (*far).max(h.last);
                Some(*far)
            })
            .collect();
        Cover { spans, reach }
    }

    /// True when `inner` lies within one of the spans.
    pub fn covers(&self, inner: &Hit) -> bool {
        match self.spans.partition_point(|o| o.first <= inner.first) {
            0 => false,
            k => self.reach[k - 1] >= inner.last,
        }
    }
}

/// A sentence of a segment as a char range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First char (inclusive).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// `src/text.toml`: abbreviations whose full stop does not end a sentence.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by people and checked by the tests, not by the tool
    source: String,
    abbreviations: Vec<String>,
}

const DATA: &str = include_str!("text.toml");

/// The abbreviations, read once (lower case, without the final full stop).
fn abbreviations() -> &'static FastSet<String> {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        // The shipped file is checked by the tests; a broken one is a build bug.
        let file: File = toml::from_str(DATA).unwrap_or_else(|e| panic!("src/text.toml: {e}"));
        file.abbreviations.into_iter().collect()
    })
}

/// Splits text into sentences at `.`, `!` or `?` followed by whitespace or the end,
/// skipping decimal points ("18.50") and common abbreviations ("e.g.", "Inc.").
/// Leading and trailing whitespace is trimmed from each span; empty spans are dropped.
pub fn sentences(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next_is_break = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_is_break && !(c == '.' && is_abbreviation(chars, i))
        {
            push_trimmed(chars, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(chars, start, chars.len(), &mut out);
    out
}

fn is_abbreviation(chars: &[char], dot: usize) -> bool {
    let mut s = dot;
    while s > 0 && (is_word_char(chars[s - 1]) || chars[s - 1] == '.') {
        s -= 1;
    }
    let word: String = chars[s..dot].iter().collect::<String>().to_lowercase();
    abbreviations().contains(&word)
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<Span>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if chars[s..e].iter().any(|c| is_word_char(*c)) {
        out.push(Span { start: s, end: e });
    }
}

/// `s` with its first letter in lower case: "Open to…" going on after a comma.
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn char_index_matches_counting() {
        use super::CharIndex;
        let ascii = "plain ascii line";
        let wide = "é".repeat(600) + "x\n" + &"日本".repeat(300);
        for text in [ascii, wide.as_str()] {
            let idx = CharIndex::new(text);
            let n = text.chars().count();
            for c in (0..=n + 3).step_by(13).chain([0, 256, n, n + 1]) {
                let want = text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
                assert_eq!(idx.byte_of(text, c), want, "char {c}");
                if c <= n {
                    assert_eq!(idx.chars_before(text, want), c, "byte {want}");
                }
            }
        }
    }

    use super::*;

    #[test]
    fn tokens_keep_accents_apostrophes_and_hyphen_links() {
        let t = tokenize("Café-owner you’ll  naïve Müller's x");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["café", "owner", "you'll", "naïve", "müller's", "x"]);
        assert!(t[1].hyphen_before);
        assert!(!t[2].hyphen_before);
        assert_eq!((t[0].start, t[0].end), (0, 4));
        assert_eq!((t[1].start, t[1].end), (5, 10));
    }

    #[test]
    fn french_elisions_are_words_of_their_own() {
        let t = tokenize("l’atelier d'Annecy, jusqu'au soir; don't O'Brien");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "l'", "atelier", "d'", "annecy", "jusqu'", "au", "soir", "don't", "o'brien"
            ]
        );
        assert_eq!((t[3].start, t[3].end), (12, 18));
    }

    #[test]
    fn phrase_set_matches_hyphen_and_space_spellings() {
        let set = PhraseSet::new(["fast-paced", "he or she", "he", "lead*"]);
        let toks = tokenize("A fast paced team; he or she leads. Fast-paced!");
        let hits = set.find(&toks);
        let items: Vec<usize> = hits.iter().map(|h| h.item).collect();
        assert_eq!(items, [0, 1, 3, 0]);
    }

    #[test]
    fn word_map_finds_whole_words_by_token() {
        let map = WordMap::new([("march", 3), ("may", 5), ("march", 9)]);
        let t = tokenize("March marches MAY");
        let got: Vec<Option<&i32>> = t.iter().map(|t| map.get(t)).collect();
        assert_eq!(got, [Some(&3), None, Some(&5)]);
    }

    #[test]
    fn the_abbreviations_file_parses_and_names_its_source() {
        assert!(
            DATA.starts_with('#'),
            "src/text.toml: start with how to edit it"
        );
        let file: File = toml::from_str(DATA).expect("src/text.toml");
        assert!(!file.source.trim().is_empty(), "src/text.toml: no `source`");
        for a in &file.abbreviations {
            assert!(
                *a == a.to_lowercase() && !a.ends_with('.') && !a.is_empty(),
                "src/text.toml: write `{a}` in lower case without its final full stop"
            );
        }
    }

    #[test]
    fn sentences_skip_decimals_and_abbreviations() {
        let chars: Vec<char> = "Pay is $18.50 per hour. Bring tools, e.g. a knife! Done"
            .chars()
            .collect();
        let s = sentences(&chars);
        assert_eq!(s.len(), 3);
        let first: String = chars[s[0].start..s[0].end].iter().collect();
        assert_eq!(first, "Pay is $18.50 per hour.");
        // Abbreviations from src/text.toml, inner full stops and capitals included.
        let chars: Vec<char> = "Made in the U.S. by Acme Inc. since 1990. Pay DOE."
            .chars()
            .collect();
        assert_eq!(sentences(&chars).len(), 2);
        // German ones: "bzw." joins two alternatives in one sentence.
        let chars: Vec<char> = "Deutsch auf muttersprachlichem Niveau bzw. Niveau C1. Danke."
            .chars()
            .collect();
        assert_eq!(sentences(&chars).len(), 2);
    }
}
