//! Locales: how a posting reads where the job is. A locale is a language and a
//! country (`de-AT`). Each is one data file in `src/locale/<tag>.toml` (embedded at
//! build time) holding the countries (and regions) it is the default for, how
//! weights are written and the message catalogue: headings, labels, the date
//! pattern, numbers and money, school levels, pay periods.
//!
//! Each language has one complete catalogue, its base (`en-US`, `de-DE`, `fr-FR`):
//! a test holds every base to the keys of `en-US`, so no German posting shows an
//! English word or a message key. Any other locale names its `base` and gives only
//! what differs, so a new country of a shipped language is one more small file.
//!
//! Templates never branch on the locale: the view carries the messages.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Education, EmploymentType, Period, Posting, Workplace};

/// The locale every other one falls back to, and the one used when the job's
/// country has no locale of its own.
pub const DEFAULT: &str = "en-US";

/// How weights in physical demands are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Weight {
    /// As the posting wrote them (pounds in the US).
    #[serde(rename = "lb")]
    Pounds,
    /// "N pounds" and "N lb" become kilograms.
    #[serde(rename = "kg")]
    Kilograms,
    /// Kilograms, with the pounds kept in brackets: `11 kg (25 lb)`.
    #[serde(rename = "kg (lb)")]
    KilogramsAndPounds,
}

/// One locale, its messages completed from [`DEFAULT`].
#[derive(Debug, Clone)]
pub struct Locale {
    /// The language tag, e.g. `en-GB`.
    pub tag: String,
    /// Countries (alpha-2) whose postings default to this locale.
    pub countries: Vec<String>,
    /// Regions (`CA-QC`) whose postings default to this locale, before their
    /// country's, each with the names people write for it.
    pub regions: BTreeMap<String, Vec<String>>,
    /// How weights are written.
    pub weight: Weight,
    /// Letters written otherwise in this country, applied to preset text
    /// (`"ß" = "ss"` in Switzerland).
    pub letters: BTreeMap<String, String>,
    /// Every message by key.
    pub messages: BTreeMap<String, String>,
}

/// A locale file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// The complete locale of the same language this one takes the rest from.
    base: Option<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    regions: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    letters: BTreeMap<String, String>,
    weight: Option<Weight>,
    #[serde(default)]
    messages: BTreeMap<String, String>,
}

use crate::embedded::Folder;

/// Parses one locale file; `base` fills the messages and settings it leaves out.
fn parse(tag: &str, file: File, base: Option<&Locale>) -> Locale {
    let mut messages = base.map(|b| b.messages.clone()).unwrap_or_default();
    messages.extend(file.messages);
    Locale {
        tag: tag.to_string(),
        countries: file.countries,
        regions: file.regions,
        letters: file.letters,
        weight: file
            .weight
            .or(base.map(|b| b.weight))
            .unwrap_or(Weight::Pounds),
        messages,
    }
}

/// The base of `tag`'s language: the locale it falls back to when its file names
/// none (the English ones predate `base` and take `en-US`).
fn default_base(tag: &str) -> Option<&'static str> {
    (tag != DEFAULT && tag.starts_with("en-")).then_some(DEFAULT)
}

/// A shipped locale's file and what start-up needs of it: the head of the file
/// (its base, countries and regions) is read to choose a locale; the messages are
/// parsed only for a locale that is used, once.
struct Entry {
    tag: &'static str,
    text: &'static str,
    head: File,
    full: OnceLock<Locale>,
}

impl Entry {
    /// Is this a locale of `language` whose readers are in `country`, its own or a
    /// region's ("fr-CA" writes French in CA)?
    fn writes(&self, language: &str, country: &str) -> bool {
        self.tag.split('-').next() == Some(language)
            && (self.head.countries.iter().any(|c| c == country)
                || self
                    .head
                    .regions
                    .keys()
                    .any(|r| r.split('-').next() == Some(country)))
    }

