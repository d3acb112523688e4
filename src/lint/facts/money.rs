//! Money in text: amounts ("$50,000", "€45.000", "₹12,00,000", "50k", "USD 50,000"),
//! ranges ("–", "to", "between … and"), periods ("/hr", "a year") and open-ended forms
//! ("$50k+", "up to", "from", "or more"), and which figures are pay.
//!
//! The wording is data, `src/lint/data/pay.toml` (read once); the currency signs are
//! [`crate::money`]'s table, the one rendered pay is written with.

use std::sync::OnceLock;

use super::super::data::{self, Text};
use super::super::text::{PhraseSet, is_word_char};
use super::{Facts, PayFacts, Prepared, Section, SegKind, Token};
use crate::money::DOLLAR;

/// One money mention: a figure or a range, with what surrounds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// First char (of the open-ended wording when there is one).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Lower figure (`None` for "up to $60,000").
    pub min: Option<f64>,
    /// Upper figure (`None` for "$50k+", "from $40,000").
    pub max: Option<f64>,
    /// ISO code; bare `$` is reported as "$" and settled later from the location.
    pub currency: &'static str,
    /// hour, day, week, month or year.
    pub period: Option<&'static str>,
    /// The range is open on one side.
    pub open: bool,
}

/// A way of writing a currency next to an amount, as chars.
struct Prefix {
    chars: Vec<char>,
    /// ISO code, or `$` for a bare dollar sign.
    code: &'static str,
    /// An ISO code or a name ("USD", "euro"), which must not run on into a word:
    /// not the start of "EURO2024" or "European".
    is_code: bool,
}

/// The euro by name after a figure ("129,000 - 165,000 Euro", "60,000 euros"),
/// longer names first.
const EURO_NAMES: &[(&str, &str)] = &[
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("Euros", "EUR"),
    ("Euro", "EUR"),
];

/// Every currency sign and code text is read for (the table is [`crate::money`]'s,
/// which writes pay with the same signs), and the bare `$`, which
/// [`settle_currency`] later reads by the posting's country.
fn prefixes() -> &'static [Prefix] {
    static PREFIXES: OnceLock<Vec<Prefix>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        crate::money::written_signs()
            .chain([(DOLLAR, DOLLAR)])
            .chain(EURO_NAMES.iter().copied())
            .map(|(sign, code)| Prefix {
                chars: sign.chars().collect(),
                code,
                is_code: sign.chars().all(char::is_alphabetic),
            })
            .collect()
    })
}

/// The first chars of [`prefixes`], sorted: the money reader asks at every char
/// whether a currency starts there, and almost none can.
fn prefix_firsts() -> &'static [char] {
    static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = prefixes()
            .iter()
            .filter_map(|p| p.chars.first().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

fn starts_with_at(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, c)| chars.get(i + k) == Some(&c))
}

/// A currency sign or code at `i`: (ISO code or "$", chars used). A sign may be
/// glued to the figure before it ("40$", "2.900€"); nothing is read inside a word.
fn currency_at(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    let first = chars.get(i)?;
    if prefix_firsts().binary_search(first).is_err() || (i > 0 && chars[i - 1].is_alphabetic()) {
        return None;
    }
    let rest = &chars[i..];
    prefixes().iter().find_map(|p| {
        let n = p.chars.len();
        let ok = rest.starts_with(&p.chars)
            && !(p.is_code && rest.get(n).is_some_and(|c| c.is_alphanumeric()));
        ok.then_some((p.code, n))
    })
}

/// How a currency groups thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouping {
    /// "50,000".
    Comma,
    /// "50,000" or "50.000" (euros).
    CommaOrDot,
    /// "12,00,000" (rupees: groups of two, then three).
    Indian,
}

fn grouping(code: &str) -> Grouping {
    match code {
        "EUR" => Grouping::CommaOrDot,
        "INR" => Grouping::Indian,
        _ => Grouping::Comma,
    }
}

/// A number at `i` ("50,000", "18.50", "50k", "45.000" for euros, "12,00,000" for
/// rupees): (value, end, had a k suffix).
fn number_at(chars: &[char], i: usize, g: Grouping) -> Option<(f64, usize, bool)> {
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    if !digit(i) {
        return None;
    }
    let mut s = String::new();
    let mut k = i;
    while digit(k) {
        s.push(chars[k]);
        k += 1;
    }
    // Thousands groups: ",000" (or ".000" and "000" after a space for euros and
    // francs, as German and French write them: "2.600 €", "24 000 €"; ",00" for
    // rupees), then decimals.
    let lead = s.len();
    loop {
        let sep = chars.get(k).copied();
        // Swiss usage groups with an apostrophe in every currency ("CHF 4'800"); in
        // HTML it may be an entity ("4&#x27;800"), which the reader pads with spaces.
        let swiss = matches!(sep, Some('\'') | Some('\u{2019}'));
        let pad = match swiss {
            true => chars[k + 1..]
                .iter()
                .take(5)
                .take_while(|c| **c == ' ')
                .count(),
            false => 0,
        };
        let at = k + pad;
        let three = digit(at + 1) && digit(at + 2) && digit(at + 3) && !digit(at + 4);
        let two = g == Grouping::Indian && digit(at + 1) && digit(at + 2) && !digit(at + 3);
        let space = sep.as_ref().is_some_and(is_gap) && lead <= 3;
        // A space groups thousands in French and German ("24 000 €", "45 000 $").
        let sep_ok =
            sep == Some(',') || swiss || space || (g == Grouping::CommaOrDot && sep == Some('.'));
        if sep_ok && (three || two) {
            let n = if three { 3 } else { 2 };
            s.extend(&chars[at + 1..at + 1 + n]);
            k = at + 1 + n;
        } else {
            break;
        }
    }
    // A decimal comma after dotted or spaced thousands ("2.600,50 €", "18,50 €").
    let decimal_comma = g == Grouping::CommaOrDot
        && chars.get(k) == Some(&',')
        && digit(k + 1)
        && !(digit(k + 2) && digit(k + 3));
    if (chars.get(k) == Some(&'.') || decimal_comma) && digit(k + 1) {
        s.push('.');
        k += 1;
        while digit(k) {
            s.push(chars[k]);
            k += 1;
        }
    }
    let mut value: f64 = s.parse().ok()?;
    let mut kilo = false;
    let mut j = k;
    while chars.get(j).is_some_and(is_gap) && j < k + 1 {
        j += 1;
    }
    if matches!(chars.get(j), Some('k') | Some('K'))
        && !chars.get(j + 1).is_some_and(|c| is_word_char(*c))
    {
        value *= 1000.0;
        kilo = true;
        k = j + 1;
    }
    Some((value, k, kilo))
}

