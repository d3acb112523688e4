//! Property test of import's round trip: any posting our renderers write as Markdown,
//! plain text or HTML imports back to a posting that renders to the same Markdown.
//!
//! The postings are made of ordinary job-posting words (the round trip is about
//! structure: sections, lists, labels, pay, places, dates), not arbitrary characters,
//! which `tests/props.rs` feeds the renderers already.

use std::sync::OnceLock;

use jobpost::format::{Format, render_all};
use jobpost::import::{Imported, map, write};
use jobpost::load::Merged;
use jobpost::model::{
    Apply, Company, Conditions, Duties, EmploymentType, Location, Pay, Period, Posting, Skills,
    Workplace,
};
use jobpost::render::Templates;
use proptest::prelude::*;
use toml::value::{Date, Datetime};

const CASES: u32 = 64;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(CASES),
        ..ProptestConfig::default()
    }
}

const WORDS: &[&str] = &[
    "stock",
    "shelves",
    "customers",
    "orders",
    "team",
    "store",
    "clean",
    "safe",
    "help",
    "count",
    "check",
    "records",
    "deliveries",
    "tills",
    "service",
    "friendly",
    "quickly",
    "carefully",
    "every",
    "morning",
    "evening",
    "the",
    "our",
    "with",
    "and",
    "for",
    "new",
    "products",
    "guests",
    "rooms",
    "kitchen",
    "patients",
    "vans",
    "tools",
    "learn",
    "keep",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 3..9).prop_map(|w| {
        let s = w.join(" ");
        let mut c = s.chars();
        let first = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>())
            .unwrap_or_default();
        format!("{first}{}", c.as_str())
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..3).prop_map(|s| format!("{}.", s.join(". ")))
}

fn list() -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(prop::collection::vec(sentence(), 1..4))
}

fn opt_para() -> impl Strategy<Value = Option<String>> {
    prop::option::of(paragraph())
}

fn date() -> impl Strategy<Value = Option<Datetime>> {
    prop::option::of((1u8..=12, 1u8..=28).prop_map(|(month, day)| Datetime {
        date: Some(Date {
            year: 2027,
            month,
            day,
        }),
        time: None,
        offset: None,
    }))
}

/// A city, region and country whose dollar (or pound) the renderer writes.
const PLACES: &[(&str, Option<&str>, &str, &str)] = &[
    ("Denver", Some("CO"), "US", "USD"),
    ("Leeds", None, "GB", "GBP"),
    ("Toronto", Some("ON"), "CA", "CAD"),
];

fn location() -> impl Strategy<Value = (Location, &'static str)> {
    (
        prop::sample::select(PLACES),
        prop::option::of(prop::sample::select(Workplace::ALL)),
        prop::option::of(Just("12 Market St".to_string())),
    )
        .prop_map(|((city, region, country, cur), workplace, street)| {
            let loc = Location {
                workplace,
                street,
                city: Some(city.into()),
                region: region.map(Into::into),
                postal_code: None,
                country: Some(country.into()),
                applicant_countries: None,
            };
            (loc, cur)
        })
}

fn pay(currency: &'static str) -> impl Strategy<Value = Option<Pay>> {
    const PERIODS: &[Period] = &[Period::Hour, Period::Year];
    prop::option::of((1u32..40, 1u32..10, prop::sample::select(PERIODS), list())).prop_map(
        move |p| {
            p.map(|(min, spread, period, benefits)| {
                let scale = if period == Period::Year { 1000.0 } else { 1.0 };
                Pay {
                    min: Some(f64::from(min + 10) * scale),
                    max: Some(f64::from(min + 10 + spread) * scale),
                    currency: Some(currency.into()),
                    period: Some(period),
                    benefits,
                    extras: None,
                }
            })
        },
    )
}

