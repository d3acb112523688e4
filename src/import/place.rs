//! Reading the short facts postings state in a few words: a place ("Denver, CO 80210,
//! United States"), a workplace ("Hybrid"), an employment type ("Full time",
//! "Permanent"), a pay figure, hours a week.

use crate::lint::facts::scan_money;
use crate::model::{EmploymentType, Location, Pay, Period, Workplace};

/// The employment type a phrase names.
pub fn employment_type(text: &str) -> Option<EmploymentType> {
    let exact = EmploymentType::ALL
        .iter()
        .find(|e| e.label().eq_ignore_ascii_case(text.trim()) || e.key() == text.trim());
    if let Some(e) = exact {
        return Some(*e);
    }
    let t = text.to_lowercase().replace(['-', '_'], " ");
    let has = |w: &str| {
        t.split(|c: char| !c.is_alphanumeric() && c != ' ')
            .any(|p| p.contains(w))
    };
    let table = [
        ("part time", EmploymentType::PartTime),
        ("full time", EmploymentType::FullTime),
        ("fulltime", EmploymentType::FullTime),
        ("permanent", EmploymentType::FullTime),
        ("intern", EmploymentType::Internship),
        ("per diem", EmploymentType::PerDiem),
        ("volunteer", EmploymentType::Volunteer),
        ("temporary", EmploymentType::Temporary),
        ("seasonal", EmploymentType::Temporary),
        ("fixed term", EmploymentType::Contract),
        ("contract", EmploymentType::Contract),
        ("freelance", EmploymentType::Contract),
    ];
    table.iter().find(|(w, _)| has(w)).map(|(_, e)| *e)
}

/// The workplace a phrase names.
pub fn workplace(text: &str) -> Option<Workplace> {
    let t = text.to_lowercase().replace(['-', '_'], " ");
    if t.contains("hybrid") {
        Some(Workplace::Hybrid)
    } else if t.contains("remote") || t.contains("telecommut") || t.contains("work from home") {
        Some(Workplace::Remote)
    } else if t.contains("on site") || t.contains("onsite") || t.contains("in office") {
        Some(Workplace::OnSite)
    } else {
        None
    }
}

/// The alpha-2 code of a country name or code ("United Kingdom", "UK", "USA", "DE").
pub fn country_code(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches('.');
    let alias = [
        ("uk", "GB"),
        ("u.k", "GB"),
        ("england", "GB"),
        ("scotland", "GB"),
        ("wales", "GB"),
        ("northern ireland", "GB"),
        ("great britain", "GB"),
        ("usa", "US"),
        ("u.s", "US"),
        ("u.s.a", "US"),
        ("united states of america", "US"),
    ];
    let lower = t.to_lowercase();
    if let Some((_, c)) = alias.iter().find(|(a, _)| *a == lower) {
        return Some(c.to_string());
    }
    isocountry::CountryCode::iter()
        .find(|c| {
            let code = c.alpha2();
            crate::country::name(code).eq_ignore_ascii_case(t)
                || c.name().eq_ignore_ascii_case(t)
                || (t.len() == 2 && code == t && code != "CO")
        })
        .map(|c| c.alpha2().to_string())
}

/// US states and Canadian provinces by their two-letter codes, which a place writes
/// after the city ("San Francisco, CA") and which some countries' codes share.
fn is_state_code(text: &str) -> bool {
    const CODES: &[&str] = &[
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
        "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
        "VT", "VA", "WA", "WV", "WI", "WY", "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON",
        "PE", "QC", "SK", "YT",
    ];
    CODES.contains(&text.trim())
}

