//! `jobpost lint --fix`: applies the suggestions that are safe one-for-one swaps — a
//! gendered job word ("salesman" → "salesperson"), "native English speaker" → "fluent
//! in English", a hype title word ("rockstar" → "specialist") — in Markdown, text, HTML and
//! TOML postings.
//!
//! Edits are made in place on the file's own text, at the finding's span and only where
//! the file holds exactly the matched words there, so everything else (TOML comments and
//! layout, Markdown markup, line endings, a byte-order mark) is kept byte for byte. Each
//! file is replaced atomically. A second run finds nothing left to fix.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::Finding;
use super::rules::RuleId;
use crate::error::Result;

/// Rules whose findings may be swapped.
const FIXABLE: &[RuleId] = &[
    RuleId::GenderedTerm,
    RuleId::HypeTitle,
    RuleId::NativeSpeaker,
];

fn fixable(f: &Finding) -> bool {
    FIXABLE.iter().any(|r| *r == f.rule)
}

/// One edit on one line: chars `from..to` (0-based) become `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    line: usize,
    from: usize,
    to: usize,
    with: String,
}

/// The result of fixing: each changed file's new text, and how many edits it got.
#[derive(Debug, Default)]
pub struct Fixed {
    /// Path → (old text, new text, edits).
    pub files: BTreeMap<String, (String, String, usize)>,
}

impl Fixed {
    /// Edits made in all files.
    pub fn count(&self) -> usize {
        self.files.values().map(|(_, _, n)| n).sum()
    }
}

/// Works out the fixes for `findings` against the files' current text (read from disk).
pub fn plan(findings: &[Finding]) -> Result<Fixed> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings.iter().filter(|f| fixable(f)) {
        by_file.entry(f.path.as_str()).or_default().push(f);
    }
    let mut fixed = Fixed::default();
    for (path, list) in by_file {
        let old = crate::files::read_text(Path::new(path))?;
        let (new, n) = fix_text(&old, &list);
        if n > 0 {
            fixed.files.insert(path.to_string(), (old, new, n));
        }
    }
    Ok(fixed)
}

/// Writes every fixed file atomically, through links to the real file.
pub fn write(fixed: &Fixed) -> Result<()> {
    for (path, (_, new, _)) in &fixed.files {
        crate::output::rewrite_through_links(Path::new(path), new.as_bytes())?;
    }
    Ok(())
}

/// The changes as a unified-style diff: the changed lines of each file.
pub fn diff(fixed: &Fixed) -> String {
    let mut out = String::new();
    for (path, (old, new, _)) in &fixed.files {
        let _ = writeln!(out, "--- {path}\n+++ {path} (fixed)");
        for (i, (a, b)) in old.split('\n').zip(new.split('\n')).enumerate() {
            if a != b {
                let _ = writeln!(
                    out,
                    "@@ line {} @@\n-{}\n+{}",
                    i + 1,
                    a.trim_end_matches('\r'),
                    b.trim_end_matches('\r')
                );
            }
        }
    }
    out
}

/// `text` with the safe swaps of `findings` applied, and how many were applied.
fn fix_text(text: &str, findings: &[&Finding]) -> (String, usize) {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let mut lines: Vec<String> = body.split('\n').map(str::to_string).collect();
    let mut edits: Vec<Edit> = findings
        .iter()
        .filter_map(|f| edit_for(f, &lines))
        .collect();
    // Right to left on each line, so earlier columns stay valid; overlaps dropped.
    edits.sort_by(|a, b| {
        (a.line, std::cmp::Reverse(a.from)).cmp(&(b.line, std::cmp::Reverse(b.from)))
    });
    edits.dedup_by(|b, a| a.line == b.line && b.to > a.from);
    let n = edits.len();
    for e in edits {
        let line = &mut lines[e.line];
        let chars: Vec<char> = line.chars().collect();
        let mut s: String = chars[..e.from].iter().collect();
        s.push_str(&e.with);
        s.extend(&chars[e.to..]);
        *line = s;
    }
    (format!("{bom}{}", lines.join("\n")), n)
}

