use super::*;

#[test]
fn german_titles_with_a_marker_pair_or_neutral_noun_are_open() {
    for t in [
        "Kassierer (m/w/d)",
        "Kassierer (w/m/d)",
        "Kassierer (d/m/w)",
        "Softwareentwickler (all genders)",
        "Koch (gn)",
        "Kassierer*in",
        "Kassierer:in",
        "Kassierer/-in",
        "Kassierer/in",
        "Kassierer_in",
        "KassiererIn",
        "Kaufmann/-frau im Einzelhandel",
        "Kaufmann / Kauffrau im Einzelhandel",
        "Kassiererin oder Kassierer",
        "Fachkraft für Lagerlogistik",
        "Pflegefachkraft",
        "Aushilfe im Verkauf",
        "Teamleitung Kundenservice",
        "Assistenz Betriebsrat",
        "Teamassistenz Vertrieb",
        "Sachbearbeitung Personal",
        "Geschäftsführung",
    ] {
        assert!(crate::title::open_to_all("de", t), "{t}");
    }
    for t in [
        "Kassierer",
        "Verkäufer im Einzelhandel",
        "Lagerist",
        "Koch in Berlin",
        "Leiter Vertrieb",
        "Leiter Service (m/w)",
    ] {
        assert!(!crate::title::open_to_all("de", t), "{t}");
    }
}

#[test]
fn french_titles_with_a_marker_both_forms_or_epicene_noun_are_open() {
    for t in [
        "Vendeur (H/F)",
        "Vendeur H/F",
        "Vendeur (F/H)",
        "Vendeur (h/f/x)",
        "Vendeur / Vendeuse",
        "Vendeur·euse",
        "Vendeur(se)",
        "Directeur ou Directrice des ventes",
        "Comptable",
        "Secrétaire médicale",
        "Pizzaïolo / Pizzaïola",
        "Stagiaire marketing",
    ] {
        assert!(crate::title::open_to_all("fr", t), "{t}");
    }
    for t in [
        "Vendeur",
        "Chauffeur livreur",
        "Directeur commercial",
        "Serveur en salle",
        "Conseiller bancaire à distance",
        "Chargé d’accueil bancaire",
    ] {
        assert!(!crate::title::open_to_all("fr", t), "{t}");
    }
}

#[test]
fn a_two_gender_marker_is_named_as_such() {
    assert!(crate::title::binary_marker("Leiter Service Europa (m/w)"));
    assert!(crate::title::binary_marker("Koch (w / m)"));
    assert!(!crate::title::binary_marker("Koch (m/w/d)"));
}

#[test]
fn the_law_cited_follows_the_country() {
    assert!(cite(Some("DE")).unwrap().contains("AGG §11"));
    assert!(cite(Some("AT")).unwrap().contains("GlBG §9"));
    assert!(cite(Some("FR")).unwrap().contains("L1142-1"));
    assert!(cite(Some("IT")).unwrap().contains("2023/970 art. 5(3)"));
    assert!(cite(Some("CA")).unwrap().contains("Quebec's Charter"));
    assert_eq!(cite(Some("US")), None);
    assert_eq!(cite(None), Some(String::new()));
}

/// What `title-gender` matches on a German careers page (titled "Karriere") with
/// `body` after a paragraph that makes it read as German.
fn asked_de(body: &str) -> Vec<String> {
    use crate::lint::tests::{lint_md, matched};
    let page = format!(
        "# Karriere\n\nStandort: Köln, Deutschland\n\nWir sind ein Betrieb mit zwanzig Leuten, und \
         wir freuen uns auf die Bewerbung mit dem Lebenslauf.\n\n{body}\n"
    );
    matched(&lint_md(&page), "title-gender")
}

/// The same on a French careers page ("Carrières").
fn asked_fr(body: &str) -> Vec<String> {
    use crate::lint::tests::{lint_md, matched};
    let page = format!(
        "# Carrières\n\nLieu : Lyon, France\n\nNous sommes une entreprise de vingt personnes et \
         nous attendons votre candidature avec le CV.\n\n{body}\n"
    );
    matched(&lint_md(&page), "title-gender")
}

/// `asked` reports each `found` body's text and nothing in the `none` bodies.
fn asks_are(asked: fn(&str) -> Vec<String>, found: &[(&str, &str)], none: &[&str]) {
    for (body, text) in found {
        assert_eq!(asked(body), [*text], "{body}");
    }
    for body in none {
        assert!(asked(body).is_empty(), "{body}");
    }
}

