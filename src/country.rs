//! Country names as job seekers read them: the common short name ("United
//! Kingdom", "South Korea") rather than the ISO 3166 official one ("United
//! Kingdom of Great Britain and Northern Ireland", "Korea (Republic of)").
//! Codes stay ISO in JSON-LD; this is for prose only. German and French names
//! come from `src/country.toml`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Short names for the countries whose ISO 3166 name is long, official or
/// inverted; every other country keeps the name `isocountry` gives.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("CD", "Democratic Republic of the Congo"),
    ("CG", "Republic of the Congo"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("GB", "United Kingdom"),
    ("IR", "Iran"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("LA", "Laos"),
    ("MD", "Moldova"),
    ("MF", "Saint Martin"),
    ("MK", "North Macedonia"),
    ("PS", "Palestine"),
    ("RU", "Russia"),
    ("SX", "Sint Maarten"),
    ("SY", "Syria"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("US", "United States"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "U.S. Virgin Islands"),
    ("VN", "Vietnam"),
];

/// The name readers know `code` (ISO 3166-1 alpha-2) by; an unknown code as given.
pub fn name(code: &str) -> String {
    if let Some((_, short)) = SHORT_NAMES.iter().find(|(c, _)| *c == code) {
        return short.to_string();
    }
    isocountry::CountryCode::for_alpha2(code)
        .map(|c| c.name().to_string())
        .unwrap_or_else(|_| code.to_string())
}

/// The name of `code` in `language` (`de`, `fr`; any other is English), as
/// readers there know it; an unknown code as given.
pub fn name_in(code: &str, language: &str) -> String {
    names(language)
        .and_then(|n| n.get(code))
        .cloned()
        .unwrap_or_else(|| name(code))
}

/// The names of one language from `src/country.toml`, or `None` for English.
/// Only the language's own table is parsed, once, when a posting needs it.
fn names(language: &str) -> Option<&'static BTreeMap<String, String>> {
    static DE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    static FR: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    let cell = match language {
        "de" => &DE,
        "fr" => &FR,
        _ => return None,
    };
    Some(cell.get_or_init(|| {
        let text = include_str!("country.toml");
        let table = text
            .split(&format!("\n[{language}]\n"))
            .nth(1)
            .and_then(|rest| rest.split("\n[").next())
            .unwrap_or_else(|| panic!("src/country.toml: no [{language}]"));
        toml::from_str(table).unwrap_or_else(|e| panic!("src/country.toml [{language}]: {e}"))
    }))
}

/// Names people type for a country that are neither its ISO name nor its short
/// name above: the common short forms and the nations within a state.
const ALIASES: &[(&str, &str)] = &[
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Great Britain", "GB"),
    ("Britain", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("USA", "US"),
    ("U.S.", "US"),
    ("U.S.A.", "US"),
    ("America", "US"),
    ("United States of America", "US"),
    ("Republic of Ireland", "IE"),
    ("Eire", "IE"),
    ("Éire", "IE"),
];

/// The ISO 3166-1 alpha-2 code a country written by a person means, in any
/// case: a code (`gb`), an alpha-3 code (`GBR`), the name readers know (`United
/// Kingdom`), the ISO name, or a common short form (`UK`, `USA`). `None` when
/// it names no country.
pub fn code_of(typed: &str) -> Option<&'static str> {
    let typed = typed.trim();
    let all = isocountry::CountryCode::as_array();
    if let Some(c) = all.iter().find(|c| {
        (typed.len() == 2 && c.alpha2().eq_ignore_ascii_case(typed))
            || (typed.len() == 3 && c.alpha3().eq_ignore_ascii_case(typed))
    }) {
        return Some(c.alpha2());
    }
    if let Some((_, code)) = ALIASES.iter().find(|(a, _)| a.eq_ignore_ascii_case(typed)) {
        return Some(code);
    }
    all.iter()
        .find(|c| {
            c.name().eq_ignore_ascii_case(typed) || name(c.alpha2()).eq_ignore_ascii_case(typed)
        })
        .map(|c| c.alpha2())
}

/// The code of the country whose name is nearest a misspelt one (`Untied
/// Kingdom` → `GB`); `None` for codes and when no name is near.
pub fn nearest(typed: &str) -> Option<&'static str> {
    if typed.trim().len() <= 3 {
        return None;
    }
    let names: Vec<(String, &'static str)> = isocountry::CountryCode::as_array()
        .iter()
        .map(|c| (name(c.alpha2()), c.alpha2()))
        .collect();
    let near = crate::error::closest(typed, names.iter().map(|(n, _)| n.as_str()))?;
    names.iter().find(|(n, _)| n == near).map(|(_, c)| *c)
}

/// [`name`] as it reads inside a sentence: "the United States", "the
/// Netherlands", but "Canada".
pub fn in_prose(code: &str) -> String {
    let name = name(code);
    // English puts "the" before plural names and names made of a common noun
    // ("Kingdom", "Republic", "Islands").
    const PLURAL: &[&str] = &[
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Maldives",
        "Comoros",
    ];
    let needs_the = name.starts_with("United ")
        || name.starts_with("Republic ")
        || name.starts_with("Democratic ")
        || name.ends_with(" Islands")
        || name.ends_with(" Republic")
        || PLURAL.contains(&name.as_str())
        || name == "Gambia";
    if needs_the {
        format!("the {name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_countries_are_read_as_their_code() {
        for (typed, code) in [
            ("gb", "GB"),
            ("UK", "GB"),
            ("United Kingdom", "GB"),
            ("united kingdom", "GB"),
            ("GBR", "GB"),
            ("United States", "US"),
            ("usa", "US"),
            ("Ireland", "IE"),
            ("ca", "CA"),
            ("Australia", "AU"),
        ] {
            assert_eq!(code_of(typed), Some(code), "{typed}");
        }
        assert_eq!(code_of("Atlantis"), None);
        assert_eq!(code_of("XX"), None);
        assert_eq!(nearest("Untied Kingdom"), Some("GB"));
        assert_eq!(nearest("Irland"), Some("IE"));
    }

    #[test]
    fn every_country_has_a_german_and_a_french_name() {
        for c in isocountry::CountryCode::as_array() {
            for lang in ["de", "fr"] {
                let n = names(lang).unwrap().get(c.alpha2());
                assert!(n.is_some_and(|n| !n.is_empty()), "{lang}: {}", c.alpha2());
            }
        }
        assert_eq!(name_in("DE", "de"), "Deutschland");
        assert_eq!(name_in("CH", "fr"), "Suisse");
        assert_eq!(name_in("GB", "en"), "United Kingdom");
    }

    #[test]
    fn common_short_names() {
        assert_eq!(name("US"), "United States");
        assert_eq!(name("GB"), "United Kingdom");
        assert_eq!(in_prose("GB"), "the United Kingdom");
        assert_eq!(in_prose("US"), "the United States");
        assert_eq!(in_prose("NL"), "the Netherlands");
        assert_eq!(in_prose("DO"), "the Dominican Republic");
        assert_eq!(in_prose("CA"), "Canada");
        assert_eq!(in_prose("IE"), "Ireland");
        assert_eq!(name("KR"), "South Korea");
        assert_eq!(name("NL"), "Netherlands");
        assert_eq!(name("CA"), "Canada");
        assert_eq!(name("IE"), "Ireland");
        assert_eq!(name("AU"), "Australia");
        assert_eq!(name("ZZ"), "ZZ");
    }

    #[test]
    fn every_override_is_a_real_code_whose_iso_name_differs() {
        for (code, short) in SHORT_NAMES {
            let iso = isocountry::CountryCode::for_alpha2(code).unwrap().name();
            assert_ne!(iso, *short, "{code}");
        }
    }

    #[test]
    fn no_country_is_shown_with_its_official_long_form() {
        // These names have a comma or brackets in everyday use too.
        let everyday = ["BQ", "CC", "SH"];
        for c in isocountry::CountryCode::as_array() {
            if everyday.contains(&c.alpha2()) {
                continue;
            }
            let n = name(c.alpha2());
            assert!(!n.contains('(') && !n.contains(", "), "{}: {n}", c.alpha2());
        }
    }
}
