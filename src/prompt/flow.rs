//! The order of questions and how each kind of field is asked.
//!
//! Steps run forward; Esc goes back to the previous step that is asked (on the
//! first one it stays). Given values are skipped unless the user chooses their
//! section to review from the summary. Once the place is known, the laws of the
//! place decide which employer facts cannot be left out (see
//! [`State::required_by_law`]).

use crate::error::Result;
use crate::preset::{Preset, Registry};
use crate::render::Templates;
use crate::ui;

use super::fields::{FIELDS, Field, Kind, Section};
use super::finish::{self, Done, Plan};
use super::state::{ROLE, State, display};
use super::{Ask, Halt, Prompter, Reply, Settings};

/// What the flow needs besides the prompter.
pub struct Ctx<'a> {
    /// The role presets.
    pub registry: &'a Registry,
    /// Templates, for the preview and the output.
    pub renderer: &'a Templates,
    /// The resolved flags.
    pub settings: &'a Settings,
}

/// One question, or a group of them asked together.
#[derive(Debug, Clone, Copy)]
enum Step {
    Role,
    Field(&'static Field),
    Summary,
}

/// Where a finished step leads.
enum Next {
    Forward,
    Stay,
    Review(Section),
    Fix(&'static str),
    Save(Plan),
}

impl Step {
    fn section(self) -> Option<Section> {
        match self {
            Step::Role => Some(Section::Role),
            Step::Field(f) => Some(f.section),
            Step::Summary => None,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Step::Role => ROLE,
            Step::Field(f) => f.path,
            Step::Summary => "",
        }
    }

