//! Property tests: the layered merge follows its rules for any layers, and
//! rendering never panics and never lets script into a page, for any posting.
//!
//! Case counts are kept modest (see `CASES`) so `cargo test` stays fast; raise
//! them with `PROPTEST_CASES=10000 cargo test --test props` for a long run.

use std::sync::{Arc, OnceLock};

use jobpost::format::{Format, render_all};
use jobpost::layer::{self, Layer, Origin};
use jobpost::load::{Merged, Slot, merge};
use jobpost::model::{
    Apply, Company, Conditions, Duties, Education, EmploymentType, Location, Pay, Period, Posting,
    Qualifications, Skills, Workplace,
};
use jobpost::render::Templates;
use proptest::prelude::*;

#[path = "support/html.rs"]
mod html;
use toml::value::{Date, Datetime};

const CASES: u32 = 96;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(CASES),
        ..ProptestConfig::default()
    }
}

/// Any text: arbitrary characters (controls and NUL included) mixed with the
/// HTML, Markdown and JSON fragments most likely to break out of something.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        2 => "\\PC{0,6}",
        1 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|p| p.concat())
}

const FRAGMENTS: &[&str] = &[
    "<script>document.body.setAttribute('data-pwned','1')</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1) \"t\")",
    "![i](data:text/html,<script>alert(1)</script>)",
    "[x]: javascript:alert(1)\n\n[x]",
    // A definition in one field and a reference in another.
    "\n\n[r]: javascript:alert(1)\n\n",
    "[r]",
    "[t][r]",
    "<https://a.example/\" onmouseover=\"alert(1)>",
    "&lt;script&gt;",
    "&#x3C;script&#x3E;",
    "<!--",
    "-->",
    "]]>",
    "\u{2028}",
    "\n\n- ",
    "\n# ",
    "`",
    "*",
    "_",
    "|",
    "\\",
    "    indented code\n",
    "```\n<script>\n```",
    "<div style=\"x\" onclick=alert(1)>",
];

fn list() -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(prop::collection::vec(text(), 0..4))
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

/// A URL-like field: sometimes safe, sometimes hostile, sometimes junk.
fn link() -> impl Strategy<Value = Option<String>> {
    let safe = text().prop_map(|t| format!("https://a.example/{t}"));
    let mail = text().prop_map(|t| format!("a{t}@b.example"));
    prop::option::of(prop_oneof![safe, mail, text()])
}

/// Amounts: mostly plausible, sometimes any float (NaN, infinities, negatives).
fn amount() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![3 => 0.0..1.0e7f64, 1 => any::<f64>()])
}

fn date() -> impl Strategy<Value = Option<Datetime>> {
    prop::option::of(
        (1u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| Datetime {
            date: Some(Date { year, month, day }),
            time: None,
            offset: None,
        }),
    )
}

fn pick<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(all))
}

prop_compose! {
    fn company()(name in opt_text(), about in opt_text(), website in link(),
                 values in list(), eeo in opt_text()) -> Company {
        Company { name, about, website, values, eeo, logo: None, color: None, sector: None }
    }
}

prop_compose! {
    fn location()(workplace in pick(Workplace::ALL), street in opt_text(), city in opt_text(),
                  region in opt_text(), postal_code in opt_text(),
                  country in prop::option::of(prop_oneof![Just("US".to_string()), text()]),
                  applicant_countries in list()) -> Location {
        Location { workplace, street, city, region, postal_code, country, applicant_countries }
    }
}

prop_compose! {
    fn qualifications()(required in list(), preferred in list(),
                        education in pick(Education::ALL),
                        experience_months in prop::option::of(any::<u32>())) -> Qualifications {
        Qualifications { required, preferred, education, experience_months }
    }
}

prop_compose! {
    fn conditions()(environment in opt_text(), schedule in opt_text(), travel in opt_text(),
                    physical in list(), hours_per_week in amount()) -> Conditions {
        Conditions { environment, schedule, travel, physical, hours_per_week }
    }
}

prop_compose! {
    fn pay()(min in amount(), max in amount(),
             currency in prop::option::of(prop_oneof![
                 prop::sample::select(&["USD", "EUR", "GBP", "CAD", "AUD", "INR", "CHF", "JPY"][..])
                     .prop_map(str::to_string),
                 text(),
             ]),
             period in pick(Period::ALL), benefits in list(), extras in opt_text()) -> Pay {
        Pay { min, max, currency, period, benefits, extras }
    }
}

