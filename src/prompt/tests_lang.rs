//! The wizard in German and French: questions, choices and help in the user's
//! language, the gender marker of German and French titles, and preset text in
//! the posting's language once the place is known. The posting itself never
//! follows the user's language.

use std::path::Path;

use super::script::{Key, Script};
use super::{Settings, finish, flow};
use crate::preset::Registry;
use crate::render::Templates;
use crate::ui::{self, Lang};

use Key::{EnterUntil, No, Pick, Yes};

fn settings(dir: &Path, sets: &[&str]) -> Settings {
    super::tests::settings(dir, Some("cashier"), sets)
}

fn run(script: &mut Script, registry: &Registry, s: &Settings) -> finish::Done {
    let renderer = Templates::new(None).unwrap();
    let done = flow::run(script, registry, &renderer, s);
    done.unwrap_or_else(|e| panic!("{e}: {:#?}", script.log))
}

fn asked(script: &Script) -> Vec<&str> {
    let asked = script.log.iter().filter_map(|l| l.strip_prefix("? "));
    asked.collect()
}

/// No question of the field table is asked in English.
fn no_english_question(script: &Script) {
    let english: Vec<&str> = crate::model::fields::FIELDS
        .iter()
        .filter_map(|f| f.question)
        .chain(["Save this posting?", "Role to start from"])
        .collect();
    for q in asked(script) {
        assert!(!english.contains(&q), "asked in English: {q}");
    }
}

const BERLIN: &[&str] = &[
    "company.name=Spreemarkt",
    "location.workplace=on-site",
    "location.city=Berlin",
    "location.country=DE",
    "apply.url=https://example.com/jobs",
    // Germany's law asks for pay: the employer gives it.
    "pay.min=14.5",
    "pay.max=16",
    "pay.period=hour",
];

