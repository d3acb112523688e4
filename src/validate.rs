//! Checks on a merged posting that the schema alone cannot express. The field
//! checks are plain functions so the wizard re-asks with exactly these rules.

use crate::error::{Error, Problem, Refusal, Result, closest};
use crate::load::Merged;
use crate::model::{Posting, Workplace};
use crate::money;
use toml::value::Date;

/// Every problem of `merged`, or `Ok` when there are none.
pub fn validate(merged: &Merged) -> Result<()> {
    let problems = problems(merged);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

/// Every problem of `merged`, in field order.
pub fn problems(merged: &Merged) -> Vec<Problem> {
    let p = &merged.posting;
    let mut out = Vec::new();
    let mut check = |path: &str, result: std::result::Result<(), Refusal>| {
        if let Err(r) = result {
            out.push(merged.locate(Problem::refused(path, r)));
        }
    };
    check(
        "title",
        required(p.title.as_deref(), "a title")
            .and_then(|_| title(p.title.as_deref().unwrap_or("")))
            .map_err(Refusal::from),
    );
    check(
        "purpose",
        required(
            p.purpose.as_deref(),
            "a purpose: a few sentences on what the role is for",
        )
        .map_err(Refusal::from),
    );
    check("locale", opt(p.locale.as_deref(), crate::locale::refuse));
    check_dates(p, &mut check);
    check_pay(p, &mut check);
    check_place(p, &mut check);
    check_links(p, &mut check);
    check_brand(merged, &mut check);
    out
}

/// The employer facts a publishable posting still lacks, each named with the keys
/// that give it; empty when the posting says who hires, what it pays, where the
/// work is and how to apply. Law-specific needs (a deadline, benefits) are lint's.
pub fn still_needed(p: &Posting) -> Vec<String> {
    let company = p.company.as_ref().and_then(|c| c.name.as_deref());
    let pay = p.pay.as_ref();
    let apply = p.apply.as_ref();
    let loc = p.location.as_ref();
    let remote = loc.is_some_and(|l| l.workplace == Some(crate::model::Workplace::Remote));
    let has_countries = loc.is_some_and(|l| l.country.is_some() || l.applicant_countries.is_some());
    let mut out = Vec::new();
    if company.is_none_or(|c| c.trim().is_empty()) {
        out.push("the company name (company.name)".to_string());
    }
    let pay_keys: Vec<&str> = [
        (
            pay.is_some_and(|p| p.min.is_some() || p.max.is_some()),
            "pay.min and/or pay.max",
        ),
        (pay.is_some_and(|p| p.currency.is_some()), "pay.currency"),
        (pay.is_some_and(|p| p.period.is_some()), "pay.period"),
    ]
    .into_iter()
    .filter_map(|(given, key)| (!given).then_some(key))
    .collect();
    if !pay_keys.is_empty() {
        out.push(format!("pay ({})", pay_keys.join(", ")));
    }
    // Name only the keys missing: a posting with a country lacks just its workplace.
    let place_keys: Vec<&str> = [
        (
            loc.is_some_and(|l| l.workplace.is_some()),
            "location.workplace",
        ),
        (
            has_countries,
            if remote {
                "location.applicant_countries"
            } else {
                "location.country"
            },
        ),
    ]
    .into_iter()
    .filter_map(|(given, key)| (!given).then_some(key))
    .collect();
    if !place_keys.is_empty() {
        out.push(format!("where the work is ({})", place_keys.join(", ")));
    }
    if apply.is_none_or(|a| a.url.is_none() && a.email.is_none()) {
        out.push("a way to apply (apply.url or apply.email)".to_string());
    }
    out
}

/// Every field the JSON-LD output needs that the posting lacks, at the file and
/// line each comes from (or the field path): the check behind `render --format
/// jsonld`, export's JSON-LD files and whether the HTML page embeds JSON-LD.
/// `date` (`--posted`) stands in for a missing `posted`.
pub fn jsonld_problems(merged: &Merged, date: Option<Date>) -> Vec<Problem> {
    jsonld_needs(&merged.posting, date)
        .into_iter()
        .map(|(path, message)| merged.locate(Problem::of_field(path, message)))
        .collect()
}

/// The fields [`jsonld_problems`] names, by field path, for a posting with no
/// file (the HTML page's note lists them).
pub fn jsonld_fields(p: &Posting, date: Option<Date>) -> Vec<&'static str> {
    jsonld_needs(p, date)
        .into_iter()
        .map(|(at, _)| at)
        .collect()
}

