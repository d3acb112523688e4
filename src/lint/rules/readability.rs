//! Readability and length.
//!
//! - `word-count`: words outside the band (default 300–700; Textio, Ongig). The title is
//!   not counted; headings, prose and bullets are.
//! - `reading-grade`: Flesch–Kincaid grade of the prose above `grade_max` (default 9;
//!   Ongig: US grade 8–9). Prose means paragraphs and sentence-like bullets (6+ words);
//!   short bullets of nouns ("Food handler's card") are left out, as are headings. The
//!   finding points at the hardest paragraph. Fewer than 30 prose words are not graded.
//! - `long-sentence`: a sentence over `sentence_max` words (default 25).
//! - `too-many-bullets`: over `bullets_max` bullets (default 10) under one heading.
//! - `too-many-requirements`: over `requirements_max` (default 8) required bullets in the
//!   skills and qualifications sections; bullets under a "nice to have"/"preferred"
//!   heading, or saying "preferred", "a plus", "bonus", are not required.
//! - `title-length`: a title over `title_max` chars (default 60).
//! - `title-noise`: a title with a location, pay, codes, marketing words or capitals
//!   shouting (search engines demote such titles).
//!
//! - `reading-ease` (German and French): Amstad's and Kandel & Moles' Flesch reading
//!   ease, in [`ease`].
//!
//! Flesch–Kincaid grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
//! Syllables are counted by [`syllables`], a heuristic (see there); a word is a token with
//! at least one letter (numbers are not words); every bullet is one sentence.

pub mod ease;

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::data;
use super::super::doc::{Section, SegKind};
use super::super::facts::{Prepared, scan_money};
use super::super::text::{PhraseSet, Span, Token, is_word_char, sentences, tokenize_chars};
use super::RuleId;
use super::{Ctx, Report};

/// Runs the readability and length checks.
pub fn check(ctx: &mut Ctx<'_>) {
    word_count(ctx);
    if ctx.runs(RuleId::ReadingGrade) {
        reading_grade(ctx);
    }
    if ctx.runs(RuleId::ReadingEase) {
        ease::check(ctx);
    }
    long_sentences(ctx);
    bullets_per_section(ctx);
    requirements(ctx);
    title(ctx);
}

/// A word to count: letters, and not a French elided word ("l'" of "l'atelier",
/// which counts as one word).
fn is_word(t: &Token) -> bool {
    t.lower.chars().any(char::is_alphabetic) && !t.lower.ends_with('\'')
}

fn word_count(ctx: &mut Ctx<'_>) {
    let n: usize = ctx
        .prep
        .iter()
        .filter(|p| p.seg.kind != SegKind::Title)
        .map(|p| p.toks.iter().filter(|t| is_word(t)).count())
        .sum();
    let band = ctx.cfg.words;
    let (what, help) = if n < band.min {
        (
            "short",
            "add what the job involves day to day, the pay and how to apply",
        )
    } else if n > band.max {
        (
            "long",
            "cut repetition and boilerplate; applications drop above 700 words",
        )
    } else {
        return;
    };
    let r = Report::new(format!(
        "posting is too {what}: {n} words, aim for {}-{} (Textio, Ongig)",
        band.min, band.max
    ))
    .help(help);
    ctx.at_doc(RuleId::WordCount, r);
}