/// A Berlin cashier written by a German-speaking recruiter: every question in
/// German, the place before the title, the preset's title and duties offered in
/// German, the marker chosen ("(w/m/d)", not the usual "(m/w/d)"), named with
/// the AGG by the title's help, saved, and rendered.
#[test]
fn a_berlin_cashier_is_asked_in_german_and_the_chosen_marker_is_saved() {
    let _de = ui::scope(Lang::De);
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), BERLIN);
    let keys = vec![
        EnterUntil("Geschlechtszusatz nach dem Titel"),
        Pick(1),
        EnterUntil("Diese Stellenanzeige speichern?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &Registry::load(None).unwrap(), &s);
    let q = asked(&script);
    for question in [
        "Über das Unternehmen",
        "Stellenbezeichnung",
        "Anstellungsart",
        "Tägliche Aufgaben",
        "Währung",
    ] {
        assert!(q.contains(&question), "{question} in {q:?}");
    }
    no_english_question(&script);
    let title_help = script.help_at("Stellenbezeichnung").join("\n");
    assert!(
        title_help.contains("„(w/m/d)“") && title_help.contains("§ 11 AGG"),
        "the marker chosen just before: {title_help}"
    );
    // In German the place (and with it the marker) comes before the title.
    let at = |question: &str| q.iter().position(|x| *x == question).unwrap();
    assert!(at("Postleitzahl") < at("Geschlechtszusatz nach dem Titel"));
    assert!(at("Geschlechtszusatz nach dem Titel") < at("Stellenbezeichnung"));
    assert_eq!(
        script.offered_at("Geschlechtszusatz nach dem Titel"),
        [
            "(m/w/d) (die übliche Form)",
            "(w/m/d)",
            "(all genders)",
            "Keine: der Titel ist bereits neutral"
        ]
    );
    let marker_help = script
        .help_at("Geschlechtszusatz nach dem Titel")
        .join("\n");
    assert!(
        marker_help.contains("§ 11 AGG") && marker_help.contains("„Kassierer (m/w/d)“"),
        "{marker_help}"
    );
    assert!(script.offered_at("Anstellungsart").contains(&"Vollzeit"));
    // The place is given, so the preset's text is offered in German from the start.
    assert_eq!(script.offered_at("Stellenbezeichnung"), ["Kassierer"]);
    let daily = script.offered_at("Tägliche Aufgaben");
    assert!(
        daily.iter().any(|d| d.contains("Wechselgeld"))
            && !daily.iter().any(|d| d.contains("register")),
        "{daily:?}"
    );
    assert!(
        script.log.iter().any(|l| l.contains("Zusammenfassung")),
        "the summary's heading is German"
    );
    let posting = std::fs::read_to_string(&done.posting).unwrap();
    for line in [
        "title_marker = \"(w/m/d)\"",
        "country = \"DE\"",
        "role = \"cashier\"",
    ] {
        assert!(posting.contains(line), "{line} in {posting}");
    }
    assert!(
        !posting.contains("locale ="),
        "the place decides: {posting}"
    );
    let report = done.report();
    assert!(
        report.contains(" geschrieben; erneut ausgeben mit: jobpost render "),
        "{report}"
    );
    let md = std::fs::read_to_string(done.output.unwrap()).unwrap();
    assert!(md.contains("Kassierer (w/m/d)"), "{md}");
}

/// A Montreal cashier written by a French-speaking recruiter: every question in
/// French, the preset's text in French, the usual "(F/H)" kept with Enter (so
/// nothing is written: render adds it), and the posting reads in fr-CA because
/// the job is in Quebec.
#[test]
fn a_montreal_cashier_is_asked_in_french_and_the_usual_marker_is_not_written() {
    let _fr = ui::scope(Lang::Fr);
    let dir = tempfile::tempdir().unwrap();
    let sets = [
        "company.name=Dépanneur Mont-Royal",
        "location.workplace=on-site",
        "location.city=Montréal",
        "location.region=QC",
        "location.country=CA",
        "apply.url=https://example.com/emplois",
    ];
    let s = settings(dir.path(), &sets);
    let keys = vec![EnterUntil("Enregistrer cette offre ?"), Yes, No];
    let mut script = Script::new(keys);
    let done = run(&mut script, &Registry::load(None).unwrap(), &s);
    let q = asked(&script);
    for question in [
        "À propos de l'entreprise",
        "Intitulé du poste",
        "Mention de genre après l'intitulé",
        "Type de contrat",
        "Tâches quotidiennes",
    ] {
        assert!(q.contains(&question), "{question} in {q:?}");
    }
    no_english_question(&script);
    let offered = script.offered_at("Mention de genre après l'intitulé");
    assert_eq!(offered.first(), Some(&"(F/H) (la forme usuelle)"));
    assert!(offered.contains(&"(H/F)"), "{offered:?}");
    assert!(
        script
            .offered_at("Type de contrat")
            .contains(&"Temps plein")
    );
    assert!(script.log.iter().any(|l| l.contains("Récapitulatif")));
    let posting = std::fs::read_to_string(&done.posting).unwrap();
    assert!(!posting.contains("title_marker"), "{posting}");
    assert!(!posting.contains("locale ="), "{posting}");
    assert!(posting.contains("region = \"QC\""), "{posting}");
    let md = std::fs::read_to_string(done.output.unwrap()).unwrap();
    assert!(md.contains("# Caissier (F/H)"), "{md}");
}

/// An English-speaking recruiter hiring in Berlin: asked in English, the marker
/// too (the posting is German all the same); "None" writes `none`.
#[test]
fn an_english_speaking_recruiter_is_asked_the_marker_of_a_berlin_job_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), BERLIN);
    let keys = vec![
        EnterUntil("Gender marker after the title"),
        Pick(3),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &Registry::load(None).unwrap(), &s);
    let help = script.help_at("Gender marker after the title").join("\n");
    assert!(help.contains("AGG §11"), "{help}");
    assert!(asked(&script).contains(&"Job title"));
    let posting = std::fs::read_to_string(&done.posting).unwrap();
    assert!(posting.contains("title_marker = \"none\""), "{posting}");
}