prop_compose! {
    fn head()(title in opt_text(), purpose in opt_text(),
              employment_type in pick(EmploymentType::ALL), reference in opt_text(),
              posted in date(), apply_by in date(), objectives in list())
              -> Posting {
        Posting { title, purpose, employment_type, reference, posted, apply_by, objectives,
                  ..Posting::default() }
    }
}

prop_compose! {
    fn posting()(head in head(),
                 company in prop::option::of(company()),
                 location in prop::option::of(location()),
                 duties in prop::option::of((list(), list())
                     .prop_map(|(daily, weekly)| Duties { daily, weekly })),
                 skills in prop::option::of((list(), list())
                     .prop_map(|(required, preferred)| Skills { required, preferred })),
                 qualifications in prop::option::of(qualifications()),
                 conditions in prop::option::of(conditions()),
                 pay in prop::option::of(pay()),
                 apply in prop::option::of((link(), link(), opt_text())
                     .prop_map(|(url, email, instructions)| Apply { url, email, instructions, ai_screening: None, vacancy: None })))
                 -> Posting {
        Posting { company, location, duties, skills, qualifications, conditions, pay, apply, ..head }
    }
}

/// Half the time, a posting with what JSON-LD needs (hostile text included),
/// so the JSON-LD and the page embedding it are exercised too.
fn any_posting() -> impl Strategy<Value = Posting> {
    (posting(), any::<bool>(), text()).prop_map(|(mut p, complete, t)| {
        if complete {
            let filled = |s: Option<String>| Some(s.unwrap_or_default() + "x" + &t);
            p.title = filled(p.title);
            p.purpose = filled(p.purpose);
            let company = p.company.get_or_insert(Company {
                name: None,
                about: None,
                website: None,
                values: None,
                eeo: None,
                logo: None,
                color: None,
                sector: None,
            });
            company.name = filled(company.name.take());
            let place = p.location.get_or_insert(Location {
                workplace: None,
                street: None,
                city: None,
                region: None,
                postal_code: None,
                country: None,
                applicant_countries: None,
            });
            place.country = filled(place.country.take());
            place.applicant_countries = Some(vec!["US".into(), t]);
        }
        p
    })
}

fn renderer() -> &'static Templates {
    static RENDERER: OnceLock<Templates> = OnceLock::new();
    RENDERER.get_or_init(|| Templates::new(None).unwrap())
}

fn merged(posting: Posting) -> Merged {
    Merged {
        posting,
        ..Merged::default()
    }
}

/// `html` is safe to open in a browser (see `support/html.rs`).
fn assert_safe_html(html: &str) -> Result<(), TestCaseError> {
    match html::problem(html) {
        Some(problem) => Err(TestCaseError::fail(problem)),
        None => Ok(()),
    }
}

proptest! {
    #![proptest_config(config())]

    /// Every format of any posting renders without a panic; the HTML page
    /// carries no script but the JSON-LD block and no event handler.
    #[test]
    fn render_never_panics_and_html_stays_safe(p in any_posting()) {
        let date = Date { year: 2027, month: 1, day: 4 };
        let m = merged(p);
        let _ = jobpost::validate::problems(&m);
        let outputs = [Format::MD, Format::HTML, Format::TXT];
        let texts = render_all(renderer(), &m, &outputs, Some(date)).unwrap();
        assert_safe_html(texts[1].text().unwrap())?;
        // JSON-LD needs some fields; when the posting has them it must parse.
        let with_ld = render_all(renderer(), &m, &[Format::JSONLD, Format::HTML], Some(date));
        if let Ok(texts) = with_ld {
            let (ld, page) = (texts[0].text().unwrap(), texts[1].text().unwrap());
            let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
            prop_assert_eq!(&ld["@type"], "JobPosting");
            prop_assert!(page.contains("<script type=\"application/ld+json\">"));
            assert_safe_html(page)?;
        }
    }

    /// Markdown helpers on any text: no panic, our HTML is safe, and so is what
    /// an ordinary Markdown renderer (raw HTML kept) makes of our Markdown.
    #[test]
    fn markdown_never_panics(t in text()) {
        assert_safe_html(&jobpost::markdown::to_html(&t))?;
        let md = jobpost::markdown::to_safe_markdown(&t);
        prop_assert_eq!(html::script_problem(&html::board(&md)), None, "{}", md);
        let escaped = jobpost::markdown::escape_text(&t);
        assert_safe_html(&html::board(&escaped))?;
        let _ = jobpost::markdown::to_plain(&t);
    }
}

