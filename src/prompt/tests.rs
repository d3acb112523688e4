//! Tests of the flow with scripted answers: order of questions, checks, going
//! back, drafts and resuming, and that the saved file renders as previewed.

use std::path::{Path, PathBuf};

use super::fields::Section;
use super::script::{Key, Script};
use super::{Settings, Target, draft, finish, flow};
use crate::error::Error;
use crate::format::{self, Format};
use crate::load::{self, Inputs};
use crate::preset::Registry;
use crate::render::Templates;

use Key::{CtrlC, Enter, EnterUntil, Esc, No, Pick, Tab, Ticks, Type, Yes};

pub(super) fn settings(dir: &Path, role: Option<&str>, sets: &[&str]) -> Settings {
    Settings {
        inputs: Inputs {
            role: role.map(str::to_string),
            sets: sets.iter().map(|s| s.to_string()).collect(),
            ..Inputs::default()
        },
        save: dir.join("posting.toml"),
        output: Target::BesidePosting,
        format: Format::MD,
        force: false,
        resume: None,
        answered: Default::default(),
        today: Some("2026-12-05".parse().unwrap()),
    }
}

/// The employer facts of a job in a place with no pay-transparency law (Austin,
/// Texas), so Enter can go through every question.
const EMPLOYER: &[&str] = &[
    "company.name=Acme Stores",
    "location.workplace=on-site",
    "location.city=Austin",
    "location.region=TX",
    "location.country=US",
    "apply.url=https://example.com/jobs",
];

fn run(script: &mut Script, settings: &Settings) -> crate::error::Result<finish::Done> {
    let registry = Registry::load(None).unwrap();
    let renderer = Templates::new(None).unwrap();
    flow::run(script, &registry, &renderer, settings)
}

fn asked(script: &Script) -> Vec<&str> {
    script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("? "))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// What `jobpost render FILE` prints.
fn render_file(path: &Path) -> String {
    let registry = Registry::load(None).unwrap();
    let inputs = Inputs {
        file: Some(path.to_path_buf()),
        ..Inputs::default()
    };
    let merged = load::load(&registry, &inputs).unwrap();
    crate::validate::validate(&merged).unwrap();
    format::render(&Templates::new(None).unwrap(), &merged, Format::MD, None)
        .unwrap()
        .into_text(Format::MD)
        .unwrap()
}

/// A job in the UK: the school levels read as UK job seekers know them, and Enter
/// on the employment type and the pay period picks a value, since a posting
/// needs both.
#[test]
fn a_uk_job_is_offered_uk_school_levels_and_starts_choices_on_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let sets = [
        "company.name=Northern Larder",
        "location.workplace=on-site",
        "location.city=Manchester",
        "location.country=GB",
        "apply.url=https://example.com/jobs",
    ];
    let s = settings(dir.path(), Some("cashier"), &sets);
    let mut script = Script::new(vec![Enter; 60]);
    let done = run(&mut script, &s);
    let done = done.unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let levels = script.offered_at("Education");
    assert!(levels.contains(&"GCSEs or equivalent"), "{levels:?}");
    assert!(
        !levels.iter().any(|l| l.contains("High school")),
        "{levels:?}"
    );
    let posting = read(&done.posting);
    for line in ["employment_type = \"full-time\"", "currency = \"GBP\""] {
        assert!(posting.contains(line), "{line} in {posting}");
    }
}

/// Ontario's law asks postings whether AI screens applicants and whether the
/// vacancy exists: asked for a job there (the province typed in full), not
/// elsewhere.
#[test]
fn ontario_jobs_are_asked_the_statements_its_law_requires() {
    let asked_in = |region: &str, country: &str| {
        let dir = tempfile::tempdir().unwrap();
        let region = format!("location.region={region}");
        let country = format!("location.country={country}");
        let sets = [
            "company.name=Maple Street Clinics",
            "location.workplace=on-site",
            "location.city=Toronto",
            region.as_str(),
            country.as_str(),
            "apply.url=https://example.com/jobs",
            "pay.min=20",
            "pay.max=24",
        ];
        let s = settings(dir.path(), Some("cashier"), &sets);
        // Enter alone makes no statement for the employer: each is asked again
        // until one is picked (the second choice, "not used" / "not existing").
        let mut keys = vec![EnterUntil(
            "Is AI used to screen, assess or select applicants?",
        )];
        keys.extend([Enter, Pick(2), Enter, Pick(1)]);
        keys.extend(vec![Enter; 60]);
        let keys = match region.as_str() {
            "location.region=Ontario" => keys,
            _ => vec![Enter; 60],
        };
        let mut script = Script::new(keys);
        let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
        let q: Vec<String> = asked(&script).into_iter().map(str::to_string).collect();
        (q, read(&done.posting))
    };
    let (q, posting) = asked_in("Ontario", "CA");
    for question in [
        "Is AI used to screen, assess or select applicants?",
        "Is this posting for an existing vacancy?",
    ] {
        assert!(q.iter().any(|m| m == question), "{question}: {q:?}");
    }
    for line in ["ai_screening = \"not-used\"", "vacancy = \"existing\""] {
        assert!(posting.contains(line), "{line} in {posting}");
    }
    let (q, _) = asked_in("Alberta", "CA");
    assert!(!q.iter().any(|m| m.starts_with("Is AI used")), "{q:?}");
}

