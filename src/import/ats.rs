//! Exports of applicant tracking systems, in the shapes their public APIs document:
//! Greenhouse's job board (`{"jobs": [...]}`, `content` as entity-escaped HTML,
//! `pay_input_ranges` in cents), Lever's postings (a list; `lists[{text, content}]`,
//! `salaryRange`), Workable's jobs (`{"jobs": [...]}` or one job) and Personio's XML
//! feed (`workzag-jobs/position`). Each posting's structured fields go into
//! [`Given`]; its HTML body is read by lint's HTML reader like any page, so script
//! never reaches a field.

use serde_json::Value;

use crate::error::{Error, Origin, Pos, Problem, Result};
use crate::model::{Period, Workplace};

use super::map::{self, Given};
use super::{Imported, Kind, date, place};

/// Every posting in an ATS export.
pub fn read(name: &str, kind: Kind, text: &str) -> Result<Vec<Imported>> {
    if kind == Kind::Personio {
        return personio(name, text);
    }
    let root: Value = serde_json::from_str(text).map_err(|e| {
        let pos = Pos {
            line: e.line().max(1),
            col: e.column().max(1),
        };
        Error::from(
            Problem::new(Origin::at(name, pos), format!("is not valid JSON: {e}"))
                .expected("a Greenhouse, Lever or Workable export"),
        )
    })?;
    let (path, jobs) = jobs(&root).ok_or_else(|| {
        shape(
            name,
            "$",
            "a list of postings, or an object with `jobs` (or `postings`) holding one",
        )
    })?;
    jobs.iter()
        .enumerate()
        .map(|(i, job)| {
            let at = format!("{path}[{i}]");
            let (given, html) = match kind {
                Kind::Lever => lever(name, &at, job)?,
                Kind::Workable => workable(name, &at, job)?,
                _ => greenhouse(name, &at, job)?,
            };
            Ok(map::from_html(name, &html, given))
        })
        .collect()
}

/// The postings of an export and the JSON path they sit at.
fn jobs(root: &Value) -> Option<(&'static str, Vec<&Value>)> {
    match root {
        Value::Array(items) => Some(("$", items.iter().collect())),
        Value::Object(o) => {
            for key in ["jobs", "postings", "data", "results"] {
                if let Some(Value::Array(items)) = o.get(key) {
                    let path = match key {
                        "jobs" => "$.jobs",
                        "postings" => "$.postings",
                        "data" => "$.data",
                        _ => "$.results",
                    };
                    return Some((path, items.iter().collect()));
                }
            }
            // One posting on its own.
            (o.contains_key("title") || o.contains_key("text")).then(|| ("$", vec![root]))
        }
        _ => None,
    }
}

fn shape(name: &str, path: &str, expected: &str) -> Error {
    let problem = Problem::new(
        Origin::file(name),
        format!("`{path}` is not what an ATS export holds there"),
    );
    Error::from(problem.expected(expected))
}

/// A string at `key`, or an error naming the JSON path when it is there but not text.
fn string<'a>(name: &str, at: &str, job: &'a Value, key: &str) -> Result<Option<&'a str>> {
    match job.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str()).filter(|s| !s.trim().is_empty())),
        Some(_) => Err(shape(name, &format!("{at}.{key}"), "text (a JSON string)")),
    }
}

fn number(v: Option<&Value>) -> Option<f64> {
    match v? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.replace(',', "").parse().ok(),
        _ => None,
    }
}

