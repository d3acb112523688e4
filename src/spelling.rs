//! Spelling by locale: the reviewed mapping of US words and phrases to the form
//! each other English locale writes (`src/spelling.toml`, embedded), and the
//! per-locale overrides a preset can carry for sentences that need more than a
//! word swap ([`overrides`]).
//!
//! Role presets are written once, in US English. When a posting reads in another
//! locale, the text that came from a preset is rewritten with [`Table::apply`]
//! (see `load::merge_with_chain`); the employer's own words are never touched.
//! The lint rule `locale-mismatch` reads the same table to point at US spellings
//! in a non-US posting, so there is one list, not two.

pub mod overrides;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::Mutex;

use serde::Deserialize;

use crate::text::{Fnv, Token, tokenize_chars};

/// The data file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // documents the data; checked to be present by a test
    source: String,
    group: Vec<Group>,
}

/// Entries shared by some locales.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    locales: Vec<String>,
    #[serde(default)]
    words: BTreeMap<String, String>,
    #[serde(default)]
    phrases: BTreeMap<String, String>,
}

/// The embedded mapping.
pub const DATA: &str = include_str!("spelling.toml");

/// One entry: the US form (lower case, one or more words) and the local form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The US form as listed, e.g. `color` or `cash checks`.
    pub us: String,
    /// The locale's form, e.g. `colour`.
    pub local: String,
    words: Vec<String>,
}

/// The mapping for one locale.
#[derive(Debug, Default)]
pub struct Table {
    entries: Vec<Entry>,
    /// Entry indexes by their first word, longest first.
    by_first: HashMap<String, Vec<usize>>,
    /// The longest run of letters and digits of every entry ("register" of "at
    /// the register"): a text with none of them among its own runs has nothing to
    /// respell. The longest, since short runs ("a", "the") are in every sentence.
    key_runs: HashSet<String, BuildHasherDefault<Fnv>>,
    /// The US forms' words so far, to refuse one listed twice.
    seen: HashSet<Vec<String>>,
    /// Texts respelled so far ([`Table::respell`]): an export respells the same
    /// preset sentences for thousands of postings.
    memo: Mutex<HashMap<String, Option<String>>>,
}

/// The most texts a table remembers: every preset's text many times over, so
/// memory stays bounded whatever a run reads.
const MEMO_MAX: usize = 50_000;

/// The table for `tag`; `None` for en-US and for locales with nothing to change.
/// Each locale's table is built the first time a posting in it is respelled,
/// so a run in one locale builds one table.
pub fn table(tag: &str) -> Option<&'static Table> {
    static BUILT: crate::locale::PerTag<Table> = Mutex::new(BTreeMap::new());
    crate::locale::once_per_tag(&BUILT, tag, || {
        build_one(data(), tag).unwrap_or_else(|e| panic!("src/spelling.toml: {e}"))
    })
}

/// The embedded mapping, parsed once: the lint's `locale-mismatch` asks for every
/// locale's table, and parsing the file per locale was most of a one-file lint.
fn data() -> &'static File {
    static FILE: std::sync::OnceLock<File> = std::sync::OnceLock::new();
    FILE.get_or_init(|| toml::from_str(DATA).unwrap_or_else(|e| panic!("src/spelling.toml: {e}")))
}

/// The table of `tag` alone; `None` when no group names it.
fn build_one(file: &File, tag: &str) -> Result<Option<Table>, String> {
    let mut table: Option<Table> = None;
    for group in file
        .group
        .iter()
        .filter(|g| g.locales.iter().any(|l| l == tag))
    {
        let table = table.get_or_insert_with(Table::default);
        for (us, local) in group.words.iter().chain(&group.phrases) {
            table.add(tag, us, local)?;
        }
    }
    if let Some(t) = &mut table {
        t.order();
    }
    Ok(table)
}

/// Builds every locale's table; an error names a US form listed twice for a locale
/// or a locale that does not exist. Tests check the shipped file with it.
#[cfg(test)]
fn build(text: &str) -> Result<BTreeMap<String, Table>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut out: BTreeMap<String, Table> = BTreeMap::new();
    for group in &file.group {
        for tag in &group.locales {
            crate::locale::check(tag)?;
            let table = out.entry(tag.clone()).or_default();
            for (us, local) in group.words.iter().chain(&group.phrases) {
                table.add(tag, us, local)?;
            }
        }
    }
    for table in out.values_mut() {
        table.order();
    }
    Ok(out)
}

