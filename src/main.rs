//! The `jobpost` binary: parse arguments, run, print the error, exit.

use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    // Parsed with the command `help` completes (examples, idle flags hidden).
    let matches = jobpost::help::command().get_matches();
    let cli = jobpost::cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // `new --color` decides for its errors too; other commands follow the terminal.
    let choice = match &cli.command {
        jobpost::cli::Command::New(args) => args.color,
        _ => clap::ColorChoice::Auto,
    };
    match jobpost::app::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            use jobpost::diagnostic::{self, Sources};
            let colour = diagnostic::use_colour(choice);
            let all = diagnostic::of_error(&e);
            eprint!(
                "{}",
                diagnostic::render_all(&all, &Sources::files(), colour)
            );
            ExitCode::from(e.exit_code())
        }
    }
}