    /// Given values are not asked, unless reviewed or invalid.
    fn asked(self, state: &State, review: Option<Section>) -> bool {
        let reviewed = review.is_some() && review == self.section();
        match self {
            Step::Role => reviewed || !state.role_given(),
            Step::Field(f) if f.remote_only && !state.remote() => false,
            Step::Field(f) if f.law_only && state.required_by_law(f.path).is_none() => false,
            Step::Field(f) if matches!(f.kind, Kind::Marker) && marker(state).is_empty() => false,
            Step::Field(f) if f.wording_only && !state.sector_matters => false,
            Step::Field(f) => reviewed || !state.given.contains(f.path) || !state.given_ok(f),
            Step::Summary => true,
        }
    }
}

fn steps() -> Vec<Step> {
    let mut fields: Vec<&'static Field> = FIELDS.iter().collect();
    // Someone who speaks German or French to the wizard is most likely writing a
    // posting in that language: the place is asked before the title, so the
    // title offered is the preset's in the posting's language ("Kassierer", not
    // "Cashier") and its help already says which gender marker it gets. In
    // English the title stays before the place, as it always was; there a kept
    // preset title still follows the place once it is answered.
    if ui::lang() != ui::Lang::En {
        let rank = |f: &&Field| match f.section {
            Section::Place => 0,
            Section::Title => 1,
            _ => 2,
        };
        let first = fields.iter().position(|f| f.section == Section::Title);
        if let Some(first) = first {
            let end = fields[first..]
                .iter()
                .position(|f| !matches!(f.section, Section::Title | Section::Place))
                .map_or(fields.len(), |n| first + n);
            fields[first..end].sort_by_key(rank);
        }
    }
    std::iter::once(Step::Role)
        .chain(fields.into_iter().map(Step::Field))
        .chain(std::iter::once(Step::Summary))
        .collect()
}

/// Runs the wizard to the end: asks, then writes the posting and its rendering.
/// An interrupt or a failed write saves a draft and ends in [`crate::error::Error::Interrupted`].
pub fn run(
    p: &mut dyn Prompter,
    registry: &Registry,
    renderer: &Templates,
    settings: &Settings,
) -> Result<Done> {
    let mut settings = settings.clone();
    let reuse = match settings.resume {
        Some(_) => Ok(()),
        None => super::profile::offer_reuse(p, &mut settings),
    };
    let settings = &settings;
    let mut state = State::new(registry, &settings.inputs, settings.answered.clone())?;
    state.today = settings.today;
    let ctx = Ctx {
        registry,
        renderer,
        settings,
    };
    let walked = reuse.and_then(|()| walk(p, &ctx, &mut state));
    let mut done = match walked {
        Ok(plan) => finish::write(&ctx, &state, &plan, true)?,
        // Nothing answered, nothing to keep: no empty draft.
        Err(Halt::Back | Halt::Interrupt)
            if state.answered.is_empty() && settings.resume.is_none() =>
        {
            return Err(crate::error::Error::Cancelled);
        }
        Err(Halt::Back | Halt::Interrupt) => return Err(finish::interrupted(&ctx, &state)),
        Err(Halt::Failed(e)) => return Err(finish::failed(&ctx, &state, e)),
    };
    // The posting is saved: a stop here loses nothing, so it only skips the offer.
    match super::profile::offer_save(p, registry, settings, &done.posting) {
        Ok(profile) => done.profile = profile,
        Err(Halt::Failed(e)) => return Err(e),
        Err(_) => {}
    }
    Ok(done)
}

fn walk(p: &mut dyn Prompter, ctx: &Ctx, state: &mut State) -> Reply<Plan> {
    let steps = steps();
    let mut review = None;
    let mut i = steps
        .iter()
        .position(|s| s.asked(state, None) && !state.answered.contains(s.id()))
        .unwrap_or(steps.len() - 1);
    if let Some(draft) = &ctx.settings.resume {
        p.show(&resumed(draft, state, steps[i]));
    }
    loop {
        match ask(p, ctx, state, steps[i]) {
            Ok(Next::Forward) => i = forward(&steps, i, state, &mut review),
            Ok(Next::Stay) => {}
            Ok(Next::Review(section)) => {
                review = Some(section);
                i = steps
                    .iter()
                    .position(|s| s.section() == Some(section))
                    .unwrap_or(0);
            }
            Ok(Next::Fix(path)) => {
                if let Some(j) = steps.iter().position(|s| s.id() == path) {
                    review = steps[j].section();
                    i = j;
                }
            }
            Ok(Next::Save(plan)) => return Ok(plan),
            // Esc on the first question stays on it.
            Err(Halt::Back) => {
                i = (0..i)
                    .rev()
                    .find(|j| steps[*j].asked(state, review))
                    .unwrap_or(i);
            }
            Err(halt) => return Err(halt),
        }
    }
}

/// What `--resume` restored and where it goes on.
fn resumed(draft: &std::path::Path, state: &State, next: Step) -> String {
    let restored = state.answered.len();
    let noun = match restored {
        1 => ui::t("flow.answer.one"),
        _ => ui::t("flow.answer.other"),
    };
    let at = match next {
        Step::Role => ui::t("flow.at_role").to_string(),
        Step::Field(f) => ui::f("flow.at_question", &[("question", ui::question(f.path))]),
        Step::Summary => ui::t("flow.at_summary").to_string(),
    };
    ui::f(
        "flow.resumed",
        &[
            ("draft", &draft.display().to_string()),
            ("restored", &restored.to_string()),
            ("noun", noun),
            ("at", &at),
        ],
    )
}

/// The next step asked; after a reviewed section, the summary.
fn forward(steps: &[Step], i: usize, state: &State, review: &mut Option<Section>) -> usize {
    let mut j = i + 1;
    if review.is_some() && steps[j].section() != *review {
        *review = None;
        return steps.len() - 1;
    }
    while !steps[j].asked(state, *review) {
        j += 1;
    }
    j
}

fn ask(p: &mut dyn Prompter, ctx: &Ctx, state: &mut State, step: Step) -> Reply<Next> {
    match step {
        Step::Role => ask_role(p, ctx, state).map(|_| Next::Forward),
        Step::Field(f) => {
            ask_field(p, state, f)?;
            // Once the place is known, preset text and hints read in its locale.
            state.follow_place(ctx.registry).map_err(Halt::Failed)?;
            Ok(Next::Forward)
        }
        Step::Summary => summary(p, ctx, state),
    }
}

fn ask_role(p: &mut dyn Prompter, ctx: &Ctx, state: &mut State) -> Reply<()> {
    let by_industry = ctx.registry.by_industry().map_err(Halt::Failed)?;
    let presets: Vec<_> = by_industry.into_values().flatten().collect();
    let shown: Vec<&Preset> = presets
        .iter()
        .map(|p| in_users_language(ctx.registry, p))
        .collect();
    let width = shown.iter().map(|p| p.name.chars().count()).max();
    let width = width.unwrap_or(0);
    let mut options: Vec<String> = shown
        .iter()
        .map(|p| format!("{:width$}  · {}", p.name, p.industry))
        .collect();
    options.push(ui::t("flow.role_none").into());
    // No silent default: the cursor starts on a line that asks for a choice.
    options.insert(0, ui::t("flow.choose_role").into());
    let start = state
        .role
        .as_ref()
        .and_then(|r| presets.iter().position(|p| &p.id == r))
        .map_or(0, |i| i + 1);
    let ask = Ask {
        message: ui::t("flow.role"),
        help: &help(ROLE, ui::t("keys.search")),
    };
    // The first and last lines are found by any search: they are not roles.
    // Found by the words of every locale, and by the names the list shows.
    let mut words: Vec<String> = presets
        .iter()
        .zip(&shown)
        .map(|(p, t)| format!("{} {} {}", super::search::words(p), t.name, t.industry))
        .collect();
    words.insert(0, String::new());
    words.push(String::new());
    loop {
        match p.search(&ask, &options, &words, start)? {
            0 => p.show(ui::t("flow.role_again")),
            i => {
                let role = presets.get(i - 1).map(|p| p.id.clone());
                return state.set_role(ctx.registry, role).map_err(Halt::Failed);
            }
        }
    }
}

/// `preset` as the user's language names it, where it is written in it: the
/// role is asked before the place, so the posting's language is not known yet,
/// and a German speaker looks for "Kassierer/-in · Einzelhandel".
fn in_users_language<'r>(registry: &'r Registry, preset: &'r Preset) -> &'r Preset {
    let chain = registry.chain_in(&preset.id, ui::lang().code());
    let own = chain
        .ok()
        .and_then(|c| c.into_iter().find(|t| t.id == preset.id));
    own.unwrap_or(preset)
}

/// A choice's label as readers of the posting's locale know it: school levels
/// ("GCSEs or equivalent" for a UK job), the rest as the model names them.
fn local_label(state: &State, f: &Field, key: &str) -> Option<String> {
    let level =
        crate::model::Education::from_key(key).filter(|_| f.path == "qualifications.education")?;
    Some(state.locale().education(level))
}

/// The field's advice from [`crate::model::fields::FIELDS`], then the keys that work.
fn help(path: &str, keys: &str) -> String {
    match ui::help(path) {
        Some(advice) => format!("{advice} · {keys}"),
        None => keys.to_string(),
    }
}

fn ask_field(p: &mut dyn Prompter, state: &mut State, f: &Field) -> Reply<()> {
    // The law is named once, at the first question it makes needed.
    let first = ["pay.currency", "pay.benefits", "apply_by"].contains(&f.path);
    if let Some(law) = state.required_by_law(f.path).filter(|_| first) {
        let needed = ui::f(
            "flow.needed_here",
            &[("question", f.message()), ("law", &law)],
        );
        p.show(&needed);
    }
    match f.kind {
        Kind::Line(_)
        | Kind::Money(_)
        | Kind::Months
        | Kind::Hours
        | Kind::Date
        | Kind::Country
        | Kind::Countries => ask_line(p, state, f),
        Kind::Long => ask_long(p, state, f),
        Kind::List(adds) => ask_list(p, state, f, adds),
        Kind::Choice(_) if f.path == "locale" => ask_locale(p, state, f),
        Kind::Marker => ask_marker(p, state, f),
        Kind::Choice(choices) => ask_choice(p, state, f, &choices()),
    }
}

/// What leaving a field out writes: nothing, or empty text over a preset's value.
fn left_out(state: &State, f: &Field) -> Option<Option<toml::Value>> {
    match (state.preset(f.path), f.kind) {
        (None, _) => Some(None),
        (Some(_), Kind::Line(None) | Kind::Long) => Some(Some(toml::Value::String(String::new()))),
        _ => None,
    }
}

fn ask_line(p: &mut dyn Prompter, state: &mut State, f: &Field) -> Reply<()> {
    let current = state
        .current(f.path)
        .map(|v| display(&v))
        .filter(|c| !c.is_empty())
        .or_else(|| derived(state, f))
        .unwrap_or_default();
    let needed = f.required || state.required_by_law(f.path).is_some();
    let clearable = !needed && left_out(state, f).is_some();
    let keys = match (current.is_empty(), clearable) {
        (false, true) => ui::t("keys.keep_or_leave"),
        (false, false) => ui::t("keys.keep"),
        (true, _) if needed => ui::t("keys.needed"),
        (true, _) => ui::t("keys.empty_or_leave"),
    };
    let keys = match title_note(state, f) {
        Some(note) => format!("{note} · {keys}"),
        None => keys.to_string(),
    };
    let check = |s: &str| line_check(state, f, clearable, s.trim());
    let statement = statement(state, f).filter(|_| state.hint(f.path).is_none());
    let suggestion = match statement {
        Some(s) => Some(s.text.clone()),
        None => suggestion(state, f),
    };
    let suggestion = suggestion.filter(|_| current.is_empty());
    let typed = match suggestion {
        Some(hint) => {
            let keys = match statement {
                Some(s) => ui::f(
                    "keys.tab_statement",
                    &[("place", &s.place_and_law()), ("keys", &keys)],
                ),
                None => ui::f("keys.tab_preset", &[("keys", &keys)]),
            };
            let ask = Ask {
                message: f.message(),
                help: &help(f.path, &keys),
            };
            p.suggest(&ask, &hint, &check)?
        }
        None => {
            let ask = Ask {
                message: f.message(),
                help: &help(f.path, &keys),
            };
            p.text(&ask, &current, &check)?
        }
    };
    let value = match typed.trim() {
        "" | "-" => left_out(state, f).flatten(),
        t => Some(typed_value(f, t)),
    };
    state.answer(f.path, value);
    Ok(())
}

fn line_check(
    state: &State,
    f: &Field,
    clearable: bool,
    s: &str,
) -> std::result::Result<(), String> {
    let law = state.required_by_law(f.path);
    match s {
        "" | "-" if law.is_some() => Err(ui::f("check.law", &[("law", &law.unwrap_or_default())])),
        "-" if clearable => Ok(()),
        "-" => Err(ui::t("check.preset_sets").into()),
        "" if f.required && matches!(f.kind, Kind::Line(None) | Kind::Countries) => {
            Err(ui::t("check.empty").into())
        }
        "" if f.required => state.check(f, s),
        "" if f.path == "apply.email" && state.text_of("apply.url").is_none() => {
            Err(ui::t("check.apply").into())
        }
        "" => Ok(()),
        _ => state.check(f, s),
    }
}

fn typed_value(f: &Field, text: &str) -> toml::Value {
    use super::fields::{
        parse_countries, parse_country, parse_date, parse_hours, parse_months, parse_number,
    };
    match f.kind {
        Kind::Money(_) => toml::Value::Float(parse_number(text).unwrap_or(0.0)),
        Kind::Months => toml::Value::Integer(parse_months(text).unwrap_or(0).into()),
        Kind::Hours => toml::Value::Float(parse_hours(text).unwrap_or(0.0)),
        Kind::Date => parse_date(text).map_or_else(
            |_| toml::Value::String(text.to_string()),
            toml::Value::Datetime,
        ),
        Kind::Country => toml::Value::String(parse_country(text).unwrap_or(text.to_string())),
        Kind::Countries => toml::Value::Array(
            parse_countries(text)
                .unwrap_or_default()
                .into_iter()
                .map(toml::Value::String)
                .collect(),
        ),
        _ => toml::Value::String(text.to_string()),
    }
}

/// A default that follows from other answers: the currency of the country.
fn derived(state: &State, f: &Field) -> Option<String> {
    match f.path {
        "pay.currency" => state
            .text_of("location.country")
            .and_then(|c| crate::lint::rules::consistency::currency_of(&c)),
        "posted" => state.today.map(|d| d.to_string()),
        _ => None,
    }
}

/// For the equal-opportunity question: the statement suggested for the job's
/// country (a remote role: the first country applicants may live in), offered
/// like a preset's hint and never taken without Tab.
fn statement(state: &State, f: &Field) -> Option<&'static crate::equality::Statement> {
    if f.path != "company.eeo" {
        return None;
    }
    let applicant = state.current("location.applicant_countries");
    let applicant = applicant
        .as_ref()
        .and_then(|v| v.as_array()?.first()?.as_str());
    let country = state.text_of("location.country");
    let (country, region) = match (state.remote(), applicant) {
        (true, Some(a)) if country.as_deref() != Some(a) => (a.to_string(), None),
        _ => (
            country.or(applicant.map(str::to_string))?,
            state.text_of("location.region"),
        ),
    };
    // The statement in the posting's language where the place has one in it.
    let language = state
        .text_of("locale")
        .and_then(|t| crate::locale::get(&t))
        .or_else(|| crate::locale::for_place(&country, region.as_deref()))
        .map(|l| l.language());
    crate::equality::for_place_in(&country, region.as_deref(), language)
}

/// The preset's suggestion, its pay figures turned into the chosen period. A
/// figure is offered only in the currency it was given in: a US band is no
/// suggestion for pay in pounds.
fn suggestion(state: &State, f: &Field) -> Option<String> {
    let hint = state.hint(f.path)?;
    let Kind::Money(_) = f.kind else {
        return Some(display(&hint));
    };
    let hinted_currency = state.hint("pay.currency");
    let hinted_currency = hinted_currency.as_ref().and_then(|v| v.as_str());
    let currency = state.text_of("pay.currency");
    if hinted_currency.is_some() && currency.is_some() && hinted_currency != currency.as_deref() {
        return None;
    }
    let figure = hint.as_float().or(hint.as_integer().map(|i| i as f64))?;
    let hinted = state.hint("pay.period");
    let from = hinted.as_ref().and_then(|v| v.as_str());
    let to = state.text_of("pay.period");
    Some(display(&toml::Value::Float(rescale(
        figure,
        from,
        to.as_deref(),
    ))))
}

/// `figure` per `from` as pay per `to`, rounded as people state pay.
pub fn rescale(figure: f64, from: Option<&str>, to: Option<&str>) -> f64 {
    use crate::lint::rules::pay::annualize;
    let (Some(from), Some(to)) = (from, to) else {
        return figure;
    };
    if from == to {
        return figure;
    }
    let v = annualize(figure, Some(from)) / annualize(1.0, Some(to));
    match v {
        v if v >= 10_000.0 => (v / 500.0).round() * 500.0,
        v if v >= 1_000.0 => (v / 50.0).round() * 50.0,
        v => (v * 4.0).round() / 4.0,
    }
}

fn ask_choice(
    p: &mut dyn Prompter,
    state: &mut State,
    f: &Field,
    choices: &[(&str, &str)],
) -> Reply<()> {
    let hint = state.hint(f.path);
    let hint = hint.as_ref().and_then(|v| v.as_str());
    let mut labels: Vec<String> = choices
        .iter()
        .map(|(k, l)| {
            let l =
                local_label(state, f, k).unwrap_or_else(|| ui::choice(f.path, k, l).to_string());
            match hint == Some(*k) {
                true => format!("{l}{}", super::suggested()),
                false => l,
            }
        })
        .collect();
    let can_leave =
        state.preset(f.path).is_none() && !f.required && state.required_by_law(f.path).is_none();
    if can_leave {
        labels.push(ui::t("flow.leave_out").into());
    }
    let current = state.current(f.path);
    let at = |key: Option<&str>| choices.iter().position(|(k, _)| key == Some(*k));
    // A value the posting needs (its employment type, the period its pay is for)
    // starts on the first choice, not on "Leave it out"; never on the preset's
    // hint, which Enter would then take for the employer.
    let needed = ["employment_type", "pay.period"].contains(&f.path);
    let start = at(current.as_ref().and_then(|v| v.as_str())).unwrap_or(if can_leave && !needed {
        choices.len()
    } else {
        0
    });
    let ask = Ask {
        message: f.message(),
        help: &help(f.path, ui::t("keys.choose")),
    };
    let i = match f.law_only && current.is_none() {
        true => choose_statement(p, &ask, labels)?,
        false => p.select(&ask, &labels, start)?,
    };
    let value = choices
        .get(i)
        .map(|(k, _)| toml::Value::String(k.to_string()));
    let before = state.text_of(f.path);
    state.answer(f.path, value);
    if f.path == "pay.period" {
        period_changed(state, before.as_deref());
    }
    Ok(())
}

/// A statement the law asks the employer to make (whether AI screens applicants):
/// no answer is offered as the default, so Enter alone never makes it for them.
fn choose_statement(p: &mut dyn Prompter, ask: &Ask, labels: Vec<String>) -> Reply<usize> {
    let mut options = vec![ui::t("flow.choose_statement").to_string()];
    options.extend(labels);
    loop {
        match p.select(ask, &options, 0)? {
            0 => p.show(ui::t("flow.statement_again")),
            i => return Ok(i - 1),
        }
    }
}

/// A new pay period turns the figures already there into pay for that period,
/// offered again when the figures are asked.
fn period_changed(state: &mut State, before: Option<&str>) {
    let now = state.text_of("pay.period");
    if before.is_none() || before == now.as_deref() {
        return;
    }
    for path in ["pay.min", "pay.max"] {
        let figure = state.current(path);
        let figure = figure.and_then(|v| v.as_float().or(v.as_integer().map(|i| i as f64)));
        if let Some(v) = figure {
            let v = rescale(v, before, now.as_deref());
            state
                .answers
                .insert(path.to_string(), Some(toml::Value::Float(v)));
        }
    }
}

/// The locale, the one the job's place gives first: choosing it writes no
/// `locale` (the place decides it, as `render` does); another one is written.
fn ask_locale(p: &mut dyn Prompter, state: &mut State, f: &Field) -> Reply<()> {
    use crate::locale::{Reason, all, resolve};
    let (from_place, reason) = resolve(&place_only(state));
    let why = match reason {
        Reason::Country(path, code) => {
            ui::f("flow.locale_from", &[("path", path), ("code", &code)])
        }
        _ => ui::t("flow.locale_default").to_string(),
    };
    let labels: Vec<String> = all()
        .iter()
        .map(|l| {
            let mark = if l.tag == from_place.tag { &why } else { "" };
            format!("{}{mark}", locale_label(l))
        })
        .collect();
    let current = state
        .text_of(f.path)
        .unwrap_or_else(|| from_place.tag.clone());
    let start = all().iter().position(|l| l.tag == current).unwrap_or(0);
    let ask = Ask {
        message: f.message(),
        help: &help(f.path, ui::t("keys.choose")),
    };
    let chosen = &all()[p.select(&ask, &labels, start)?];
    let value = (chosen.tag != from_place.tag).then(|| toml::Value::String(chosen.tag.clone()));
    state.answer(f.path, value);
    Ok(())
}

/// The gender marker the posting's locale adds to titles ("(m/w/d)", "(H/F)");
/// empty where titles get none (English).
fn marker(state: &State) -> &'static str {
    state.locale().text("title_marker")
}

