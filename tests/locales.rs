//! Every shipped preset rendered in each of the five locales, compared with
//! committed expected outputs, so a change to a preset, a template or a message
//! catalogue shows as a reviewable diff of what job seekers in each country read.
//!
//! - `preset/<id>/<locale>`: the preset completed by the fixed employer of the
//!   locale (`tests/locales/employers/<locale>.toml`: a company in that country,
//!   pay in its currency, a place there, and the equal-opportunity statement
//!   jobpost suggests for the place, accepted), rendered to Markdown and compared
//!   with `tests/locales/expected/<id>/<locale>.md`.
//! - `example/<locale>/<format>`: `examples/uk-london-contact-centre.toml` with
//!   `--locale <locale>`, in Markdown and HTML, compared with
//!   `tests/locales/expected/examples/uk-london-contact-centre/<locale>.<md|html>`.
//! - `lint/<locale>`: every preset's expected Markdown of the locale lints with no
//!   errors or warnings (a job seeker there reads what lint would pass).
//! - `expected/no-stale-files`: every folder in `tests/locales/expected/` is a
//!   preset's (or `examples`), so a renamed preset leaves no outputs behind.
//! - `equality/<country>`: each suggested equal-opportunity statement accepted in
//!   a posting of its country, rendered to Markdown, text and HTML, and linted
//!   with the posting file: no errors or warnings, and the output names the law.
//!
//! `JOBPOST_BLESS=1 cargo test --test locales` rewrites the expected files (a
//! filter such as `-- en-GB` rewrites only the trials it selects).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use jobpost::equality::{self, Statement};
use jobpost::preset::Registry;
use libtest_mimic::{Arguments, Failed, Trial};

/// Every shipped locale (a new catalogue file joins by itself), each with the
/// place of its employer in `tests/locales/employers/<tag>.toml`.
fn locales() -> Vec<&'static str> {
    jobpost::locale::tags().collect()
}

/// The example rendered in every locale.
const EXAMPLE: &str = "uk-london-contact-centre";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn employer(locale: &str) -> PathBuf {
    root().join(format!("tests/locales/employers/{locale}.toml"))
}

/// Standard output of `jobpost ARGS` in `dir`; a failed run is the trial's failure.
fn jobpost(dir: &Path, args: &[&str]) -> Result<String, Failed> {
    let out = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("JOBPOST_ROLES")
        .env_remove("JOBPOST_TEMPLATES")
        .output()
        .map_err(|e| format!("jobpost {args:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("jobpost {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    String::from_utf8(out.stdout).map_err(|e| format!("jobpost {args:?}: {e}").into())
}

/// The statement suggested for the place of the employer of `locale`.
fn statement_of(locale: &str) -> &'static Statement {
    let text = fs::read_to_string(employer(locale)).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let place = table["location"].as_table().unwrap();
    let country = place["country"].as_str().unwrap();
    let region = place.get("region").and_then(|r| r.as_str());
    let lang = table
        .get("locale")
        .and_then(|l| l.as_str())
        .or(Some(locale))
        .and_then(|t| t.split('-').next());
    equality::for_place_in(country, region, lang).unwrap()
}

/// A posting file in `dir`: preset `id`, the equal-opportunity statement
/// `eeo`, and the employer of `locale` as its company profile (copied beside
/// it: an include must stay inside the posting's project).
fn write_posting(dir: &Path, id: &str, locale: &str, eeo: &str) -> PathBuf {
    fs::copy(employer(locale), dir.join("company.toml")).unwrap();
    let text = format!(
        "role = {}\ninclude = [\"company.toml\"]\n\n[company]\neeo = {}\n",
        toml::Value::String(id.into()),
        toml::Value::String(eeo.into())
    );
    let file = dir.join("posting.toml");
    fs::write(&file, text).unwrap();
    file
}

/// `got` compared with the committed file `expected`, or written there when
/// blessing.
fn compare(expected: &Path, got: &str) -> Result<(), Failed> {
    if std::env::var_os("JOBPOST_BLESS").is_some() {
        fs::create_dir_all(expected.parent().unwrap()).unwrap();
        fs::write(expected, got).unwrap();
        return Ok(());
    }
    let want = fs::read_to_string(expected).map_err(|e| {
        format!(
            "{}: {e} (run with JOBPOST_BLESS=1 to write it)",
            expected.display()
        )
    })?;
    if want == got {
        return Ok(());
    }
    let line = want
        .lines()
        .zip(got.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(want.lines().count().min(got.lines().count()));
    Err(format!(
        "{} differs from line {}\n--- expected\n{want}\n--- got\n{got}",
        expected.display(),
        line + 1
    )
    .into())
}

fn preset_trial(id: &str, locale: &str) -> Result<(), Failed> {
    let dir = tempfile::tempdir().unwrap();
    let file = write_posting(dir.path(), id, locale, &statement_of(locale).text);
    let file = file.to_str().unwrap();
    let md = jobpost(dir.path(), &["render", file, "--format", "md"])?;
    let explain = jobpost(dir.path(), &["explain", file])?;
    // The employer's place gives the locale, or (fr-CH, which no country
    // defaults to) the employer's own `locale`.
    let from_place = explain.contains(&format!("# locale: {locale} (from location."));
    if !from_place && !explain.contains(&format!("locale = \"{locale}\"")) {
        return Err(
            format!("{id}: the employer's country does not give {locale}:\n{explain}").into(),
        );
    }
    let expected = root().join(format!("tests/locales/expected/{id}/{locale}.md"));
    compare(&expected, &md)
}

fn example_trial(locale: &str, format: &str) -> Result<(), Failed> {
    let example = format!("examples/{EXAMPLE}.toml");
    let out = jobpost(
        &root(),
        &["render", &example, "--locale", locale, "--format", format],
    )?;
    let expected = root().join(format!(
        "tests/locales/expected/examples/{EXAMPLE}/{locale}.{format}"
    ));
    compare(&expected, &out)
}

/// The locale of the statement's language whose employer is in its country
/// (`fr-CH` for the Swiss statement in French).
fn locale_of(s: &Statement) -> &'static str {
    let tag = format!("{}-{}", s.language, s.country);
    locales()
        .into_iter()
        .find(|l| *l == tag)
        .expect("every statement's country and language have a locale")
}

/// A statement accepted in a cashier posting of its country lints clean in every
/// format, and every format names its law.
fn equality_trial(s: &Statement) -> Result<(), Failed> {
    let dir = tempfile::tempdir().unwrap();
    let locale = locale_of(s);
    write_posting(dir.path(), "cashier", locale, &s.text);
    for format in ["md", "txt", "html"] {
        let out = jobpost(dir.path(), &["render", "posting.toml", "--format", format])?;
        if !out.contains(&s.law) {
            return Err(format!("the {format} rendering does not name the {}", s.law).into());
        }
        fs::write(dir.path().join(format!("posting.{format}")), out).unwrap();
    }
    let serious = serious_findings(dir.path(), &["."])?;
    match serious.is_empty() {
        true => Ok(()),
        false => Err(format!("{}:\n{}", s.law, serious.join("\n")).into()),
    }
}

fn preset_ids() -> Vec<String> {
    let registry = Registry::load(None).unwrap();
    registry
        .all()
        .unwrap()
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

/// Every folder of expected outputs belongs to a shipped preset or the examples.
fn no_stale_files(ids: &[String]) -> Result<(), Failed> {
    let dir = root().join("tests/locales/expected");
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(()); // nothing blessed yet: the preset trials say so
    };
    let stale: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name != "examples" && !ids.contains(name))
        .collect();
    match stale.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "{}: no preset has these ids: {}",
            dir.display(),
            stale.join(", ")
        )
        .into()),
    }
}