/// The role search finds a preset by the words of the UK: "contact centre".
#[test]
fn the_role_search_finds_a_role_by_its_local_words() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), None, EMPLOYER);
    let mut keys = vec![Type("contact centre".into())];
    keys.extend(vec![Enter; 60]);
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let posting = read(&done.posting);
    assert!(
        posting.contains("role = \"call-center-customer-service\""),
        "{posting}"
    );
}

#[test]
fn enter_everywhere_accepts_the_preset_and_renders_as_previewed() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), EMPLOYER);
    let mut script = Script::new(vec![Enter; 60]);
    let done = run(&mut script, &s).unwrap();
    let q = asked(&script);
    assert_eq!(
        q.first(),
        Some(&"About the company"),
        "role and given company name are not asked"
    );
    assert!(!q.contains(&"Employer (company name)"));
    assert!(q.contains(&"Employment type") && q.contains(&"Apply by (YYYY-MM-DD)"));
    assert!(
        !q.iter().any(|m| m.starts_with("Countries applicants")),
        "applicant countries are asked for remote jobs only"
    );
    assert_eq!(q[q.len() - 2], "Save this posting?");
    assert!(
        q.last()
            .unwrap()
            .starts_with("Save the employer's answers as")
    );
    assert_eq!(done.profile, Some(dir.path().join("company.toml")));
    let posting = read(&done.posting);
    assert!(posting.contains("role = \"cashier\""), "{posting}");
    assert!(
        !posting.contains("title ="),
        "accepted defaults stay in the preset: {posting}"
    );
    let output = read(done.output.as_ref().unwrap());
    assert_eq!(output, render_file(&done.posting));
    assert!(
        !posting.contains("min =") && !posting.contains("benefits"),
        "Enter never takes the preset's suggested pay: {posting}"
    );
    assert!(
        posting.contains("currency = \"USD\""),
        "the currency follows the country: {posting}"
    );
    assert!(
        script
            .log
            .iter()
            .any(|l| l.starts_with("> ") && l.contains(&output))
    );
}

#[test]
fn typed_values_are_checked_and_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), None, &[]);
    let keys = vec![
        Enter,    // no silent default: asked again
        Pick(15), // cashier
        Enter,    // employer: needed
        Type("Acme Stores".into()),
        Pick(1), // about: write it in the editor
        Type("We sell *everything*.\n\nSince 1990.".into()),
        Type("example.com".into()), // no scheme: rejected
        Type("https://example.com".into()),
        Type("HEAD CASHIER".into()), // shouting: rejected
        Type("Head Cashier".into()), // title
        Type("REQ-7".into()),        // reference
        Pick(1),                     // hybrid
        Type("1 Main St".into()),
        Type("Denver".into()),
        Type("CO".into()),
        Type("80202".into()),
        Type("Untied States".into()), // no such country: rejected
        Type("usa".into()),           // a short form, written as its ISO code
        Enter,                        // locale: the country's
        Pick(0),                      // full-time
        Type("200".into()),           // hours: impossible
        Type("40".into()),
        Pick(1), // purpose: write a new one
        Type("You run the front end.".into()),
        Ticks(vec![0]), // keep one daily duty
        Type("Train new cashiers".into()),
        Enter,
        Ticks(vec![]), // no weekly duties
        Enter,
        Enter,
        Enter,
        Enter,
        Enter,                   // skills as they are
        EnterUntil("Education"), // qualifications as they are
        Pick(2),                 // education
        Type("lots".into()),     // not a number
        Type("12".into()),       // experience
        Type("A busy store".into()),
        Enter,
        Enter,              // physical demands
        Type("usd".into()), // lower case: rejected
        Enter,              // USD, from the country
        Pick(0),            // period: per hour (nothing is filled in for the employer)
        Type("30".into()),  // min
        Type("20".into()),  // max below min: rejected
        Type("35".into()),
        Ticks(vec![0]),
        Type("Free parking".into()),
        Enter,
        Type("Tips".into()),
        Type("Weekends".into()),
        Enter, // date posted: today, offered
        Enter, // deadline: Colorado's law needs it
        Type("2026-12-31".into()),
        Type("https://example.com/jobs".into()),
        Type("jobs@example".into()), // no dotted domain: rejected
        Type("jobs@example.com".into()),
        Type("Send your resume.".into()),
        Enter, // no equal-opportunity statement
        Yes,
        Yes, // keep the employer's answers as company.toml
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s);
    let done = done.unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let profile = read(&dir.path().join("company.toml"));
    for line in [
        "# jobpost: partial",
        "name = \"Acme Stores\"",
        "country = \"US\"",
        "currency = \"USD\"",
        "\"Free parking\"",
        "instructions = \"Send your resume.\"",
    ] {
        assert!(profile.contains(line), "`{line}` in {profile}");
    }
    assert!(
        !profile.contains("min ="),
        "pay figures are per posting: {profile}"
    );
    let rejected: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("! "))
        .collect();
    assert_eq!(rejected.len(), 10, "{rejected:?}");
    assert!(
        rejected.iter().any(|r| r.starts_with(
            "Colorado's Equal Pay for Equal Work Act requires the application deadline"
        )),
        "{rejected:?}"
    );
    assert!(
        script.log.iter().any(|l| l.starts_with("> Choose a role")),
        "Enter on the role list chooses nothing"
    );
    assert!(
        rejected.contains(&"pay.min (30) is above pay.max (20)"),
        "{rejected:?}"
    );
    let p = load::load(
        &Registry::load(None).unwrap(),
        &Inputs {
            file: Some(done.posting.clone()),
            ..Inputs::default()
        },
    )
    .unwrap()
    .posting;
    assert_eq!(p.title.as_deref(), Some("Head Cashier"));
    assert_eq!(
        p.posted.map(|d| d.to_string()).as_deref(),
        Some("2026-12-05"),
        "Enter keeps today as the date posted"
    );
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("US"),
        "`usa` is written as its code"
    );
    let pay = p.pay.unwrap();
    assert_eq!((pay.min, pay.max), (Some(30.0), Some(35.0)));
    assert_eq!(
        pay.benefits.unwrap().last().map(String::as_str),
        Some("Free parking")
    );
    assert_eq!(p.duties.as_ref().unwrap().weekly.as_deref(), Some(&[][..]));
    assert_eq!(p.qualifications.unwrap().experience_months, Some(12));
    assert_eq!(p.reference.as_deref(), Some("REQ-7"));
    assert!(p.apply_by.is_some());
    assert!(
        p.company
            .unwrap()
            .about
            .unwrap()
            .contains("\n\nSince 1990.")
    );
    assert_eq!(
        read(done.output.as_ref().unwrap()),
        render_file(&done.posting)
    );
}

