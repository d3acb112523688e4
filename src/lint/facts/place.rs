//! Where a posting is: US states, Canadian provinces, cities whose pay laws differ,
//! countries (EU members for the Pay Transparency Directive), and remote work.

use std::sync::OnceLock;

use super::super::text::{PhraseSet, covered};
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

const fn country(code: &'static str) -> Place {
    Place {
        country: code,
        region: None,
        city: None,
    }
}

const NYC: Place = Place {
    country: "US",
    region: Some("NY"),
    city: Some("New York City"),
};

const CLEVELAND: Place = Place {
    country: "US",
    region: Some("OH"),
    city: Some("Cleveland"),
};

/// US states and DC: (name, code).
pub const US_STATES: &[(&str, &str)] = &[
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
    ("District of Columbia", "DC"),
];

/// Canadian provinces and territories: (name, code).
pub const CA_PROVINCES: &[(&str, &str)] = &[
    ("Ontario", "ON"),
    ("British Columbia", "BC"),
    ("Alberta", "AB"),
    ("Quebec", "QC"),
    ("Québec", "QC"),
    ("Manitoba", "MB"),
    ("Saskatchewan", "SK"),
    ("Nova Scotia", "NS"),
    ("New Brunswick", "NB"),
    ("Newfoundland and Labrador", "NL"),
    ("Prince Edward Island", "PE"),
    ("Yukon", "YT"),
    ("Nunavut", "NU"),
    ("Northwest Territories", "NT"),
];