/// A space between a figure and its sign or unit: a plain space, or the no-break and
/// narrow no-break spaces German and French typography puts there ("2.900 €",
/// "24 000 €").
fn is_gap(c: &char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// The most spaces between a currency sign or code and its number: "£ 25,000" and
/// "EUR 45,000" have one; an HTML entity ("&pound;25,000") is read as its sign padded
/// with spaces to the entity's width, so the figure sits up to seven chars later.
const SIGN_GAP_MAX: usize = 7;

/// Where the number starts after a sign or code ending at `j`: past the spaces there.
fn after_sign_space(chars: &[char], j: usize) -> usize {
    let gap = chars[j.min(chars.len())..]
        .iter()
        .take(SIGN_GAP_MAX + 1)
        .take_while(|c| is_gap(c))
        .count();
    if gap <= SIGN_GAP_MAX { j + gap } else { j }
}

/// A dollar's ISO code ("CAD", "AUD"…), which a `$` beside it belongs to.
fn is_dollar_code(code: &str) -> bool {
    matches!(code, "USD" | "CAD" | "AUD" | "NZD")
}

/// A money amount at `i`, with a sign before or after the number.
fn amount_at(chars: &[char], i: usize) -> Option<(f64, usize, &'static str, bool)> {
    if let Some((code, n)) = currency_at(chars, i) {
        let mut j = after_sign_space(chars, i + n);
        // "CAD $70,000": the code says which dollar the sign is.
        if is_dollar_code(code) && chars.get(j) == Some(&'$') {
            j += 1;
        }
        let (v, end, kilo) = number_at(chars, j, grouping(code))?;
        // "$70,000 CAD": likewise after the figure.
        if code == "$" {
            let k = if chars.get(end).is_some_and(is_gap) {
                end + 1
            } else {
                end
            };
            if let Some((named, m)) = currency_at(chars, k).filter(|(c, _)| is_dollar_code(c)) {
                return Some((v, k + m, named, kilo));
            }
        }
        return Some((v, end, code, kilo));
    }
    let before_ok = i == 0 || !(is_word_char(chars[i - 1]) || matches!(chars[i - 1], '.' | ','));
    if !before_ok {
        return None;
    }
    let (v, end, kilo) = number_at(chars, i, Grouping::CommaOrDot)?;
    let mut j = end;
    if chars.get(j).is_some_and(is_gap) {
        j += 1;
    }
    let (code, n) = trailing_currency(chars, j)?;
    Some((v, j + n, code, kilo))
}

/// The currency written after a figure, at `j`. A dollar after its figure is French
/// usage ("18,50 $" in Quebec) and shorthand ("25-40$/hour"); a `$` that opens the next
/// figure ("20 $25") is that figure's.
fn trailing_currency(chars: &[char], j: usize) -> Option<(&'static str, usize)> {
    currency_at(chars, j).filter(|(c, n)| {
        *c != DOLLAR
            || !chars[j + n..]
                .iter()
                .find(|c| !is_gap(c))
                .is_some_and(char::is_ascii_digit)
    })
}

/// The first figure of a range whose currency comes only at its end ("48,000 - 56,000
/// Euro", "50,000 to 60,000 EUR"): the figure, with the currency of the range.
fn bare_range_start(chars: &[char], i: usize) -> Option<(f64, usize, &'static str, bool)> {
    let before_ok = i == 0 || !(is_word_char(chars[i - 1]) || matches!(chars[i - 1], '.' | ','));
    if !before_ok {
        return None;
    }
    let (v1, end1, kilo1) = number_at(chars, i, Grouping::CommaOrDot)?;
    let j = past_joint(chars, end1, after_between(chars, i))?;
    let (_, end2, _) = number_at(chars, j, Grouping::CommaOrDot)?;
    let (code, _) = trailing_currency(chars, after_sign_space(chars, end2).min(end2 + 1))?;
    Some((v1, end1, code, kilo1))
}

/// Words joining the two figures of a range: English "to", German "bis", French "à".
const RANGE_WORDS: &[&str] = &["to ", "bis ", "à "];

/// Words before a range that open "between … and …" (English, German, French), and
/// the "and" each closes it with.
const BETWEEN: &[&str] = &["between", "zwischen", "entre"];
const BETWEEN_AND: &[&str] = &["and ", "und ", "et "];

/// Does "between" ("zwischen", "entre") come right before the figure at `i`?
fn after_between(chars: &[char], i: usize) -> bool {
    let before = lower_slice(chars, i.saturating_sub(9), i);
    BETWEEN.iter().any(|b| before.trim_end().ends_with(b))
}

/// Where the second figure of a range may start: past the spaces, the dash or word
/// joining the two figures ("–", "to", "bis", "and" after "between"), and the spaces
/// after it; `None` when no joint follows `j`.
fn past_joint(chars: &[char], mut j: usize, between: bool) -> Option<usize> {
    let skip = |j: &mut usize| {
        while chars.get(*j).is_some_and(is_gap) {
            *j += 1;
        }
    };
    skip(&mut j);
    if matches!(chars.get(j), Some('-' | '–' | '—')) {
        j += 1;
    } else if let Some(w) = RANGE_WORDS.iter().find(|w| starts_with_at(chars, j, w)) {
        j += w.chars().count();
    } else if let Some(w) = BETWEEN_AND
        .iter()
        .find(|w| between && starts_with_at(chars, j, w))
    {
        j += w.chars().count();
    } else {
        return None;
    }
    skip(&mut j);
    Some(j)
}

/// The rest of a range after its first figure: ("–", "to", "and") then a figure.
fn range_tail(chars: &[char], j: usize, between: bool, code: &str) -> Option<(f64, usize, bool)> {
    let mut j = past_joint(chars, j, between)?;
    let mut g = grouping(code);
    if let Some((c, n)) = currency_at(chars, j) {
        g = grouping(c);
        j = after_sign_space(chars, j + n);
        // "USD $163,600 - USD $245,400": the code names the dollar, as at the start.
        if is_dollar_code(c) && chars.get(j) == Some(&'$') {
            j += 1;
        }
    }
    let (v, mut end, kilo) = number_at(chars, j, g)?;
    // A trailing code or sign ("… 60,000 EUR", "25-40$/hour").
    let mut k = end;
    if chars.get(k).is_some_and(is_gap) {
        k += 1;
    }
    if let Some((_, n)) = trailing_currency(chars, k) {
        end = k + n;
    }
    Some((v, end, kilo))
}

/// Chars `start..end` lower-cased one char for one char, so offsets stay valid.
fn lower_slice(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    chars[start.min(end)..end]
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect()
}

/// How far before a figure an open-ended lead-in ("up to") is looked for, in chars.
const LEAD_IN_WINDOW: usize = 20;
/// How far after a figure its period ("per hour") is looked for, in chars.
const PERIOD_WINDOW: usize = 22;
/// How far after a figure open-ended wording ("or more") is looked for, in chars.
const OPEN_AFTER_WINDOW: usize = 12;

/// An open-ended lead-in right before `start` ("up to "): its start char.
fn lead_in(chars: &[char], start: usize, list: &[&str]) -> Option<usize> {
    let before = lower_slice(chars, start.saturating_sub(LEAD_IN_WINDOW), start);
    let trimmed = before.trim_end();
    list.iter().find_map(|w| {
        let rest = trimmed.strip_suffix(w)?;
        let boundary = rest.is_empty() || rest.ends_with(|c: char| !is_word_char(c));
        let back = before.chars().count().saturating_sub(rest.chars().count());
        boundary.then(|| start.saturating_sub(back))
    })
}

/// The pay period written right after `end`.
fn period_after(chars: &[char], end: usize) -> Option<&'static str> {
    period_phrase(chars, end).map(|(period, _)| period)
}

