//! Drives the real `jobpost new` through a pseudo-terminal, as a person would.
//!
//! Keys are sent only while a prompt is waiting: inquire switches the terminal to
//! raw mode and then turns on bracketed paste (`ESC[?2004h`), so that sequence
//! marks the moment a prompt is ready. Keys sent between prompts would reach a
//! terminal in cooked mode, where Ctrl-C is a signal and Enter is a newline.
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

/// A prompt became ready; the group is the first line of its question.
const READY: &str = r"\x1b\[\?2004h\x1b\[\?25l\? ([^\r\n\x1b]*)";

const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";

/// One run of `jobpost new` in a pseudo-terminal of a fixed size.
struct Wizard {
    session: OsSession,
    /// Everything the program drew, as read so far.
    screen: Vec<u8>,
}

impl Wizard {
    fn start(dir: &Path, args: &[&str]) -> Self {
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg("stty cols 100 rows 40 && exec \"$0\" \"$@\"")
            .arg(BIN)
            .arg("new")
            .args(args)
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env_remove("JOBPOST_ROLES")
            .env_remove("JOBPOST_TEMPLATES")
            .env_remove("VISUAL")
            .env_remove("EDITOR");
        let mut session = Session::spawn(cmd).expect("spawn jobpost in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(20)));
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
    let mut w = Wizard::start(dir.path(), &["--set", "company.name=Acme Stores"]);
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
fn custom_values_in_every_section_with_a_bad_pay_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Wizard::start(dir.path(), &[]);
    w.answer("Role to start from", "cashier\r");
    w.answer("Job title", "Head Cashier\r");
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
    w.answer("Education", "high school\r");
    w.answer("Experience (months)", "12\r");
    w.answer("Work environment", "A busy store in the city centre.\r");
    w.answer("Schedule", "Weekdays, 9 to 5.\r");
    w.answer("Physical demands", "\r");
    w.answer("Add a physical demand", "\r");
    w.answer("Workplace", "on-site\r");
    w.answer("City", "Denver\r");
    w.answer("State or region", "CO\r");
    w.answer("Country", "US\r");
    w.answer("Pay currency", "\t\r"); // Tab takes the preset's suggestion
    w.answer("Pay period", "hour\r");
    w.answer("Pay from", "30\r");
    w.answer("Pay up to", "20\r");
    w.see("pay.min (30) is above pay.max (20)");
    w.send(&format!("{BACKSPACE}{BACKSPACE}35\r"));
    w.answer("Benefits", "\r");
    w.answer("Add a benefit", "Free parking\r");
    w.answer("Add a benefit", "\r");
    w.answer("Extras", "Tips shared each week\r");
    w.answer("Company name", "Acme Stores\r");
    w.answer("About the company", &format!("{UP}{UP}\r"));
    w.answer("About the company", "We sell everything.\r");
    w.answer("Company website", "https://example.com\r");
    w.answer("Application page", "https://example.com/jobs\r");
    w.answer("Application e-mail", "jobs@example.com\r");
    w.answer("How to apply", "Send your resume.\r");
    w.answer("Save this posting?", "\r");
    w.answer("Save the employer's answers as company.toml", "n\r");
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    let posting = read(&dir.path().join("posting.toml"));
    for line in [
        "title = \"Head Cashier\"",
        "\"Train new cashiers\",",
        "\"Calm under pressure\",",
        "education = \"high-school\"",
        "experience_months = 12",
        "workplace = \"on-site\"",
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
    let md = read(&dir.path().join("posting.md"));
    assert_eq!(md, render(dir.path(), "posting.toml"));
    assert_eq!(preview(&screen), md);
}

#[test]
fn ctrl_c_saves_a_draft_and_resume_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Wizard::start(dir.path(), &["--role", "cashier"]);
    w.answer("Job title", "Night Cashier\r");
    w.answer("Purpose", ESC); // back to the title
    w.answer("Job title", "\r");
    w.answer("Purpose", "\r");
    w.answer("Daily duties", CTRL_C);
    let (code, screen) = w.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(
        screen.contains("your answers so far are saved in `posting.draft.toml`"),
        "{screen}"
    );
    let draft = read(&dir.path().join("posting.draft.toml"));
    assert!(draft.contains("title = \"Night Cashier\""), "{draft}");

    let mut w = Wizard::start(dir.path(), &["--resume", "posting.draft.toml"]);
    w.answer("Daily duties", "\r");
    w.enter_to_the_end();
    let (code, screen) = w.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(read(&dir.path().join("posting.toml")).contains("title = \"Night Cashier\""));
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
            started.elapsed() < Duration::from_secs(10),
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
