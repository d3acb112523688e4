//! Equal-opportunity statements suggested for the country of the job: one per
//! country (and one for Ontario, whose Human Rights Code binds most employers
//! there), each naming its law, the grounds it protects and the country's word
//! for accommodation. The data is `src/equality.toml`, embedded.
//!
//! A statement is an employer fact: `init --company`, the wizard and `explain`
//! offer it, and a posting shows it only once the employer has written or
//! accepted it as `company.eeo`.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Posting, Workplace};

/// One suggested statement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The country (ISO 3166-1 alpha-2) it is written for.
    pub country: String,
    /// Regions (code or name) it replaces the country's statement in; empty for
    /// the country's own.
    #[serde(default)]
    pub regions: Vec<String>,
    /// The law the statement names.
    pub law: String,
    /// Which employers the law binds, shown with the suggestion.
    pub applies: String,
    /// Where its grounds come from.
    pub source: String,
    /// The country's wording for accommodating applicants.
    pub accommodation: String,
    /// The grounds the statement names, as it writes them.
    pub grounds: Vec<String>,
    /// The statement.
    pub text: String,
    /// The language it is written in (`en` unless the file says otherwise): a
    /// country of two languages (Switzerland) has a statement in each.
    #[serde(default = "english")]
    pub language: String,
}

fn english() -> String {
    "en".to_string()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by people and checked by the tests, not by the tool
    source: String,
    statement: Vec<Statement>,
}

const DATA: &str = include_str!("equality.toml");

/// Every statement, in the order of the data file.
pub fn all() -> &'static [Statement] {
    static ALL: OnceLock<Vec<Statement>> = OnceLock::new();
    ALL.get_or_init(|| {
        // The shipped file is checked by the tests; a broken one is a build bug.
        let file: File = toml::from_str(DATA).unwrap_or_else(|e| panic!("src/equality.toml: {e}"));
        file.statement
    })
}

/// The statement for a job in `country` (and `region`, a code or a name): the
/// region's own if it has one, else the country's.
pub fn for_place(country: &str, region: Option<&str>) -> Option<&'static Statement> {
    for_place_in(country, region, None)
}

/// [`for_place`] in `language` where the place has a statement in it (a job in
/// Geneva read in French gets the Swiss statement in French).
pub fn for_place_in(
    country: &str,
    region: Option<&str>,
    language: Option<&str>,
) -> Option<&'static Statement> {
    let in_region = |s: &&Statement| {
        region.is_some_and(|r| s.regions.iter().any(|x| x.eq_ignore_ascii_case(r.trim())))
    };
    let of_country = || {
        all()
            .iter()
            .filter(|s| s.country.eq_ignore_ascii_case(country))
    };
    let pick = |lang: Option<&str>| {
        let in_lang = move |s: &&Statement| lang.is_none_or(|l| s.language == l);
        of_country()
            .filter(in_lang)
            .find(in_region)
            .or_else(|| of_country().filter(in_lang).find(|s| s.regions.is_empty()))
    };
    pick(language).or_else(|| pick(None))
}

/// The statement for the job of a posting: its country and region, or, for a
/// remote role, the first country applicants may live in (as its locale goes).
pub fn for_posting(p: &Posting) -> Option<&'static Statement> {
    let loc = p.location.as_ref()?;
    let remote = loc.workplace == Some(Workplace::Remote);
    let first_applicant = loc.applicant_countries.iter().flatten().next();
    let lang = Some(crate::locale::of(p).language());
    match (remote, first_applicant, &loc.country) {
        (true, Some(c), _) if loc.country.as_ref() != Some(c) => for_place_in(c, None, lang),
        (_, _, Some(c)) => for_place_in(c, loc.region.as_deref(), lang),
        (_, Some(c), None) => for_place_in(c, None, lang),
        _ => None,
    }
}

impl Statement {
    /// `the United Kingdom (Equality Act 2010)`, `Ontario, Canada (Ontario Human
    /// Rights Code)`: where and under which law, for messages.
    pub fn place_and_law(&self) -> String {
        let country = crate::country::name(&self.country);
        let country = match country.as_str() {
            "United States" | "United Kingdom" => format!("the {country}"),
            _ => country,
        };
        match self.regions.last() {
            Some(region) => format!("{region}, {country} ({})", self.law),
            None => format!("{country} ({})", self.law),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_names_its_source() {
        let file: File = toml::from_str(DATA).unwrap();
        assert!(file.source.contains("Equality Act 2010"));
    }

    #[test]
    fn each_statement_names_its_law_its_grounds_and_its_accommodation_wording() {
        assert!(!all().is_empty());
        for s in all() {
            let text = s.text.to_lowercase();
            assert!(s.text.contains(&s.law), "{}: names {}", s.country, s.law);
            assert!(
                text.contains(&s.accommodation),
                "{}: says {}",
                s.country,
                s.accommodation
            );
            for ground in &s.grounds {
                assert!(
                    text.contains(&ground.to_lowercase()),
                    "{} ({}): names `{ground}`",
                    s.country,
                    s.law
                );
            }
        }
    }

    #[test]
    fn every_english_locale_country_has_a_statement() {
        for (code, law) in [
            ("US", "Title VII of the Civil Rights Act"),
            ("CA", "Canadian Human Rights Act"),
            ("GB", "Equality Act 2010"),
            ("IE", "Employment Equality Acts 1998–2015"),
            ("AU", "Fair Work Act 2009"),
        ] {
            assert_eq!(for_place(code, None).unwrap().law, law);
        }
        assert!(for_place("NL", None).is_none());
    }

    #[test]
    fn accommodation_is_worded_the_way_each_country_words_it() {
        let word = |c| for_place(c, None).unwrap().accommodation.as_str();
        assert_eq!(word("US"), "reasonable accommodation");
        assert_eq!(word("CA"), "accommodation");
        assert_eq!(word("GB"), "reasonable adjustments");
        assert_eq!(word("IE"), "reasonable accommodation");
        assert_eq!(word("AU"), "reasonable adjustments");
    }

    #[test]
    fn ontario_has_its_own_code_and_other_provinces_the_federal_act() {
        let law = |r| for_place("CA", r).unwrap().law.as_str();
        assert_eq!(law(Some("ON")), "Ontario Human Rights Code");
        assert_eq!(law(Some("ontario ")), "Ontario Human Rights Code");
        assert_eq!(law(Some("BC")), "Canadian Human Rights Act");
        assert_eq!(law(None), "Canadian Human Rights Act");
        let on = for_place("CA", Some("ON")).unwrap();
        assert_eq!(
            on.place_and_law(),
            "Ontario, Canada (Ontario Human Rights Code)"
        );
    }

    #[test]
    fn a_remote_role_goes_by_the_first_country_applicants_may_live_in() {
        let p: Posting = toml::from_str(
            "[location]\nworkplace = \"remote\"\ncountry = \"US\"\napplicant_countries = [\"GB\", \"US\"]",
        )
        .unwrap();
        assert_eq!(for_posting(&p).unwrap().country, "GB");
        let p: Posting = toml::from_str("[location]\ncountry = \"CA\"\nregion = \"ON\"").unwrap();
        assert_eq!(for_posting(&p).unwrap().law, "Ontario Human Rights Code");
        let p: Posting = toml::from_str("title = \"x\"").unwrap();
        assert!(for_posting(&p).is_none());
    }
}