/// Undoes one level of entity escaping (Greenhouse escapes its HTML once more); the
/// HTML reader decodes the entities the HTML itself uses.
fn unescape_once(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Text as an HTML paragraph (entities escaped so it stays text).
fn para(text: &str) -> String {
    let t = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<p>{t}</p>\n")
}

fn greenhouse(name: &str, at: &str, job: &Value) -> Result<(Given, String)> {
    let mut g = Given::default();
    let title = string(name, at, job, "title")?;
    g.posting.title = title.map(str::to_string);
    g.ats_id = job
        .get("id")
        .map(|v| v.to_string().trim_matches('"').to_string());
    if let Some(loc) = job.pointer("/location/name").and_then(Value::as_str) {
        g.location(loc);
    }
    if let Some(r) = string(name, at, job, "requisition_id")? {
        g.posting.reference = Some(r.to_string());
    }
    for key in ["first_published", "updated_at"] {
        if g.posting.posted.is_none() {
            if let Some(d) = string(name, at, job, key)?.and_then(|d| date::find(d, true)) {
                g.posting.posted = Some(d.date);
            }
        }
    }
    if let Some(url) = string(name, at, job, "absolute_url")? {
        g.set_label("apply", url);
    }
    if let Some(Value::Array(ranges)) = job.get("pay_input_ranges") {
        if let Some(r) = ranges.first() {
            let cents = |k| number(r.get(k)).map(|c| c / 100.0);
            let currency = r
                .get("currency_type")
                .and_then(Value::as_str)
                .map(str::to_string);
            let title = r.get("title").and_then(Value::as_str).unwrap_or("");
            structured_pay(
                &mut g,
                cents("min_cents"),
                cents("max_cents"),
                currency,
                title,
            );
        }
    }
    let html = unescape_once(string(name, at, job, "content")?.unwrap_or(""));
    Ok((g, title_html(title, &html)))
}

/// The title as the page's H1 above the body, so the reader's sections start under it.
fn title_html(title: Option<&str>, body: &str) -> String {
    let h1 = title.map(|t| {
        format!(
            "<h1>{}</h1>\n",
            t.replace('&', "&amp;").replace('<', "&lt;")
        )
    });
    format!("{}{body}", h1.unwrap_or_default())
}

fn period_in(text: &str) -> Option<Period> {
    let t = text.to_lowercase();
    [
        ("hour", Period::Hour),
        ("day", Period::Day),
        ("daily", Period::Day),
        ("week", Period::Week),
        ("month", Period::Month),
        ("year", Period::Year),
        ("annual", Period::Year),
    ]
    .iter()
    .find(|(w, _)| t.contains(w))
    .map(|(_, p)| *p)
}

fn given_pay(g: &mut Given) -> &mut crate::model::Pay {
    map::pay(&mut g.posting)
}

/// An ATS's pay range: the figures when `label` (or the interval) names a period;
/// otherwise the range as the employer's words in the pay's extras, and a note.
fn structured_pay(
    g: &mut Given,
    min: Option<f64>,
    max: Option<f64>,
    currency: Option<String>,
    label: &str,
) {
    match period_in(label) {
        Some(period) => {
            let pay = given_pay(g);
            pay.min = min;
            pay.max = max;
            pay.currency = currency;
            pay.period = Some(period);
        }
        None => {
            let figure = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.2}"));
            let code = currency.unwrap_or_default();
            let text = format!("{label}: {}–{} {code}", figure(min), figure(max));
            let text = text.trim_start_matches(": ").trim().to_string();
            g.unsure.push(format!(
                "the pay range `{text}` names no period (hour, year…); it is kept as text, not as the pay range"
            ));
            given_pay(g).extras = Some(text);
        }
    }
}

fn lever(name: &str, at: &str, job: &Value) -> Result<(Given, String)> {
    let mut g = Given::default();
    let title = string(name, at, job, "text")?;
    g.posting.title = title.map(str::to_string);
    g.ats_id = string(name, at, job, "id")?.map(str::to_string);
    if let Some(loc) = job.pointer("/categories/location").and_then(Value::as_str) {
        g.location(loc);
    }
    if let Some(c) = job.get("country").and_then(Value::as_str) {
        g.posting
            .location
            .get_or_insert_with(|| place::location(""))
            .country = Some(c.to_uppercase());
    }
    if let Some(c) = job
        .pointer("/categories/commitment")
        .and_then(Value::as_str)
    {
        g.label("Commitment", c);
    }
    if let Some(team) = job.pointer("/categories/team").and_then(Value::as_str) {
        g.label("Team", team);
    }
    if let Some(w) = string(name, at, job, "workplaceType")? {
        workplace(&mut g, w);
    }
    if let Some(ms) = job.get("createdAt").and_then(Value::as_i64) {
        g.posting.posted = date::from_millis(ms);
    }
    let url = string(name, at, job, "applyUrl")?.or(string(name, at, job, "hostedUrl")?);
    if let Some(url) = url {
        g.set_label("apply", url);
    }
    if let Some(range) = job.get("salaryRange").filter(|r| r.is_object()) {
        let interval = range.get("interval").and_then(Value::as_str).unwrap_or("");
        let period_word = interval
            .trim_start_matches("per-")
            .split('-')
            .next()
            .unwrap_or("");
        let currency = range
            .get("currency")
            .and_then(Value::as_str)
            .map(str::to_string);
        let (min, max) = (number(range.get("min")), number(range.get("max")));
        structured_pay(&mut g, min, max, currency, period_word);
    }
    let mut html = String::new();
    html.push_str(&lever_text(
        name,
        at,
        job,
        "description",
        "descriptionPlain",
    )?);
    if let Some(Value::Array(lists)) = job.get("lists") {
        for (i, list) in lists.iter().enumerate() {
            let heading = string(name, &format!("{at}.lists[{i}]"), list, "text")?.unwrap_or("");
            let items = string(name, &format!("{at}.lists[{i}]"), list, "content")?.unwrap_or("");
            html.push_str(&format!(
                "<h3>{}</h3>\n<ul>{items}</ul>\n",
                heading.replace('<', "&lt;")
            ));
        }
    }
    html.push_str(&lever_text(name, at, job, "additional", "additionalPlain")?);
    if let Some(s) = string(name, at, job, "salaryDescription")? {
        html.push_str(&s.replace("<script", "&lt;script"));
    }
    Ok((g, title_html(title, &html)))
}