/// The country whose law the marker follows: the job's, else the locale's.
fn marker_country(state: &State) -> String {
    state
        .text_of("location.country")
        .or_else(|| state.locale().countries.first().cloned())
        .unwrap_or_default()
}

/// For the title, once the locale is known (given up front, or on review): the
/// marker the posting adds and the law that asks for it.
fn title_note(state: &State, f: &Field) -> Option<String> {
    let marker = match state.text_of("title_marker") {
        Some(m) if m.eq_ignore_ascii_case(crate::title::NONE) => return None,
        Some(m) => m,
        None => marker(state).to_string(),
    };
    (f.path == "title" && !marker.is_empty())
        .then(|| crate::title::marker_note(&marker, &marker_country(state)))
}

/// The marker after a German or French title: the locale's usual form (Enter;
/// nothing written, so render adds it), another form, or none for a title that
/// is neutral already. Asked after the place, which decides the locale; the
/// title itself was asked before, so the help shows how it will read.
fn ask_marker(p: &mut dyn Prompter, state: &mut State, f: &Field) -> Reply<()> {
    let usual = marker(state);
    let language = state.locale().language();
    let mut forms = vec![usual];
    for form in crate::title::forms(language) {
        if !forms.contains(form) {
            forms.push(form);
        }
    }
    let mut labels: Vec<String> = forms.iter().map(|m| m.to_string()).collect();
    labels[0] = ui::f("marker.usual", &[("marker", usual)]);
    labels.push(ui::t("marker.none").to_string());
    let start = match state.text_of(f.path) {
        Some(m) if m.eq_ignore_ascii_case(crate::title::NONE) => forms.len(),
        Some(m) => forms.iter().position(|x| *x == m).unwrap_or(0),
        None => 0,
    };
    let title = state.text_of("title").unwrap_or_default();
    let note = crate::title::marker_note(usual, &marker_country(state));
    let shown = ui::f("marker.shown", &[("title", &title), ("marker", usual)]);
    let ask = Ask {
        message: f.message(),
        help: &format!("{note}; {shown} · {}", ui::t("keys.choose")),
    };
    let i = p.select(&ask, &labels, start)?;
    let value = match i {
        0 => None,
        i if i == forms.len() => Some(crate::title::NONE),
        i => Some(forms[i]),
    };
    state.answer(f.path, value.map(|v| toml::Value::String(v.to_string())));
    Ok(())
}