    /// The locale whole, its messages completed from its base.
    fn locale(&'static self) -> &'static Locale {
        self.full.get_or_init(|| {
            // The shipped files are checked by the tests; a broken one is a build bug.
            let file: File = toml::from_str(self.text)
                .unwrap_or_else(|e| panic!("src/locale/{}.toml: {e}", self.tag));
            let base_tag = file
                .base
                .clone()
                .or(default_base(self.tag).map(String::from));
            let base = base_tag.map(|b| {
                get(&b).unwrap_or_else(|| panic!("src/locale/{}.toml: no base {b}", self.tag))
            });
            parse(self.tag, file, base)
        })
    }
}

/// Every shipped locale's entry, [`DEFAULT`] first, then by tag.
fn entries() -> &'static [Entry] {
    static ALL: OnceLock<Vec<Entry>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut out: Vec<Entry> = Folder::Locales
            .files()
            .iter()
            .filter_map(|(name, text)| Some((name.strip_suffix(".toml")?, *text)))
            .map(|(tag, text)| {
                // Everything above `[messages]`: the keys that choose a locale.
                let head = text.split("\n[messages]").next().unwrap_or(text);
                let head =
                    toml::from_str(head).unwrap_or_else(|e| panic!("src/locale/{tag}.toml: {e}"));
                Entry {
                    tag,
                    text,
                    head,
                    full: OnceLock::new(),
                }
            })
            .collect();
        out.sort_by_key(|e| (e.tag != DEFAULT, e.tag));
        out
    })
}

/// Every shipped locale, [`DEFAULT`] first, then by tag (each parsed whole).
pub fn all() -> Vec<&'static Locale> {
    entries().iter().map(Entry::locale).collect()
}

/// Is `language` ("de") written in `country` ("CH") by a shipped locale, its own or a
/// region's? Read from the locale files' heads, without parsing any whole.
pub fn written_in(language: &str, country: &str) -> bool {
    entries().iter().any(|e| e.writes(language, country))
}

/// The locale `language` is read in in `country` (`fr-CH` for French in Switzerland),
/// else the language's own country's (`de-DE`, `fr-FR`). Chosen by the heads; only the
/// one chosen is parsed whole.
pub fn for_language(language: &str, country: &str) -> Option<&'static Locale> {
    let home = format!("{language}-{}", language.to_uppercase());
    let all = entries();
    all.iter()
        .find(|e| e.writes(language, country))
        .or_else(|| all.iter().find(|e| e.tag == home))
        .map(Entry::locale)
}

/// Values built once per locale tag and kept for the life of the process (see
/// [`once_per_tag`]).
pub type PerTag<T> = std::sync::Mutex<BTreeMap<String, Option<&'static T>>>;

/// The value of `tag` in `built`, made by `build` the first time the tag is asked
/// for: a run over one locale's postings builds one locale's tables, not all of them.
pub fn once_per_tag<T: Sync>(
    built: &PerTag<T>,
    tag: &str,
    build: impl FnOnce() -> Option<T>,
) -> Option<&'static T> {
    let mut built = built.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(value) = built.get(tag) {
        return *value;
    }
    let value = build().map(|v| &*Box::leak(Box::new(v)));
    built.insert(tag.to_string(), value);
    value
}

/// The tags of every locale, for messages and completion.
pub fn tags() -> impl Iterator<Item = &'static str> {
    entries().iter().map(|e| e.tag)
}

/// The locale named `tag`, exactly.
pub fn get(tag: &str) -> Option<&'static Locale> {
    entries().iter().find(|e| e.tag == tag).map(Entry::locale)
}

/// Checks a `locale` value: unknown ones get the list and the closest tag.
pub fn check(tag: &str) -> Result<(), String> {
    refuse(tag).map_err(|r| r.to_string())
}

/// [`check`] with the closest tag as data.
pub fn refuse(tag: &str) -> Result<(), crate::error::Refusal> {
    // Known by name: its messages need not be parsed to say so.
    if tags().any(|t| t == tag) {
        return Ok(());
    }
    let tags: Vec<&str> = tags().collect();
    let suggestion = closest(tag).or_else(|| crate::error::closest(tag, tags.iter().copied()));
    let message = format!(
        "unknown locale `{tag}`; expected one of {}",
        tags.join(", ")
    );
    Err(crate::error::Refusal::new(message, suggestion))
}

