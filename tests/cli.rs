//! Runs the real binary on every fixture folder and compares with committed
//! expected files, then the checks that span many runs.
//!
//! A case is `tests/fixtures/<case>/` holding its inputs and a file `args` (one
//! argument per line). It runs in a scratch copy of the folder; its standard
//! output, standard error, exit code and every file it writes are compared with
//! `expected/` in the case folder. `JOBPOST_BLESS=1 cargo test` rewrites them.
//!
//! Every case is its own named test (this file has its own `main`, built on
//! libtest-mimic), so `cargo test bad-currency` or
//! `cargo test --test cli -- --exact bad-currency` runs one case, and
//! `JOBPOST_BLESS=1` with a filter rewrites only the cases it selects. A new
//! check written here must be added to the list in `main`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use libtest_mimic::{Arguments, Failed, Trial};

#[path = "support/run.rs"]
mod run;
use run::stdout_of;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_jobpost")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Files below `dir` (relative path → bytes), skipping `expected/` and `args`.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(dir).unwrap().to_path_buf();
            if rel == Path::new("expected") || rel == Path::new("args") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Runs one case; returns what it produced, by expected-file name.
fn run_case(case: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let work = tempfile::tempdir().unwrap();
    let before = files(case);
    for (rel, bytes) in &before {
        let dest = work.path().join(rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::write(dest, bytes).unwrap();
    }
    let args = fs::read_to_string(case.join("args")).unwrap();
    let out = Command::new(bin())
        .args(args.lines().filter(|l| !l.is_empty()))
        .current_dir(work.path())
        .env("NO_COLOR", "1")
        // The day an export dates undated postings with: fixed, so outputs are stable.
        .env("SOURCE_DATE_EPOCH", "1798761600")
        .env_remove("JOBPOST_ROLES")
        .env_remove("JOBPOST_TEMPLATES")
        // `new` and `init` speak the terminal's language; cases are in English
        // unless their args pass --lang.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let mut produced = BTreeMap::new();
    produced.insert(PathBuf::from("stdout"), out.stdout);
    produced.insert(PathBuf::from("stderr"), out.stderr);
    let code = out
        .status
        .code()
        .map_or("signal".to_string(), |c| c.to_string());
    produced.insert(PathBuf::from("code"), format!("{code}\n").into_bytes());
    for (rel, bytes) in files(work.path()) {
        if before.get(&rel) != Some(&bytes) {
            let bytes = without_build(&rel, bytes);
            produced.insert(PathBuf::from("files").join(rel), bytes);
        }
    }
    produced
}

/// An export manifest's fingerprint names the build of the program that wrote
/// it, so it differs after every change to the code; the rest is compared.
fn without_build(rel: &Path, bytes: Vec<u8>) -> Vec<u8> {
    if rel.file_name() != Some(".jobpost-manifest.json".as_ref()) {
        return bytes;
    }
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<String> = text
        .lines()
        .map(|l| match l.split_once("\"fingerprint\": ") {
            Some((indent, _)) => format!("{indent}\"fingerprint\": \"(this build)\","),
            None => l.to_string(),
        })
        .collect();
    (lines.join("\n") + "\n").into_bytes()
}

fn check_case(case: &Path) -> Result<(), String> {
    let produced = run_case(case);
    let expected_dir = case.join("expected");
    if std::env::var_os("JOBPOST_BLESS").is_some() {
        let _ = fs::remove_dir_all(&expected_dir);
        for (rel, bytes) in &produced {
            let dest = expected_dir.join(rel);
            fs::create_dir_all(dest.parent().unwrap()).unwrap();
            fs::write(dest, bytes).unwrap();
        }
        return Ok(());
    }
    let expected = files(&expected_dir);
    if expected.is_empty() {
        return Err(format!(
            "{}: no expected/ folder (run with JOBPOST_BLESS=1)",
            case.display()
        ));
    }
    for (rel, want) in &expected {
        let got = produced
            .get(rel)
            .map(Vec::as_slice)
            .unwrap_or(b"<not produced>");
        if got != want.as_slice() {
            return Err(format!(
                "{}: {} differs\n--- expected\n{}\n--- got\n{}",
                case.display(),
                rel.display(),
                String::from_utf8_lossy(want),
                String::from_utf8_lossy(got)
            ));
        }
    }
    if let Some(rel) = produced.keys().find(|r| !expected.contains_key(*r)) {
        return Err(format!(
            "{}: unexpected output {}",
            case.display(),
            rel.display()
        ));
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let mut trials = fixture_trials();
    let checks: [(&str, fn()); 7] = [
        (
            "html_escapes_hostile_text_everywhere",
            html_escapes_hostile_text_everywhere,
        ),
        (
            "completions_and_man_page_are_generated",
            completions_and_man_page_are_generated,
        ),
        (
            "exported_jsonld_has_the_required_fields_and_matches_the_page",
            exported_jsonld_has_the_required_fields_and_matches_the_page,
        ),
        (
            "export_bytes_do_not_depend_on_the_number_of_threads",
            export_bytes_do_not_depend_on_the_number_of_threads,
        ),
        (
            "a_field_cannot_close_the_jsonld_script",
            a_field_cannot_close_the_jsonld_script,
        ),
        (
            "exported_files_are_readable_by_others_as_the_umask_allows",
            exported_files_are_readable_by_others_as_the_umask_allows,
        ),
        (
            "an_ejected_theme_is_used_as_written_and_edited",
            an_ejected_theme_is_used_as_written_and_edited,
        ),
    ];
    // A panicking check fails its trial; libtest-mimic catches the panic.
    trials.extend(checks.map(|(name, check)| {
        Trial::test(name, move || {
            check();
            Ok(())
        })
    }));
    libtest_mimic::run(&args, trials).exit_code()
}

/// One test per fixture folder, named after it.
fn fixture_trials() -> Vec<Trial> {
    let mut cases: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("args").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "fixture cases missing");
    cases
        .into_iter()
        .map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || check_case(&case).map_err(Failed::from))
        })
        .collect()
}

