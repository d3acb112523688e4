//! Loading and merging: the preset chain, a company profile, `include` files, the
//! posting file and `--set` flags, lowest first, into one [`Merged`] posting that
//! remembers where every value came from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::error::{Error, Problem, Result, closest};
use crate::files::read_text;
use crate::layer::{self, Item, Kind, Layer, Op, OpKind, Origin, check_path, check_unset};
use crate::model::{Posting, Workplace, within};
use crate::preset::{ChainBase, Preset, Registry};
use crate::spelling::overrides;

/// What to merge, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The posting file, if any.
    pub file: Option<PathBuf>,
    /// `--role`: wins over a `role` in the files.
    pub role: Option<String>,
    /// `--company`: a company profile below the posting.
    pub company: Option<PathBuf>,
    /// `--set KEY=VALUE`, in order.
    pub sets: Vec<String>,
    /// `--unset PATH`: removed after the files, before the `--set` values.
    pub unsets: Vec<String>,
    /// `--locale TAG`: wins over a `locale` in the files and `--set` values.
    pub locale: Option<String>,
}

pub use crate::layer::Slot;

/// The merged posting and the origin of each value, keyed by dotted path.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The typed posting.
    pub posting: Posting,
    /// Every value set, by dotted path.
    pub slots: BTreeMap<String, Slot>,
    /// Names of the layers, lowest first.
    pub layers: Vec<Arc<str>>,
    /// The posting file, for problems with fields no layer set.
    pub file: Option<Arc<str>>,
    /// Paths a layer removed (`unset`, `--unset`), with where; shown by `explain`.
    pub removed: BTreeMap<String, Origin>,
    /// The role preset's suggested employer facts (`[hints]`), merged along its
    /// chain; never rendered.
    pub hints: BTreeMap<String, Slot>,
    /// Where the preset's pay band and other hints come from, if it says.
    pub hint_source: Option<String>,
}

impl Merged {
    /// Where the value at `path` came from (for lists, the first item's origin).
    pub fn origin(&self, path: &str) -> Option<&Origin> {
        match self.slots.get(path)? {
            Slot::Value(_, o) => Some(o),
            Slot::List(items) => items.first().map(|(_, o)| o),
        }
    }

    /// Where the value at `path` was set: the layer's place (a file position, a
    /// flag, a preset), else the posting file (a value it lacks), else the field.
    pub fn place(&self, path: &str) -> crate::error::Origin {
        match (self.slots.get(path), &self.file) {
            // A value's origin is its key: underline the key.
            (Some(Slot::Value(_, o)), _) => {
                let key = path.rsplit('.').next().unwrap_or(path);
                o.place().spanning(key.chars().count())
            }
            (Some(Slot::List(items)), _) if !items.is_empty() => items[0].1.place(),
            (_, Some(file)) => crate::error::Origin::file(file),
            (_, None) => crate::error::Origin::field(path),
        }
    }

    /// Moves a problem with a field of this posting to the place that set the
    /// field; other problems keep their place.
    pub fn locate(&self, p: Problem) -> Problem {
        match &p.origin {
            crate::error::Origin::Field { path } => {
                let place = self.place(path);
                p.moved_to(place)
            }
            _ => p,
        }
    }
}

/// Loads and merges everything `inputs` names.
pub fn load(registry: &Registry, inputs: &Inputs) -> Result<Merged> {
    let upper = upper_layers(inputs)?;
    let chain = match role_of(&upper) {
        Some((role, origin)) => {
            let lang = language_of(&upper)?;
            registry
                .chain_in(&role, &lang)
                .map_err(|e| relocate(e, origin))?
        }
        None => Vec::new(),
    };
    let mut merged = merge_with_chain(&chain, &upper)?;
    merged.file = inputs
        .file
        .as_ref()
        .map(|f| Arc::from(f.display().to_string()));
    Ok(merged)
}

/// The language the employer's layers put the posting in (their `locale`, or the
/// country and region of the job): presets never decide it, so the preset text
/// can be chosen in that language before the merge.
fn language_of(upper: &[Layer]) -> Result<String> {
    // Only what decides the locale: list edits elsewhere need the presets below.
    let decides = |path: &str| path == "locale" || within(path, "location");
    let place: Vec<Layer> = upper
        .iter()
        .map(|l| Layer {
            ops: l
                .ops
                .iter()
                .filter(|op| decides(&op.path))
                .cloned()
                .collect(),
            ..l.clone()
        })
        .collect();
    let refs: Vec<&Layer> = place.iter().collect();
    let posting = merge(&refs)?.posting;
    Ok(crate::locale::of(&posting).language().to_string())
}

/// A preset merged with what it extends, as a posting of its own.
pub fn preset(registry: &Registry, id: &str) -> Result<Merged> {
    merge_with_chain(&registry.chain(id)?, &[])
}

/// [`preset`] with its text in `lang` (`de`, `fr`), where it is written in it.
pub fn preset_in(registry: &Registry, id: &str, lang: &str) -> Result<Merged> {
    merge_with_chain(&registry.chain_in(id, lang)?, &[])
}

