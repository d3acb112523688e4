//! Where a posting is: US states, Canadian provinces, cities whose pay laws differ,
//! countries, and remote work.
//!
//! The states, provinces, cities, countries and remote-work wording are data,
//! `src/lint/data/places.toml`, indexed once on first use; this file keeps how they
//! are found in text.

use crate::text::FastMap;
use std::sync::OnceLock;

use super::super::data::{self, Text};
use super::super::doc::Site;
use super::super::text::{Cover, PhraseSet, Token};
use super::{Facts, Prepared, Section, Segment};

/// A place a posting can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// ISO country.
    pub country: &'static str,
    /// State or province code.
    pub region: Option<&'static str>,
    /// City, when the city has its own pay law.
    pub city: Option<&'static str>,
}

const fn region(country: &'static str, code: &'static str) -> Place {
    Place {
        country,
        region: Some(code),
        city: None,
    }
}

/// A place known only by its country (a postcode's).
const fn country(code: &'static str) -> Place {
    Place {
        country: code,
        region: None,
        city: None,
    }
}

/// A US state or Canadian province.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Its name ("Colorado", "Québec").
    pub name: &'static str,
    /// Its code ("CO", "QC").
    pub code: &'static str,
    /// Its abbreviation in prose ("Colo.", "Que."), if it has one.
    pub abbr: Option<&'static str>,
    /// Its country ("US", "CA").
    pub country: &'static str,
}

/// `src/lint/data/places.toml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Where the names come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    us_states: Vec<Named>,
    ca_provinces: Vec<Named>,
    places: Vec<PlaceRow>,
    city_with_code: Vec<CityWithCode>,
    #[serde(deserialize_with = "data::words")]
    ambiguous_codes: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    remote: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    remote_exceptions: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    negators: &'static [&'static str],
    #[serde(deserialize_with = "data::words")]
    hybrid: &'static [&'static str],
    /// "Anywhere", "Worldwide": the value of a place-of-work line that makes the job remote.
    #[serde(deserialize_with = "data::words")]
    everywhere: &'static [&'static str],
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    #[serde(deserialize_with = "data::text")]
    name: Text,
    #[serde(deserialize_with = "data::text")]
    code: Text,
    /// The abbreviation newspapers write ("Colo."); read only in a `region` field.
    abbr: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceRow {
    #[serde(deserialize_with = "data::text")]
    name: Text,
    #[serde(deserialize_with = "data::text")]
    country: Text,
    region: Option<String>,
    city: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CityWithCode {
    before: String,
    #[serde(deserialize_with = "data::text")]
    region: Text,
    #[serde(deserialize_with = "data::text")]
    city: Text,
}

/// The places file, indexed once.
struct PlaceIndex {
    set: PhraseSet,
    names: Vec<&'static str>,
    places: Vec<Place>,
    /// Entries that must match case exactly ("US", "UK"): all-caps words.
    exact_case: Vec<bool>,
    /// US states, then Canadian provinces, in file order.
    regions: Vec<Region>,
    /// Region codes: the first region with each.
    by_code: FastMap<&'static str, Region>,
    /// "New York, NY": the words before a region code that make the place a city,
    /// the code, and the city.
    city_with_code: Vec<(String, &'static str, &'static str)>,
    ambiguous_codes: &'static [&'static str],
    /// Remote phrases, and the phrases that are about something else.
    remote: PhraseSet,
    remote_exceptions: PhraseSet,
    negators: &'static [&'static str],
    hybrid: &'static [&'static str],
    everywhere: &'static [&'static str],
}

