//! `locale-mismatch` (a note): words that do not belong to the posting's country.
//!
//! - In a non-US posting: US spellings (the US forms of `src/spelling.toml`, the same
//!   table that writes preset text in the posting's locale, so there is one list) and
//!   US-only terms (`src/lint/data/locale.toml`: 401(k), GED, "high school diploma",
//!   "zip code", "veteran status", HIPAA…), each with the local form as the fix.
//! - In any posting: a bare `$` amount where the reader cannot tell which dollar it
//!   is: the posting also marks a dollar elsewhere (`US$`, `CA$`, `A$`, `USD`, `CAD`…),
//!   or it is a remote role open to countries paying different dollars. A plain `$` in
//!   a posting for one dollar country is how readers there write it and is left alone.
//!
//! The locale is `--locale`, else the posting's own (a TOML posting's `locale`, else its
//! country), else the country a Markdown or text posting names. With no locale known,
//! only the dollar check runs.
//!
//! Real text is full of names, so a miss is preferred to a wrong note: matches are
//! whole words, case-insensitive; nothing inside a web or e-mail address or a code
//! span is read; and a spelling capitalised as part of a name ("Kennedy Space Center",
//! "Color Street Inc.") is left alone. "check" the verb is never a finding: only
//! phrases whose other words make it the bank document are listed.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde::Deserialize;

use super::super::doc::SegKind;
use super::super::facts::Prepared;
use super::super::text::{Hit, PhraseSet, tokenize};
use super::{Ctx, Report, RuleId};
use crate::locale::{self, Locale};

const RULE: RuleId = RuleId::LocaleMismatch;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // documents the data; a test checks it is there
    source: String,
    term: Vec<Term>,
}

/// One US-only term and what each other locale says instead.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    us: Vec<String>,
    what: String,
    local: BTreeMap<String, String>,
}

/// What one pattern of a locale's matcher stands for.
enum Meaning {
    /// A US spelling and the locale's form.
    Spelling(&'static str),
    /// A US-only term: what it is and the local form(s).
    Term(&'static str, &'static str),
}

/// One locale's matcher: spellings and terms in one phrase set.
struct Matcher {
    set: PhraseSet,
    meanings: Vec<Meaning>,
}

fn terms() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| super::super::data::load("locale"))
}

/// The US-only terms noted in a posting for `tag`, as listed (`401(k)`, `GED`…).
pub fn us_terms(tag: &str) -> Vec<&'static str> {
    terms()
        .term
        .iter()
        .filter(|t| t.local.contains_key(tag))
        .flat_map(|t| t.us.iter().map(String::as_str))
        .collect()
}

/// The matcher for `tag`, built the first time a posting in that locale is read:
/// a run over one locale's postings builds one, not all of them.
fn matcher(tag: &str) -> Option<&'static Matcher> {
    static BUILT: locale::PerTag<Matcher> = Mutex::new(BTreeMap::new());
    locale::once_per_tag(&BUILT, tag, || {
        let known = tag != locale::DEFAULT && locale::tags().any(|t| t == tag);
        known.then(|| build(tag))
    })
}

fn build(tag: &str) -> Matcher {
    let mut patterns: Vec<String> = Vec::new();
    let mut meanings = Vec::new();
    for term in &terms().term {
        let Some(local) = term.local.get(tag) else {
            continue;
        };
        for us in &term.us {
            patterns.push(pattern(us));
            meanings.push(Meaning::Term(&term.what, local));
        }
    }
    for e in crate::spelling::table(tag).map_or(&[][..], |t| t.entries()) {
        patterns.push(pattern(&e.us));
        meanings.push(Meaning::Spelling(&e.local));
    }
    Matcher {
        set: PhraseSet::new(patterns.iter().map(String::as_str)),
        meanings,
    }
}

