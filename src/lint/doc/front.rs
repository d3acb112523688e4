//! Front matter read whole: the YAML (`---`) or TOML (`+++`) block at the top of a
//! static-site posting holds its title, place, pay and sometimes its whole description.
//! Each key that `src/lint/data/front.toml` names becomes a segment of the section it
//! feeds, so the facts and the rules see it as they see the body.
//!
//! The reader is line based, not a YAML parser: it takes `key: value` and `key = value`
//! lines at any depth (a nested key counts by its own name), quoted values, `|` and `>`
//! block values, and lists of plain items under a key. Anything else in the block is
//! skipped; a posting never fails to lint because of its front matter.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{LineIndex, Loc, Section, SegKind, Segment};

/// What a front matter key feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The job title.
    Title,
    /// The place of work.
    Place,
    /// The pay.
    Pay,
    /// Posting text.
    Body,
    /// The employer.
    Company,
    /// A description of benefits.
    Benefits,
    /// The application deadline.
    Deadline,
    /// The date the posting was published.
    Posted,
    /// How to apply.
    Apply,
}

/// `src/lint/data/front.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Keys {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    title: Vec<String>,
    place: Vec<String>,
    pay: Vec<String>,
    body: Vec<String>,
    company: Vec<String>,
    benefits: Vec<String>,
    deadline: Vec<String>,
    posted: Vec<String>,
    apply: Vec<String>,
    /// Keys whose nested keys describe an image or the page, not the job (`image:
    /// title:` is the picture's title).
    media: Vec<String>,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| super::super::data::load("front"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = keys();
}

/// A key as the data file writes it: lower case, `_` and `-` as spaces.
fn normal(key: &str) -> String {
    // camelCase parts are words too: "baseSalary" is "base salary".
    let mut spaced = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for c in key.trim().chars() {
        if c.is_uppercase() && prev_lower {
            spaced.push(' ');
        }
        prev_lower = c.is_lowercase();
        spaced.push(c);
    }
    spaced
        .chars()
        .map(|c| match c {
            '_' | '-' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The role of a key, if it has one: the key as listed, else its last words after a
/// sort prefix ("b_benefits", "aa_title") or "job" ("job_closing_date").
pub(super) fn role(key: &str) -> Option<Role> {
    let k = normal(key);
    listed_role(&k).or_else(|| {
        let words: Vec<&str> = k.split(' ').collect();
        let prefix = words
            .iter()
            .take_while(|w| w.chars().count() <= 2 || **w == "job")
            .count();
        (prefix > 0 && prefix < words.len())
            .then(|| listed_role(&words[prefix..].join(" ")))
            .flatten()
    })
}

fn listed_role(k: &str) -> Option<Role> {
    let has = |list: &[String]| list.iter().any(|l| l == k);
    let keys = keys();
    [
        (&keys.title, Role::Title),
        (&keys.place, Role::Place),
        (&keys.pay, Role::Pay),
        (&keys.body, Role::Body),
        (&keys.company, Role::Company),
        (&keys.benefits, Role::Benefits),
        (&keys.deadline, Role::Deadline),
        (&keys.posted, Role::Posted),
        (&keys.apply, Role::Apply),
    ]
    .into_iter()
    .find(|(list, _)| has(list))
    .map(|(_, r)| r)
}

/// Is `label` (the words before a colon) a place-of-work label ("Location", "Job
/// location", "Based in")?
pub fn is_place_label(label: &str) -> bool {
    role(label) == Some(Role::Place)
}

/// One value of the block.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Field<'s> {
    pub(super) role: Role,
    /// Byte offset of the value in the file.
    pub(super) at: usize,
    /// The value, quotes removed (composed for a pay map: "USD 22 - 36 per hour").
    pub(super) value: std::borrow::Cow<'s, str>,
    /// The value is the file's text from `at` on (no escapes undone, no lines joined).
    pub(super) exact: bool,
}

/// How a front matter block is fenced, and so how its lines are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fence {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`: `key = value` lines.
    Toml,
    /// Hugo's JSON: an object from a `{` line to a `}` line, its lines read as YAML's
    /// are (`"key": "value",`; see [`json_value`]).
    Json,
}

impl Fence {
    /// The fence a file opens with, if any.
    fn of(src: &str) -> Option<Fence> {
        if src.starts_with("---") {
            Some(Fence::Yaml)
        } else if src.starts_with("+++") {
            Some(Fence::Toml)
        } else if is_json(src) {
            Some(Fence::Json)
        } else {
            None
        }
    }

    /// The opening line and the closing line.
    fn lines(self) -> (&'static str, &'static str) {
        match self {
            Fence::Yaml => ("---", "---"),
            Fence::Toml => ("+++", "+++"),
            Fence::Json => ("{", "}"),
        }
    }
}

/// The lines of the front matter block (without its fences), each with its byte
/// offset, and the fence style; `None` when the file has no block.
fn block(src: &str) -> Option<(Vec<(usize, &str)>, Fence)> {
    let fence = Fence::of(src)?;
    let (open, close) = fence.lines();
    let mut lines = Vec::new();
    let mut at = 0;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        let text = line.trim_end_matches(['\n', '\r']);
        if i == 0 {
            if text.trim_end() != open {
                return None;
            }
        } else if text.trim_end() == close || (fence == Fence::Yaml && text.trim_end() == "...") {
            return Some((lines, fence));
        } else {
            lines.push((at, text));
        }
        at += line.len();
    }
    None
}

