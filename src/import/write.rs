//! The one writer: an imported posting as a TOML file laid out as a person would
//! write it. A top comment names the source (and the ATS id) and lists what import was
//! unsure of; short values come first, then long text and lists; tables are grouped
//! (`[location]`, `[pay]`, …); each list item is on its own line; text with line
//! breaks is a multi-line string.

use toml::Value;

use super::Imported;

/// The posting file for `imported`, read from `source`.
pub fn posting_file(imported: &Imported, source: &str) -> String {
    let mut out = header(imported, source);
    // Through TOML text, so dates come back as dates rather than serde's private table.
    let table = toml::to_string(&imported.posting)
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
        .unwrap_or_default();
    let (tables, values): (Vec<_>, Vec<_>) = table
        .iter()
        .partition(|(_, v)| matches!(v, Value::Table(_)));
    write_values(&mut out, &values);
    for (name, value) in tables {
        if let Value::Table(t) = value {
            out.push_str(&format!("\n[{name}]\n"));
            let inner: Vec<(&String, &Value)> = t.iter().collect();
            write_values(&mut out, &inner);
        }
    }
    out
}

fn header(imported: &Imported, source: &str) -> String {
    let mut out = format!("# Imported from {}", one_line(source));
    if let Some(id) = &imported.ats_id {
        out.push_str(&format!(" (ATS id {})", one_line(id)));
    }
    out.push_str(" by `jobpost import`.\n");
    if !imported.unsure.is_empty() {
        out.push_str(crate::lint::rules::import::UNSURE_HEADER);
        out.push('\n');
        for u in &imported.unsure {
            out.push_str(&format!("# - {}\n", one_line(u)));
        }
    }
    if !imported.catch_all.is_empty() {
        out.push_str("# Text with no field of its own was kept here:\n");
        for c in &imported.catch_all {
            out.push_str(&format!("# - {}\n", one_line(c)));
        }
    }
    out.push('\n');
    out
}

/// A comment must stay on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Short values first, then long text and lists, each group in the model's order.
fn write_values(out: &mut String, values: &[(&String, &Value)]) {
    let long = |v: &Value| match v {
        Value::String(s) => s.contains('\n') || s.chars().count() > 80,
        Value::Array(_) => true,
        _ => false,
    };
    for (key, value) in values.iter().filter(|(_, v)| !long(v)) {
        out.push_str(&format!("{key} = {}\n", scalar(value)));
    }
    for (key, value) in values.iter().filter(|(_, v)| long(v)) {
        match value {
            Value::Array(items) => {
                out.push_str(&format!("{key} = [\n"));
                for item in items {
                    out.push_str(&format!("  {},\n", scalar(item)));
                }
                out.push_str("]\n");
            }
            Value::String(s) if s.contains('\n') => {
                out.push_str(&format!("{key} = \"\"\"\n{}\"\"\"\n", multi_line(s)));
            }
            other => out.push_str(&format!("{key} = {}\n", scalar(other))),
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        // Whole numbers of pay and hours read better without `.0`, and load the same.
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.1}"),
        other => other.to_string(),
    }
}

/// The body of a `"""` string (closed right after it, so no line break is added):
/// backslashes and quotes escaped,
/// control characters other than line breaks and tabs left out.
fn multi_line(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