/// The pay period written right after `end`, and the char its words end at.
fn period_phrase(chars: &[char], end: usize) -> Option<(&'static str, usize)> {
    let after = lower_slice(chars, end, end + PERIOD_WINDOW);
    let t = after.trim_start();
    let lead = after.chars().count() - t.chars().count();
    words().periods.iter().find_map(|p| {
        let rest = t.strip_prefix(p.text)?;
        rest.chars()
            .next()
            .is_none_or(|c| !is_word_char(c))
            .then(|| (p.period.as_str(), end + lead + p.text.chars().count()))
    })
}

/// The period implied by words before the figure ("annual salary of", "hourly rate").
fn period_before(chars: &[char], start: usize, value: f64) -> Option<&'static str> {
    let before = lower_slice(chars, start.saturating_sub(30), start);
    if (before.contains("hourly") || before.contains("wage")) && value < 1000.0 {
        Some("hour")
    } else if (before.contains("annual") || before.contains("salary")) && value >= 10000.0 {
        Some("year")
    } else {
        None
    }
}

/// Every money mention in a segment's chars.
pub fn scan_money(chars: &[char]) -> Vec<Money> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((v1, end1, code, kilo1)) =
            amount_at(chars, i).or_else(|| bare_range_start(chars, i))
        else {
            i += 1;
            continue;
        };
        let between = after_between(chars, i);
        let mut m = Money {
            start: i,
            end: end1,
            min: Some(v1),
            max: Some(v1),
            currency: code,
            period: None,
            open: false,
        };
        if let Some((mut v2, end2, kilo2)) = range_tail(chars, end1, between, code) {
            // "$50-60k": the k belongs to both figures (and "$50k-60" likewise).
            let v1 = if kilo2 && !kilo1 && v1 < 1000.0 {
                v1 * 1000.0
            } else {
                v1
            };
            if kilo1 && !kilo2 && v2 < 1000.0 {
                v2 *= 1000.0;
            }
            // "£22 - 25,000 per annum": the thousands written once, on the top.
            let v1 = if v1 < 1000.0 && v2 >= 1000.0 && (v2 / 2.0..=v2).contains(&(v1 * 1000.0)) {
                v1 * 1000.0
            } else {
                v1
            };
            m.min = Some(v1);
            m.max = Some(v2);
            m.end = end2;
            // "$70,000 - $85,000 CAD": a code closing the range names its dollar.
            if code == "$" {
                if let Some((named, _)) = end2
                    .checked_sub(3)
                    .and_then(|k| currency_at(chars, k))
                    .filter(|(c, n)| is_dollar_code(c) && *n == 3)
                {
                    m.currency = named;
                }
            }
        } else {
            open_single(chars, &mut m);
        }
        let value = m.min.or(m.max).unwrap_or(0.0);
        let phrase = period_phrase(chars, m.end);
        m.period = phrase
            .map(|(period, _)| period)
            .or_else(|| period_before(chars, m.start, value));
        // "$18/hr and up": the open end may follow the figure's period.
        if !m.open && m.min == m.max {
            if let Some(end) = phrase.and_then(|(_, e)| open_after(chars, e)) {
                m.end = end;
                m.max = None;
                m.open = true;
            }
        }
        i = m.end.max(i + 1);
        out.push(m);
    }
    merge_split_range(out)
}