/// Does the file open with a JSON object on a line of its own (Hugo's JSON front matter)?
fn is_json(src: &str) -> bool {
    src.lines().next().is_some_and(|l| l.trim_end() == "{")
}

/// A value of a JSON front matter line as the YAML reader takes it: without the comma
/// after it; `None` for an object or array opened on the line, whose own lines follow
/// and are read as keys in turn.
fn json_value(value: &str) -> Option<&str> {
    let v = value.trim_end_matches(',').trim_end();
    (!matches!(v, "{" | "[")).then_some(v)
}

/// The file with its front matter block blanked (every byte but line breaks made a
/// space), so another reader sees only the body, at the byte offsets and on the lines
/// it has in the file.
pub(super) fn blanked(src: &str) -> String {
    let end = block_end(src);
    let head: String = src[..end]
        .chars()
        .flat_map(|c| {
            let n = if c == '\n' { 0 } else { c.len_utf8() };
            std::iter::repeat_n(' ', n).chain((c == '\n').then_some('\n'))
        })
        .collect();
    head + &src[end..]
}

/// The byte offset just past the front matter block's closing fence (0 without one).
fn block_end(src: &str) -> usize {
    let Some((lines, _)) = block(src) else {
        return 0;
    };
    let last = lines.last().map_or(0, |(at, l)| at + l.len());
    src[last..]
        .split_inclusive('\n')
        .take(2)
        .map(str::len)
        .sum::<usize>()
        + last
}

/// How many lines the front matter block takes, fences included (0 without one).
pub(super) fn lines(src: &str) -> usize {
    src[..block_end(src)]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
}

/// Whether the front matter names the title.
pub(super) fn has_title(src: &str) -> bool {
    fields(src, false).iter().any(|f| f.role == Role::Title)
}

/// Every field of the front matter that feeds the posting, in file order. When the
/// file has no body (`bodyless`), the posting is all in its front matter under keys
/// of a site's own (`text_one`, `list_two: - item: …`): then every key with prose
/// under it is read as posting text too.
pub(super) fn fields(src: &str, bodyless: bool) -> Vec<Field<'_>> {
    let Some((lines, fence)) = block(src) else {
        return Vec::new();
    };
    let (toml, json) = (fence == Fence::Toml, fence == Fence::Json);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        i += 1;
        let Some((key, value_off)) = key_of(line, toml).or_else(|| list_map_key(line, toml)) else {
            continue;
        };
        let indent = line.len() - line.trim_start().len();
        let raw = &line[value_off..];
        let value = raw.trim();
        let own = role(key);
        // JSON, inside `---` fences too (YAML reads JSON as its flow style).
        let value = match json_value(value) {
            Some(v) if json => v,
            Some(_) => value,
            // A pay object ("salary": { "minValue": 44000, … }) is read as YAML's
            // pay map is; other objects' keys are read in turn.
            None if own == Some(Role::Pay) => "",
            None => continue,
        };
        let fallback = || {
            let block = value.is_empty() || value.starts_with(['|', '>']);
            (bodyless && (block || prose(value))).then_some(Role::Body)
        };
        let media = || keys().media.iter().any(|m| m == &key.to_lowercase());
        if value.is_empty() && media() {
            while i < lines.len() && deeper(lines[i].1, indent) {
                i += 1;
            }
            continue;
        }
        // "jobs:" over a list of maps ("- job_title: …", "job_desc: …"): its keys are
        // read one by one, as at the top.
        if value.is_empty() && own.is_none() && holds_maps(&lines[i..], indent, toml) {
            continue;
        }
        let Some(role) = own.or_else(fallback) else {
            continue;
        };
        let value_at = at + value_off + (raw.len() - raw.trim_start().len());
        if value.is_empty() || value.starts_with(['|', '>']) {
            // A block value or a list: the more-indented lines after the key.
            let start = i;
            while i < lines.len() && deeper(lines[i].1, indent) {
                i += 1;
            }
            let under = &lines[start..i];
            match (
                role,
                value.is_empty().then(|| pay_map(under, toml)).flatten(),
            ) {
                (Role::Pay, Some(pay)) => out.push(Field {
                    role,
                    at: value_at,
                    value: pay.into(),
                    exact: false,
                }),
                _ => out.extend(nested(under, role)),
            }
            continue;
        }
        if let Some((v, off, exact)) = scalar(value, toml) {
            out.push(Field {
                role,
                at: value_at + off,
                value: v.into(),
                exact,
            });
        }
    }
    out
}

