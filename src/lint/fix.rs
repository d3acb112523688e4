//! `jobpost lint --fix`: applies the suggestions that are safe one-for-one swaps — a
//! gendered job word ("salesman" → "salesperson"), "native English speaker" → "fluent
//! in English", a hype title word ("rockstar" → "specialist") — in Markdown, text, HTML and
//! TOML postings.
//!
//! A swap is applied only where the result reads right: never when it would repeat a
//! word ("Rockstar Ninja Cashier" is not "Specialist Specialist Cashier"; "a rockstar
//! and a ninja" is not "a specialist and a specialist"), break "a"/"an" ("a middleman"
//! is not "a intermediary"), or put a generic word in a title in place of a hype word
//! (the title's meaning is the employer's to choose). Those stay findings with their
//! help.
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
    /// A hype-title swap (a generic word for a hype word).
    hype: bool,
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
        let (new, n) = fix_text(path, &old, &list);
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
fn fix_text(path: &str, text: &str, findings: &[&Finding]) -> (String, usize) {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let mut lines: Vec<String> = body.split('\n').map(str::to_string).collect();
    let title = title_line(path, &lines);
    let all: Vec<Edit> = findings
        .iter()
        .filter_map(|f| edit_for(f, &lines))
        .collect();
    let mut edits: Vec<Edit> = all
        .iter()
        .filter(|e| reads_right(e, &all, &lines[e.line], title == Some(e.line)))
        .cloned()
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
        hype: RuleId::HypeTitle == f.rule,
    })
}

/// The 0-based line of the posting's title: a TOML `title =` line, a front matter
/// `title:` line, the first `# ` heading of Markdown, or a text file's first line.
fn title_line(path: &str, lines: &[String]) -> Option<usize> {
    let lower = path.to_ascii_lowercase();
    let key = |l: &str, sep: char| {
        l.trim_start()
            .strip_prefix("title")
            .is_some_and(|rest| rest.trim_start().starts_with(sep))
    };
    if lower.ends_with(".toml") {
        return lines.iter().position(|l| key(l, '='));
    }
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return lines
            .iter()
            .position(|l| l.starts_with("# "))
            .or_else(|| lines.iter().position(|l| key(l, ':')));
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return lines
            .iter()
            .position(|l| l.to_ascii_lowercase().contains("<h1"));
    }
    lines.iter().position(|l| !l.trim().is_empty())
}

/// The words of a line around chars `from..to`: the one before and the one after,
/// lower case, markup and punctuation skipped.
fn neighbours(line: &str, from: usize, to: usize) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let word = |it: &mut dyn Iterator<Item = char>| -> String {
        it.skip_while(|c| !c.is_alphanumeric())
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .collect::<String>()
            .to_lowercase()
    };
    let before: String = word(&mut chars[..from].iter().rev().copied())
        .chars()
        .rev()
        .collect();
    let after = word(&mut chars[to.min(chars.len())..].iter().copied());
    (before, after)
}

/// Does an edit leave a sentence that reads right? Not when its new word is what
/// another edit on the line also writes, or the word beside it already; not when "a"
/// or "an" before it would no longer agree; not for a hype word in the title.
fn reads_right(e: &Edit, all: &[Edit], line: &str, in_title: bool) -> bool {
    let with = e.with.to_lowercase();
    let twice = all
        .iter()
        .any(|o| o.line == e.line && o.from != e.from && o.with.to_lowercase() == with);
    let (before, after) = neighbours(line, e.from, e.to);
    let first_new = with.split_whitespace().next().unwrap_or("");
    let last_new = with.split_whitespace().last().unwrap_or("");
    let repeats = before == first_new || after == last_new;
    let vowel = first_new.starts_with(['a', 'e', 'i', 'o', 'u']);
    let article = (before == "a" && vowel) || (before == "an" && !vowel);
    let title = in_title && e.hype;
    !(twice || repeats || article || title)
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
        fix_text(path, text, &list)
    }

    #[test]
    fn swaps_are_made_in_place_and_keep_case() {
        let text =
            "# Baker\n\nSalesman and a rockstar **ninja** guy. Native English speaker required.\n";
        let (new, n) = fixed("p.md", text);
        assert_eq!(n, 3, "{new}");
        assert_eq!(
            new,
            "# Baker\n\nSalesperson and a rockstar **ninja** person. Fluent in English required.\n"
        );
    }

    #[test]
    fn a_swap_that_would_repeat_a_word_is_left_as_help() {
        // Before: two hype words side by side, or twice in a sentence.
        for text in [
            "# Baker\n\nWe want a rockstar and a ninja on the ovens.\n",
            "# Baker\n\nOur Ninja Specialist bakes.\n",
        ] {
            let (new, n) = fixed("p.md", text);
            // After: unchanged.
            assert_eq!((new.as_str(), n), (text, 0));
        }
        let (new, n) = fixed("p.md", "# Baker\n\nWe want a rockstar on the ovens.\n");
        assert_eq!(n, 1);
        assert_eq!(new, "# Baker\n\nWe want a specialist on the ovens.\n");
    }

    #[test]
    fn a_swap_that_would_break_a_or_an_is_left_as_help() {
        let text = "# Baker\n\nNo need for a middleman here.\n";
        let (new, n) = fixed("p.md", text);
        assert_eq!((new.as_str(), n), (text, 0));
        let (new, n) = fixed("p.md", "# Baker\n\nYou will work with a salesman.\n");
        assert_eq!(n, 1);
        assert_eq!(new, "# Baker\n\nYou will work with a salesperson.\n");
    }

    #[test]
    fn a_title_keeps_its_words_but_loses_a_gendered_one() {
        let text = "# Rockstar Ninja Cashier\n\nYou run the till.\n";
        let (new, n) = fixed("p.md", text);
        assert_eq!((new.as_str(), n), (text, 0));
        let text = "title = \"Rockstar Cashier\"\n";
        assert_eq!(
            fix_text("p.toml", text, &[&hype(1, 10, 18, "Rockstar")]),
            (text.to_string(), 0)
        );
        let (new, n) = fixed("p.md", "# Salesman\n\nYou sell bread.\n");
        assert_eq!(n, 1);
        assert_eq!(new, "# Salesperson\n\nYou sell bread.\n");
    }

    /// A hype-title finding at `line:col..end` matching `m`.
    fn hype(line: usize, col: usize, end: usize, m: &str) -> Finding {
        Finding {
            path: "p.toml".into(),
            line,
            col,
            end_line: line,
            end_col: end,
            rule: "hype-title",
            severity: crate::lint::Severity::Warning,
            message: String::new(),
            suggestion: None,
            matched: Some(m.into()),
            language: None,
        }
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