/// The locale a misspelt tag most likely means: the same tag in another case or
/// with `_`, or the locale of the country it names (`en-UK` → `en-GB`).
fn closest(tag: &str) -> Option<&'static str> {
    let norm = tag.replace('_', "-");
    if let Some(e) = entries().iter().find(|e| e.tag.eq_ignore_ascii_case(&norm)) {
        return Some(e.tag);
    }
    let region = norm.rsplit('-').next()?.to_ascii_uppercase();
    let region = if region == "UK" {
        "GB".to_string()
    } else {
        region
    };
    entries()
        .iter()
        .find(|e| e.head.countries.contains(&region))
        .map(|e| e.tag)
}

/// Why a posting has its locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// `locale` is set (in the posting, a profile, `--set` or `--locale`).
    Given,
    /// From a country: the dotted path it was read from, and the code.
    Country(&'static str, String),
    /// No locale and no country with a locale of its own.
    Default,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Given => f.write_str("given"),
            Reason::Country(path, code) => write!(f, "from {path} = \"{code}\""),
            Reason::Default => write!(
                f,
                "the default: no locale, and no country with a locale of its own"
            ),
        }
    }
}

/// The one place a posting's locale is decided: `locale` if set, else the job's
/// country (for a remote role, the first country applicants may live in), else
/// [`DEFAULT`].
pub fn resolve(p: &Posting) -> (&'static Locale, Reason) {
    if let Some(l) = p.locale.as_deref().and_then(get) {
        return (l, Reason::Given);
    }
    let default = get(DEFAULT).expect("en-US is shipped");
    let Some(loc) = &p.location else {
        return (default, Reason::Default);
    };
    let first_applicant = loc.applicant_countries.iter().flatten().next();
    let remote = loc.workplace == Some(Workplace::Remote);
    let region = loc.region.as_deref();
    let country = match (remote, first_applicant, &loc.country) {
        (true, Some(c), _) => Some(("location.applicant_countries", c, None)),
        (_, _, Some(c)) => Some(("location.country", c, region)),
        (_, Some(c), None) => Some(("location.applicant_countries", c, None)),
        _ => None,
    };
    match country.and_then(|(path, c, r)| Some((path, c, r, for_place(c, r)?))) {
        // A region with a locale of its own (Quebec) is the reason, not its country.
        Some((_, c, Some(r), l))
            if for_country(c).is_none_or(|by_country| by_country.tag != l.tag) =>
        {
            (l, Reason::Country("location.region", r.to_string()))
        }
        Some((path, c, _, l)) => (l, Reason::Country(path, c.clone())),
        None => (default, Reason::Default),
    }
}

/// The locale of a posting (see [`resolve`]).
pub fn of(p: &Posting) -> &'static Locale {
    resolve(p).0
}

/// The locale a country defaults to, if one lists it.
pub fn for_country(code: &str) -> Option<&'static Locale> {
    entries()
        .iter()
        .find(|e| e.head.countries.iter().any(|c| c == code))
        .map(Entry::locale)
}

/// The locale of a place: the region's own (`CA-QC` reads in `fr-CA`), else the
/// country's. The region may be written as its code or its name.
pub fn for_place(country: &str, region: Option<&str>) -> Option<&'static Locale> {
    let bare = |s: &str| s.trim().replace('.', "").to_lowercase();
    let names_region = |key: &String, names: &Vec<String>| {
        let Some((c, code)) = key.split_once('-') else {
            return false;
        };
        let typed = region.map(bare).unwrap_or_default();
        c.eq_ignore_ascii_case(country)
            && (typed == code.to_lowercase() || names.iter().any(|n| bare(n) == typed))
    };
    entries()
        .iter()
        .find(|e| {
            e.head
                .regions
                .iter()
                .any(|(k, names)| names_region(k, names))
        })
        .map(Entry::locale)
        .or_else(|| for_country(country))
}

impl Locale {
    /// The language of the locale: `de` for `de-AT`.
    pub fn language(&self) -> &str {
        self.tag.split('-').next().unwrap_or(&self.tag)
    }

