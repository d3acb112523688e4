use std::collections::BTreeSet;

use super::*;
use crate::model::{
    Apply, Company, Conditions, Duties, Location, Pay, Posting, Qualifications, Skills,
};

fn some_list() -> Option<Vec<String>> {
    Some(vec!["item".to_string()])
}

fn some_text() -> Option<String> {
    Some("text".to_string())
}

/// A posting with every value given. Struct literals without `..`: a field added to the
/// model does not compile here until it is given a value, so the test below sees it.
fn full() -> Posting {
    let date: toml::value::Datetime = "2027-01-04".parse().unwrap();
    Posting {
        role: some_text(),
        locale: some_text(),
        title: some_text(),
        title_marker: some_text(),
        purpose: some_text(),
        employment_type: Some(EmploymentType::FullTime),
        reference: some_text(),
        posted: Some(date),
        apply_by: Some(date),
        objectives: some_list(),
        include: some_list(),
        unset: some_list(),
        company: Some(Company {
            name: some_text(),
            about: some_text(),
            website: some_text(),
            values: some_list(),
            eeo: some_text(),
            logo: some_text(),
            color: some_text(),
            sector: Some(crate::model::Sector::Public),
        }),
        location: Some(Location {
            workplace: Some(Workplace::Remote),
            street: some_text(),
            city: some_text(),
            region: some_text(),
            postal_code: some_text(),
            country: some_text(),
            applicant_countries: some_list(),
        }),
        duties: Some(Duties {
            daily: some_list(),
            weekly: some_list(),
        }),
        skills: Some(Skills {
            required: some_list(),
            preferred: some_list(),
        }),
        qualifications: Some(Qualifications {
            required: some_list(),
            preferred: some_list(),
            education: Some(Education::Bachelor),
            experience_months: Some(6),
        }),
        conditions: Some(Conditions {
            environment: some_text(),
            schedule: some_text(),
            travel: some_text(),
            physical: some_list(),
            hours_per_week: Some(37.5),
        }),
        pay: Some(Pay {
            min: Some(1.5),
            max: Some(2.5),
            currency: some_text(),
            period: Some(Period::Hour),
            benefits: some_list(),
            extras: some_text(),
        }),
        apply: Some(Apply {
            url: some_text(),
            email: some_text(),
            instructions: some_text(),
            ai_screening: Some(crate::model::AiScreening::NotUsed),
            vacancy: Some(crate::model::Vacancy::Existing),
        }),
    }
}

/// Every leaf of `table` as (dotted path, value), tables descended into.
fn leaves(prefix: &str, table: &toml::Table, out: &mut Vec<(String, toml::Value)>) {
    for (key, value) in table {
        let path = crate::layer::join(prefix, key);
        match value {
            toml::Value::Table(t) => leaves(&path, t, out),
            v => out.push((path, v.clone())),
        }
    }
}

fn model_leaves() -> Vec<(String, toml::Value)> {
    // Through text, so dates read back as dates.
    let table: toml::Table = toml::from_str(&toml::to_string(&full()).unwrap()).unwrap();
    let mut out = Vec::new();
    leaves("", &table, &mut out);
    out
}

#[test]
fn every_model_field_is_in_the_table() {
    let model: BTreeSet<String> = model_leaves().into_iter().map(|(p, _)| p).collect();
    let table: BTreeSet<String> = FIELDS.iter().map(|f| f.path.to_string()).collect();
    let missing: Vec<&String> = model.difference(&table).collect();
    let extra: Vec<&String> = table.difference(&model).collect();
    assert!(
        missing.is_empty(),
        "model fields missing from fields::FIELDS: {missing:?}"
    );
    assert!(
        extra.is_empty(),
        "fields::FIELDS rows the model does not have: {extra:?}"
    );
    assert_eq!(FIELDS.len(), table.len(), "a path is listed twice");
}

#[test]
fn kinds_match_the_values_the_model_serialises() {
    for (path, value) in model_leaves() {
        let field = get(&path).unwrap();
        let fits = match (field.kind, &value) {
            (Kind::Text | Kind::Markdown, toml::Value::String(_)) => true,
            (Kind::List, toml::Value::Array(_)) => true,
            (Kind::Date, toml::Value::Datetime(_)) => true,
            (Kind::Number, toml::Value::Float(_)) => true,
            (Kind::Whole, toml::Value::Integer(_)) => true,
            (Kind::Choice(keys), toml::Value::String(s)) => keys.contains(&s.as_str()),
            _ => false,
        };
        assert!(
            fits,
            "{path}: kind {:?} but the model holds {value}",
            field.kind
        );
    }
}

#[test]
fn a_choice_help_lists_its_values() {
    for field in FIELDS {
        if let Kind::Choice(keys) = field.kind {
            assert!(
                field.help.starts_with(&keys.join(" | ")),
                "{}: {}",
                field.path,
                field.help
            );
        }
    }
}