#[test]
fn esc_goes_back_one_question_and_stays_at_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), &["company.name=Acme"]);
    let keys = [
        Esc, // the first question: stays
        Enter,
        Enter,
        Type("Lead Cashier".into()),
        Esc,
        Enter,
        CtrlC,
    ];
    let mut script = Script::new(keys);
    let err = run(&mut script, &s).unwrap_err();
    assert_eq!(
        asked(&script),
        [
            "About the company",
            "About the company",
            "Company website",
            "Job title",
            "Your reference for this job (e.g. REQ-1042)",
            "Job title",
            "Your reference for this job (e.g. REQ-1042)"
        ]
    );
    let Error::Interrupted(path) = err else {
        panic!("{err}")
    };
    assert_eq!(path, dir.path().join("posting.draft.toml"));
    assert!(read(&path).contains("title = \"Lead Cashier\""));
}

#[test]
fn ctrl_c_saves_a_draft_and_resume_goes_on_from_the_first_unanswered() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), None, &[]);
    let mut nothing = Script::new([CtrlC]);
    assert!(
        matches!(run(&mut nothing, &s), Err(Error::Cancelled)),
        "Ctrl-C before any answer keeps no draft"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    let keys = [
        Pick(15),
        Type("Acme".into()),
        Enter,
        Enter,
        Type("Night Cashier".into()),
        CtrlC,
    ];
    let mut script = Script::new(keys);
    let Err(Error::Interrupted(draft_path)) = run(&mut script, &s) else {
        panic!("expected an interrupt")
    };
    let header = draft::read_header(&draft_path).unwrap();
    assert_eq!(header.answered.len(), 5, "{:?}", header.answered);
    let mut resumed = settings(dir.path(), None, &[]);
    resumed.inputs.file = Some(draft_path.clone());
    resumed.resume = Some(draft_path.clone());
    resumed.answered = header.answered;
    let mut script = Script::new([
        Enter,
        Pick(0),
        Type("Austin".into()),
        Type("TX".into()),
        Enter,
        Type("US".into()),
        EnterUntil("Application page"),
        Type("https://example.com/jobs".into()),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ]);
    let done = run(&mut script, &resumed).unwrap();
    assert_eq!(
        asked(&script)[0],
        "Your reference for this job (e.g. REQ-1042)"
    );
    assert_eq!(
        script.log[0],
        format!(
            "> Continuing the draft {}: 5 answers restored; going on at “Your reference for this job (e.g. REQ-1042)”.",
            draft_path.display()
        )
    );
    assert!(read(&done.posting).contains("title = \"Night Cashier\""));
    assert!(!draft_path.exists(), "the finished draft is removed");
    assert_eq!(done.removed_draft, Some(draft_path));
}

#[test]
fn given_values_are_asked_only_when_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[0] = "company.name=Acme";
    let s = settings(dir.path(), Some("cashier"), &sets);
    let keys = [
        EnterUntil("Save this posting?"),
        No,
        Pick(1),
        Type("Acme Stores".into()),
        Enter,
        Enter,
        Yes,
        No, // no company profile
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap();
    assert!(!dir.path().join("company.toml").exists());
    assert_eq!(done.profile, None);
    let q = asked(&script);
    let review = q
        .iter()
        .position(|m| *m == "Which part do you want to change?")
        .unwrap();
    let offer = format!(
        "Save the employer's answers as {} for your next posting?",
        dir.path().join("company.toml").display()
    );
    assert_eq!(
        q[review + 1..],
        [
            "Employer (company name)",
            "About the company",
            "Company website",
            "Save this posting?",
            offer.as_str(),
        ]
    );
    assert!(read(&done.posting).contains("name = \"Acme Stores\""));
}

