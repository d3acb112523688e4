//! Exclusionary language: each rule fires on its terms and not on look-alikes.

use crate::lint::tests::{lint_md, lint_md_with, matched, of};

fn m(text: &str, rule: &str) -> Vec<String> {
    matched(&lint_md(&format!("# Baker\n\n{text}\n")), rule)
}

#[test]
fn named_false_positives_are_not_flagged() {
    let text = "# Baker\n\nHer Majesty's kitchens log man-hours. We win new customers with \
                fail-safe ovens and a deep talent pool. His Majesty approves.\n";
    let f = lint_md(text);
    for rule in [
        "gendered-term",
        "age-coded",
        "ability-assumption",
        "hype-title",
        "culture-cliche",
        "native-speaker",
        "negative-phrasing",
        "impersonal-voice",
    ] {
        assert!(of(&f, rule).is_empty(), "{rule}: {:?}", of(&f, rule));
    }
}

#[test]
fn gendered_terms_and_pronouns() {
    assert_eq!(
        m(
            "Hey guys, we need manpower and a salesman.",
            "gendered-term"
        ),
        ["guys", "manpower", "salesman"]
    );
    assert_eq!(
        m(
            "He will report to the chef; his shift starts early.",
            "gendered-term"
        ),
        ["He", "his"]
    );
    assert_eq!(
        m("He or she will bake. His/her tools.", "gendered-term"),
        ["He or she", "His/her"]
    );
    assert_eq!(m("Tell her we said hi.", "gendered-term"), ["her"]);
    assert!(
        m(
            "The helper helps. Shelves. Hershey. Heather.",
            "gendered-term"
        )
        .is_empty()
    );
    assert!(m("Chairs. Man-hours. Mankato. Human.", "gendered-term").is_empty());
}

#[test]
fn pronoun_message_differs_from_term_message() {
    let f = lint_md("# Baker\n\nHe needs manpower.\n");
    let g = of(&f, "gendered-term");
    assert!(g[0].message.contains("assumes the candidate's gender"));
    assert!(g[1].message.contains("is a gendered term"));
    assert!(g[1].suggestion.as_deref().unwrap_or("").contains("staff"));
}

#[test]
fn age_coded() {
    assert_eq!(
        m(
            "A young, energetic digital native or recent graduate.",
            "age-coded"
        ),
        ["young", "energetic", "digital native", "recent graduate"]
    );
    assert!(
        m(
            "You will teach young children. We are a young company. Younger. Energy.",
            "age-coded"
        )
        .is_empty()
    );
}

#[test]
fn ability_assumptions_need_a_reason() {
    assert_eq!(
        m("Must be able to stand for 8 hours.", "ability-assumption"),
        ["Must be able to stand for 8 hours"]
    );
    assert_eq!(
        m("Ability to lift 50 lbs.", "ability-assumption"),
        ["Ability to lift 50 lbs"]
    );
    assert_eq!(
        m("You must lift heavy trays.", "ability-assumption"),
        ["must lift heavy trays"]
    );
    assert_eq!(
        m("Able-bodied workers only.", "ability-assumption"),
        ["Able-bodied"]
    );
    assert!(
        m(
            "You must be able to lift 50 lb flour sacks because deliveries arrive by hand.",
            "ability-assumption"
        )
        .is_empty()
    );
    assert!(
        m(
            "Able to stand for long periods, with or without reasonable accommodation.",
            "ability-assumption"
        )
        .is_empty()
    );
    assert!(
        m(
            "Able to understand recipes. You will stand out.",
            "ability-assumption"
        )
        .is_empty()
    );
}

#[test]
fn hype_titles() {
    assert_eq!(
        m("A rockstar, a ninja, a guru and a wizard.", "hype-title"),
        ["rockstar", "ninja", "guru", "wizard"]
    );
    assert_eq!(m("A rock star.", "hype-title"), ["rock star"]);
    assert!(m("Use the setup wizard. Rocks. Starry. Gurung.", "hype-title").is_empty());
}

