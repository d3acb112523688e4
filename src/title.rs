//! Job titles open to all genders. German and French job titles are gendered
//! nouns ("Kassierer", "Vendeur"); the law of each place asks that a posting be
//! open to all (AGG §11 with §7 in Germany, GlBG §9 in Austria, Code du travail
//! L1142-1 in France, Directive (EU) 2023/970 art. 5(3)). A title gets the
//! locale's marker ("(m/w/d)", "(H/F)") or the employer's own form
//! (`title_marker`), unless it already says so; the employer's title text itself is
//! never rewritten.

use crate::locale::Locale;
use crate::model::Posting;

/// The value of `title_marker` that asks for no marker: the title is neutral.
pub const NONE: &str = "none";

/// The title as readers see it: the employer's text, then the marker where the
/// locale's language asks for one and the title does not already carry one.
pub fn shown(p: &Posting, loc: &Locale) -> String {
    let title = p.title.clone().unwrap_or_default();
    let marker = match p.title_marker.as_deref().map(str::trim) {
        Some(m) if m.eq_ignore_ascii_case(NONE) => "",
        Some(m) => m,
        None => loc.text("title_marker"),
    };
    // A two-gender marker the employer wrote ("(m/w)") is theirs to fix, as lint
    // says: a second marker after it would read as a typo.
    // An English title has no forms of its own: a marker the employer chose is added
    // unless the title carries one already, in either convention.
    // Most English postings have no marker: then whether the title is open to all
    // is not asked (it reads every word of the title, on every render and lint).
    if title.trim().is_empty() || marker.is_empty() {
        return title;
    }
    let open = match loc.language() {
        lang @ ("de" | "fr") => open_to_all(lang, &title),
        _ => open_to_all("de", &title) || open_to_all("fr", &title),
    } || binary_marker(&title);
    if open {
        return title;
    }
    format!("{title} {marker}")
}

/// The forms of the marker employers use, by the posting's language: offered
/// by the wizard besides the locale's own, and shown by `init` as the example.
pub fn forms(language: &str) -> &'static [&'static str] {
    match language {
        "de" => &["(m/w/d)", "(w/m/d)", "(all genders)"],
        "fr" => &["(H/F)", "(F/H)", "(h/f/x)"],
        _ => &[],
    }
}

/// The laws that ask a job title in `country` (ISO code) to be open to all
/// genders, as the wizard and `init` name them in the user's language (AGG §11
/// in Germany, GlBG §9 in Austria, Code du travail L1142-1 in France, and
/// Directive (EU) 2023/970 art. 5 in every EU state); `None` where the marker is
/// custom rather than law (Switzerland, Quebec).
pub fn laws(country: &str) -> Option<&'static str> {
    let key = match country {
        "DE" | "AT" | "FR" | "BE" => format!("law.{country}"),
        _ => return None,
    };
    Some(crate::ui::t(&key))
}

/// What the title's marker is and why, in the user's language: "the posting adds
/// “(m/w/d)” to the title (AGG §11 …)".
pub fn marker_note(marker: &str, country: &str) -> String {
    use crate::ui;
    match laws(country) {
        Some(law) => ui::f("marker.title_note", &[("marker", marker), ("law", law)]),
        None => ui::f("marker.title_custom", &[("marker", marker)]),
    }
}

/// `src/title.toml`: each language's markers, split endings and neutral nouns.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the tests; kept so the file names its source
    source: String,
    de: Forms,
    fr: Forms,
}

fn file() -> &'static File {
    static FILE: std::sync::OnceLock<File> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        toml::from_str(include_str!("title.toml")).unwrap_or_else(|e| panic!("src/title.toml: {e}"))
    })
}

/// The forms of `lang` (`de`, `fr`); none for a language whose titles are written
/// neutral.
fn forms_of(lang: &str) -> Option<&'static Forms> {
    match lang {
        "de" => Some(&file().de),
        "fr" => Some(&file().fr),
        _ => None,
    }
}