    /// The countries whose readers this locale serves: its own, and those of its
    /// regions (`fr-CA` reads Canadian dollars as `$`).
    pub fn home_countries(&self) -> impl Iterator<Item = &str> {
        let of_regions = self.regions.keys().filter_map(|r| r.split('-').next());
        self.countries.iter().map(String::as_str).chain(of_regions)
    }

    /// `n` with the locale's decimal sign and no trailing zeros: `37,5`.
    pub fn number(&self, n: f64) -> String {
        number(n).replace('.', self.text("decimal_sign"))
    }
}

/// `{name}` placeholders of `pattern` replaced by their values.
pub fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(pattern.to_string(), |s, (k, v)| {
        s.replace(&format!("{{{k}}}"), v)
    })
}

impl Locale {
    /// `a`, `a and b`, `a, b and c`, with the locale's word for "and".
    pub fn list_and(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => fill(
                self.text("list_and"),
                &[("rest", &rest.join(", ")), ("last", last)],
            ),
        }
    }

    /// The message `key`, or the key itself if no locale has it (a template typo
    /// then shows in the output rather than vanishing).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.messages.get(key).map_or(key, String::as_str)
    }

    /// A date in prose: `February 1, 2027` or `1 February 2027`.
    pub fn date(&self, d: &toml::value::Datetime) -> String {
        let Some(date) = d.date else {
            return d.to_string();
        };
        let month = self.text(&format!("month_{}", date.month)).to_string();
        let day = match date.day {
            1 => self.text("day_1").to_string(),
            d => d.to_string(),
        };
        fill(
            self.text("date"),
            &[
                ("day", &day),
                ("month", &month),
                ("year", &date.year.to_string()),
            ],
        )
    }

    /// `6 months`, `1 year`, `2 years`, `18 months`.
    pub fn months(&self, m: u32) -> String {
        match m {
            12 => self.text("one_year").to_string(),
            m if m % 12 == 0 => fill(self.text("years"), &[("n", &(m / 12).to_string())]),
            1 => self.text("one_month").to_string(),
            m => fill(self.text("months"), &[("n", &m.to_string())]),
        }
    }

    /// `At least 2 years of relevant experience`.
    pub fn experience(&self, m: u32) -> String {
        fill(self.text("experience"), &[("duration", &self.months(m))])
    }

    /// `About 30 hours a week`.
    pub fn hours(&self, h: f64) -> String {
        fill(self.text("hours_per_week"), &[("n", &self.number(h))])
    }

    /// The school level as readers in this locale know it.
    pub fn education(&self, e: Education) -> String {
        self.text(&keyed("education", e.key())).to_string()
    }

    /// `per hour`.
    pub fn period(&self, p: Period) -> String {
        self.text(&keyed("period", p.key())).to_string()
    }

    /// `Full-time`.
    pub fn employment(&self, e: EmploymentType) -> String {
        self.text(&keyed("employment", e.key())).to_string()
    }

    /// `On-site`.
    pub fn workplace(&self, w: Workplace) -> String {
        self.text(&keyed("workplace", w.key())).to_string()
    }
}

