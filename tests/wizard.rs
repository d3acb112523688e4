//! Drives the real `jobpost new` through a pseudo-terminal, as a person would.
//!
//! Keys are sent only while a prompt is waiting: every prompt (inquire's and the
//! wizard's own line prompt) switches the terminal to raw mode and then turns on
//! bracketed paste (`ESC[?2004h`), so that sequence marks the moment a prompt is
//! ready. Keys sent between prompts would reach a terminal in cooked mode, where
//! Ctrl-C is a signal and Enter is a newline.
//!
//! Every wait is for something the program draws, never for a span of time, and
//! the time allowed is long: these tests run while other builds load the machine.
#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

const BIN: &str = env!("CARGO_BIN_EXE_jobpost");

#[path = "support/run.rs"]
mod run;
use run::stdout_of;

/// A prompt became ready; the group is the first line of its question. The line
/// must have ended (a line break or an escape follows), so a question drawn in
/// two writes is not read half-way.
const READY: &str = r"\x1b\[\?2004h\x1b\[\?25l\? ([^\r\n\x1b]*)[\r\n\x1b]";

/// How long to wait for the program to draw something before failing: long, as
/// a loaded machine may be slow, and a passing test never waits it out.
const PATIENCE: Duration = Duration::from_secs(180);

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const CTRL_A: &str = "\x01";
const CTRL_E: &str = "\x05";
const CTRL_U: &str = "\x15";
const CTRL_W: &str = "\x17";
const HOME: &str = "\x1b[H";
const END: &str = "\x1b[F";
const LEFT: &str = "\x1b[D";

/// One run of `jobpost new` in a pseudo-terminal of a fixed size.
struct Wizard {
    session: OsSession,
    /// Everything the program drew, as read so far.
    screen: Vec<u8>,
}

impl Wizard {
    fn start(dir: &Path, args: &[&str]) -> Self {
        Self::start_with_path(dir, args, None)
    }

    /// Starts with `PATH` set to `path` for jobpost (not for the shell that starts it).
    fn start_with_path(dir: &Path, args: &[&str], path: Option<&Path>) -> Self {
        Self::spawn(dir, args, path, "C.UTF-8")
    }

    /// Starts in a terminal whose `LANG` is `lang` (`LC_ALL` and `LC_MESSAGES`
    /// unset): the language the wizard speaks.
    fn start_in(dir: &Path, args: &[&str], lang: &str) -> Self {
        Self::spawn(dir, args, None, lang)
    }

    fn spawn(dir: &Path, args: &[&str], path: Option<&Path>, lang: &str) -> Self {
        let mut cmd = Command::new("sh");
        if let Some(path) = path {
            cmd.env("WIZARD_PATH", path);
        }
        cmd.arg("-c")
            .arg("stty cols 100 rows 40 && PATH=\"${WIZARD_PATH:-$PATH}\" exec \"$0\" \"$@\"")
            .arg(BIN)
            .arg("new")
            .args(args)
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            // The clock the wizard offers as the date posted: 2 March 2026.
            .env("SOURCE_DATE_EPOCH", "1772409600")
            .env_remove("JOBPOST_ROLES")
            .env_remove("JOBPOST_TEMPLATES")
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            // The wizard speaks the terminal's language: English unless a test asks.
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        let mut session = Session::spawn(cmd).expect("spawn jobpost in a pty");
        session.set_expect_timeout(Some(PATIENCE));
        Wizard {
            session,
            screen: Vec::new(),
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.screen).replace("\r\n", "\n")
    }

    /// Waits for the next prompt and returns the first line of its question.
    fn next(&mut self) -> String {
        let found = match self.session.expect(Regex(READY)) {
            Ok(found) => found,
            Err(e) => panic!("no prompt came ({e}); the screen so far:\n{}", self.text()),
        };
        self.screen.extend_from_slice(found.as_bytes());
        String::from_utf8_lossy(found.get(1).unwrap_or_default()).to_string()
    }