/// `en-GB · 1 February 2027 · kg`: the tag, how a date and weights read.
pub(super) fn locale_label(l: &crate::locale::Locale) -> String {
    use crate::locale::Weight;
    let weight = match l.weight {
        Weight::Pounds => "lb",
        Weight::Kilograms => "kg",
        Weight::KilogramsAndPounds => "kg (lb)",
    };
    let example = "2027-02-01".parse().expect("a date");
    format!("{} · {} · {weight}", l.tag, l.date(&example))
}

/// A posting holding only the answers that decide its locale: the place.
fn place_only(state: &State) -> crate::model::Posting {
    let mut location = toml::Table::new();
    for key in ["workplace", "country", "applicant_countries"] {
        if let Some(v) = state.current(&format!("location.{key}")) {
            location.insert(key.to_string(), v);
        }
    }
    crate::model::Posting {
        location: toml::Value::Table(location).try_into().ok(),
        ..Default::default()
    }
}

fn ask_list(p: &mut dyn Prompter, state: &mut State, f: &Field, adds: &str) -> Reply<()> {
    let mut items = list_items(state.current(f.path));
    let kept = items.len();
    // Items unticked before, then the preset's suggestions, come after, unticked:
    // they stay to be ticked again, and the employer ticks what is true.
    let offered = state.offered.get(f.path).cloned().unwrap_or_default();
    for item in offered.into_iter().chain(list_items(state.hint(f.path))) {
        if !items.contains(&item) {
            items.push(item);
        }
    }
    let keys = ui::t("keys.ticks");
    let ask = Ask {
        message: f.message(),
        help: &help(f.path, keys),
    };
    loop {
        let kept = if items.is_empty() {
            Vec::new()
        } else {
            let ticked: Vec<usize> = (0..kept).collect();
            let picked = p.multi(&ask, &items, &ticked)?;
            picked.into_iter().map(|i| items[i].clone()).collect()
        };
        match add_items(p, f, adds, kept) {
            Ok(list) if list.is_empty() && state.required_by_law(f.path).is_some() => {
                let law = state.required_by_law(f.path).unwrap_or_default();
                p.show(&ui::f("flow.list_law", &[("path", f.path), ("law", &law)]));
            }
            Ok(list) => {
                let shown = state.offered.entry(f.path.to_string()).or_default();
                for item in items.iter().chain(&list) {
                    if !shown.contains(item) {
                        shown.push(item.clone());
                    }
                }
                // Nothing before and nothing chosen: leave the field out, not empty.
                let unset = list.is_empty() && state.current(f.path).is_none();
                let list = list.into_iter().map(toml::Value::String).collect();
                state.answer(f.path, (!unset).then_some(toml::Value::Array(list)));
                return Ok(());
            }
            // Esc while adding goes back to the ticks of the same list.
            Err(Halt::Back) if !items.is_empty() => continue,
            Err(halt) => return Err(halt),
        }
    }
}

