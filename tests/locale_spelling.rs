//! Presets read right outside the US: every shipped preset, completed by an employer
//! in the UK, Ireland or Australia and rendered as Markdown, text and HTML, holds no
//! US-only word: none of the US spellings the spelling table maps for that locale,
//! none of the US-only terms lint notes there (401(k), GED, zip code, "high school
//! diploma"…), no "resume" where the CV is customary, and no weight in pounds. And
//! Canada keeps "organize" but writes "cheque".

use std::fs;
use std::path::Path;

use jobpost::lint::text::tokenize;
use jobpost::preset::Registry;

#[path = "support/run.rs"]
mod run;
use run::stdout_of;

/// The employer's side for each locale: who hires, where, the pay and how to apply,
/// written the local way.
fn employer(id: &str, tag: &str) -> String {
    let (city, region, country, currency) = match tag {
        "en-GB" => ("Leeds", "England", "GB", "GBP"),
        "en-IE" => ("Cork", "County Cork", "IE", "EUR"),
        "en-AU" => ("Brisbane", "QLD", "AU", "AUD"),
        "en-CA" => ("Halifax", "NS", "CA", "CAD"),
        "en-US" => ("Denver", "CO", "US", "USD"),
        _ => unreachable!("{tag}"),
    };
    format!(
        r#"role = "{id}"
posted = 2027-01-04
apply_by = 2027-02-01
employment_type = "full-time"

[company]
name = "Harbour Lane Services"
about = "Harbour Lane Services looks after customers from one friendly office by the river."
eeo = "We welcome applications from everyone. Tell us about any support you need to apply."

[location]
workplace = "on-site"
city = "{city}"
region = "{region}"
country = "{country}"

[pay]
min = 26000
max = 29000
currency = "{currency}"
period = "year"
benefits = ["25 days of annual leave plus public holidays", "A pension with employer contributions"]

[apply]
url = "https://harbourlane.example/jobs"
"#
    )
}

/// The words of a rendering a reader sees: HTML without its tags, styles and scripts
/// (the JSON-LD script repeats the text; CSS has `color` and `center`).
fn visible(text: &str, format: &str) -> String {
    if format != "html" {
        return text.to_string();
    }
    let text = without_blocks(
        &without_blocks(text, "<style", "</style>"),
        "<script",
        "</script>",
    );
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
}

/// `text` with every `open … close` block taken out.
fn without_blocks(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        rest = rest[i..]
            .find(close)
            .map_or("", |j| &rest[i + j + close.len()..]);
    }
    out.push_str(rest);
    out
}

/// The US-only words for `tag`, as lower-case word sequences.
fn us_only(tag: &str) -> Vec<Vec<String>> {
    let words = |s: &str| tokenize(s).into_iter().map(|t| t.lower).collect::<Vec<_>>();
    let mut list: Vec<Vec<String>> = jobpost::spelling::table(tag)
        .unwrap()
        .entries()
        .iter()
        .map(|e| words(&e.us))
        .collect();
    list.extend(
        jobpost::lint::rules::locale::us_terms(tag)
            .into_iter()
            .map(words),
    );
    for extra in [
        "color",
        "center",
        "organize",
        "high school diploma",
        "zip code",
    ] {
        list.push(words(extra));
    }
    if matches!(tag, "en-GB" | "en-IE") {
        list.push(words("resume"));
    }
    list
}

/// The first US-only word in `text`, if any; a number followed by "pounds" or "lb"
/// counts as one.
fn offending(text: &str, list: &[Vec<String>]) -> Option<String> {
    let toks: Vec<String> = tokenize(text).into_iter().map(|t| t.lower).collect();
    for i in 0..toks.len() {
        for w in list {
            if toks.len() >= i + w.len() && toks[i..i + w.len()] == w[..] {
                return Some(w.join(" "));
            }
        }
        let weight = matches!(toks[i].as_str(), "pounds" | "pound" | "lb" | "lbs");
        if weight && i > 0 && toks[i - 1].chars().all(|c| c.is_ascii_digit()) {
            return Some(format!("{} {}", toks[i - 1], toks[i]));
        }
    }
    None
}

fn render_all(dir: &Path, tag: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for p in Registry::load(None).unwrap().all().unwrap() {
        let file = format!("{}-{tag}.toml", p.id);
        fs::write(dir.join(&file), employer(&p.id, tag)).unwrap();
        for format in ["md", "txt", "html"] {
            let text = stdout_of(dir, &["render", &file, "--format", format]);
            fs::write(dir.join(format!("{}-{tag}.{format}", p.id)), &text).unwrap();
            out.push((p.id.clone(), format.to_string(), visible(&text, format)));
        }
    }
    out
}

#[test]
fn no_uk_irish_or_australian_rendering_of_a_preset_holds_a_us_only_word() {
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for tag in ["en-GB", "en-IE", "en-AU"] {
        let list = us_only(tag);
        for (id, format, text) in render_all(dir.path(), tag) {
            if let Some(word) = offending(&text, &list) {
                problems.push(format!("{id} ({tag}, {format}): `{word}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn canada_keeps_organize_and_writes_cheque() {
    let dir = tempfile::tempdir().unwrap();
    let rendered = render_all(dir.path(), "en-CA");
    let md = |id: &str| {
        rendered
            .iter()
            .find(|(i, f, _)| i == id && f == "md")
            .map(|(_, _, t)| t.to_lowercase())
            .unwrap()
    };
    let teller = md("bank-teller");
    assert!(teller.contains("cash cheques"), "{teller}");
    assert!(!teller.contains("cash checks"), "{teller}");
    let front = md("front-desk-agent");
    assert!(front.contains("organized"), "{front}");
    assert!(!front.contains("organised"), "{front}");
    assert!(md("call-center-customer-service").contains("call centre"));
}

/// Our own output lints clean of `locale-mismatch`: every preset, completed by an
/// employer in each locale's country, as TOML and as its Markdown, text and HTML.
#[test]
fn every_preset_in_every_locale_gives_no_locale_note() {
    let dir = tempfile::tempdir().unwrap();
    for tag in ["en-US", "en-CA", "en-GB", "en-IE", "en-AU"] {
        render_all(dir.path(), tag);
    }
    let out = stdout_of(
        dir.path(),
        &["lint", ".", "--format", "json", "--fail-on", "never"],
    );
    let findings: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let notes: Vec<String> = findings
        .iter()
        .filter(|f| f["rule"] == "locale-mismatch")
        .map(|f| format!("{}:{}: {}", f["path"], f["line"], f["message"]))
        .collect();
    assert!(notes.is_empty(), "{}", notes.join("\n"));
    assert!(findings.len() > 10, "the folder was linted: {out}");
}

#[test]
fn the_check_finds_what_it_looks_for() {
    let gb = us_only("en-GB");
    assert_eq!(offending("Pick a Color.", &gb).as_deref(), Some("color"));
    assert_eq!(
        offending("Lift 25 pounds.", &gb).as_deref(),
        Some("25 pounds")
    );
    assert_eq!(offending("A 401(k) plan", &gb).as_deref(), Some("401 k"));
    assert_eq!(
        offending("Send your resume", &gb).as_deref(),
        Some("your resume")
    );
    assert_eq!(offending("Check the colour, lift 11 kg", &gb), None);
    assert_eq!(
        visible("<style>p { color: red }</style><p>A colour</p>", "html").trim(),
        "A colour"
    );
}