/// Syllables in a word, by a heuristic good enough for grade estimates:
/// 1. lower-case; words of up to three letters have one syllable;
/// 2. drop a silent final "e" (but not "-le" after a consonant: "ta-ble"), and the "e" of
///    final "-es"/"-ed" unless it is sounded ("-ted", "-ded", "-ses", "-zes", "-ces",
///    "-ges", "-xes", "-ches", "-shes");
/// 3. count groups of consecutive vowels (a e i o u y, and accented vowels);
/// 4. at least one.
pub fn syllables(word: &str) -> usize {
    // The word's letters, lower-cased, in a fixed buffer: no allocation per word (letters
    // past the 40th are ignored; such a word is hard to read at any count).
    let mut buf = ['\0'; 40];
    let mut n = 0;
    for c in word.chars() {
        if n == buf.len() {
            break;
        }
        if c.is_ascii_alphabetic() {
            buf[n] = c.to_ascii_lowercase();
        } else if !c.is_ascii() && c.is_alphabetic() {
            buf[n] = c.to_lowercase().next().unwrap_or(c);
        } else {
            continue;
        }
        n += 1;
    }
    let w = &buf[..n];
    if n <= 3 {
        return 1;
    }
    let ends = |s: &[char]| w.ends_with(s);
    let mut end = n;
    if ends(&['e', 's']) || ends(&['e', 'd']) {
        let sounded: [&[char]; 9] = [
            &['t', 'e', 'd'],
            &['d', 'e', 'd'],
            &['s', 'e', 's'],
            &['z', 'e', 's'],
            &['c', 'e', 's'],
            &['g', 'e', 's'],
            &['x', 'e', 's'],
            &['c', 'h', 'e', 's'],
            &['s', 'h', 'e', 's'],
        ];
        if !sounded.iter().any(|s| ends(s)) {
            end = n - 2;
        }
    } else if ends(&['e']) {
        // A silent final "e", except "-le" after a consonant ("ta-ble").
        let syllabic_le = ends(&['l', 'e']) && !is_vowel(w[n - 3]);
        if !syllabic_le {
            end = n - 1;
        }
    }
    let mut count = 0;
    let mut prev = false;
    for &c in &w[..end] {
        let v = is_vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    count.max(1)
}

#[inline]
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || (!c.is_ascii() && "àáâäèéêëìíîïòóôöùúûü".contains(c))
}

/// Totals for a stretch of prose.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TextStats {
    /// Words (tokens with a letter).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Syllables.
    pub syllables: usize,
}

impl TextStats {
    /// Flesch–Kincaid grade; `None` without words.
    pub fn grade(&self) -> Option<f64> {
        if self.words == 0 || self.sentences == 0 {
            return None;
        }
        let w = self.words as f64;
        Some(0.39 * w / self.sentences as f64 + 11.8 * self.syllables as f64 / w - 15.59)
    }

    fn add(&mut self, o: TextStats) {
        self.words += o.words;
        self.sentences += o.sentences;
        self.syllables += o.syllables;
    }
}

/// Statistics of a text: sentences split at `.`, `!`, `?` (see
/// [`super::super::text::sentences`]).
pub fn stats(text: &str) -> TextStats {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokenize_chars(&chars);
    stats_of(&toks, sentences(&chars).len())
}

/// Statistics of tokens making up `n_sentences` sentences.
fn stats_of(toks: &[Token], n_sentences: usize) -> TextStats {
    let words: Vec<&Token> = toks.iter().filter(|t| is_word(t)).collect();
    TextStats {
        words: words.len(),
        sentences: if words.is_empty() { 0 } else { n_sentences },
        syllables: words.iter().map(|t| syllables(&t.lower)).sum(),
    }
}

/// Is this segment prose for grading? Paragraphs, and bullets that read as sentences.
fn is_prose(p: &Prepared<'_>) -> bool {
    match p.seg.kind {
        SegKind::Prose => true,
        SegKind::Bullet => p.toks.iter().filter(|t| is_word(t)).count() >= 6,
        _ => false,
    }
}