fn list_items(value: Option<toml::Value>) -> Vec<String> {
    let items = value.as_ref().and_then(|v| v.as_array());
    items
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn add_items(
    p: &mut dyn Prompter,
    f: &Field,
    adds: &str,
    mut list: Vec<String>,
) -> Reply<Vec<String>> {
    let ask = Ask {
        message: ui::t(adds),
        help: &help(f.path, ui::t("keys.add")),
    };
    loop {
        let typed = p.text(&ask, "", &|_| Ok(()))?;
        match typed.trim() {
            "" => return Ok(list),
            item => list.push(item.to_string()),
        }
    }
}

/// The choices for Markdown text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LongChoice {
    Keep,
    Type,
    Editor,
    LeaveOut,
}

impl LongChoice {
    fn label(self, has_text: bool) -> &'static str {
        ui::t(match (self, has_text) {
            (LongChoice::Keep, _) => "long.keep",
            (LongChoice::Type, true) => "long.type_new",
            (LongChoice::Type, false) => "long.type",
            (LongChoice::Editor, true) => "long.edit",
            (LongChoice::Editor, false) => "long.write",
            (LongChoice::LeaveOut, _) => "flow.leave_out",
        })
    }
}

fn ask_long(p: &mut dyn Prompter, state: &mut State, f: &Field) -> Reply<()> {
    let current = state
        .current(f.path)
        .map(|v| display(&v))
        .unwrap_or_default();
    let has_text = !current.trim().is_empty();
    let mut choices = Vec::new();
    if has_text {
        choices.push(LongChoice::Keep);
        p.show(&format!("{}:\n{}", f.message(), indent(&current)));
    }
    choices.extend([LongChoice::Type, LongChoice::Editor]);
    if !f.required && left_out(state, f).is_some() {
        choices.push(LongChoice::LeaveOut);
    }
    let labels: Vec<String> = choices
        .iter()
        .map(|c| c.label(has_text).to_string())
        .collect();
    let ask = Ask {
        message: f.message(),
        help: &help(f.path, ui::t("keys.choose")),
    };
    // Enter keeps the text, or leaves an optional one out: Enter everywhere accepts.
    let start = match choices.iter().position(|c| *c == LongChoice::LeaveOut) {
        Some(i) if !has_text => i,
        _ => 0,
    };
    loop {
        let choice = choices[p.select(&ask, &labels, start)?];
        match long_answer(p, state, f, choice, &current) {
            Ok(value) => {
                state.answer(f.path, value);
                return Ok(());
            }
            Err(Halt::Back) => continue,
            Err(halt) => return Err(halt),
        }
    }
}