#[test]
fn an_existing_posting_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("posting.toml"), "keep me").unwrap();
    let s = settings(dir.path(), Some("cashier"), EMPLOYER);
    let mut script = Script::new(vec![Enter; 60]);
    let done = run(&mut script, &s).unwrap();
    assert_eq!(done.posting, dir.path().join("posting-2.toml"));
    assert_eq!(done.output, Some(dir.path().join("posting-2.md")));
    assert_eq!(read(&dir.path().join("posting.toml")), "keep me");
}

#[test]
fn defaults_list_every_missing_field() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), None, &["pay.min=3"]);
    let registry = Registry::load(None).unwrap();
    let err = finish::defaults(&registry, &Templates::new(None).unwrap(), &s).unwrap_err();
    let msg = err.to_string();
    for field in ["title", "purpose", "pay.currency", "pay.period"] {
        assert!(
            msg.contains(&format!("{field}: missing")),
            "{field} in {msg}"
        );
    }
    assert!(!dir.path().join("posting.toml").exists());
}

#[test]
fn defaults_write_the_preset_with_given_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = settings(
        dir.path(),
        Some("bank-teller"),
        &["company.name=First Bank"],
    );
    s.output = Target::Stdout;
    let registry = Registry::load(None).unwrap();
    let done = finish::defaults(&registry, &Templates::new(None).unwrap(), &s).unwrap();
    assert_eq!(
        done.stdout.as_deref(),
        Some(render_file(&done.posting).as_str())
    );
    let _: PathBuf = done.posting;
}

#[test]
fn values_from_a_file_are_not_asked_unless_they_break_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("from.toml");
    std::fs::write(
        &from,
        "role = \"cashier\"\ntitle = \"Cashier\"\n[pay]\ncurrency = \"usd\"\n",
    )
    .unwrap();
    let mut s = settings(dir.path(), None, EMPLOYER);
    s.inputs.file = Some(from);
    let keys = [
        EnterUntil("Pay currency"),
        Type("EUR".into()),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap();
    let q = asked(&script);
    assert_eq!(
        q[0], "About the company",
        "role and title come from the file"
    );
    assert!(!q.contains(&"Job title"));
    assert!(
        q.contains(&"Pay currency"),
        "a bad given value is asked again"
    );
    let posting = read(&done.posting);
    assert!(
        posting.contains("title = \"Cashier\""),
        "given values are kept: {posting}"
    );
    assert!(posting.contains("currency = \"EUR\""), "{posting}");
}

#[test]
fn a_failed_write_keeps_the_answers_in_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = settings(
        &dir.path().join("no-such-folder"),
        Some("cashier"),
        EMPLOYER,
    );
    s.output = Target::Stdout;
    let keys = [
        EnterUntil("Job title"),
        Type("Floor Cashier".into()),
        EnterUntil("Save this posting?"),
        Yes,
    ];
    let Err(Error::Interrupted(draft)) = run(&mut Script::new(keys), &s) else {
        panic!("expected the answers in a draft")
    };
    let text = read(&draft);
    std::fs::remove_file(&draft).unwrap();
    assert!(
        draft.starts_with(std::env::temp_dir()),
        "{}",
        draft.display()
    );
    assert!(text.contains("title = \"Floor Cashier\""), "{text}");
}

#[test]
fn suggestions_are_taken_with_tab_and_ticks_only() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), EMPLOYER);
    let mut keys = vec![
        EnterUntil("Pay currency"),
        Enter,   // USD, from the country
        Pick(0), // per hour
        Tab,     // pay from: the suggestion
        Type("19".into()),
        Ticks(vec![0]), // the first suggested benefit
    ];
    keys.extend(vec![Enter; 20]);
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap();
    let registry = Registry::load(None).unwrap();
    let hints = load::preset(&registry, "cashier").unwrap().hints;
    let hint = |path: &str| hints[path].value();
    let pay = load::load(
        &registry,
        &Inputs {
            file: Some(done.posting.clone()),
            ..Inputs::default()
        },
    )
    .unwrap()
    .posting
    .pay
    .unwrap();
    assert_eq!(pay.currency.as_deref(), hint("pay.currency").as_str());
    assert_eq!(pay.min, hint("pay.min").as_float());
    assert_eq!(pay.max, Some(19.0));
    let first = hint("pay.benefits").as_array().unwrap()[0].clone();
    assert_eq!(pay.benefits.unwrap(), [first.as_str().unwrap()]);
}

#[test]
fn a_company_profile_beside_the_posting_is_offered_and_not_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("company.toml"),
        "# jobpost: partial\n[company]\nname = \"Acme Stores\"\n[pay]\ncurrency = \"CAD\"\n",
    )
    .unwrap();
    let s = settings(dir.path(), Some("cashier"), &EMPLOYER[1..]);
    let mut script = Script::new(vec![Yes, EnterUntil("Save this posting?"), Yes]);
    let done = run(&mut script, &s).unwrap();
    let q = asked(&script);
    assert!(q[0].starts_with("Use the company profile"), "{q:?}");
    assert!(!q.contains(&"Employer (company name)") && !q.contains(&"Pay currency"));
    assert_eq!(done.profile, None, "the profile exists: not offered again");
    let posting = read(&done.posting);
    assert!(posting.contains("currency = \"CAD\""), "{posting}");
}

