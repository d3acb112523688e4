//! jobpost writes job postings.
//!
//! A posting is merged from layers (a role preset and what it extends, a company
//! profile, `include` files, the posting file, `--set` flags), validated, and
//! rendered through tera templates to Markdown, an HTML page or plain text, or
//! to schema.org JSON-LD; `export` does many postings at once.
//!
//! Modules, one per stage:
//! - [`model`]: the posting file contract;
//! - [`layer`]: one TOML text parsed, schema-checked and flattened;
//! - [`embedded`]: every file shipped inside the binary (presets, templates, locales);
//! - [`preset`]: the role preset registry;
//! - [`load`]: reading files and merging layers with provenance;
//! - [`validate`]: field rules shared by files, flags and the wizard;
//! - [`locale`]: the message catalogue of each locale, and which one a posting reads in;
//! - [`equality`]: the equal-opportunity statement suggested for each country;
//! - [`spelling`]: preset text in each locale's spelling, and presets' per-locale rewordings;
//! - [`text`]: word-level tokens shared by spelling and lint;
//! - [`date`]: dates as people write them, read by import and lint;
//! - [`markdown`], [`money`], [`render`]: turning a posting into text through templates;
//! - [`jsonld`]: schema.org JobPosting; [`format`](mod@format): the output formats, one renderer each;
//! - [`xml`]: posting text escaped or in CDATA for Word documents and job-board feeds;
//! - [`feed`]: the Indeed, LinkedIn and Atom feeds over every posting of an export;
//! - [`files`]: finding input files in folders;
//! - [`theme`]: the `--templates` and `--roles` folders (a user's own, or the one `eject` writes);
//! - [`export`]: many postings in parallel, with an index page;
//! - [`lint`]: checks a careful recruiter, an equity reviewer and a pay-law auditor would make;
//! - [`explain`]: the merged posting as annotated TOML, and starter files;
//! - [`prompt`]: the `jobpost new` wizard; [`ui`]: the language it and `init` speak;
//! - [`output`]: atomic writes; [`interrupt`]: Ctrl-C during long runs;
//! - [`cli`], [`app`]: the command line; [`help`]: examples and per-subcommand help;
//!   [`complete`]: shell completion scripts; [`man`]: man pages;
//! - [`error`]: the one error type, each problem's place as data;
//!   [`diagnostic`]: the one printer for errors and lint findings.

pub mod app;
pub mod cli;
pub mod complete;
pub mod country;
pub mod date;
pub mod diagnostic;
pub mod embedded;
pub mod equality;
pub mod error;
pub mod explain;
pub mod export;
pub mod feed;
pub mod files;
pub mod format;
pub mod help;
pub mod import;
pub mod interrupt;
pub mod jsonld;
pub mod layer;
pub mod lint;
pub mod load;
pub mod locale;
pub mod man;
pub mod markdown;
pub mod model;
pub mod money;
pub mod output;
pub mod preset;
pub mod prompt;
pub mod render;
pub mod spelling;
pub mod text;
pub mod theme;
pub mod title;
pub mod ui;
pub mod validate;
pub mod xml;