fn long_answer(
    p: &mut dyn Prompter,
    state: &State,
    f: &Field,
    choice: LongChoice,
    current: &str,
) -> Reply<Option<toml::Value>> {
    let text = match choice {
        LongChoice::Keep => current.to_string(),
        LongChoice::LeaveOut => return Ok(left_out(state, f).flatten()),
        LongChoice::Type => {
            let keys = ui::t("keys.paragraph");
            let ask = Ask {
                message: f.message(),
                help: &help(f.path, keys),
            };
            p.text(&ask, "", &|s| needed(f, s))?
        }
        LongChoice::Editor => edit_long(p, f, current)?,
    };
    Ok(match text.trim() {
        "" => left_out(state, f).flatten(),
        t => Some(toml::Value::String(t.to_string())),
    })
}

/// Required text must not be empty.
fn needed(f: &Field, text: &str) -> std::result::Result<(), String> {
    match text.trim() {
        "" if f.required => Err(ui::f("check.sentences", &[("path", f.path)])),
        _ => Ok(()),
    }
}

/// The text from the user's editor; empty required text goes back to the choices.
fn edit_long(p: &mut dyn Prompter, f: &Field, current: &str) -> Reply<String> {
    let ask = Ask {
        message: f.message(),
        help: &help(f.path, ui::t("keys.editor")),
    };
    let text = p.editor(&ask, current)?;
    if let Err(message) = needed(f, &text) {
        p.show(&format!("{}: {message}", f.path));
        return Err(Halt::Back);
    }
    Ok(text)
}