#[test]
fn the_law_of_the_place_decides_what_cannot_be_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[2] = "location.city=Denver";
    sets[3] = "location.region=CO";
    let s = settings(dir.path(), Some("cashier"), &sets);
    let keys = [
        EnterUntil("Pay from"),
        Enter, // Colorado: pay cannot be left out
        Type("-".into()),
        Type("18".into()),
        Type("20".into()),
        Enter, // no benefit ticked or added: asked again
        Enter,
        Ticks(vec![0]),
        EnterUntil("Apply by (YYYY-MM-DD)"),
        Type("2026-12-31".into()),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap();
    let rejected: Vec<&str> = script
        .log
        .iter()
        .filter_map(|l| l.strip_prefix("! "))
        .collect();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert!(
        rejected[0].starts_with("Colorado's Equal Pay for Equal Work Act requires the pay rate"),
        "{rejected:?}"
    );
    assert!(
        script
            .log
            .iter()
            .any(|l| l.contains("requires a general description of benefits; tick or add")),
        "{:?}",
        script.log
    );
    assert!(read(&done.posting).contains("apply_by = 2026-12-31"));
}

#[test]
fn the_country_sets_the_currency_and_figures_follow_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[2] = "location.city=London";
    sets[3] = "location.country=GB";
    sets[4] = "location.postal_code=EC1A 1BB";
    let s = settings(dir.path(), Some("cashier"), &sets);
    let keys = [
        EnterUntil("Pay currency"),
        Enter,   // GBP
        Pick(0), // per hour
        Type("15".into()),
        Type("17.5".into()),
        Esc, // from the benefits back to the figures and the period
        Esc,
        Esc,
        Pick(4), // per year
        Type("15".into()),
        Enter, // the hourly figure given turned into a yearly one
        Enter,
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap();
    assert!(
        script
            .log
            .contains(&"! GBP 15 per year looks like an hourly rate; check the figure or go back (Esc) to the period".to_string()),
        "{:?}",
        script.log
    );
    let posting = read(&done.posting);
    for line in [
        "currency = \"GBP\"",
        "period = \"year\"",
        "min = 31000.0",
        "max = 36500.0",
    ] {
        assert!(posting.contains(line), "`{line}` in {posting}");
    }
    // The preset's band is in US dollars: no figure is offered for pay in pounds.
    // The first time pay is asked, nothing is offered; later, the figures given.
    assert_eq!(script.offered_at("Pay from"), ["", "15", "31000"]);
}

#[test]
fn defaults_name_the_facts_the_law_requires() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[2] = "location.city=Chicago";
    sets[3] = "location.region=IL";
    let s = settings(dir.path(), Some("cashier"), &sets);
    let registry = Registry::load(None).unwrap();
    let err = finish::defaults(&registry, &Templates::new(None).unwrap(), &s).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("pay.min or pay.max: the Illinois Equal Pay Act"),
        "{msg}"
    );
    assert!(msg.contains("pay.benefits: the Illinois"), "{msg}");
    assert!(!dir.path().join("posting.toml").exists());
}

#[test]
fn a_lint_error_in_the_summary_leads_to_the_question_that_fixes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[2] = "location.city=Toronto";
    sets[3] = "location.region=ON";
    sets[4] = "location.country=CA";
    sets.extend([
        "pay.currency=CAD",
        "pay.period=year",
        "pay.min=40000",
        "pay.max=100000",
        // Ontario's statements, given, so they are not asked.
        "apply.ai_screening=not-used",
        "apply.vacancy=existing",
    ]);
    let s = settings(dir.path(), Some("cashier"), &sets);
    let keys = [
        EnterUntil("The summary shows lint errors: fix now?"),
        Enter, // fix the first: the top of the range
        Type("80000".into()),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let q = asked(&script);
    let fix = q
        .iter()
        .position(|m| *m == "The summary shows lint errors: fix now?")
        .unwrap();
    assert_eq!(q[fix + 1], "Pay up to", "{q:?}");
    assert!(
        script
            .log
            .iter()
            .any(|l| l.contains("error[pay-range-too-wide]")),
        "{:?}",
        script.log
    );
    assert!(read(&done.posting).contains("max = 80000.0"));
}

#[test]
fn summary_findings_name_the_field_and_item_not_a_line_of_the_unwritten_file() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), EMPLOYER);
    let registry = Registry::load(None).unwrap();
    let daily = load::preset(&registry, "cashier").unwrap().slots["duties.daily"].value();
    let daily = daily.as_array().unwrap();
    let first = daily[0].as_str().unwrap();
    let keys = vec![
        EnterUntil("Add a daily duty (Enter when done)"),
        Type(format!("{first}.")),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let summary = script
        .log
        .iter()
        .find(|l| l.starts_with("> ── Summary"))
        .expect("a summary");
    let finding = summary
        .lines()
        .find(|l| l.contains("[duplicate-bullet]"))
        .unwrap_or_else(|| panic!("no duplicate-bullet in:\n{summary}\n{:#?}", script.log));
    let added = daily.len() + 1;
    assert_eq!(
        finding,
        format!(
            "  ! warning[duplicate-bullet] duties.daily item {added}: \
             bullet repeats the one at duties.daily item 1"
        )
    );
    assert!(!summary.contains(" line "), "{summary}");
}