fn reading_grade(ctx: &mut Ctx<'_>) {
    let mut total = TextStats::default();
    let mut hardest: Option<(usize, f64)> = None;
    for (si, p) in ctx.prep.iter().enumerate().filter(|(_, p)| is_prose(p)) {
        let n = p.sentences.len().max(1);
        let s = stats_of(p.toks, n);
        total.add(s);
        if let Some(g) = s.grade() {
            if s.words >= 10 && hardest.is_none_or(|(_, h)| g > h) {
                hardest = Some((si, g));
            }
        }
    }
    let Some(grade) = total.grade() else { return };
    if total.words < 30 || grade <= ctx.cfg.grade_max {
        return;
    }
    let r = Report::new(format!(
        "prose reads at US grade {grade:.1} (Flesch-Kincaid); aim for {:.0} or lower",
        ctx.cfg.grade_max
    ))
    .help("use shorter sentences and everyday words; the hardest paragraph starts here");
    match hardest {
        Some((si, _)) => {
            let seg = ctx.prep[si].seg;
            ctx.at_segment(RuleId::ReadingGrade, seg, r);
        }
        None => ctx.at_doc(RuleId::ReadingGrade, r),
    }
}

fn long_sentences(ctx: &mut Ctx<'_>) {
    let max = ctx.cfg.sentence_max;
    let mut found: Vec<(usize, Span, usize)> = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        if !matches!(p.seg.kind, SegKind::Prose | SegKind::Bullet) {
            continue;
        }
        for s in p.sentences.iter().map(|s| after_label(p, *s)) {
            let n = p.toks[p.toks_within(s.start, s.end)]
                .iter()
                .filter(|t| is_word(t))
                .count();
            if n > max {
                found.push((si, s, n));
            }
        }
    }
    for (si, s, n) in found {
        let m = super::inclusive::one_line(&ctx.prep[si].slice(s.start, s.end));
        let r = Report::new(format!(
            "sentence has {n} words; keep sentences to {max} or fewer"
        ))
        .help("split it into two or three sentences")
        .matched(m);
        ctx.at_span(RuleId::LongSentence, si, s.start, s.end, r);
    }
}

/// A sentence without the label that opens its block ("**Schedule:** The branch is
/// open…" counts from "The"): a label is a heading written inline, not part of the
/// sentence.
fn after_label(p: &Prepared<'_>, s: Span) -> Span {
    let label_end = p.toks.iter().take(5).find_map(|t| {
        let next = p
            .chars
            .get(t.end..)?
            .iter()
            .find(|c| !matches!(c, '*' | '_' | ' '))?;
        (*next == ':').then_some(t.end)
    });
    match label_end {
        Some(end) if s.start < end && end < s.end => {
            let colon = (end..s.end)
                .find(|&i| p.chars[i] == ':')
                .map_or(end, |i| i + 1);
            let start = (colon..s.end)
                .find(|&i| !p.chars[i].is_whitespace() && p.chars[i] != '*' && p.chars[i] != '_')
                .unwrap_or(s.end);
            Span { start, end: s.end }
        }
        _ => s,
    }
}

/// Bullets under each heading, as (heading segment, its section, bullet segments).
fn bullet_groups(ctx: &Ctx<'_>) -> Vec<(Option<usize>, Section, Vec<usize>)> {
    let mut groups: Vec<(Option<usize>, Section, Vec<usize>)> =
        vec![(None, Section::Other, Vec::new())];
    for (si, p) in ctx.prep.iter().enumerate() {
        match p.seg.kind {
            SegKind::Heading | SegKind::Title => {
                groups.push((Some(si), p.seg.section, Vec::new()));
            }
            SegKind::Bullet => {
                if let Some(g) = groups.last_mut() {
                    g.2.push(si);
                }
            }
            SegKind::Prose => {}
        }
    }
    groups
}

fn bullets_per_section(ctx: &mut Ctx<'_>) {
    let max = ctx.cfg.bullets_max;
    for (heading, _, bullets) in bullet_groups(ctx) {
        let heading = heading.map_or("", |h| ctx.prep[h].seg.text.as_str());
        let Some(&extra) = bullets.get(max) else {
            continue;
        };
        let name = if heading.is_empty() {
            "this section".to_string()
        } else {
            format!("\"{heading}\"")
        };
        let r = Report::new(format!(
            "{name} has {} bullets; keep to {max} or fewer (Ongig: 6-10 per section)",
            bullets.len()
        ))
        .help("merge related bullets or move detail into a sentence");
        let seg = ctx.prep[extra].seg;
        ctx.at_segment(RuleId::TooManyBullets, seg, r);
    }
}

