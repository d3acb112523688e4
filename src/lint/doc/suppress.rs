//! Inline suppressions: `<!-- jobpost-disable rule-id -->` in Markdown, a
//! `jobpost-disable rule-id` line in plain text, `# jobpost-disable rule-id` in TOML.

use super::{Segment, Suppression};

/// How a suppression comment is written in a file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DirectiveStyle {
    /// `<!-- jobpost-disable … -->` anywhere on a line.
    Html,
    /// A line `jobpost-disable …` (optionally after `#` or `//`), or the HTML form.
    Text,
}

/// A parsed suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Directive {
    /// 1-based line of the comment.
    line: usize,
    /// Something other than the comment is on its line.
    trailing: bool,
    /// `jobpost-disable-file`.
    file: bool,
    rules: Vec<String>,
}

/// Finds a suppression comment on a line: (byte offset of the comment, file-wide, rules).
pub(super) fn parse_directive(
    line: &str,
    style: DirectiveStyle,
) -> Option<(usize, bool, Vec<String>)> {
    let (at, body) = if let Some(at) = line.find("<!--") {
        let body = line.get(at + 4..)?;
        (at, body.split("-->").next().unwrap_or(body))
    } else if style == DirectiveStyle::Text {
        let t = line.trim_start();
        let at = line.len() - t.len();
        let body = t
            .strip_prefix("//")
            .or_else(|| t.strip_prefix('#'))
            .unwrap_or(t);
        (at, body)
    } else {
        return None;
    };
    directive_body(body).map(|(file, rules)| (at, file, rules))
}

/// Parses `jobpost-disable[-file] rule-a, rule-b`.
pub(super) fn directive_body(body: &str) -> Option<(bool, Vec<String>)> {
    let rest = body.trim_start().strip_prefix("jobpost-disable")?;
    let (file, rest) = match rest.strip_prefix("-file") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rules = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some((file, rules))
}

fn collect_directives(src: &str, style: DirectiveStyle) -> Vec<Directive> {
    src.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (at, file, rules) = parse_directive(line, style)?;
            let trailing = !line.get(..at).unwrap_or("").trim().is_empty();
            Some(Directive {
                line: i + 1,
                trailing,
                file,
                rules,
            })
        })
        .collect()
}

pub(super) fn markdown_directives(src: &str) -> Vec<Directive> {
    collect_directives(src, DirectiveStyle::Html)
}

pub(super) fn text_directives(src: &str) -> Vec<Directive> {
    collect_directives(src, DirectiveStyle::Text)
}

/// Turns comments into suppressions: file-wide ones as they are; a comment alone on its
/// line applies to the next block that has text (every line of it, so a finding on the
/// second line of a paragraph is silenced too); a comment after text applies to its line.
pub(super) fn resolve_directives(dirs: &[Directive], segments: &[Segment]) -> Vec<Suppression> {
    let mut out = Vec::new();
    for d in dirs {
        if d.file {
            out.push(Suppression {
                rules: d.rules.clone(),
                line: None,
            });
            continue;
        }
        let (from, to) = if d.trailing {
            (d.line, d.line)
        } else {
            match segments.iter().find(|s| s.loc.line > d.line) {
                Some(s) => (s.loc.line, s.last_line()),
                None => continue,
            }
        };
        out.extend((from..=to).map(|line| Suppression {
            rules: d.rules.clone(),
            line: Some(line),
        }));
    }
    out
}

/// Suppressions from `# jobpost-disable rule-id` comments in a TOML posting.
///
/// A comment after a key (`title = "…"  # jobpost-disable title-noise`) disables the
/// rules for that line; a comment alone on a line disables them for the next statement
/// (all of its lines, so a multi-line string or array is covered).
/// `# jobpost-disable-file rule-id` disables them for the whole file. No rule ids means
/// every rule.
pub fn parse_toml_suppressions(text: &str) -> Vec<Suppression> {
    let lines = toml_lines(text);
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some((file, rules)) = l.comment.as_deref().and_then(directive_body) else {
            continue;
        };
        if file {
            out.push(Suppression { rules, line: None });
            continue;
        }
        let target = if l.code {
            Some(i)
        } else {
            (i + 1..lines.len()).find(|&j| lines[j].code)
        };
        let Some(t) = target else { continue };
        let last = if lines[t].stmt_start {
            lines[t].stmt_end
        } else {
            t
        };
        out.extend((t..=last).map(|j| Suppression {
            rules: rules.clone(),
            line: Some(j + 1),
        }));
    }
    out
}

/// A rule id named in a suppression comment, with its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedId {
    /// Line of the comment.
    pub line: usize,
    /// Column of the id.
    pub col: usize,
    /// The id as written.
    pub id: String,
}

