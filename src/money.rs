//! Currencies and pay ranges as readers expect them: `$18.50–$22.00 per hour`,
//! `₹4,50,000–₹6,00,000 per year`.

use iso_currency::{Currency, IntoEnumIterator};

use crate::model::Period;

/// True for an active ISO 4217 code (upper case).
pub fn is_currency(code: &str) -> bool {
    Currency::from_code(code).is_some()
}

/// Every ISO 4217 code, for suggestions.
pub fn currency_codes() -> impl Iterator<Item = &'static str> {
    Currency::iter().map(|c| c.code())
}

/// How an amount is written in a currency: symbol in front or code behind.
fn symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        "EUR" => "€",
        "GBP" => "£",
        "INR" => "₹",
        "JPY" => "¥",
        _ => return None,
    })
}

/// An amount with its currency, e.g. `$18.50`, `CHF 4,200`.
pub fn format_amount(value: f64, code: &str, cents: bool) -> String {
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
    };
    let number = match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    };
    match symbol(code) {
        Some(s) => format!("{s}{number}"),
        None => format!("{code} {number}"),
    }
}

fn group_thousands(int: &str) -> String {
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

/// The pay line: `$18.50–$22.00 per hour`, `From $40,000 per year`, `Up to …`.
/// Cents are shown for both ends when either has them.
pub fn format_range(
    min: Option<f64>,
    max: Option<f64>,
    code: &str,
    period: Option<Period>,
) -> Option<String> {
    let cents = [min, max].iter().flatten().any(|v| v.fract() != 0.0);
    let f = |v: f64| format_amount(v, code, cents);
    let range = match (min, max) {
        (Some(a), Some(b)) if a == b => f(a),
        (Some(a), Some(b)) => format!("{}–{}", f(a), f(b)),
        (Some(a), None) => format!("From {}", f(a)),
        (None, Some(b)) => format!("Up to {}", f(b)),
        (None, None) => return None,
    };
    Some(match period {
        Some(p) => format!("{range} {}", p.label()),
        None => range,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_naturally() {
        let r = |a, b, c, p| format_range(a, b, c, p).unwrap();
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
        assert!(format_range(None, None, "USD", None).is_none());
    }

    #[test]
    fn codes() {
        assert!(is_currency("EUR"));
        assert!(!is_currency("EURO"));
        assert!(currency_codes().any(|c| c == "INR"));
    }
}