#[test]
fn culture_cliches() {
    assert_eq!(
        m(
            "We work hard, play hard and hit the ground running in a fast-paced family.",
            "culture-cliche"
        ),
        [
            "work hard, play hard",
            "hit the ground running",
            "fast-paced family"
        ]
    );
    assert_eq!(m("We're a family.", "culture-cliche"), ["We're a family"]);
    assert_eq!(
        m(
            "Join the Green Maid's Family of Professional Cleaners.",
            "culture-cliche"
        ),
        ["Join the Green Maid's Family"]
    );
    assert!(
        m(
            "We're a family-owned bakery with family leave and a fast-paced kitchen. We are a family owned, Milwaukee based company.",
            "culture-cliche"
        )
        .is_empty()
    );
}

#[test]
fn native_speaker() {
    assert_eq!(
        m("Native English speaker required.", "native-speaker"),
        ["Native English"]
    );
    assert_eq!(
        m("Spanish native speakers welcome.", "native-speaker"),
        ["native speakers"]
    );
    assert!(m("Build cloud-native and React Native apps with native code. Native plants. Non-native speakers welcome.", "native-speaker").is_empty());
}

#[test]
fn inflated_experience_for_entry_roles_only() {
    let f = lint_md("# Junior Baker\n\n## Requirements\n\n- 10+ years of experience\n");
    assert_eq!(matched(&f, "inflated-experience"), ["10+ years"]);
    let f = lint_md("# Baker\n\nThis entry-level role needs 3 years of experience.\n");
    assert_eq!(matched(&f, "inflated-experience"), ["3 years"]);
    let f = lint_md("# Junior Baker\n\n- 1 year of experience\n- 2 years of experience\n");
    assert!(of(&f, "inflated-experience").is_empty());
    let f = lint_md("# Senior Baker\n\n- 10+ years of experience\n");
    assert!(of(&f, "inflated-experience").is_empty());
}

#[test]
fn banned_words_from_config() {
    let cfg = "[lint]\nban = [\"synergy\", \"circle back\", \"disrupt*\"]\n";
    let f = lint_md_with(
        "# Baker\n\nSynergy! We circle back to disruptive baking. Synergies.\n",
        cfg,
    );
    assert_eq!(
        matched(&f, "banned-word"),
        ["Synergy", "circle back", "disruptive"]
    );
    assert!(of(&lint_md("# Baker\n\nSynergy.\n"), "banned-word").is_empty());
}

#[test]
fn names_are_not_age_or_gender_terms() {
    assert!(m("You audit accounts for Ernst & Young clients.", "age-coded").is_empty());
    assert!(m("You report to our founder, Guy Walker.", "gendered-term").is_empty());
    assert_eq!(
        m("Young people welcome? No: young candidates.", "age-coded"),
        ["young"]
    );
}

#[test]
fn singular_gendered_terms() {
    assert_eq!(m("We need a sales guy.", "gendered-term"), ["guy"]);
    assert_eq!(m("A javascript dude.", "gendered-term"), ["dude"]);
    assert_eq!(m("Join the bros.", "gendered-term"), ["bros"]);
}

#[test]
fn age_limits_and_decades() {
    assert_eq!(
        m("Must be between 18 and 30 years old.", "age-coded"),
        ["between 18 and 30 years old"]
    );
    assert_eq!(
        m("Ideal for someone early-late 20's.", "age-coded"),
        ["early-late 20's"]
    );
    assert_eq!(m("Applicants aged 21-35.", "age-coded"), ["aged 21-35"]);
    assert_eq!(
        m("Applicants no older than 40.", "age-coded"),
        ["no older than 40"]
    );
    assert_eq!(m("You are in your 30s.", "age-coded"), ["your 30s"]);
    assert_eq!(
        m(
            "You completed a degree in design within the last 7 years.",
            "age-coded"
        ),
        ["within the last 7 years"]
    );
    // A legal minimum age, history and temperatures are not age limits.
    for text in [
        "Must be 18 years or older.",
        "Founded in the 1990s.",
        "Ovens run at 20-30 degrees above the room.",
        "Between 2 and 3 years of experience.",
        "You have used Kubernetes within the last 2 years.",
        // The ages of the people the job serves.
        "You will mentor young people aged 14 to 18.",
        "Our camp welcomes students between 16 and 19 years old.",
    ] {
        assert!(m(text, "age-coded").is_empty(), "{text}");
    }
}

