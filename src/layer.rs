//! One layer of a posting: a TOML text checked against the schema and flattened
//! into merge operations, each remembering the line and column it came from.
//!
//! Parsing happens once per text; the operations are what the merge, `explain`
//! and lint use afterwards, so no layer is parsed twice.

use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer, ValueDeserializer};

pub use crate::error::Pos;
use crate::error::{Error, Problem, Result, closest};
use crate::model::{ListPatch, Posting, is_list_path, keys_of};

/// Where a value came from: a layer name and, for files, a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// `preset customer-service`, `posting.toml`, `--set pay.min=21`.
    pub source: Arc<str>,
    /// Position in that source, when it is a file.
    pub pos: Option<Pos>,
    /// What kind of layer `source` is, so errors can name it as data.
    pub kind: Kind,
}

/// What kind of layer a value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A file: a posting, a company profile, an included file, a wizard draft.
    File,
    /// A command-line flag: `--set`, `--unset`, `--locale`, `--role`.
    Flag {
        /// The flag with its dashes.
        name: &'static str,
        /// Its value as given.
        value: Arc<str>,
    },
    /// A role preset, credited by id.
    Preset {
        /// The preset's id.
        id: Arc<str>,
        /// Whether the layer is the preset's `[hints]`.
        hint: bool,
        /// The preset's file.
        file: Arc<str>,
    },
}

impl Kind {
    /// The layer's name in `explain` and messages: `preset cashier (hint)`,
    /// `--set pay.min=21`; `None` for files, named by their path.
    pub fn label(&self) -> Option<String> {
        match self {
            Kind::File => None,
            Kind::Flag { name, value } => Some(format!("{name} {value}")),
            Kind::Preset {
                id, hint: false, ..
            } => Some(format!("preset {id}")),
            Kind::Preset { id, hint: true, .. } => Some(format!("preset {id} (hint)")),
        }
    }
}

impl Origin {
    /// The place, as errors carry it.
    pub fn place(&self) -> crate::error::Origin {
        use crate::error::Origin as O;
        match &self.kind {
            Kind::File => O::File {
                path: self.source.to_string(),
                pos: self.pos,
                len: 1,
            },
            Kind::Flag { name, value } => O::flag(*name, value.to_string()),
            Kind::Preset { id, hint, file } => O::Preset {
                id: id.to_string(),
                hint: *hint,
                file: file.to_string(),
                pos: self.pos,
            },
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}", self.source, p.line, p.col),
            None => f.write_str(&self.source),
        }
    }
}

/// A list item with its origin.
pub type Item = (String, Origin);

/// What one key of a layer does to the merged posting.
#[derive(Debug, Clone, PartialEq)]
pub enum OpKind {
    /// A single value: replaces what is below.
    Set(toml::Value),
    /// A whole list: replaces the list below.
    Replace(Vec<Item>),
    /// Edits the list below.
    Edit {
        /// Appended items.
        add: Vec<Item>,
        /// Items to take out; each must be present.
        remove: Vec<Item>,
    },
    /// Removes the value, list or whole table at the path that lower layers set.
    Unset,
}

/// One operation of a layer, at a dotted path such as `pay.min`.
#[derive(Debug, Clone, PartialEq)]
pub struct Op {
    /// Dotted path of the field.
    pub path: String,
    /// Where the key stands.
    pub origin: Origin,
    /// What it does.
    pub kind: OpKind,
}

/// A parsed, schema-checked layer.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Name used in messages and `explain`.
    pub source: Arc<str>,
    /// Operations in document order.
    pub ops: Vec<Op>,
    /// `role`, if the layer names one.
    pub role: Option<String>,
    /// `include` entries, relative to the layer's file, with their positions.
    pub include: Vec<Item>,
}

impl Layer {
    /// Credits every value of this layer to a preset or a flag, named as
    /// [`Kind::label`] says.
    pub fn credit(&mut self, kind: Kind) {
        let source = kind.label().unwrap_or_default();
        self.credit_to(&source, kind);
    }