prop_compose! {
    fn posting()(
        (loc, currency) in location(),
        title in prop::sample::select(&["Store Cashier", "Line Cook", "Delivery Driver", "Care Assistant"][..]),
        name in prop::option::of(Just("Harbour Foods".to_string())),
        about in opt_para(),
        purpose in paragraph(),
        objectives in list(),
        daily in list(),
        weekly in list(),
        required in list(),
        preferred in list(),
        schedule in opt_para(),
        hours in prop::option::of(10u8..45),
        physical in list(),
        employment in prop::option::of(prop::sample::select(EmploymentType::ALL)),
        posted in date(),
        apply_by in date(),
        instructions in opt_para(),
        eeo in prop::option::of(Just("Harbour Foods is an equal opportunity employer.".to_string())),
        more in (
            prop::option::of(Just("https://harbourfoods.example".to_string())),
            prop::option::of(Just("HF-2027-031".to_string())),
            opt_para(),
            opt_para(),
            prop::option::of(Just("jobs@harbourfoods.example".to_string())),
            opt_para(),
        ),
    )(pay in pay(currency), more in Just(more), loc in Just(loc), title in Just(title), name in Just(name),
      about in Just(about), purpose in Just(purpose), objectives in Just(objectives),
      daily in Just(daily), weekly in Just(weekly), required in Just(required),
      preferred in Just(preferred), schedule in Just(schedule), hours in Just(hours),
      physical in Just(physical), employment in Just(employment), posted in Just(posted),
      apply_by in Just(apply_by), instructions in Just(instructions), eeo in Just(eeo))
    -> Posting {
        let (website, reference, environment, travel, email, extras) = more;
        let pay = pay.map(|p| Pay { extras, ..p });
        Posting {
            reference,
            title: Some(title.to_string()),
            purpose: Some(purpose),
            employment_type: employment,
            posted,
            apply_by,
            objectives,
            company: Some(Company {
                name,
                about,
                website,
                values: None,
                eeo,
                logo: None,
                color: None,
                sector: None,
            }),
            location: Some(loc),
            duties: Some(Duties { daily, weekly }),
            skills: Some(Skills { required, preferred }),
            conditions: Some(Conditions {
                environment,
                schedule,
                travel,
                physical,
                hours_per_week: hours.map(f64::from),
            }),
            pay,
            apply: Some(Apply {
                url: Some("https://jobs.example.com/apply".into()),
                email,
                instructions,
                ai_screening: None,
                vacancy: None,
            }),
            ..Posting::default()
        }
    }
}

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::new(None).unwrap())
}

fn markdown(p: Posting) -> String {
    let m = Merged {
        posting: p,
        ..Merged::default()
    };
    let date = Date {
        year: 2027,
        month: 1,
        day: 4,
    };
    render_all(templates(), &m, &[Format::MD], Some(date))
        .unwrap()
        .remove(0)
        .into_text(Format::MD)
        .unwrap()
}

/// The posting file written for `imported`, loaded back.
fn reloaded(imported: &Imported) -> Posting {
    let file = write::posting_file(imported, "posting");
    toml::from_str(&file).unwrap_or_else(|e| panic!("{e}\n{file}"))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rendered_postings_import_back_to_the_same_markdown(p in posting()) {
        let m = Merged { posting: p, ..Merged::default() };
        let date = Date { year: 2027, month: 1, day: 4 };
        let formats = [Format::MD, Format::TXT, Format::HTML];
        let texts: Vec<String> = render_all(templates(), &m, &formats, Some(date))
            .unwrap()
            .iter()
            .map(|r| r.text().unwrap().to_string())
            .collect();
        let md = &texts[0];
        let back = [
            ("md", map::from_markdown("p.md", md, map::Given::default())),
            ("txt", map::from_text("p.txt", &texts[1])),
            ("html", map::from_html("p.html", &texts[2], map::Given::default())),
        ];
        for (kind, imported) in back {
            let again = markdown(reloaded(&imported));
            prop_assert_eq!(md, &again, "{} round trip", kind);
        }
    }
}