/// A user's German cashier (`ROLES/de/cashier.toml`): once the place is known
/// to be Germany, the duties offered are the German ones, and kept as they are
/// they stay in the preset (the file does not copy them), as render loads them.
#[test]
fn preset_text_is_offered_in_the_language_of_the_place() {
    let _de = ui::scope(Lang::De);
    let roles = tempfile::tempdir().unwrap();
    // A roles folder holds presets of its own beside its languages' folders.
    std::fs::write(
        roles.path().join("kiosk.toml"),
        "name = \"Kiosk attendant\"\nindustry = \"Retail\"\nextends = \"cashier\"\n",
    )
    .unwrap();
    std::fs::create_dir(roles.path().join("de")).unwrap();
    std::fs::write(
        roles.path().join("de/cashier.toml"),
        "name = \"Kassierer\"\nindustry = \"Einzelhandel\"\nextends = \"retail-customer-service\"\n\
         title = \"Kassierer\"\n\n[duties]\ndaily = [\n  \"Waren scannen und an der Kasse kassieren\",\n  \
         \"Wechselgeld korrekt herausgeben\",\n]\n",
    )
    .unwrap();
    let registry = Registry::load(Some(roles.path())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let unplaced: Vec<&str> = BERLIN
        .iter()
        .copied()
        .filter(|s| !s.starts_with("location.country"))
        .collect();
    let s = settings(dir.path(), &unplaced);
    let keys = vec![
        EnterUntil("Land (ISO-Code)"),
        Key::Type("DE".into()),
        EnterUntil("Diese Stellenanzeige speichern?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &registry, &s);
    // The country is asked before the title in German, so the title offered is
    // the German one.
    assert_eq!(script.offered_at("Stellenbezeichnung"), ["Kassierer"]);
    let daily = script.offered_at("Tägliche Aufgaben");
    assert_eq!(
        daily,
        [
            "Waren scannen und an der Kasse kassieren",
            "Wechselgeld korrekt herausgeben"
        ]
    );
    let posting = std::fs::read_to_string(&done.posting).unwrap();
    assert!(!posting.contains("daily"), "kept preset text: {posting}");
    assert!(!posting.contains("title ="), "kept preset title: {posting}");
    let md = std::fs::read_to_string(done.output.unwrap()).unwrap();
    assert!(
        md.contains("Kassierer (m/w/d)") && md.contains("Wechselgeld"),
        "{md}"
    );
}

/// The role is asked before the place, so the list names the roles in the
/// user's language where a preset is written in it, and finds them by those
/// names as by the English ones.
#[test]
fn a_german_speaker_finds_the_roles_by_their_german_names() {
    let _de = ui::scope(Lang::De);
    let dir = tempfile::tempdir().unwrap();
    let mut s = settings(dir.path(), BERLIN);
    s.inputs.role = None;
    let keys = vec![Key::Type("Kassierer".into()), Key::CtrlC];
    let mut script = Script::new(keys);
    let renderer = Templates::new(None).unwrap();
    let registry = Registry::load(None).unwrap();
    let stopped = flow::run(&mut script, &registry, &renderer, &s);
    assert!(stopped.is_err(), "stopped at the next question");
    let roles = script.offered_at("Rolle als Ausgangspunkt");
    assert!(
        roles
            .iter()
            .any(|r| r.starts_with("Kassierer/-in") && r.ends_with("· Einzelhandel")),
        "{roles:?}"
    );
    assert_eq!(
        roles.first(),
        Some(&"(tippen Sie, um die Rollen zu durchsuchen)")
    );
    let draft = std::fs::read_to_string(dir.path().join("posting.draft.toml")).unwrap();
    assert!(draft.contains("role = \"cashier\""), "{draft}");
}