/// `text` wrapped to 76 columns and indented by two, paragraphs kept.
fn indent(text: &str) -> String {
    text.lines().map(wrap_line).collect::<Vec<_>>().join("\n")
}

fn wrap_line(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in line.split_whitespace() {
        let len = word.chars().count();
        if width > 0 && width + 1 + len > 76 {
            out.push('\n');
            width = 0;
        }
        out.push_str(if width == 0 { "  " } else { " " });
        out.push_str(word);
        width += len + 1;
    }
    out
}

fn summary(p: &mut dyn Prompter, ctx: &Ctx, state: &State) -> Reply<Next> {
    let preview = finish::preview(ctx, state).map_err(Halt::Failed)?;
    p.show(&preview.text);
    if preview.problems == 0 && !preview.errors.is_empty() {
        return fix_now(p, ctx, &preview.errors);
    }
    let save_it = preview.problems == 0
        && p.confirm(
            &Ask {
                message: ui::t("summary.save"),
                help: ui::t("summary.save_help"),
            },
            true,
        )?;
    if save_it {
        return match finish::plan(p, ctx.settings) {
            Ok(plan) => Ok(Next::Save(plan)),
            Err(Halt::Back) => Ok(Next::Stay),
            Err(halt) => Err(halt),
        };
    }
    choose_section(p)
}