/// [`jsonld_problems`] but the date, by field path: what lint's `jsonld-required`
/// reports, since a date may still come from the command line.
pub fn jsonld_missing(p: &Posting) -> Vec<Problem> {
    jsonld_content(p)
        .into_iter()
        .map(|(at, message)| Problem::of_field(at, message))
        .collect()
}

/// Each field JSON-LD needs and the posting lacks, with why, in field order.
fn jsonld_needs(p: &Posting, date: Option<Date>) -> Vec<(&'static str, String)> {
    let mut out = jsonld_content(p);
    if p.posted.and_then(|d| d.date).or(date).is_none() {
        out.push((
            "posted",
            "missing; JSON-LD needs the date the posting goes up (datePosted): \
             add `posted = 2027-01-04` to the posting, or pass --posted YYYY-MM-DD \
             (or --posted today)"
                .into(),
        ));
    }
    out
}

/// [`jsonld_needs`] less the date.
fn jsonld_content(p: &Posting) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut need = |present: bool, at: &'static str, what: &str| {
        if !present {
            out.push((at, format!("missing; JSON-LD needs {what}")));
        }
    };
    let filled = |s: Option<&String>| s.is_some_and(|s| !s.trim().is_empty());
    let loc = p.location.as_ref();
    need(filled(p.title.as_ref()), "title", "the job's title");
    need(
        filled(p.purpose.as_ref()),
        "purpose",
        "a purpose for the description",
    );
    need(
        filled(p.company.as_ref().and_then(|c| c.name.as_ref())),
        "company.name",
        "the employer's name (hiringOrganization)",
    );
    if is_remote(p) {
        need(
            !applicant_countries(p).is_empty(),
            "location.applicant_countries",
            "the countries applicants may live in for a remote role, e.g. `applicant_countries = [\"US\"]`",
        );
    } else {
        need(
            filled(loc.and_then(|l| l.country.as_ref())),
            "location.country",
            "the workplace's country (addressCountry), e.g. `country = \"US\"`",
        );
    }
    out
}

/// True for a fully remote role.
pub fn is_remote(p: &Posting) -> bool {
    p.location.as_ref().and_then(|l| l.workplace) == Some(Workplace::Remote)
}

/// For remote roles: the countries applicants may live in (`applicant_countries`,
/// else the posting's own country); empty for other roles.
pub fn applicant_countries(p: &Posting) -> Vec<String> {
    let Some(l) = p.location.as_ref().filter(|_| is_remote(p)) else {
        return Vec::new();
    };
    let listed = l.applicant_countries.clone().unwrap_or_default();
    if listed.is_empty() {
        l.country.iter().cloned().collect()
    } else {
        listed
    }
}

type Check<'a> = dyn FnMut(&str, std::result::Result<(), Refusal>) + 'a;

fn check_dates(p: &Posting, check: &mut Check) {
    check("posted", opt(p.posted.as_ref(), date));
    check("apply_by", opt(p.apply_by.as_ref(), date));
    if let (Some(a), Some(b)) = (&p.posted, &p.apply_by) {
        if b.to_string() < a.to_string() {
            check(
                "apply_by",
                Err(format!("apply_by ({b}) is before posted ({a})").into()),
            );
        }
    }
}