/// The layers above the preset chain, lowest first: company profile, the posting
/// file (after its includes), `--unset`, `--set`, `--locale`, `--role`.
fn upper_layers(inputs: &Inputs) -> Result<Vec<Layer>> {
    let mut upper = Vec::new();
    if let Some(company) = &inputs.company {
        read_with_includes(company, &mut Vec::new(), &mut upper)?;
    }
    if let Some(file) = &inputs.file {
        read_with_includes(file, &mut Vec::new(), &mut upper)?;
    }
    for path in &inputs.unsets {
        upper.push(unset_layer(path)?);
    }
    for set in &inputs.sets {
        upper.push(set_layer(set)?);
    }
    if let Some(locale) = &inputs.locale {
        let quoted = toml::Value::String(locale.clone()).to_string();
        let flag = Kind::Flag {
            name: "--locale",
            value: Arc::from(locale.as_str()),
        };
        upper.push(flag_layer(flag, "locale", &quoted)?);
    }
    if let Some(role) = &inputs.role {
        let quoted = toml::Value::String(role.clone()).to_string();
        let flag = Kind::Flag {
            name: "--role",
            value: Arc::from(role.as_str()),
        };
        upper.push(flag_layer(flag, "role", &quoted)?);
    }
    Ok(upper)
}

/// Merges the preset chain, then `upper`; picks the preset's setting text for the
/// posting's workplace and gathers the chain's hints.
pub fn merge_with_chain(chain: &[&Preset], upper: &[Layer]) -> Result<Merged> {
    // The chain is merged once per process and role (lint and export merge
    // thousands of postings on a few dozen chains); each posting applies its own
    // layers to a copy.
    let base = chain_base(chain)?;
    let (mut slots, mut removed) = (base.slots.clone(), base.removed.clone());
    apply_all(&mut slots, &mut removed, upper)?;
    if !upper.iter().flat_map(|l| &l.ops).any(covers_environment) {
        if let Some((text, origin)) = setting_for(chain, workplace_in(&slots)) {
            let slot = Slot::Value(toml::Value::String(text), origin);
            slots.insert(ENVIRONMENT.to_string(), slot);
        }
    }
    let layers = chain.iter().map(|p| &p.layer).chain(upper);
    let mut merged = assembled(slots, removed, layers)?;
    merged.hints = base.hints.clone();
    merged.hint_source = chain.iter().rev().find_map(|p| p.hint_source.clone());
    localise(&mut merged, chain)?;
    Ok(merged)
}

/// The chain's layers and hints merged, from the memo of its last preset.
fn chain_base(chain: &[&Preset]) -> Result<Arc<ChainBase>> {
    let build = || {
        let (mut slots, mut removed) = (BTreeMap::new(), BTreeMap::new());
        apply_all(&mut slots, &mut removed, chain.iter().map(|p| &p.layer))?;
        let hints: Vec<&Layer> = chain.iter().filter_map(|p| p.hints.as_ref()).collect();
        let hints = merge(&hints)?.slots;
        Ok(ChainBase {
            slots,
            removed,
            hints,
        })
    };
    match chain.last() {
        Some(last) => last.memo.get_or_try(chain, build),
        None => build().map(Arc::new),
    }
}