/// The part of the posting to change, chosen from the list of sections.
fn choose_section(p: &mut dyn Prompter) -> Reply<Next> {
    let labels: Vec<String> = Section::ALL.iter().map(|s| s.label().to_string()).collect();
    let ask = Ask {
        message: ui::t("summary.change"),
        help: ui::t("summary.change_help"),
    };
    match p.select(&ask, &labels, 0) {
        Ok(i) => Ok(Next::Review(Section::ALL[i])),
        Err(Halt::Back) => Ok(Next::Stay),
        Err(halt) => Err(halt),
    }
}

/// With lint errors: each links to the question that fixes it; saving anyway
/// says what remains.
fn fix_now(p: &mut dyn Prompter, ctx: &Ctx, errors: &[finish::Finding]) -> Reply<Next> {
    let fixes: Vec<(&finish::Finding, &'static Field)> = errors
        .iter()
        .filter_map(|e| fix_for(&e.rule).map(|f| (e, f)))
        .collect();
    let mut labels: Vec<String> = fixes
        .iter()
        .map(|(e, f)| ui::f("fix.now", &[("rule", &e.rule), ("question", f.message())]))
        .collect();
    let noun = match errors.len() {
        1 => ui::t("fix.error.one"),
        _ => ui::t("fix.error.other"),
    };
    let count = errors.len().to_string();
    labels.push(ui::f("fix.anyway", &[("count", &count), ("noun", noun)]));
    labels.push(ui::t("fix.other_part").into());
    let ask = Ask {
        message: ui::t("fix.ask"),
        help: ui::t("fix.help"),
    };
    let i = match p.select(&ask, &labels, 0) {
        Ok(i) => i,
        Err(Halt::Back) => return Ok(Next::Stay),
        Err(halt) => return Err(halt),
    };
    if let Some((_, f)) = fixes.get(i) {
        return Ok(Next::Fix(f.path));
    }
    if i > fixes.len() {
        return choose_section(p);
    }
    let rules: Vec<&str> = errors.iter().map(|e| e.rule.as_str()).collect();
    let rules = rules.join(", ");
    p.show(&ui::f(
        "fix.saving",
        &[("count", &count), ("noun", noun), ("rules", &rules)],
    ));
    match finish::plan(p, ctx.settings) {
        Ok(plan) => Ok(Next::Save(plan)),
        Err(Halt::Back) => Ok(Next::Stay),
        Err(halt) => Err(halt),
    }
}

/// The question that fixes a lint error, by rule.
fn fix_for(rule: &str) -> Option<&'static Field> {
    let path = match rule {
        "pay-missing" | "pay-open-ended" => "pay.min",
        "pay-range-too-wide" | "pay-min-above-max" => "pay.max",
        "pay-deadline-missing" => "apply_by",
        "pay-benefits-missing" => "pay.benefits",
        "pay-period-implausible" => "pay.period",
        "currency-mismatch" => "pay.currency",
        "workplace-mismatch" => "location.workplace",
        "locale-mismatch" => "locale",
        r if r.contains("apply") => "apply.url",
        r if r.contains("company") || r.contains("employer") => "company.name",
        r if r.contains("location") || r.contains("country") => "location.country",
        r if r.contains("title") => "title",
        _ => return None,
    };
    super::fields::find(path)
}