/// A pay key over a map, as schema.org's `baseSalary` is written in YAML
/// (`currency: USD`, `minValue: 22`, `maxValue: 36`, `unitText: HOUR`): the pay as a
/// line reads it ("USD 22 - 36 per hour"); `None` when the map names no figure.
fn pay_map(lines: &[(usize, &str)], toml: bool) -> Option<String> {
    let mut get = std::collections::BTreeMap::new();
    for (_, line) in lines {
        let Some((key, off)) = key_of(line, toml) else {
            continue;
        };
        // JSON writes a comma after each value but the last.
        let value = line[off..].trim().trim_end_matches(',');
        if let Some((v, _, _)) = scalar(value, toml) {
            get.insert(normal(key).replace(' ', ""), v);
        }
    }
    let figure = |k: &str| get.get(k).filter(|v| v.parse::<f64>().is_ok()).copied();
    let amount = match (figure("minvalue"), figure("maxvalue"), figure("value")) {
        (Some(a), Some(b), _) => format!("{a} - {b}"),
        (Some(a), None, _) | (None, Some(a), _) | (None, None, Some(a)) => a.to_string(),
        (None, None, None) => return None,
    };
    let currency = get
        .get("currency")
        .or_else(|| get.get("currencycode"))
        .map_or(String::new(), |c| format!("{c} "));
    let unit = get
        .get("unittext")
        .map_or(String::new(), |u| format!(" per {}", u.to_lowercase()));
    Some(format!("{currency}{amount}{unit}"))
}

/// The key of a list item that opens a map ("  - job_title: Driver"), as [`key_of`]
/// gives it: a lower-case key, so that a list of labelled lines ("- Dental: covered")
/// stays text.
fn list_map_key(line: &str, toml: bool) -> Option<(&str, usize)> {
    let rest = line.trim_start().strip_prefix("- ")?;
    let (key, off) = key_of(rest, toml)?;
    let map_key = key
        .chars()
        .all(|c| c.is_ascii_lowercase() || "_-".contains(c));
    map_key.then_some((key, line.len() - rest.len() + off))
}

/// Do the lines under a key at `indent` hold a list of records, maps of several keys
/// ("- job_title: …" then "job_desc: …")? A list of one-key maps ("- item: …") is a
/// list of text, read whole under its key.
fn holds_maps(lines: &[(usize, &str)], indent: usize, toml: bool) -> bool {
    let mut block = lines
        .iter()
        .take_while(|(_, l)| deeper(l, indent))
        .filter(|(_, l)| !l.trim().is_empty());
    let opens = block
        .next()
        .is_some_and(|(_, l)| list_map_key(l, toml).is_some());
    opens && block.any(|(_, l)| key_of(l, toml).is_some())
}

/// Is a value of a key no list names prose (three words or more, not an address)?
fn prose(value: &str) -> bool {
    let v = value.trim_matches(['"', '\'']);
    !v.contains("://") && !v.starts_with('/') && v.split_whitespace().nth(2).is_some()
}

/// Is `line` blank or indented more than `indent`?
fn deeper(line: &str, indent: usize) -> bool {
    line.trim().is_empty() || line.len() - line.trim_start().len() > indent
}

/// The key of a `key: value` (YAML) or `key = value` (TOML) line and the byte offset
/// of what follows the separator.
fn key_of(line: &str, toml: bool) -> Option<(&str, usize)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') || trimmed.starts_with('-') {
        return None;
    }
    let sep = if toml { '=' } else { ':' };
    let pos = line.find(sep)?;
    let key = line[..pos].trim().trim_matches('"');
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
    let key = key.rsplit('.').next().unwrap_or(key);
    // "key:value" without a space is a URL or a time, not a key.
    let follows = line[pos + 1..].chars().next();
    (simple && (toml || follows.is_none_or(char::is_whitespace))).then_some((key, pos + 1))
}