fn jobpost(args: &[&str]) -> std::process::Output {
    Command::new(bin()).args(args).output().unwrap()
}

fn preset_ids() -> Vec<String> {
    let out = jobpost(&["roles", "list"]);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

fn html_escapes_hostile_text_everywhere() {
    let case = fixtures().join("hostile-html");
    let args = fs::read_to_string(case.join("args")).unwrap();
    let args: Vec<&str> = args.lines().filter(|l| !l.is_empty()).collect();
    let html = stdout_of(&case, &args).to_lowercase();
    for tag in tags(&html) {
        assert!(
            !tag.starts_with("<script>") && !tag.starts_with("<img") && !tag.starts_with("<svg"),
            "{tag}"
        );
        assert!(!tag.contains(" on"), "an event handler got through: {tag}");
        assert!(
            !tag.contains("javascript:") && !tag.contains("data:"),
            "a hostile url got through: {tag}"
        );
    }
    assert_eq!(html.matches("<h1").count(), 1, "exactly one h1");
}

/// Every raw tag of an HTML text (escaped text never starts one).
fn tags(html: &str) -> Vec<&str> {
    html.match_indices('<')
        .filter_map(|(i, _)| html[i..].find('>').map(|j| &html[i..=i + j]))
        .filter(|t| !t.starts_with("<!") && !t.starts_with("</"))
        .collect()
}

fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let out = jobpost(&["completions", shell]);
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("render"),
            "{shell}"
        );
    }
    let man = jobpost(&["man"]);
    assert!(man.status.success());
    assert!(String::from_utf8_lossy(&man.stdout).contains(".TH jobpost"));
}

/// One posting file per preset (in `dir/presets/`) and a company profile that
/// gives them what JSON-LD needs; returns the profile's path.
fn preset_postings(dir: &Path) -> PathBuf {
    let postings = dir.join("presets");
    fs::create_dir_all(&postings).unwrap();
    for (i, id) in preset_ids().iter().enumerate() {
        let remote = i % 4 == 3;
        let place = if remote {
            "workplace = \"remote\"\napplicant_countries = [\"US\", \"CA\"]"
        } else {
            "workplace = \"on-site\"\ncity = \"Denver\"\nregion = \"CO\"\ncountry = \"US\""
        };
        let pay = "[pay]\nmin = 18\nmax = 22\ncurrency = \"USD\"\nperiod = \"hour\"\n";
        let text =
            format!("role = \"{id}\"\nreference = \"REF-{i}\"\n\n[location]\n{place}\n\n{pay}");
        fs::write(postings.join(format!("{id}.toml")), text).unwrap();
    }
    let company = dir.join("company.toml");
    fs::write(
        &company,
        "[company]\nname = \"Juniper Outfitters\"\nwebsite = \"https://www.example.com\"\n",
    )
    .unwrap();
    company
}