/// Cities and countries: (name, place). Cities listed are those that settle which
/// pay-transparency law applies.
const PLACES: &[(&str, Place)] = &[
    ("Washington DC", region("US", "DC")),
    ("Washington D C", region("US", "DC")),
    ("New York City", NYC),
    ("NYC", NYC),
    ("Manhattan", NYC),
    ("Brooklyn", NYC),
    ("Queens", NYC),
    ("Bronx", NYC),
    ("Staten Island", NYC),
    ("Cleveland", CLEVELAND),
    ("Denver", region("US", "CO")),
    ("Boulder", region("US", "CO")),
    ("Colorado Springs", region("US", "CO")),
    ("Seattle", region("US", "WA")),
    ("Tacoma", region("US", "WA")),
    ("Spokane", region("US", "WA")),
    ("Chicago", region("US", "IL")),
    ("Baltimore", region("US", "MD")),
    ("Minneapolis", region("US", "MN")),
    ("Saint Paul", region("US", "MN")),
    ("Jersey City", region("US", "NJ")),
    ("Newark", region("US", "NJ")),
    ("Honolulu", region("US", "HI")),
    ("Boston", region("US", "MA")),
    ("San Francisco", region("US", "CA")),
    ("Los Angeles", region("US", "CA")),
    ("San Diego", region("US", "CA")),
    ("San Jose", region("US", "CA")),
    ("Oakland", region("US", "CA")),
    ("Sacramento", region("US", "CA")),
    ("Austin", region("US", "TX")),
    ("Dallas", region("US", "TX")),
    ("Houston", region("US", "TX")),
    ("Atlanta", region("US", "GA")),
    ("Miami", region("US", "FL")),
    ("Phoenix", region("US", "AZ")),
    ("Philadelphia", region("US", "PA")),
    ("Toronto", region("CA", "ON")),
    ("Ottawa", region("CA", "ON")),
    ("Mississauga", region("CA", "ON")),
    ("Vancouver", region("CA", "BC")),
    ("Montreal", region("CA", "QC")),
    ("Montréal", region("CA", "QC")),
    ("Calgary", region("CA", "AB")),
    ("Edmonton", region("CA", "AB")),
    ("Winnipeg", region("CA", "MB")),
    ("United States", country("US")),
    ("USA", country("US")),
    ("US", country("US")),
    ("U S", country("US")),
    ("Canada", country("CA")),
    ("United Kingdom", country("GB")),
    ("UK", country("GB")),
    ("England", country("GB")),
    ("Scotland", country("GB")),
    ("Wales", country("GB")),
    ("London", country("GB")),
    ("Manchester", country("GB")),
    ("Leeds", country("GB")),
    ("Glasgow", country("GB")),
    ("Edinburgh", country("GB")),
    ("Bristol", country("GB")),
    ("Cardiff", country("GB")),
    ("Belfast", country("GB")),
    ("Sheffield", country("GB")),
    ("Liverpool", country("GB")),
    ("Australia", country("AU")),
    ("Sydney", country("AU")),
    ("Melbourne", country("AU")),
    ("Brisbane", country("AU")),
    ("Perth", country("AU")),
    ("Adelaide", country("AU")),
    ("Canberra", country("AU")),
    ("Hobart", country("AU")),
    ("New South Wales", country("AU")),
    ("Queensland", country("AU")),
    ("Western Australia", country("AU")),
    ("South Australia", country("AU")),
    ("Tasmania", country("AU")),
    ("India", country("IN")),
    ("Austria", country("AT")),
    ("Vienna", country("AT")),
    ("Belgium", country("BE")),
    ("Brussels", country("BE")),
    ("Bulgaria", country("BG")),
    ("Croatia", country("HR")),
    ("Cyprus", country("CY")),
    ("Czechia", country("CZ")),
    ("Czech Republic", country("CZ")),
    ("Prague", country("CZ")),
    ("Denmark", country("DK")),
    ("Copenhagen", country("DK")),
    ("Estonia", country("EE")),
    ("Finland", country("FI")),
    ("Helsinki", country("FI")),
    ("France", country("FR")),
    ("Paris", country("FR")),
    ("Germany", country("DE")),
    ("Berlin", country("DE")),
    ("Munich", country("DE")),
    ("München", country("DE")),
    ("Hamburg", country("DE")),
    ("Greece", country("GR")),
    ("Hungary", country("HU")),
    ("Ireland", country("IE")),
    ("Dublin", country("IE")),
    ("Cork", country("IE")),
    ("Galway", country("IE")),
    ("Limerick", country("IE")),
    ("Italy", country("IT")),
    ("Rome", country("IT")),
    ("Milan", country("IT")),
    ("Latvia", country("LV")),
    ("Lithuania", country("LT")),
    ("Luxembourg", country("LU")),
    ("Malta", country("MT")),
    ("Netherlands", country("NL")),
    ("Amsterdam", country("NL")),
    ("Poland", country("PL")),
    ("Warsaw", country("PL")),
    ("Portugal", country("PT")),
    ("Lisbon", country("PT")),
    ("Romania", country("RO")),
    ("Slovakia", country("SK")),
    ("Slovenia", country("SI")),
    ("Spain", country("ES")),
    ("Madrid", country("ES")),
    ("Barcelona", country("ES")),
    ("Sweden", country("SE")),
    ("Stockholm", country("SE")),
];

/// EU member states (for the Pay Transparency Directive).
pub const EU_COUNTRIES: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

struct PlaceIndex {
    set: PhraseSet,
    names: Vec<&'static str>,
    places: Vec<Place>,
    /// Entries that must match case exactly ("US", "UK"): all-caps words.
    exact_case: Vec<bool>,
}

fn place_index() -> &'static PlaceIndex {
    static IDX: OnceLock<PlaceIndex> = OnceLock::new();
    IDX.get_or_init(|| {
        let mut names: Vec<&'static str> = Vec::new();
        let mut places = Vec::new();
        for (n, p) in PLACES {
            names.push(n);
            places.push(*p);
        }
        for (n, code) in US_STATES {
            names.push(n);
            places.push(region("US", code));
        }
        for (n, code) in CA_PROVINCES {
            names.push(n);
            places.push(region("CA", code));
        }
        let exact_case = names
            .iter()
            .map(|n| n.len() <= 3 && n.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        PlaceIndex {
            set: PhraseSet::new(names.iter().copied()),
            names,
            places,
            exact_case,
        }
    })
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
        let us = US_STATES
            .iter()
            .find(|(_, c)| *c == text)
            .map(|(_, c)| region("US", c));
        let ca = CA_PROVINCES
            .iter()
            .find(|(_, c)| *c == text)
            .map(|(_, c)| region("CA", c));
        let mut place = us.or(ca)?;
        let city = p.tok_text(i.saturating_sub(3), i - 1);
        if place.region == Some("NY") && city.ends_with("New York") {
            place = NYC;
        }
        if place.region == Some("OH") && city.ends_with("Cleveland") {
            place = CLEVELAND;
        }
        Some((prev.start, t.end, place))
    })
}