fn check_pay(p: &Posting, check: &mut Check) {
    // Hours are checked whether or not pay is given.
    if let Some(c) = &p.conditions {
        check(
            "conditions.hours_per_week",
            opt(c.hours_per_week.as_ref(), |h| hours(*h)),
        );
    }
    let Some(pay) = &p.pay else { return };
    check("pay.min", opt(pay.min.as_ref(), |v| amount(*v)));
    check("pay.max", opt(pay.max.as_ref(), |v| amount(*v)));
    check("pay.max", min_max(pay.min, pay.max).map_err(Refusal::from));
    check(
        "pay.currency",
        opt(pay.currency.as_deref(), refuse_currency),
    );
    if pay.min.is_some() || pay.max.is_some() {
        if pay.currency.is_none() {
            check(
                "pay.currency",
                Err("missing: amounts need a currency, e.g. `currency = \"USD\"`".into()),
            );
        }
        if pay.period.is_none() {
            check(
                "pay.period",
                Err("missing: amounts need a period: hour, day, week, month or year".into()),
            );
        }
    }
}

fn check_place(p: &Posting, check: &mut Check) {
    let Some(loc) = &p.location else { return };
    check(
        "location.country",
        opt(loc.country.as_deref(), refuse_country),
    );
    for c in loc.applicant_countries.iter().flatten() {
        check("location.applicant_countries", refuse_country(c));
    }
}

fn check_links(p: &Posting, check: &mut Check) {
    if let Some(c) = &p.company {
        check("company.website", opt(c.website.as_deref(), url));
    }
    if let Some(a) = &p.apply {
        check("apply.url", opt(a.url.as_deref(), url));
        check("apply.email", opt(a.email.as_deref(), email));
    }
}

/// `company.color` must carry white text; `company.logo` must be an image
/// file that exists, or an `https://` URL.
fn check_brand(merged: &Merged, check: &mut Check) {
    let Some(c) = &merged.posting.company else {
        return;
    };
    if let Some(logo) = &c.logo {
        let found = logo_inside(merged, logo)
            .and_then(|_| logo_at(logo, &logo_file(merged)))
            .and_then(|_| logo_image(&logo_file(merged)));
        check("company.logo", found.map_err(Refusal::from));
    }
    check("company.color", opt(c.color.as_deref(), color));
}

/// The local file `company.logo` names, resolved against the folder of the
/// file that set it; `None` for a URL or no logo.
pub fn logo_file(merged: &Merged) -> Option<std::path::PathBuf> {
    let logo = merged.posting.company.as_ref()?.logo.as_deref()?;
    if has_scheme(logo) {
        return None;
    }
    let origin = merged.origin("company.logo");
    // Files have positions; `--set` and presets do not, and count from here.
    let dir = origin.filter(|o| o.pos.is_some()).and_then(|o| {
        std::path::Path::new(&*o.source)
            .parent()
            .map(|d| d.to_path_buf())
    });
    Some(dir.unwrap_or_default().join(logo))
}

/// The folder a path in the file that set `company.logo` counts from, and that
/// file (`None` for `--set` and presets, which count from here).
fn logo_base(merged: &Merged) -> (std::path::PathBuf, Option<std::path::PathBuf>) {
    let origin = merged.origin("company.logo").filter(|o| o.pos.is_some());
    let file = origin.map(|o| std::path::PathBuf::from(&*o.source));
    let dir = file
        .as_ref()
        .and_then(|f| f.parent())
        .map(|d| d.to_path_buf());
    (dir.unwrap_or_default(), file)
}

/// A local logo must stay inside the project of the file that names it, so a
/// posting cannot publish `/etc/shadow` or a link to it as its logo. Checked
/// before anything looks at the file, so the message says nothing about it.
fn logo_inside(merged: &Merged, logo: &str) -> std::result::Result<(), String> {
    if has_scheme(logo) {
        return Ok(());
    }
    let (dir, file) = logo_base(merged);
    let root = crate::files::Root::of(file.as_deref().unwrap_or(std::path::Path::new(".")));
    match root.check(&dir, logo) {
        Ok(_) => Ok(()),
        Err(why) => Err(format!(
            "`{logo}`: {}; expected {}",
            why.message(),
            crate::files::Outside::EXPECTED
        )),
    }
}