    /// Credits every value of this layer to the file named `source`.
    pub fn rename(&mut self, source: &str) {
        self.credit_to(source, Kind::File);
    }

    fn credit_to(&mut self, source: &str, kind: Kind) {
        let source: Arc<str> = Arc::from(source);
        self.source = source.clone();
        let credit = |o: &mut Origin| {
            o.source = source.clone();
            o.kind = kind.clone();
        };
        for op in &mut self.ops {
            credit(&mut op.origin);
            if let OpKind::Replace(items) | OpKind::Edit { add: items, .. } = &mut op.kind {
                items.iter_mut().for_each(|(_, o)| credit(o));
            }
            if let OpKind::Edit { remove, .. } = &mut op.kind {
                remove.iter_mut().for_each(|(_, o)| credit(o));
            }
        }
        self.include.iter_mut().for_each(|(_, o)| credit(o));
    }
}

/// A preset's table of per-locale rewordings (read by `spelling::overrides`).
pub const LOCALE_TABLE: &str = "locale";

/// Top-level keys that belong to presets, not postings.
pub const PRESET_KEYS: &[&str] = &["id", "name", "industry", "extends"];

/// The key of `[hints]` that says where a preset's suggestions come from.
pub const HINTS_SOURCE: &str = "source";

/// Byte offsets of line starts, to turn spans into line and column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Columns count chars: found through checkpoints, not by counting from the line's
    /// start per position (a list of thousands of items may stand on one line).
    chars: crate::text::CharIndex,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            chars: crate::text::CharIndex::new(text),
        }
    }

    /// Line and column of byte `offset`.
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = self.chars.chars_before(self.text, offset)
            - self.chars.chars_before(self.text, start)
            + 1;
        Pos {
            line: line + 1,
            col,
        }
    }

    /// The text of 1-based `line`, without its newline.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self.starts.get(line).map_or(self.text.len(), |e| e - 1);
        self.text
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }
}

/// A parsed text with its metadata keys (for presets) taken out.
pub struct Parsed<'a> {
    /// The remaining posting table.
    pub table: Spanned<DeTable<'a>>,
    /// Preset keys found at the top level, with their values and positions.
    pub meta: Vec<(String, toml::Value, Pos)>,
    /// A preset's `[hints]`: suggested employer facts, as a layer of their own.
    pub hints: Option<Layer>,
    /// A preset's `[setting]`: `(workplace key, text, position)` in file order.
    pub setting: Vec<(String, toml::Value, Pos)>,
    /// A preset's `[locale]`: per-locale rewordings (see `spelling::overrides`).
    pub locale: Option<Spanned<DeTable<'a>>>,
}

/// Parses `text` (named `source` in messages) into a layer. With `preset` set,
/// the preset keys (`name`, `industry`, `extends`, `id`), `[hints]`, `[setting]` and
/// `[locale]` are allowed and returned apart.
pub fn parse<'a>(source: &str, text: &'a str, preset: bool) -> Result<(Layer, Parsed<'a>)> {
    let index = LineIndex::new(text);
    let mut table = DeTable::parse(text).map_err(|e| toml_error(source, &index, e))?;
    let (mut meta, mut hints, mut setting, mut locale) = (Vec::new(), None, Vec::new(), None);
    if preset {
        locale = take_table(&mut table, LOCALE_TABLE, &index, source)?;
        meta = take_meta(&mut table, PRESET_KEYS, &index, source)?;
        if let Some(mut h) = take_table(&mut table, "hints", &index, source)? {
            meta.extend(take_meta(&mut h, &[HINTS_SOURCE], &index, source)?);
            hints = Some(layer_of(source, &index, &h)?);
        }
        if let Some(t) = take_table(&mut table, "setting", &index, source)? {
            setting = take_meta(&mut { t }, &[], &index, source)?;
        }
    }
    let layer = layer_of(source, &index, &table)?;
    let parsed = Parsed {
        table,
        meta,
        hints,
        setting,
        locale,
    };
    Ok((layer, parsed))
}

