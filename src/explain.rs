//! `jobpost explain` and `jobpost init`: a posting written back as TOML, either
//! with each value's origin (explain) or as a commented starter file (init).

use crate::layer::Origin;
use crate::load::{Merged, Slot};
use crate::model::fields;
use crate::model::is_employer_fact;
use crate::ui;

/// The merged posting as TOML; every value carries a comment naming its layer,
/// and every employer fact the posting lacks is marked as not given (with the
/// preset's suggestion, if it has one) or as removed (with where). The locale
/// the posting reads in is named with why, when no layer sets it.
pub fn explain(merged: &Merged) -> String {
    explain_with(merged, true)
}

/// [`explain`] for a role preset (`roles show`): a preset has no locale of its own.
pub fn explain_preset(merged: &Merged) -> String {
    explain_with(merged, false)
}

fn explain_with(merged: &Merged, with_locale: bool) -> String {
    let layers: Vec<&str> = merged.layers.iter().map(|l| &**l).collect();
    let mut out =
        String::from("# The merged posting. Each comment names the layer a value comes from.\n");
    out.push_str(&format!("# Layers, lowest first: {}\n", layers.join(", ")));
    for (table, keys) in fields::tables() {
        let lines: Vec<String> = keys
            .iter()
            .filter(|k| keys_is_leaf(table, k) && !matches!(**k, "include" | "unset"))
            .filter(|k| with_locale || !(table.is_empty() && **k == "locale"))
            .filter_map(|k| explain_key(merged, &crate::layer::join(table, k), k))
            .collect();
        if lines.is_empty() {
            continue;
        }
        out.push('\n');
        if !table.is_empty() {
            out.push_str(&format!("[{table}]\n"));
        }
        out.push_str(&lines.concat());
    }
    out
}

/// The line(s) for one key: its value and layer, or why an employer fact is absent.
fn explain_key(merged: &Merged, path: &str, key: &str) -> Option<String> {
    if let Some(slot) = merged.slots.get(path) {
        return Some(entry(key, slot));
    }
    let removed = merged
        .removed
        .iter()
        .find(|(p, _)| crate::model::within(path, p));
    if let Some((p, origin)) = removed {
        return Some(format!(
            "# {key}: removed by `unset {p}` ({})\n",
            label(origin)
        ));
    }
    if path == "locale" {
        let (locale, reason) = crate::locale::resolve(&merged.posting);
        return Some(format!("# locale: {} ({reason})\n", locale.tag));
    }
    if !is_employer_fact(path) || (path == "location.applicant_countries" && !remote(merged)) {
        return None;
    }
    // A title marker is asked for only where the language's titles are gendered.
    if path == "title_marker"
        && crate::locale::of(&merged.posting)
            .text("title_marker")
            .is_empty()
    {
        return None;
    }
    let hint = merged
        .hints
        .get(path)
        .map(|slot| format!("; the preset suggests {}", inline(&slot.value())))
        .or_else(|| eeo_suggestion(merged, path))
        .unwrap_or_default();
    Some(format!("# {key}: not given{hint}\n"))
}

/// For `company.eeo`: the statement suggested for the job's country, with its law.
fn eeo_suggestion(merged: &Merged, path: &str) -> Option<String> {
    if path != "company.eeo" {
        return None;
    }
    let s = crate::equality::for_posting(&merged.posting)?;
    Some(format!(
        "; suggested for {}: {}",
        s.place_and_law(),
        toml::Value::String(s.text.clone())
    ))
}

fn remote(merged: &Merged) -> bool {
    let workplace = merged.posting.location.as_ref().and_then(|l| l.workplace);
    workplace == Some(crate::model::Workplace::Remote)
}

/// A value on one line, lists included.
fn inline(value: &toml::Value) -> String {
    match value {
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|v| v.to_string()).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

fn entry(key: &str, slot: &Slot) -> String {
    match slot {
        Slot::Value(v, origin) => format!("{key} = {v}  # {}\n", label(origin)),
        Slot::List(items) => {
            let mut s = format!("{key} = [\n");
            for (item, origin) in items {
                s.push_str(&format!(
                    "  {},  # {}\n",
                    toml::Value::String(item.clone()),
                    label(origin)
                ));
            }
            s.push_str("]\n");
            s
        }
    }
}

/// `posting.toml:12`, `preset cashier:8`, `--set pay.min=21`.
fn label(origin: &Origin) -> String {
    match origin.pos {
        Some(p) => format!("{}:{}", origin.source, p.line),
        None => origin.source.to_string(),
    }
}

/// The help line of `path` in the user's language, if any (see
/// [`crate::model::fields::FIELDS`] and [`crate::ui::help`]).
pub fn help(path: &str) -> Option<&'static str> {
    ui::help(path)
}

