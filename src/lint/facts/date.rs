//! The date a posting was published, read from a "Posted …" line or a front matter
//! date: a law binds only postings published from its effective date on, so a
//! posting from 2018 is not held to a law of 2023.
//!
//! Dates are read as real postings write them: "2024-04-24" (with a time or not),
//! "April 24, 2024", "24 April 2024", "1. Februar 2027", "1er février 2027",
//! "4/24/2024" (month first unless the first number cannot be a month), and
//! "April 2024" (the first of the month).

use super::Prepared;

/// Words that open a publication-date line, lower case, as token sequences.
const LABELS: &[&[&str]] = &[
    &["posted"],
    &["posted", "on"],
    &["date", "posted"],
    &["posting", "date"],
    &["post", "date"],
    &["date", "of", "posting"],
    &["published", "date"],
    &["date", "published"],
    &["date", "de", "parution"],
    &["eingestellt", "am"],
    &["published"],
    &["published", "on"],
    &["publication", "date"],
    &["publiée", "le"],
    &["publié", "le"],
    &["date", "de", "publication"],
    &["veröffentlicht", "am"],
    &["veröffentlicht"],
    &["date"],
    &["datum"],
];

/// Labels that name a publication date only when a colon follows ("Date: 2020-10-09"
/// at a posting's head), not in a sentence ("Date of entry is flexible").
const COLON_ONLY: &[&[&str]] = &[&["date"], &["datum"]];

/// The publication date ("2024-04-24") of the first segment that is a
/// publication-date line.
pub(super) fn posted_on(prep: &[Prepared<'_>]) -> Option<String> {
    prep.iter()
        .find_map(|p| labelled(p).or_else(|| dateline(p)))
}

/// "Posted: April 24, 2024", "Date: 2020-10-09": a label, then the date, at the
/// start of the segment, of one of its lines ("Location: Kingston.\nPosted April
/// 2, 2025." in one paragraph) or of a sentence ("Gasthaus Lindenhof, Freiburg.
/// Veröffentlicht am 14. März 2017.").
fn labelled(p: &Prepared<'_>) -> Option<String> {
    let toks = p.toks;
    (0..toks.len())
        .filter(|&i| {
            i == 0 || {
                let gap = &p.chars[toks[i - 1].end..toks[i].start];
                gap.contains(&'\n') || gap.first() == Some(&'.')
            }
        })
        .find_map(|i| labelled_at(p, i))
}

/// A publication-date label at token `i`, and the date after it.
fn labelled_at(p: &Prepared<'_>, i: usize) -> Option<String> {
    // Most sentences open with no label: ask the first word before gathering three.
    if !LABELS.iter().any(|l| l[0] == p.toks[i].lower) {
        return None;
    }
    let words: Vec<&str> = p.toks[i..]
        .iter()
        .take(3)
        .map(|t| t.lower.as_str())
        .collect();
    let label = LABELS
        .iter()
        .filter(|l| words.starts_with(l))
        .max_by_key(|l| l.len())?;
    let colon = p.chars.get(p.toks[i + label.len() - 1].end) == Some(&':');
    if COLON_ONLY.contains(label) && !colon {
        return None;
    }
    let rest = p
        .toks
        .get(i + label.len())
        .map_or("", |t| &p.seg.text[byte(p, t.start)..]);
    parse(rest)
}

/// "Paris, le 3 avril 2018", "Berlin, den 12. März 2024", "London, 3 April 2018": a
/// letter's dateline, a line of its own with a place, a comma and a full date.
fn dateline(p: &Prepared<'_>) -> Option<String> {
    const LEADS: &[&str] = &["le", "den", "am", "the"];
    let toks = p.toks;
    if toks.len() > 8 || !p.capitalised(toks.first()?) {
        return None;
    }
    let year = toks.last()?;
    let four_digits = year.lower.len() == 4 && year.lower.bytes().all(|b| b.is_ascii_digit());
    if !four_digits {
        return None;
    }
    let comma = toks
        .windows(2)
        .position(|w| p.slice(w[0].end, w[1].start).trim() == ",")?;
    let mut first = comma + 1;
    if LEADS.contains(&toks[first].lower.as_str()) {
        first += 1;
    }
    if first >= toks.len() - 1 {
        return None;
    }
    parse(&p.seg.text[byte(p, toks[first].start)..])
}

/// The byte offset of char `k` of a prepared segment's text.
fn byte(p: &Prepared<'_>, k: usize) -> usize {
    p.chars[..k].iter().map(|c| c.len_utf8()).sum()
}

/// The first date in the first eight words of `text`, as an ISO date: the import's
/// reader ([`crate::date::find`], month first as in the US when the order is
/// open), or a month and year alone ("April 2024", the first of the month).
pub fn parse(text: &str) -> Option<String> {
    // Brackets and other marks around a date are not part of it: "(April 24, 2024)".
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ':')))
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let date = crate::date::find(&words.join(" "), true)
        .and_then(|r| r.date.date)
        .map(|d| (u32::from(d.year), u32::from(d.month), u32::from(d.day)))
        .or_else(|| month_and_year(&words))?;
    let (y, m, d) = date;
    (1990..=2100)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// "April 2024": a month name and a year after it, read as the first of the month.