/// A local logo must be an image by its bytes, under the size limit.
fn logo_image(file: &Option<std::path::PathBuf>) -> std::result::Result<(), String> {
    let Some(file) = file else { return Ok(()) };
    match crate::files::check_logo(file) {
        Ok(_) => Ok(()),
        Err(Error::Input(p)) => {
            let expected = p.expected.as_deref().unwrap_or("an image");
            Err(format!(
                "`{}` {}; expected {expected}",
                file.display(),
                p.message
            ))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// `https:`, `javascript:` and the like; `C:\\` is a drive, not a scheme.
fn has_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// Image types a browser shows in `<img>`.
const LOGO_TYPES: [&str; 6] = ["png", "jpg", "jpeg", "gif", "svg", "webp"];

fn logo_at(logo: &str, file: &Option<std::path::PathBuf>) -> std::result::Result<(), String> {
    let Some(file) = file else {
        return match logo.strip_prefix("https://") {
            Some(_) => url(logo),
            None => Err(format!(
                "`{logo}` is neither an image file nor an https:// address; expected e.g. \"logo.png\""
            )),
        };
    };
    let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !LOGO_TYPES.contains(&ext.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "`{logo}` is not an image file; expected one ending in .{}",
            LOGO_TYPES.join(", .")
        ));
    }
    if !file.is_file() {
        return Err(format!(
            "`{}` does not exist; expected an image file",
            file.display()
        ));
    }
    Ok(())
}

/// A brand colour, `#rgb` or `#rrggbb`, on which white text keeps 4.5:1.
pub fn color(s: &str) -> std::result::Result<(), String> {
    let rgb = parse_color(s).ok_or_else(|| {
        format!("`{s}` is not a colour; expected a hex colour such as \"#1f5f8b\"")
    })?;
    let ratio = contrast_with_white(rgb);
    if ratio >= MIN_CONTRAST {
        return Ok(());
    }
    Err(format!(
        "`{s}` is too light: white text on it has a contrast of {ratio:.2}:1, below 4.5:1; \
         the nearest colour that passes is \"{}\"",
        hex(passing_color(rgb))
    ))
}

/// WCAG AA for normal text.
const MIN_CONTRAST: f64 = 4.5;

fn parse_color(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize, n: usize| u8::from_str_radix(&h[i..i + n], 16).ok();
    match h.len() {
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
        _ => None,
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// WCAG relative luminance.
fn luminance(rgb: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    1.05 / (luminance(rgb) + 0.05)
}

/// The same hue darkened by the least amount that makes white text pass:
/// every channel scaled by one factor, found in small steps.
fn passing_color(rgb: [u8; 3]) -> [u8; 3] {
    (0..=100)
        .rev()
        .map(|k| {
            let f = f64::from(k) / 100.0;
            rgb.map(|c| (f64::from(c) * f).round() as u8)
        })
        .find(|c| contrast_with_white(*c) >= MIN_CONTRAST)
        .unwrap_or([0, 0, 0])
}

fn opt<T: ?Sized, E: Into<Refusal>>(
    v: Option<&T>,
    f: impl Fn(&T) -> std::result::Result<(), E>,
) -> std::result::Result<(), Refusal> {
    v.map_or(Ok(()), |v| f(v).map_err(Into::into))
}

fn required(v: Option<&str>, what: &str) -> std::result::Result<(), String> {
    match v {
        Some(s) if !s.trim().is_empty() => Ok(()),
        Some(_) => Err(format!("is empty; expected {what}")),
        None => Err(format!("missing; expected {what}")),
    }
}

/// A title: not empty, not shouting in capitals, one line.
pub fn title(s: &str) -> std::result::Result<(), String> {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if s.trim().is_empty() {
        return Err("is empty; expected the job's name".into());
    }
    if s.contains('\n') {
        return Err("spans several lines; a title is one line".into());
    }
    if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return Err(format!("`{s}` is all capitals; write it in Title Case"));
    }
    Ok(())
}

/// A pay amount: a finite number above zero.
pub fn amount(v: f64) -> std::result::Result<(), String> {
    if !v.is_finite() {
        Err(format!(
            "`{v}` is not a number; expected an amount such as 18.50"
        ))
    } else if v < 0.0 {
        Err(format!(
            "`{}` is negative; expected an amount above 0",
            shown_number(v)
        ))
    } else if v == 0.0 {
        Err(
            "`0` is no pay; expected an amount above 0 (leave the key out if there is none)"
                .to_string(),
        )
    } else {
        Ok(())
    }
}

/// Bottom of the range not above the top.
pub fn min_max(min: Option<f64>, max: Option<f64>) -> std::result::Result<(), String> {
    match (min, max) {
        (Some(a), Some(b)) if a > b => Err(format!("pay.min ({a}) is above pay.max ({b})")),
        _ => Ok(()),
    }
}

/// An ISO 4217 currency code (the wizard's check: the suggestion in the text).
pub fn currency(code: &str) -> std::result::Result<(), String> {
    refuse_currency(code).map_err(|r| r.to_string())
}

/// An ISO 4217 currency code, with the closest code as data.
pub fn refuse_currency(code: &str) -> std::result::Result<(), Refusal> {
    if money::is_currency(code) {
        return Ok(());
    }
    let upper = code.to_uppercase();
    let suggestion = match upper != code && money::is_currency(&upper) {
        true => Some(upper.as_str()),
        false => closest(&upper, money::currency_codes()),
    };
    let message =
        format!("unknown currency `{code}`; expected an ISO 4217 code such as USD, EUR or GBP");
    Err(Refusal::new(message, suggestion))
}

/// An ISO 3166-1 alpha-2 country code (the wizard's check: the suggestion in the text).
pub fn country(code: &str) -> std::result::Result<(), String> {
    refuse_country(code).map_err(|r| r.to_string())
}

/// An ISO 3166-1 alpha-2 country code, with the code meant as data.
pub fn refuse_country(code: &str) -> std::result::Result<(), Refusal> {
    if isocountry::CountryCode::for_alpha2(code).is_ok() {
        return Ok(());
    }
    if let Ok(c) = isocountry::CountryCode::for_alpha2_caseless(code) {
        return Err(Refusal::new(
            format!("unknown country `{code}`"),
            Some(c.alpha2()),
        ));
    }
    let message = format!(
        "unknown country `{code}`; expected a two-letter ISO 3166-1 code such as US, CA or GB"
    );
    let suggestion = crate::country::code_of(code).or_else(|| crate::country::nearest(code));
    Err(Refusal::new(message, suggestion))
}

/// A number as messages quote it: in exponent form when it is huge, so `1e300`
/// is not echoed as three hundred digits.
fn shown_number(v: f64) -> String {
    match v.abs() >= 1e9 {
        true => format!("{v:e}"),
        false => v.to_string(),
    }
}

/// Hours in a week: at least 1, at most 168.
pub fn hours(h: f64) -> std::result::Result<(), String> {
    if h.is_finite() && (1.0..=168.0).contains(&h) {
        Ok(())
    } else {
        Err(format!(
            "`{}` hours a week is not possible; expected a number from 1 to 168",
            shown_number(h)
        ))
    }
}

/// A web address: `http` or `https`, with a host.
pub fn url(s: &str) -> std::result::Result<(), String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("`{s}` is not a web address; expected one starting with https://")
        })?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.') || host.starts_with("localhost");
    if !host_ok
        || s.chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"')
    {
        return Err(format!("`{s}` is not a well-formed web address"));
    }
    Ok(())
}