#[test]
fn tables_follow_the_model_order() {
    let top = keys_of("").unwrap();
    assert_eq!(
        top,
        [
            "role",
            "locale",
            "title",
            "title_marker",
            "purpose",
            "employment_type",
            "reference",
            "posted",
            "apply_by",
            "objectives",
            "include",
            "unset",
            "company",
            "location",
            "duties",
            "skills",
            "qualifications",
            "conditions",
            "pay",
            "apply",
        ]
    );
    assert_eq!(
        keys_of("pay").unwrap(),
        ["min", "max", "currency", "period", "benefits", "extras"]
    );
    assert_eq!(keys_of("pay.min"), None);
}

#[test]
fn employer_facts_cover_whole_tables_only_when_every_key_is_one() {
    for fact in ["company", "location", "pay", "apply", "pay.min", "locale"] {
        assert!(is_employer_fact(fact), "{fact}");
    }
    for not in [
        "conditions",
        "conditions.physical",
        "title",
        "skills",
        "nope",
    ] {
        assert!(!is_employer_fact(not), "{not}");
    }
    assert!(is_employer_fact("conditions.schedule"));
}

#[test]
fn set_paths_are_checked_against_the_table_with_a_suggestion() {
    assert!(crate::layer::check_path("conditions.travel").is_ok());
    let err = crate::layer::check_path("conditions.travle")
        .unwrap_err()
        .to_string();
    assert!(err.contains("did you mean `travel`"), "{err}");
    assert!(crate::layer::check_unset("company").is_ok());
    assert!(is_list_path("pay.benefits") && !is_list_path("pay.extras"));
}

#[test]
fn the_wizard_asks_each_field_as_its_kind() {
    use crate::prompt::fields::{FIELDS as ASKED, Kind as Asked};
    for asked in ASKED {
        let field = get(asked.path).unwrap();
        assert_eq!(Some(asked.message), field.question, "{}", asked.path);
        let agrees = match asked.kind {
            Asked::List(_) | Asked::Countries => field.kind == Kind::List,
            Asked::Long => field.kind == Kind::Markdown,
            Asked::Line(_) | Asked::Country | Asked::Marker => field.kind == Kind::Text,
            // The locales are the catalogue's files, not a fixed set of keys.
            Asked::Choice(_) if asked.path == "locale" => field.kind == Kind::Text,
            Asked::Choice(choices) => {
                let keys: Vec<&str> = choices().iter().map(|(k, _)| *k).collect();
                field.kind == Kind::Choice(Box::leak(keys.into_boxed_slice()))
            }
            Asked::Money(_) | Asked::Hours => field.kind == Kind::Number,
            Asked::Months => field.kind == Kind::Whole,
            Asked::Date => field.kind == Kind::Date,
        };
        assert!(
            agrees,
            "{}: asked as {:?}, held as {:?}",
            asked.path, asked.kind, field.kind
        );
    }
    for field in FIELDS.iter().filter(|f| f.question.is_some()) {
        assert!(
            ASKED.iter().any(|a| a.path == field.path),
            "{} has a question the wizard never asks",
            field.path
        );
    }
}

const TEMPLATES: [(&str, &str); 3] = [
    ("posting.md", include_str!("../../../templates/posting.md")),
    (
        "posting.txt",
        include_str!("../../../templates/posting.txt"),
    ),
    (
        "posting.html",
        include_str!("../../../templates/posting.html"),
    ),
];

/// `{% block NAME %}` names, in order, with the text up to `endblock NAME`.
fn blocks(template: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find("block ") {
        let before = &rest[..at];
        rest = &rest[at + "block ".len()..];
        // `{% block x %}` or `{%- block x %}`, not `endblock` or a `md_block` filter.
        if !before.trim_end_matches([' ', '-']).ends_with("{%") {
            continue;
        }
        let name = rest.split_whitespace().next().unwrap_or_default();
        let end = rest.find(&format!("endblock {name}")).unwrap_or(rest.len());
        out.push((name, &rest[..end]));
    }
    out
}

#[test]
fn every_section_is_a_template_block_and_every_block_a_section() {
    let ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
    assert_eq!(ids, crate::render::POSTING_BLOCKS[2..]);
    for (name, text) in TEMPLATES {
        let found: Vec<&str> = blocks(text)
            .into_iter()
            .map(|(b, _)| b)
            // The HTML page's own blocks, around the posting.
            .filter(|b| !(name == "posting.html" && ["head", "style"].contains(b)))
            .collect();
        assert_eq!(found, ids, "{name}");
    }
}