/// One language's markers, split endings and neutral nouns.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Forms {
    markers: Vec<Vec<String>>,
    split_endings: Vec<String>,
    neutral: Vec<String>,
    neutral_endings: Vec<String>,
    feminine_endings: Vec<String>,
    not_feminine: Vec<String>,
    masculine_endings: Vec<String>,
    /// Words after which a title names the employer or the place ("bei", "chez").
    name_before: Vec<String>,
    not_masculine: Vec<String>,
    not_masculine_endings: Vec<String>,
    post_nouns: Vec<String>,
    /// Words by which an employer's sentence seeks someone ("wir suchen", "recrutons").
    seeking: Vec<String>,
    /// Words after which a seeking word is a noun ("la recherche d'un emploi").
    seeking_not_after: Vec<String>,
    /// Articles before the noun sought ("einen", "un", "des"); a German plural has
    /// none.
    articles: Vec<String>,
    /// Those of `articles` whose noun is plural ("des", "de").
    plural_articles: Vec<String>,
    /// Words that make the applicant the one seeking ("vous", "tu").
    applicant_subjects: Vec<String>,
    /// Words that only an English job title has ("Executive assistant", "Sales
    /// representative"): such a title is English, and names no one's sex.
    english_title_words: Vec<String>,
    /// Words of a heading over a list of open jobs ("Offene Stellen", "Postes
    /// ouverts"): the list's items are job titles.
    openings_words: Vec<String>,
    /// Words that deny the seeking right after it ("on ne cherche pas des
    /// techniciens", "wir suchen keinen Koch").
    seeking_negators: Vec<String>,
}

/// A word of a title and the char that came before it.
#[derive(Debug)]
struct Word {
    lower: String,
    text: String,
    sep: char,
}

/// Splits a title into words at spaces and the marks gender forms use.
fn words(title: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut sep = ' ';
    let mut last_sep = ' ';
    for c in title.chars() {
        if c.is_alphanumeric() {
            if cur.is_empty() {
                sep = last_sep;
            }
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            out.push(Word {
                lower: cur.to_lowercase(),
                text: std::mem::take(&mut cur),
                sep,
            });
            last_sep = ' ';
        }
        // "Kaufmann / Kauffrau": the mark counts, not the spaces around it.
        if !c.is_whitespace() || last_sep == ' ' {
            last_sep = if c.is_whitespace() { ' ' } else { c };
        }
    }
    if !cur.is_empty() {
        out.push(Word {
            lower: cur.to_lowercase(),
            text: cur,
            sep,
        });
    }
    out
}

/// The language a title's gender marker is written in: "de" for "(m/w/d)",
/// "(w/m/x)" or "(gn)", "fr" for "(H/F)" or "(F/H/X)"; `None` for none, or one
/// both write ("(m/f)").
pub fn marker_language(title: &str) -> Option<&'static str> {
    let lower: Vec<String> = words(title).into_iter().map(|w| w.lower).collect();
    let has = |m: &[String]| {
        lower
            .windows(m.len())
            .any(|win| win.iter().zip(m).all(|(a, b)| a == b))
    };
    let own = |lang: &str, letter: &str| {
        forms_of(lang).is_some_and(|f| {
            f.markers
                .iter()
                .filter(|m| m.iter().any(|w| w == letter) || matches!(m[0].as_str(), "gn" | "alle"))
                .any(|m| has(m))
        })
    };
    match (own("de", "w"), own("fr", "h")) {
        (true, false) => Some("de"),
        (false, true) => Some("fr"),
        _ => None,
    }
}

/// Is the title open to all genders in `lang` (`de`, `fr`; any other language's
/// titles are written neutral)?
pub fn open_to_all(lang: &str, title: &str) -> bool {
    let Some(forms) = forms_of(lang) else {
        return true;
    };
    let ws = words(title);
    let lower: Vec<&str> = ws.iter().map(|w| w.lower.as_str()).collect();
    let marker = forms.markers.iter().any(|m| {
        lower
            .windows(m.len())
            .any(|win| win.iter().zip(m).all(|(a, b)| a == b))
    });
    let split = ws
        .iter()
        .skip(1)
        .any(|w| !w.sep.is_whitespace() && forms.split_endings.contains(&w.lower));
    let binnen_i = lang == "de" && ws.iter().any(|w| binnen_i(&w.text));
    // The noun a title is named by comes first ("Fachkraft für Lagerlogistik",
    // "Comptable fournisseurs"); a later word with a neutral ending is an adjective or
    // a field ("Conseiller bancaire", "Chargé d'accueil bancaire") and opens nothing.
    let neutral = lower.first().is_some_and(|w| {
        forms.neutral.iter().any(|n| n == w)
            || forms
                .neutral_endings
                .iter()
                .any(|e| w.len() > e.len() && w.ends_with(e.as_str()))
    });
    marker || split || binnen_i || neutral || both_forms(&lower)
}