/// "min $50,000, max $60,000": a lower-bound-only figure followed closely by an
/// upper-bound-only one is one bounded range.
fn merge_split_range(list: Vec<Money>) -> Vec<Money> {
    let mut out: Vec<Money> = Vec::with_capacity(list.len());
    for m in list {
        if let Some(prev) = out.last_mut() {
            let lower_only = prev.open && prev.max.is_none() && prev.min.is_some();
            let upper_only = m.open && m.min.is_none() && m.max.is_some();
            if lower_only && upper_only && m.start <= prev.end + 40 {
                prev.max = m.max;
                prev.end = m.end;
                prev.open = false;
                prev.period = prev.period.or(m.period);
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Marks a single figure as open-ended when it is "$50k+", "up to …", "from …", "… or more".
fn open_single(chars: &[char], m: &mut Money) {
    if chars.get(m.end) == Some(&'+') {
        m.end += 1;
        m.max = None;
        m.open = true;
    } else if let Some(s) = lead_in(chars, m.start, words().upper_bound_only) {
        m.start = s;
        m.min = None;
        m.open = true;
    } else if let Some(s) = lead_in(chars, m.start, words().lower_bound_only) {
        m.start = s;
        m.max = None;
        m.open = true;
    } else if let Some(end) = open_after(chars, m.end) {
        m.end = end;
        m.max = None;
        m.open = true;
    }
}

/// Where wording that leaves a figure open upwards ("or more", "and up") ends, when it
/// stands right after `end`.
fn open_after(chars: &[char], end: usize) -> Option<usize> {
    let after = lower_slice(chars, end, end + OPEN_AFTER_WINDOW);
    let w = words()
        .open_after
        .iter()
        .find(|w| after.trim_start().starts_with(**w))?;
    let lead = after.chars().count() - after.trim_start().chars().count();
    Some(end + lead + w.chars().count())
}

/// The words that describe figure `m` itself: those of its own clause before it (back to
/// a comma, semicolon, bracket or "plus"/"with"), and up to three right after it before
/// any punctuation or clause word, past its period ("$5,000 signing bonus", "$3,500 per
/// year in educational funds"). A bonus, match or discount
/// mentioned after the pay range ("…a year, plus a yearly bonus of up to 10%") is a
/// separate fact and does not make the range something other than pay.
fn own_words<'p>(p: &'p Prepared<'_>, m: &Money) -> Vec<&'p Token> {
    let breaks = |a: usize, b: usize| p.slice(a, b).contains([',', ';', '(', ')', '.', '+']);
    let clause_words = words().clause_words;
    let mut out = Vec::new();
    let mut edge = m.start;
    let before = p.toks.partition_point(|t| t.end <= m.start);
    for t in p.toks[..before].iter().rev() {
        if t.end + 40 < m.start || breaks(t.end, edge) || clause_words.contains(&t.lower.as_str()) {
            break;
        }
        out.push(t);
        edge = t.start;
    }
    // The figure's period is part of it: "$3,500 per year in educational funds" is
    // read from "in" on.
    let mut edge = match m.period {
        Some(_) => period_phrase(p.chars, m.end).map_or(m.end, |(_, end)| end),
        None => m.end,
    };
    let after = p.toks.partition_point(|t| t.start < edge);
    for t in p.toks[after..].iter().take(3) {
        if breaks(edge, t.start) || clause_words.contains(&t.lower.as_str()) {
            break;
        }
        out.push(t);
        edge = t.end;
    }
    out
}

/// Does a word of `m`'s own clause make it something other than pay ("$5,000
/// signing bonus", "a $2m budget")? A sum set aside for pay is pay: "the
/// compensation budget … is $50K-$80K".
fn said_not_pay(p: &Prepared<'_>, m: &Money) -> bool {
    let w = words();
    own_words(p, m).iter().any(|t| {
        let word = t.lower.as_str();
        w.not_pay.contains(&word) && !(w.pay_sums.contains(&word) && after_pay_noun(p, t))
    })
}

/// Is the token before `t` a pay noun ("compensation budget")?
fn after_pay_noun(p: &Prepared<'_>, t: &Token) -> bool {
    let at = p.toks.partition_point(|x| x.start < t.start);
    at.checked_sub(1)
        .and_then(|k| p.toks.get(k))
        .is_some_and(|prev| words().pay_nouns.contains(&prev.lower.as_str()))
}

/// Is the figure `m` said to be for the job right after it ("a budget of £40,000 for
/// this role")? Then it is the job's pay, whatever word stands before it.
fn for_the_role(p: &Prepared<'_>, m: &Money) -> bool {
    let after = p.toks.partition_point(|t| t.start < m.end);
    let mut w = p.toks[after..].iter().map(|t| t.lower.as_str());
    matches!(
        (w.next(), w.next(), w.next()),
        (
            Some("for"),
            Some("this" | "the"),
            Some("role" | "position" | "post" | "job")
        )
    )
}

/// Is `m` a pay figure? Looks at the words of its own clause, then its sentence, and
/// at where it sits.
fn is_pay(p: &Prepared<'_>, m: &Money) -> bool {
    let near = p.sentence_words(m.start);
    let for_the_role = for_the_role(p, m);
    if !for_the_role && said_not_pay(p, m) {
        return false;
    }
    // "$0" is a job board's placeholder for pay not given.
    if m.min.or(m.max) == Some(0.0) && m.max.unwrap_or(0.0) == 0.0 {
        return false;
    }
    // A figure in a heading is the posting's headline pay ("Up to £51,763 + benefits").
    // A range in thousands ("£45k to £60k") is pay wherever it sits: nothing else in a
    // posting is a bounded range of that size without a word saying what it is.
    let thousands = m
        .min
        .zip(m.max)
        .is_some_and(|(a, b)| a >= 10_000.0 && b > a);
    p.seg.section == Section::Pay
        || p.seg.kind == SegKind::Heading
        || m.period.is_some()
        || thousands
        || for_the_role
        || near.iter().any(|t| is_pay_word(&t.lower))
}

/// A word that makes a figure in its sentence pay: listed, or a German compound
/// ending in a pay noun ("Monatsbruttogehalt").
fn is_pay_word(word: &str) -> bool {
    words().pay_words.contains(&word) || ends_in_pay_noun(word)
}

/// A German pay noun or a compound ending in one ("Monatsbruttogehalt").
fn ends_in_pay_noun(word: &str) -> bool {
    words().pay_word_endings.iter().any(|e| word.ends_with(e))
}

/// Pay wording, from `src/lint/data/pay.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    /// Where the words come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Phrases such as "competitive salary".
    vague: Vec<String>,
    /// Phrases such as "DOE": vague pay only where pay is spoken of.
    vague_in_context: Vec<String>,
    /// "unpaid", "gratis": pay declared none.
    #[serde(deserialize_with = "data::words")]
    unpaid: &'static [&'static str],
    /// Words for pay that a `depends_words` word may follow.
    #[serde(deserialize_with = "data::words")]
    pay_nouns: &'static [&'static str],
    /// "dependent", "based", "commensurate": pay said to depend on something.
    #[serde(deserialize_with = "data::words")]
    depends_words: &'static [&'static str],
    /// Words that make the pay noun after them something else ("response rate").
    #[serde(deserialize_with = "data::words")]
    not_pay_before: &'static [&'static str],
    /// German adjectives that make the pay they stand before depend on something,
    /// as stems that may end a compound ("erfahrungsabhängiges Gehalt").
    #[serde(deserialize_with = "data::words")]
    depends_stems: &'static [&'static str],
    /// "competitive", "attractive": pay praised instead of stated.
    #[serde(deserialize_with = "data::words")]
    praise_words: &'static [&'static str],
    /// German praise adjectives without their endings ("leistungsgerecht").
    #[serde(deserialize_with = "data::words")]
    praise_stems: &'static [&'static str],
    /// French praise adjectives, which follow the pay noun ("attractive").
    #[serde(deserialize_with = "data::words")]
    praise_after: &'static [&'static str],
    /// "vergütet", "paid": a job said to be paid, praised by the word before.
    #[serde(deserialize_with = "data::words")]
    pay_participles: &'static [&'static str],
    /// "bien": adverbs that praise a participle.
    #[serde(deserialize_with = "data::words")]
    praise_adverbs: &'static [&'static str],
    /// "TVöD", "Entgeltgruppe": pay scales whose grade states the pay.
    #[serde(deserialize_with = "data::words")]
    pay_scales: &'static [&'static str],
    /// "as", "it": Canadian public service groups, whose level ("AS-02") states the pay.
    #[serde(deserialize_with = "data::words")]
    service_groups: &'static [&'static str],
    /// Periods written after a figure ("/hr"), in the order they are tried.
    periods: Vec<PeriodWord>,
    /// "up to": the figure is a maximum.
    #[serde(deserialize_with = "data::words")]
    upper_bound_only: &'static [&'static str],
    /// "from": the figure is a minimum.
    #[serde(deserialize_with = "data::words")]
    lower_bound_only: &'static [&'static str],
    /// "or more" after a figure.
    #[serde(deserialize_with = "data::words")]
    open_after: &'static [&'static str],
    /// "bonus": the figure is not pay.
    #[serde(deserialize_with = "data::words")]
    not_pay: &'static [&'static str],
    /// "budget": a `not_pay` sum that a pay noun before it makes pay.
    #[serde(deserialize_with = "data::words")]
    pay_sums: &'static [&'static str],
    /// "not specified": pay not given, in a job board's words.
    not_given: Vec<String>,
    /// "packaging": the pay noun before names a benefit scheme.
    #[serde(deserialize_with = "data::words")]
    scheme_words: &'static [&'static str],
    /// "salary": the figure is pay.
    #[serde(deserialize_with = "data::words")]
    pay_words: &'static [&'static str],
    /// "gehalt": a word ending so ("Monatsbruttogehalt") makes the figure pay.
    #[serde(deserialize_with = "data::words")]
    pay_word_endings: &'static [&'static str],
    /// "plus": a new fact starts.
    #[serde(deserialize_with = "data::words")]
    clause_words: &'static [&'static str],
}

/// A period as written after a figure.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodWord {
    #[serde(deserialize_with = "data::text")]
    text: Text,
    period: Period,
}

/// The periods pay is given in (the names the pay rules compare).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    fn as_str(self) -> &'static str {
        match self {
            Period::Hour => "hour",
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }
}

