//! Company profiles in the wizard: a `company.toml` beside the posting is offered
//! for reuse at the start, and at the end the employer's answers can be saved as
//! one, so the next posting asks only what is new.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::load::{self, Inputs};
use crate::model::within;
use crate::output::write_atomic;
use crate::preset::Registry;
use crate::ui;

use super::{Ask, Halt, Prompter, Reply, Settings};

/// The profile's file name, beside the posting file.
pub const FILE: &str = "company.toml";

/// The employer facts a profile keeps: those that stay the same from one posting
/// of the employer to the next.
const SHARED: &[&str] = &[
    "company",
    "location.city",
    "location.region",
    "location.country",
    "pay.currency",
    "pay.benefits",
    "apply.instructions",
];

/// Where the profile of a run lives: beside its posting file.
pub fn path(settings: &Settings) -> PathBuf {
    settings.save.parent().unwrap_or(Path::new("")).join(FILE)
}

/// Offers the profile beside the posting when none was given; a yes merges it
/// below the posting, so its values are not asked again.
pub fn offer_reuse(p: &mut dyn Prompter, settings: &mut Settings) -> Reply<()> {
    let profile = path(settings);
    if settings.inputs.company.is_some() || !profile.is_file() {
        return Ok(());
    }
    let shown = profile.display().to_string();
    let message = ui::f("profile.use", &[("file", &shown)]);
    let ask = Ask {
        message: &message,
        help: ui::t("profile.use_help"),
    };
    if p.confirm(&ask, true)? {
        settings.inputs.company = Some(profile);
    }
    Ok(())
}

/// After saving, offers to keep the employer's answers as a profile (when the
/// run used none and the file does not exist). Returns the file written.
pub fn offer_save(
    p: &mut dyn Prompter,
    registry: &Registry,
    settings: &Settings,
    posting: &Path,
) -> Reply<Option<PathBuf>> {
    let profile = path(settings);
    if settings.inputs.company.is_some() || profile.exists() {
        return Ok(None);
    }
    let text = shared_facts(registry, posting).map_err(Halt::Failed)?;
    let Some(text) = text else {
        return Ok(None);
    };
    let shown = profile.display().to_string();
    let message = ui::f("profile.save", &[("file", &shown)]);
    let ask = Ask {
        message: &message,
        help: ui::t("profile.save_help"),
    };
    if !p.confirm(&ask, true)? {
        return Ok(None);
    }
    write_atomic(&profile, text.as_bytes(), false).map_err(Halt::Failed)?;
    Ok(Some(profile))
}

/// The shared employer facts of the saved posting as a profile, or `None` when it
/// gives none (a company name at least).
fn shared_facts(registry: &Registry, posting: &Path) -> Result<Option<String>> {
    let inputs = Inputs {
        file: Some(posting.to_path_buf()),
        ..Inputs::default()
    };
    let merged = load::load(registry, &inputs)?;
    let posting_file: &str = &posting.display().to_string();
    let mut root = toml::Table::new();
    for (path, slot) in &merged.slots {
        let from_posting = merged
            .origin(path)
            .is_some_and(|o| &*o.source == posting_file);
        if from_posting && SHARED.iter().any(|s| within(path, s)) {
            load::insert(&mut root, path, slot.value());
        }
    }
    if !root.contains_key("company") {
        return Ok(None);
    }
    let body = toml::to_string_pretty(&root)
        .map_err(|e| Error::Usage(format!("cannot write the company profile: {e}")))?;
    Ok(Some(format!(
        "# jobpost: partial\n# A company profile written by `jobpost new`: the employer facts your postings share.\n\n{body}"
    )))
}