/// The locale a starter file is written for, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StarterLocale<'a> {
    /// `--locale TAG`: the file sets `locale`.
    Flag(&'a str),
    /// The locale of `--country CODE` (tag, code): the country decides it once the
    /// posting (or its company profile) gives it, so the file sets no `locale`.
    Country(&'a str, &'a str),
    /// Nothing said: the default, en-US.
    Default,
}

impl StarterLocale<'_> {
    /// The locale's tag.
    pub fn tag(self) -> &'static str {
        let tag = match self {
            StarterLocale::Flag(t) | StarterLocale::Country(t, _) => t,
            StarterLocale::Default => crate::locale::DEFAULT,
        };
        crate::locale::get(tag).map_or(crate::locale::DEFAULT, |l| l.tag.as_str())
    }

    /// The starter's lines naming the locale it assumed, and why.
    fn lines(self, with_preset: bool) -> String {
        let tag = self.tag();
        let why = match self {
            StarterLocale::Flag(_) => ui::f("init.locale_flag", &[("tag", tag)]),
            StarterLocale::Country(_, code) => ui::f("init.locale_country", &[("code", code)]),
            StarterLocale::Default => ui::t("init.locale_assumed").to_string(),
        };
        let reads = match with_preset {
            true => ui::t("init.locale_reads"),
            false => "",
        };
        let mut out = format!(
            "# {}\n",
            ui::f(
                "init.locale",
                &[("tag", tag), ("why", &why), ("reads", reads)]
            )
        );
        if self == StarterLocale::Default {
            let others: Vec<&str> = crate::locale::tags().filter(|t| *t != tag).collect();
            let others = others.join(", ");
            out.push_str(&format!(
                "# {}\n",
                ui::f("init.locale_others", &[("tags", &others)])
            ));
        }
        out
    }
}