/// The pay words, with the vague phrases as a phrase set: read once.
struct Words {
    vague: PhraseSet,
    vague_in_context: PhraseSet,
    unpaid: &'static [&'static str],
    periods: Vec<PeriodWord>,
    upper_bound_only: &'static [&'static str],
    lower_bound_only: &'static [&'static str],
    open_after: &'static [&'static str],
    not_pay: &'static [&'static str],
    pay_sums: &'static [&'static str],
    not_given: Vec<String>,
    scheme_words: &'static [&'static str],
    pay_words: &'static [&'static str],
    pay_word_endings: &'static [&'static str],
    clause_words: &'static [&'static str],
    pay_nouns: &'static [&'static str],
    depends_words: &'static [&'static str],
    not_pay_before: &'static [&'static str],
    depends_stems: &'static [&'static str],
    praise_words: &'static [&'static str],
    praise_stems: &'static [&'static str],
    praise_after: &'static [&'static str],
    pay_participles: &'static [&'static str],
    praise_adverbs: &'static [&'static str],
    /// The pay scales, as words ("TV-L" is "tv", "l").
    pay_scales: PhraseSet,
    service_groups: &'static [&'static str],
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let l: Lists = data::load("pay");
        Words {
            vague: PhraseSet::new(l.vague.iter().map(String::as_str)),
            vague_in_context: PhraseSet::new(l.vague_in_context.iter().map(String::as_str)),
            unpaid: l.unpaid,
            periods: l.periods,
            upper_bound_only: l.upper_bound_only,
            lower_bound_only: l.lower_bound_only,
            open_after: l.open_after,
            not_pay: l.not_pay,
            pay_sums: l.pay_sums,
            not_given: l.not_given,
            scheme_words: l.scheme_words,
            pay_words: l.pay_words,
            pay_word_endings: l.pay_word_endings,
            clause_words: l.clause_words,
            pay_nouns: l.pay_nouns,
            depends_words: l.depends_words,
            not_pay_before: l.not_pay_before,
            depends_stems: l.depends_stems,
            praise_words: l.praise_words,
            praise_stems: l.praise_stems,
            praise_after: l.praise_after,
            pay_participles: l.pay_participles,
            praise_adverbs: l.praise_adverbs,
            pay_scales: PhraseSet::new(l.pay_scales.iter().copied()),
            service_groups: l.service_groups,
        }
    })
}

/// Parses the data file (for the data tests), and checks that each phrase fits the
/// stretch of text it is looked for in.
#[cfg(test)]
pub(crate) fn data_loads() {
    let w = words();
    let fits = |list: &[&str], window: usize, what: &str| {
        for p in list {
            assert!(
                p.chars().count() < window,
                "pay.toml: `{p}` in `{what}` is longer than the {window} characters searched"
            );
        }
    };
    let periods: Vec<&str> = w.periods.iter().map(|p| p.text).collect();
    fits(&periods, PERIOD_WINDOW, "periods");
    fits(w.upper_bound_only, LEAD_IN_WINDOW, "upper_bound_only");
    fits(w.lower_bound_only, LEAD_IN_WINDOW, "lower_bound_only");
    fits(w.open_after, OPEN_AFTER_WINDOW, "open_after");
}