#[test]
fn every_heading_is_the_one_its_block_prints() {
    let messages = &crate::locale::get("en-US").unwrap().messages;
    for (name, text) in TEMPLATES {
        let blocks = blocks(text);
        for section in SECTIONS {
            let (_, body) = blocks.iter().find(|(b, _)| *b == section.id).unwrap();
            let keys: Vec<&str> = match section.heading {
                Some(Heading::Text(key)) => vec![key],
                Some(Heading::AboutEmployer) => {
                    // One message with the employer's name in it, or "About us".
                    for key in ["about_company", "about_us_heading"] {
                        assert!(messages.contains_key(key), "no message `{key}`");
                    }
                    assert!(body.contains("p.lines.about"), "{name}: no p.lines.about");
                    vec![]
                }
                None => vec![],
            };
            let sub = section.groups.iter().filter_map(|g| g.heading);
            for key in keys.into_iter().chain(sub) {
                assert!(messages.contains_key(key), "no message `{key}`");
                assert!(
                    body.contains(&format!("p.t.{key}")),
                    "{name}: block {} does not print p.t.{key}",
                    section.id
                );
            }
        }
    }
}

#[test]
fn grouped_fields_are_fields_of_their_section() {
    for section in SECTIONS {
        for path in section.groups.iter().flat_map(|g| g.fields.iter()) {
            if path.starts_with('=') {
                continue;
            }
            let field = get(path).unwrap_or_else(|| panic!("{path} is not a field"));
            assert_eq!(field.section, Some(section.id), "{path}");
        }
    }
    for field in FIELDS {
        if let Some(id) = field.section {
            assert!(SECTIONS.iter().any(|s| s.id == id), "{}: {id}", field.path);
        }
    }
}

/// A posting whose every text value is a marker naming its field (URLs, codes and
/// addresses in the forms the renderers accept).
fn marked() -> Posting {
    let mut p = full();
    let text = |path: &str| Some(format!("marker-{}", path.replace(['.', '_'], "-")));
    let list = |path: &str| text(path).map(|t| vec![t]);
    p.title = text("title");
    p.title_marker = text("title_marker");
    p.purpose = text("purpose");
    p.reference = text("reference");
    p.objectives = list("objectives");
    let c = p.company.as_mut().unwrap();
    (c.name, c.about, c.eeo) = (
        text("company.name"),
        text("company.about"),
        text("company.eeo"),
    );
    c.website = Some("https://example.com/marker-company-website".into());
    c.values = list("company.values");
    c.logo = Some("https://example.com/marker-company-logo.png".into());
    c.color = Some("#1f5f8b".into());
    let l = p.location.as_mut().unwrap();
    (l.street, l.city, l.region) = (
        text("location.street"),
        text("location.city"),
        text("location.region"),
    );
    l.postal_code = text("location.postal-code");
    l.country = Some("US".into());
    // On site, so the address shows (a remote role shows its applicant countries).
    l.workplace = Some(Workplace::OnSite);
    l.applicant_countries = Some(vec!["CA".into()]);
    let d = p.duties.as_mut().unwrap();
    (d.daily, d.weekly) = (list("duties.daily"), list("duties.weekly"));
    let s = p.skills.as_mut().unwrap();
    (s.required, s.preferred) = (list("skills.required"), list("skills.preferred"));
    let q = p.qualifications.as_mut().unwrap();
    (q.required, q.preferred) = (
        list("qualifications.required"),
        list("qualifications.preferred"),
    );
    let k = p.conditions.as_mut().unwrap();
    (k.environment, k.schedule, k.travel) = (
        text("conditions.environment"),
        text("conditions.schedule"),
        text("conditions.travel"),
    );
    k.physical = list("conditions.physical");
    let pay = p.pay.as_mut().unwrap();
    (pay.currency, pay.benefits, pay.extras) =
        (Some("USD".into()), list("pay.benefits"), text("pay.extras"));
    let a = p.apply.as_mut().unwrap();
    a.url = Some("https://example.com/marker-apply-url".into());
    a.email = Some("marker-apply-email@example.com".into());
    a.instructions = text("apply.instructions");
    (p.role, p.locale, p.include, p.unset) = (None, Some("en-US".into()), None, None);
    p
}

/// Every text field the table places in a section is shown by the templates: a field
/// added to the model and the table but not to the templates fails here.
#[test]
fn every_shown_text_field_is_rendered() {
    use crate::render::{Templates, View};
    let view = View::new(&marked());
    let templates = Templates::new(None).unwrap();
    let pages: Vec<String> = ["posting.md", "posting.html", "posting.txt"]
        .into_iter()
        .map(|name| templates.render_posting(&view, name, "", true).unwrap())
        .collect();
    for field in FIELDS.iter().filter(|f| f.section.is_some()) {
        if !matches!(field.kind, Kind::Text | Kind::Markdown | Kind::List) {
            continue;
        }
        // Codes the renderers turn into names, and the brand colour (a style).
        if [
            "location.country",
            "location.applicant_countries",
            "pay.currency",
            "company.color",
        ]
        .contains(&field.path)
        {
            continue;
        }
        let marker = format!("marker-{}", field.path.replace(['.', '_'], "-"));
        assert!(
            pages.iter().any(|page| page.contains(&marker)),
            "{} is in section `{}` but no template shows it",
            field.path,
            field.section.unwrap_or_default()
        );
    }
}