/// A character that may not reach any output: a control character other than a
/// line end or tab (see `error::is_unsafe_char`), `\r` only before `\n`.
fn terminal_problem(text: &str) -> Option<String> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = matches!(c, '\n' | '\t') || (c == '\r' && chars.peek() == Some(&'\n'));
        if jobpost::error::is_unsafe_char(c) && !line_end {
            return Some(format!("{c:?} reached the output"));
        }
    }
    None
}

/// `p` with the fields validation constrains (codes, numbers, addresses) set to
/// valid values, so that the free text around them reaches the renderers.
fn settle(p: &mut Posting) {
    if let Some(c) = &mut p.company {
        c.website = c.website.as_ref().map(|_| "https://a.example/".to_string());
    }
    if let Some(l) = &mut p.location {
        l.country = l.country.as_ref().map(|_| "US".to_string());
        l.applicant_countries = l
            .applicant_countries
            .as_ref()
            .map(|_| vec!["US".to_string()]);
    }
    if let Some(c) = &mut p.conditions {
        c.hours_per_week = c.hours_per_week.map(|_| 40.0);
    }
    if let Some(pay) = &mut p.pay {
        pay.min = pay.min.map(|_| 10.0);
        pay.max = pay.max.map(|_| 20.0);
        pay.currency = Some("USD".to_string());
        pay.period = Some(Period::Hour);
    }
    if let Some(a) = &mut p.apply {
        a.url = a
            .url
            .as_ref()
            .map(|_| "https://a.example/apply".to_string());
        a.email = a.email.as_ref().map(|_| "jobs@a.example".to_string());
    }
    p.apply_by = None;
    if let Some(q) = &mut p.qualifications {
        q.experience_months = q.experience_months.map(|m| m % 600);
    }
}

/// A JSON-LD address (`url`, `sameAs`, `logo`) that is not a web or mail link.
fn unsafe_link(json: &serde_json::Value) -> Option<String> {
    match json {
        serde_json::Value::Object(o) => o.iter().find_map(|(k, v)| match (k.as_str(), v) {
            ("url" | "sameAs" | "logo", serde_json::Value::String(s))
                if !jobpost::markdown::is_safe_url(s) =>
            {
                Some(format!("{k}: {s}"))
            }
            _ => unsafe_link(v),
        }),
        serde_json::Value::Array(a) => a.iter().find_map(unsafe_link),
        _ => None,
    }
}

/// Every string in `value` without the characters a posting may not hold.
fn drop_controls(value: &mut toml::Value) {
    match value {
        toml::Value::String(s) => s.retain(|c| !jobpost::error::is_unsafe_char(c) || c == '\n'),
        toml::Value::Array(a) => a.iter_mut().for_each(drop_controls),
        toml::Value::Table(t) => t.iter_mut().for_each(|(_, v)| drop_controls(v)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(config())]

    /// Any posting written as a TOML file and loaded as users load it: it is
    /// refused, or every format of it is free of control characters, and no
    /// `javascript:`, `data:` or `vbscript:` link comes alive in the page or in
    /// what a Markdown renderer that keeps raw HTML makes of the Markdown.
    #[test]
    fn no_control_character_or_script_url_reaches_any_output(p in any_posting(), clean in any::<bool>()) {
        // Most generated postings hold a control character and are refused at
        // load; half are cleaned of them first so that the rest is tested too.
        let mut p = p;
        if clean {
            settle(&mut p);
        }
        let Ok(mut value) = toml::Value::try_from(&p) else { return Ok(()) };
        if clean {
            drop_controls(&mut value);
        }
        let Ok(text) = toml::to_string(&value) else { return Ok(()) };
        let Ok((layer, _)) = layer::parse("p.toml", &text, false) else { return Ok(()) };
        let Ok(m) = merge(&[&layer]) else { return Ok(()) };
        // What `render` does before it renders.
        if jobpost::validate::validate(&m).is_err() {
            return Ok(());
        }
        let date = Date { year: 2027, month: 1, day: 4 };
        let formats = [Format::MD, Format::HTML, Format::TXT];
        let texts: Vec<String> = render_all(renderer(), &m, &formats, Some(date))
            .unwrap()
            .iter()
            .map(|r| r.text().unwrap().to_string())
            .collect();
        for t in &texts {
            prop_assert_eq!(terminal_problem(t), None, "{}", t);
        }
        prop_assert_eq!(html::script_problem(&html::board(&texts[0])), None, "{}", &texts[0]);
        assert_safe_html(&texts[1])?;
        if let Ok(ld) = render_all(renderer(), &m, &[Format::JSONLD], Some(date)) {
            let ld = ld[0].text().unwrap();
            prop_assert_eq!(terminal_problem(ld), None);
            let json: serde_json::Value = serde_json::from_str(ld).unwrap();
            prop_assert_eq!(unsafe_link(&json), None);
        }
    }
}

/// What a Markdown renderer would take from `md` as raw HTML, as a reference
/// definition, or as a link or image to an address that is not a web or mail
/// link, if anything; read as CommonMark and as GitHub's flavour.
fn markdown_problem(md: &str) -> Option<String> {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
    let gfm = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM;
    for options in [Options::empty(), gfm] {
        let mut parser = Parser::new_ext(md, options);
        for event in parser.by_ref() {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => return Some(format!("raw HTML {h:?}")),
                // `<jobs@a.example>` is a mail link whose address has no scheme.
                Event::Start(Tag::Link {
                    link_type: LinkType::Email,
                    ..
                }) => {}
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                    if !jobpost::markdown::is_safe_url(&dest_url) =>
                {
                    return Some(format!("a link to {dest_url:?}"));
                }
                _ => {}
            }
        }
        if let Some((label, def)) = parser.reference_definitions().iter().next() {
            return Some(format!("the reference definition [{label}]: {}", def.dest));
        }
    }
    None
}

