//! The `jobpost` binary: parse arguments, run, print the error, exit.

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    // Parsed with the command `help` completes (examples, idle flags hidden).
    let matches = jobpost::help::command().get_matches();
    let cli = jobpost::cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match jobpost::app::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            use jobpost::diagnostic::{self, Sources};
            let colour = diagnostic::use_colour(clap::ColorChoice::Auto);
            let all = diagnostic::of_error(&e);
            eprint!(
                "{}",
                diagnostic::render_all(&all, &Sources::files(), colour)
            );
            ExitCode::from(e.exit_code())
        }
    }
}