/// The word lists, from `src/lint/data/readability.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Headings that mark their requirements as optional.
    #[serde(deserialize_with = "data::words")]
    optional_headings: &'static [&'static str],
    /// Words that mark one requirement as optional.
    #[serde(deserialize_with = "data::words")]
    optional_bullet: &'static [&'static str],
    /// Marketing words that do not belong in a title.
    #[serde(deserialize_with = "data::words")]
    marketing: &'static [&'static str],
    /// Acronyms of five letters or more that are not shouting.
    #[serde(deserialize_with = "data::words")]
    long_acronyms: &'static [&'static str],
    /// Workplace words that do not belong in a title ("remote").
    #[serde(deserialize_with = "data::words")]
    workplace: &'static [&'static str],
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| data::load("readability"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = lists();
}

fn requirements(ctx: &mut Ctx<'_>) {
    static SETS: OnceLock<(PhraseSet, PhraseSet)> = OnceLock::new();
    let (optional, optional_headings) = SETS.get_or_init(|| {
        (
            PhraseSet::new(lists().optional_bullet.iter().copied()),
            PhraseSet::new(lists().optional_headings.iter().copied()),
        )
    });
    let max = ctx.cfg.requirements_max;
    let mut required = Vec::new();
    for (heading, section, bullets) in bullet_groups(ctx) {
        let optional_heading =
            heading.is_some_and(|h| !optional_headings.find_all(ctx.prep[h].toks).is_empty());
        let qualifying = matches!(section, Section::Skills | Section::Qualifications)
            || bullets.iter().any(|&b| {
                matches!(
                    ctx.prep[b].seg.section,
                    Section::Skills | Section::Qualifications
                )
            });
        if optional_heading || !qualifying {
            continue;
        }
        required.extend(
            bullets
                .into_iter()
                .filter(|&b| optional.find(ctx.prep[b].toks).is_empty()),
        );
    }
    let Some(&extra) = required.get(max) else {
        return;
    };
    let r = Report::new(format!(
        "{} required qualifications; more than {max} puts off qualified candidates, who apply only when they meet them all",
        required.len()
    ))
    .help("keep the essentials and move the rest under \"Nice to have\"");
    let seg = ctx.prep[extra].seg;
    ctx.at_segment(RuleId::TooManyRequirements, seg, r);
}

fn title(ctx: &mut Ctx<'_>) {
    let Some(ti) = ctx.prep.iter().position(|p| p.seg.kind == SegKind::Title) else {
        return;
    };
    let len = ctx.prep[ti]
        .chars
        .iter()
        .filter(|c| !c.is_control())
        .count();
    if len > ctx.cfg.title_max {
        let r = Report::new(format!(
            "title is {len} characters; keep it to {} (longer titles get about half the clicks)",
            ctx.cfg.title_max
        ))
        .help("keep just the job name, e.g. \"Senior Pastry Chef\"");
        let seg = ctx.prep[ti].seg;
        ctx.at_segment(RuleId::TitleLength, seg, r);
    }
    let plain = ctx.doc.is_plain_text();
    let english = ctx.lang == super::super::lang::Lang::En;
    for (start, end, what, help) in title_noise(&ctx.prep[ti], plain, english) {
        let m = ctx.prep[ti].slice(start, end);
        let r = Report::new(format!("title contains {what} (\"{m}\")"))
            .help(help)
            .matched(m);
        ctx.at_span(RuleId::TitleNoise, ti, start, end, r);
    }
}