/// Checks `table` against the schema and flattens it into a layer.
fn layer_of(source: &str, index: &LineIndex, table: &Spanned<DeTable<'_>>) -> Result<Layer> {
    let typed: Posting<ListPatch> = Posting::deserialize(Deserializer::from(table.clone()))
        .map_err(|e| toml_error(source, index, e))?;
    let source: Arc<str> = Arc::from(source);
    let mut ops = Vec::new();
    flatten(&source, index, table.get_ref(), "", &mut ops);
    check_text(&ops)?;
    let include = take_list(&mut ops, "include");
    for (path, origin) in take_list(&mut ops, "unset") {
        check_unset(&path).map_err(|p| Error::from(p.moved_to(origin.place())))?;
        let kind = OpKind::Unset;
        ops.push(Op { path, origin, kind });
    }
    Ok(Layer {
        source,
        ops,
        role: typed.role,
        include,
    })
}

/// Every text value of a layer must be printable and visible: a control
/// character (an escape sequence, a bell, a backspace) would reach the terminal
/// and the pages as it is, and a value of only invisible characters (zero-width
/// spaces) looks given but says nothing. Both are errors at the key.
fn check_text(ops: &[Op]) -> Result<()> {
    for op in ops {
        let refuse = |text: &str, origin: &Origin| match text_problem(text) {
            Some((message, expected)) => {
                let message = format!("`{}` {message}", op.path);
                Err(Error::from(
                    Problem::new(origin.place(), message).expected(expected),
                ))
            }
            None => Ok(()),
        };
        match &op.kind {
            OpKind::Set(toml::Value::String(s)) => refuse(s, &op.origin)?,
            OpKind::Replace(items) => items.iter().try_for_each(|(s, o)| refuse(s, o))?,
            OpKind::Edit { add, remove } => add
                .iter()
                .chain(remove)
                .try_for_each(|(s, o)| refuse(s, o))?,
            _ => {}
        }
    }
    Ok(())
}

/// What is wrong with a text value, and what was expected; `None` when it is fine.
pub fn text_problem(text: &str) -> Option<(String, &'static str)> {
    // Every preset and posting text is read here at start-up: a byte scan clears
    // almost all of them without decoding a char.
    if may_hold_unsafe(text.as_bytes()) {
        if let Some(problem) = control_problem(text) {
            return Some(problem);
        }
    }
    if !text.is_empty() && !text.chars().any(is_visible) {
        let message =
            "has no visible characters (only spaces or zero-width characters)".to_string();
        return Some((message, "some text, or leave the key out"));
    }
    None
}

/// The first control character in `text` that is not a line end or tab.
fn control_problem(text: &str) -> Option<(String, &'static str)> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
        if crate::error::is_unsafe_char(c) && !line_end {
            let shown = crate::error::escaped(&c.to_string(), false).into_owned();
            let message = format!("holds the control character {shown}");
            return Some((
                message,
                "text without control characters (line breaks and tabs are fine)",
            ));
        }
    }
    None
}

/// Might `bytes` (UTF-8) hold a char [`crate::error::is_unsafe_char`] refuses? False
/// only when none can be there: no byte below 0x20 but a line feed or tab, no DEL, no
/// C1 control (`C2 80`-`C2 9F`) and no bidirectional control (`E2 80 AA`-`AE`, `E2 81
/// A6`-`A9`).
fn may_hold_unsafe(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        match b {
            b'\n' | b'\t' => false,
            0..=0x1f | 0x7f => true,
            0xc2 => (0x80..=0x9f).contains(&next(1)),
            0xe2 => (next(1) == 0x80 && next(2) >= 0xaa) || next(1) == 0x81,
            _ => false,
        }
    })
}