/// State codes that are also everyday words or common abbreviations in capitals.
const AMBIGUOUS_CODES: &[&str] = &[
    "OR", "IN", "ME", "OK", "HI", "ID", "DE", "CO", "LA", "PA", "MA",
];

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
        if AMBIGUOUS_CODES.contains(&text.as_str()) {
            return None;
        }
        let (_, code) = US_STATES.iter().find(|(_, c)| *c == text)?;
        Some((t.start, t.end, region("US", code)))
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
    let mut found: Vec<(usize, usize, Place)> = idx
        .set
        .find(p.toks)
        .into_iter()
        .filter(|h| {
            if idx.exact_case[h.item] {
                p.tok_text(h.first, h.last).replace('.', "") == idx.names[h.item]
            } else {
                p.capitalised(&p.toks[h.first])
            }
        })
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

/// The place a segment names: the first that has a state or province, else the first.
fn place_in(p: &Prepared<'_>) -> Option<Place> {
    let found = places_in(p);
    found
        .iter()
        .find(|(_, _, pl)| pl.region.is_some())
        .or(found.first())
        .map(|(_, _, pl)| *pl)
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

const REMOTE_EXCEPTIONS: &[&str] = &[
    "remote sensing",
    "remote control",
    "remote monitoring",
    "remote support",
    "remote access",
    "remote patient",
    "remote area",
    "remote areas",
    "remote location",
    "remote locations",
    "remote site",
    "remote sites",
    "not remote",
    "no remote",
    "non remote",
];

fn is_remote(prep: &[Prepared<'_>]) -> bool {
    static SETS: OnceLock<(PhraseSet, PhraseSet)> = OnceLock::new();
    let (words, exceptions) = SETS.get_or_init(|| {
        (
            PhraseSet::new([
                "remote",
                "work from home",
                "work from anywhere",
                "wfh",
                "telecommute",
                "telecommuting",
                "fully distributed",
            ]),
            PhraseSet::new(REMOTE_EXCEPTIONS.iter().copied()),
        )
    });
    let mut remote = false;
    for p in prep {
        if p.toks.iter().any(|t| t.lower == "hybrid") {
            return false;
        }
        let ex = exceptions.find_all(p.toks);
        remote |= words
            .find(p.toks)
            .iter()
            .any(|h| !covered(h, &ex) && !negated(p, h.first, h.last));
    }
    remote
}

/// Words that deny what is next to them.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "non",
    "never",
    "isn't",
    "aren't",
    "cannot",
    "can't",
    "unavailable",
    "without",
];

/// Is the remote mention at tokens `first..=last` denied in its own clause? "remote work
/// is not available", "no remote", "cannot be done remotely" (up to five words before
/// or after, not across a comma, semicolon or full stop).
fn negated(p: &Prepared<'_>, first: usize, last: usize) -> bool {
    let clause_break = |a: usize, b: usize| p.slice(a, b).contains([',', ';', '.', ':', '(']);
    let is_neg = |t: &super::Token| NEGATORS.contains(&t.lower.as_str());
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

pub(super) fn locate(prep: &[Prepared<'_>], facts: &mut Facts) {
    let mut order: Vec<&Prepared<'_>> = prep.iter().collect();
    order.sort_by_key(|p| location_rank(p.seg));
    if let Some(first) = order.iter().find_map(|p| place_in(p)) {
        facts.country = Some(first.country.to_string());
        facts.region = first.region.map(str::to_string);
        facts.city = first.city.map(str::to_string);
    }
    facts.remote = is_remote(prep);
}
