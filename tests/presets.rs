//! The shipped presets, run through the real binary: a role draft publishes no
//! employer fact, no preset names a time zone, and setting text does not leak from
//! a parent. (Presets completed by an employer are linted in `lint_agreement.rs`.)

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use jobpost::load::{self, Slot};
use jobpost::preset::Registry;
use jobpost::spelling::overrides::Change;

fn jobpost(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn ids() -> Vec<String> {
    Registry::load(None)
        .unwrap()
        .ids()
        .map(String::from)
        .collect()
}

/// `render --role ID` alone is the role draft: it succeeds, shows no pay, benefits,
/// schedule or way to apply, and says on standard error what the employer must add.
#[test]
fn a_role_draft_publishes_no_employer_fact() {
    let dir = tempfile::tempdir().unwrap();
    let registry = Registry::load(None).unwrap();
    for id in ids() {
        let hints: Vec<String> = load::preset(&registry, &id)
            .unwrap()
            .hints
            .values()
            .flat_map(|slot| match slot {
                Slot::Value(toml::Value::String(s), _) => vec![s.clone()],
                Slot::List(items) => items.iter().map(|(s, _)| s.clone()).collect(),
                _ => Vec::new(),
            })
            .filter(|s| s.contains(' '))
            .collect();
        for format in ["md", "html", "txt"] {
            let out = jobpost(dir.path(), &["render", "--role", &id, "--format", format]);
            let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{id} {format}: {err}");
            for absent in [
                "pay and benefits",
                "how to apply",
                "equal opportunity",
                "schedule:",
            ] {
                assert!(!text.contains(absent), "{id} {format} shows `{absent}`");
            }
            for hint in &hints {
                let hint = hint.to_lowercase();
                assert!(
                    !text.contains(&hint),
                    "{id} {format} shows the hint `{hint}`"
                );
            }
            assert!(
                err.contains("not ready to publish") && err.contains("pay.min"),
                "{id} {format}: {err}"
            );
        }
    }
}

/// Presets know the role, not the employer's clock or country: no time zones, and
/// no setting text for a workplace a preset does not list (a cashier is on-site).
#[test]
fn presets_name_no_time_zone_and_settings_do_not_leak_from_parents() {
    let registry = Registry::load(None).unwrap();
    let phrases = [
        "eastern time",
        "central time",
        "mountain time",
        "pacific time",
    ];
    let codes = [
        "et", "ct", "mt", "pt", "est", "cst", "mst", "pst", "edt", "pdt", "gmt", "utc", "bst",
        "aest", "aedt",
    ];
    for preset in registry.all().unwrap() {
        let text = preset.text.to_lowercase();
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for zone in phrases {
            assert!(
                !text.contains(zone),
                "{} names a time zone: {zone}",
                preset.id
            );
        }
        for code in codes {
            assert!(
                !words.contains(&code),
                "{} names a time zone: {code}",
                preset.id
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = jobpost(
        dir.path(),
        &[
            "render",
            "--role",
            "cashier",
            "--set",
            "location.workplace=remote",
            "--set",
            "location.country=US",
        ],
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        !md.contains("Environment:"),
        "a cashier has no remote setting:\n{md}"
    );
}

/// How many values and list items of each path a preset is credited with.
fn credited(merged: &load::Merged, source: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (path, slot) in &merged.slots {
        let n = match slot {
            Slot::Value(_, o) => usize::from(&*o.source == source),
            Slot::List(items) => items.iter().filter(|(_, o)| &*o.source == source).count(),
        };
        out.insert(path.clone(), n);
    }
    out
}

/// A parent's `[locale]` rewording applies to the text the parent wrote, never
/// over a child's own: in every locale, each preset that extends another keeps
/// every value and list item it wrote itself (its own rewordings included; a
/// list it rewords whole in the locale may have another length).
#[test]
fn a_parent_rewording_never_replaces_a_child_own_text() {
    let registry = Registry::load(None).unwrap();
    let mut children = 0;
    for preset in registry
        .all()
        .unwrap()
        .into_iter()
        .filter(|p| p.extends.is_some())
    {
        children += 1;
        let chain = registry.chain(&preset.id).unwrap();
        let own = format!("preset {}", preset.id);
        let us = load::merge_with_chain(&chain, &[]).unwrap();
        for tag in jobpost::locale::tags() {
            let layer = load::set_layer(&format!("locale={tag}")).unwrap();
            let local = load::merge_with_chain(&chain, &[layer]).unwrap();
            let (before, after) = (credited(&us, &own), credited(&local, &own));
            let whole = |path: &str| {
                preset.locales.get(tag).is_some_and(|os| {
                    os.iter()
                        .any(|o| o.path == path && matches!(o.change, Change::List(_)))
                })
            };
            for (path, n) in before.iter().filter(|(p, _)| !whole(p)) {
                assert_eq!(
                    Some(n),
                    after.get(path),
                    "{tag}: `{path}` of {} lost its own text to a parent's rewording",
                    preset.id
                );
            }
        }
    }
    assert!(children > 5, "only {children} presets extend another");
}

/// A preset's rewordings for a state or province (`[locale.CA-ON]`) apply to a job
/// there, whatever case its region is written in, and only there: a job in
/// Ontario asks for Smart Serve, one elsewhere in Canada does not.
#[test]
fn region_rewordings_apply_to_jobs_in_their_region() {
    let registry = Registry::load(None).unwrap();
    let merged = |id: &str, country: &str, region: &str| {
        let chain = registry.chain(id).unwrap();
        let layers = [
            load::set_layer(&format!("location.country={country}")).unwrap(),
            load::set_layer(&format!("location.region={region}")).unwrap(),
        ];
        let m = load::merge_with_chain(&chain, &layers).unwrap();
        format!("{:?}", m.posting.qualifications)
    };
    let mut regions = 0;
    for preset in registry.all().unwrap() {
        for tag in preset
            .locales
            .keys()
            .filter(|t| jobpost::spelling::overrides::is_region_tag(t))
        {
            regions += 1;
            let (country, region) = tag.split_once('-').unwrap();
            let here = merged(&preset.id, country, &region.to_lowercase());
            let elsewhere = merged(&preset.id, country, "ZZ");
            assert_ne!(here, elsewhere, "{} in {tag}", preset.id);
        }
    }
    assert!(regions >= 4, "{regions} region rewordings");
    let ontario = merged("restaurant-server", "CA", "ON");
    assert!(ontario.contains("Smart Serve certificate"), "{ontario}");
    assert!(!ontario.contains("Serving It Right"), "{ontario}");
}

/// The purpose, duties and skills of preset `id` for a job in `country`, with
/// `company.sector` set to `sector` when given.
fn role_text(registry: &Registry, id: &str, country: &str, sector: Option<&str>) -> String {
    let mut sets = vec![format!("location.country=\"{country}\"")];
    sets.extend(sector.map(|s| format!("company.sector=\"{s}\"")));
    let inputs = load::Inputs {
        role: Some(id.to_string()),
        sets,
        ..load::Inputs::default()
    };
    let merged = load::load(registry, &inputs).unwrap();
    [
        "purpose",
        "objectives",
        "duties.daily",
        "duties.weekly",
        "skills.preferred",
    ]
    .iter()
    .filter_map(|p| merged.slots.get(*p))
    .map(|slot| match slot {
        Slot::Value(v, _) => v.as_str().unwrap_or_default().to_string(),
        Slot::List(items) => items
            .iter()
            .map(|(t, _)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    })
    .collect::<Vec<_>>()
    .join("\n")
}

/// Every preset whose text differs by `company.sector` (`[locale."en-GB@public"]`)
/// reads differently for a public service and a private business in each country
/// it words, and says nothing of either's alone when the employer did not say.
/// Healthcare in the UK and Ireland: the NHS and the HSE bill no one, a private
/// clinic bills patients and insurers.
#[test]
fn sector_rewordings_follow_the_employer_and_the_plain_text_is_true_of_both() {
    let registry = Registry::load(None).unwrap();
    let mut worded = 0;
    for id in ids() {
        for country in ["GB", "IE", "AU", "CA"] {
            let plain = role_text(&registry, &id, country, None);
            let public = role_text(&registry, &id, country, Some("public"));
            let private = role_text(&registry, &id, country, Some("private"));
            if public != plain || private != plain {
                worded += 1;
            }
        }
    }
    assert!(
        worded >= 4,
        "{worded} preset-country pairs worded by sector"
    );
    let hcs = "healthcare-customer-service";
    for country in ["GB", "IE"] {
        let plain = role_text(&registry, hcs, country, None);
        let public = role_text(&registry, hcs, country, Some("public"));
        let private = role_text(&registry, hcs, country, Some("private"));
        for words in [&plain, &public] {
            for billing in [
                "insurance",
                "payment plan",
                "unpaid",
                "private clinic",
                "excess",
            ] {
                assert!(
                    !words.to_lowercase().contains(billing),
                    "{country}: `{billing}` in\n{words}"
                );
            }
        }
        for billing in ["private clinic", "Take payments", "excesses and shortfalls"] {
            assert!(
                private.contains(billing),
                "{country}: no `{billing}` in\n{private}"
            );
        }
        assert!(public.contains("waiting lists"), "{public}");
    }
}
