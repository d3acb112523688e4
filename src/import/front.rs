//! Front matter at the top of a Markdown posting: YAML between `---` lines (simple
//! `key: value` pairs and `- item` lists, which is what static-site generators write)
//! or TOML between `+++` lines. Known keys become posting fields through the same
//! label reader as "Location: …" lines in the text; unknown keys are kept as text.

use crate::error::{Error, Origin, Pos, Problem, Result};

use super::map::Given;

/// The front matter read into `Given`, and the Markdown after it.
pub fn split<'a>(name: &str, text: &'a str) -> Result<(Given, &'a str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fence = match text.lines().next().map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return Ok((Given::default(), text)),
    };
    let after_open = &text[text.find('\n').map_or(text.len(), |i| i + 1)..];
    let Some((inner, body)) = close(after_open, fence) else {
        // An opening line with no closing one is a horizontal rule, not front matter.
        return Ok((Given::default(), text));
    };
    let pairs = if fence == "+++" {
        toml_pairs(name, inner)?
    } else {
        yaml_pairs(inner)
    };
    let mut given = Given::default();
    let mut settings = Vec::new();
    for (key, value) in pairs {
        if is_site_setting(&key) {
            settings.push(key);
        } else {
            given.label(&key, &value);
        }
    }
    if !settings.is_empty() {
        given.unsure.push(format!(
            "front matter keys left out as the site's settings, not the posting's text: {}",
            settings.join(", ")
        ));
    }
    Ok((given, body))
}

/// Keys static-site generators use for the page, not the posting (`layout`, `_id`).
fn is_site_setting(key: &str) -> bool {
    const SETTINGS: &[&str] = &[
        "layout",
        "permalink",
        "slug",
        "tags",
        "categories",
        "draft",
        "status",
        "published",
        "weight",
        "aliases",
        "redirect_from",
        "sitemap",
        "robots",
        "card",
        "image",
        "menu",
        "breadcrumbs",
        "src",
        "alt",
        "github_handle",
        "org_url",
    ];
    key.starts_with('_') || SETTINGS.contains(&key.to_ascii_lowercase().as_str())
}

/// The front matter's text and the text after its closing fence.
fn close<'a>(text: &'a str, fence: &str) -> Option<(&'a str, &'a str)> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == fence {
            return Some((&text[..at], &text[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

/// `key: value` lines; a key with no value takes the `- item` lines under it, joined.
fn yaml_pairs(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let (Some(item), Some(last)) = (trimmed.strip_prefix("- "), out.last_mut()) {
            let sep = if last.1.is_empty() { "" } else { ", " };
            last.1 = format!("{}{sep}{}", last.1, unquote(item));
        } else if let Some((key, value)) = trimmed.split_once(':') {
            out.push((key.trim().to_string(), unquote(value.trim())));
        }
    }
    out
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    let quoted = v.len() >= 2
        && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\'')));
    if quoted && v.starts_with('"') {
        // YAML's double-quoted escapes; line breaks in a value are just spaces here.
        v[1..v.len() - 1]
            .replace("\\r\\n", " ")
            .replace("\\n", " ")
            .replace("\\t", " ")
            .replace("\\\"", "\"")
            .replace("\\\\", "\\")
    } else if quoted {
        v[1..v.len() - 1].replace("''", "'")
    } else {
        v.to_string()
    }
}

/// TOML front matter: every value as text (a list joined with commas).
fn toml_pairs(name: &str, text: &str) -> Result<Vec<(String, String)>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        // The front matter starts on the file's second line.
        let pos = e.span().map(|s| {
            let before = &text[..s.start.min(text.len())];
            Pos {
                line: before.matches('\n').count() + 2,
                col: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            }
        });
        let origin = pos.map_or(Origin::file(name), |p| Origin::at(name, p));
        Error::from(Problem::new(
            origin,
            format!("front matter is not valid TOML: {}", e.message()),
        ))
    })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k, value_text(&v)))
        .collect())
}

fn value_text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}