/// A character that shows ink: not white space and not a zero-width format
/// character (zero-width space and joiners, word joiner, soft hyphen, BOM, …).
fn is_visible(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(c, '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Takes the list at top-level key `key` out of `ops`.
fn take_list(ops: &mut Vec<Op>, key: &str) -> Vec<Item> {
    match ops.iter().position(|o| o.path == key) {
        Some(i) => match ops.remove(i).kind {
            OpKind::Replace(items) => items,
            _ => Vec::new(),
        },
        None => Vec::new(),
    }
}

/// Takes the table at top-level `key` out of `table`; a non-table is an error.
fn take_table<'a>(
    table: &mut Spanned<DeTable<'a>>,
    key: &str,
    index: &LineIndex,
    source: &str,
) -> Result<Option<Spanned<DeTable<'a>>>> {
    let Some((k, v)) = table.get_mut().remove_entry(key) else {
        return Ok(None);
    };
    let span = v.span();
    match v.into_inner() {
        DeValue::Table(t) => Ok(Some(Spanned::new(span, t))),
        _ => {
            let pos = index.pos(k.span().start);
            let origin = crate::error::Origin::at(source, pos).spanning(key.chars().count());
            let problem = Problem::new(origin, format!("`{key}` is not a table"))
                .expected(format!("a table, e.g. `[{key}]`"))
                .with_line(index.line_text(pos.line));
            Err(Error::from(problem))
        }
    }
}

/// Checks a path given to `unset`/`--unset`: any key or table of the schema.
pub fn check_unset(path: &str) -> std::result::Result<(), Box<Problem>> {
    match check_path(path) {
        Err(_) if keys_of(path).is_some() && !path.is_empty() => Ok(()),
        other => other,
    }
}

/// Takes `keys` (every key when empty) out of `table` as plain values.
fn take_meta(
    table: &mut Spanned<DeTable<'_>>,
    keys: &[&str],
    index: &LineIndex,
    source: &str,
) -> Result<Vec<(String, toml::Value, Pos)>> {
    let all: Vec<String> = match keys {
        [] => table
            .get_ref()
            .keys()
            .map(|k| k.get_ref().to_string())
            .collect(),
        _ => keys.iter().map(|k| k.to_string()).collect(),
    };
    let mut meta = Vec::new();
    for key in &all {
        if let Some((k, v)) = table.get_mut().remove_entry(key.as_str()) {
            let pos = index.pos(k.span().start);
            let value = to_value(v).map_err(|e| toml_error(source, index, e))?;
            meta.push((key.to_string(), value, pos));
        }
    }
    Ok(meta)
}

fn to_value(v: Spanned<DeValue<'_>>) -> std::result::Result<toml::Value, toml::de::Error> {
    toml::Value::deserialize(ValueDeserializer::from(v))
}

fn flatten(source: &Arc<str>, index: &LineIndex, table: &DeTable, prefix: &str, ops: &mut Vec<Op>) {
    for (key, value) in table.iter() {
        let path = join(prefix, key.get_ref());
        let origin = Origin {
            source: source.clone(),
            pos: Some(index.pos(key.span().start)),
            kind: Kind::File,
        };
        let kind = match value.get_ref() {
            DeValue::Table(t) if is_list_path(&path) => edit(source, index, t),
            DeValue::Table(t) => {
                flatten(source, index, t, &path, ops);
                continue;
            }
            DeValue::Array(a) => OpKind::Replace(items(source, index, a)),
            _ => match to_value(value.clone()) {
                Ok(v) => OpKind::Set(v),
                Err(_) => continue, // already rejected by the typed check
            },
        };
        ops.push(Op { path, origin, kind });
    }
}

fn edit(source: &Arc<str>, index: &LineIndex, table: &DeTable) -> OpKind {
    let get = |k: &str| match table.get(k).map(|v| v.get_ref()) {
        Some(DeValue::Array(a)) => items(source, index, a),
        _ => Vec::new(),
    };
    OpKind::Edit {
        add: get("add"),
        remove: get("remove"),
    }
}