/// A term as the words the tokenizer sees: `401(k)` is `401 k`.
fn pattern(us: &str) -> String {
    tokenize(us)
        .into_iter()
        .map(|t| t.lower)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the check.
pub fn check(ctx: &mut Ctx<'_>) {
    if let Some(loc) = locale_of(ctx).filter(|l| l.tag != locale::DEFAULT) {
        if let Some(m) = matcher(&loc.tag) {
            words(ctx, &loc.tag, m);
        }
    }
    dollars(ctx);
}

/// The posting's locale: given (TOML postings, `--locale`), else its country's.
fn locale_of(ctx: &Ctx<'_>) -> Option<&'static Locale> {
    let facts = &ctx.doc.facts;
    match &facts.locale {
        Some(tag) => locale::get(tag),
        None => facts.country.as_deref().and_then(locale::for_country),
    }
}

fn words(ctx: &mut Ctx<'_>, tag: &str, m: &Matcher) {
    let mut found = Vec::new();
    let lines = SourceLines::new(&ctx.doc.source);
    for (si, p) in ctx.prep.iter().enumerate() {
        let hits = p.find(&m.set);
        if hits.is_empty() {
            continue;
        }
        let skip = skipped_spans(&lines, p);
        for h in hits {
            let (start, end) = span(p, &h);
            if skip.iter().any(|(a, b)| start < *b && end > *a) {
                continue;
            }
            let meaning = &m.meanings[h.item];
            if matches!(meaning, Meaning::Spelling(_)) && part_of_name(p, &h) {
                continue;
            }
            if matches!(meaning, Meaning::Term(..)) && sentence_names_us(p, start) {
                continue;
            }
            let written = p.slice(start, end);
            found.push((si, start, end, report(&written, meaning, tag)));
        }
    }
    for (si, start, end, r) in found {
        ctx.at_span(RULE, si, start, end, r);
    }
}

/// Whether the sentence around char `at` is about the United States ("In the US, we
/// offer a 401(k)", "US employees get…"): a US-only term is right there, even in a
/// posting for readers elsewhere.
fn sentence_names_us(p: &Prepared<'_>, at: usize) -> bool {
    let to = p.sentence_at(at).1;
    p.sentence_words(at).iter().any(|t| {
        let word = p.word(t);
        matches!(word.as_str(), "US" | "USA" | "America")
            || (t.lower == "united" && p.slice(t.start, to).starts_with("United States"))
    })
}

/// The chars a hit covers, with the bracket that closes it (`401(k)`).
fn span(p: &Prepared<'_>, h: &Hit) -> (usize, usize) {
    let (start, end) = (p.toks[h.first].start, p.toks[h.last].end);
    let open = p.chars[start..end].iter().filter(|c| **c == '(').count();
    let close = p.chars[start..end].iter().filter(|c| **c == ')').count();
    match p.chars.get(end) {
        Some(')') if open > close => (start, end + 1),
        _ => (start, end),
    }
}

fn report(written: &str, meaning: &Meaning, tag: &str) -> Report {
    let written = written.to_string();
    match meaning {
        Meaning::Spelling(local) => {
            let chars: Vec<char> = written.chars().collect();
            let local = crate::spelling::cased(local, &chars);
            Report::new(format!(
                "`{written}` is US English; this posting reads in {tag}"
            ))
            .help(format!("use `{local}` ({tag})"))
            .matched(written)
        }
        Meaning::Term(what, local) => Report::new(format!(
            "`{written}` is {what}; this posting is for readers in {tag}"
        ))
        .help(format!("use {local} ({tag})"))
        .matched(written),
    }
}

/// Whether a matched spelling is part of a name: capitalised in running text next to
/// another capitalised word ("Kennedy Space Center", "Color Street Inc."), or
/// capitalised in the middle of a sentence. Titles and headings are capitalised
/// throughout, so capitals say nothing there and a title word stays a finding.
fn part_of_name(p: &Prepared<'_>, h: &Hit) -> bool {
    if !matches!(p.seg.kind, SegKind::Prose | SegKind::Bullet) {
        return false;
    }
    let first = &p.toks[h.first];
    if !p.capitalised(first) {
        return false;
    }
    let joined = |a: usize, b: usize| p.chars[a..b].iter().all(|c| *c == ' ');
    let before = h.first.checked_sub(1).map(|i| &p.toks[i]);
    let after = p.toks.get(h.last + 1);
    let cap_before = before.is_some_and(|t| joined(t.end, first.start) && p.capitalised(t));
    let cap_after = after.is_some_and(|t| joined(p.toks[h.last].end, t.start) && p.capitalised(t));
    cap_before || cap_after || p.proper_name_at(h.first)
}

/// The file's lines as chars, split once per posting and only if a backtick is
/// looked for (the only thing they are read for).
struct SourceLines<'a> {
    source: &'a str,
    lines: std::cell::OnceCell<Vec<Vec<char>>>,
}

impl<'a> SourceLines<'a> {
    fn new(source: &'a str) -> Self {
        SourceLines {
            source,
            lines: std::cell::OnceCell::new(),
        }
    }

    /// The char at 1-based `line:col`.
    fn at(&self, line: usize, col: usize) -> Option<char> {
        let lines = self
            .lines
            .get_or_init(|| self.source.lines().map(|l| l.chars().collect()).collect());
        lines
            .get(line.checked_sub(1)?)?
            .get(col.checked_sub(1)?)
            .copied()
    }
}

/// Char ranges not to read: web and e-mail addresses, and Markdown code spans.
fn skipped_spans(lines: &SourceLines<'_>, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    let mut spans = p.address_spans();
    spans.extend(code_spans(lines, p));
    spans
}

/// Code spans of an exact segment, found on the file's text (the builder blanks the
/// backticks): chars between a pair of backticks on one line.
fn code_spans(lines: &SourceLines<'_>, p: &Prepared<'_>) -> Vec<(usize, usize)> {
    if !p.seg.exact || !lines.source.contains('`') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let (mut line, mut col) = (p.seg.loc.line, p.seg.loc.col);
    for (i, c) in p.chars.iter().enumerate() {
        if lines.at(line, col) == Some('`') {
            match open.take() {
                Some(start) => out.push((start, i)),
                None => open = Some(i),
            }
        }
        if *c == '\n' {
            line += 1;
            col = 1;
            open = None;
        } else {
            col += 1;
        }
    }
    out
}

/// Do `letters` mark the dollar sign after them (`US$`, `CA$`, `C$`, `A$`, …)? The
/// markings are the currency table's ([`crate::money::written_signs`]).
fn is_mark(letters: &str) -> bool {
    crate::money::written_signs().any(|(sign, _)| sign.strip_suffix('$') == Some(letters))
}

fn dollars(ctx: &mut Ctx<'_>) {
    let several = several_dollars(ctx);
    let marked = ctx.prep.iter().any(|p| has_marked_symbol(p.chars));
    if !(marked || several) {
        return;
    }
    let mut found = Vec::new();
    let lines = SourceLines::new(&ctx.doc.source);
    for (si, p) in ctx.prep.iter().enumerate() {
        let bare = bare_dollars(p.chars);
        if bare.is_empty() {
            continue;
        }
        let skip = skipped_spans(&lines, p);
        for (start, end) in bare {
            if !skip.iter().any(|(a, b)| start < *b && end > *a) {
                found.push((si, start, end, p.slice(start, end)));
            }
        }
    }
    let mark = mark_for(ctx);
    for (si, start, end, amount) in found {
        let why = if several {
            "the job is open to countries that pay in different dollars"
        } else {
            "the posting marks a dollar elsewhere"
        };
        let help = match mark {
            Some(m) => format!("write `{}`", amount.replacen('$', m, 1)),
            None => "write `US$`, `CA$` or `A$` before the amount".to_string(),
        };
        let r = Report::new(format!("`{amount}` does not say which dollar; {why}"))
            .help(help)
            .matched(amount);
        ctx.at_span(RULE, si, start, end, r);
    }
}

/// The posting's countries (its country, and for remote roles where applicants may
/// live) pay in more than one dollar.
fn several_dollars(ctx: &Ctx<'_>) -> bool {
    let facts = &ctx.doc.facts;
    let mut dollars: Vec<String> = facts
        .country
        .iter()
        .chain(&facts.applicant_countries)
        .filter_map(|c| super::consistency::currency_of(c))
        .filter(|code| crate::money::is_dollar(code))
        .collect();
    dollars.sort();
    dollars.dedup();
    dollars.len() > 1
}

/// The marked `$` for this posting's country, if it pays in a dollar.
fn mark_for(ctx: &Ctx<'_>) -> Option<&'static str> {
    let code = ctx
        .doc
        .facts
        .country
        .as_deref()
        .and_then(super::consistency::currency_of)?;
    crate::money::is_dollar(&code)
        .then(|| crate::money::symbol(&code, false))
        .flatten()
}

/// The letters right before char `i`.
fn letters_before(c: &[char], i: usize) -> String {
    let n = c[..i]
        .iter()
        .rev()
        .take_while(|ch| ch.is_alphabetic())
        .count();
    c[i - n..i].iter().collect()
}

/// Whether the text writes a marked dollar sign (`CA$21.00`).
fn has_marked_symbol(c: &[char]) -> bool {
    (0..c.len()).any(|i| c[i] == '$' && is_mark(&letters_before(c, i)))
}

/// `$` amounts with no marking: the sign not preceded by a letter (`US$`), followed by
/// a digit, and not followed by a dollar code (`$20 USD`, `$20 (CAD)`); the span runs
/// to the end of the number (`$1,500.00`).
fn bare_dollars(c: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..c.len() {
        if c[i] != '$' || !c.get(i + 1).is_some_and(char::is_ascii_digit) {
            continue;
        }
        if !letters_before(c, i).is_empty() {
            continue;
        }
        let mut end = i + 1;
        while end < c.len()
            && (c[end].is_ascii_digit()
                || (matches!(c[end], ',' | '.')
                    && c.get(end + 1).is_some_and(char::is_ascii_digit)))
        {
            end += 1;
        }
        let after: String = c[end..]
            .iter()
            .skip_while(|ch| matches!(ch, ' ' | '(' | 'k' | 'K'))
            .take(3)
            .collect();
        // A dollar's ISO code right after the amount (`$20 USD`) marks it.
        if !crate::money::is_dollar(&after) {
            out.push((i, end));
        }
    }
    out
}

#[cfg(test)]
mod tests;