/// The edit for one finding, when its span holds exactly its matched words and a safe
/// swap exists.
fn edit_for(f: &Finding, lines: &[String]) -> Option<Edit> {
    if f.line != f.end_line {
        return None;
    }
    let matched = f.matched.as_deref()?;
    let line = lines.get(f.line.checked_sub(1)?)?;
    let chars: Vec<char> = line.chars().collect();
    let (from, to) = (f.col.checked_sub(1)?, f.end_col.checked_sub(1)?);
    let here: String = chars.get(from..to)?.iter().collect();
    if here != matched {
        return None;
    }
    let lower = matched.to_lowercase();
    let (to, with) = if RuleId::NativeSpeaker == f.rule {
        let before: String = chars[..from].iter().collect();
        let last = before
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        native_swap(&lower, &chars, to, last == "a" || last == "an")?
    } else {
        let with = super::rules::inclusive::swap(&lower)?;
        (to, with.to_string())
    };
    Some(Edit {
        line: f.line - 1,
        from,
        to,
        with: same_case(matched, &with),
    })
}

/// "native English speaker(s)" → "fluent in English" (the "speaker" after the match is
/// taken in), or "fluent English speaker" after "a"; "native English" → "fluent
/// English". Returns the new end and the text.
fn native_swap(lower: &str, chars: &[char], to: usize, article: bool) -> Option<(usize, String)> {
    let lang = lower.strip_prefix("native ")?;
    if lang.contains(' ') || lang == "speaker" || lang == "speakers" {
        return None;
    }
    let lang = same_case("X", lang);
    let rest: String = chars.get(to..)?.iter().collect();
    if article {
        return Some((to, format!("fluent {lang}")));
    }
    for tail in [" speakers", " speaker"] {
        if rest.to_lowercase().starts_with(tail)
            && !rest[tail.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            return Some((to + tail.chars().count(), format!("fluent in {lang}")));
        }
    }
    Some((to, format!("fluent {lang}")))
}

/// `with` capitalised like `like`'s first letter.
fn same_case(like: &str, with: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut c = with.chars();
    match c.next() {
        Some(first) if upper => first.to_uppercase().chain(c).collect(),
        _ => with.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Config, Doc, lint};

    fn fixed(path: &str, text: &str) -> (String, usize) {
        let doc = Doc::from_path_text(path, text);
        let findings: Vec<Finding> = lint(&doc, &Config::default());
        let list: Vec<&Finding> = findings.iter().filter(|f| fixable(f)).collect();
        fix_text(text, &list)
    }

    #[test]
    fn swaps_are_made_in_place_and_keep_case() {
        let text =
            "# Baker\n\nSalesman and a rockstar **ninja** guy. Native English speaker required.\n";
        let (new, n) = fixed("p.md", text);
        assert_eq!(n, 5, "{new}");
        assert_eq!(
            new,
            "# Baker\n\nSalesperson and a specialist **specialist** person. Fluent in English required.\n"
        );
    }

    #[test]
    fn native_speaker_after_an_article_stays_a_noun() {
        let (new, _) = fixed("p.md", "# Baker\n\nA native English speaker is welcome.\n");
        assert_eq!(new, "# Baker\n\nA fluent English speaker is welcome.\n");
    }

    #[test]
    fn fixing_twice_changes_nothing_more() {
        let text = "Baker\n\nA handyman and native Spanish speakers.\r\nDone.\r\n";
        let (once, n) = fixed("p.txt", text);
        assert_eq!(n, 2);
        assert!(
            once.contains("maintenance technician and fluent in Spanish.\r\n"),
            "{once}"
        );
        let (twice, m) = fixed("p.txt", &once);
        assert_eq!((twice, m), (once, 0));
    }

    #[test]
    fn pronouns_and_unmatched_spans_are_left_alone() {
        let text = "# Baker\n\nHe bakes. A native speaker.\n";
        let (new, n) = fixed("p.md", text);
        assert_eq!((new.as_str(), n), (text, 0));
    }

    #[test]
    fn diff_shows_changed_lines() {
        let mut f = Fixed::default();
        f.files.insert(
            "a.md".into(),
            ("x\nsalesman\n".into(), "x\nsalesperson\n".into(), 1),
        );
        assert_eq!(
            diff(&f),
            "--- a.md\n+++ a.md (fixed)\n@@ line 2 @@\n-salesman\n+salesperson\n"
        );
    }
}