proptest! {
    #![proptest_config(config())]

    /// Markdown fields are parsed and written anew, plain-text fields escaped:
    /// whatever text a field holds, the Markdown output has no raw HTML, no
    /// reference definition (one field's would serve another field's reference)
    /// and no link or image to a `javascript:`, `data:` or `vbscript:` address.
    #[test]
    fn no_field_puts_raw_html_or_a_script_url_in_the_markdown(p in any_posting()) {
        let mut p = p;
        settle(&mut p);
        let date = Date { year: 2027, month: 1, day: 4 };
        let m = merged(p);
        let md = render_all(renderer(), &m, &[Format::MD], Some(date)).unwrap();
        let md = md[0].text().unwrap();
        prop_assert_eq!(markdown_problem(md), None, "{}", md);
    }

    /// The two Markdown writers alone, on any text.
    #[test]
    fn markdown_writers_leave_no_html_or_script_url(t in text()) {
        let md = jobpost::markdown::to_safe_markdown(&t);
        prop_assert_eq!(markdown_problem(&md), None, "{:?} → {}", t, md);
        let escaped = jobpost::markdown::escape_text(&t);
        prop_assert_eq!(markdown_problem(&escaped), None, "{:?} → {}", t, escaped);
    }
}

// ---- merge ----------------------------------------------------------------

/// A TOML string literal for any text.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn quoted_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| quoted(s)).collect();
    format!("[{}]", items.join(", "))
}

/// What one layer does to `duties.daily`.
#[derive(Debug, Clone)]
enum ListOp {
    Keep,
    Replace(Vec<String>),
    /// Items to add, and indices (into the list below) of items to remove.
    Edit(Vec<String>, Vec<prop::sample::Index>),
}

/// Any text a layer accepts: [`text`] without control characters, made visible
/// when it is not (both are refused at load, which other tests check).
fn loadable_text() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        let t: String = t
            .chars()
            .filter(|c| !jobpost::error::is_unsafe_char(*c) || *c == '\n')
            .collect();
        match layer::text_problem(&t) {
            Some(_) => format!("{t}x"),
            None => t,
        }
    })
}

fn list_op() -> impl Strategy<Value = ListOp> {
    let items = || prop::collection::vec(loadable_text(), 0..4);
    prop_oneof![
        Just(ListOp::Keep),
        items().prop_map(ListOp::Replace),
        (
            items(),
            prop::collection::vec(any::<prop::sample::Index>(), 0..3)
        )
            .prop_map(|(a, r)| ListOp::Edit(a, r)),
    ]
}

/// One layer: maybe a title, maybe a pay minimum, and a list operation.
#[derive(Debug, Clone)]
struct LayerSpec {
    title: Option<String>,
    min: Option<u32>,
    daily: ListOp,
}

fn layer_spec() -> impl Strategy<Value = LayerSpec> {
    (
        prop::option::of(loadable_text()),
        prop::option::of(any::<u32>()),
        list_op(),
    )
        .prop_map(|(title, min, daily)| LayerSpec { title, min, daily })
}