    /// Waits for the prompt asking `question`, then types `keys`.
    fn answer(&mut self, question: &str, keys: &str) {
        let asked = self.next();
        assert!(
            asked.starts_with(question),
            "expected `{question}`, got `{asked}`; the screen so far:\n{}",
            self.text()
        );
        self.send(keys);
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Waits for `text` on the screen (an error shown under the current prompt).
    fn see(&mut self, text: &str) {
        let found = match self.session.expect(text) {
            Ok(found) => found,
            Err(e) => panic!(
                "`{text}` did not show ({e}); the screen so far:\n{}",
                self.text()
            ),
        };
        self.screen.extend_from_slice(found.as_bytes());
    }

    /// Presses Enter at every prompt until the one asking `question`, then types `keys`.
    fn enter_until(&mut self, question: &str, keys: &str) {
        for _ in 0..100 {
            if self.next().starts_with(question) {
                self.send(keys);
                return;
            }
            self.send("\r");
        }
        panic!("`{question}` was never asked:\n{}", self.text());
    }

    /// Presses Enter at every prompt until the program ends; returns how many.
    fn enter_to_the_end(&mut self) -> usize {
        let mut prompts = 0;
        loop {
            let found = self
                .session
                .expect(expectrl::Any::boxed(vec![
                    Box::new(Regex(READY)),
                    Box::new(Eof),
                ]))
                .unwrap_or_else(|e| panic!("stuck ({e}); the screen so far:\n{}", self.text()));
            self.screen.extend_from_slice(found.as_bytes());
            if found.get(0).is_none_or(|m| !m.starts_with(b"\x1b[?2004h")) {
                return prompts;
            }
            prompts += 1;
            assert!(prompts < 100, "the wizard does not end:\n{}", self.text());
            self.send("\r");
        }
    }

    /// Waits for the end; returns the exit code and the whole screen as text.
    fn finish(mut self) -> (i32, String) {
        if let Ok(found) = self.session.expect(Eof) {
            self.screen.extend_from_slice(found.as_bytes());
        }
        let code = match self.session.get_process().wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!("jobpost did not exit normally: {other:?}\n{}", self.text()),
        };
        (code, self.text())
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What `jobpost render FILE` prints.
fn render(dir: &Path, file: &str) -> String {
    stdout_of(dir, &["render", file])
}

/// The rendered posting the wizard showed before saving.
fn preview(screen: &str) -> &str {
    let start = screen.find("── Preview ─").expect("a preview");
    let body = &screen[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("\n────").expect("the end of the preview") + 1]
}

#[test]
fn enter_at_every_prompt_accepts_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--role",
        "cashier",
        "--set",
        "company.name=Acme Stores",
        "--set",
        "location.workplace=on-site",
        "--set",
        "location.city=Austin",
        "--set",
        "location.region=TX",
        "--set",
        "location.country=US",
        "--set",
        "apply.url=https://example.com/jobs",
    ];
    let mut w = Wizard::start(dir.path(), &args);
    let prompts = w.enter_to_the_end();
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(prompts > 20, "{prompts} prompts:\n{screen}");
    assert!(
        screen.contains("wrote posting.toml and posting.md"),
        "{screen}"
    );
    let md = read(&dir.path().join("posting.md"));
    assert_eq!(md, render(dir.path(), "posting.toml"));
    assert_eq!(preview(&screen), md, "the preview is what was saved");
}