#[test]
fn a_short_german_posting_is_read_by_its_title_marker() {
    let md = "# Lagerhelfer (m/w/d)\n\nStandort: Berlin. Du packst Pakete.\n\n## Bewerbung\n\nSchick uns deine Unterlagen mit Lichtbild oder ein Bewerbungsfoto.\n";
    assert_eq!(
        matched(&lint_md(md), "appearance-ask"),
        ["Unterlagen mit Lichtbild", "Bewerbungsfoto"]
    );
    assert_eq!(
        m_lang("de", "Wir sind wie eine große Familie.", "culture-cliche"),
        ["wie eine große Familie"]
    );
    assert!(m_lang("de", "Wir betreuen große Familien.", "culture-cliche").is_empty());
}

#[test]
fn recent_graduates_asked_for_not_welcomed() {
    assert_eq!(
        m("Ideal for a recent graduate.", "age-coded"),
        ["recent graduate"]
    );
    assert!(m("Recent graduates are welcome to apply.", "age-coded").is_empty());
    assert_eq!(
        m_lang("fr", "Idéal pour un jeune diplômé.", "age-coded"),
        ["jeune diplômé"]
    );
    assert!(m_lang("fr", "Jeune diplômé accepté.", "age-coded").is_empty());
}

#[test]
fn grooming_and_headshots() {
    let md = "# Baker\n\nYou must be well groomed, with a neat and tidy appearance.\n\n## How to apply\n\nSend your CV and photograph, or a headshot, to jobs@example.com.\n";
    assert_eq!(
        matched(&lint_md(md), "appearance-ask"),
        [
            "well groomed",
            "neat and tidy appearance",
            "CV and photograph",
            "headshot"
        ]
    );
    assert_eq!(
        m(
            "You must write well and be well presented.",
            "appearance-ask"
        ),
        ["be well presented"]
    );
    assert_eq!(
        m(
            "Requirements: professional attitude and appearance.",
            "appearance-ask"
        ),
        ["attitude and appearance"]
    );
    for text in [
        "The photograph archive needs cataloguing.",
        "We take headshots of our clients.",
        "Reports must be clear and well presented.",
    ] {
        assert!(m(text, "appearance-ask").is_empty(), "{text}");
    }
}

#[test]
fn generations_mature_candidates_and_young_hires() {
    assert_eq!(
        m("We are looking for Gen Z talent.", "age-coded"),
        ["Gen Z"]
    );
    assert_eq!(
        m("We want a young and dynamic person.", "age-coded"),
        ["young and dynamic person"]
    );
    assert_eq!(
        m("Mature candidates only.", "age-coded"),
        ["Mature candidates"]
    );
    // The employer speaks, and says whom it seeks.
    assert_eq!(
        m(
            "We are looking for talented young programmers.",
            "age-coded"
        ),
        ["young"]
    );
    assert_eq!(
        m(
            "We are looking for high-school and college aged programmers.",
            "age-coded"
        ),
        ["college aged"]
    );
    // Of two nouns given as alternatives, the first says whom the words describe.
    assert_eq!(
        m(
            "We welcome high-school and college aged programmers/students.",
            "age-coded"
        ),
        ["college aged"]
    );
    // The market, the company and the people served are not the applicant.
    for text in [
        "Everyone knows us as the Gen Z and millennial travel app.",
        "Join a young and dynamic company.",
        "We mentor young people.",
        "We are a young team looking for a developer.",
        "We are looking for a developer to teach college-age students.",
        "We are looking for a developer to teach young patients/children.",
    ] {
        assert!(m(text, "age-coded").is_empty(), "{text}");
    }
}

#[test]
fn cliches_are_notes() {
    let f = lint_md(
        "# Baker\n\nStay at the top of your game in a fast-paced bakery with our heroic team.\n",
    );
    assert_eq!(
        matched(&f, "cliche"),
        ["top of your game", "fast-paced", "heroic"]
    );
    assert!(
        of(&f, "cliche")
            .iter()
            .all(|x| x.severity == crate::lint::Severity::Note)
    );
}