/// The posting's pay: the first pay figure in the pay section, else the first anywhere,
/// else vague wording ("competitive") as an open-ended pay with no figures.
pub(super) fn find_pay(prep: &[Prepared<'_>]) -> Option<PayFacts> {
    let in_pay = prep.iter().filter(|p| p.seg.section == Section::Pay);
    let found = in_pay.chain(prep.iter()).find_map(|p| {
        scan_money(p.chars)
            .into_iter()
            .find(|m| is_pay(p, m))
            .map(|m| (p, m))
    });
    let found = found.or_else(|| {
        let in_pay = prep.iter().filter(|p| p.seg.section == Section::Pay);
        in_pay
            .chain(prep.iter())
            .find_map(|p| bare_pay(p).map(|m| (p, m)))
    });
    if let Some((p, m)) = found {
        return Some(PayFacts {
            min: m.min,
            max: m.max,
            currency: (!m.currency.is_empty()).then(|| m.currency.to_string()),
            period: m.period.map(str::to_string),
            open_ended: m.open.then(|| p.slice(m.start, m.end)),
            loc: Some(p.seg.loc_at(m.start)),
            end: p.seg.exact.then(|| p.seg.loc_at(m.end)),
        });
    }
    vague_pay(prep)
}

/// Pay written without a currency ("salary: 52000", "a salary of around 50-60k"): in
/// the pay section or a sentence with a pay word, a figure with a k, or of four digits
/// or more that is not a year, and not in a clause that makes it something else.
fn bare_pay(p: &Prepared<'_>) -> Option<Money> {
    // Every figure here needs a pay word beside it, or the pay section: a segment
    // with neither is passed over whole.
    let in_pay_section = p.seg.section == Section::Pay;
    if !in_pay_section && !p.toks.iter().any(|t| is_pay_word(&t.lower)) {
        return None;
    }
    let chars = p.chars;
    let mut i = 0;
    while i < chars.len() {
        let before_ok =
            i == 0 || !(is_word_char(chars[i - 1]) || matches!(chars[i - 1], '.' | ','));
        let Some((v, end, kilo)) = before_ok
            .then(|| number_at(chars, i, Grouping::Comma))
            .flatten()
        else {
            i += 1;
            continue;
        };
        let plain_digits = chars[i..end].iter().all(char::is_ascii_digit);
        let year = !kilo && plain_digits && (1900.0..=2100.0).contains(&v);
        let mut m = Money {
            start: i,
            end,
            min: Some(v),
            max: Some(v),
            currency: "",
            period: None,
            open: false,
        };
        if let Some((v2, end2, kilo2)) = range_tail(chars, end, false, "") {
            // "50-60k": the k belongs to both figures.
            let v1 = if kilo2 && !kilo && v < 1000.0 {
                v * 1000.0
            } else {
                v
            };
            let v2 = if kilo && !kilo2 && v2 < 1000.0 {
                v2 * 1000.0
            } else {
                v2
            };
            (m.min, m.max, m.end) = (Some(v1), Some(v2), end2);
        } else {
            open_single(chars, &mut m);
        }
        let value = m.min.or(m.max).unwrap_or(0.0);
        // A small figure is pay only as an hourly rate ("Hourly rate: 22.50-25.00",
        // "Pay: 22 to 25 per hour"): counts of years or hours are not.
        let hourly = || {
            // A figure that counts something ("hourly basis (20 hours per week)") is
            // no rate, whatever word went before it.
            let counts = chars[m.end..]
                .iter()
                .find(|c| **c != ' ')
                .is_some_and(|c| c.is_alphabetic());
            let said_before =
                lower_slice(chars, m.start.saturating_sub(30), m.start).contains("hourly");
            (said_before && !counts) || period_after(chars, m.end) == Some("hour")
        };
        let big = value >= 1000.0 || ((1.0..1000.0).contains(&value) && hourly());
        let not_pay = said_not_pay(p, &m);
        let near = in_pay_section || pay_word_near(p, m.start, m.end);
        if big && !year && !not_pay && near && !phone_number(chars, m.start, m.end) {
            m.period = period_after(chars, m.end).or_else(|| period_before(chars, m.start, value));
            return Some(m);
        }
        i = m.end.max(i + 1);
    }
    None
}

/// Words either side of a bare figure a pay word may stand in ("Salary: 52000",
/// "pays 45000 to 55000 a year"); a posting's label lines run into one paragraph, so
/// "Req #: 185187 … Salary: commensurate" is not a salary of 185,187.
const PAY_WORD_REACH: usize = 6;

/// Is a pay word within [`PAY_WORD_REACH`] words of chars `start..end`?
fn pay_word_near(p: &Prepared<'_>, start: usize, end: usize) -> bool {
    let first = p.toks.partition_point(|t| t.end <= start);
    let last = p.toks.partition_point(|t| t.start < end);
    let from = first.saturating_sub(PAY_WORD_REACH);
    let to = (last + PAY_WORD_REACH).min(p.toks.len());
    p.toks[from..to].iter().any(|t| is_pay_word(&t.lower))
}

/// Is the figure at chars `start..end` part of a telephone number ("call (02) 6120
/// 8701", "555-123-4567", "06 12 34 56 78")? Seven digits or more in groups, with an
/// area code in brackets, a "+", three groups or more not grouped in thousands, or two
/// whose first starts with 0; a range ("52 000 - 60 000") is none.
fn phone_number(chars: &[char], start: usize, end: usize) -> bool {
    let part = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+');
    let mut a = start;
    while a > 0 && part(chars[a - 1]) {
        a -= 1;
    }
    let mut b = end;
    while b < chars.len() && part(chars[b]) {
        b += 1;
    }
    let run: String = chars[a..b].iter().collect();
    let run = run.trim_matches(|c: char| c == ' ' || c == '.' || c == '-');
    let groups: Vec<&str> = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    if digits < 7 || run.contains(" - ") || groups.len() < 2 {
        return false;
    }
    // "22.50-25.00": two figures with cents, not a number split by dots.
    let dots = run.matches('.').count();
    let cents = run
        .split('.')
        .skip(1)
        .all(|g| g.bytes().take_while(u8::is_ascii_digit).count() == 2);
    if (1..=2).contains(&dots) && cents {
        return false;
    }
    let thousands = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    run.starts_with(['(', '+'])
        || (groups.len() >= 3 && !thousands)
        || (groups.len() == 2 && groups[0].starts_with('0'))
}

/// Pay worded with no figure: a listed phrase, pay said to depend on something or
/// praised, or pay told in words under its own heading or label.
pub(super) fn vague_pay(prep: &[Prepared<'_>]) -> Option<PayFacts> {
    listed_vague(prep)
        .or_else(|| described_pay(prep))
        .or_else(|| pay_offered_bare(prep))
}

/// Words that may stand beside a pay noun in an offer that states no figure ("Salary
/// base plus commissions", "Base salary + bonus", "Salary base plus commissions and
/// travel expenses paid").
const BARE_PAY_WORDS: &[&str] = &[
    "base",
    "basic",
    "plus",
    "and",
    "with",
    "commission",
    "commissions",
    "bonus",
    "bonuses",
    "hourly",
    "annual",
    "monthly",
    "weekly",
    "travel",
    "expenses",
    "paid",
    "reimbursed",
    "tips",
];

/// The most words a list item offering pay by name alone may have.
const BARE_PAY_ITEM: usize = 8;

/// A list item that offers pay by its name alone ("Salary base", "Base salary plus
/// commissions" among "What we offer"): pay spoken of, no figure given.
fn pay_offered_bare(prep: &[Prepared<'_>]) -> Option<PayFacts> {
    let p = prep.iter().find(|p| {
        let toks = p.toks;
        p.seg.kind == SegKind::Bullet
            && (1..=BARE_PAY_ITEM).contains(&toks.len())
            && !has_figure(p.chars)
            && toks
                .iter()
                .any(|t| words().pay_nouns.contains(&t.lower.as_str()))
            && toks.iter().all(|t| {
                words().pay_nouns.contains(&t.lower.as_str())
                    || BARE_PAY_WORDS.contains(&t.lower.as_str())
            })
    })?;
    let last = p.toks.len() - 1;
    Some(PayFacts {
        open_ended: Some(p.tok_text(0, last)),
        loc: Some(p.seg.loc_at(p.toks[0].start)),
        end: p.seg.exact.then(|| p.seg.loc_at(p.toks[last].end)),
        ..PayFacts::default()
    })
}

/// Does the segment give pay: a figure [`find_pay`] takes as pay, or a pay grade?
pub(super) fn states_figure(p: &Prepared<'_>) -> bool {
    scan_money(p.chars).iter().any(|m| is_pay(p, m)) || bare_pay(p).is_some() || names_pay_grade(p)
}

/// The most words a pay heading has ("Pay and working hours").
const PAY_HEADING_WORDS: usize = 4;

/// Words of a pay heading that make it a benefits heading too ("Compensation and
/// Benefits", "Pay & Perks").
const BENEFIT_HEADING_WORDS: &[&str] = &[
    "benefits",
    "benefit",
    "perks",
    "avantages",
    "leistungen",
    "vorteile",
    "zusatzleistungen",
];

/// Does the text hold a number other than an ordinal? "13ᵉ mois", "13th month" and
/// "2nd shift" count nothing; a figure lint could not read still counts.
fn has_figure(chars: &[char]) -> bool {
    const ORDINAL_ENDINGS: &[&str] = &[
        "ᵉ", "e", "ème", "eme", "er", "th", "st", "nd", "rd", "te", "ten",
    ];
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let end = chars[i..]
            .iter()
            .position(|c| !c.is_alphabetic())
            .map_or(chars.len(), |n| i + n);
        let ending: String = chars[i..end].iter().collect::<String>().to_lowercase();
        if !ORDINAL_ENDINGS.contains(&ending.as_str()) {
            return true;
        }
        i = end;
    }
    false
}

/// Pay told in words of one's own under its own heading or label, with no figure
/// anywhere ("Money: We're a grant-funded non-profit, but we'll see what we can do"):
/// the first sentence right after a pay heading, or a line labelled as pay, that names
/// no benefit (a "Pay and benefits" section may list only benefits).
fn described_pay(prep: &[Prepared<'_>]) -> Option<PayFacts> {
    let labelled = |p: &Prepared<'_>| {
        p.chars
            .iter()
            .take(30)
            .position(|&c| c == ':')
            .is_some_and(|colon| {
                let label = p.slice(0, colon);
                crate::lint::doc::classify_heading(label.trim()) == Some(Section::Pay)
            })
    };
    // A pay heading of a few words ("Salary", "Pay and hours"), not a slogan that
    // names pay ("Create a lifetime of memories and earn a salary!").
    // Under "Compensation and Benefits" a line may be a benefit ("Equipment provided"):
    // there only a line that speaks of pay tells it.
    let after_heading = |i: usize| {
        i.checked_sub(1).is_some_and(|h| {
            let heading = &prep[h];
            let shared = heading
                .toks
                .iter()
                .any(|t| BENEFIT_HEADING_WORDS.contains(&t.lower.as_str()));
            heading.seg.kind == SegKind::Heading
                && heading.seg.section == Section::Pay
                && heading.toks.len() <= PAY_HEADING_WORDS
                && (!shared || prep[i].toks.iter().any(|t| is_pay_word(&t.lower)))
        })
    };
    // A figure lint could not read ("16,50$/heure") is no reason to call the pay vague;
    // nor is pay declared none ("Salary: gratis", "unpaid").
    let unpaid = |p: &Prepared<'_>| {
        p.toks
            .iter()
            .any(|t| words().unpaid.contains(&t.lower.as_str()))
    };
    let (_, p) = prep.iter().enumerate().find(|&(i, p)| {
        p.seg.section == Section::Pay
            && p.seg.kind != SegKind::Heading
            && !p.toks.is_empty()
            && (after_heading(i) || labelled(p))
            && !has_figure(p.chars)
            && !unpaid(p)
            && !not_given(p)
            && !super::names_benefits(p)
            && !names_pay_grade(p)
    })?;
    let last = p.toks.len().min(12) - 1;
    Some(PayFacts {
        open_ended: Some(p.tok_text(0, last)),
        loc: Some(p.seg.loc_at(p.toks[0].start)),
        end: p.seg.exact.then(|| p.seg.loc_at(p.toks[last].end)),
        ..PayFacts::default()
    })
}

/// Does the line say pay was not given, as a job board prints it ("Salary: Not
/// specified")? That is pay missing, not pay described.
fn not_given(p: &Prepared<'_>) -> bool {
    let text = p.slice(0, p.chars.len()).to_lowercase();
    words().not_given.iter().any(|w| text.contains(w.as_str()))
}

/// Does a scheme word follow token `i` ("salary packaging", "salary sacrifice")? Then
/// the pay noun there names a benefit scheme, not the pay.
fn scheme_after(p: &Prepared<'_>, i: usize) -> bool {
    p.toks
        .get(i + 1)
        .is_some_and(|t| words().scheme_words.contains(&t.lower.as_str()))
}

/// A listed phrase ("competitive salary"), pay said to depend on something or praised,
/// or a word of that kind alone under a pay heading.
fn listed_vague(prep: &[Prepared<'_>]) -> Option<PayFacts> {
    for p in prep.iter().filter(|p| !names_pay_grade(p)) {
        // "attractive salary packaging benefits": praise of a benefit scheme.
        let hit = p
            .find(&words().vague)
            .into_iter()
            .find(|h| !scheme_after(p, h.last))
            .or_else(|| {
                let in_context = p.find(&words().vague_in_context);
                in_context.into_iter().next().filter(|_| speaks_of_pay(p))
            });
        // "Salary: Competitive" in the pay section, or a short line of its own under a
        // pay heading ("TBD", "Negotiable", "A discuter en fonction de votre profil"):
        // the heading is the pay noun.
        let short = p.toks.len() <= 8 && p.seg.kind != SegKind::Heading;
        let bare = (p.seg.section == Section::Pay)
            .then(|| {
                p.toks.iter().position(|t| {
                    t.lower == "competitive"
                        || (short && words().depends_words.contains(&t.lower.as_str()))
                })
            })
            .flatten();
        // The fullest wording first: a listed phrase, then a pay noun with what it
        // depends on or its praise, then the word alone under a pay heading.
        let span = match hit {
            Some(h) => Some((h.first, h.last)),
            // A short line is quoted whole ("A discuter en fonction de votre profil").
            None => wording(p).or(bare.map(|i| if short { (0, p.toks.len() - 1) } else { (i, i) })),
        };
        if let Some((a, b)) = span {
            return Some(PayFacts {
                open_ended: Some(p.tok_text(a, b)),
                loc: p.toks.get(a).map(|t| p.seg.loc_at(t.start)),
                end: p
                    .toks
                    .get(b)
                    .filter(|_| p.seg.exact)
                    .map(|t| p.seg.loc_at(t.end)),
                ..PayFacts::default()
            });
        }
    }
    None
}

/// Is the segment about pay: in the pay section, or with a pay noun or pay word?
fn speaks_of_pay(p: &Prepared<'_>) -> bool {
    let w = words();
    p.seg.section == Section::Pay
        || p.toks.iter().any(|t| {
            let t = t.lower.as_str();
            w.pay_nouns.contains(&t) || w.pay_words.contains(&t)
        })
}

/// Pay said to depend on something or praised, as tokens (first, last): both, when
/// they are one phrase ("ein attraktives, leistungsabhängiges Einkommen").
fn wording(p: &Prepared<'_>) -> Option<(usize, usize)> {
    // "attractive salary packaging": the pay noun names a benefit scheme.
    let scheme = (0..p.toks.len())
        .any(|i| words().pay_nouns.contains(&p.toks[i].lower.as_str()) && scheme_after(p, i));
    if scheme {
        return None;
    }
    match (depends(p), praised(p)) {
        (Some(d), Some(r)) if d.0 <= r.1 + 1 && r.0 <= d.1 + 1 => {
            Some((d.0.min(r.0), d.1.max(r.1)))
        }
        (d, r) => d.or(r),
    }
}

/// Does the segment name a grade of a collective agreement's pay scale ("TV-L 11",
/// "Entgeltgruppe S8a")? Then its pay is stated, whatever praise stands beside it.
/// Read on the words (a scale written "TV-L" is the words "tv", "l"), with a digit in
/// one of the three words after it; every posting's every segment is asked.
pub fn names_pay_grade(p: &Prepared<'_>) -> bool {
    let toks = p.toks;
    let has_digit = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.lower.bytes().any(|b| b.is_ascii_digit()))
    };
    words()
        .pay_scales
        .find_all(toks)
        .iter()
        .any(|h| (h.last + 1..h.last + 4).any(has_digit))
        || toks
            .windows(2)
            .any(|w| public_service_level(p, &w[0], &w[1]))
}