impl Table {
    fn add(&mut self, tag: &str, us: &str, local: &str) -> Result<(), String> {
        let words: Vec<String> = words_of(us);
        if words.is_empty() || us != us.to_lowercase() {
            return Err(format!("`{us}`: expected lower-case words"));
        }
        if !self.seen.insert(words.clone()) {
            return Err(format!("`{us}` is listed twice for {tag}"));
        }
        let idx = self.entries.len();
        let key = words.iter().flat_map(|w| runs(w)).max_by_key(|r| r.len());
        if let Some(run) = key {
            self.key_runs.insert(run.to_string());
        }
        self.by_first.entry(words[0].clone()).or_default().push(idx);
        self.entries.push(Entry {
            us: us.to_string(),
            local: local.to_string(),
            words,
        });
        Ok(())
    }

    /// Puts each first word's entries longest first, once every entry is in.
    fn order(&mut self) {
        let entries = &self.entries;
        for list in self.by_first.values_mut() {
            list.sort_by_key(|i| std::cmp::Reverse(entries[*i].words.len()));
        }
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether `text` may hold a listed word: a quick screen before [`Table::apply`],
    /// which tokenizes. Most preset sentences have nothing to respell, and a merge
    /// respells every one of them.
    pub fn may_apply(&self, text: &str) -> bool {
        let mut lower = String::new();
        runs(text).any(|run| {
            lower.clear();
            if run.is_ascii() {
                lower.push_str(run);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(run.chars().flat_map(char::to_lowercase));
            }
            self.key_runs.contains(&lower)
        })
    }

    /// `text` respelled ([`Table::apply`]), or `None` when nothing in it may
    /// change ([`Table::may_apply`]); remembered for the next posting.
    pub fn respell(&self, text: &str) -> Option<String> {
        let memo = || self.memo.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = memo().get(text) {
            return known.clone();
        }
        let new = self.may_apply(text).then(|| self.apply(text));
        let mut memo = memo();
        if memo.len() < MEMO_MAX {
            memo.insert(text.to_string(), new.clone());
        }
        new
    }

    /// `text` with every listed US word or phrase in this locale's form, matched as
    /// whole words, case-insensitively, keeping the case of the first letter (or of
    /// the whole word when it is in capitals). Web and e-mail addresses are left alone.
    pub fn apply(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let toks = tokenize_chars(&chars);
        let mut out = String::with_capacity(text.len() + 8);
        let mut done = 0;
        let mut i = 0;
        while i < toks.len() {
            let Some(entry) = self.match_at(&chars, &toks, i) else {
                i += 1;
                continue;
            };
            let (start, end) = (toks[i].start, toks[i + entry.words.len() - 1].end);
            if in_address(&chars, start) {
                i += 1;
                continue;
            }
            out.extend(&chars[done..start]);
            out.push_str(&cased(&entry.local, &chars[toks[i].start..toks[i].end]));
            done = end;
            i += entry.words.len();
        }
        out.extend(&chars[done..]);
        out
    }

    /// The longest entry whose words are tokens `i..`, separated by spaces only, or
    /// by one hyphen as in `one-on-one`.
    pub fn match_at(&self, chars: &[char], toks: &[Token], i: usize) -> Option<&Entry> {
        let candidates = self.by_first.get(&toks[i].lower)?;
        candidates.iter().map(|&e| &self.entries[e]).find(|e| {
            let n = e.words.len();
            toks.len() >= i + n
                && e.words
                    .iter()
                    .zip(&toks[i..i + n])
                    .all(|(w, t)| *w == t.lower)
                && toks[i..i + n]
                    .windows(2)
                    .all(|p| joined(&chars[p[0].end..p[1].start]))
        })
    }
}

/// The runs of letters and digits in `s`.
fn runs(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|r| !r.is_empty())
}

/// Whether the chars between two words keep them one phrase.
fn joined(gap: &[char]) -> bool {
    gap == ['-'] || (!gap.is_empty() && gap.iter().all(|c| *c == ' '))
}

/// The lower-case words of an entry key, as the tokenizer splits text.
fn words_of(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    tokenize_chars(&chars)
        .into_iter()
        .map(|t| t.lower)
        .collect()
}