/// A one-line value: quotes removed, a trailing `# comment` of an unquoted YAML value
/// dropped: (value, its offset in `value`, whether it is exact).
fn scalar(value: &str, toml: bool) -> Option<(&str, usize, bool)> {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            let exact = !inner.contains('\\');
            return (!inner.trim().is_empty()).then_some((inner, 1, exact));
        }
    }
    if toml {
        // Numbers and the like: a bare TOML value other than a string.
        return Some((value, 0, true));
    }
    let v = value.split(" #").next().unwrap_or(value).trim_end();
    (!v.is_empty()).then_some((v, 0, true))
}

/// The lines under a key: list items (each a field), or a block of text (one field).
fn nested<'s>(lines: &[(usize, &'s str)], role: Role) -> Vec<Field<'s>> {
    let items: Vec<Field<'s>> = lines
        .iter()
        .filter_map(|(at, line)| {
            let t = line.trim_start();
            let item = t.strip_prefix("- ")?;
            // "- item: text": a list of one-key maps, as site editors write lists (a
            // capitalised or spaced label, "- Dental: covered", is the item's text).
            let map_key = |k: &str| {
                k.chars()
                    .all(|c| c.is_ascii_lowercase() || "_-".contains(c))
            };
            let item = match key_of(item, false) {
                Some((k, off)) if map_key(k) => &item[off..],
                _ => item,
            };
            let (v, off, exact) = scalar(item.trim(), false)?;
            let lead = line.len() - item.len() + (item.len() - item.trim_start().len());
            Some(Field {
                role,
                at: at + lead + off,
                value: v.into(),
                exact,
            })
        })
        .collect();
    if !items.is_empty() || role != Role::Body {
        return items;
    }
    // A block of text: one field from its first line on, read by `block_text`.
    lines
        .iter()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(at, line)| Field {
            role,
            at: at + (line.len() - line.trim_start().len()),
            value: "".into(),
            exact: true,
        })
        .into_iter()
        .collect()
}

/// The segments the front matter adds to a posting: the title (when the body has none), the place, pay and company lines, and the text
/// fields, in front of the body's segments.
pub(super) fn segments(
    src: &str,
    index: &LineIndex<'_>,
    has_title: bool,
    bodyless: bool,
) -> Vec<Segment> {
    let mut out = Vec::new();
    for f in fields(src, bodyless) {
        let value = if f.value.is_empty() {
            block_text(src, f.at)
        } else {
            &f.value
        };
        let loc = index.loc(f.at);
        if matches!(f.role, Role::Body | Role::Benefits | Role::Apply) && is_html(value) {
            out.extend(html_field(src, f.at, value, f.exact, out.len()));
            continue;
        }
        let titled = has_title || out.iter().any(|s: &Segment| s.kind == SegKind::Title);
        let seg = match f.role {
            // "profiles: - title: Développeur Analyste": under a page's own title, a
            // title in a list of maps names one of the jobs the page lists.
            Role::Title if titled && list_item_at(src, f.at) => {
                Segment::new(Section::Purpose, SegKind::Heading, value, loc)
            }
            Role::Title if titled => continue,
            Role::Title => match marker_field(src) {
                // The title read with the marker the site keeps beside it: inexact, as
                // the two are not one run of the file's text.
                Some(marker) => Segment::inexact(
                    Section::Title,
                    SegKind::Title,
                    format!("{} {marker}", unescape(value)),
                    loc,
                ),
                None => Segment::new(Section::Title, SegKind::Title, value, loc),
            },
            Role::Place => labelled(Section::Conditions, "Location", value, loc),
            Role::Pay => labelled(Section::Pay, "Salary", value, loc),
            // The employer's name as a label line, so its words read as a name
            // ("Mailman School of Public Health"), not as wording about the job.
            Role::Company => labelled(Section::Company, "Company", value, loc),
            Role::Body => Segment::new(Section::Purpose, SegKind::Prose, value, loc),
            Role::Benefits => Segment::new(Section::Benefits, SegKind::Prose, value, loc),
            Role::Apply => Segment::new(Section::Apply, SegKind::Prose, value, loc),
            Role::Deadline => labelled(Section::Apply, "Closing date", value, loc),
            Role::Posted => labelled(Section::Other, "Posted", value, loc),
        };
        let text = match f.exact {
            true => None,
            false => Some(unescape(&seg.text)),
        };
        // A value's entities are shown decoded by the page ("Up to &pound;30,000").
        let decoded = super::html::decode_entities(text.as_deref().unwrap_or(&seg.text));
        out.push(match decoded.or(text) {
            Some(text) => Segment::inexact(seg.section, seg.kind, text, seg.loc),
            None => seg,
        });
    }
    out
}