/// The word of a title that names women only ("Hauswirtschafterin", "Vendeuse"),
/// when the title is not open to all genders: German titles are read word by word
/// (the noun may stand anywhere: "Medizinische Fachangestellte", "Pflegerin in
/// Teilzeit"), French ones by their first word, the noun they are named by.
pub fn feminine_only(lang: &str, title: &str) -> Option<String> {
    let forms = forms_of(lang)?;
    if open_to_all(lang, title) {
        return None;
    }
    let ws = words(title);
    let candidates = match lang {
        "de" => &ws[..],
        _ => &ws[..ws.len().min(1)],
    };
    candidates
        .iter()
        .find(|w| {
            let capital = lang != "de" || w.text.chars().next().is_some_and(char::is_uppercase);
            capital
                && !forms.not_feminine.contains(&w.lower)
                && forms.feminine_endings.iter().any(|e| {
                    w.lower.chars().count() >= e.chars().count() + 3
                        && w.lower.ends_with(e.as_str())
                })
        })
        .map(|w| w.text.clone())
}

/// Does the title name a person by a noun with a masculine form ("Verkäufer",
/// "Koch", "Technicien", "Chargé")? A page heading ("Offene Stellen", "Nous
/// recrutons") or a title of epicene words ("DBA juniors") names nobody's sex, so
/// `title-gender` has nothing to ask of it. In German only capitalised words are
/// nouns.
pub fn names_a_person(lang: &str, title: &str) -> bool {
    let Some(forms) = forms_of(lang) else {
        return false;
    };
    // A sentence ("Propagez la bonne humeur avec nous.") is a slogan, not a job title.
    if title.trim_end().ends_with('.') {
        return false;
    }
    let ws = words(title);
    if ws
        .iter()
        .any(|w| forms.english_title_words.contains(&w.lower))
    {
        return false;
    }
    // "Intégrer… notre agence de Lyon", "Rejoindre l'équipe": a French title opening
    // with an infinitive and its object calls the reader to act; it names no one.
    if lang == "fr" && infinitive_call(&ws) {
        return false;
    }
    // A title opening with a plural article ("Des jardiniers passionnés") is a slogan
    // about the staff, not the name of a job.
    if ws
        .first()
        .is_some_and(|w| forms.plural_articles.contains(&w.lower))
    {
        return false;
    }
    // After "bei", "chez", "in", the title names the employer or the place ("Arbeiten
    // bei Alltagshilfe Hannover", "Vendeur chez Dupont"), not the person.
    let named = ws
        .iter()
        .position(|w| forms.name_before.contains(&w.lower))
        .unwrap_or(ws.len());
    ws[..named].iter().enumerate().any(|(i, w)| {
        let of_post = i > 0 && forms.post_nouns.contains(&ws[i - 1].lower);
        let capitalised = w.text.chars().next().is_some_and(char::is_uppercase);
        // "Assurance qualité – Serveurs d'infrastructure": a plural after a dash or a
        // colon names what the job works on; a person sought is named in the singular.
        let domain =
            lang == "fr" && matches!(w.sep, '–' | '—' | ':' | '|') && w.lower.ends_with(['s', 'x']);
        !of_post && !domain && masculine_noun(lang, forms, capitalised, &w.lower)
    })
}

/// Is the word `lower` (written `capitalised` or not) a noun with a masculine form
/// ("Koch", "Verkäufer", "vendeur")? German nouns are capitalised.
fn masculine_noun(lang: &str, forms: &Forms, capitalised: bool, lower: &str) -> bool {
    let noun = lang != "de" || capitalised;
    // A short ending needs two letters before it ("Koch" is one, "-er" alone is not).
    let ends = |list: &[String]| {
        list.iter().any(|e| {
            let n = e.chars().count();
            lower.chars().count() >= if n >= 4 { n } else { n + 2 } && lower.ends_with(e.as_str())
        })
    };
    noun && !forms.not_masculine.iter().any(|w| w == lower)
        && !forms.post_nouns.iter().any(|w| w == lower)
        && !ends(&forms.not_masculine_endings)
        && ends(&forms.masculine_endings)
}