/// Every rule id the suppression comments of `source` name (`all` left out), read the
/// way the file's format reads them: TOML comments for `.toml`, `<!-- … -->` for
/// Markdown and HTML, comment lines too for plain text.
pub fn named_ids(path: &str, source: &str) -> Vec<NamedId> {
    let lower = path.to_ascii_lowercase();
    let comments: Vec<Option<String>> = if lower.ends_with(".toml") {
        toml_lines(source).into_iter().map(|l| l.comment).collect()
    } else {
        let markup = [".md", ".markdown", ".html", ".htm"];
        let style = if markup.iter().any(|e| lower.ends_with(e)) {
            DirectiveStyle::Html
        } else {
            DirectiveStyle::Text
        };
        source
            .lines()
            .map(|l| parse_directive(l, style).map(|(at, _, _)| l[at..].to_string()))
            .collect()
    };
    let mut out = Vec::new();
    for ((i, line), comment) in source.lines().enumerate().zip(comments) {
        let Some(comment) = comment else { continue };
        let Some(at) = comment.find("jobpost-disable") else {
            continue;
        };
        let body = comment[at..].split("-->").next().unwrap_or_default();
        let Some((_, ids)) = directive_body(body) else {
            continue;
        };
        let from = line.find(body).unwrap_or(0);
        for id in ids.into_iter().filter(|id| id != "all") {
            let byte = line[from..].find(&id).map_or(from, |b| from + b);
            let col = line[..byte].chars().count() + 1;
            out.push(NamedId {
                line: i + 1,
                col,
                id,
            });
        }
    }
    out
}

/// What the TOML scanner learns about one line.
#[derive(Debug, Default, Clone)]
struct TomlLine {
    /// Has something other than whitespace and comments (string contents count).
    code: bool,
    /// The comment text after `#`.
    comment: Option<String>,
    /// A statement (key, table header) starts on this line…
    stmt_start: bool,
    /// …and ends on this (0-based) line.
    stmt_end: usize,
}

/// A small TOML lexer: enough to tell comments from `#` inside strings and to know where
/// multi-line strings and arrays end.
fn toml_lines(text: &str) -> Vec<TomlLine> {
    #[derive(PartialEq, Clone, Copy)]
    enum St {
        Normal,
        Basic,
        Literal,
        MlBasic,
        MlLiteral,
    }
    let chars: Vec<char> = text.chars().collect();
    let mut lines = vec![TomlLine::default()];
    let mut st = St::Normal;
    let mut depth: usize = 0;
    let mut stmt: Option<usize> = None;
    let mut i = 0;
    let starts = |s: &[char], i: usize, pat: &str| {
        pat.chars()
            .enumerate()
            .all(|(k, c)| s.get(i + k) == Some(&c))
    };
    while i < chars.len() {
        let c = chars[i];
        let cur = lines.len() - 1;
        if c == '\n' {
            if st == St::Normal && depth == 0 {
                if let Some(s) = stmt.take() {
                    lines[s].stmt_end = cur;
                }
            }
            if matches!(st, St::Basic | St::Literal) {
                st = St::Normal; // unterminated single-line string: recover
            }
            lines.push(TomlLine::default());
            i += 1;
            continue;
        }
        if !c.is_whitespace() {
            lines[cur].code |= !(st == St::Normal && c == '#');
            if st == St::Normal && c != '#' && stmt.is_none() {
                stmt = Some(cur);
                lines[cur].stmt_start = true;
                lines[cur].stmt_end = cur;
            }
        }
        match st {
            St::Normal => match c {
                '#' => {
                    let end = chars[i..]
                        .iter()
                        .position(|&c| c == '\n')
                        .map_or(chars.len(), |p| i + p);
                    lines[cur].comment = Some(chars[i + 1..end].iter().collect());
                    i = end;
                    continue;
                }
                '"' if starts(&chars, i, "\"\"\"") => {
                    st = St::MlBasic;
                    i += 3;
                    continue;
                }
                '\'' if starts(&chars, i, "'''") => {
                    st = St::MlLiteral;
                    i += 3;
                    continue;
                }
                '"' => st = St::Basic,
                '\'' => st = St::Literal,
                '[' | '{' => depth += 1,
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
            St::Basic | St::MlBasic if c == '\\' => {
                i += 2;
                continue;
            }
            St::Basic if c == '"' => st = St::Normal,
            St::Literal if c == '\'' => st = St::Normal,
            St::MlBasic if starts(&chars, i, "\"\"\"") => {
                st = St::Normal;
                i += 3;
                continue;
            }
            St::MlLiteral if starts(&chars, i, "'''") => {
                st = St::Normal;
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(s) = stmt {
        lines[s].stmt_end = lines.len() - 1;
    }
    lines
}