fn month_and_year(words: &[&str]) -> Option<(u32, u32, u32)> {
    words.windows(2).find_map(|w| {
        let m = crate::date::month(w[0])?;
        let y = w[1].trim_end_matches('.');
        (y.len() == 4)
            .then(|| y.parse().ok())
            .flatten()
            .map(|y| (y, u32::from(m), 1))
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_the_dates_postings_write() {
        for (text, want) in [
            ("2024-04-24", "2024-04-24"),
            ("2017-05-01 10:00:00 -0500", "2017-05-01"),
            ("2024-01-25T16:51:38+01:00", "2024-01-25"),
            ("Posted (April 24, 2024)", "2024-04-24"),
            ("04.01.2027", "2027-04-01"),
            ("April 24, 2024", "2024-04-24"),
            ("Apr 24th 2024", "2024-04-24"),
            ("24 April 2024", "2024-04-24"),
            ("1. Februar 2027", "2027-02-01"),
            ("1er février 2027", "2027-02-01"),
            ("4/24/2024", "2024-04-24"),
            ("24/4/2024", "2024-04-24"),
            ("April 2024", "2024-04-01"),
        ] {
            assert_eq!(parse(text).as_deref(), Some(want), "{text}");
        }
        for text in ["ASAP", "", "Ab sofort", "May we help", "13/13/2024"] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    proptest::proptest! {
        /// Any text: no panic, and a date found is a real calendar shape.
        #[test]
        fn any_text_gives_no_date_or_a_well_formed_one(text in "\\PC{0,60}") {
            if let Some(d) = parse(&text) {
                let parts: Vec<u32> = d.split('-').filter_map(|x| x.parse().ok()).collect();
                proptest::prop_assert_eq!(parts.len(), 3, "{}", d);
                proptest::prop_assert!((1990..=2100).contains(&parts[0]), "{}", d);
                proptest::prop_assert!((1..=12).contains(&parts[1]), "{}", d);
                proptest::prop_assert!((1..=31).contains(&parts[2]), "{}", d);
            }
        }

        /// A written date after a few words (as after "Posted on") is read back as
        /// written; the reader looks at a line's first eight words only.
        #[test]
        fn written_dates_are_read_back(y in 1990u32..2100, m in 1u32..=12, d in 1u32..=28,
                                       before in "[xqz]{1,3}( [xqz]{1,3}){0,3}") {
            const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May",
                "June", "July", "August", "September", "October", "November", "December"];
            let want = format!("{y:04}-{m:02}-{d:02}");
            let before = format!("{before} ");
            let iso = format!("{before}{want}");
            let us = format!("{before}{} {d}, {y}", MONTHS[m as usize - 1]);
            proptest::prop_assert_eq!(parse(&iso), Some(want.clone()));
            proptest::prop_assert_eq!(parse(&us), Some(want));
        }
    }
}