/// Writes the text that came from presets in the posting's locale: first the
/// presets' own `[locale.<tag>]` rewordings, then the spelling mapping
/// ([`crate::spelling`]).
///
/// This is the seam because only here are both known: the locale, which the
/// employer's layers decide (their country, `locale`, `--locale`), and the origin of
/// every value and list item, which tells preset text (role knowledge, written in US
/// English) from the employer's own words, which are theirs and never rewritten
/// (lint's `locale-mismatch` tells them instead). Rewriting after the merge also
/// keeps the employer's `remove = [...]` edits matching the preset as written.
fn localise(merged: &mut Merged, chain: &[&Preset]) -> Result<()> {
    // `'static`: the locale outlives the borrow of the posting it was read from.
    let locale = crate::locale::of(&merged.posting);
    let tag = locale.tag.clone();
    if tag != crate::locale::DEFAULT {
        drop_us_pay_hints(merged);
    }
    // The most specific rewordings first: the region's, then the locale's, each
    // for the employer's sector before those true of either. Each rewords the
    // text as the presets write it; what one has reworded the later ones leave.
    let region = overrides::region_of(&merged.posting);
    let sector = merged.posting.company.as_ref().and_then(|c| c.sector);
    let tags = overrides::tags_for(&tag, region.as_deref(), sector);
    let overrides: Vec<(usize, &overrides::Override)> =
        tags.iter()
            .flat_map(|t| {
                chain.iter().enumerate().flat_map(move |(k, p)| {
                    p.locales.get(t).into_iter().flatten().map(move |o| (k, o))
                })
            })
            .collect();
    // Presets are written in US English: en-US has no spelling to change.
    let table = match tag == crate::locale::DEFAULT {
        true => None,
        false => crate::spelling::table(&tag),
    };
    let letters = &locale.letters;
    if overrides.is_empty() && table.is_none() && letters.is_empty() {
        return Ok(());
    }
    let from_preset = |o: &Origin| chain.iter().any(|p| p.layer.source == o.source);
    let reworded = !overrides.is_empty();
    // Checked once per preset and set of tags.
    check_overrides(chain, &overrides, &tags.join(" "))?;
    let mut done = Reworded::default();
    for (k, o) in overrides {
        // A preset rewords the text it or its parents wrote, never a child's own
        // text at the same path: a child's purpose is a different job's purpose.
        let written_by_up_to_k =
            |origin: &Origin| chain[..=k].iter().any(|p| p.layer.source == origin.source);
        reword(&mut merged.slots, o, &written_by_up_to_k, &mut done);
    }
    let mut respelled = false;
    let by_table = table.map(|table| move |text: &str| table.respell(text));
    // Letters a country writes otherwise (Swiss German has no "ß").
    let by_letters = |text: &str| {
        letters
            .iter()
            .any(|(from, _)| text.contains(from.as_str()))
            .then(|| {
                letters
                    .iter()
                    .fold(text.to_string(), |t, (a, b)| t.replace(a.as_str(), b))
            })
    };
    let rewrites: [Option<Rewrite>; 2] = [
        by_table.as_ref().map(|f| f as Rewrite),
        (!letters.is_empty()).then_some(&by_letters as Rewrite),
    ];
    for rewrite in rewrites.into_iter().flatten() {
        for slot in merged.slots.values_mut() {
            respelled |= respell(slot, rewrite, &from_preset);
        }
        // Hints are preset text too, offered to the employer as answers.
        for slot in merged.hints.values_mut() {
            respell(slot, rewrite, &|_| true);
        }
    }
    if reworded || respelled {
        merged.posting = to_posting(&merged.slots)?;
    }
    Ok(())
}

/// The presets' pay suggestions (band, currency, benefits, extras) are US
/// figures and US benefits (a 401(k)-style plan, health cover): offered to an
/// employer elsewhere they would suggest dollars and US benefits, so outside
/// en-US none is offered. The period and the other hints stay.
fn drop_us_pay_hints(merged: &mut Merged) {
    let before = merged.hints.len();
    merged
        .hints
        .retain(|path, _| !path.starts_with("pay.") || path == "pay.period");
    if merged.hints.len() != before {
        merged.hint_source = None;
    }
}

/// Checks each preset's overrides for `tag` against what that preset and its
/// parents set, once per preset and locale in a process: presets do not change
/// while it runs, and an export merges the same few presets thousands of times.
fn check_overrides(
    chain: &[&Preset],
    overrides: &[(usize, &overrides::Override)],
    tag: &str,
) -> Result<()> {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static CHECKED: OnceLock<Mutex<HashSet<(String, String)>>> = OnceLock::new();
    let checked = CHECKED.get_or_init(Default::default);
    for (k, preset) in chain.iter().enumerate() {
        let own: Vec<_> = overrides.iter().filter(|(i, _)| *i == k).collect();
        let key = (preset.file.to_string(), tag.to_string());
        if own.is_empty() || checked.lock().is_ok_and(|set| set.contains(&key)) {
            continue;
        }
        let layers: Vec<&Layer> = chain[..=k].iter().map(|p| &p.layer).collect();
        let slots = merge(&layers)?.slots;
        for (_, o) in own {
            check_override(&preset.file, &slots, o)?;
        }
        if let Ok(mut set) = checked.lock() {
            set.insert(key);
        }
    }
    Ok(())
}

