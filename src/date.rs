//! Dates as people write them (read by import, and by lint for a posting's
//! publication date): `2027-01-04`, `January 4, 2027`, `4 Jan 2027`,
//! `4th January 2027`, `Jan. 4th, 2027`, `04/01/2027` (day first unless the country is
//! the US or the first number cannot be a day), an ISO timestamp, or milliseconds
//! since 1970 (Lever's `createdAt`).

use toml::value::{Date, Datetime};

/// A date read from `text`, and whether the reading was a guess (a numeric date that
/// could be day-first or month-first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    /// The date.
    pub date: Datetime,
    /// The order of day and month was guessed.
    pub guessed: bool,
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The first date written in `text`; `us` reads `04/01/2027` month first.
pub fn find(text: &str, us: bool) -> Option<Read> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (0..words.len()).find_map(|i| at(&words[i..], us))
}

/// A date starting at the first word.
fn at(words: &[&str], us: bool) -> Option<Read> {
    let first = words.first()?.trim_end_matches(['.', ';', ')']);
    if let Some(r) = numeric(first, us) {
        return Some(r);
    }
    let sure = |y, m, d| {
        make(y, m, d).map(|date| Read {
            date,
            guessed: false,
        })
    };
    // "January 4, 2027", "Jan. 4th 2027"
    if let (Some(m), Some(d), Some(y)) = (
        month(first),
        words.get(1).and_then(|w| day(w)),
        words.get(2).and_then(|w| year(w)),
    ) {
        return sure(y, m, d);
    }
    // "4 January 2027", "4th Jan 2027"
    if let (Some(d), Some(m), Some(y)) = (
        day(first),
        words.get(1).and_then(|w| month(w)),
        words.get(2).and_then(|w| year(w)),
    ) {
        return sure(y, m, d);
    }
    None
}

/// `2027-01-04`, `2027-01-04T10:00:00Z`, `04/01/2027`, `4.1.2027`.
fn numeric(word: &str, us: bool) -> Option<Read> {
    let iso = word.get(..10).unwrap_or(word);
    let parts: Vec<&str> = iso.split('-').collect();
    if parts.len() == 3 && parts[0].len() == 4 {
        let n = |s: &str| s.parse::<u8>().ok();
        let date = make(parts[0].parse().ok()?, n(parts[1])?, n(parts[2])?)?;
        return Some(Read {
            date,
            guessed: false,
        });
    }
    let parts: Vec<&str> = word.split(['/', '.', '-']).collect();
    if parts.len() == 3 && parts[0].len() == 4 {
        // 2027/01/04: year first is always year, month, day.
        let n = |s: &str| s.parse::<u8>().ok();
        let date = make(parts[0].parse().ok()?, n(parts[1])?, n(parts[2])?)?;
        return Some(Read {
            date,
            guessed: false,
        });
    }
    if parts.len() == 3 && parts[2].len() == 4 {
        if let Some(m) = month(parts[1]) {
            // 4-Jan-2027
            let date = make(parts[2].parse().ok()?, m, day(parts[0])?)?;
            return Some(Read {
                date,
                guessed: false,
            });
        }
    }
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    let (a, b) = (parts[0].parse::<u8>().ok()?, parts[1].parse::<u8>().ok()?);
    let y = parts[2].parse().ok()?;
    let (d, m, guessed) = match (a > 12, b > 12) {
        (true, _) => (a, b, false),
        (_, true) => (b, a, false),
        _ if us => (b, a, a != b),
        _ => (a, b, a != b),
    };
    make(y, m, d).map(|date| Read { date, guessed })
}

/// The number of a month named in English, German or French, in full or short
/// ("January", "Jan.", "Sept", "Jänner", "März", "février"); lint's date reader uses
/// it too.
pub fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // German and French names that differ from the English ones.
    let other: [(&str, u8); 20] = [
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
    let i = MONTHS
        .iter()
        .position(|m| w == *m || w == "sept" && *m == "sep");
    i.or_else(|| full.iter().position(|m| w == *m))
        .map(|i| i as u8 + 1)
        .or_else(|| other.iter().find(|(name, _)| *name == w).map(|(_, n)| *n))
}

fn day(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']);
    let digits = ["st", "nd", "rd", "th", "er"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<u16> {
    let w = word.trim_end_matches(['.', ';', ')']);
    (w.len() == 4).then(|| w.parse().ok()).flatten()
}

fn make(year: u16, month: u8, day: u8) -> Option<Datetime> {
    let days = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    ((1..=days).contains(&day) && (1900..=2200).contains(&year)).then_some(Datetime {
        date: Some(Date { year, month, day }),
        time: None,
        offset: None,
    })
}

/// The calendar date (UTC) of a time in milliseconds since 1970.
pub fn from_millis(ms: i64) -> Option<Datetime> {
    let days = ms.div_euclid(86_400_000);
    // Howard Hinnant's days-from-civil, inverted.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    make(u16::try_from(y).ok()?, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str, us: bool) -> String {
        find(text, us).map_or("none".into(), |r| r.date.to_string())
    }

    #[test]
    fn written_forms() {
        assert_eq!(ymd("Apply by January 4, 2027", true), "2027-01-04");
        assert_eq!(ymd("Closing date: 4th Jan 2027", false), "2027-01-04");
        assert_eq!(ymd("Jan. 4th, 2027", true), "2027-01-04");
        assert_eq!(ymd("2027-01-04T10:00:00Z", true), "2027-01-04");
        assert_eq!(ymd("Closes 31/01/2027", true), "2027-01-31");
        assert_eq!(ymd("2027/01/04", false), "2027-01-04");
        assert_eq!(ymd("Deadline: 4-Jan-2027", false), "2027-01-04");
        assert_eq!(ymd("Posted 04.01.2027", false), "2027-01-04");
        assert_eq!(ymd("no date 2027", true), "none");
        assert_eq!(ymd("February 30, 2027", true), "none");
    }

    #[test]
    fn ambiguous_numeric_dates_are_guesses() {
        let uk = find("04/01/2027", false).unwrap();
        assert_eq!(
            (uk.date.to_string().as_str(), uk.guessed),
            ("2027-01-04", true)
        );
        assert_eq!(ymd("04/01/2027", true), "2027-04-01");
    }

    #[test]
    fn milliseconds() {
        assert_eq!(
            from_millis(1_798_761_600_000).unwrap().to_string(),
            "2027-01-01"
        );
    }
}