/// "AS-02", "IT-03": a Canadian public service group and level, which sets the pay.
/// The group in capitals, a hyphen, and a two-digit level with its zero.
fn public_service_level(p: &Prepared<'_>, group: &Token, level: &Token) -> bool {
    level.hyphen_before
        && level.lower.len() == 2
        && level.lower.starts_with('0')
        && level.lower.as_bytes()[1].is_ascii_digit()
        && words().service_groups.contains(&group.lower.as_str())
        && p.word_is(group, &group.lower.to_ascii_uppercase())
}

/// "Wage dependent upon experience": a pay noun and, within five words of the same
/// sentence, a word that makes the pay depend on something: (pay noun, the end of
/// that word's phrase).
fn depends(p: &Prepared<'_>) -> Option<(usize, usize)> {
    let (w, toks) = (words(), p.toks);
    // German puts the adjective first: "ein Qualifikation abhängiges Einstiegsgehalt".
    let before_noun = || {
        word_then(
            p,
            |i| adjective_of(&toks[i].lower, w.depends_stems, true),
            2,
            |_, k| matches!(p.slice(toks[k - 1].end, toks[k].start).trim(), "" | ","),
            |k| pay_noun_at(p, k),
        )
    };
    let (i, k) = before_noun().or_else(|| {
        word_then(
            p,
            |i| {
                let other = i > 0 && w.not_pay_before.contains(&toks[i - 1].lower.as_str());
                is_pay_noun(&toks[i].lower) && !other
            },
            5,
            |i, k| {
                !p.slice(toks[i].end, toks[k].start)
                    .contains(['.', '!', '?', ';'])
            },
            |k| w.depends_words.contains(&toks[k].lower.as_str()),
        )
    })?;
    Some((i.min(k), clause_tail(p, i.max(k), 4)))
}