fn keep(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn place_index() -> &'static PlaceIndex {
    static IDX: OnceLock<PlaceIndex> = OnceLock::new();
    IDX.get_or_init(|| {
        let file: File = data::load("places");
        let named = |list: Vec<Named>, country| {
            list.into_iter().map(move |n| Region {
                name: n.name,
                code: n.code,
                abbr: n.abbr.map(keep),
                country,
            })
        };
        let regions: Vec<Region> = named(file.us_states, "US")
            .chain(named(file.ca_provinces, "CA"))
            .collect();
        let mut by_code = FastMap::default();
        for r in &regions {
            by_code.entry(r.code).or_insert(*r);
        }
        let mut names: Vec<&'static str> = Vec::new();
        let mut places = Vec::new();
        for row in file.places {
            names.push(row.name);
            places.push(Place {
                country: row.country,
                region: row.region.map(keep),
                city: row.city.map(keep),
            });
        }
        for r in &regions {
            names.push(r.name);
            places.push(region(r.country, r.code));
        }
        let exact_case = names
            .iter()
            .map(|n| n.len() <= 3 && n.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        let city_with_code = file
            .city_with_code
            .into_iter()
            .map(|c| (c.before, c.region, c.city))
            .collect();
        PlaceIndex {
            set: PhraseSet::new(names.iter().copied()),
            names,
            places,
            exact_case,
            regions,
            by_code,
            city_with_code,
            ambiguous_codes: file.ambiguous_codes,
            remote: PhraseSet::new(file.remote.iter().copied()),
            remote_exceptions: PhraseSet::new(file.remote_exceptions.iter().copied()),
            negators: file.negators,
            hybrid: file.hybrid,
            everywhere: file.everywhere,
        }
    })
}

/// US states, then Canadian provinces, from `src/lint/data/places.toml`.
pub fn regions() -> &'static [Region] {
    &place_index().regions
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = place_index();
}

/// "Denver, CO" / "Toronto, ON M5V 2T6": a state or province code right after
/// "City, ".
fn city_state(p: &Prepared<'_>) -> Option<(usize, usize, Place)> {
    p.toks.iter().enumerate().skip(1).find_map(|(i, t)| {
        if t.lower.len() != 2 {
            return None;
        }
        let prev = &p.toks[i - 1];
        let gap = p.slice(prev.end, t.start);
        let text = p.word(t);
        let is_code = text.chars().all(|c| c.is_ascii_uppercase());
        if !is_code || gap.trim() != "," || !p.capitalised(prev) {
            return None;
        }
        // "Winston Chiong, MD PhD", "Jane Roe, MD, MPH": a doctor's degree after a
        // name, not Maryland.
        if text == "MD" && degree_follows(p, i) {
            return None;
        }
        let idx = place_index();
        let r = idx.by_code.get(text.as_str())?;
        let city = p.tok_text(i.saturating_sub(3), i - 1);
        let city = idx
            .city_with_code
            .iter()
            .find(|(before, code, _)| *code == r.code && city.ends_with(before.as_str()))
            .map(|(_, _, city)| *city);
        let place = Place {
            city,
            ..region(r.country, r.code)
        };
        Some((prev.start, t.end, place))
    })
}

/// Does a degree follow token `i` ("MD PhD", "MD, MPH", "MD/PhD")?
fn degree_follows(p: &Prepared<'_>, i: usize) -> bool {
    const DEGREES: &[&str] = &[
        "phd", "mph", "ms", "msc", "ma", "mba", "mhs", "facp", "facs", "faap", "dphil",
    ];
    p.toks.get(i + 1).is_some_and(|t| {
        let gap = p.slice(p.toks[i].end, t.start);
        gap.trim().len() <= 1 && !gap.contains('\n') && DEGREES.contains(&t.lower.as_str())
    })
}

/// A bare state code ("Remote (CO only)", "Location: WA") in the title or the working
/// conditions, where a capitalised two-letter word is almost always a place; codes that
/// double as words ("OR", "IN", "CO" for company…) need the "City, ST" form.
fn bare_state_code(p: &Prepared<'_>) -> Option<(usize, usize, Place)> {
    if !matches!(p.seg.section, Section::Conditions | Section::Title) {
        return None;
    }
    p.toks.iter().find_map(|t| {
        if t.lower.len() != 2 || t.hyphen_before {
            return None;
        }
        let text = p.word(t);
        let idx = place_index();
        if idx.ambiguous_codes.contains(&text.as_str()) {
            return None;
        }
        let r = idx
            .by_code
            .get(text.as_str())
            .filter(|r| r.country == "US")?;
        Some((t.start, t.end, region("US", r.code)))
    })
}