/// A word of a sentence as [`masculine_ask`] reads it.
pub struct SentenceWord<'a> {
    /// Lower case, typographic apostrophes made plain ("l'embauche").
    pub lower: &'a str,
    /// Its first char as written: a capital starts a German noun.
    pub first: char,
}

/// In the words of one sentence, an employer seeking someone by a masculine noun
/// ("Wir suchen einen erfahrenen Koch", "suchen wir ab sofort Elektriker", "Nous
/// recrutons un vendeur", "à la recherche de camionneurs"): the indexes of the article
/// (the noun's own when it has none) and the noun. What follows the noun is for the
/// caller to read: a marker or second form there opens the ask to all.
pub fn masculine_ask(lang: &str, words: &[SentenceWord<'_>]) -> Option<(usize, usize)> {
    let forms = forms_of(lang)?;
    let lower = |i: usize| words[i].lower;
    let listed = |list: &[String], i: usize| list.iter().any(|w| w == lower(i));
    let seeks = |i: usize| seeking_at(forms, words, i);
    let after = (0..words.len()).find_map(seeks)?;
    let is_noun = |i: usize| masculine_noun(lang, forms, words[i].first.is_uppercase(), lower(i));
    let small = |i: usize| words[i].first.is_lowercase();
    // The article follows the verb within a few words ("suchen wir ab sofort für
    // unser Büro in Köln einen …").
    let mut articles = (after..words.len().min(after + 11))
        .filter(|&i| listed(&forms.articles, i))
        .peekable();
    if articles.peek().is_none() {
        // A German plural needs none: the first noun after the verb and its small
        // words ("suchen wir ab sofort Elektriker").
        let first = (after..words.len().min(after + 5)).find(|&i| !small(i))?;
        let bare = lang == "de" && (after..first).all(small) && is_noun(first);
        return bare.then_some((first, first));
    }
    // German adjectives before the noun are small ("einen erfahrenen Koch"); a French
    // noun follows its article ("à la recherche d'un vendeur": "d'" names none).
    let reach = if lang == "de" { 4 } else { 1 };
    articles.find_map(|article| {
        // After a plural article the noun is plural ("quelqu'un de polyvalent" is no ask).
        let plural = listed(&forms.plural_articles, article);
        (article + 1..words.len().min(article + 1 + reach))
            .take_while(|&i| i == article + 1 || lang != "de" || small(i - 1))
            .find(|&i| is_noun(i) && (!plural || lower(i).ends_with(['s', 'x'])))
            .map(|noun| (article, noun))
    })
}

/// Nouns after "als" that name the employer or the post, not the reader ("uns als
/// Arbeitgeber", "als Teil des Teams").
const NOT_A_ROLE: &[&str] = &["arbeitgeber", "partner", "unternehmen", "betrieb", "träger"];

/// Does a French title open with an infinitive ("-er", "-ir", "-re") followed by a
/// determiner, as a call to act does ("Intégrer notre agence", "Rejoindre l'équipe")?
/// A job named by an "-er" noun takes no determiner after it ("Boulanger de nuit").
fn infinitive_call(ws: &[Word]) -> bool {
    const DETERMINERS: &[&str] = &[
        "notre", "nos", "votre", "vos", "la", "le", "les", "l'", "un", "une", "des", "leur",
        "leurs", "cette", "ce", "ces",
    ];
    let verb = ws.first().is_some_and(|w| {
        w.lower.ends_with("er") || w.lower.ends_with("ir") || w.lower.ends_with("re")
    });
    let determiner =
        |w: &Word| DETERMINERS.contains(&w.lower.as_str()) || w.lower.starts_with("l'");
    verb && ws.get(1).is_some_and(determiner)
}

/// Endings of the word before "als" that make what follows a qualification's name, not
/// the reader's role ("eine Ausbildung als Fachinformatiker", "Abschluss als
/// Techniker"): the trades' official names, which the reader has or has not.
const QUALIFICATION_BEFORE: &[&str] = &[
    "ausbildung",
    "umschulung",
    "weiterbildung",
    "fortbildung",
    "abschluss",
    "studium",
    "qualifikation",
    "prüfung",
    "anerkennung",
    "zulassung",
];

/// "Als Verkäufer beraten Sie unsere Kunden", "du bist als Ansprechpartner für sie
/// da": in a German sentence that speaks to the reader, the role named after "als" by
/// a masculine noun (small adjectives between): the indexes of "als" and the noun.
pub fn masculine_role(lang: &str, words: &[SentenceWord<'_>]) -> Option<(usize, usize)> {
    let forms = forms_of(lang).filter(|_| lang == "de")?;
    let to_reader = words
        .iter()
        .any(|w| matches!(w.lower, "du" | "dich" | "dir") || (w.lower == "sie" && w.first == 'S'));
    if !to_reader {
        return None;
    }
    let qualification = |als: usize| {
        als > 0
            && QUALIFICATION_BEFORE
                .iter()
                .any(|e| words[als - 1].lower.ends_with(e))
    };
    let role_after = |als: usize| {
        if qualification(als) {
            return None;
        }
        let noun = (als + 1..words.len().min(als + 4)).find(|&i| words[i].first.is_uppercase())?;
        let small_between = (als + 1..noun).all(|i| words[i].first.is_lowercase());
        let lower = words[noun].lower;
        (small_between && !NOT_A_ROLE.contains(&lower) && masculine_noun(lang, forms, true, lower))
            .then_some((als, noun))
    };
    (0..words.len())
        .filter(|&i| words[i].lower == "als")
        .find_map(role_after)
}

/// A seeking phrase of one or more words ("suchen", "à la recherche de") starting at
/// word `i` of a sentence, said by the employer and not denied: the index after it.
fn seeking_at(forms: &Forms, words: &[SentenceWord<'_>], i: usize) -> Option<usize> {
    let listed = |list: &[String], k: usize| list.iter().any(|w| *w == words[k].lower);
    let len = forms.seeking.iter().find_map(|s| {
        let mut parts = s.split(' ');
        let here = parts
            .by_ref()
            .enumerate()
            .all(|(k, part)| words.get(i + k).is_some_and(|w| w.lower == part));
        here.then(|| s.split(' ').count())
    })?;
    let noun_use = i > 0 && listed(&forms.seeking_not_after, i - 1);
    // "Vous êtes à la recherche d'un emploi": the applicant seeks.
    let applicant = (0..i).any(|k| listed(&forms.applicant_subjects, k));
    // "On ne cherche pas des techniciens, on cherche des gens": what is not sought.
    // "nicht nur einen Koch", "pas seulement un vendeur" still seek one.
    let only = |k: usize| {
        words
            .get(k + 1)
            .is_some_and(|w| matches!(w.lower, "nur" | "seulement" | "uniquement"))
    };
    let denied = (i + len..words.len().min(i + len + 2))
        .any(|k| listed(&forms.seeking_negators, k) && !only(k));
    (!noun_use && !applicant && !denied).then_some(i + len)
}

/// Does a sentence seek people it names in the list that follows ("Wir suchen ab
/// sofort und unbefristet", "Nous recrutons :"): a seeking phrase with only small
/// words after it, no noun?
pub fn seeks_a_list(lang: &str, words: &[SentenceWord<'_>]) -> bool {
    let Some(forms) = forms_of(lang) else {
        return false;
    };
    (0..words.len())
        .find_map(|i| seeking_at(forms, words, i))
        .is_some_and(|after| {
            words[after..]
                .iter()
                .all(|w| w.first.is_lowercase() && !forms.articles.iter().any(|a| *a == w.lower))
        })
}

/// Does a heading announce open jobs ("Offene Stellen", "Postes actuellement
/// ouverts", "Nous recrutons")?
pub fn announces_openings(lang: &str, heading: &str) -> bool {
    let Some(forms) = forms_of(lang) else {
        return false;
    };
    words(heading)
        .iter()
        .any(|w| forms.openings_words.contains(&w.lower))
}

/// "(m/w)", "(w/m)": the marker German postings used before the third option
/// (divers) entered civil-status law in 2018.
pub fn binary_marker(title: &str) -> bool {
    let lower = title.to_lowercase().replace(' ', "");
    lower.contains("(m/w)") || lower.contains("(w/m)")
}

/// "KassiererIn", "MitarbeiterInnen": a capital I ending glued on after a small letter.
fn binnen_i(word: &str) -> bool {
    ["In", "Innen"].iter().any(|e| {
        word.strip_suffix(e)
            .is_some_and(|stem| stem.chars().last().is_some_and(char::is_lowercase))
    })
}

/// Feminine endings of a pair written out in full.
const FEMININE: &[&str] = &[
    "in", "innen", "frau", "e", "euse", "rice", "ère", "ne", "esse", "euses", "rices", "ères",
    "ennes", "esses", "ées",
];

/// Both forms written out: "Vendeur / Vendeuse", "Kassiererin oder Kassierer",
/// "Kaufmann / Kauffrau", "Directeur ou Directrice".
fn both_forms(words: &[&str]) -> bool {
    // "Ärztin oder Arzt", "Köchin / Koch": the feminine may take an umlaut.
    let folded: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    'ä' => 'a',
                    'ö' => 'o',
                    'ü' => 'u',
                    c => c,
                })
                .collect()
        })
        .collect();
    let words: Vec<&str> = folded.iter().map(String::as_str).collect();
    words.iter().enumerate().any(|(i, a)| {
        words[i + 1..]
            .iter()
            .take(3)
            .any(|b| pair(a, b) || pair(b, a))
    })
}