/// A word for pay: listed, or a German compound ending in one ("Einstiegsgehalt").
fn is_pay_noun(word: &str) -> bool {
    words().pay_nouns.contains(&word) || ends_in_pay_noun(word)
}

/// A German adjective with one of its endings ("", "e", "es", "en", "er", "em")
/// on one of `stems`; in a compound too (`ending_compound`: "erfahrungsabhängig").
fn adjective_of(word: &str, stems: &[&str], ending_compound: bool) -> bool {
    ["", "e", "es", "en", "er", "em"].iter().any(|end| {
        word.strip_suffix(end).is_some_and(|base| {
            stems
                .iter()
                .any(|s| base == *s || (ending_compound && base.ends_with(s)))
        })
    })
}

/// "A highly competitive salary", "attractive remuneration package", "great pay",
/// "leistungsgerechte Bezahlung": a praise word and a pay noun after it, at most one
/// word between; or, in French, a pay noun and a praise word after it ("rémunération
/// attractive"); or a praised participle ("attraktiv vergütet", "well-paid"):
/// (first, last).
fn praised(p: &Prepared<'_>) -> Option<(usize, usize)> {
    let (w, toks) = (words(), p.toks);
    let next_to =
        |_: usize, k: usize| matches!(p.slice(toks[k - 1].end, toks[k].start).trim(), "" | ",");
    let is = |list: &[&str], k: usize| list.contains(&toks[k].lower.as_str());
    let praise = |i: usize| praise_word(&toks[i].lower);
    // "above-market compensation": the tokenizer parts a hyphenated praise word.
    let before_noun = || {
        word_then(
            p,
            |i| praise(i) || hyphened_praise(p, i).is_some(),
            2,
            next_to,
            |k| pay_noun_at(p, k),
        )
        .map(|(i, k)| (hyphened_praise(p, i).unwrap_or(i), k))
    };
    let after_noun = || {
        word_then(
            p,
            |i| is(w.pay_nouns, i),
            2,
            next_to,
            |k| is(w.praise_after, k),
        )
    };
    let participle = |k: usize| is(w.pay_participles, k);
    let praised_participle = || {
        word_then(
            p,
            |i| praise(i) || is(w.praise_adverbs, i),
            1,
            next_to,
            participle,
        )
    };
    // "Pay is competitive", "The salary is very attractive": praise said of the pay.
    let predicative = || {
        (0..toks.len()).find_map(|i| {
            let copula = toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "is" | "are"));
            if !copula || !pay_noun_at(p, i) {
                return None;
            }
            let mut k = i + 2;
            if toks.get(k).is_some_and(|t| {
                matches!(t.lower.as_str(), "very" | "highly" | "extremely" | "really")
            }) {
                k += 1;
            }
            toks.get(k)
                .is_some_and(|t| praise_word(&t.lower))
                .then_some((i, k))
        })
    };
    before_noun()
        .or_else(after_noun)
        .or_else(praised_participle)
        .or_else(predicative)
}

/// A listed praise word written with hyphens ("above-market", "top-of-market") ending
/// at token `i`: its first token.
fn hyphened_praise(p: &Prepared<'_>, i: usize) -> Option<usize> {
    let toks = p.toks;
    let mut first = i;
    while toks[first].hyphen_before && i - first < 3 {
        first -= 1;
        if praise_word(&p.slice(toks[first].start, toks[i].end).to_lowercase()) {
            return Some(first);
        }
    }
    None
}

/// A word that praises pay: listed, or a German stem with an adjective ending.
fn praise_word(word: &str) -> bool {
    let w = words();
    w.praise_words.contains(&word) || adjective_of(word, w.praise_stems, false)
}

/// The first token `i` that is a `first` word with a `second` word at most `reach`
/// tokens after it, every token up to it joined as `joined(i, k)` allows: (i, k).
fn word_then(
    p: &Prepared<'_>,
    first: impl Fn(usize) -> bool,
    reach: usize,
    joined: impl Fn(usize, usize) -> bool,
    second: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let n = p.toks.len();
    (0..n).filter(|&i| first(i)).find_map(|i| {
        (i + 1..n.min(i + 1 + reach))
            .take_while(|&k| joined(i, k))
            .find(|&k| second(k))
            .map(|k| (i, k))
    })
}

/// A pay noun at token `k`: "package" only as "salary package", praised ("an
/// attractive package") or a package of pay ("remuneration package" is found at
/// "remuneration"), "rates" as "rates of pay",
/// "hourly rates" or "market rates".
fn pay_noun_at(p: &Prepared<'_>, k: usize) -> bool {
    let toks = p.toks;
    let word = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
    match word(k) {
        // "an attractive package" is pay praised; "a generous benefits package" is not.
        "package" => {
            matches!(
                word(k.wrapping_sub(1)),
                "salary" | "pay" | "remuneration" | "compensation"
            ) || praise_word(word(k.wrapping_sub(1)))
        }
        "rates" | "rate" => {
            word(k + 1) == "of" && word(k + 2) == "pay"
                || matches!(word(k.wrapping_sub(1)), "hourly" | "market")
        }
        w => is_pay_noun(w),
    }
}

/// Token `k` and up to `n` more in its clause ("dependent upon experience").
fn clause_tail(p: &Prepared<'_>, k: usize, n: usize) -> usize {
    let toks = p.toks;
    let mut last = k;
    while last + 1 < toks.len()
        && last < k + n
        && !p
            .slice(toks[last].end, toks[last + 1].start)
            .contains(['.', ',', ';', '!', '?', '\n'])
    {
        last += 1;
    }
    last
}

/// Bare `$` becomes the dollar of the posting's country (CAD in Canada, AUD in
/// Australia, …; [`crate::money::dollar_of`]) and USD elsewhere; a posting paid in
/// US dollars with no stated country is taken to be a US posting.
pub(super) fn settle_currency(facts: &mut Facts) {
    let country = facts.country.clone();
    if let Some(pay) = facts.pay.as_mut() {
        if pay.currency.as_deref() == Some(DOLLAR) {
            let code = country.as_deref().and_then(crate::money::dollar_of);
            pay.currency = Some(code.unwrap_or("USD").to_string());
        }
        if country.is_none() && pay.currency.as_deref() == Some("USD") {
            facts.country = Some("US".to_string());
        }
    }
}