/// A commented starter file: the role, and every key commented out with its
/// help and either the preset's value, the preset's suggestion for an employer
/// fact, or an example. `preset` is merged in `locale`'s locale; the file names
/// the locale it assumed (with a role or `--locale`) and sets one given by flag.
pub fn starter(
    role: Option<(&str, &str)>,
    preset: Option<&Merged>,
    locale: StarterLocale,
) -> String {
    let mut out = comment_out(ui::t("init.header"));
    out.push('\n');
    if let Some(source) = preset.and_then(|m| m.hint_source.as_deref()) {
        out.push_str(&format!(
            "# {}\n",
            ui::f("init.hint_source", &[("source", source)])
        ));
    }
    if role.is_some() || matches!(locale, StarterLocale::Flag(_)) {
        out.push_str(&locale.lines(preset.is_some()));
    }
    if let Some((id, name)) = role {
        out.push_str(&format!(
            "\n# {name}\nrole = {}\n",
            toml::Value::String(id.to_string())
        ));
    }
    // Outside en-US the examples are the locale's country's: a UK starter
    // suggests GBP and Manchester, not USD and Denver.
    let examples = match crate::locale::get(locale.tag()) {
        Some(l) if l.tag != crate::locale::DEFAULT => l
            .countries
            .first()
            .map(|c| company_examples(c))
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let tables = commented_tables(fields::tables(), preset, &examples);
    let tables = match (locale, fields::get("locale")) {
        // Given by flag, the locale is set, as `render --locale` would.
        (StarterLocale::Flag(_), Some(f)) => tables.replacen(
            &format!("# locale = {}\n", f.example),
            &format!("locale = {}\n", toml::Value::String(locale.tag().into())),
            1,
        ),
        _ => tables,
    };
    out.push_str(&with_marker_note(&tables, locale.tag()));
    out
}

/// `tables` with the line of `title_marker` preceded by what the marker of the
/// locale's titles is and the law that asks for it, where the locale has one.
fn with_marker_note(tables: &str, tag: &str) -> String {
    let Some(locale) = crate::locale::get(tag) else {
        return tables.to_string();
    };
    let marker = locale.text("title_marker");
    let Some(f) = fields::get("title_marker").filter(|_| !marker.is_empty()) else {
        return tables.to_string();
    };
    let country = locale.countries.first().map_or("", String::as_str);
    let note = crate::title::marker_note(marker, country);
    let line = format!("# title_marker = {}\n", f.example);
    // The example is another form used in the locale's language, not its usual one.
    let forms = crate::title::forms(locale.language());
    let example = forms.iter().find(|m| **m != marker).copied();
    let example = example.map_or(line.clone(), |m| {
        format!("# title_marker = {}\n", toml::Value::String(m.to_string()))
    });
    tables.replacen(&line, &format!("{}\n{example}", comment_out(&note)), 1)
}

/// A commented starter company profile: the employer facts postings share, with
/// the equal-opportunity statement suggested for `country` (the United States
/// when none is given) commented out, since only the employer can adopt it.
pub fn company_starter(country: Option<&str>) -> String {
    // The first line marks the file as partial for the loader: never translated.
    let mut out = format!(
        "# jobpost: partial\n{}\n",
        comment_out(ui::t("init.company_header"))
    );
    let code = country.unwrap_or("US");
    let line = match country {
        Some(c) => ui::f(
            "init.company_country",
            &[("name", &crate::country::name(c)), ("code", c)],
        ),
        None => ui::t("init.company_assumed").to_string(),
    };
    out.push_str(&comment_out(&line));
    out.push('\n');
    let tables = commented_tables(COMPANY_KEYS, None, &company_examples(code));
    out.push_str(&with_eeo_suggestion(&tables, code));
    out
}

/// A city and region in each country we serve, so a profile's examples read as
/// that country's (a UK employer is not shown "Denver, CO").
const EXAMPLE_PLACES: &[(&str, &str, &str)] = &[
    ("US", "Denver", "CO"),
    ("CA", "Toronto", "ON"),
    ("GB", "Manchester", "England"),
    ("IE", "Cork", "County Cork"),
    ("AU", "Brisbane", "QLD"),
    ("DE", "Leipzig", "Sachsen"),
    ("AT", "Graz", "Steiermark"),
    ("CH", "Basel", "BS"),
    ("FR", "Lyon", "Auvergne-Rhône-Alpes"),
    ("BE", "Liège", "Wallonie"),
];

/// The examples of a company profile for `country`: its code, its currency, and a
/// city and region there where we have them.
fn company_examples(country: &str) -> Vec<(&'static str, String)> {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = vec![("location.country", quoted(country))];
    if let Some(c) = crate::lint::rules::consistency::currency_of(country) {
        out.push(("pay.currency", quoted(&c)));
    }
    if let Some((_, city, region)) = EXAMPLE_PLACES.iter().find(|(c, ..)| *c == country) {
        out.push(("location.city", quoted(city)));
        out.push(("location.region", quoted(region)));
    }
    out
}

/// `tables` with its `# eeo = …` example replaced by the statements suggested
/// for `country` (a country with a regional law, such as Canada, has two), each
/// introduced by its law, whom it binds and its source.
fn with_eeo_suggestion(tables: &str, country: &str) -> String {
    let statements: Vec<_> = crate::equality::all()
        .iter()
        .filter(|s| s.country == country)
        .collect();
    if statements.is_empty() {
        return tables.to_string();
    }
    let suggestions: String = statements
        .iter()
        .map(|s| {
            let about = ui::f(
                "init.eeo_suggested",
                &[
                    ("place", &s.place_and_law()),
                    ("applies", &s.applies),
                    ("source", &s.source),
                ],
            );
            format!(
                "{}\n# eeo = {}\n",
                comment_out(&about),
                toml::Value::String(s.text.clone())
            )
        })
        .collect();
    let example = fields::get("company.eeo").map_or("\"…\"", |f| f.example);
    tables.replacen(&format!("# eeo = {example}\n"), &suggestions, 1)
}

/// What a company profile usually holds.
const COMPANY_KEYS: &[(&str, &[&str])] = &[
    ("company", &["name", "about", "website", "values", "eeo"]),
    ("location", &["city", "region", "country"]),
    ("pay", &["currency", "benefits"]),
    ("apply", &["url", "email", "instructions"]),
];

/// `keys` as commented TOML tables, each key with its help line.
fn commented_tables<K: AsRef<[&'static str]>>(
    keys: &[(&str, K)],
    preset: Option<&Merged>,
    examples: &[(&str, String)],
) -> String {
    let mut out = String::new();
    for (table, keys) in keys {
        let keys = keys.as_ref();
        let mut section = String::new();
        for key in keys
            .iter()
            .filter(|k| !matches!(**k, "role" | "include" | "unset") && keys_is_leaf(table, k))
        {
            let path = crate::layer::join(table, key);
            section.push_str(&starter_line(&path, key, preset, examples));
        }
        if section.is_empty() {
            continue;
        }
        out.push('\n');
        if !table.is_empty() {
            out.push_str(&format!("[{table}]\n"));
        }
        out.push_str(&section);
    }
    out
}

fn keys_is_leaf(table: &str, key: &str) -> bool {
    crate::model::keys_of(&crate::layer::join(table, key)).is_none()
}

/// The commented line of `path`: the preset's value, its suggestion, or an example
/// (one from `examples`, else the field table's).
fn starter_line(
    path: &str,
    key: &str,
    preset: Option<&Merged>,
    examples: &[(&str, String)],
) -> String {
    let help = ui::help(path).unwrap_or("");
    let example = fields::get(path).map_or("\"…\"", |f| f.example);
    let example = examples
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(example, |(_, e)| e.as_str());
    let from_preset = preset.and_then(|m| m.slots.get(path));
    let hint = preset.and_then(|m| m.hints.get(path));
    match (from_preset, hint) {
        (Some(slot), _) => format!(
            "# {help} {}\n{}\n",
            ui::t("init.from_preset"),
            comment_out(&format!("{key} = {}", slot_value(slot)))
        ),
        (None, Some(slot)) => format!(
            "# {help} {}\n{}\n",
            ui::t("init.preset_hint"),
            comment_out(&format!("{key} = {}", slot_value(slot)))
        ),
        (None, None) => format!("# {help}\n# {key} = {example}\n"),
    }
}

fn slot_value(slot: &Slot) -> String {
    match slot {
        Slot::Value(v, _) => v.to_string(),
        Slot::List(items) => list_value(items.iter().map(|(s, _)| s.as_str())),
    }
}

fn list_value<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .map(|s| format!("  {},", toml::Value::String(s.to_string())))
        .collect();
    format!("[\n{}\n]", items.join("\n"))
}