/// Turns the specs into layers, and tracks the list the merge should produce:
/// each item with the name of the layer that put it there.
fn build(specs: &[LayerSpec]) -> (Vec<Layer>, Vec<(String, String)>) {
    let mut expected: Vec<(String, String)> = Vec::new();
    let mut layers = Vec::new();
    for (n, spec) in specs.iter().enumerate() {
        let name = format!("layer{n}");
        let mut text = String::new();
        if let Some(t) = &spec.title {
            text.push_str(&format!("title = {}\n", quoted(t)));
        }
        if let Some(m) = spec.min {
            text.push_str(&format!("[pay]\nmin = {m}\n"));
        }
        match &spec.daily {
            ListOp::Keep => {}
            ListOp::Replace(items) => {
                text.push_str(&format!("[duties]\ndaily = {}\n", quoted_list(items)));
                expected = items.iter().map(|i| (i.clone(), name.clone())).collect();
            }
            ListOp::Edit(add, remove) => {
                let below = expected.clone();
                let mut picked: Vec<usize> =
                    remove.iter().map(|i| i.index(below.len().max(1))).collect();
                picked.sort_unstable();
                picked.dedup();
                let removed: Vec<String> = picked
                    .iter()
                    .filter_map(|&i| below.get(i))
                    .map(|(s, _)| s.clone())
                    .collect();
                for r in &removed {
                    let at = expected.iter().position(|(s, _)| s == r).unwrap();
                    expected.remove(at);
                }
                expected.extend(add.iter().map(|i| (i.clone(), name.clone())));
                text.push_str(&format!(
                    "[duties]\ndaily = {{ add = {}, remove = {} }}\n",
                    quoted_list(add),
                    quoted_list(&removed)
                ));
            }
        }
        let (mut layer, _) = layer::parse("t", &text, false).unwrap();
        layer.rename(&name);
        layers.push(layer);
    }
    (layers, expected)
}

fn last_set<T: Clone>(
    specs: &[LayerSpec],
    get: impl Fn(&LayerSpec) -> Option<T>,
) -> Option<(T, String)> {
    specs
        .iter()
        .enumerate()
        .rev()
        .find_map(|(n, s)| get(s).map(|v| (v, format!("layer{n}"))))
}

fn source(o: Option<&Origin>) -> Option<String> {
    o.map(|o| o.source.to_string())
}

proptest! {
    #![proptest_config(config())]

    /// A later layer wins for single values and keeps its origin; list edits
    /// replace, remove then append, and every item remembers its layer.
    #[test]
    fn merge_follows_layer_order(specs in prop::collection::vec(layer_spec(), 1..6)) {
        let (layers, expected) = build(&specs);
        let refs: Vec<&Layer> = layers.iter().collect();
        let m = merge(&refs).unwrap();
        let title = last_set(&specs, |s| s.title.clone());
        prop_assert_eq!(m.posting.title.clone(), title.as_ref().map(|t| t.0.clone()));
        prop_assert_eq!(source(m.origin("title")), title.map(|t| t.1));
        let min = last_set(&specs, |s| s.min);
        let got_min = m.posting.pay.as_ref().and_then(|p| p.min);
        prop_assert_eq!(got_min, min.as_ref().map(|m| f64::from(m.0)));
        prop_assert_eq!(source(m.origin("pay.min")), min.map(|m| m.1));
        let got: Vec<(String, String)> = match m.slots.get("duties.daily") {
            Some(Slot::List(items)) => items.iter().map(|(s, o)| (s.clone(), o.source.to_string())).collect(),
            _ => Vec::new(),
        };
        prop_assert_eq!(got, expected);
        let names: Vec<Arc<str>> = (0..specs.len()).map(|n| Arc::from(format!("layer{n}"))).collect();
        prop_assert_eq!(m.layers, names);
    }

    /// Removing an item the list below does not hold is an error naming the
    /// layer and the item, never a silent no-op.
    #[test]
    fn removing_a_missing_item_fails(items in prop::collection::vec(loadable_text(), 0..4), gone in loadable_text()) {
        prop_assume!(!items.contains(&gone));
        let below = layer::parse("below", &format!("[duties]\ndaily = {}\n", quoted_list(&items)), false).unwrap().0;
        let edit = format!("[duties]\ndaily = {{ remove = [{}] }}\n", quoted(&gone));
        let above = layer::parse("above", &edit, false).unwrap().0;
        let err = merge(&[&below, &above]).unwrap_err().to_string();
        prop_assert!(err.starts_with("above:2:"), "{}", err);
        prop_assert!(err.contains("cannot remove"), "{}", err);
    }
}