/// A career page whose title names no job asks for its people in sentences: a
/// masculine article and noun with nothing after it asks for one sex.
#[test]
fn a_german_sentence_seeking_a_man_only_is_reported() {
    let found = [
        (
            "Zur Verstärkung unseres Teams suchen wir ab sofort einen erfahrenen Dachdecker.",
            "einen erfahrenen Dachdecker",
        ),
        ("Wir suchen einen Koch für unsere Kantine.", "einen Koch"),
        (
            "Die Bäckerei Sommer sucht einen Verkäufer in Teilzeit.",
            "einen Verkäufer",
        ),
        (
            "Zum 1. April suchen wir ab sofort Elektriker für Baustellen im Umland.",
            "Elektriker",
        ),
        // A list of jobs, all but one marked: the unmarked one asks for a man.
        (
            "**Gleichzeitig suchen wir**\n\n- Telefonist/in\n- freiberufliche Immobilienmakler",
            "freiberufliche Immobilienmakler",
        ),
    ];
    let none = [
        "Wir suchen einen Koch (m/w/d) für unsere Kantine.",
        "Wir suchen einen Koch oder eine Köchin für unsere Kantine.",
        "Wir suchen einen Mitarbeiter:in im Verkauf.",
        // The applicant seeks, or the noun is no person.
        "Sie suchen einen Arbeitgeber, der Sie fördert?",
        "Wir suchen einen neuen Standort in Köln.",
        "Wir suchen einen Ausbildungsplatz für dich als Koch.",
        "Wir suchen Verstärkung für unser Team in Köln.",
        "Wir suchen ab sofort Elektriker*innen für Baustellen.",
        "Ihre Aufgaben:\n\n- Beratung der Kunden\n- Pflege der Kundenkartei",
        // What is not sought.
        "Wir suchen keinen Verkäufer, wir suchen Menschen mit Neugier.",
    ];
    asks_are(asked_de, &found, &none);
    // "nicht nur" still seeks.
    assert_eq!(
        asked_de("Wir suchen nicht nur einen Koch für die Kantine."),
        ["einen Koch"]
    );
}

#[test]
fn a_french_sentence_seeking_a_man_only_is_reported() {
    let found = [
        (
            "Notre atelier recrute un vendeur pour la saison.",
            "un vendeur",
        ),
        (
            "Nous sommes à la recherche de camionneurs pour la saison.",
            "de camionneurs",
        ),
        (
            "Nous sommes à la recherche d'un technicien pour la saison.",
            "un technicien",
        ),
    ];
    let none = [
        "Notre atelier recrute un(e) vendeur(se) pour la saison.",
        "Êtes-vous à la recherche d'un défi nouveau ?",
        "Nous cherchons quelqu'un de polyvalent pour la saison.",
        "La plateforme facilite l'embauche de candidats en insertion.",
        "La plateforme facilite l’embauche de candidats en insertion.",
        "Nous recrutons des vendeurs et vendeuses pour la saison.",
        "Notre atelier recrute un vendeur ou une vendeuse pour la saison.",
        "Nous recherchons un vendeur (H/F) pour la saison.",
        "Vous êtes à la recherche d'un emploi stable ?",
        "Nous recrutons un apprenti·e en CAP.",
        "On ne cherche pas des techniciens, on cherche des gens curieux.",
        "LOG recrute des chefs de projet, de différents niveaux d'expérience.",
    ];
    asks_are(asked_fr, &found, &none);
    // Under a heading that announces open jobs, the list's items are titles.
    assert_eq!(
        asked_fr("## Postes ouverts\n\n- Développeurs Full-Stack\n- Analystes de données"),
        ["Développeurs Full-Stack"]
    );
}

#[test]
fn a_careers_page_title_names_no_one_and_a_marked_title_opens_the_page() {
    use crate::lint::tests::{lint_md, matched};
    // An adjective after "recrutement" is the recruitment's, not a person's.
    assert!(!crate::title::names_a_person(
        "fr",
        "Recrutement saisonnier"
    ));
    // "Carrières" heads a careers page: no woman is named.
    assert_eq!(crate::title::feminine_only("fr", "Carrières"), None);
    // A marked title opens the posting: its sentences need not repeat the marker.
    let marked = "# Koch (m/w/d)\n\nStandort: Köln, Deutschland\n\nWir sind ein Betrieb mit zwanzig \
                  Leuten, und wir freuen uns auf die Bewerbung mit dem Lebenslauf. Wir suchen einen \
                  Koch für unsere Kantine.\n";
    assert!(matched(&lint_md(marked), "title-gender").is_empty());
}

/// A list of jobs after a sentence that seeks the people it names ("Wir suchen ab
/// sofort:") asks for each by its noun; a list after a sentence that names its own
/// object, or under no seeking sentence, is read as duties.
#[test]
fn a_list_after_a_seeking_sentence_names_the_jobs() {
    asks_are(
        asked_de,
        &[
            (
                "Wir suchen ab sofort und unbefristet\n\n- Pflasterer\n- Bauhelfer",
                "Pflasterer",
            ),
            (
                "<p>Wir suchen ab sofort</p><p>-Pflasterer</p><p>-Bauhelfer</p>",
                "Pflasterer",
            ),
        ],
        &[
            "Wir suchen ab sofort und unbefristet\n\n- Pflasterer (m/w/d)\n- Fachkraft Lager",
            "Wir suchen Verstärkung für diese Aufgaben\n\n- Bauleiter beraten\n- Pläne lesen",
            "Deine Aufgaben\n\n- Pflasterer anleiten\n- Bauhelfer einteilen",
        ],
    );
}