/// `local` in the case of `written`: `COLOR` → `COLOUR`, `Color` → `Colour`.
pub fn cased(local: &str, written: &[char]) -> String {
    let letters: Vec<&char> = written.iter().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return local.to_uppercase();
    }
    match (written.first(), local.chars().next()) {
        (Some(w), Some(l)) if w.is_uppercase() && !l.is_uppercase() => {
            let mut s: String = l.to_uppercase().collect();
            s.push_str(&local[l.len_utf8()..]);
            s
        }
        _ => local.to_string(),
    }
}

/// Whether char `at` sits in a web or e-mail address (a run of non-space chars
/// holding `://`, `@` or starting `www.`).
fn in_address(chars: &[char], at: usize) -> bool {
    let start = chars[..at]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let end = chars[at..]
        .iter()
        .position(|c| c.is_whitespace())
        .map_or(chars.len(), |p| at + p);
    let word: String = chars[start..end].iter().collect::<String>().to_lowercase();
    word.contains("://") || word.contains('@') || word.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb(text: &str) -> String {
        table("en-GB").unwrap().apply(text)
    }

    #[test]
    fn the_screen_passes_every_text_apply_would_change() {
        let gb = table("en-GB").unwrap();
        assert!(!gb.may_apply("Greet each customer at the door"));
        // A phrase is screened by its longest word, not by "at" or "the".
        assert!(gb.may_apply("Stand at the register"));
        assert!(gb.may_apply("COLOR printing"));
        for e in gb.entries() {
            assert!(gb.may_apply(&e.us), "`{}` is screened out", e.us);
            assert!(gb.may_apply(&e.us.to_uppercase()), "`{}` in capitals", e.us);
        }
    }

    #[test]
    fn the_data_parses_names_its_source_and_covers_the_non_us_locales() {
        let file: File = toml::from_str(DATA).unwrap();
        assert!(file.source.len() > 20);
        // Every locale named exists and lists no US form twice.
        build(DATA).unwrap();
        for tag in ["en-CA", "en-GB", "en-IE", "en-AU"] {
            assert!(table(tag).is_some(), "{tag}");
        }
        assert!(table("en-US").is_none());
    }

    #[test]
    fn no_entry_maps_to_itself_or_to_another_us_form() {
        for tag in ["en-CA", "en-GB", "en-IE", "en-AU"] {
            let t = table(tag).unwrap();
            for e in t.entries() {
                assert_ne!(e.us, e.local.to_lowercase(), "{tag}");
                // Applying twice changes nothing: no output is itself an entry.
                assert_eq!(t.apply(&e.local), e.local, "{tag}: {}", e.us);
            }
        }
    }

    #[test]
    fn whole_words_only_keeping_case() {
        assert_eq!(
            gb("Color, COLOR and color-coded colors"),
            "Colour, COLOUR and colour-coded colours"
        );
        assert_eq!(gb("Colorado discolor"), "Colorado discolor");
        assert_eq!(gb("Call Center Agent"), "Call Centre Agent");
        assert_eq!(gb("an organized desk"), "an organised desk");
        assert_eq!(gb("Hold one-on-one calls"), "Hold one-to-one calls");
    }

    #[test]
    fn check_the_verb_stays_and_phrases_settle_the_noun() {
        assert_eq!(
            gb("Check ID, then cash checks and check that all is in order"),
            "Check ID, then cash cheques and check that all is in order"
        );
        assert_eq!(
            gb("Count stock for inventory checks"),
            "Count stock for inventory checks"
        );
        assert_eq!(gb("Send your resume"), "Send your CV");
        assert_eq!(gb("resume work after lunch"), "resume work after lunch");
        assert_eq!(gb("program room keys"), "program room keys");
    }

    #[test]
    fn canada_keeps_ize_and_australia_keeps_resume() {
        let ca = table("en-CA").unwrap();
        assert_eq!(
            ca.apply("An organized team at the call center cashing checks"),
            "An organized team at the call centre cashing cheques"
        );
        let au = table("en-AU").unwrap();
        assert_eq!(
            au.apply("Send your resume; an organized driver's license holder"),
            "Send your resume; an organised driver's licence holder"
        );
        assert_eq!(
            table("en-IE").unwrap().apply("A driver's license"),
            "A driving licence"
        );
    }

    #[test]
    fn addresses_are_left_alone() {
        assert_eq!(
            gb("See https://example.com/color or color@example.com about color"),
            "See https://example.com/color or color@example.com about colour"
        );
    }
}