/// Postcodes that name their country: a UK postcode ("LS11 5AB", "SW1A 1AA"), an
/// Eircode ("T12 X8N4", "D02 AF30"), an Australian state and postcode ("NSW 2000",
/// "VIC 3121") or a Canadian postal code ("M5V 2T6"), as (start char, end char, place).
fn postcodes(p: &Prepared<'_>) -> Vec<(usize, usize, Place)> {
    let c = p.chars;
    let boundary = |i: usize| c.get(i).is_none_or(|ch| !ch.is_alphanumeric());
    let mut found = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let starts_word = c[i].is_ascii_uppercase() && (i == 0 || boundary(i - 1));
        let hit = starts_word
            .then(|| {
                [uk_postcode, eircode, au_postcode, ca_postcode]
                    .iter()
                    .find_map(|f| f(c, i).filter(|(end, _)| boundary(*end)))
            })
            .flatten();
        match hit {
            Some((end, place)) => {
                found.push((i, end, place));
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

fn upper(c: &[char], i: usize) -> bool {
    c.get(i).is_some_and(char::is_ascii_uppercase)
}

fn digit(c: &[char], i: usize) -> bool {
    c.get(i).is_some_and(char::is_ascii_digit)
}

/// "A9 9AA", "A99 9AA", "A9A 9AA", "AA9 9AA", "AA99 9AA", "AA9A 9AA": the inward part's
/// letters are never C, I, K, M, O or V.
fn uk_postcode(c: &[char], i: usize) -> Option<(usize, Place)> {
    let letters = if upper(c, i + 1) { 2 } else { 1 };
    let mut j = i + letters;
    if !digit(c, j) {
        return None;
    }
    j += 1;
    if digit(c, j) || upper(c, j) {
        j += 1;
    }
    let inward_letter = |k: usize| upper(c, k) && !"CIKMOV".contains(c[k]);
    (c.get(j) == Some(&' ') && digit(c, j + 1) && inward_letter(j + 2) && inward_letter(j + 3))
        .then_some((j + 4, country("GB")))
}

/// An Eircode: a routing key (letter, two digits, or "D6W"), a space, and four letters
/// and digits with at least one of each.
fn eircode(c: &[char], i: usize) -> Option<(usize, Place)> {
    const ALLOWED: &str = "0123456789ACDEFHKNPRTVWXY";
    let key = ("ACDEFHKNPRTVWXY".contains(c[i]) && digit(c, i + 1) && digit(c, i + 2))
        || (c[i] == 'D' && c.get(i + 1) == Some(&'6') && c.get(i + 2) == Some(&'W'));
    if !key || c.get(i + 3) != Some(&' ') {
        return None;
    }
    let unique = c.get(i + 4..i + 8)?;
    let ok = unique.iter().all(|ch| ALLOWED.contains(*ch))
        && unique.iter().any(char::is_ascii_digit)
        && unique.iter().any(char::is_ascii_uppercase);
    ok.then_some((i + 8, country("IE")))
}

/// An Australian state or territory and its four-digit postcode ("NSW 2000"), whose
/// first digit belongs to the state (so "WA 2024" is not one).
fn au_postcode(c: &[char], i: usize) -> Option<(usize, Place)> {
    const STATES: &[(&str, &str)] = &[
        ("NSW", "12"),
        ("VIC", "38"),
        ("QLD", "49"),
        ("WA", "6"),
        ("SA", "5"),
        ("TAS", "7"),
        ("ACT", "02"),
        ("NT", "0"),
    ];
    let (state, first) = STATES.iter().find(|(s, _)| {
        s.chars()
            .enumerate()
            .all(|(k, ch)| c.get(i + k) == Some(&ch))
    })?;
    let j = i + state.len();
    let ok = c.get(j) == Some(&' ')
        && (1..=4).all(|k| digit(c, j + k))
        && !digit(c, j + 5)
        && first.contains(c[j + 1]);
    ok.then_some((j + 5, country("AU")))
}

/// A Canadian postal code, "A9A 9A9" (the first letter is never D, F, I, O, Q, U, W or Z).
fn ca_postcode(c: &[char], i: usize) -> Option<(usize, Place)> {
    let ok = !"DFIOQUWZ".contains(c[i])
        && digit(c, i + 1)
        && upper(c, i + 2)
        && c.get(i + 3) == Some(&' ')
        && digit(c, i + 4)
        && upper(c, i + 5)
        && digit(c, i + 6);
    ok.then_some((i + 7, country("CA")))
}

/// Places named in a segment as (start char, end char, place), in text order (proper
/// nouns only: the name must be capitalised, and "US"/"UK" written in capitals).
fn places_in(p: &Prepared<'_>) -> Vec<(usize, usize, Place)> {
    let idx = place_index();
    let toks = workplace_compounds_split(p.toks);
    let mut found: Vec<(usize, usize, Place)> = idx
        .set
        .find(&toks)
        .into_iter()
        .filter(|h| {
            if idx.exact_case[h.item] {
                p.tok_text(h.first, h.last).replace('.', "") == idx.names[h.item]
            } else {
                p.capitalised(&p.toks[h.first])
            }
        })
        .filter(|h| !names_a_street(p, h.first, h.last))
        .map(|h| {
            (
                p.toks[h.first].start,
                p.toks[h.last].end,
                idx.places[h.item],
            )
        })
        .collect();
    let codes = postcodes(p);
    // "Perth, WA" and "Fremantle WA 6160" are in Western Australia: beside an
    // Australian place, "WA" is the Australian state, not Washington.
    let in_au = found
        .iter()
        .chain(&codes)
        .any(|(_, _, pl)| pl.country == "AU");
    let washington = |pl: &Place| pl.country == "US" && pl.region == Some("WA");
    // "New York, NY" and "Vancouver, WA": the "City, ST" reading wins over the name.
    if let Some(cs) = city_state(p).filter(|cs| !(in_au && washington(&cs.2))) {
        found.retain(|(s, e, _)| *e <= cs.0 || *s >= cs.1);
        found.push(cs);
    } else if let Some(bare) = bare_state_code(p) {
        found.push(bare);
    }
    if in_au {
        found.retain(|(_, _, pl)| !washington(pl));
    }
    found.retain(|(s, e, _)| !codes.iter().any(|(cs, ce, _)| s < ce && cs < e));
    found.extend(codes);
    // Earliest first; of two at the same place the longer ("Denver, CO" over "Denver").
    found.sort_by_key(|(at, end, _)| (*at, std::cmp::Reverse(*end)));
    found
}

/// Words that make a place name part of a street's: before it ("rue Ontario",
/// "avenue du Québec") or after it ("Ontario Street", "Colorado Blvd").
const STREET_BEFORE: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "boulevard",
    "boul",
    "bd",
    "chemin",
    "ch",
    "route",
    "allée",
    "quai",
    "impasse",
    "place",
    "du",
    "de",
    "des",
];
const STREET_AFTER: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "dr",
    "lane",
    "ln",
    "way",
    "parkway",
    "pkwy",
    "straße",
    "strasse",
    "est",
    "ouest",
];

/// Is the name at tokens `first..=last` part of a street address rather than the
/// place itself ("4200, rue Ontario Est, Montréal, QC" is in Quebec)?
fn names_a_street(p: &Prepared<'_>, first: usize, last: usize) -> bool {
    let word = |k: usize| p.toks.get(k).map(|t| t.lower.as_str());
    // "rue Ontario", "avenue du Québec": a street word at most two words before.
    let before = (1..=2)
        .filter_map(|d| first.checked_sub(d))
        .filter_map(word);
    let mut before = before.take_while(|w| STREET_BEFORE.contains(w));
    let after = word(last + 1).is_some_and(|w| STREET_AFTER.contains(&w));
    let street_first = before.any(|w| !matches!(w, "du" | "de" | "des"));
    street_first || after
}

/// The place a segment names: the first that has a state or province, else the first.
fn place_in(p: &Prepared<'_>) -> Option<Place> {
    let mut found = places_in(p);
    found.retain(|&(_, end, _)| !names_a_law(p, end));
    found
        .iter()
        .find(|(_, _, pl)| pl.region.is_some())
        .or(found.first())
        .map(|(_, _, pl)| *pl)
}

/// Is the place ending at char `end` the start of a law's name ("the San Francisco
/// Fair Chance Ordinance", "the California Consumer Privacy Act")? Then it names the
/// law, not where the job is: a word for a law within the next four words.
fn names_a_law(p: &Prepared<'_>, end: usize) -> bool {
    const LAW_WORDS: [&str; 8] = [
        "ordinance",
        "act",
        "law",
        "code",
        "statute",
        "initiative",
        "regulations",
        "regulation",
    ];
    p.toks
        .iter()
        .filter(|t| t.start >= end)
        .take(4)
        .any(|t| LAW_WORDS.contains(&t.lower.as_str()))
}

/// The chars of the first place named in a segment (for the title check).
pub fn place_span(p: &Prepared<'_>) -> Option<(usize, usize)> {
    places_in(p).first().map(|(s, e, _)| (*s, *e))
}

/// Where the posting looks for its location first: conditions, title, purpose, pay,
/// then the rest (the company blurb last: it often names a head office).
fn location_rank(s: &Segment) -> u8 {
    match s.section {
        Section::Conditions => 0,
        Section::Title => 1,
        Section::Purpose => 2,
        Section::Pay | Section::Benefits => 3,
        Section::Company => 5,
        _ => 4,
    }
}

/// Does the posting say the job is remote (and not hybrid)?
fn is_remote(prep: &[Prepared<'_>]) -> bool {
    let idx = place_index();
    let mut remote = false;
    for p in prep {
        if p.toks
            .iter()
            .any(|t| idx.hybrid.contains(&t.lower.as_str()))
        {
            return false;
        }
        // "Location: Anywhere (prefer a time zone …)", "Work location: Global".
        remote |= stated(p) && value_word(p).is_some_and(|w| idx.everywhere.contains(&w));
        let ex = Cover::new(p.find_all(&idx.remote_exceptions));
        remote |= p
            .find(&idx.remote)
            .iter()
            .any(|h| !ex.covers(h) && !negated(p, h.first, h.last));
    }
    remote
}

/// Is the remote mention at tokens `first..=last` denied in its own clause? "remote work
/// is not available", "no remote", "cannot be done remotely" (up to five words before
/// or after, not across a comma, semicolon or full stop).
fn negated(p: &Prepared<'_>, first: usize, last: usize) -> bool {
    let clause_break = |a: usize, b: usize| p.slice(a, b).contains([',', ';', '.', ':', '(']);
    let negators = place_index().negators;
    let is_neg = |t: &super::Token| negators.contains(&t.lower.as_str());
    let anchor = &p.toks[first];
    let before = p.toks[..first]
        .iter()
        .rev()
        .take(5)
        .take_while(|t| !clause_break(t.end, anchor.start))
        .any(is_neg);
    let end = p.toks[last].end;
    let after = p.toks[last + 1..]
        .iter()
        .take(5)
        .take_while(|t| !clause_break(end, t.start))
        .any(is_neg);
    before || after
}

/// The first word after the label of a labelled line ("Location: Anywhere").
fn value_word<'a>(p: &'a Prepared<'_>) -> Option<&'a str> {
    let colon = label_colon(p)?;
    let t = p.toks.iter().find(|t| t.start > colon)?;
    Some(t.lower.as_str())
}

/// Where the colon after a line's label is: within its first 40 chars.
fn label_colon(p: &Prepared<'_>) -> Option<usize> {
    p.chars.iter().take(40).position(|&c| c == ':')
}

/// Is the segment a place-of-work line: a front matter place key, or a body line
/// labelled as one ("Location: Denver, CO", "**Job location:** Leeds")?
fn stated(p: &Prepared<'_>) -> bool {
    if p.seg.section != Section::Conditions {
        return false;
    }
    label_colon(p).is_some_and(|colon| {
        let label = p.slice(0, colon);
        let label = label.trim_matches(|c: char| !c.is_alphanumeric());
        !label.is_empty() && crate::lint::doc::is_place_label(label)
    })
}

/// The tokens with "Remote-US", "Hybrid-Berlin" read as two words: a place after a
/// work arrangement is a place, though a match never starts inside other compounds
/// ("Anglo-French").
fn workplace_compounds_split(toks: &[Token]) -> std::borrow::Cow<'_, [Token]> {
    const ARRANGEMENTS: [&str; 3] = ["remote", "hybrid", "onsite"];
    let joined = |w: &[Token]| w[1].hyphen_before && ARRANGEMENTS.contains(&w[0].lower.as_str());
    if !toks.windows(2).any(joined) {
        return std::borrow::Cow::Borrowed(toks);
    }
    let mut owned = toks.to_vec();
    for k in 1..owned.len() {
        if ARRANGEMENTS.contains(&owned[k - 1].lower.as_str()) {
            owned[k].hyphen_before = false;
        }
    }
    std::borrow::Cow::Owned(owned)
}

/// The places a place-of-work line names, each once: a country named beside them
/// keeps only its own ("Newark on Trent, England" is not Newark, New Jersey), and a
/// country named beside one of its regions adds nothing ("Chicago, Illinois, USA").
fn sites_in(p: &Prepared<'_>) -> Vec<Place> {
    let places: Vec<(usize, usize, Place)> = places_in(p)
        .into_iter()
        .filter(|&(start, end, _)| !preferred(p, start, end))
        .collect();
    // "Remote-US, Washington, DC": the country a remote arrangement names is a site of
    // its own (the job may be done anywhere in it), not covered by the office's city.
    let bare = |pl: &Place| pl.region.is_none() && pl.city.is_none();
    let remote_scope: Vec<Place> = places
        .iter()
        .filter(|(start, _, pl)| bare(pl) && after_remote(p, *start))
        .map(|(_, _, pl)| *pl)
        .collect();
    let found: Vec<Place> = places.into_iter().map(|(_, _, pl)| pl).collect();
    let countries: Vec<&str> = found
        .iter()
        .filter(|pl| bare(pl))
        .map(|pl| pl.country)
        .collect();
    let kept: Vec<Place> = found
        .iter()
        .filter(|pl| countries.is_empty() || countries.contains(&pl.country))
        .copied()
        .collect();
    let mut out: Vec<Place> = Vec::new();
    for pl in &kept {
        let covered = bare(pl)
            && !remote_scope.contains(pl)
            && kept.iter().any(|o| o.country == pl.country && !bare(o));
        if !covered && !out.contains(pl) {
            out.push(*pl);
        }
    }
    out
}

/// Is "remote" an item of the location line on its own ("Washington, DC; Remote",
/// "Denver, CO or remote"), not a remark on a place ("Denver, CO (remote)") nor the
/// start of a scope ("Remote-US", "Remote within Colorado")?
fn remote_alternative(p: &Prepared<'_>) -> bool {
    let toks = p.toks;
    let parted = |a: usize, b: usize, by: &[char]| p.slice(a, b).contains(by);
    toks.iter().enumerate().any(|(k, t)| {
        if t.lower != "remote" || k == 0 {
            return false;
        }
        let prev = &toks[k - 1];
        let opens = prev.lower == "or" || parted(prev.end, t.start, &[',', ';', '|', '/', ':']);
        // "Remote, Denver, CO" may scope the remote work to the place after it.
        let closes = toks
            .get(k + 1)
            .is_none_or(|n| n.lower == "or" || parted(t.end, n.start, &[';', '|', '/']));
        opens && closes && !p.slice(prev.end, t.start).contains('(')
    })
}

/// The place-of-work lines' sites, with the office's whole country added when remote
/// work is offered beside it as an item of its own ("Washington, DC; Remote", or a
/// front matter list with "Remote" as one entry).
fn stated_sites(prep: &[Prepared<'_>]) -> Vec<Place> {
    let lines: Vec<&Prepared<'_>> = prep.iter().filter(|p| stated(p)).collect();
    let mut sites: Vec<Place> = lines.iter().flat_map(|p| sites_in(p)).collect();
    let bare = |pl: &Place| pl.region.is_none() && pl.city.is_none();
    if let [first, rest @ ..] = sites.as_slice()
        && rest.iter().all(|pl| pl.country == first.country)
        && !sites.iter().any(bare)
        && lines.iter().any(|p| remote_alternative(p))
    {
        sites.push(Place {
            country: first.country,
            region: None,
            city: None,
        });
    }
    sites
}

/// Is the place starting at char `start` right after a remote word ("Remote-US",
/// "Remote (Canada)", "Remote, USA")?
fn after_remote(p: &Prepared<'_>, start: usize) -> bool {
    let k = p.toks.partition_point(|t| t.start < start);
    k > 0 && p.toks[k - 1].lower == "remote"
}

/// "Remote, United States or Canada, Seattle preferred": a place only preferred is
/// not where the job must be done (the byte span `start..end` is the place's name).
fn preferred(p: &Prepared<'_>, start: usize, end: usize) -> bool {
    const WORDS: [&str; 4] = ["preferred", "preferably", "ideally", "ideal"];
    let toks = p.toks;
    let after = toks.iter().find(|t| t.start >= end);
    let before = toks.iter().rev().find(|t| t.end <= start);
    after.is_some_and(|t| WORDS.contains(&t.lower.as_str()))
        || before.is_some_and(|t| matches!(t.lower.as_str(), "preferably" | "ideally"))
}

/// "in" or "within", before the place of a [`is_where`] word.
fn is_in(word: &str) -> bool {
    matches!(word, "in" | "within")
}

/// A word that says where the job is or who may fill it, before "in" and a place:
/// "based in", "located in", "applicants residing anywhere within the United States".
fn is_where(word: &str) -> bool {
    matches!(
        word,
        "based" | "located" | "situated" | "anywhere" | "residing"
    )
}

/// A word for a part of a region between "located in" and the region ("central New
/// Jersey", "downtown Denver", "northern Colorado").
fn is_part_of_region(word: &str) -> bool {
    matches!(
        word,
        "central"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "downtown"
            | "greater"
            | "upstate"
            | "rural"
            | "coastal"
            | "north"
            | "south"
            | "east"
            | "west"
    )
}

/// The company's head office or parent, which a "located in" after it places instead
/// of the job ("our parent company is based in Denver").
fn is_head_office(word: &str) -> bool {
    matches!(
        word,
        "headquarters" | "hq" | "head" | "headquarter" | "parent" | "corporate"
    )
}

/// Places named right after "based in", "located in", "anywhere in", "place of work"
/// or "join our … team in" in a sentence of the body, and the places listed after such a
/// place ("team in Houston, TX, Austin, TX, Denver, CO or Calgary, AB"): where the job
/// is, as opposed to places merely mentioned.
fn based_in(p: &Prepared<'_>) -> Vec<Place> {
    let toks = p.toks;
    // Most segments say neither; looking for places in them all was a tenth of lint.
    let cue = toks.windows(2).any(|w| {
        let (a, b) = (w[0].lower.as_str(), w[1].lower.as_str());
        is_in(b) && (is_where(a) || a == "team") || (a, b) == ("place", "of")
    });
    if !cue {
        return Vec::new();
    }
    let mut found = places_in(p);
    // In the order read: a list's items follow one another.
    found.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = Vec::new();
    let mut last_end = None;
    for (start, end, pl) in found {
        let listed = last_end.is_some_and(|e| e <= start && only_separators(&p.slice(e, start)));
        if listed || cued(p, start) {
            out.push(pl);
            last_end = Some(end);
        }
    }
    out
}

/// Is the place starting at char `start` right after a cue that makes it the place of
/// work ("based in", "located in", "place of work", "join our … team in")?
fn cued(p: &Prepared<'_>, start: usize) -> bool {
    let toks = p.toks;
    let Some(i) = toks.iter().position(|t| t.start == start) else {
        return false;
    };
    // "located in Salem, Oregon": a town the list does not know (up to three
    // capitalised words) may stand between the cue and the state it is in.
    let capitalised = |k: usize| p.chars.get(toks[k].start).is_some_and(|c| c.is_uppercase());
    let mut first = i;
    while i - first < 3 && first > 0 && capitalised(first - 1) {
        first -= 1;
    }
    (first..=i).any(|at| {
        let w = |k: usize| at.checked_sub(k).map_or("", |j| toks[j].lower.as_str());
        // "based in the UK": an article may stand before the place;
        // "situated in central New Jersey", a word for its part.
        let lead = usize::from(w(1) == "the" || is_part_of_region(w(1)));
        // "Our headquarters is located in the Bay Area" says where the company
        // is, not the job.
        let head_office = (3 + lead..6 + lead).any(|k| is_head_office(w(k)));
        // "to join our Power & Renewables team in Houston": the team the hire joins.
        let joined_team = w(2 + lead) == "team" && (3 + lead..10 + lead).any(|k| w(k) == "join");
        is_in(w(1 + lead)) && (is_where(w(2 + lead)) && !head_office || joined_team)
            || (w(1) == "work" && w(2) == "of" && w(3) == "place")
    })
}

/// Is `between` (the text between two places) only what separates the items of a
/// list ("Houston, TX, Austin, TX or Denver, CO"): commas, "or", "and", and the code
/// of the state a city named before it is in ("TX")?
fn only_separators(between: &str) -> bool {
    between.split_whitespace().all(|w| {
        let w = w.trim_matches([',', '/', '&', ';']);
        let code = (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
        w.is_empty() || code || matches!(w, "or" | "and" | "und" | "oder" | "et" | "ou")
    })
}

/// May a place only mentioned (no location line, no "based in") be the place of work
/// of a posting in this language? A German or French posting is for a job where the
/// language is spoken: "a trip to the Ignite conference (USA)" in a Swiss posting does
/// not make it a US job. An English posting, or one too short to tell, may be anywhere.
fn speaks_language_of(prep: &[Prepared<'_>], place: &Place) -> bool {
    use super::super::lang::{Lang, detect};
    let lang = match detect(prep.iter().flat_map(|p| p.toks)) {
        Some(Lang::En) | None => return true,
        Some(l) => l,
    };
    crate::locale::written_in(lang.code(), place.country)
}

/// Where the job is. The place-of-work lines decide when the posting has them (every
/// place they name is a site with its own law); else places the body says the job is
/// "based in" or "located in"; else the first place named, looked for in the sections
/// most likely to hold it first, if the posting's language is written there.
pub(super) fn locate(prep: &[Prepared<'_>], facts: &mut Facts) {
    let mut sites = stated_sites(prep);
    if sites.is_empty() {
        sites = prep.iter().flat_map(based_in).collect();
    }
    if sites.is_empty() {
        // "Pursuant to the San Francisco Fair Chance Ordinance": a place in the
        // equal-opportunity statement names a law, not where the job is.
        let mut order: Vec<&Prepared<'_>> = prep
            .iter()
            .filter(|p| p.seg.section != Section::Eeo)
            .collect();
        order.sort_by_key(|p| location_rank(p.seg));
        let guess = order.iter().find_map(|p| place_in(p));
        sites.extend(guess.filter(|pl| speaks_language_of(prep, pl)));
    }
    sites.dedup();
    // The first site with a state or province is the main one.
    if let Some(i) = sites.iter().position(|pl| pl.region.is_some()) {
        let main = sites.remove(i);
        sites.insert(0, main);
    }
    let mut iter = sites.into_iter();
    if let Some(first) = iter.next() {
        facts.country = Some(first.country.to_string());
        facts.region = first.region.map(str::to_string);
        facts.city = first.city.map(str::to_string);
    }
    facts.other_sites = iter
        .map(|pl| Site {
            country: pl.country.to_string(),
            region: pl.region.map(str::to_string),
            city: pl.city.map(str::to_string),
        })
        .collect();
    facts.remote = is_remote(prep);
}

#[cfg(test)]
mod data_tests {
    use super::place_index;

    /// Every place's country is an ISO 3166 code and its region one of the file's
    /// states or provinces of that country, so a typo cannot switch a pay law off.
    #[test]
    fn places_name_known_countries_and_regions() {
        let idx = place_index();
        for (name, p) in idx.names.iter().zip(&idx.places) {
            assert!(
                isocountry::CountryCode::for_alpha2(p.country).is_ok(),
                "places.toml: {name}: `{}` is not an ISO 3166 country code",
                p.country
            );
            if let Some(code) = p.region {
                let known = idx.by_code.get(code);
                assert!(
                    known.is_some_and(|r| r.country == p.country),
                    "places.toml: {name}: `{code}` is not a region of {}",
                    p.country
                );
            }
        }
        for (before, code, _) in &idx.city_with_code {
            assert!(
                idx.by_code.contains_key(code),
                "{before}, {code}: no such region"
            );
        }
        for r in &idx.regions {
            assert_eq!(
                idx.by_code[r.code].country, r.country,
                "places.toml: `{}` is both a US state and a Canadian province",
                r.code
            );
        }
    }
}