/// Runs `jobpost export` on every preset plus the export fixture; returns the output folder.
fn export_sample(work: &Path, jobs: &str) -> PathBuf {
    let company = preset_postings(work);
    let out = work.join(format!("out-{jobs}"));
    let basic = fixtures().join("export-basic/postings");
    let status = Command::new(bin())
        .args([
            "export",
            "--format",
            "md,html,jsonld,txt",
            "--date",
            "2027-01-04",
        ])
        .arg("--jobs")
        .arg(jobs)
        .arg("--company")
        .arg(&company)
        .arg("--out")
        .arg(&out)
        .arg(work.join("presets"))
        .arg(&basic)
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(1),
        "only the broken fixture fails"
    );
    out
}

fn find_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = files(dir)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| dir.join(p))
        .collect();
    found.sort();
    found
}

fn exported_jsonld_has_the_required_fields_and_matches_the_page() {
    let work = tempfile::tempdir().unwrap();
    let out = export_sample(work.path(), "2");
    let ld_files = find_files(&out, "jsonld");
    assert!(ld_files.len() >= 17, "{} JSON-LD files", ld_files.len());
    for path in ld_files {
        let text = fs::read_to_string(&path).unwrap();
        let ld: serde_json::Value = serde_json::from_str(&text).unwrap();
        check_jobposting(&path, &ld);
        let page = fs::read_to_string(path.with_extension("html")).unwrap();
        assert_eq!(
            embedded_jsonld(&page),
            ld,
            "{}: page and file differ",
            path.display()
        );
    }
}

fn check_jobposting(path: &Path, ld: &serde_json::Value) {
    let at = path.display();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    assert_eq!(ld["@context"], "https://schema.org/", "{at}");
    assert_eq!(ld["@type"], "JobPosting", "{at}");
    assert!(!text(&ld["title"]).is_empty(), "{at}: title");
    let description = text(&ld["description"]);
    assert!(
        description.len() > text(&ld["title"]).len(),
        "{at}: description"
    );
    for tag in tags(&description) {
        let name = tag.trim_start_matches('<').trim_end_matches('>');
        assert!(["p", "ul", "li", "br"].contains(&name), "{at}: tag {tag}");
    }
    // Pay shows in the description exactly when the employer gave it.
    assert_eq!(
        description.contains("per hour") || description.contains("per year"),
        ld.get("baseSalary").is_some(),
        "{at}: pay"
    );
    let date = text(&ld["datePosted"]);
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-',
        "{at}: datePosted {date}"
    );
    assert_eq!(ld["hiringOrganization"]["@type"], "Organization", "{at}");
    assert!(!text(&ld["hiringOrganization"]["name"]).is_empty(), "{at}");
    if ld["jobLocationType"] == "TELECOMMUTE" {
        let countries = ld["applicantLocationRequirements"].as_array().unwrap();
        assert!(countries.iter().all(|c| c["@type"] == "Country"), "{at}");
    } else {
        let address = &ld["jobLocation"]["address"];
        assert_eq!(address["@type"], "PostalAddress", "{at}");
        assert_eq!(text(&address["addressCountry"]).len(), 2, "{at}");
    }
    if let Some(salary) = ld.get("baseSalary") {
        assert_eq!(salary["@type"], "MonetaryAmount", "{at}");
        let unit = text(&salary["value"]["unitText"]);
        assert!(
            ["HOUR", "DAY", "WEEK", "MONTH", "YEAR"].contains(&unit.as_str()),
            "{at}"
        );
    }
    let kinds = [
        "FULL_TIME",
        "PART_TIME",
        "CONTRACTOR",
        "TEMPORARY",
        "INTERN",
    ];
    let kinds = [&kinds[..], &["VOLUNTEER", "PER_DIEM", "OTHER"]].concat();
    if let Some(kind) = ld.get("employmentType") {
        assert!(kinds.contains(&text(kind).as_str()), "{at}");
    }
}