#[test]
fn years_asked_without_seniority() {
    let f = lint_md("# Baker\n\n## Requirements\n\n- 10+ years of experience baking\n");
    assert_eq!(matched(&f, "experience-unmarked-senior"), ["10+ years"]);
    assert_eq!(matched(&f, "years-of-experience"), ["10+ years"]);
    // A senior title, or a short ask: no warning, the note stays.
    let f = lint_md("# Senior Baker\n\n## Requirements\n\n- 10+ years of experience baking\n");
    assert!(of(&f, "experience-unmarked-senior").is_empty());
    assert_eq!(matched(&f, "years-of-experience"), ["10+ years"]);
    let f = lint_md("# Baker\n\nThis is a senior role.\n\n- 6 years of experience\n");
    assert!(of(&f, "experience-unmarked-senior").is_empty());
    let f = lint_md("# Baker\n\n## Requirements\n\n- 2 years of experience\n");
    assert!(of(&f, "experience-unmarked-senior").is_empty());
    assert_eq!(of(&f, "years-of-experience").len(), 1);
}

#[test]
fn physical_reason_in_the_section_counts() {
    let text = "# Baker\n\n## Physical demands\n\nThe physical demands described here are \
                representative of those that must be met to perform the essential functions \
                of this job.\n\nThe employee is frequently required to sit, stand; walk and \
                reach with hands and arms.\n";
    assert!(of(&lint_md(text), "ability-assumption").is_empty());
    // In another section the reason does not carry over.
    let text =
        "# Baker\n\n## About\n\nThis is essential.\n\n## Duties\n\nYou must stand all shift.\n";
    assert_eq!(of(&lint_md(text), "ability-assumption").len(), 1);
}

/// German or French text, declared as such in front matter.
fn m_lang(lang: &str, text: &str, rule: &str) -> Vec<String> {
    let md = format!("---\nlang: {lang}\n---\n# Koch (m/w/d)\n\n{text}\n");
    matched(&lint_md(&md), rule)
}

#[test]
fn german_age_native_speaker_and_hype() {
    assert_eq!(
        m_lang("de", "Wir sind ein junges Team.", "age-coded"),
        ["junges Team"]
    );
    assert_eq!(
        m_lang("de", "Sie sind jung und dynamisch.", "age-coded"),
        ["jung und dynamisch"]
    );
    assert_eq!(
        m_lang(
            "de",
            "Berufseinsteiger bis 30 sind willkommen.",
            "age-coded"
        ),
        ["Berufseinsteiger bis 30"]
    );
    assert_eq!(
        m_lang("de", "Sie sind zwischen 25 und 35 Jahren alt.", "age-coded"),
        ["zwischen 25 und 35 Jahren"]
    );
    // Years of experience are not an age.
    assert!(
        m_lang(
            "de",
            "Sie haben bis zu 20 Jahre Berufserfahrung.",
            "age-coded"
        )
        .is_empty()
    );
    // The ages of the people served are not asked of the applicant.
    assert!(
        m_lang(
            "de",
            "Unsere Kunden sind zwischen 20 und 40 Jahre alt.",
            "age-coded"
        )
        .is_empty()
    );
    assert_eq!(
        m_lang(
            "fr",
            "Poste ouvert aux jeunes diplômés de moins de 30 ans.",
            "age-coded"
        ),
        ["diplômés de moins de 30 ans"]
    );
    assert_eq!(
        m_lang("de", "Deutsch als Muttersprache.", "native-speaker"),
        ["Muttersprache"]
    );
    assert_eq!(
        m_lang("de", "Sie sind ein Rockstar im Verkauf.", "hype-title"),
        ["Rockstar"]
    );
    assert!(m_lang("de", "Wir suchen keinen Rockstar.", "hype-title").is_empty());
}

#[test]
fn german_names_and_places_are_not_words() {
    let text = "Unser Laden liegt am Jungfernstieg. Gegründet hat ihn Herr Jung. \
                Der Saft kommt von Jungbunzlauer. Das Junge Theater ist nebenan.";
    assert!(m_lang("de", text, "age-coded").is_empty());
}