/// The checker itself catches what it is there to catch.
#[test]
fn the_html_checker_sees_unsafe_markup() {
    let unsafe_pages = [
        "<p>hi</p><script>alert(1)</script>",
        "<p>hi<img src=x onerror=alert(1)></p>",
        "<a title='x > y' OnClick=alert(1)>x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<script type=\"application/ld+json\">{}</script><script>1</script>",
    ];
    for page in unsafe_pages {
        assert!(assert_safe_html(page).is_err(), "{page}");
    }
    let safe = "<p>&lt;script&gt; on=1 href=\"javascript:x\"</p><a href=\"https://a.example/?onclick=1\">x</a>";
    assert!(assert_safe_html(safe).is_ok());
    let image = "<img alt=\"vbscript:x\" src=\"https://a.example/x.png\">";
    assert_eq!(html::script_problem(image), None, "alt text is no URL");
    assert!(html::script_problem("<img src=\" data:x\">").is_some());
    for cut in ["<p", "<a href='x", "<a href=", "<a b"] {
        assert!(html::problem(cut).is_none(), "{cut}");
    }
}

/// Every text a preset suggests for employer facts (its `[hints]`), lists flattened;
/// one-word codes such as "USD" or "year" are not text a reader could spot.
fn hint_texts(hints: &std::collections::BTreeMap<String, Slot>) -> Vec<String> {
    let mut out = Vec::new();
    for slot in hints.values() {
        match slot.value() {
            toml::Value::String(s) => out.push(s),
            toml::Value::Array(items) => {
                out.extend(items.iter().filter_map(|v| v.as_str().map(str::to_string)))
            }
            _ => {}
        }
    }
    out.retain(|s| s.trim().contains(' '));
    out
}

/// A figure with a currency sign before it ("$17", "£15"), as pay is shown.
fn has_pay_figure(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| matches!(w[0], '$' | '£' | '€' | '¥' | '₹') && w[1].is_ascii_digit())
}

/// Registry of the shipped presets, loaded once.
fn registry() -> &'static jobpost::preset::Registry {
    static REGISTRY: OnceLock<jobpost::preset::Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| jobpost::preset::Registry::load(None).unwrap())
}

proptest! {
    #![proptest_config(config())]

    /// A posting that names only its role, employer and place publishes none of the
    /// preset's suggested employer facts, in any format: no hint text, no pay figure,
    /// no JSON-LD `baseSalary`.
    #[test]
    fn no_employer_facts_no_hints_in_any_output(
        index in 0usize..64,
        workplace in prop::sample::select(Workplace::ALL),
        country in prop::sample::select(&["US", "GB", "CA", "IE", "AU"][..]),
        title in prop::option::of("[A-Z][a-z]{3,12}( [A-Z][a-z]{3,10})?"),
    ) {
        let ids: Vec<String> = registry().all().unwrap().iter().map(|p| p.id.clone()).collect();
        let id = &ids[index % ids.len()];
        let mut text = format!("role = \"{id}\"\n");
        if let Some(t) = &title {
            text.push_str(&format!("title = \"{t}\"\n"));
        }
        text.push_str(&format!(
            "[company]\nname = \"Acme\"\n[location]\nworkplace = \"{}\"\ncountry = \"{country}\"\napplicant_countries = [\"{country}\"]\n",
            workplace.key()
        ));
        let (layer, _) = layer::parse("posting.toml", &text, false).unwrap();
        let chain = registry().chain(id).unwrap();
        let merged = jobpost::load::merge_with_chain(&chain, &[layer]).unwrap();
        let hints = hint_texts(&merged.hints);
        let date = Some(Date { year: 2027, month: 1, day: 4 });
        let outputs = [Format::MD, Format::HTML, Format::TXT, Format::JSONLD];
        let texts = render_all(renderer(), &merged, &outputs, date).unwrap();
        for (output, out) in outputs.iter().zip(&texts) {
            let out = out.text().unwrap();
            for hint in &hints {
                prop_assert!(!out.contains(hint.as_str()), "{id} {output:?} shows the hint {hint:?}");
            }
            prop_assert!(!has_pay_figure(out), "{id} {output:?} shows a pay figure");
            prop_assert!(!out.contains("baseSalary"), "{id} {output:?} has a baseSalary");
        }
    }
}
