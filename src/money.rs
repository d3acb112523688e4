//! Currencies and pay ranges as readers expect them: `$18.50–$22.00 per hour`,
//! `₹4,50,000–₹6,00,000 per year`. A dollar is a plain `$` only where the job's
//! countries pay in it; elsewhere it says which (`US$`, `CA$`, `A$`, `NZ$`).
//!
//! The currencies' signs are one table here (`SIGNS`): how pay is written, and the
//! signs and codes lint reads pay from in a posting's text (`C$`, `€`, `CHF`).

use iso_currency::{Currency, IntoEnumIterator};

/// True for an active ISO 4217 code (upper case).
pub fn is_currency(code: &str) -> bool {
    Currency::from_code(code).is_some()
}

/// Every ISO 4217 code, for suggestions.
pub fn currency_codes() -> impl Iterator<Item = &'static str> {
    Currency::iter().map(|c| c.code())
}

/// A currency jobpost writes with a sign, or reads from one in a posting's text.
#[derive(Debug)]
struct Sign {
    /// ISO 4217 code.
    code: &'static str,
    /// The sign written before an amount (`€`, `US$`); with none, the code is written
    /// before it (`CHF 4,200`).
    symbol: Option<&'static str>,
    /// For a dollar, the countries (alpha-2) that pay in it, where a plain `$` is clear.
    dollar_homes: &'static [&'static str],
    /// How postings write it next to an amount (`C$`, `CAD`), as lint reads them; a
    /// bare `$` is any dollar and is not listed.
    read: &'static [&'static str],
}

/// Every currency with a sign: the one table of symbols, used both to write pay and
/// (by lint) to read it. Currencies not listed are written with their code and not
/// recognised in text.
const SIGNS: &[Sign] = &[
    Sign {
        code: "USD",
        symbol: Some("US$"),
        dollar_homes: &[
            "US", "PR", "GU", "VI", "AS", "MP", "EC", "SV", "PA", "TL", "FM", "MH", "PW", "TC",
            "VG", "BQ",
        ],
        read: &["US$", "USD"],
    },
    Sign {
        code: "CAD",
        symbol: Some("CA$"),
        dollar_homes: &["CA"],
        read: &["CA$", "C$", "CAD"],
    },
    Sign {
        code: "AUD",
        symbol: Some("A$"),
        dollar_homes: &["AU", "CX", "CC", "NF", "KI", "NR", "TV"],
        read: &["AU$", "A$", "AUD"],
    },
    Sign {
        code: "NZD",
        symbol: Some("NZ$"),
        dollar_homes: &["NZ", "CK", "NU", "PN", "TK"],
        read: &["NZ$", "NZD"],
    },
    Sign {
        code: "EUR",
        symbol: Some("€"),
        dollar_homes: &[],
        read: &["€", "EUR"],
    },
    Sign {
        code: "GBP",
        symbol: Some("£"),
        dollar_homes: &[],
        read: &["£", "GBP"],
    },
    Sign {
        code: "INR",
        symbol: Some("₹"),
        dollar_homes: &[],
        read: &["₹", "INR"],
    },
    // `¥` is also the yuan's sign, so text is not read for it.
    Sign {
        code: "JPY",
        symbol: Some("¥"),
        dollar_homes: &[],
        read: &[],
    },
    Sign {
        code: "CHF",
        symbol: None,
        dollar_homes: &[],
        read: &["CHF"],
    },
];

fn sign(code: &str) -> Option<&'static Sign> {
    SIGNS.iter().find(|s| s.code == code)
}

/// The sign for every dollar: what a bare `$` in a posting's text might be.
pub const DOLLAR: &str = "$";

/// Is `code` one of the dollars a bare `$` might stand for?
pub fn is_dollar(code: &str) -> bool {
    sign(code).is_some_and(|s| !s.dollar_homes.is_empty())
}

/// The dollars' codes, in table order.
pub fn dollar_codes() -> impl Iterator<Item = &'static str> {
    SIGNS
        .iter()
        .filter(|s| !s.dollar_homes.is_empty())
        .map(|s| s.code)
}

/// The dollar a plain `$` means in `country` (alpha-2), if it pays in one.
pub fn dollar_of(country: &str) -> Option<&'static str> {
    SIGNS
        .iter()
        .find(|s| s.dollar_homes.contains(&country))
        .map(|s| s.code)
}

/// Every way a posting writes a currency next to an amount, with its code:
/// (`C$`, `CAD`), (`€`, `EUR`), (`USD`, `USD`), …; a bare `$` is not among them.
pub fn written_signs() -> impl Iterator<Item = (&'static str, &'static str)> {
    SIGNS
        .iter()
        .flat_map(|s| s.read.iter().map(move |r| (*r, s.code)))
}

/// Whether a plain `$` is clear for `code` to readers of a job in `countries`:
/// every one of them pays in it. With no country, `$` means US dollars.
pub fn dollar_is_plain(code: &str, countries: &[&str]) -> bool {
    match sign(code).filter(|s| !s.dollar_homes.is_empty()) {
        None => false,
        Some(_) if countries.is_empty() => code == "USD",
        Some(s) => countries.iter().all(|c| s.dollar_homes.contains(c)),
    }
}