/// The JSON inside the page's `<script type="application/ld+json">`.
fn embedded_jsonld(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/ld+json\">";
    let start = page.find(open).expect("the page embeds JSON-LD") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

fn export_bytes_do_not_depend_on_the_number_of_threads() {
    let work = tempfile::tempdir().unwrap();
    let one = files(&export_sample(work.path(), "1"));
    let two = files(&export_sample(work.path(), "2"));
    assert!(one.len() > 60, "{} files", one.len());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(
            two[path] == *bytes,
            "{} differs between --jobs 1 and 2",
            path.display()
        );
    }
}

fn a_field_cannot_close_the_jsonld_script() {
    let work = tempfile::tempdir().unwrap();
    let hostile = "</script><script>alert(1)</script><!--";
    let posting = format!(
        "role = \"cashier\"\ntitle = {hostile:?}\n[company]\nname = {hostile:?}\n[location]\ncountry = \"US\"\ncity = {hostile:?}\n[duties]\ndaily = [\"a\u{2028}b {hostile}\"]\n"
    );
    fs::write(work.path().join("p.toml"), posting).unwrap();
    let args = [
        "render",
        "p.toml",
        "--format",
        "html",
        "--date",
        "2027-01-04",
    ];
    let page = stdout_of(work.path(), &args);
    let lower = page.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 1, "one script element");
    assert_eq!(lower.matches("</script").count(), 1, "closed once");
    let script = &page[page.find("<script").unwrap()..page.find("</script>").unwrap()];
    assert!(!script.contains('\u{2028}'), "line separators are escaped");
    let ld = embedded_jsonld(&page);
    assert_eq!(ld["title"], hostile);
    assert_eq!(ld["hiringOrganization"]["name"], hostile);
}

/// Exported files get the permissions the umask allows (on Unix; elsewhere nothing to check).
fn exported_files_are_readable_by_others_as_the_umask_allows() {
    #[cfg(unix)]
    umask_is_honoured();
}

#[cfg(unix)]
fn umask_is_honoured() {
    use std::os::unix::fs::PermissionsExt;
    let umask = Command::new("sh").args(["-c", "umask"]).output().unwrap();
    let umask = u32::from_str_radix(String::from_utf8(umask.stdout).unwrap().trim(), 8).unwrap();
    let work = tempfile::tempdir().unwrap();
    let out = export_sample(work.path(), "2");
    for path in [out.join("index.html"), out.join("retail/cashier.html")] {
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask, "{}", path.display());
    }
}

/// What a new user does: eject, edit the stylesheet and a preset, then pass the
/// folder `eject` wrote to `--templates` and `--roles` as it is.
fn an_ejected_theme_is_used_as_written_and_edited() {
    let work = tempfile::tempdir().unwrap();
    stdout_of(work.path(), &["eject", "my-theme"]);
    let css = work.path().join("my-theme/templates/style.css");
    let mut style = fs::read_to_string(&css).unwrap();
    style.push_str("\nh1 { color: #7a0019; }\n");
    fs::write(&css, style).unwrap();
    let preset = work.path().join("my-theme/roles/cashier.toml");
    let text = fs::read_to_string(&preset).unwrap();
    let edited = text.replacen("title = ", "title = \"Till Captain\"\n# was: title = ", 1);
    assert_ne!(text, edited, "the shipped cashier preset sets a title");
    fs::write(&preset, edited).unwrap();
    let args = ["--templates", "my-theme", "--roles", "my-theme", "render"];
    let page = stdout_of(
        work.path(),
        &[&args[..], &["--role", "cashier", "-f", "html"]].concat(),
    );
    assert!(
        page.contains("h1 { color: #7a0019; }"),
        "the edited style.css is used"
    );
    assert!(
        page.contains("<h1>Till Captain</h1>"),
        "the edited preset is used"
    );
}