/// An e-mail address: one `@`, a dotted domain, no spaces.
pub fn email(s: &str) -> std::result::Result<(), String> {
    let ok = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s
                    .chars()
                    .any(|c| c.is_whitespace() || "<>\"(),;:[]\\".contains(c))
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{s}` is not a well-formed e-mail address; expected name@example.com"
        ))
    }
}

/// A TOML date without a time.
pub fn date(d: &toml::value::Datetime) -> std::result::Result<(), String> {
    if d.date.is_some() && d.time.is_none() && d.offset.is_none() {
        Ok(())
    } else {
        Err(format!(
            "`{d}` is not a date; expected a date such as 2026-12-01, with no time"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonld_needs_every_missing_field_and_a_date() {
        let p = Posting {
            title: Some("Cashier".into()),
            purpose: Some("Ring up sales.".into()),
            ..Posting::default()
        };
        assert_eq!(
            jsonld_fields(&p, None),
            ["company.name", "location.country", "posted"]
        );
        let paths: Vec<String> = jsonld_missing(&p)
            .into_iter()
            .filter_map(|p| p.field)
            .collect();
        assert_eq!(paths, ["company.name", "location.country"]);
        // A date from the command line stands in for `posted`; no clock is read.
        let date = Date {
            year: 2027,
            month: 1,
            day: 4,
        };
        assert!(!jsonld_fields(&p, Some(date)).contains(&"posted"));
    }

    #[test]
    fn refusals_keep_the_suggestion_apart() {
        let usd = refuse_currency("usd").unwrap_err();
        assert_eq!(usd.suggestion.as_deref(), Some("USD"));
        assert!(!usd.message.contains("did you mean"), "{}", usd.message);
        assert_eq!(
            refuse_country("USA").unwrap_err().suggestion.as_deref(),
            Some("US")
        );
        assert_eq!(refuse_country("ZZ").unwrap_err().suggestion, None);
        // A posting's problem carries it as data, for the printer's help line.
        let p = Problem::refused("pay.currency", usd);
        assert_eq!(p.suggestion.as_deref(), Some("USD"));
        assert_eq!(p.field.as_deref(), Some("pay.currency"));
    }

    #[test]
    fn field_rules() {
        assert!(title("Bank Teller").is_ok());
        assert!(title("IT Support Specialist").is_ok());
        assert!(title("BANK TELLER").unwrap_err().contains("all capitals"));
        assert!(amount(f64::NAN).is_err());
        assert!(amount(-1.0).unwrap_err().contains("negative"));
        assert!(amount(0.0).unwrap_err().contains("no pay"));
        assert!(amount(1e300).is_ok());
        assert_eq!(
            min_max(Some(25.0), Some(20.0)).unwrap_err(),
            "pay.min (25) is above pay.max (20)"
        );
        assert!(currency("USD").is_ok());
        assert_eq!(
            currency("usd").unwrap_err(),
            "unknown currency `usd`; expected an ISO 4217 code such as USD, EUR or GBP; did you mean `USD`?"
        );
        assert!(currency("XYZQ").is_err());
        assert!(country("US").is_ok());
        assert!(country("us").unwrap_err().contains("did you mean `US`?"));
        assert!(country("USA").unwrap_err().contains("did you mean `US`?"));
        assert!(url("https://example.com/jobs").is_ok());
        assert!(url("javascript:alert(1)").is_err());
        assert!(email("jobs@example.com").is_ok());
        assert!(email("jobs@example").is_err());
        assert!(hours(0.0).is_err());
    }

    #[test]
    fn brand_colours_carry_white_text() {
        assert!(color("#1f5f8b").is_ok());
        assert!(color("#000").is_ok());
        assert!(color("blue").unwrap_err().contains("not a colour"));
        assert!(color("#12345").is_err());
        let e = color("#ffcc00").unwrap_err();
        assert!(
            e.contains("contrast of 1.") && e.contains("below 4.5:1"),
            "{e}"
        );
        // The suggestion passes and is the lightest step of the same hue that does.
        let suggested = parse_color(&e[e.rfind('#').unwrap()..e.len() - 1]).unwrap();
        assert!(contrast_with_white(suggested) >= MIN_CONTRAST);
        let lighter = suggested.map(|c| (f64::from(c) * 1.02).min(255.0).round() as u8);
        assert!(contrast_with_white(lighter) < MIN_CONTRAST);
        assert_eq!(passing_color([0x0b, 0x4f, 0x9c]), [0x0b, 0x4f, 0x9c]);
    }
}