/// Words a field holding a title's gender marker has at most ("(M/W/D | Vollzeit
/// oder Teilzeit)"): more is a sentence that happens to hold one.
const MARKER_FIELD_WORDS: usize = 8;

/// A gender marker a site keeps in a field of its own beside the title (`title:
/// "PERSONALVERRECHNER"` over `time: "(M/W/D | Vollzeit oder Teilzeit)"`,
/// `gender: m/w/d`): the first short top-level value that holds one. The page shows
/// it with the title, so the title is read with it.
fn marker_field(src: &str) -> Option<&str> {
    let (lines, fence) = block(src)?;
    let toml = fence == Fence::Toml;
    lines.iter().find_map(|&(_, line)| {
        if line.starts_with(char::is_whitespace) {
            return None;
        }
        let (key, off) = key_of(line, toml)?;
        if role(key) == Some(Role::Title) {
            return None;
        }
        let (value, _, _) = scalar(line[off..].trim(), toml)?;
        let short = value.split_whitespace().count() <= MARKER_FIELD_WORDS;
        (short && crate::title::marker_language(value).is_some()).then_some(value)
    })
}

/// Does a text field hold HTML (`"<p>Wir suchen</p><p>-Pflasterer</p>"`): a closing
/// tag or a line break, and text outside the tags?
fn is_html(value: &str) -> bool {
    (value.contains("</") || value.contains("<br")) && super::markdown::has_text_outside_tags(value)
}

/// A text field that holds HTML, read as the HTML it is: its paragraphs and list items
/// are blocks of their own. The field is placed at its own offset in a copy of the file
/// blanked before it, so locations are the file's; a value with escapes is unescaped
/// first and its findings point at the field. Its lists are numbered apart from the
/// body's (`nth` is the field's place among the front matter's segments).
fn html_field(src: &str, at: usize, value: &str, exact: bool, nth: usize) -> Vec<Segment> {
    let text = if exact {
        value.to_string()
    } else {
        unescape(value)
    };
    let mut placed: String = src[..at]
        .chars()
        .map(|c| if c == '\n' { c } else { ' ' })
        .collect();
    placed.push_str(&text);
    let mut state = super::SectionState::new();
    let mut next_list = FRONT_LISTS + nth * FRONT_LISTS;
    let segs = super::html::block_segments(&placed, &mut state, &mut next_list);
    if exact {
        return segs;
    }
    let loc = LineIndex::new(src).loc(at);
    segs.into_iter()
        .map(|s| Segment {
            exact: false,
            loc,
            ..s
        })
        .collect()
}

/// List numbers of front matter fields start here, clear of the body's.
const FRONT_LISTS: usize = 1 << 20;

/// Does the line holding byte `at` open a list item ("- title: Cook")?
fn list_item_at(src: &str, at: usize) -> bool {
    let start = src[..at].rfind('\n').map_or(0, |n| n + 1);
    src[start..at].trim_start().starts_with("- ")
}

/// A quoted value's escapes undone as the site generator would: "Plus\\r\\nClean cut"
/// is two lines, so "Clean" is read as a word, not "nClean".
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => {}
            Some('t') => out.push('\t'),
            Some(o @ ('"' | '\\' | '\'' | '/')) => out.push(o),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A place or pay value as the label line a job board prints ("Location: Denver, CO"),
/// so the facts read it as they read such a line in the body. The label is not in the
/// file, so the segment is inexact: findings in it point at the value.
fn labelled(section: Section, label: &str, value: &str, loc: Loc) -> Segment {
    Segment::inexact(section, SegKind::Prose, format!("{label}: {value}"), loc)
}

/// A `|` or `>` block value: the file's text from `at` to the end of the block.
fn block_text(src: &str, at: usize) -> &str {
    let rest = &src[at..];
    let indent = src[..at]
        .rsplit('\n')
        .next()
        .map_or(0, |l| l.chars().count());
    let mut end = 0;
    for line in rest.split_inclusive('\n') {
        let depth = line.len() - line.trim_start().len();
        let blank = line.trim().is_empty();
        if end > 0 && !blank && depth < indent {
            break;
        }
        if line.trim_end() == "---" {
            break;
        }
        end += line.len();
    }
    rest[..end].trim_end()
}