#[test]
fn line_references_become_fields() {
    let places: Vec<String> = ["", "title", "duties.daily item 1", ""]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let cases = [
        (
            "repeats the one on line 2",
            "repeats the one at duties.daily item 1",
        ),
        ("as line 1 says", "as title says"),
        // No field there (the role), out of range, or not the word `line`.
        ("repeats the one on line 3", "repeats the one on line 3"),
        ("repeats the one on line 99", "repeats the one on line 99"),
        ("the deadline 2 days on", "the deadline 2 days on"),
        ("on line 2 and line 1", "at duties.daily item 1 and title"),
    ];
    for (message, expected) in cases {
        assert_eq!(finish::unlined(message, &places), expected, "{message}");
    }
}

#[test]
fn findings_about_the_whole_posting_name_no_field() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), EMPLOYER);
    let mut script = Script::new([EnterUntil("Save this posting?"), Yes, No]);
    run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let summary = script
        .log
        .iter()
        .find(|l| l.starts_with("> ── Summary"))
        .unwrap();
    assert!(
        summary.contains("  ! warning[missing-section]: posting has no pay section\n"),
        "{summary}"
    );
}

/// The locale tags in the order the wizard offers them.
fn locale_index(tag: &str) -> usize {
    crate::locale::tags().position(|t| t == tag).unwrap()
}

#[test]
fn the_locale_follows_the_country_and_only_another_one_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[2] = "location.city=London";
    sets[3] = "location.region=England";
    sets[4] = "location.country=GB";
    sets.push("apply_by=2027-02-01");
    let s = settings(dir.path(), Some("cashier"), &sets);
    // Enter keeps the country's locale: nothing is written, the place decides.
    let mut script = Script::new([EnterUntil("Save this posting?"), Yes, No]);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    assert!(asked(&script).contains(&"Locale (how the posting reads)"));
    let posting = read(&done.posting);
    assert!(!posting.contains("locale"), "{posting}");
    let preview = script
        .log
        .iter()
        .find(|l| l.starts_with("> ── Summary"))
        .unwrap();
    // en-GB: day-month dates, kilograms.
    for text in ["Apply by 1 February 2027", "up to 11 kg, such as"] {
        assert!(
            preview.contains(text),
            "`{text}` in the preview:\n{preview}"
        );
    }
    assert!(preview.ends_with(&format!(
        "{}────────────────────────────────────────────────────────────",
        render_file(&done.posting)
    )));

    // Another locale is written, and the preview reads in it.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let s = settings(&other, Some("cashier"), &sets);
    let keys = [
        EnterUntil("Locale (how the posting reads)"),
        Pick(locale_index("en-CA")),
        EnterUntil("Save this posting?"),
        Yes,
        No,
    ];
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    assert!(read(&done.posting).contains("locale = \"en-CA\""));
    let preview = script
        .log
        .iter()
        .find(|l| l.starts_with("> ── Summary"))
        .unwrap();
    assert!(preview.contains("11 kg (25 lb)"), "{preview}");
}

#[test]
fn a_remote_role_takes_the_locale_of_the_first_applicant_country() {
    let dir = tempfile::tempdir().unwrap();
    let mut sets = EMPLOYER.to_vec();
    sets[1] = "location.workplace=remote";
    sets.push("location.applicant_countries=[\"CA\", \"US\"]");
    let s = settings(dir.path(), Some("cashier"), &sets);
    let mut script = Script::new([EnterUntil("Save this posting?"), Yes, No]);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let posting = read(&done.posting);
    assert!(!posting.contains("locale"), "{posting}");
    let preview = script
        .log
        .iter()
        .find(|l| l.starts_with("> ── Summary"))
        .unwrap();
    assert!(
        preview.contains("11 kg (25 lb)"),
        "en-CA weights: {preview}"
    );
}

#[test]
fn every_value_and_item_gets_a_line_of_its_own() {
    let registry = Registry::load(None).unwrap();
    let inputs = Inputs {
        role: Some("cashier".into()),
        sets: vec!["title=Head Cashier".into()],
        ..Inputs::default()
    };
    let merged = load::load(&registry, &inputs).unwrap();
    let (placed, places) = finish::placed(&merged, "posting.toml");
    assert_eq!(places[..2], ["", ""], "1:1 is no field");
    let daily = merged.slots["duties.daily"].value();
    let daily = daily.as_array().unwrap();
    let mut lines = std::collections::BTreeSet::new();
    for (path, slot) in &placed.slots {
        match slot {
            load::Slot::Value(_, o) => {
                assert!(lines.insert(o.pos.unwrap().line));
                let expected = if path == "role" { "" } else { path.as_str() };
                assert_eq!(places[o.pos.unwrap().line], expected);
            }
            load::Slot::List(items) => {
                for (i, (_, o)) in items.iter().enumerate() {
                    assert!(lines.insert(o.pos.unwrap().line));
                    assert_eq!(
                        places[o.pos.unwrap().line],
                        format!("{path} item {}", i + 1)
                    );
                    assert_eq!(&*o.source, "posting.toml");
                }
            }
        }
    }
    assert!(places.contains(&format!("duties.daily item {}", daily.len())));
    assert!(places.contains(&"title".to_string()));
}