/// How an amount is written in a currency: the sign in front, or `None` for the code
/// in front (`CHF 4,200`). `plain_dollar` writes a dollar as `$` rather than `US$`,
/// `CA$`, ….
pub fn symbol(code: &str, plain_dollar: bool) -> Option<&'static str> {
    let s = sign(code)?;
    if plain_dollar && !s.dollar_homes.is_empty() {
        return Some(DOLLAR);
    }
    s.symbol
}

/// How a locale writes numbers and money (its catalogue's `decimal_sign`,
/// `group_sign`, `money_symbol`, `money_code` and `pay_range_between`).
#[derive(Debug, Clone, Copy)]
pub struct Style<'a> {
    /// `.` or `,`.
    pub decimal: &'a str,
    /// `,`, `.`, a narrow no-break space, `'`.
    pub group: &'a str,
    /// An amount with a currency sign: `{sign}{amount}`, `{amount} {sign}`.
    pub symbol: &'a str,
    /// An amount with a currency code (no sign): `{sign} {amount}`.
    pub code: &'a str,
    /// Two amounts: `{min}–{max}`.
    pub between: &'a str,
}

impl<'a> Style<'a> {
    /// How `loc` writes numbers and money.
    pub fn of(loc: &'a crate::locale::Locale) -> Self {
        Style {
            decimal: loc.text("decimal_sign"),
            group: loc.text("group_sign"),
            symbol: loc.text("money_symbol"),
            code: loc.text("money_code"),
            between: loc.text("pay_range_between"),
        }
    }
}

impl Style<'static> {
    /// English as written in the United States: `$4,200.50`, `CHF 4,200`.
    pub const ENGLISH: Style<'static> = Style {
        decimal: ".",
        group: ",",
        symbol: "{sign}{amount}",
        code: "{sign} {amount}",
        between: "{min}–{max}",
    };
}

/// An amount with its currency, e.g. `$18.50`, `CHF 4,200`, as English writes it.
pub fn format_amount(value: f64, code: &str, cents: bool, plain_dollar: bool) -> String {
    format_amount_in(value, code, cents, plain_dollar, &Style::ENGLISH)
}

/// An amount with its currency as `style` writes it: `2.600 €`, `CHF 4'800`.
pub fn format_amount_in(
    value: f64,
    code: &str,
    cents: bool,
    plain_dollar: bool,
    style: &Style<'_>,
) -> String {
    let digits = if cents {
        format!("{value:.2}")
    } else {
        format!("{value:.0}")
    };
    let (int, frac) = digits
        .split_once('.')
        .map_or((digits.as_str(), None), |(i, f)| (i, Some(f)));
    let grouped = if code == "INR" {
        group_indian(int)
    } else {
        group_thousands(int)
    }
    .replace(',', style.group);
    let number = match frac {
        Some(f) => format!("{grouped}{}{f}", style.decimal),
        None => grouped,
    };
    let (pattern, sign) = match symbol(code, plain_dollar) {
        Some(s) => (style.symbol, s),
        None => (style.code, code),
    };
    crate::locale::fill(pattern, &[("sign", sign), ("amount", &number)])
}

/// `40000` as `40,000`: digits grouped by three with commas.
pub fn group_thousands(int: &str) -> String {
    let bytes: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*c);
    }
    out
}

/// Indian grouping: the last three digits, then pairs (12,34,567).
fn group_indian(int: &str) -> String {
    if int.len() <= 3 {
        return int.to_string();
    }
    let (head, tail) = int.split_at(int.len() - 3);
    format!("{},{tail}", group_pairs(head))
}

fn group_pairs(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i) % 2 == 0 {
            out.push(',');
        }
        out.push(*c);
    }
    out
}

/// The words of a pay line in one locale.
#[derive(Debug, Clone)]
pub struct Wording<'a> {
    /// `From {amount}`.
    pub from: String,
    /// `Up to {amount}`.
    pub up_to: String,
    /// `per hour`, or `None` when the posting gives no period.
    pub period: Option<String>,
    /// Write a dollar as `$` (see [`dollar_is_plain`]).
    pub plain_dollar: bool,
    /// How the locale writes the amounts.
    pub style: Style<'a>,
}

