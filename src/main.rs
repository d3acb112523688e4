//! The `jobpost` binary: parse arguments, run, print the error, exit.

use std::process::ExitCode;

use clap::FromArgMatches;

// Lint and export build and drop many small strings and vectors per posting; with
// glibc's allocator a quarter of their instructions were malloc and free
// (BENCHMARKS.md, "Lint"). The library leaves the allocator to the binary, so the
// fuzz targets keep the sanitiser's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc.h's `mi_option_purge_delay` (the Rust bindings name no constant).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // mimalloc returns freed pages to the system 10 ms after they empty by default (100
    // ms for its arenas), and lint of 1,000 postings frees most of each posting's
    // memory well within that. With transparent huge pages as well (turned off in
    // Cargo.toml), it held 48-58 MiB where glibc's allocator held 19-28; with both
    // changed, 22-29. A delay of 0 kept 1-2 MiB less but cost 30 ms of system calls.
    // SAFETY: sets a process-wide option before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 5) };
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