fn items(source: &Arc<str>, index: &LineIndex, array: &toml::de::DeArray) -> Vec<Item> {
    array
        .iter()
        .filter_map(|v| match v.get_ref() {
            DeValue::String(s) => Some((
                s.to_string(),
                Origin {
                    source: source.clone(),
                    pos: Some(index.pos(v.span().start)),
                    kind: Kind::File,
                },
            )),
            _ => None,
        })
        .collect()
}

/// `a.b` from a prefix and a key.
pub fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Turns a TOML parse or schema error into a problem at its position, with
/// serde's wording made plainer, the closest valid name, and the offending line.
fn toml_error(source: &str, index: &LineIndex, e: toml::de::Error) -> Error {
    let problem = match e.span() {
        // The toml crate reports a duplicate key by this message only (no kind).
        Some(span) if e.message().trim() == "duplicate key" => duplicate_key(index, span),
        _ => plain(e.message()),
    };
    let Some(span) = e.span() else {
        return Error::from(problem.moved_to(crate::error::Origin::file(source)));
    };
    let pos = index.pos(span.start);
    let chars = index.text.get(span).map_or(1, |t| t.chars().count());
    let origin = crate::error::Origin::at(source, pos).spanning(chars);
    Error::from(
        problem
            .moved_to(origin)
            .with_line(index.line_text(pos.line)),
    )
}

/// "duplicate key `min` in [pay]", with the line that first set it when a plain
/// scan of the earlier lines finds it.
fn duplicate_key(index: &LineIndex, span: std::ops::Range<usize>) -> Problem {
    let key = index
        .text
        .get(span.clone())
        .unwrap_or("")
        .trim()
        .trim_matches('"');
    let pos = index.pos(span.start);
    let text = index.line_text(pos.line);
    let header = text.trim_start().starts_with('[');
    let table = if header {
        ""
    } else {
        table_at(index, pos.line)
    };
    let place = match table {
        "" => String::new(),
        t => format!(" in [{t}]"),
    };
    // Inside an inline table the scope is the braces, which a line scan cannot see.
    let inline = text.chars().take(pos.col - 1).any(|c| c == '{');
    let first = (1..pos.line)
        .filter(|_| !inline)
        .find(|&l| {
            (header || table_at(index, l) == table) && defines(index.line_text(l), key, header)
        })
        .map(|l| format!(" (first set on line {l})"))
        .unwrap_or_default();
    let message = format!("duplicate key `{key}`{place}{first}");
    Problem::new(unplaced(), message).expected("each key once per table")
}

/// The `[table]` header in force at 1-based `line` (`""` at the top level).
fn table_at<'a>(index: &LineIndex<'a>, line: usize) -> &'a str {
    (1..=line)
        .rev()
        .map(|l| index.line_text(l).trim())
        .find(|t| t.starts_with('['))
        .map_or("", |t| t.trim_matches(|c| c == '[' || c == ']').trim())
}

/// Whether `line` sets `key` (as `key = …`, `key.x = …`, or a `[key]` header).
fn defines(line: &str, key: &str, header: bool) -> bool {
    let line = line.trim_start();
    let rest = match header {
        true => line.strip_prefix('[').map(str::trim_start),
        false => Some(line),
    };
    rest.and_then(|r| r.strip_prefix(key))
        .and_then(|r| r.trim_start().chars().next())
        .is_some_and(|c| matches!(c, '=' | '.' | ']'))
}

/// serde's message as a problem in the project's voice (at no place yet: the
/// caller moves it where the text was). serde's errors carry no kind, so its
/// wording is what there is to read.
pub fn plain(message: &str) -> Problem {
    let message = message.trim();
    for (prefix, noun) in [("unknown field", "key"), ("unknown variant", "value")] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return unknown_name(rest, noun);
        }
    }
    Problem::new(unplaced(), plain_message(message))
}

/// The origin of a problem found in a message, before the caller moves it to
/// the place the message was about.
fn unplaced() -> crate::error::Origin {
    crate::error::Origin::field("")
}