/// An override must reword text the presets up to its own actually have.
/// `own` is what the override's preset and its parents set; errors name the
/// preset's `file`, where the author fixes them.
fn check_override(file: &str, own: &BTreeMap<String, Slot>, o: &overrides::Override) -> Result<()> {
    use overrides::Change;
    let in_file = |origin: &Origin| match origin.pos {
        Some(p) => crate::error::Origin::at(file, p),
        None => crate::error::Origin::file(file),
    };
    let at = in_file(&o.origin);
    let missing = || {
        Error::input(
            at.clone(),
            format!(
                "`{}` is not set by this preset or those it extends, so there is nothing to reword",
                o.path
            ),
        )
    };
    match (&o.change, own.get(&o.path)) {
        (_, None) => Err(missing()),
        (Change::Items(items), Some(Slot::List(list))) => {
            for (from, _, origin) in items {
                if !list.iter().any(|(x, _)| x == from) {
                    let near = closest(from, list.iter().map(|(x, _)| x.as_str()));
                    let listed = if near.is_some() {
                        String::new()
                    } else {
                        describe_list(list)
                    };
                    let message = format!("`{from}` is not an item of `{}`{listed}", o.path);
                    return Err(Error::from(
                        Problem::new(in_file(origin), message).suggest(near),
                    ));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// What the rewordings so far replaced: whole values and lists by path, list
/// items by path and place. A later, less specific rewording leaves them.
#[derive(Default)]
struct Reworded {
    whole: std::collections::HashSet<String>,
    items: std::collections::HashSet<(String, usize)>,
}

/// Applies one override to the values that came from presets and that no
/// earlier (more specific) override reworded.
fn reword(
    slots: &mut BTreeMap<String, Slot>,
    o: &overrides::Override,
    from_preset: &dyn Fn(&Origin) -> bool,
    done: &mut Reworded,
) {
    use overrides::Change;
    let Some(slot) = slots.get_mut(&o.path) else {
        return;
    };
    if done.whole.contains(&o.path) {
        return;
    }
    match (&o.change, slot) {
        (Change::Text(text), Slot::Value(v, origin)) if from_preset(origin) => {
            *v = toml::Value::String(text.clone());
            *origin = o.origin.clone();
            done.whole.insert(o.path.clone());
        }
        (Change::List(new), Slot::List(list)) if list.iter().any(|(_, o)| from_preset(o)) => {
            // The employer's own items stay, after the reworded list.
            let theirs = list.iter().filter(|(_, origin)| !from_preset(origin));
            let mut out: Vec<Item> = new.iter().map(|t| (t.clone(), o.origin.clone())).collect();
            out.extend(theirs.cloned());
            *list = out;
            done.whole.insert(o.path.clone());
        }
        (Change::Items(items), Slot::List(list)) => {
            for (from, to, origin) in items {
                let found = (0..list.len()).find(|&i| {
                    let (x, o2) = &list[i];
                    x == from && from_preset(o2) && !done.items.contains(&(o.path.clone(), i))
                });
                if let Some(i) = found {
                    list[i] = (to.clone(), origin.clone());
                    done.items.insert((o.path.clone(), i));
                }
            }
        }
        _ => {}
    }
}

/// A rewriting of preset text: the new text, or `None` to leave it.
type Rewrite<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Respells a value or the list items that came from presets.
/// Respells the preset text in `slot`; whether anything changed.
fn respell(slot: &mut Slot, rewrite: Rewrite, from_preset: &dyn Fn(&Origin) -> bool) -> bool {
    let mut changed = false;
    let mut fix = |text: &mut String| {
        if let Some(new) = rewrite(text) {
            changed |= new != *text;
            *text = new;
        }
    };
    match slot {
        Slot::Value(toml::Value::String(s), origin) if from_preset(origin) => fix(s),
        Slot::List(items) => items
            .iter_mut()
            .filter(|(_, o)| from_preset(o))
            .for_each(|(text, _)| fix(text)),
        _ => {}
    }
    changed
}

const ENVIRONMENT: &str = "conditions.environment";

/// Whether a layer's own operation decides the environment text (sets or removes it).
fn covers_environment(op: &Op) -> bool {
    within(ENVIRONMENT, &op.path)
}

/// The workplace the merged values name, if valid (an invalid one is reported when
/// the values become a posting).
fn workplace_in(slots: &BTreeMap<String, Slot>) -> Option<Workplace> {
    match slots.get("location.workplace")? {
        Slot::Value(v, _) => Workplace::deserialize(v.clone()).ok(),
        Slot::List(_) => None,
    }
}

/// The setting text for `workplace` of the highest preset with a `[setting]` table.
/// A preset's table replaces its parent's whole: a workplace it leaves out is one
/// the role is not done in (a cashier has no remote setting), so it gets no text.
fn setting_for(chain: &[&Preset], workplace: Option<Workplace>) -> Option<(String, Origin)> {
    let workplace = workplace?;
    let own = chain.iter().rev().find(|p| !p.setting.is_empty())?;
    own.setting.get(&workplace).cloned()
}

/// The role the highest layer names, with where it named it.
fn role_of(layers: &[Layer]) -> Option<(String, &Origin)> {
    layers.iter().rev().find_map(|l| {
        let op = l.ops.iter().find(|o| o.path == "role")?;
        Some((l.role.clone()?, &op.origin))
    })
}

/// Points a registry error about the field `role` at the place the role was given.
fn relocate(e: Error, origin: &Origin) -> Error {
    match e {
        Error::Input(p) if matches!(&p.origin, crate::error::Origin::Field { path } if path == "role") => {
            Error::from(p.moved_to(origin.place().spanning("role".len())))
        }
        other => other,
    }
}

/// Reads `path` and, before it, the files it includes (depth first). `stack`
/// holds the files being read, canonical (to spot loops) and as named (to report them).
fn read_with_includes(
    path: &Path,
    stack: &mut Vec<(PathBuf, PathBuf)>,
    out: &mut Vec<Layer>,
) -> Result<()> {
    let text = read_text(path)?;
    let (layer, _) = layer::parse(&path.display().to_string(), &text, false)?;
    // Includes stay inside the project of the file named on the command line.
    let root = match stack.first() {
        Some((_, top)) => crate::files::Root::of(top),
        None => crate::files::Root::of(path),
    };
    stack.push((canonical(path), path.to_path_buf()));
    let dir = path.parent().unwrap_or(Path::new(""));
    for (inc, origin) in &layer.include {
        let target = include_target(&root, dir, inc, origin)?;
        if stack.iter().any(|(c, _)| *c == canonical(&target)) {
            let chain: Vec<_> = stack.iter().map(|(_, p)| p.display().to_string()).collect();
            return Err(Error::input(
                origin.place().spanning(inc.chars().count() + 2),
                format!("include loop: {} → {}", chain.join(" → "), target.display()),
            ));
        }
        read_with_includes(&target, stack, out)
            .map_err(|e| include_error(origin, inc, &target, e))?;
    }
    stack.pop();
    out.push(layer);
    Ok(())
}

/// The file an `include` entry names, checked before it is read: inside the
/// project (or a folder it allows), and a `.toml` file, so that a secret in an
/// `.env` file is never shown in a parse error just because a posting names it.
/// Errors are at the entry, in the posting.
fn include_target(
    root: &crate::files::Root,
    dir: &Path,
    inc: &str,
    origin: &Origin,
) -> Result<PathBuf> {
    let at = origin.place().spanning(inc.chars().count() + 2);
    let refuse = |why: &str, expected: &str| {
        let problem = Problem::new(at.clone(), format!("cannot include `{inc}`: {why}"));
        Error::from(problem.expected(expected.to_string()))
    };
    let target = root
        .check(dir, inc)
        .map_err(|why| refuse(why.message(), crate::files::Outside::EXPECTED))?;
    // A folder is named as one when it is read.
    if !target.is_dir() && !crate::files::has_extension(&target, "toml") {
        return Err(refuse(
            "it is not a .toml file",
            "a TOML file such as `company.toml`",
        ));
    }
    Ok(target)
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Reports a file that cannot be included at the `include` entry naming it: one
/// that cannot be read, or whose problem is with the whole file (a folder, binary).
fn include_error(origin: &Origin, inc: &str, target: &Path, e: Error) -> Error {
    let at = origin.place().spanning(inc.chars().count() + 2);
    let whole_file =
        |p: &Problem| p.origin.pos().is_none() && p.origin.is_file(&target.display().to_string());
    match e {
        Error::Io { source, .. } => Error::input(at, format!("cannot include `{inc}`: {source}")),
        Error::Input(p) if whole_file(&p) => {
            let message = format!("cannot include `{inc}`: it {}", p.message);
            Error::from(Problem { message, ..*p }.moved_to(at))
        }
        other => other,
    }
}

/// Turns `pay.min=21` into a one-key layer, checked like any file.
pub fn set_layer(arg: &str) -> Result<Layer> {
    let flag = Kind::Flag {
        name: "--set",
        value: Arc::from(arg),
    };
    let at = crate::error::Origin::flag("--set", arg);
    let Some((path, raw)) = arg.split_once('=') else {
        let problem = Problem::new(at, "no `=`").expected("KEY=VALUE, e.g. `pay.min=21`");
        return Err(Error::from(problem));
    };
    let path = path.trim();
    check_path(path).map_err(|p| Error::from(p.moved_to(at.clone())))?;
    // `include` names files to read, which only a file can do (its paths count
    // from its folder); taking it here would silently do nothing.
    if path == "include" {
        let problem = Problem::new(at, "`include` cannot be set with --set")
            .expected("`include = [...]` in the posting file, or --company FILE");
        return Err(Error::from(problem));
    }
    flag_layer(flag, path, &parse_set_value(raw.trim()))
}

/// Turns `--unset pay` into a layer that removes `pay` from the layers below.
pub fn unset_layer(path: &str) -> Result<Layer> {
    let at = crate::error::Origin::flag("--unset", path);
    check_unset(path.trim()).map_err(|p| Error::from(p.moved_to(at)))?;
    let quoted = toml::Value::String(path.trim().to_string()).to_string();
    let flag = Kind::Flag {
        name: "--unset",
        value: Arc::from(path),
    };
    flag_layer(flag, "unset", &format!("[{quoted}]"))
}

/// A layer holding one value given on the command line as `flag` (`value` is TOML).
fn flag_layer(flag: Kind, path: &str, value: &str) -> Result<Layer> {
    let text = format!("{path} = {value}\n");
    let name = flag.label().unwrap_or_default();
    let (mut layer, _) = layer::parse(&name, &text, false).map_err(|e| at_flag(e, &flag))?;
    layer.credit(flag);
    for op in &mut layer.ops {
        op.origin.pos = None;
    }
    for (_, origin) in &mut layer.include {
        origin.pos = None;
    }
    Ok(layer)
}

/// A TOML value if `raw` is one, else `raw` as a TOML string.
fn parse_set_value(raw: &str) -> String {
    let doc = format!("v = {raw}");
    match doc.parse::<toml::Table>() {
        Ok(_) => raw.to_string(),
        Err(_) => toml::Value::String(raw.to_string()).to_string(),
    }
}

/// Errors from the synthetic `--set` text carry positions in that text, which mean
/// nothing to the user: the problem moves to the flag (and loses the line).
fn at_flag(e: Error, flag: &Kind) -> Error {
    match (e, flag) {
        (Error::Input(p), Kind::Flag { name, value }) => {
            Error::from(p.moved_to(crate::error::Origin::flag(*name, value.to_string())))
        }
        (other, _) => other,
    }
}

/// Applies `layers`, lowest first, and types the result.
pub fn merge(layers: &[&Layer]) -> Result<Merged> {
    let (mut slots, mut removed) = (BTreeMap::new(), BTreeMap::new());
    apply_all(&mut slots, &mut removed, layers.iter().copied())?;
    assembled(slots, removed, layers.iter().copied())
}

/// The merged values read as a posting, with the sources of the layers that gave
/// them (no hints: a chain adds its own).
fn assembled<'a>(
    slots: BTreeMap<String, Slot>,
    removed: BTreeMap<String, Origin>,
    layers: impl Iterator<Item = &'a Layer>,
) -> Result<Merged> {
    Ok(Merged {
        posting: to_posting(&slots)?,
        slots,
        layers: layers.map(|l| l.source.clone()).collect(),
        file: None,
        removed,
        hints: BTreeMap::new(),
        hint_source: None,
    })
}

/// Applies `layers` in order, each over what the ones before it set.
fn apply_all<'a>(
    slots: &mut BTreeMap<String, Slot>,
    removed: &mut BTreeMap<String, Origin>,
    layers: impl IntoIterator<Item = &'a Layer>,
) -> Result<()> {
    layers
        .into_iter()
        .try_for_each(|layer| apply(slots, removed, layer))
}

fn apply(
    slots: &mut BTreeMap<String, Slot>,
    removed: &mut BTreeMap<String, Origin>,
    layer: &Layer,
) -> Result<()> {
    for op in &layer.ops {
        // A value given again after a removal is no longer removed.
        removed.retain(|p, _| !within(&op.path, p));
        match &op.kind {
            OpKind::Unset => {
                slots.retain(|p, _| !within(p, &op.path));
                removed.insert(op.path.clone(), op.origin.clone());
            }
            OpKind::Set(v) => {
                slots.insert(op.path.clone(), Slot::Value(v.clone(), op.origin.clone()));
            }
            OpKind::Replace(items) => {
                slots.insert(op.path.clone(), Slot::List(items.clone()));
            }
            OpKind::Edit { add, remove } => {
                let slot = slots
                    .entry(op.path.clone())
                    .or_insert_with(|| Slot::List(Vec::new()));
                if let Slot::List(list) = slot {
                    edit_list(list, &op.path, add, remove)?;
                }
            }
        }
    }
    Ok(())
}

fn edit_list(list: &mut Vec<Item>, path: &str, add: &[Item], remove: &[Item]) -> Result<()> {
    for (item, origin) in remove {
        let Some(i) = list.iter().position(|(x, _)| x == item) else {
            let suggestion = closest(item, list.iter().map(|(x, _)| x.as_str()));
            let listed = match suggestion {
                Some(_) => String::new(),
                None => describe_list(list),
            };
            let message = format!(
                "cannot remove `{item}` from `{path}`: it is not in the list below{listed}"
            );
            let at = origin.place().spanning(item.chars().count() + 2);
            return Err(Error::from(Problem::new(at, message).suggest(suggestion)));
        };
        list.remove(i);
    }
    list.extend(add.iter().cloned());
    Ok(())
}

fn describe_list(list: &[Item]) -> String {
    if list.is_empty() {
        return " (the list below is empty)".to_string();
    }
    let items: Vec<_> = list.iter().map(|(x, _)| format!("`{x}`")).collect();
    format!(" (it has: {})", items.join(", "))
}

/// Builds the nested table from the slots and lets serde type it.
fn to_posting(slots: &BTreeMap<String, Slot>) -> Result<Posting> {
    let mut root = toml::Table::new();
    for (path, slot) in slots {
        insert(&mut root, path, slot.value());
    }
    Posting::deserialize(toml::Value::Table(root)).map_err(|e| {
        Error::from(
            layer::plain(&e.to_string()).moved_to(crate::error::Origin::field("merged posting")),
        )
    })
}

/// Puts `value` at the dotted `path` of `root`, making the tables on the way.
pub fn insert(root: &mut toml::Table, path: &str, value: toml::Value) {
    match path.split_once('.') {
        Some((head, rest)) => {
            let entry = root
                .entry(head.to_string())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(t) = entry {
                insert(t, rest, value);
            }
        }
        None => {
            root.insert(path.to_string(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(name: &str, text: &str) -> Layer {
        layer::parse(name, text, false).unwrap().0
    }

    fn daily(m: &Merged) -> Vec<String> {
        m.posting.duties.as_ref().unwrap().daily.clone().unwrap()
    }

    #[test]
    fn later_layers_win_and_lists_replace() {
        let a = layer("a", "title = \"A\"\n[duties]\ndaily = [\"x\", \"y\"]\n");
        let b = layer("b", "title = \"B\"\n[duties]\ndaily = [\"z\"]\n");
        let m = merge(&[&a, &b]).unwrap();
        assert_eq!(m.posting.title.as_deref(), Some("B"));
        assert_eq!(daily(&m), ["z"]);
        assert_eq!(m.origin("title").unwrap().to_string(), "b:1:1");
    }

    #[test]
    fn lists_add_and_remove_keeping_item_origins() {
        let a = layer("a", "[duties]\ndaily = [\"x\", \"y\"]\n");
        let b = layer(
            "b",
            "[duties]\ndaily = { add = [\"z\"], remove = [\"x\"] }\n",
        );
        let m = merge(&[&a, &b]).unwrap();
        assert_eq!(daily(&m), ["y", "z"]);
        let Slot::List(items) = &m.slots["duties.daily"] else {
            panic!()
        };
        assert_eq!(&*items[0].1.source, "a");
        assert_eq!(&*items[1].1.source, "b");
    }

    #[test]
    fn removing_a_missing_item_suggests_the_closest() {
        let a = layer("a", "[duties]\ndaily = [\"Greet guests\"]\n");
        let b = layer("b", "[duties]\ndaily = { remove = [\"Greet guest\"] }\n");
        let err = merge(&[&a, &b]).unwrap_err().to_string();
        assert_eq!(
            err,
            "b:2:21: cannot remove `Greet guest` from `duties.daily`: it is not in the list below; did you mean `Greet guests`?"
        );
    }

    #[test]
    fn set_values_are_toml_or_text() {
        let m = merge(&[
            &set_layer("pay.min=21").unwrap(),
            &set_layer("company.name=Acme Stores").unwrap(),
            &set_layer("title=\"Cashier\"").unwrap(),
        ])
        .unwrap();
        assert_eq!(m.posting.pay.as_ref().unwrap().min, Some(21.0));
        assert_eq!(
            m.posting.company.as_ref().unwrap().name.as_deref(),
            Some("Acme Stores")
        );
        assert_eq!(m.posting.title.as_deref(), Some("Cashier"));
        assert_eq!(m.origin("pay.min").unwrap().to_string(), "--set pay.min=21");
    }

    #[test]
    fn bad_sets_name_the_flag() {
        let e = |s: &str| match set_layer(s) {
            Err(Error::Input(p)) => p,
            other => panic!("expected an input problem, got {other:?}"),
        };
        let flag = |v: &str| crate::error::Origin::flag("--set", v);
        let mni = e("pay.mni=3");
        assert_eq!(mni.origin, flag("pay.mni=3"));
        assert_eq!(mni.message, "unknown key `mni` in [pay]");
        assert_eq!(mni.suggestion.as_deref(), Some("min"));
        let lots = e("pay.min=lots");
        assert_eq!(
            lots.to_string(),
            "--set pay.min=lots: wrong type: found text \"lots\", expected a number"
        );
        // The position and line in the synthetic `pay.min = lots` text are gone.
        assert_eq!((lots.origin.pos(), lots.line), (None, None));
        assert_eq!(
            e("title").to_string(),
            "--set title: no `=`; expected KEY=VALUE, e.g. `pay.min=21`"
        );
        let fortnight = e("pay.period=fortnight");
        assert_eq!(fortnight.origin, flag("pay.period=fortnight"));
        assert_eq!(fortnight.suggestion, None);
        assert_eq!(
            fortnight.expected.as_deref(),
            Some("one of: hour, day, week, month, year")
        );
    }
}

#[cfg(test)]
mod file_tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Company profile < includes (in order) < posting file < --set.
    #[test]
    fn layers_merge_in_documented_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(
            d,
            "a.toml",
            "title = \"from a\"\npurpose = \"a\"\nreference = \"a\"\n[pay]\nextras = \"a\"\n",
        );
        write(d, "b.toml", "title = \"from b\"\nreference = \"b\"\n");
        let company = write(
            d,
            "co.toml",
            "purpose = \"co\"\n[company]\nname = \"Co\"\n[pay]\nextras = \"co\"\n",
        );
        let file = write(
            d,
            "p.toml",
            "include = [\"a.toml\", \"b.toml\"]\ntitle = \"from p\"\n",
        );
        let inputs = Inputs {
            file: Some(file),
            company: Some(company),
            sets: vec!["reference=set".into()],
            ..Inputs::default()
        };
        let m = load(&Registry::default(), &inputs).unwrap();
        let p = &m.posting;
        assert_eq!(p.title.as_deref(), Some("from p"));
        assert_eq!(
            p.purpose.as_deref(),
            Some("a"),
            "includes win over --company"
        );
        assert_eq!(p.reference.as_deref(), Some("set"));
        assert_eq!(p.pay.as_ref().unwrap().extras.as_deref(), Some("a"));
        assert_eq!(p.company.as_ref().unwrap().name.as_deref(), Some("Co"));
        assert!(
            m.origin("title")
                .unwrap()
                .to_string()
                .ends_with("p.toml:2:1")
        );
    }

    #[test]
    fn include_paths_are_relative_to_the_including_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("shared")).unwrap();
        write(
            &dir.path().join("shared"),
            "co.toml",
            "include = [\"eeo.toml\"]\n[company]\nname = \"Co\"\n",
        );
        write(
            &dir.path().join("shared"),
            "eeo.toml",
            "[company]\neeo = \"We hire fairly.\"\n",
        );
        let file = write(
            dir.path(),
            "p.toml",
            "include = [\"shared/co.toml\"]\ntitle = \"T\"\n",
        );
        let inputs = Inputs {
            file: Some(file),
            ..Inputs::default()
        };
        let m = load(&Registry::default(), &inputs).unwrap();
        let company = m.posting.company.unwrap();
        assert_eq!(company.eeo.as_deref(), Some("We hire fairly."));
    }

    #[test]
    fn a_bad_value_from_an_included_file_is_reported_where_it_was_set() {
        let dir = tempfile::tempdir().unwrap();
        let co = write(
            dir.path(),
            "co.toml",
            "[company]\nname = \"Co\"\n\n[pay]\nmin = -3\n",
        );
        let file = write(
            dir.path(),
            "p.toml",
            "include = [\"co.toml\"]\ntitle = \"T\"\n",
        );
        let inputs = Inputs {
            file: Some(file.clone()),
            ..Inputs::default()
        };
        let m = load(&Registry::default(), &inputs).unwrap();
        let problems = crate::validate::problems(&m);
        let min = problems
            .iter()
            .find(|p| p.field.as_deref() == Some("pay.min"))
            .expect("pay.min is negative");
        let expected = crate::error::Origin::File {
            path: co.display().to_string(),
            pos: Some(layer::Pos { line: 5, col: 1 }),
            len: 3,
        };
        assert_eq!(min.origin, expected);
        // A field nobody set is reported at the posting file.
        let purpose = problems
            .iter()
            .find(|p| p.field.as_deref() == Some("purpose"));
        let posting = crate::error::Origin::file(file.display());
        assert_eq!(purpose.map(|p| &p.origin), Some(&posting));
    }

    fn daily(m: &Merged) -> Vec<String> {
        m.posting.duties.as_ref().unwrap().daily.clone().unwrap()
    }

    /// A user preset folder holding one preset, and a posting built on it.
    fn localised(preset: &str, posting: &str) -> Result<Merged> {
        let dir = tempfile::tempdir().unwrap();
        let roles = dir.path().join("roles");
        std::fs::create_dir(&roles).unwrap();
        write(&roles, "desk.toml", preset);
        let file = write(dir.path(), "p.toml", posting);
        let registry = Registry::load(Some(&roles))?;
        let inputs = Inputs {
            file: Some(file),
            ..Inputs::default()
        };
        load(&registry, &inputs)
    }

    const DESK: &str = "name = \"Desk\"\nindustry = \"X\"\n\
        purpose = \"Keep the center organized.\"\n\
        [duties]\ndaily = [\"Cash checks for customers\", \"Sell cashier's checks\", \"Check the color of each form\"]\n\
        [locale.\"en-GB en-IE\".duties.daily]\n\"Sell cashier's checks\" = \"Issue banker's drafts\"\n";

    #[test]
    fn preset_text_reads_in_the_locale_and_the_employers_words_stay_theirs() {
        let m = localised(
            DESK,
            "role = \"desk\"\ntitle = \"Color Desk\"\n[duties]\ndaily = { add = [\"Sort the color samples\"] }\n[location]\ncountry = \"GB\"\n",
        )
        .unwrap();
        assert_eq!(
            m.posting.purpose.as_deref(),
            Some("Keep the centre organised.")
        );
        assert_eq!(m.posting.title.as_deref(), Some("Color Desk"));
        assert_eq!(
            daily(&m),
            [
                "Cash cheques for customers",
                "Issue banker's drafts",
                "Check the colour of each form",
                "Sort the color samples",
            ]
        );
        // explain shows the override's line as the item's origin.
        let Some(Slot::List(items)) = m.slots.get("duties.daily") else {
            panic!()
        };
        assert_eq!(items[1].1.to_string(), "preset desk:7:1");
        // In the US the preset reads as written; in Canada -ize stays.
        let us = localised(DESK, "role = \"desk\"\n").unwrap();
        assert_eq!(
            us.posting.purpose.as_deref(),
            Some("Keep the center organized.")
        );
        let ca = localised(DESK, "role = \"desk\"\nlocale = \"en-CA\"\n").unwrap();
        assert_eq!(
            ca.posting.purpose.as_deref(),
            Some("Keep the centre organized.")
        );
        assert_eq!(daily(&ca)[1], "Sell cashier's checks");
    }

    #[test]
    fn an_override_for_text_the_preset_lacks_names_the_file_and_closest_item() {
        let bad = DESK.replace("\"Sell cashier's checks\" =", "\"Sell cashiers checks\" =");
        let err = localised(&bad, "role = \"desk\"\nlocale = \"en-IE\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("roles/desk.toml:7:1: `Sell cashiers checks` is not an item of `duties.daily`; did you mean `Sell cashier's checks`?"), "{err}");
        // The override is only checked where it applies.
        assert!(localised(&bad, "role = \"desk\"\n").is_ok());
    }
}
