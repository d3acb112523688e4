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
    if title.trim().is_empty() || marker.is_empty() || is_open_to_all(&title) {
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

/// Whether a title already says it is open to all genders: a marker in brackets
/// ("(m/w/d)", "(H/F)", "(all genders)"), a gender-fair German form ("Kassierer*in",
/// "Kassierer:in", "Kassierer/-in", "KassiererIn"), or both French forms
/// ("Vendeur / Vendeuse", "Caissier·ère", "Caissier(ère)").
pub fn is_open_to_all(title: &str) -> bool {
    bracket_marker(title) || german_fair_form(title) || both_forms(title)
}

/// "(m/w/d)", "(w/m/d)", "(d/m/w)", "(m/f/d)", "(H/F)", "(h/f/x)", "(gn)",
/// "(all genders)", "(alle Geschlechter)", "(tous genres)".
fn bracket_marker(title: &str) -> bool {
    title.split('(').skip(1).any(|rest| {
        let inner = rest.split(')').next().unwrap_or("").trim().to_lowercase();
        let letters = inner.split(['/', '|', ',', ' ']).filter(|s| !s.is_empty());
        let short = letters
            .clone()
            .all(|s| matches!(s, "m" | "w" | "d" | "f" | "h" | "x" | "i" | "v" | "div"));
        (short && letters.count() >= 2)
            || matches!(
                inner.as_str(),
                "gn" | "gn*" | "all genders" | "alle geschlechter"
            )
            || inner.starts_with("tous genres")
            || inner.starts_with("toutes et tous")
    })
}

/// "Kassierer*in", "Kassierer:in", "Kassierer_in", "Kassierer/-in", "Kassierer/in",
/// "KassiererIn", "Verkäufer*innen".
fn german_fair_form(title: &str) -> bool {
    let joined = ["*in", ":in", "_in", "/-in", "/in", "(in)"];
    title.split_whitespace().any(|word| {
        let lower = word.to_lowercase();
        let trimmed = lower.trim_end_matches([',', ')', '.']);
        joined
            .iter()
            .any(|j| trimmed.ends_with(j) || trimmed.ends_with(&format!("{j}nen")))
            || word.contains("In")
                && word
                    .find("In")
                    .is_some_and(|i| i > 0 && word[..i].ends_with(char::is_lowercase))
    })
}

/// "Vendeur / Vendeuse", "Vendeur ou vendeuse", "Caissier·ère", "Caissier(ère)",
/// "Caissier/ère", "Kaufmann/-frau", "Verkäuferin / Verkäufer": two forms of one
/// noun, so "Kundenservice / Backoffice" (two fields of work) is not one.
fn both_forms(title: &str) -> bool {
    if ["·", "(e)", "(ère)", "(euse)", "(trice)"]
        .iter()
        .any(|m| title.contains(m))
    {
        return true;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let pair = |before: &str, after: &str| {
        let after = after.trim_start_matches('(');
        after.starts_with('-')
            || after.starts_with(char::is_lowercase) && after.chars().count() <= 4
            || common_prefix(before, after) >= 4
    };
    let slashed = title.split('/').collect::<Vec<_>>();
    let by_slash = slashed.windows(2).any(|w| {
        let before = w[0].split_whitespace().last().unwrap_or("");
        let after = w[1].split_whitespace().next().unwrap_or("");
        pair(before, after)
    });
    let by_word = words
        .windows(3)
        .any(|w| matches!(w[1], "ou" | "oder" | "und" | "et") && common_prefix(w[0], w[2]) >= 4);
    by_slash || by_word
}

/// How many leading letters two words share, in any case.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars()
        .flat_map(char::to_lowercase)
        .zip(b.chars().flat_map(char::to_lowercase))
        .take_while(|(x, y)| x == y)
        .count()
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
        }
        for title in [
            "Caissier (H/F)",
            "Vendeur / Vendeuse",
            "Caissier·ère",
            "Caissier ou caissière",
        ] {
            assert_eq!(shown_in("fr-FR", title, None), title, "{title}");
        }
    }

    #[test]
    fn a_word_in_a_title_is_not_a_marker() {
        assert!(!is_open_to_all("Berater (Innendienst)"));
        assert!(!is_open_to_all("Kassierer (Teilzeit)"));
        assert!(!is_open_to_all("Vendeur (CDI)"));
        assert!(!is_open_to_all("Mitarbeiter Kundenservice"));
        assert!(!is_open_to_all("Mitarbeiter Kundenservice / Backoffice"));
    }
}