impl Locale {
    /// `text` with its weights written the locale's way: "25 pounds" and "25 lb"
    /// become "11 kg", or "11 kg (25 lb)" where pounds are still widely read.
    pub fn weights(&self, text: &str) -> String {
        if self.weight == Weight::Pounds {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some((start, pounds, end)) = next_pounds(rest) {
            out.push_str(&rest[..start]);
            let kg = pounds * 0.453_592_37;
            // Whole kilograms read naturally; a light load keeps one decimal.
            let kg = if kg >= 1.0 {
                format!("{kg:.0}")
            } else {
                format!("{kg:.1}")
            };
            let kg = kg.replace('.', self.text("decimal_sign"));
            out.push_str(&match self.weight {
                Weight::KilogramsAndPounds => format!("{kg} kg ({} lb)", number(pounds)),
                _ => format!("{kg} kg"),
            });
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}

/// `25`, `2.5`: a number without a trailing `.0`.
fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}

/// The first "N pounds", "N lb" or "N lbs" in `s`: where the number starts, its
/// value, and where the unit ends.
fn next_pounds(s: &str) -> Option<(usize, f64, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Pounds already written beside kilograms ("9 kg (20 lb)", text this
        // function wrote, as an imported posting carries it) stay as they are.
        let starts_number = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'))
            && !s[..i].ends_with("kg (");
        if !starts_number {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && (bytes[j].is_ascii_digit() || bytes[j] == b'.') {
            j += 1;
        }
        let digits = s[i..j].trim_end_matches('.');
        let after = &s[i + digits.len()..];
        let after = after
            .strip_prefix(' ')
            .or_else(|| after.strip_prefix('-'))
            .unwrap_or(after);
        for unit in ["pounds", "pound", "lbs", "lb"] {
            let Some(tail) = after.strip_prefix(unit) else {
                continue;
            };
            if tail.starts_with(char::is_alphanumeric) {
                continue;
            }
            if let Ok(n) = digits.parse::<f64>() {
                // Text that already gives the kilograms ("25 pounds (11 kg)") gets
                // them once, from the pounds.
                let tail = kg_bracket(tail).unwrap_or(tail);
                return Some((i, n, s.len() - tail.len()));
            }
        }
        i = j;
    }
    None
}

/// What follows a ` (11 kg)` at the start of `s`, if it starts with one.
fn kg_bracket(s: &str) -> Option<&str> {
    let inner = s.strip_prefix(" (")?;
    let digits = inner
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|n| *n > 0)?;
    inner[digits..].strip_prefix(" kg)")
}

/// `education_high_school` from `education` and `high-school`.
fn keyed(prefix: &str, key: &str) -> String {
    format!("{prefix}_{}", key.replace('-', "_"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::value::{Date, Datetime};

    fn posting(text: &str) -> Posting {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn the_english_german_and_french_locales_are_shipped() {
        let tags: Vec<&str> = tags().collect();
        assert_eq!(
            tags,
            [
                "en-US", "de-AT", "de-CH", "de-DE", "en-AU", "en-CA", "en-GB", "en-IE", "fr-BE",
                "fr-CA", "fr-CH", "fr-FR"
            ]
        );
    }

    #[test]
    fn every_language_base_gives_every_message() {
        // A German or French posting never falls back to an English word or
        // prints a key: each language's base has all of en-US's keys, and no more.
        let us = get(DEFAULT).unwrap();
        for base in ["de-DE", "fr-FR"] {
            let (_, text) = Folder::Locales
                .files()
                .iter()
                .find(|(n, _)| *n == format!("{base}.toml"))
                .unwrap();
            let file: File = toml::from_str(text).unwrap();
            let missing: Vec<&String> = us
                .messages
                .keys()
                .filter(|k| !file.messages.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{base} lacks {missing:?}");
            assert!(file.base.is_none(), "{base} is a base");
        }
    }

    #[test]
    fn the_place_decides_language_and_country() {
        let tag = |text: &str| of(&posting(text)).tag.clone();
        assert_eq!(tag("[location]\ncountry = \"DE\""), "de-DE");
        assert_eq!(tag("[location]\ncountry = \"AT\""), "de-AT");
        assert_eq!(tag("[location]\ncountry = \"CH\""), "de-CH");
        assert_eq!(tag("[location]\ncountry = \"FR\""), "fr-FR");
        assert_eq!(tag("[location]\ncountry = \"BE\""), "fr-BE");
        assert_eq!(
            tag("[location]\ncountry = \"CA\"\nregion = \"QC\""),
            "fr-CA"
        );
        assert_eq!(
            tag("[location]\ncountry = \"CA\"\nregion = \"Québec\""),
            "fr-CA"
        );
        assert_eq!(
            tag("[location]\ncountry = \"CA\"\nregion = \"ON\""),
            "en-CA"
        );
        assert_eq!(
            tag("locale = \"fr-CH\"\n[location]\ncountry = \"CH\""),
            "fr-CH"
        );
    }

    #[test]
    fn numbers_and_money_follow_the_locale() {
        use crate::money::format_amount_in;
        let money = |tag: &str, v: f64, code: &str, cents: bool| {
            let l = get(tag).unwrap();
            let plain = l
                .home_countries()
                .any(|c| crate::money::dollar_of(c) == Some(code));
            format_amount_in(v, code, cents, plain, &crate::money::Style::of(l))
        };
        assert_eq!(money("de-DE", 2600.0, "EUR", false), "2.600\u{a0}€");
        assert_eq!(money("de-DE", 15.5, "EUR", true), "15,50\u{a0}€");
        assert_eq!(
            money("fr-FR", 26000.0, "EUR", false),
            "26\u{202f}000\u{a0}€"
        );
        assert_eq!(money("fr-CA", 24.0, "CAD", true), "24,00\u{a0}$");
        assert_eq!(money("de-CH", 4800.0, "CHF", false), "CHF 4'800");
        assert_eq!(money("en-US", 4800.0, "CHF", false), "CHF 4,800");
        // As CLDR (the data behind ICU) writes them for each country.
        assert_eq!(money("de-AT", 2350.0, "EUR", false), "€\u{a0}2.350");
        assert_eq!(money("fr-CH", 4800.0, "CHF", false), "4'800\u{a0}CHF");
        assert_eq!(money("fr-CA", 26000.0, "CAD", false), "26\u{a0}000\u{a0}$");
        assert_eq!(get("fr-CH").unwrap().hours(37.5), "37,5 heures par semaine");
        assert_eq!(
            get("de-DE").unwrap().hours(37.5),
            "Etwa 37,5 Stunden pro Woche"
        );
    }

    #[test]
    fn every_message_of_every_locale_is_known_to_en_us() {
        let base = get(DEFAULT).unwrap();
        for (name, text) in Folder::Locales.files() {
            let file: File = toml::from_str(text).unwrap();
            for key in file.messages.keys() {
                assert!(base.messages.contains_key(key), "{name}: {key}");
            }
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_en_us() {
        let base = get(DEFAULT).unwrap();
        let file = toml::from_str("countries = [\"NZ\"]\n[messages]\nrequired = \"Must have\"\n");
        let nz = parse("en-NZ", file.unwrap(), Some(base));
        assert_eq!(nz.text("required"), "Must have");
        assert_eq!(nz.text("about_role"), "About the role");
        assert_eq!(nz.weight, Weight::Pounds);
        // The shipped en-GB gives no headings of its own.
        assert_eq!(get("en-GB").unwrap().text("nice_to_have"), "Nice to have");
    }

    #[test]
    fn every_labelled_value_has_a_message() {
        let us = get(DEFAULT).unwrap();
        let has = |k: String| us.messages.contains_key(&k);
        assert!(
            Education::ALL
                .iter()
                .all(|e| has(keyed("education", e.key())))
        );
        assert!(Period::ALL.iter().all(|e| has(keyed("period", e.key()))));
        assert!(
            EmploymentType::ALL
                .iter()
                .all(|e| has(keyed("employment", e.key())))
        );
        assert!(
            Workplace::ALL
                .iter()
                .all(|e| has(keyed("workplace", e.key())))
        );
        // And en-US says them as the model's own labels do.
        assert!(Education::ALL.iter().all(|e| us.education(*e) == e.label()));
        assert!(Period::ALL.iter().all(|e| us.period(*e) == e.label()));
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = Datetime {
            date: Some(Date {
                year: 2027,
                month: 2,
                day: 1,
            }),
            time: None,
            offset: None,
        };
        let date = |tag| get(tag).unwrap().date(&d);
        assert_eq!(date("en-US"), "February 1, 2027");
        assert_eq!(date("en-CA"), "February 1, 2027");
        assert_eq!(date("en-GB"), "1 February 2027");
        assert_eq!(date("en-IE"), "1 February 2027");
        assert_eq!(date("en-AU"), "1 February 2027");
        assert_eq!(date("de-DE"), "1. Februar 2027");
        assert_eq!(date("fr-FR"), "1er février 2027");
        assert_eq!(date("fr-CA"), "1er février 2027");
    }

    #[test]
    fn school_levels_follow_the_locale() {
        let e = |tag| get(tag).unwrap().education(Education::HighSchool);
        assert_eq!(e("en-US"), "High school diploma or equivalent");
        assert_eq!(e("en-CA"), "High school diploma or equivalent");
        assert_eq!(e("en-GB"), "GCSEs or equivalent");
        assert_eq!(e("en-IE"), "Leaving Certificate or equivalent");
        assert_eq!(e("en-AU"), "Year 12 or equivalent");
    }

    #[test]
    fn the_locale_comes_from_the_job_country() {
        let tag = |t: &str| {
            let (l, r) = resolve(&posting(t));
            (l.tag.clone(), r.to_string())
        };
        assert_eq!(
            tag("[location]\ncountry = \"GB\""),
            ("en-GB".into(), "from location.country = \"GB\"".into())
        );
        assert_eq!(
            tag(
                "[location]\nworkplace = \"remote\"\ncountry = \"US\"\napplicant_countries = [\"CA\", \"US\"]"
            ),
            (
                "en-CA".into(),
                "from location.applicant_countries = \"CA\"".into()
            )
        );
        assert_eq!(
            tag("locale = \"en-IE\"\n[location]\ncountry = \"GB\""),
            ("en-IE".into(), "given".into())
        );
        assert_eq!(tag("[location]\ncountry = \"NL\"").0, "en-US");
        assert_eq!(tag("title = \"x\"").0, "en-US");
    }

    #[test]
    fn an_unknown_locale_names_the_closest() {
        assert!(check("en-GB").is_ok());
        let err = |t| check(t).unwrap_err();
        assert!(
            err("en-UK").ends_with("did you mean `en-GB`?"),
            "{}",
            err("en-UK")
        );
        assert!(err("en_au").ends_with("did you mean `en-AU`?"));
        assert!(
            err("en-IR").ends_with("did you mean `en-IE`?"),
            "{}",
            err("en-IR")
        );
        assert!(err("es-ES").starts_with(
            "unknown locale `es-ES`; expected one of en-US, de-AT, de-CH, de-DE, en-AU"
        ));
        assert!(err("de_de").ends_with("did you mean `de-DE`?"));
    }

    #[test]
    fn weights_follow_the_locale() {
        let w = |tag, t| get(tag).unwrap().weights(t);
        let text = "Lift boxes of up to 25 pounds when restocking shelves";
        assert_eq!(w("en-US", text), text);
        assert_eq!(
            w("en-GB", text),
            "Lift boxes of up to 11 kg when restocking shelves"
        );
        assert_eq!(
            w("en-CA", text),
            "Lift boxes of up to 11 kg (25 lb) when restocking shelves"
        );
        assert_eq!(
            w("en-AU", "Carry 50 lb bags, then 20-lb boxes"),
            "Carry 23 kg bags, then 9 kg boxes"
        );
        assert_eq!(
            w("en-IE", "Lift 1 pound or 1.5 lbs."),
            "Lift 0.5 kg or 0.7 kg."
        );
        // Kilograms the text already gives are not repeated.
        let both = "Lift bags of up to 20 pounds (9 kg) when you restock";
        assert_eq!(w("en-US", both), both);
        assert_eq!(w("en-GB", both), "Lift bags of up to 9 kg when you restock");
        assert_eq!(
            w("en-CA", both),
            "Lift bags of up to 9 kg (20 lb) when you restock"
        );
        // Written once: converting what it wrote changes nothing.
        let ca = get("en-CA").unwrap();
        let once = ca.weights("Lift bags of up to 20 pounds");
        assert_eq!(ca.weights(&once), once);
        assert_eq!(
            ca.weights("Lift bags of up to 9 kg (20 lb) when you restock"),
            "Lift bags of up to 9 kg (20 lb) when you restock"
        );
        assert_eq!(w("en-GB", "25 lb (heavy)"), "11 kg (heavy)");
        // Numbers that are not weights stay as they are.
        let other = "Stand for 8 hours; 25 poundcakes a day; B12 lb";
        assert_eq!(w("en-GB", other), other);
    }

    #[test]
    fn experience_and_hours_read_naturally() {
        let us = get("en-US").unwrap();
        assert_eq!(us.months(6), "6 months");
        assert_eq!(us.months(12), "1 year");
        assert_eq!(us.months(36), "3 years");
        assert_eq!(us.months(18), "18 months");
        assert_eq!(us.experience(24), "At least 2 years of relevant experience");
        assert_eq!(us.hours(37.5), "About 37.5 hours a week");
    }
}