fn comment_out(text: &str) -> String {
    text.lines()
        .map(|l| format!("# {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_company_starter_suggests_the_country_statement_commented_out() {
        let gb = company_starter(Some("GB"));
        let statement = &crate::equality::for_place("GB", None).unwrap().text;
        let line = format!("# eeo = {}", toml::Value::String(statement.clone()));
        assert!(gb.contains(&line), "{gb}");
        assert!(gb.contains("# Suggested for the United Kingdom (Equality Act 2010)"));
        assert!(gb.contains("# Country: United Kingdom (from --country GB)"));
        assert!(gb.contains("# country = \"GB\"\n") && gb.contains("# currency = \"GBP\"\n"));
        assert!(
            gb.contains("# city = \"Manchester\"\n") && !gb.contains("Denver"),
            "{gb}"
        );
        // Nothing is set: every line is a comment or a table header.
        let set: Vec<&str> = gb
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .collect();
        assert!(set.is_empty(), "{set:?}");
        // Parsed as TOML, the profile holds no value at all.
        let parsed: toml::Table = toml::from_str(&gb).unwrap();
        assert!(
            parsed
                .values()
                .all(|t| t.as_table().is_some_and(|t| t.is_empty()))
        );
    }

    #[test]
    fn without_a_country_the_starter_says_it_assumed_the_united_states() {
        let us = company_starter(None);
        assert!(us.contains("# Country: United States, assumed"));
        assert!(us.contains("Title VII of the Civil Rights Act"));
        // A country without a statement keeps the plain example.
        let nl = company_starter(Some("NL"));
        assert!(nl.contains("# eeo = \"…\"\n") && nl.contains("# currency = \"EUR\"\n"));
    }

    #[test]
    fn a_starter_names_its_locale_and_sets_one_given_by_flag() {
        let gb = starter(None, None, StarterLocale::Flag("en-GB"));
        assert!(
            gb.contains("# Locale: en-GB (from --locale en-GB).\n"),
            "{gb}"
        );
        let parsed: toml::Table = toml::from_str(&gb).unwrap();
        assert_eq!(parsed["locale"].as_str(), Some("en-GB"));
        // From the company's country, the place decides: no `locale` is set.
        let ie = starter(
            Some(("cashier", "Cashier")),
            None,
            StarterLocale::Country("en-IE", "IE"),
        );
        assert!(ie.contains("# Locale: en-IE (from --country IE: "), "{ie}");
        let parsed: toml::Table = toml::from_str(&ie).unwrap();
        assert!(!parsed.contains_key("locale"));
        let us = starter(Some(("cashier", "Cashier")), None, StarterLocale::Default);
        assert!(
            us.contains("# Locale: en-US, assumed (no --locale given).\n"),
            "{us}"
        );
        assert!(us.contains(
            "pass --locale with one of de-AT, de-CH, de-DE, en-AU, en-CA, en-GB, en-IE, fr-BE, fr-CA, fr-CH, fr-FR.\n"
        ));
        // A blank starter with no locale given says nothing of it.
        assert!(!starter(None, None, StarterLocale::Default).contains("# Locale:"));
    }

    #[test]
    fn a_company_profile_holds_employer_facts_of_the_field_table() {
        for (table, keys) in COMPANY_KEYS {
            for key in keys.iter() {
                let path = crate::layer::join(table, key);
                let field = crate::model::fields::get(&path);
                assert!(field.is_some_and(|f| f.employer_fact), "{path}");
            }
        }
    }
}