fn pair(m: &str, f: &str) -> bool {
    if let (Some(ms), Some(fs)) = (m.strip_suffix("mann"), f.strip_suffix("frau")) {
        return ms == fs;
    }
    let common = m.chars().zip(f.chars()).take_while(|(a, b)| a == b).count();
    let m_len = m.chars().count();
    // "Pizzaïolo / Pizzaïola", "Barista / Baristo": two forms that differ in their
    // last letter only.
    if m_len >= 5 && m_len == f.chars().count() && common + 1 >= m_len {
        return common < m_len;
    }
    // The feminine keeps the masculine but for its last three letters at most, and
    // at least three letters in common ("Koch" and "Kantine" are no pair).
    m != f
        && m_len >= 4
        && common + 3 >= m_len
        && common >= 3
        && FEMININE.iter().any(|e| f.ends_with(e) && !m.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(title: &str, marker: Option<&str>) -> Posting {
        Posting {
            title: Some(title.into()),
            title_marker: marker.map(String::from),
            ..Posting::default()
        }
    }

    fn shown_in(tag: &str, title: &str, marker: Option<&str>) -> String {
        shown(&posting(title, marker), crate::locale::get(tag).unwrap())
    }

    #[test]
    fn a_title_names_a_person_by_a_gendered_noun() {
        for (lang, title) in [
            ("de", "Verkäufer"),
            ("de", "Koch für die Kantine"),
            ("de", "Kaufmännischer Mitarbeiter Buchhaltung"),
            ("de", "Pädagoge in der Kita"),
            ("fr", "Technicien de maintenance"),
            ("fr", "Chargé de mission"),
            ("fr", "Serveur en brasserie"),
            ("fr", "Dalibo recrute un administrateur"),
            ("fr", "Développeur – Serveurs et réseaux"),
        ] {
            assert!(names_a_person(lang, title), "{lang}: {title}");
        }
        for (lang, title) in [
            ("de", "Offene Stellen"),
            ("de", "Karriere bei der Stadt"),
            ("de", "Assistenz Projektmanagement"),
            ("fr", "Dalibo recrute des DBA juniors !"),
            ("fr", "Offres d'emploi au restaurant"),
            ("fr", "Qualité et sécurité"),
            ("fr", "Dalibo recrute 2 postes administratifs à Paris"),
            ("fr", "UI Designer Junior"),
            ("fr", "Offre jobiste - Soutien au service juridique"),
            ("fr", "Assurance qualité – Serveurs d'infrastructure"),
            ("de", "Stellenangebote"),
            ("de", "Microsoft System Engineer"),
            ("de", "Junior Cloud Consultant"),
            ("en", "Cashier"),
        ] {
            assert!(!names_a_person(lang, title), "{lang}: {title}");
        }
    }

    #[test]
    fn german_and_french_titles_get_the_locale_marker() {
        assert_eq!(shown_in("de-DE", "Kassierer", None), "Kassierer (m/w/d)");
        assert_eq!(shown_in("de-AT", "Kassier", None), "Kassier (m/w/d)");
        assert_eq!(shown_in("fr-FR", "Caissier", None), "Caissier (H/F)");
        assert_eq!(shown_in("fr-BE", "Caissier", None), "Caissier (h/f/x)");
        // English titles are written neutral: no marker.
        assert_eq!(shown_in("en-GB", "Cashier", None), "Cashier");
    }

    #[test]
    fn the_employer_form_wins_and_is_never_doubled() {
        assert_eq!(
            shown_in("de-DE", "Kassierer", Some("(w/m/d)")),
            "Kassierer (w/m/d)"
        );
        assert_eq!(shown_in("de-DE", "Kassierer", Some("none")), "Kassierer");
        for title in [
            "Kassierer (m/w/d)",
            "Kassierer (w/m/d)",
            "Kassierer*in",
            "Kassierer:in",
            "Kassierer/-in",
            "KassiererIn",
            "Verkäuferin / Verkäufer",
            "Kassierer (all genders)",
            "Kaufmann/-frau im Einzelhandel",
        ] {
            assert_eq!(shown_in("de-DE", title, None), title, "{title}");
            assert!(open_to_all("de", title), "{title}");
        }
        for title in [
            "Caissier (H/F)",
            "Vendeur / Vendeuse",
            "Caissier·ère",
            "Caissier ou caissière",
            "Poste d'animateur·trice de camp de jour",
        ] {
            assert_eq!(shown_in("fr-FR", title, None), title, "{title}");
        }
    }

    #[test]
    fn the_employer_and_place_after_bei_or_chez_and_a_sentence_name_no_one() {
        assert!(!names_a_person("de", "Arbeiten bei Alltagshilfe Hannover"));
        assert!(!names_a_person("fr", "Propagez la bonne humeur avec nous."));
        assert!(names_a_person("de", "Verkäufer in Berlin"));
        assert!(names_a_person("de", "Ausbildung zum Elektroniker"));
        assert!(names_a_person("fr", "Vendeur chez Dupont"));
        // A call to act by an infinitive and its object; a job named by an -er noun.
        assert!(!names_a_person("fr", "Intégrer... notre agence de Lyon"));
        assert!(!names_a_person("fr", "Rejoindre l'équipe technique"));
        assert!(names_a_person("fr", "Boulanger de nuit"));
        assert!(names_a_person("fr", "Conseiller clientèle"));
        // A section's heading.
        assert!(!names_a_person("fr", "Profil recherché"));
    }

    #[test]
    fn a_marker_tells_the_title_language() {
        assert_eq!(marker_language("Lagerhelfer (m/w/d)"), Some("de"));
        assert_eq!(marker_language("Vendeur (H/F)"), Some("fr"));
        assert_eq!(marker_language("Developer (m/f)"), None);
        assert_eq!(marker_language("Baker"), None);
    }

    #[test]
    fn a_word_in_a_title_is_not_a_marker() {
        assert!(!open_to_all("de", "Berater (Innendienst)"));
        assert!(!open_to_all("de", "Kassierer (Teilzeit)"));
        assert!(!open_to_all("fr", "Vendeur (CDI)"));
        assert!(!open_to_all("de", "Mitarbeiter Kundenservice"));
        assert!(!open_to_all("de", "Mitarbeiter Kundenservice / Backoffice"));
    }

    #[test]
    fn feminine_only_titles_are_named() {
        for (lang, title, word) in [
            ("de", "Hauswirtschafterin", "Hauswirtschafterin"),
            ("de", "Fachärztin für Innere Medizin", "Fachärztin"),
            ("de", "Bürokauffrau", "Bürokauffrau"),
            ("de", "Erzieherinnen gesucht", "Erzieherinnen"),
            ("fr", "Vendeuse en boulangerie", "Vendeuse"),
            ("fr", "Infirmière de nuit", "Infirmière"),
            ("fr", "Directrice commerciale", "Directrice"),
            ("fr", "Assistante dentaire diplômée", "Assistante"),
            ("fr", "Consultante en recrutement", "Consultante"),
        ] {
            assert_eq!(feminine_only(lang, title).as_deref(), Some(word), "{title}");
        }
        for (lang, title) in [
            ("de", "Erzieherin (m/w/d)"),
            ("de", "Kassierer*in"),
            ("de", "Arzt für Innere Medizin"),
            ("de", "Ärztin oder Arzt in Teilzeit"),
            ("de", "Restaurationsfachfrau/-mann EFZ"),
            ("de", "Kassierer"),
            ("fr", "Vendeur / Vendeuse"),
            ("fr", "Vendeur"),
            ("fr", "Chef de cuisine"),
            ("fr", "Assistant / Assistante de direction"),
            ("fr", "Vente en magasin"),
            ("fr", "Attente des résultats"),
            ("en", "Waitress"),
        ] {
            assert_eq!(feminine_only(lang, title), None, "{title}");
        }
    }
}