/// The pay line: `$18.50–$22.00 per hour`, `From $40,000 per year`, `Up to …`.
/// Cents are shown for both ends when either has them.
pub fn format_range(
    min: Option<f64>,
    max: Option<f64>,
    code: &str,
    words: &Wording<'_>,
) -> Option<String> {
    let cents = [min, max].iter().flatten().any(|v| v.fract() != 0.0);
    let f = |v: f64| format_amount_in(v, code, cents, words.plain_dollar, &words.style);
    let fill = |pattern: &str, v: f64| crate::locale::fill(pattern, &[("amount", &f(v))]);
    let range = match (min, max) {
        (Some(a), Some(b)) if a == b => f(a),
        (Some(a), Some(b)) => {
            crate::locale::fill(words.style.between, &[("min", &f(a)), ("max", &f(b))])
        }
        (Some(a), None) => fill(&words.from, a),
        (None, Some(b)) => fill(&words.up_to, b),
        (None, None) => return None,
    };
    Some(match &words.period {
        Some(p) => format!("{range} {p}"),
        None => range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::Period;

    /// en-US words; a dollar plain as a job with no country shows it.
    fn us(code: &str, period: Option<Period>) -> Wording<'static> {
        Wording {
            from: "From {amount}".into(),
            up_to: "Up to {amount}".into(),
            period: period.map(|p| p.label().to_string()),
            plain_dollar: dollar_is_plain(code, &[]),
            style: Style::ENGLISH,
        }
    }

    #[test]
    fn ranges_read_naturally() {
        let r = |a, b, c, p| format_range(a, b, c, &us(c, p)).unwrap();
        assert_eq!(
            r(Some(18.5), Some(22.0), "USD", Some(Period::Hour)),
            "$18.50–$22.00 per hour"
        );
        assert_eq!(
            r(Some(45000.0), Some(55000.0), "USD", Some(Period::Year)),
            "$45,000–$55,000 per year"
        );
        assert_eq!(
            r(Some(30000.0), Some(34000.0), "EUR", Some(Period::Year)),
            "€30,000–€34,000 per year"
        );
        assert_eq!(
            r(Some(2100.0), None, "GBP", Some(Period::Month)),
            "From £2,100 per month"
        );
        assert_eq!(
            r(Some(20.0), Some(20.0), "CAD", Some(Period::Hour)),
            "CA$20 per hour"
        );
        assert_eq!(r(None, Some(90000.0), "AUD", None), "Up to A$90,000");
        assert_eq!(
            r(Some(450000.0), Some(1200000.0), "INR", Some(Period::Year)),
            "₹4,50,000–₹12,00,000 per year"
        );
        assert_eq!(
            r(Some(4200.0), Some(5100.0), "CHF", Some(Period::Month)),
            "CHF 4,200–CHF 5,100 per month"
        );
        assert!(format_range(None, None, "USD", &us("USD", None)).is_none());
    }

    #[test]
    fn a_dollar_is_plain_only_where_the_job_pays_in_it() {
        let amount = |code, countries: &[&str]| {
            format_amount(20.0, code, false, dollar_is_plain(code, countries))
        };
        // At home: the plain symbol.
        assert_eq!(amount("USD", &["US"]), "$20");
        assert_eq!(amount("CAD", &["CA"]), "$20");
        assert_eq!(amount("AUD", &["AU"]), "$20");
        assert_eq!(amount("NZD", &["NZ"]), "$20");
        // Another dollar could be meant.
        assert_eq!(amount("USD", &["CA"]), "US$20");
        assert_eq!(amount("CAD", &["US", "CA"]), "CA$20");
        assert_eq!(amount("USD", &["US", "CA"]), "US$20");
        assert_eq!(amount("AUD", &["NZ"]), "A$20");
        assert_eq!(amount("USD", &["GB"]), "US$20");
        // No country: `$` is the US dollar, as before.
        assert_eq!(amount("USD", &[]), "$20");
        assert_eq!(amount("CAD", &[]), "CA$20");
        // Currencies no other shares a sign with are always the same.
        assert_eq!(amount("GBP", &["US"]), "£20");
        assert_eq!(amount("EUR", &["IE"]), "€20");
        assert_eq!(amount("CHF", &["CH"]), "CHF 20");
    }

    #[test]
    fn the_sign_table_reads_what_it_writes() {
        for s in SIGNS {
            assert!(is_currency(s.code), "{}: not an ISO 4217 code", s.code);
            // A code or symbol that text is read for reads back as its own currency.
            if !s.read.is_empty() {
                assert!(s.read.contains(&s.code), "{}: code not read", s.code);
                if let Some(sym) = s.symbol {
                    assert!(s.read.contains(&sym), "{}: `{sym}` not read", s.code);
                }
            }
        }
        // No sign starts another (`C$` and `CA$`), so the order they are tried in
        // never changes what is read.
        let all: Vec<_> = written_signs().collect();
        for (a, ca) in &all {
            for (b, cb) in &all {
                assert!(
                    a == b || !b.starts_with(a),
                    "`{a}` ({ca}) starts `{b}` ({cb})"
                );
            }
        }
        assert_eq!(dollar_of("CA"), Some("CAD"));
        assert_eq!(dollar_of("GB"), None);
        assert_eq!(
            dollar_codes().collect::<Vec<_>>(),
            ["USD", "CAD", "AUD", "NZD"]
        );
        assert!(is_dollar("NZD") && !is_dollar("EUR"));
    }

    #[test]
    fn codes() {
        assert!(is_currency("EUR"));
        assert!(!is_currency("EURO"));
        assert!(currency_codes().any(|c| c == "INR"));
    }
}