#[test]
fn custom_values_in_every_section_for_a_colorado_job() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Wizard::start(dir.path(), &[]);
    w.answer("Role to start from", "\r"); // nothing chosen: asked again
    w.see("Choose a role");
    w.answer("Role to start from", "cashier\r");
    w.answer("Employer", "Acme Stores\r");
    w.answer("About the company", &format!("{UP}{UP}\r"));
    w.answer("About the company", "We sell everything.\r");
    w.answer("Company website", "https://example.com\r");
    w.answer("Job title", "Head Cashier\r");
    w.answer("Your reference", "REQ-7\r");
    w.answer("Workplace", "on-site\r");
    w.answer("Street address", "1 Main St\r");
    w.answer("City", "Denver\r");
    w.answer("State or region", "CO\r");
    w.answer("Postal code", "80202\r");
    w.answer("Country", "US\r");
    w.answer("Locale", "\r"); // the country's: none is written
    w.answer("Employment type", "full\r");
    w.answer("Hours a week", "40\r");
    w.answer("Purpose", &format!("{DOWN}\r"));
    w.answer("Purpose", "You lead the cashiers on each shift.\r");
    w.answer("Daily duties", " \r"); // untick the first
    w.answer("Add a daily duty", "Train new cashiers\r");
    w.answer("Add a daily duty", "\r");
    w.answer("Weekly duties", "\r");
    w.answer("Add a weekly duty", "\r");
    w.answer("Required skills", "\r");
    w.answer("Add a required skill", "Calm under pressure\r");
    w.answer("Add a required skill", "\r");
    w.answer("Preferred skills", "\r");
    w.answer("Add a preferred skill", "\r");
    // Qualifications as the preset has them (one list or two).
    w.enter_until("Education", "high school\r");
    w.answer("Experience (months)", "12\r");
    w.answer("Work environment", "A busy store in the city centre.\r");
    w.answer("Physical demands", "\r");
    w.answer("Add a physical demand", "\r");
    w.answer("Pay currency (USD)", "\r"); // from the country
    w.answer("Pay period", "hour\r");
    w.answer("Pay from", "30\r");
    w.answer("Pay up to", "20\r");
    w.see("pay.min (30) is above pay.max (20)");
    w.send(&format!("{BACKSPACE}{BACKSPACE}35\r"));
    w.answer("Benefits", "\r");
    w.answer("Add a benefit", "Free parking\r");
    w.answer("Add a benefit", "\r");
    w.answer("Extras", "Tips shared each week\r");
    w.answer("Schedule", "Weekdays, 9 to 5.\r");
    w.answer("Date posted (YYYY-MM-DD) (2026-03-02)", "\r"); // today, offered
    w.answer("Apply by", "\r"); // Colorado's law needs it
    w.see("Colorado's Equal Pay for Equal Work Act requires the application deadline");
    w.send("2026-12-31\r");
    w.answer("Application page", "https://example.com/jobs\r");
    w.answer("Application e-mail", "jobs@example.com\r");
    w.answer("How to apply", "Send your resume.\r");
    w.answer("Equal-opportunity statement", "\r"); // offered, not taken
    w.answer("Save this posting?", "\r");
    w.answer("Save the employer's answers as company.toml", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains("Apply by (YYYY-MM-DD): needed here: Colorado's Equal Pay"),
        "{screen}"
    );
    let posting = read(&dir.path().join("posting.toml"));
    for line in [
        "title = \"Head Cashier\"",
        "reference = \"REQ-7\"",
        "employment_type = \"full-time\"",
        "apply_by = 2026-12-31",
        "posted = 2026-03-02",
        "\"Train new cashiers\",",
        "\"Calm under pressure\",",
        "education = \"high-school\"",
        "experience_months = 12",
        "workplace = \"on-site\"",
        "street = \"1 Main St\"",
        "postal_code = \"80202\"",
        "country = \"US\"",
        "currency = \"USD\"",
        "period = \"hour\"",
        "min = 30.0",
        "max = 35.0",
        "benefits = [\"Free parking\"]",
        "extras = \"Tips shared each week\"",
        "about = \"We sell everything.\"",
        "email = \"jobs@example.com\"",
    ] {
        assert!(posting.contains(line), "`{line}` in:\n{posting}");
    }
    assert!(
        !posting.contains("locale"),
        "the country decides it:\n{posting}"
    );
    let md = read(&dir.path().join("posting.md"));
    assert_eq!(md, render(dir.path(), "posting.toml"));
    assert_eq!(preview(&screen), md);
    let check = Command::new(BIN)
        .args(["render", "--check", "posting.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
}

#[test]
fn ctrl_c_saves_a_draft_and_resume_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Wizard::start(dir.path(), &["--role", "cashier"]);
    w.answer("Employer", "Acme Stores\r");
    w.answer("About the company", "\r");
    w.answer("Company website", "\r");
    w.answer("Job title", "Night Cashier\r");
    w.answer("Your reference", ESC); // back to the title
    w.answer("Job title", "\r");
    w.answer("Your reference", "\r");
    w.answer("Workplace", CTRL_C);
    let (code, screen) = w.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(
        screen.contains("your answers so far are saved in `posting.draft.toml`"),
        "{screen}"
    );
    let draft = read(&dir.path().join("posting.draft.toml"));
    assert!(draft.contains("title = \"Night Cashier\""), "{draft}");

    let mut w = Wizard::start(dir.path(), &["--resume", "posting.draft.toml"]);
    w.see("Continuing the draft posting.draft.toml: 5 answers restored; going on at “Workplace”.");
    w.answer("Workplace", "remote\r");
    w.answer("Street address", "\r");
    w.answer("City", "\r");
    w.answer("State or region", "\r");
    w.answer("Postal code", "\r");
    w.answer("Country", "\r");
    w.answer("Countries applicants may live in", "\r"); // a remote job needs them
    w.see("is empty; a posting needs this");
    w.send("GB, IE\r");
    w.enter_until("Application page", "https://example.com/jobs\r");
    w.enter_to_the_end();
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    let posting = read(&dir.path().join("posting.toml"));
    assert!(posting.contains("title = \"Night Cashier\""), "{posting}");
    assert!(
        posting.contains("applicant_countries = [\n    \"GB\",\n    \"IE\",\n]"),
        "{posting}"
    );
    assert!(
        !dir.path().join("posting.draft.toml").exists(),
        "the finished draft is removed"
    );
    assert_eq!(
        read(&dir.path().join("posting.md")),
        render(dir.path(), "posting.toml")
    );
}

