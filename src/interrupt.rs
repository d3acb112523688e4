//! Ctrl-C (and SIGTERM, SIGHUP) during a long run: the first one asks the run to
//! stop after the files being written are complete; a second one ends the process
//! at once. Either way no file is left half-written, since every write is atomic.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::EXIT_INTERRUPTED;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Starts watching for interrupts. Call it before a run that checks [`requested`].
pub fn watch() {
    // An error only means a handler is already set (a second run in one process).
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
}

/// True once the user has asked the run to stop.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}