#[test]
fn german_generic_masculine_unless_paired() {
    assert_eq!(
        m_lang("de", "Bewerber senden ihre Unterlagen.", "gendered-term"),
        ["Bewerber"]
    );
    // A marker far from the noun, past the sentence, is no pair.
    assert_eq!(
        m_lang(
            "de",
            "Unsere Mitarbeiter sind freundlich und helfen gern weiter. Verkäufer (m/w/d)",
            "gendered-term"
        ),
        ["Mitarbeiter"]
    );
    for paired in [
        "Unsere Mitarbeiter*innen sind freundlich.",
        "Unsere Mitarbeiter:innen sind freundlich.",
        "Mitarbeiterinnen und Mitarbeiter sind freundlich.",
        "Wir laden passende Kandidatinnen und Kandidaten ein.",
        "Unsere Kolleginnen und Kollegen helfen gern.",
        "Unsere Mitarbeitenden sind freundlich.",
        "Ihre Bewerbung ist willkommen.",
        "Ihre Mitarbeit im Projekt zählt.",
        "Mitarbeiter Kundenservice (m/w/d)",
        "Sachbearbeiter Schadenregulierung Kfz (w/m/d)",
    ] {
        assert!(m_lang("de", paired, "gendered-term").is_empty(), "{paired}");
    }
    // "er" only where it is the applicant.
    assert_eq!(
        m_lang(
            "de",
            "Der Bewerber kennt Mode, er berät gern.",
            "gendered-term"
        ),
        ["Bewerber", "er"]
    );
    assert!(
        m_lang(
            "de",
            "Der Markt ist groß, er liegt zentral.",
            "gendered-term"
        )
        .is_empty()
    );
}

#[test]
fn french_age_native_speaker_pay_and_pronouns() {
    assert_eq!(
        m_lang("fr", "Vous avez moins de 30 ans.", "age-coded"),
        ["moins de 30 ans"]
    );
    assert_eq!(
        m_lang("fr", "Vous êtes âgé de 20 à 30 ans.", "age-coded"),
        ["âgé de 20 à 30 ans"]
    );
    assert_eq!(
        m_lang("fr", "Anglais langue maternelle.", "native-speaker"),
        ["langue maternelle"]
    );
    assert!(
        m_lang(
            "fr",
            "Notre application native est simple.",
            "native-speaker"
        )
        .is_empty()
    );
    assert_eq!(
        m_lang(
            "fr",
            "Le candidat retenu viendra. Il travaillera le samedi.",
            "gendered-term"
        ),
        ["Le candidat", "Il"]
    );
    assert!(m_lang("fr", "Il faut porter des cartons.", "gendered-term").is_empty());
    assert!(m_lang("fr", "Nous lisons Jeune Afrique.", "age-coded").is_empty());
    assert_eq!(
        m_lang("fr", "Salaire attractif selon profil.", "pay-vague"),
        ["Salaire attractif selon profil"]
    );
}

#[test]
fn english_lists_do_not_run_on_german_text() {
    // "Held" and "Team" are English words too; the English lists do not run.
    let text = "Wir suchen einen Held für unser Team. Sie sind energetic und ein guru.";
    assert!(m_lang("de", text, "cliche").is_empty());
    assert!(m_lang("de", text, "impersonal-voice").is_empty());
}

#[test]
fn a_photo_is_an_ask_only_where_the_posting_asks_for_an_application() {
    assert_eq!(
        m(
            "Send your CV with a photo to jobs@example.org.",
            "appearance-ask"
        ),
        ["CV with a photo"]
    );
    assert_eq!(
        matched(
            &lint_md("# Baker\n\n## How to apply\n\nUpload a photo and a few lines.\n"),
            "appearance-ask"
        ),
        ["Upload a photo"]
    );
    // The same words as a duty.
    for duty in [
        "You upload photos of finished cakes to our website.",
        "Take orders and send photos of each order to the customer.",
    ] {
        assert!(m(duty, "appearance-ask").is_empty(), "{duty}");
    }
    // A photo of the applicant is an ask wherever it stands.
    assert_eq!(
        m("Please include a photo of yourself.", "appearance-ask"),
        ["include a photo"]
    );
}