#[test]
fn a_locale_is_offered_with_its_dates_and_weights() {
    let label = |tag| flow::locale_label(crate::locale::get(tag).unwrap());
    assert_eq!(label("en-US"), "en-US · February 1, 2027 · lb");
    assert_eq!(label("en-GB"), "en-GB · 1 February 2027 · kg");
    assert_eq!(label("en-CA"), "en-CA · February 1, 2027 · kg (lb)");
}

/// The equal-opportunity question offers the statement of the job's country,
/// taken with Tab only: Enter (or `-`) publishes no statement at all.
#[test]
fn the_equal_opportunity_statement_of_the_country_is_offered_not_taken() {
    let uk = [
        "company.name=Acme Stores",
        "location.workplace=on-site",
        "location.city=Leeds",
        "location.country=GB",
        "apply.url=https://example.com/jobs",
    ];
    let statement = crate::equality::for_place("GB", None).unwrap();
    for (key, published) in [(Tab, true), (Enter, false), (Type("-".into()), false)] {
        let dir = tempfile::tempdir().unwrap();
        let s = settings(dir.path(), Some("cashier"), &uk);
        let keys = vec![EnterUntil("Equal-opportunity statement"), key.clone()];
        let mut script = Script::new(keys.into_iter().chain(vec![Enter; 5]));
        let done = run(&mut script, &s).unwrap();
        assert!(asked(&script).contains(&"Equal-opportunity statement"));
        let md = read(done.output.as_ref().unwrap());
        let posting = read(&done.posting);
        assert_eq!(md.contains(&statement.text), published, "{key:?}: {md}");
        assert_eq!(posting.contains("eeo ="), published, "{key:?}: {posting}");
        assert_eq!(md.contains("Equal opportunit"), published, "{key:?}: {md}");
        if published {
            assert!(md.contains("Equality Act 2010") && md.contains("reasonable adjustments"));
        }
    }
}

/// A job in Ontario is offered the Ontario Human Rights Code's statement; one in
/// another province the Canadian Human Rights Act's.
#[test]
fn a_job_in_ontario_is_offered_the_ontario_code() {
    for (region, law) in [
        ("ON", "Ontario Human Rights Code"),
        ("BC", "Canadian Human Rights Act"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let region = format!("location.region={region}");
        let sets = [
            "company.name=Acme Stores",
            "location.workplace=on-site",
            "location.country=CA",
            region.as_str(),
            "apply.url=https://example.com/jobs",
            // Both provinces have pay-transparency laws.
            "pay.min=20",
            "pay.max=24",
            "pay.period=hour",
            "pay.currency=CAD",
            // Ontario's statements, given, so they are not asked.
            "apply.ai_screening=not-used",
            "apply.vacancy=existing",
        ];
        let s = settings(dir.path(), Some("cashier"), &sets);
        let keys = vec![EnterUntil("Equal-opportunity statement"), Tab];
        let mut script = Script::new(keys.into_iter().chain(vec![Enter; 5]));
        let done = run(&mut script, &s).unwrap();
        let posting = read(&done.posting);
        assert!(
            posting.contains(&format!("We follow the {law}.")),
            "{region}: {posting}"
        );
    }
}

/// An employer whose place is answered in the wizard, not given: the base merge
/// starts without a country.
const UNPLACED: &[&str] = &[
    "company.name=Acme Stores",
    "location.workplace=on-site",
    "apply.url=https://example.com/jobs",
];

/// Enter up to the country, answers `country`, then goes on with `then`.
fn placed_in(country: &str, then: Vec<Key>) -> Vec<Key> {
    let mut keys = vec![EnterUntil("Country (ISO code)"), Type(country.into())];
    keys.extend(then);
    keys
}

/// A UK cashier, the country answered in the wizard: the duties offered and the
/// "How to apply" suggestion read in British English, Tab writes the UK wording,
/// and the preset text the employer only kept stays out of the file.
#[test]
fn once_the_country_is_answered_preset_text_and_hints_read_in_its_locale() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), UNPLACED);
    let keys = placed_in(
        "GB",
        vec![
            EnterUntil("How to apply"),
            Tab,
            EnterUntil("Save this posting?"),
            Yes,
            No,
        ],
    );
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let how = script.offered_at("How to apply");
    assert_eq!(how.len(), 1, "{how:?}");
    assert!(
        how[0].contains("your CV") && !how[0].contains("resume"),
        "{how:?}"
    );
    let daily = script.offered_at("Daily duties");
    assert!(
        daily.contains(&"Scan items, apply vouchers and take payment at the till"),
        "{daily:?}"
    );
    let weekly = script.offered_at("Weekly duties");
    assert!(weekly.contains(&"Restock snacks and small items near the tills"));
    let all: Vec<&str> = daily.iter().chain(&weekly).copied().collect();
    assert!(!all.iter().any(|d| d.contains("register")), "{all:?}");
    let physical = script.offered_at("Physical demands").join("\n");
    assert!(physical.contains("at the till"), "{physical}");
    let posting = read(&done.posting);
    assert!(posting.contains("country = \"GB\""), "{posting}");
    assert!(
        posting.contains(&format!("instructions = \"{}\"", how[0])),
        "the suggestion taken with Tab is the employer's answer: {posting}"
    );
    for kept in [
        "purpose",
        "duties",
        "daily",
        "weekly",
        "physical",
        "environment",
        "till",
        "objectives",
    ] {
        assert!(!posting.contains(kept), "`{kept}` was only kept: {posting}");
    }
    let md = read(done.output.as_ref().unwrap());
    assert!(md.contains("take payment at the till") && !md.contains("register"));
}