/// Rewrites serde's wording into the project's voice.
fn plain_message(message: &str) -> String {
    let mut out = message.to_string();
    for (from, to) in [
        ("invalid type: ", "wrong type: found "),
        ("expected f64", "expected a number"),
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected a string", "expected text in quotes"),
        ("expected a sequence", "expected a list"),
        ("invalid value: integer", "found the number"),
        ("string \"", "text \""),
        ("found sequence", "found a list"),
        ("found map", "found a table"),
        (
            "expected a TOML datetime",
            "expected a date such as 2026-12-01, without quotes",
        ),
    ] {
        out = out.replace(from, to);
    }
    crate::text::lower_first(&without_struct_name(&out))
}

/// serde names the Rust struct it expected ("expected struct Pay"); users only
/// need to know a table goes there.
fn without_struct_name(message: &str) -> String {
    match message.split_once("expected struct ") {
        Some((head, tail)) => {
            let rest = tail.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
            format!("{head}expected a table{rest}")
        }
        None => message.to_string(),
    }
}

fn unknown_name(rest: &str, noun: &str) -> Problem {
    // rest looks like: " `titel`, expected one of `role`, `title`, …"
    let names: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    let nowhere = unplaced();
    let Some((found, valid)) = names.split_first() else {
        return Problem::new(nowhere, format!("unknown {noun}{rest}"));
    };
    let problem = Problem::new(nowhere, format!("unknown {noun} `{found}`"))
        .suggest(closest(found, valid.iter().copied()));
    match valid.is_empty() {
        true => problem,
        false => problem.expected(format!("one of: {}", valid.join(", "))),
    }
}

/// Checks a dotted `--set` path against the schema, suggesting the closest key.
/// The problem is at the field `path`; the caller moves it to the flag or file.
pub fn check_path(path: &str) -> std::result::Result<(), Box<Problem>> {
    let problem = |m: String| Problem::new(crate::error::Origin::field(path), m);
    if path.is_empty() {
        return Err(Box::new(
            problem("nothing before `=`".into()).expected("KEY=VALUE, e.g. `pay.min=21`"),
        ));
    }
    if path.split('.').any(str::is_empty) {
        return Err(Box::new(
            problem(format!("`{path}` has an empty key"))
                .expected("a dotted path such as `pay.min`"),
        ));
    }
    let mut table = String::new();
    for key in path.split('.') {
        let Some(keys) = keys_of(&table) else {
            return Err(Box::new(problem(format!(
                "`{table}` is not a table, so it has no key `{key}`"
            ))));
        };
        if !keys.contains(&key) {
            let place = match table.as_str() {
                "" => "at the top level".to_string(),
                t => format!("in [{t}]"),
            };
            return Err(Box::new(
                problem(format!("unknown key `{key}` {place}"))
                    .expected(format!("one of: {}", keys.join(", ")))
                    .suggest(closest(key, keys.iter().copied())),
            ));
        }
        table = join(&table, key);
    }
    match keys_of(&table) {
        Some(keys) => Err(Box::new(problem(format!(
            "`{table}` is a table; set one of its keys, e.g. `{table}.{}`",
            keys[0]
        )))),
        None => Ok(()),
    }
}

/// A merged value with its origin.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// A single value.
    Value(toml::Value, Origin),
    /// A list, each item with its own origin.
    List(Vec<Item>),
}