#[test]
fn go_getter_is_a_cliche_note() {
    assert!(m("We want a go-getter.", "culture-cliche").is_empty());
    assert_eq!(m("We want a go-getter.", "cliche"), ["go-getter"]);
}

#[test]
fn a_title_beside_its_other_form_is_a_note() {
    let f = lint_md(
        "# Waiter/Waitress\n\nWe need a waiter or waitress for the terrace, and a hostess.\n",
    );
    let g = of(&f, "gendered-term");
    let notes: Vec<_> = g
        .iter()
        .filter(|x| x.severity == crate::lint::Severity::Note)
        .map(|x| x.matched.as_deref().unwrap_or_default())
        .collect();
    let warnings: Vec<_> = g
        .iter()
        .filter(|x| x.severity != crate::lint::Severity::Note)
        .map(|x| x.matched.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(notes, ["Waitress", "waitress"], "{g:?}");
    assert_eq!(warnings, ["hostess"], "{g:?}");
}

#[test]
fn the_team_as_a_family_in_german_and_french() {
    let de = "# Erzieher (m/w/d)\n\nSie arbeiten in unserer Kita in Köln. Wir bieten ein familiäres Arbeitsklima und \
              ein familiengeführtes Haus. Die Kinder und ihre Familien kennen Sie beim Namen.\n";
    assert_eq!(
        matched(&lint_md(de), "culture-cliche"),
        ["familiäres Arbeitsklima"]
    );
    let fr = "# Serveur (H/F)\n\nVous servez nos clients à Lyon. Chez nous, une ambiance familiale ; nous aidons \
              aussi les familles du quartier.\n";
    assert_eq!(
        matched(&lint_md(fr), "culture-cliche"),
        ["ambiance familiale"]
    );
}

#[test]
fn staff_already_there_in_the_generic_masculine_is_a_note() {
    let text = "# Lagerhelfer (m/w/d)\n\nSie arbeiten in unserem Lager in Köln. Unsere Mitarbeiter arbeiten in \
                festen Schichten, und wir suchen einen Mitarbeiter für die Frühschicht. Sie sprechen mit \
                anderen Mitarbeitern.\n";
    let f = lint_md(text);
    let g: Vec<(String, bool)> = of(&f, "gendered-term")
        .iter()
        .map(|x| {
            let m = x.matched.clone().unwrap_or_default();
            (m, x.severity == crate::lint::Severity::Note)
        })
        .collect();
    assert_eq!(
        g,
        [
            ("Mitarbeiter".to_string(), true),
            ("Mitarbeiter".to_string(), false),
            ("Mitarbeitern".to_string(), true)
        ]
    );
}

#[test]
fn a_pay_grade_of_a_collective_agreement_is_not_vague_pay() {
    let text = "# Erzieher (m/w/d)\n\nSie arbeiten in unserer Kita in Köln. Wir bieten eine leistungsgerechte \
                Vergütung nach TVöD SuE S8a.\n";
    assert!(matched(&lint_md(text), "pay-vague").is_empty());
    let text = "# Erzieher (m/w/d)\n\nSie arbeiten in unserer Kita in Köln. Wir bieten eine leistungsgerechte \
                Vergütung in Anlehnung an den TVöD.\n";
    assert_eq!(
        matched(&lint_md(text), "pay-vague"),
        ["leistungsgerechte Vergütung"]
    );
}

/// `rule`'s matches in a German posting: `body` after a paragraph with enough German
/// words that the posting reads as German.
fn m_de(body: &str, rule: &str) -> Vec<String> {
    let text = format!(
        "# Fachkraft (m/w/d)\n\nSie arbeiten in unserem Haus in Köln mit den Kunden und mit uns im Team, \
         und Sie planen den Tag mit den Kollegen. {body}\n"
    );
    matched(&lint_md(&text), rule)
}

/// `rule`'s matches in a French posting, as [`m_de`] for German.
fn m_fr(body: &str, rule: &str) -> Vec<String> {
    let text = format!(
        "# Infirmier ou infirmière (h/f)\n\nVous travaillez dans notre clinique à Genève avec les patients et \
         avec nous dans une équipe, et vous planifiez la journée avec vos collègues. {body}\n"
    );
    matched(&lint_md(&text), rule)
}

#[test]
fn german_verbs_ending_in_men_name_no_sex() {
    assert!(
        m_de(
            "Sie sind bereit, Verantwortung zu übernehmen, und bekommen dafür Zeit.",
            "gendered-term"
        )
        .is_empty()
    );
}

#[test]
fn looks_asked_in_german_beside_other_qualities() {
    assert_eq!(
        m_de(
            "Sie verfügen über Engagement und ein sicheres, gepflegtes Auftreten.",
            "appearance-ask"
        ),
        ["gepflegtes Auftreten"]
    );
    // A second quality joined by "und" stands between the parts.
    assert_eq!(
        m_de(
            "Gepflegtes und kundenorientiertes Auftreten.",
            "appearance-ask"
        ),
        ["Gepflegtes und kundenorientiertes Auftreten"]
    );
    assert!(
        m_de(
            "Freundliches und professionelles Auftreten.",
            "appearance-ask"
        )
        .is_empty()
    );
}

#[test]
fn native_speaker_asks_name_a_language_and_offer_no_level() {
    assert_eq!(
        m_de("Sie sprechen Deutsch als Muttersprache.", "native-speaker"),
        ["Muttersprache"]
    );
    for body in [
        "Bei uns spricht jede und jeder die eigene Muttersprache mit den Kindern.",
        "Sie sprechen Deutsch auf muttersprachlichem Niveau oder auf Niveau C1.",
    ] {
        assert!(m_de(body, "native-speaker").is_empty(), "{body}");
    }
    // A level beside another word is the other language's: the mother tongue is asked.
    assert_eq!(
        m_de(
            "Muttersprache Deutsch, Englisch auf Niveau B2 und Französisch.",
            "native-speaker"
        ),
        ["Muttersprache"]
    );
    assert!(m_de("Deutsch: Muttersprache oder C1.", "native-speaker").is_empty());
    assert!(m_de("Muttersprache Deutsch oder Niveau C1.", "native-speaker").is_empty());
}

#[test]
fn a_french_mother_tongue_with_a_level_for_the_other_language_is_asked() {
    assert_eq!(
        m_fr(
            "Langue maternelle française ou allemande (niveau B2), avec de bonnes connaissances de l'autre langue.",
            "native-speaker"
        ),
        ["Langue maternelle"]
    );
    assert!(
        m_fr(
            "Français langue maternelle ou niveau C1 exigé.",
            "native-speaker"
        )
        .is_empty()
    );
}

#[test]
fn a_photo_declined_after_the_word_is_no_ask() {
    let declined = "Von Bewerbungsfotos und Angaben zum Alter bitten wir abzusehen.";
    assert!(m_de(declined, "appearance-ask").is_empty());
    assert_eq!(
        m_de(
            "Bitte senden Sie uns Ihre Bewerbung mit Foto.",
            "appearance-ask"
        ),
        ["Bewerbung mit Foto"]
    );
}

#[test]
fn a_hype_word_ending_a_title_case_title_is_hype() {
    assert_eq!(m("We're hiring: Javascript Ninja", "hype-title"), ["Ninja"]);
    assert!(
        m(
            "We sell Ninja Foods blenders and Rockstar Games.",
            "hype-title"
        )
        .is_empty()
    );
}

#[test]
fn like_wants_only_as_a_verb() {
    assert_eq!(
        m("We'd like a woman for this route.", "sex-preference"),
        ["like a woman"]
    );
    assert!(
        m(
            "Some groups of people, like women, are less likely to apply unless they meet every requirement.",
            "sex-preference"
        )
        .is_empty()
    );
}

#[test]
fn a_sex_adjective_with_other_adjectives_before_the_job_noun_is_a_preference() {
    assert_eq!(
        m(
            "Female and bi-lingual instructors are in high demand.",
            "sex-preference"
        ),
        ["Female and bi-lingual instructors"]
    );
    assert_eq!(
        m(
            "Female, Spanish-speaking nurses are preferred.",
            "sex-preference"
        ),
        ["Female, Spanish-speaking nurses"]
    );
    for body in [
        "We need male and female staff for both shifts.",
        "We welcome female and minority candidates.",
        "Our female staff run the night shift.",
    ] {
        assert!(m(body, "sex-preference").is_empty(), "{body}");
    }
}

#[test]
fn a_team_sold_as_a_family_with_adjectives_between() {
    assert_eq!(
        m_lang(
            "de",
            "Sie erwartet ein familiäres, motiviertes Team.",
            "culture-cliche"
        ),
        ["familiäres, motiviertes Team"]
    );
    assert_eq!(
        m_lang("de", "Wir bieten ein familiäres Umfeld.", "culture-cliche"),
        ["familiäres Umfeld"]
    );
    // Family ownership, and a name, are no cliché.
    for text in [
        "Wir sind ein Familienbetrieb in vierter Generation.",
        "Unser Kollege Herr Familiär leitet das Team.",
    ] {
        assert!(m_lang("de", text, "culture-cliche").is_empty(), "{text}");
    }
}

#[test]
fn the_readers_role_in_the_masculine_only() {
    assert_eq!(
        m_lang(
            "de",
            "Sie präsentieren unsere Produkte oder sind als Ansprechpartner in der Kundenbetreuung tätig.",
            "gendered-term"
        ),
        ["als Ansprechpartner"]
    );
    for text in [
        // Both forms, a neutral noun, the employer, a comparison, a third person.
        "Als Ansprechpartner*in beraten Sie unsere Kundschaft.",
        "Als Ansprechperson beraten Sie unsere Kundschaft.",
        "Sie lernen uns als Arbeitgeber kennen.",
        "Sie haben mehr als drei Jahre Erfahrung.",
        "Als Ansprechpartner steht Ihnen Frau Berg zur Verfügung.",
        // A qualification's name, which the reader holds or not.
        "Sie haben eine Ausbildung als Fachinformatiker oder ein Studium.",
        "Sie haben eine abgeschlossene Berufsausbildung als Elektroniker.",
    ] {
        assert!(m_lang("de", text, "gendered-term").is_empty(), "{text}");
    }
}

#[test]
fn a_sense_of_family_sells_the_team_as_one() {
    let md =
        "# Line Cook\n\nOur kitchen has a real sense of family. We are a family owned diner.\n";
    assert_eq!(matched(&lint_md(md), "culture-cliche"), ["sense of family"]);
}

#[test]
fn the_person_sought_in_the_feminine_only() {
    assert_eq!(
        m_lang(
            "de",
            "Wir suchen eine nette Verkäuferin für unser Team.",
            "gendered-term"
        ),
        ["eine nette Verkäuferin"]
    );
    assert_eq!(
        m_lang(
            "fr",
            "Nous recrutons une vendeuse pour notre boutique.",
            "gendered-term"
        ),
        ["une vendeuse"]
    );
    for (lang, text) in [
        ("de", "Wir suchen eine Verkäuferin oder einen Verkäufer."),
        ("de", "Sie arbeiten mit einer erfahrenen Kollegin zusammen."),
        ("fr", "Nous recrutons une vendeuse ou un vendeur."),
        (
            "fr",
            "Nous recherchons : un intégrateur ou une intégratrice web.",
        ),
        ("fr", "Une cliente fidèle nous recommande."),
    ] {
        assert!(m_lang(lang, text, "gendered-term").is_empty(), "{text}");
    }
}

#[test]
fn a_photo_asked_with_a_french_application() {
    for text in [
        "Merci de joindre une photo à votre candidature.",
        "Joignez votre photo et votre CV.",
        "CV accompagné d'une photo.",
    ] {
        assert!(!m_lang("fr", text, "appearance-ask").is_empty(), "{text}");
    }
    for text in [
        "Vous joindrez les photos de vos réalisations.",
        "Vous retouchez la photo du catalogue.",
    ] {
        assert!(m_lang("fr", text, "appearance-ask").is_empty(), "{text}");
    }
}

#[test]
fn a_first_language_asked_of_the_reader() {
    assert_eq!(
        m("English must be your first language.", "native-speaker"),
        ["your first language"]
    );
    for text in [
        "Whatever your first language, you are welcome here.",
        "You will translate documents into each client's first language.",
    ] {
        assert!(m(text, "native-speaker").is_empty(), "{text}");
    }
}
