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
    assert_eq!(cite(Some("CA")), None);
    assert_eq!(cite(None), Some(String::new()));
}