/// A place written as comma-separated parts: `[street,] city[, region [postal]][, country]`.
/// A part saying "Remote" or "Hybrid" sets the workplace.
pub fn location(text: &str) -> Location {
    let mut loc = Location::default();
    let mut parts: Vec<String> = Vec::new();
    for part in text
        .split([',', '·', '|', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match workplace(part) {
            Some(w) if part.split_whitespace().count() <= 3 => loc.workplace = Some(w),
            _ => parts.push(part.to_string()),
        }
    }
    if parts.len() > 1 {
        let last = parts.last().map(String::as_str).unwrap_or("");
        if let Some(code) = country_code(last).filter(|_| !is_state_code(last)) {
            loc.country = Some(code);
            parts.pop();
        }
    }
    let numbered = |p: &String| p.starts_with(|c: char| c.is_ascii_digit());
    // A numbered first part is the street: "12 Market St, Leeds", and "120 Old
    // Street, London EC1V 9BD" (the town with its postcode, no region part).
    if parts.len() >= 2 && parts.first().is_some_and(numbered) {
        loc.street = Some(parts.remove(0));
    }
    if let [one] = parts.as_slice() {
        if let (name, Some(postal)) = split_postal(one) {
            let (city, region) = split_region(&name);
            loc.city = (!city.is_empty()).then_some(city);
            loc.region = region;
            loc.postal_code = Some(postal);
            return loc;
        }
    }
    let mut parts = parts.into_iter();
    loc.city = parts.next();
    if let Some(region) = parts.next() {
        let (name, postal) = split_postal(&region);
        loc.region = (!name.is_empty()).then_some(name);
        loc.postal_code = postal;
    }
    let rest: Vec<String> = parts.collect();
    if !rest.is_empty() {
        // More parts than a place has: keep them with the city rather than lose them.
        let city = loc.city.take().unwrap_or_default();
        loc.city = Some(
            std::iter::once(city)
                .chain(rest)
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    loc
}

/// "Brisbane QLD" → ("Brisbane", Some("QLD")): a town followed by a short
/// upper-case region code; any other name is all town.
fn split_region(name: &str) -> (String, Option<String>) {
    match name.rsplit_once(' ') {
        Some((town, code))
            if (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            (town.to_string(), Some(code.to_string()))
        }
        _ => (name.to_string(), None),
    }
}

/// "CO 80210" → ("CO", "80210"); "SW1A 1AA" is a postcode with no region.
fn split_postal(text: &str) -> (String, Option<String>) {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()));
    match at {
        Some(i) => (words[..i].join(" "), Some(words[i..].join(" "))),
        None => (text.to_string(), None),
    }
}

/// Pay stated in `text`: the first money figure or range, with its currency and period.
/// `country` settles a bare `$`.
pub fn pay(text: &str, country: Option<&str>) -> Option<Pay> {
    let chars: Vec<char> = text.chars().collect();
    let m = scan_money(&chars)
        .into_iter()
        .find(|m| m.min.is_some() || m.max.is_some())?;
    let currency = match m.currency {
        "$" => country
            .and_then(crate::money::dollar_of)
            .unwrap_or("USD")
            .to_string(),
        code => code.to_string(),
    };
    let period = m.period.and_then(period_of).or_else(|| period_words(text));
    Some(Pay {
        min: m.min.or(m.max),
        max: m.max.or(m.min),
        currency: Some(currency),
        period,
        benefits: None,
        extras: None,
    })
}

/// The pay period a key from the money reader names.
pub fn period_of(key: &str) -> Option<Period> {
    Period::from_key(key)
}

/// The period in words ("per annum", "an hour", "yearly") when the money reader gave none.
fn period_words(text: &str) -> Option<Period> {
    let t = text.to_lowercase();
    let table = [
        ("annum", Period::Year),
        ("annual", Period::Year),
        ("year", Period::Year),
        ("p.a", Period::Year),
        ("month", Period::Month),
        ("week", Period::Week),
        ("daily", Period::Day),
        ("a day", Period::Day),
        ("per day", Period::Day),
        ("hour", Period::Hour),
        ("/hr", Period::Hour),
    ];
    table.iter().find(|(w, _)| t.contains(w)).map(|(_, p)| *p)
}

/// Hours a week in "About 24 hours a week", "37.5 hours per week", "40 hrs/week".
pub fn hours_per_week(text: &str) -> Option<f64> {
    let t = text.to_lowercase();
    if !(t.contains("week") || t.contains("wk")) {
        return None;
    }
    t.split_whitespace()
        .find_map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_digit() && c != '.')
                .parse::<f64>()
                .ok()
        })
        .filter(|h| *h > 0.0 && *h <= 168.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str) -> (f64, f64, String, Option<Period>) {
        let p = pay(text, None).unwrap();
        (
            p.min.unwrap(),
            p.max.unwrap(),
            p.currency.unwrap(),
            p.period,
        )
    }

    #[test]
    fn pay_forms() {
        assert_eq!(
            range("$15-$18 per hour"),
            (15.0, 18.0, "USD".into(), Some(Period::Hour))
        );
        assert_eq!(
            range("£24,000 – £27,000 per annum"),
            (24000.0, 27000.0, "GBP".into(), Some(Period::Year))
        );
        assert_eq!(
            range("58,000 - 66,000 USD a year"),
            (58000.0, 66000.0, "USD".into(), Some(Period::Year))
        );
        assert_eq!(
            pay("$20 an hour", Some("CA")).unwrap().currency.unwrap(),
            "CAD"
        );
        assert_eq!(pay("competitive", None), None);
    }

    #[test]
    fn places() {
        let l = location("1450 S Pearl St, Denver, CO 80210, United States");
        assert_eq!(l.street.as_deref(), Some("1450 S Pearl St"));
        assert_eq!(l.city.as_deref(), Some("Denver"));
        assert_eq!(l.region.as_deref(), Some("CO"));
        assert_eq!(l.postal_code.as_deref(), Some("80210"));
        let uk = location("120 Old Street, London EC1V 9BD, United Kingdom");
        assert_eq!(uk.street.as_deref(), Some("120 Old Street"));
        assert_eq!(uk.city.as_deref(), Some("London"));
        assert_eq!(uk.postal_code.as_deref(), Some("EC1V 9BD"));
        let au = location("Brisbane QLD 4000, Australia");
        assert_eq!(au.city.as_deref(), Some("Brisbane"));
        assert_eq!(au.region.as_deref(), Some("QLD"));
        assert_eq!(au.postal_code.as_deref(), Some("4000"));
        assert_eq!(l.country.as_deref(), Some("US"));
        let l = location("London, UK (Hybrid)");
        assert_eq!(l.city.as_deref(), Some("London"));
        assert_eq!(location("Remote").workplace, Some(Workplace::Remote));
    }

    #[test]
    fn types_and_hours() {
        assert_eq!(
            employment_type("Full time, permanent"),
            Some(EmploymentType::FullTime)
        );
        assert_eq!(employment_type("Part-time"), Some(EmploymentType::PartTime));
        assert_eq!(hours_per_week("About 24 hours a week"), Some(24.0));
        assert_eq!(hours_per_week("37.5 hours per week"), Some(37.5));
    }
}