impl Slot {
    /// The slot as a plain TOML value (a list as an array of strings).
    pub fn value(&self) -> toml::Value {
        match self {
            Slot::Value(v, _) => v.clone(),
            Slot::List(items) => items
                .iter()
                .map(|(s, _)| s.as_str())
                .collect::<Vec<_>>()
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(text: &str) -> Vec<Op> {
        parse("t.toml", text, false).map(|(l, _)| l.ops).unwrap()
    }

    /// The byte scan lets no control character through that the char check refuses.
    #[test]
    fn the_byte_scan_misses_no_control_character() {
        for c in (0..0x3000u32)
            .chain(0xfeff..0xff00)
            .filter_map(char::from_u32)
        {
            let text = format!("a{c}b");
            if control_problem(&text).is_some() {
                assert!(may_hold_unsafe(text.as_bytes()), "U+{:04X}", c as u32);
            }
        }
        assert!(text_problem("Line one\r\nline two\ttab – “quoted” …").is_none());
        assert!(text_problem("bell\u{7}").is_some());
        assert!(text_problem("a\u{202e}b").is_some());
        assert!(text_problem("lone\rreturn").is_some());
    }

    #[test]
    fn flattens_tables_and_lists() {
        let ops = ops("title = \"A\"\n[pay]\nmin = 3\nbenefits = { add = [\"x\"] }\n");
        let paths: Vec<_> = ops.iter().map(|o| o.path.as_str()).collect();
        assert_eq!(paths, ["title", "pay.min", "pay.benefits"]);
        assert_eq!(ops[1].origin.pos, Some(Pos { line: 3, col: 1 }));
        assert!(matches!(&ops[2].kind, OpKind::Edit { add, .. } if add[0].0 == "x"));
    }

    fn problem(text: &str) -> Problem {
        match parse("p.toml", text, false).map(|(l, _)| l) {
            Err(Error::Input(p)) => *p,
            other => panic!("expected an input problem, got {other:?}"),
        }
    }

    #[test]
    fn unknown_key_names_position_and_suggestion() {
        let p = problem("title = \"A\"\ntitel = \"B\"\n");
        assert_eq!(p.origin.to_string(), "p.toml:2:1");
        assert_eq!(p.message, "unknown key `titel`");
        assert_eq!(p.suggestion.as_deref(), Some("title"));
        assert!(
            p.expected
                .unwrap()
                .starts_with("one of: role, locale, title")
        );
        assert_eq!(p.line.as_deref(), Some("titel = \"B\""));
        assert!(matches!(
            p.origin,
            crate::error::Origin::File { len: 5, .. }
        ));
    }

    #[test]
    fn wrong_type_is_plain() {
        let p = problem("[pay]\nmin = \"lots\"\n");
        assert_eq!(
            p.to_string(),
            "p.toml:2:7: wrong type: found text \"lots\", expected a number"
        );
    }

    #[test]
    fn duplicate_keys_name_the_key_table_and_first_line() {
        let msg = |text: &str| parse("p.toml", text, false).err().unwrap().to_string();
        assert!(
            msg("[a]\nmin = 1\n[pay]\nmin = 1\nmin = 2\n")
                .starts_with("p.toml:5:1: duplicate key `min` in [pay] (first set on line 4);"),
        );
        // Same name, other scope: no line is claimed.
        let inline = msg("[conditions]\nx = 1\ny = { x = 1, x = 2 }\n");
        assert!(
            inline.starts_with("p.toml:3:14: duplicate key `x` in [conditions]; expected"),
            "{inline}"
        );
    }

    #[test]
    fn set_paths_are_checked() {
        assert!(check_path("pay.min").is_ok());
        let mni = check_path("pay.mni").unwrap_err();
        assert_eq!(mni.message, "unknown key `mni` in [pay]");
        assert_eq!(mni.suggestion.as_deref(), Some("min"));
        assert_eq!(mni.origin, crate::error::Origin::field("pay.mni"));
        let titel = check_path("titel").unwrap_err();
        assert_eq!(titel.message, "unknown key `titel` at the top level");
        assert_eq!(titel.suggestion.as_deref(), Some("title"));
        assert!(check_path("pay").is_err());
        assert_eq!(check_path("").unwrap_err().message, "nothing before `=`");
        assert_eq!(
            check_path("pay.").unwrap_err().message,
            "`pay.` has an empty key"
        );
        assert!(check_path("title.x").is_err());
    }

    #[test]
    fn line_index_counts_chars() {
        let idx = LineIndex::new("ab\néx = 1\n");
        assert_eq!(idx.pos(5), Pos { line: 2, col: 2 });
        assert_eq!(idx.line_text(2), "éx = 1");
    }
}