#[test]
fn without_a_terminal_it_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    // A pipe that stays open: reading it would hang.
    let mut child = Command::new(BIN)
        .args(["new", "--role", "cashier"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < PATIENCE,
            "jobpost new hangs without a terminal"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("standard input is not a terminal"), "{err}");
    assert!(
        err.contains("jobpost new --role cashier --defaults"),
        "{err}"
    );
    assert!(!dir.path().join("posting.toml").exists());
}

/// The employer facts of a job in `city` and `country`, as `--set` flags.
fn employer(city: &str, region: &str, country: &str) -> Vec<String> {
    let mut args = vec!["--role".to_string(), "cashier".to_string()];
    for set in [
        "company.name=Acme Stores".to_string(),
        "location.workplace=on-site".to_string(),
        format!("location.city={city}"),
        format!("location.region={region}"),
        format!("location.country={country}"),
        "apply.url=https://example.com/jobs".to_string(),
    ] {
        args.push("--set".into());
        args.push(set);
    }
    args
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn a_british_job_is_paid_in_pounds_and_figures_follow_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let args = employer("London", "England", "GB");
    let mut w = Wizard::start(dir.path(), &strs(&args));
    w.enter_until("Pay currency (GBP)", "\r");
    w.answer("Pay period", "hour\r");
    // The preset's band is in US dollars, so no figure is offered for pounds.
    w.answer("Pay from ", "15\r");
    w.answer("Pay up to ", "17.50\r");
    // The preset's benefits are US ones (health cover, a 401(k)-style plan):
    // none is offered for a UK job, so the employer adds their own.
    w.answer("Add a benefit", ESC);
    w.answer("Pay up to", ESC);
    w.answer("Pay from", ESC);
    w.answer("Pay period", "year\r");
    // The hourly figures given (15 and 17.50) are offered again as yearly pay.
    w.answer("Pay from (31000)", "15\r");
    w.see("GBP 15 per year looks like an hourly rate");
    w.send(&format!("{BACKSPACE}{BACKSPACE}\r"));
    w.answer("Pay up to (36500)", "\r");
    w.enter_until("Save this posting?", "\r");
    w.answer("Save the employer's answers", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    let posting = read(&dir.path().join("posting.toml"));
    for line in [
        "currency = \"GBP\"",
        "period = \"year\"",
        "min = 31000.0",
        "max = 36500.0",
    ] {
        assert!(posting.contains(line), "`{line}` in:\n{posting}");
    }
}

#[test]
fn without_an_editor_it_says_so_and_asks_again_and_vi_is_the_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let args = employer("Austin", "TX", "US");
    let mut w = Wizard::start_with_path(dir.path(), &strs(&args), Some(&bin));
    w.answer("About the company", &format!("{UP}\r")); // write it in your editor
    w.see("cannot start an editor: VISUAL and EDITOR are not set and neither vi nor nano is installed");
    w.answer("About the company", CTRL_C);
    let (code, screen) = w.finish();
    assert_eq!(code, 130, "{screen}");

    // A stand-in `vi` that writes the text into the file it is given.
    let vi = bin.join("vi");
    std::fs::write(
        &vi,
        "#!/bin/sh\nfor f; do :; done\nprintf 'Written in vi.\\n' > \"$f\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&vi, std::fs::Permissions::from_mode(0o755)).unwrap();
    let sub = dir.path().join("second");
    std::fs::create_dir(&sub).unwrap();
    let mut w = Wizard::start_with_path(&sub, &strs(&args), Some(&bin));
    w.answer("About the company", &format!("{UP}\r"));
    w.answer("About the company", "e");
    // When the editor returns, the prompt is drawn again (hiding the cursor
    // first); then it takes Enter.
    w.see("\x1b[?25l");
    w.send("\r");
    w.enter_until("Save this posting?", "\r");
    w.answer("Save the employer's answers", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    let posting = read(&sub.join("posting.toml"));
    assert!(posting.contains("about = \"Written in vi.\""), "{posting}");
}

#[test]
fn esc_on_the_first_question_stays_and_ctrl_c_before_any_answer_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Wizard::start(dir.path(), &[]);
    w.answer("Role to start from", ESC);
    w.answer("Role to start from", CTRL_C);
    let (code, screen) = w.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(screen.contains("nothing was saved"), "{screen}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_unticked_item_can_be_ticked_again() {
    let dir = tempfile::tempdir().unwrap();
    let args = employer("Austin", "TX", "US");
    let mut w = Wizard::start(dir.path(), &strs(&args));
    w.enter_until("Daily duties", " \r"); // untick the first
    w.answer("Add a daily duty", "\r");
    w.answer("Weekly duties", ESC); // back to the daily duties
    // The unticked duty is still there, last: tick it again.
    let ticks = format!("{UP} \r");
    w.answer("Daily duties", &ticks);
    w.answer("Add a daily duty", "\r");
    w.enter_until("Save this posting?", "\r");
    w.answer("Save the employer's answers", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    let md = read(&dir.path().join("posting.md"));
    assert!(
        md.contains("- Scan items, apply coupons and take payment at the register"),
        "{md}"
    );
}

#[test]
fn text_answers_are_edited_with_the_keys_of_a_shell_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let args = employer("London", "England", "GB");
    let mut w = Wizard::start(dir.path(), &strs(&args));
    // Ctrl-W deletes the word before the cursor: "foo bar" becomes "foo ".
    w.enter_until("Your reference", &format!("foo bar{CTRL_W}baz\r"));
    // Wide characters: the cursor steps over one at a time.
    w.enter_until("Street address", &format!("東京{LEFT}X{END}駅\r"));
    // Ctrl-U deletes back to the start; nothing of it is typed.
    w.enter_until("Pay currency (GBP)", &format!("xGBP{CTRL_U}GBP\r"));
    // Accepted at once: the next question comes, with no error before it.
    w.answer("Pay period", "\r");
    w.enter_until("Extras", &format!("ips shared{HOME}T{END} weekly\r"));
    // A pasted line break is a space, not Enter.
    w.enter_until("Schedule", "\x1b[200~Weekdays,\r\n9 to 5\x1b[201~\r");
    w.enter_until("How to apply", &format!("end your CV{CTRL_A}S{CTRL_E}.\r"));
    w.enter_until("Save this posting?", "\r");
    w.answer("Save the employer's answers", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("unknown currency"), "{screen}");
    let posting = read(&dir.path().join("posting.toml"));
    for line in [
        "reference = \"foo baz\"",
        "street = \"東X京駅\"",
        "currency = \"GBP\"",
        "extras = \"Tips shared weekly\"",
        "schedule = \"Weekdays, 9 to 5\"",
        "instructions = \"Send your CV.\"",
    ] {
        assert!(posting.contains(line), "`{line}` in:\n{posting}");
    }
}

/// The role search takes the shell keys (Ctrl-U clears, Ctrl-W deletes a word,
/// Ctrl-A goes to the start; none types a letter) and finds a role by the words
/// of the UK ("contact centre" for the call center preset); a country typed as
/// "United Kingdom" is taken and saved as `GB`.
#[test]
fn a_uk_recruiter_finds_the_role_and_names_the_country_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Wizard::start(dir.path(), &[]);
    // "nurse", Ctrl-U, "cen", Ctrl-W, "centre", Ctrl-A, "contact ": "contact centre".
    w.answer("Role to start from", "nurse\x15cen\x17centre\x01contact ");
    w.see("Call center customer service representative");
    w.send("\r");
    w.answer("Employer", "Northern Larder\r");
    w.enter_until("Country", "United Kingdom\r");
    w.answer("Locale", CTRL_C);
    let (code, screen) = w.finish();
    assert_eq!(code, 130, "{screen}");
    let draft = read(&dir.path().join("posting.draft.toml"));
    for line in [
        "role = \"call-center-customer-service\"",
        "country = \"GB\"",
    ] {
        assert!(draft.contains(line), "{line} in {draft}");
    }
}

/// Enter at the employment type and the pay period takes the option the cursor
/// starts on, the first real one, shown as the choice it is ("Leave it out" is
/// still listed), and the summary names what Enter took: no employer fact is
/// filled in unseen.
#[test]
fn enter_on_a_choice_is_a_choice_shown_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let args = employer("London", "England", "GB");
    let mut w = Wizard::start(dir.path(), &strs(&args));
    w.enter_until("Employment type", "");
    w.see("> Full-time");
    w.see("Leave it out");
    w.send("\r");
    w.enter_until("Pay period", "");
    w.see("> per hour");
    w.see("Leave it out");
    w.send("\r");
    w.enter_until("Save this posting?", "\r");
    w.answer("Save the employer's answers", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    let summary = &screen[screen.rfind("── Summary").expect("a summary")..];
    let summary = &summary[..summary.find("── Preview").expect("a preview")];
    for line in ["· Employment type: Full-time", "· Pay period: per hour"] {
        assert!(summary.contains(line), "`{line}` in:\n{summary}");
    }
    let posting = read(&dir.path().join("posting.toml"));
    for line in ["employment_type = \"full-time\"", "period = \"hour\""] {
        assert!(posting.contains(line), "`{line}` in:\n{posting}");
    }
}

/// A UK healthcare job: the wizard asks whether the employer is a public
/// service or a private business, since the preset's text differs (an NHS job
/// bills no one); Enter leaves it out and the text is true of both. A cashier's
/// preset words nothing by it, so a cashier is not asked.
#[test]
fn a_uk_healthcare_job_is_asked_nhs_or_private_and_enter_leaves_it_out() {
    for (public, saved) in [(true, "sector = \"public\""), (false, "")] {
        let dir = tempfile::tempdir().unwrap();
        let mut args = employer("Manchester", "England", "GB");
        args[1] = "healthcare-customer-service".into();
        let mut w = Wizard::start(dir.path(), &strs(&args));
        w.enter_until("Is the employer a public service", "");
        w.see("> Leave it out");
        w.send(if public { "public\r" } else { "\r" });
        w.enter_until("Save this posting?", "\r");
        w.answer("Save the employer's answers", "n\r");
        let (code, screen) = w.finish();
        assert_eq!(code, 0, "{screen}");
        let posting = read(&dir.path().join("posting.toml"));
        let md = read(&dir.path().join("posting.md"));
        match public {
            true => {
                assert!(posting.contains(saved), "{posting}");
                assert!(md.contains("waiting lists"), "{md}");
            }
            false => assert!(!posting.contains("sector"), "{posting}"),
        }
        assert!(!md.contains("payment plans"), "{md}");
    }
    let dir = tempfile::tempdir().unwrap();
    let args = employer("Manchester", "England", "GB");
    let mut w = Wizard::start(dir.path(), &strs(&args));
    w.enter_until("Save this posting?", "\r");
    w.answer("Save the employer's answers", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!screen.contains("public service"), "{screen}");
}

/// A recruiter whose terminal speaks German (`LANG=de_DE.UTF-8`) writes a Berlin
/// cashier: the questions, choices and summary are German, the title's marker is
/// chosen, and the saved posting renders as previewed.
#[test]
fn a_german_terminal_gets_german_questions() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = employer("Berlin", "BE", "DE");
    // Germany's law asks for pay: the employer gives it.
    for set in ["pay.min=14.5", "pay.max=16", "pay.period=hour"] {
        args.push("--set".into());
        args.push(set.into());
    }
    let mut w = Wizard::start_in(dir.path(), &strs(&args), "de_DE.UTF-8");
    w.answer("Über das Unternehmen", "\r");
    w.enter_until("Geschlechtszusatz nach dem Titel", &format!("{DOWN}\r"));
    w.enter_until("Diese Stellenanzeige speichern?", "\r");
    // Yes and no are typed in German: "nein" declines.
    w.answer("Die Angaben des Arbeitgebers", "nein\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(!dir.path().join("company.toml").exists(), "{screen}");
    for seen in [
        "(J/n)",
        "Stellenbezeichnung",
        "Anstellungsart",
        "Vollzeit",
        "── Zusammenfassung ─",
        "§ 11 AGG",
        "posting.toml und posting.md geschrieben",
    ] {
        assert!(screen.contains(seen), "`{seen}` in:\n{screen}");
    }
    assert!(!screen.contains("? Job title"), "{screen}");
    let posting = read(&dir.path().join("posting.toml"));
    assert!(posting.contains("title_marker = \"(w/m/d)\""), "{posting}");
    let md = read(&dir.path().join("posting.md"));
    assert!(md.contains("Kassierer (w/m/d)"), "{md}");
    assert_eq!(md, render(dir.path(), "posting.toml"));
}

/// A recruiter whose terminal speaks Quebec French writes a Montreal cashier:
/// French questions and summary, "oui" saves, Enter keeps the usual "(F/H)"
/// (nothing written), and the posting reads in fr-CA because the job is in Quebec.
#[test]
fn a_french_terminal_gets_french_questions() {
    let dir = tempfile::tempdir().unwrap();
    let args = employer("Montréal", "QC", "CA");
    let mut w = Wizard::start_in(dir.path(), &strs(&args), "fr_CA.UTF-8");
    w.enter_until("Mention de genre après l'intitulé", "\r");
    w.enter_until("Enregistrer cette offre ?", "oui\r");
    w.answer("Enregistrer les réponses de l'employeur", "non\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    for seen in [
        "Intitulé du poste",
        "Type de contrat",
        "── Récapitulatif ─",
        "(O/n)",
    ] {
        assert!(screen.contains(seen), "`{seen}` in:\n{screen}");
    }
    assert!(!dir.path().join("company.toml").exists(), "“non” declines");
    let posting = read(&dir.path().join("posting.toml"));
    assert!(!posting.contains("title_marker"), "{posting}");
    let md = read(&dir.path().join("posting.md"));
    assert!(md.contains("(F/H)"), "{md}");
    assert_eq!(md, render(dir.path(), "posting.toml"));
}