/// Noise in a title: (start, end, what, fix), at most one of each kind. In plain text
/// (`plain`) a title written wholly in capitals is the format's way to mark a title, as
/// jobpost's own text output does, and is not shouting. The marketing words are an
/// English list (`english`); places, pay, codes and capitals are noise in any language.
fn title_noise(
    p: &Prepared<'_>,
    plain: bool,
    english: bool,
) -> Vec<(usize, usize, &'static str, &'static str)> {
    let mut out = Vec::new();
    if let Some((s, e)) = title_location(p) {
        out.push((
            s,
            e,
            "a location",
            "put the location in its own field, not the title",
        ));
    }
    if let Some(m) = scan_money(p.chars).first() {
        out.push((
            m.start,
            m.end,
            "pay",
            "put the pay in the pay section, not the title",
        ));
    }
    let money = scan_money(p.chars);
    if let Some((s, e)) =
        title_code(p).filter(|(s, e)| !money.iter().any(|m| m.start < *e && *s < m.end))
    {
        out.push((
            s,
            e,
            "a code",
            "put requisition numbers in the posting's identifier, not the title",
        ));
    }
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    let marketing = SET.get_or_init(|| PhraseSet::new(lists().marketing.iter().copied()));
    if let Some(h) = p.find(marketing).first().filter(|_| english) {
        let (s, e) = (p.toks[h.first].start, p.toks[h.last].end);
        out.push((s, e, "marketing words", "keep just the job name"));
    } else if let Some(i) = p.chars.iter().position(|c| *c == '!') {
        out.push((i, i + 1, "marketing punctuation", "keep just the job name"));
    }
    let whole_caps = p
        .chars
        .iter()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    if let Some((s, e)) = shouting(p).filter(|_| !(plain && whole_caps)) {
        // "URGENT" is reported once, as marketing.
        if !out.iter().any(|(a, b, _, _)| *a < e && s < *b) {
            out.push((s, e, "capitals shouting", "write the title in title case"));
        }
    }
    out
}

fn title_location(p: &Prepared<'_>) -> Option<(usize, usize)> {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    let set = SET.get_or_init(|| PhraseSet::new(lists().workplace.iter().copied()));
    if let Some(h) = p.find(set).first() {
        return Some((p.toks[h.first].start, p.toks[h.last].end));
    }
    super::super::facts::place_span(p)
}

fn title_code(p: &Prepared<'_>) -> Option<(usize, usize)> {
    if let Some(i) = p
        .chars
        .iter()
        .enumerate()
        .position(|(i, c)| *c == '#' && p.chars.get(i + 1).is_some_and(char::is_ascii_digit))
    {
        let end = (i + 1..p.chars.len())
            .find(|&k| !is_word_char(p.chars[k]))
            .unwrap_or(p.chars.len());
        return Some((i, end));
    }
    let code = |t: &Token| {
        let digits = t.lower.chars().filter(char::is_ascii_digit).count();
        digits >= 3 || (digits >= 2 && t.lower.chars().any(char::is_alphabetic))
    };
    let i = p.toks.iter().position(code)?;
    // Include a letter prefix joined by a hyphen ("REQ-1234").
    let start = if i > 0 && p.toks[i].hyphen_before {
        p.toks[i - 1].start
    } else {
        p.toks[i].start
    };
    Some((start, p.toks[i].end))
}

fn shouting(p: &Prepared<'_>) -> Option<(usize, usize)> {
    let caps = |t: &&Token| {
        let letters: Vec<char> = p.chars[t.start..t.end]
            .iter()
            .copied()
            .filter(|c| c.is_alphabetic())
            .collect();
        letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
    };
    let all_caps: Vec<&Token> = p.toks.iter().filter(caps).collect();
    let long = all_caps
        .iter()
        .find(|t| t.end - t.start >= 5 && !lists().long_acronyms.contains(&p.word(t).as_str()));
    let words = p.toks.iter().filter(|t| is_word(t)).count();
    let most = all_caps.len() >= 2 && all_caps.len() * 2 > words;
    if most {
        let first = all_caps.first()?;
        let last = all_caps.last()?;
        return Some((first.start, last.end));
    }
    long.map(|t| (t.start, t.end))
}

#[cfg(test)]
mod tests;
