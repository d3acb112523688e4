//! The `jobpost` binary: parse arguments, run, print the error chain, exit.

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    // Parsed with the command `help` completes (examples, idle flags hidden).
    let matches = jobpost::help::command().get_matches();
    let cli = jobpost::cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match jobpost::app::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {}", chain(&e));
            ExitCode::from(e.exit_code())
        }
    }
}

/// The error and its causes, each once (some messages already quote their cause).
fn chain(e: &jobpost::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let cause = s.to_string();
        if !text.contains(&cause) {
            text.push_str(&format!(": {cause}"));
        }
        source = s.source();
    }
    text
}