/// Lints `paths` (run in `dir`); the findings that are not notes.
fn serious_findings(dir: &Path, paths: &[&str]) -> Result<Vec<String>, Failed> {
    let mut args = vec!["lint", "--format", "json", "--fail-on", "never"];
    args.extend_from_slice(paths);
    let json = jobpost(dir, &args)?;
    let findings: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    Ok(findings
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| {
            format!(
                "{}:{}: {} {}",
                f["path"], f["line"], f["rule"], f["message"]
            )
        })
        .collect())
}

/// Every preset's expected Markdown in `locale` lints clean.
fn lint_trial(ids: &[String], locale: &str) -> Result<(), Failed> {
    let files: Vec<String> = ids
        .iter()
        .map(|id| format!("tests/locales/expected/{id}/{locale}.md"))
        .collect();
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    let serious = serious_findings(&root(), &paths)?;
    match serious.is_empty() {
        true => Ok(()),
        false => Err(serious.join("\n").into()),
    }
}

/// `CA`, `CA-Ontario`: a trial name for a statement.
fn statement_name(s: &Statement) -> String {
    match s.regions.last() {
        Some(region) => format!("{}-{region}-{}", s.country, s.language),
        None => format!("{}-{}", s.country, s.language),
    }
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let ids = preset_ids();
    let mut trials = Vec::new();
    for id in ids {
        for locale in locales() {
            let name = format!("preset/{id}/{locale}");
            let id = id.clone();
            trials.push(Trial::test(name, move || preset_trial(&id, locale)));
        }
    }
    for locale in locales() {
        for format in ["md", "html"] {
            let name = format!("example/{locale}/{format}");
            trials.push(Trial::test(name, move || example_trial(locale, format)));
        }
    }
    for s in equality::all() {
        let name = format!("equality/{}", statement_name(s));
        trials.push(Trial::test(name, move || equality_trial(s)));
    }
    for locale in locales() {
        let ids = preset_ids();
        let name = format!("lint/{locale}");
        trials.push(Trial::test(name, move || lint_trial(&ids, locale)));
    }
    let known = preset_ids();
    trials.push(Trial::test("expected/no-stale-files", move || {
        no_stale_files(&known)
    }));
    libtest_mimic::run(&args, trials).exit_code()
}