/// Lever's HTML text, or its plain twin as paragraphs.
fn lever_text(name: &str, at: &str, job: &Value, html: &str, plain: &str) -> Result<String> {
    if let Some(h) = string(name, at, job, html)? {
        return Ok(format!("{h}\n"));
    }
    Ok(string(name, at, job, plain)?
        .map(|p| p.split("\n\n").map(para).collect())
        .unwrap_or_default())
}

fn workplace(g: &mut Given, text: &str) {
    let w = match text.to_lowercase().replace(['_', '-', ' '], "").as_str() {
        "onsite" => Some(Workplace::OnSite),
        "hybrid" => Some(Workplace::Hybrid),
        "remote" => Some(Workplace::Remote),
        _ => None,
    };
    match w {
        Some(w) => {
            g.posting
                .location
                .get_or_insert_with(|| place::location(""))
                .workplace = Some(w)
        }
        None => g.unsure.push(format!(
            "the workplace `{text}` is not on-site, hybrid or remote"
        )),
    }
}

fn workable(name: &str, at: &str, job: &Value) -> Result<(Given, String)> {
    let mut g = Given::default();
    let title = string(name, at, job, "title")?;
    g.posting.title = title.map(str::to_string);
    g.ats_id = job
        .get("id")
        .or(job.get("shortcode"))
        .map(|v| v.to_string().trim_matches('"').to_string());
    let reference = string(name, at, job, "code")?.or(string(name, at, job, "shortcode")?);
    g.posting.reference = reference.map(str::to_string);
    if let Some(loc) = job.get("location").filter(|l| l.is_object()) {
        let part = |k: &str| loc.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
        let l = g
            .posting
            .location
            .get_or_insert_with(|| place::location(""));
        l.city = part("city").map(str::to_string);
        l.region = part("region_code").or(part("region")).map(str::to_string);
        l.postal_code = part("zip_code").map(str::to_string);
        l.country = part("country_code").map(str::to_uppercase);
        if loc.get("telecommuting").and_then(Value::as_bool) == Some(true) {
            l.workplace = Some(Workplace::Remote);
        }
        if let Some(w) = part("workplace_type") {
            workplace(&mut g, w);
        }
    }
    if let Some(t) = string(name, at, job, "employment_type")? {
        g.label("Employment type", t);
    }
    if let Some(d) = string(name, at, job, "created_at")?.and_then(|d| date::find(d, true)) {
        g.posting.posted = Some(d.date);
    }
    if let Some(url) = string(name, at, job, "application_url")?.or(string(name, at, job, "url")?) {
        g.set_label("apply", url);
    }
    if let Some(s) = job.get("salary").filter(|s| s.is_object()) {
        let pay = given_pay(&mut g);
        pay.min = number(s.get("salary_from"));
        pay.max = number(s.get("salary_to"));
        pay.currency = s
            .get("salary_currency")
            .and_then(Value::as_str)
            .map(str::to_uppercase);
    }
    let mut html = String::new();
    for (key, heading) in [
        ("description", ""),
        ("requirements", "Requirements"),
        ("benefits", "Benefits"),
    ] {
        if let Some(body) = string(name, at, job, key)? {
            if !heading.is_empty() {
                html.push_str(&format!("<h2>{heading}</h2>\n"));
            }
            html.push_str(body);
            html.push('\n');
        }
    }
    Ok((g, title_html(title, &html)))
}

/// Personio's XML feed: a `<position>` per posting; its `jobDescription`s are named
/// HTML sections.
fn personio(name: &str, text: &str) -> Result<Vec<Imported>> {
    let positions = xml::positions(text).map_err(|(pos, e)| {
        let origin = Origin::at(name, pos);
        Error::from(
            Problem::new(origin, format!("is not valid XML: {e}"))
                .expected("Personio's `workzag-jobs` feed"),
        )
    })?;
    Ok(positions
        .into_iter()
        .map(|p| {
            let mut g = Given::default();
            let field = |k: &str| {
                p.fields
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.as_str())
            };
            g.posting.title = field("name").map(str::to_string);
            g.ats_id = field("id").map(str::to_string);
            if let Some(office) = field("office") {
                g.location(office);
            }
            if let Some(c) = field("subcompany") {
                g.set_label("company", c);
            }
            for k in ["employmentType", "schedule"] {
                if let Some(v) = field(k) {
                    if place::employment_type(v).is_some() {
                        g.label("Employment type", v);
                    }
                }
            }
            if let Some(d) = field("createdAt").and_then(|d| date::find(d, true)) {
                g.posting.posted = Some(d.date);
            }
            for k in [
                "department",
                "recruitingCategory",
                "seniority",
                "yearsOfExperience",
            ] {
                if let Some(v) = field(k) {
                    g.label(k, v);
                }
            }
            let mut html = String::new();
            for (heading, body) in &p.sections {
                html.push_str(&format!(
                    "<h2>{}</h2>\n{body}\n",
                    heading.replace('<', "&lt;")
                ));
            }
            let title = g.posting.title.clone();
            map::from_html(name, &title_html(title.as_deref(), &html), g)
        })
        .collect())
}

mod xml;