/// A patient-access representative in the UK is offered the UK GDPR duty, and
/// a company profile's country (given, not answered) does the same.
#[test]
fn a_uk_patient_access_job_is_offered_the_uk_gdpr_duty_not_hipaa() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("patient-access-representative"), UNPLACED);
    let keys = placed_in("GB", vec![EnterUntil("Save this posting?"), Yes, No]);
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let daily = script.offered_at("Daily duties");
    assert!(
        daily
            .iter()
            .any(|d| d.starts_with("Follow UK GDPR and Data Protection Act 2018 rules")),
        "{daily:?}"
    );
    assert!(!daily.iter().any(|d| d.contains("HIPAA")), "{daily:?}");
    let posting = read(&done.posting);
    assert!(
        !posting.contains("GDPR") && !posting.contains("HIPAA"),
        "{posting}"
    );
    assert!(read(done.output.as_ref().unwrap()).contains("UK GDPR"));
}

/// A kept title asked before the place follows the locale (it is preset text,
/// left out of the file); a typed one stays the employer's, word for word.
#[test]
fn answers_before_the_place_stay_and_kept_preset_values_stay_out_of_the_file() {
    for (title, written) in [
        (Enter, None),
        (Type("Call Center Agent".into()), Some("Call Center Agent")),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let s = settings(dir.path(), Some("call-center-customer-service"), UNPLACED);
        let keys = vec![
            EnterUntil("Job title"),
            title.clone(),
            EnterUntil("Country (ISO code)"),
            Type("GB".into()),
            EnterUntil("Save this posting?"),
            Yes,
            No,
        ];
        let mut script = Script::new(keys);
        let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
        let posting = read(&done.posting);
        match written {
            Some(t) => assert!(posting.contains(&format!("title = \"{t}\"")), "{posting}"),
            None => assert!(!posting.contains("title"), "{title:?}: {posting}"),
        }
        let md = read(done.output.as_ref().unwrap());
        let heading = md.lines().next().unwrap_or_default().to_string();
        // The preset's UK title, as job seekers there search for the role.
        let expected = written.unwrap_or("Customer Service Adviser");
        assert!(heading.contains(expected), "{title:?}: {heading}");
    }
}

/// Choosing another locale than the place's makes the preset text read in it;
/// the chosen locale is written, the preset text is not.
#[test]
fn a_chosen_locale_decides_how_the_preset_text_reads() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), UNPLACED);
    let keys = placed_in(
        "US",
        vec![
            EnterUntil("Locale (how the posting reads)"),
            Pick(locale_index("en-IE")),
            EnterUntil("Save this posting?"),
            Yes,
            No,
        ],
    );
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let daily = script.offered_at("Daily duties");
    assert!(
        daily.iter().any(|d| d.ends_with("at the till")),
        "{daily:?}"
    );
    let posting = read(&done.posting);
    assert!(posting.contains("locale = \"en-IE\""), "{posting}");
    assert!(!posting.contains("duties"), "{posting}");
}

/// A list's unticked preset items follow a changed country: reviewed again, the
/// list offers each once, in the new locale's words.
#[test]
fn unticked_items_follow_a_changed_country() {
    let dir = tempfile::tempdir().unwrap();
    let s = settings(dir.path(), Some("cashier"), UNPLACED);
    let place = Section::ALL.iter().position(|s| *s == Section::Place);
    let duties = Section::ALL.iter().position(|s| *s == Section::Duties);
    let keys = placed_in(
        "GB",
        vec![
            EnterUntil("Daily duties"),
            Ticks((1..7).collect()), // not the first, "… at the till"
            EnterUntil("Save this posting?"),
            No,
            Pick(place.unwrap()),
            EnterUntil("Country (ISO code)"),
            Type("US".into()),
            EnterUntil("Save this posting?"),
            No,
            Pick(duties.unwrap()),
            EnterUntil("Save this posting?"),
            Yes,
            No,
        ],
    );
    let mut script = Script::new(keys);
    let done = run(&mut script, &s).unwrap_or_else(|e| panic!("{e}: {:#?}", script.log));
    let shown: Vec<&Vec<String>> = script
        .offered
        .iter()
        .filter(|(m, _)| m == "Daily duties")
        .map(|(_, o)| o)
        .collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    let first = "take payment at the";
    assert!(
        shown[0].contains(&format!("Scan items, apply vouchers and {first} till")),
        "{:?}",
        shown[0]
    );
    assert!(
        shown[1].contains(&format!("Scan items, apply coupons and {first} register")),
        "{:?}",
        shown[1]
    );
    assert!(
        !shown[1].iter().any(|i| i.ends_with("till")),
        "{:?}",
        shown[1]
    );
    assert!(read(&done.posting).contains("country = \"US\""));
}
