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
    &["published"],
    &["published", "on"],
    &["publication", "date"],
    &["publiée", "le"],
    &["publié", "le"],
    &["date", "de", "publication"],
    &["veröffentlicht", "am"],
    &["veröffentlicht"],
];

/// The publication date ("2024-04-24") of the first segment that is a
/// publication-date line.
pub(super) fn posted_on(prep: &[Prepared<'_>]) -> Option<String> {
    prep.iter().find_map(|p| {
        let words: Vec<&str> = p.toks.iter().take(3).map(|t| t.lower.as_str()).collect();
        let label = LABELS
            .iter()
            .filter(|l| words.starts_with(l))
            .map(|l| l.len())
            .max()?;
        let rest = p
            .toks
            .get(label)
            .map_or("", |t| &p.seg.text[byte(p, t.start)..]);
        parse(rest)
    })
}

/// The byte offset of char `k` of a prepared segment's text.
fn byte(p: &Prepared<'_>, k: usize) -> usize {
    p.chars[..k].iter().map(|c| c.len_utf8()).sum()
}

/// The first date in `text`, as an ISO date.
pub fn parse(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    let num = |k: usize| -> Option<u32> {
        let w = words.get(k)?;
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &w[digits.len()..];
        let ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er");
        (ok && !digits.is_empty() && digits.len() <= 4)
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year = |k: usize| num(k).filter(|y| (1990..=2100).contains(y));
    let day = |k: usize| num(k).filter(|d| (1..=31).contains(d));
    let iso = |y: u32, m: u32, d: u32| format!("{y:04}-{m:02}-{d:02}");
    for (i, w) in words.iter().enumerate() {
        if let Some(m) = month(w) {
            // "April 24, 2024", "24 April 2024", "April 2024".
            if let (Some(d), Some(y)) = (day(i + 1), year(i + 2)) {
                return Some(iso(y, m, d));
            }
            if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(day), year(i + 1)) {
                return Some(iso(y, m, d));
            }
            if let Some(y) = year(i + 1) {
                return Some(iso(y, m, 1));
            }
        }
        // "2024-04-24", "2024/04/24".
        if let (Some(y), Some(m), Some(d)) = (year(i), num(i + 1), day(i + 2))
            && (1..=12).contains(&m)
        {
            return Some(iso(y, m, d));
        }
        // "4/24/2024" (US) or "24/4/2024".
        if let (Some(a), Some(b), Some(y)) = (day(i), day(i + 1), year(i + 2)) {
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            if (1..=12).contains(&m) {
                return Some(iso(y, m, d));
            }
        }
    }
    None
}

/// The number of a month named in English, German or French (full or short).
fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let full = [
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
        ("januar", 1),
        ("jänner", 1),
        ("februar", 2),
        ("märz", 3),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("oktober", 10),
        ("dezember", 12),
        ("janvier", 1),
        ("février", 2),
        ("mars", 3),
        ("avril", 4),
        ("juin", 6),
        ("juillet", 7),
        ("août", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("décembre", 12),
    ];
    let short = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ];
    full.iter()
        .chain(&short)
        .find(|(name, _)| *name == w)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_the_dates_postings_write() {
        for (text, want) in [
            ("2024-04-24", "2024-04-24"),
            ("2017-05-01 10:00:00 -0500", "2017-05-01"),
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
