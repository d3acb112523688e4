//! The posting model: the TOML contract users keep in their repositories.
//!
//! One generic family of structs serves two purposes. A *layer* (a preset, an
//! included file, the posting file, `--set` flags) is `Posting<ListPatch>`: every
//! list may be replaced or edited. The *merged* posting is `Posting` (lists are
//! plain `Vec<String>`). Both use `deny_unknown_fields`, so serde checks the schema
//! and the TOML parser reports the line and column of a stray key.
//!
//! Everything else about a field (its help line, whether it is an employer fact, the
//! section that shows it, the wizard's question) is in the field table,
//! [`fields::FIELDS`]; a test there fails naming any field of these structs the
//! table lacks.

pub mod fields;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

/// A list of text items in its merged form.
pub type List = Vec<String>;

/// A whole posting. `L` is the list type: [`List`] once merged, [`ListPatch`] in a layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Posting<L = List> {
    /// Preset id the posting starts from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// How the posting reads (`en-GB`): headings, dates, school levels, money and
    /// weights. Without it, the job's country decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The job name, as a job seeker would search for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The mark after the title that says it is open to all genders, where the
    /// locale's language asks for one: `"(w/m/d)"`, `"(all genders)"`, or `"none"`
    /// when the title is neutral already. Without it, the locale's (`(m/w/d)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_marker: Option<String>,
    /// What the role is for (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Kind of contract.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_type: Option<EmploymentType>,
    /// The employer's own reference for the opening.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Date the posting goes up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posted: Option<Datetime>,
    /// Last day to apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_by: Option<Datetime>,
    /// What the person will achieve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objectives: Option<L>,
    /// Partial posting files merged below this one, relative to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<String>>,
    /// Values or whole tables (dotted paths) that lower layers set and this one removes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unset: Option<Vec<String>>,
    /// Who the employer is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<Company<L>>,
    /// Where the work happens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location<L>>,
    /// What the person does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duties: Option<Duties<L>>,
    /// Skills asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skills: Option<Skills<L>>,
    /// Formal qualifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifications: Option<Qualifications<L>>,
    /// Working conditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Conditions<L>>,
    /// Pay and benefits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pay: Option<Pay<L>>,
    /// How to apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
}

impl<L> Default for Posting<L> {
    fn default() -> Self {
        Posting {
            role: None,
            locale: None,
            title: None,
            title_marker: None,
            purpose: None,
            employment_type: None,
            reference: None,
            posted: None,
            apply_by: None,
            objectives: None,
            include: None,
            unset: None,
            company: None,
            location: None,
            duties: None,
            skills: None,
            qualifications: None,
            conditions: None,
            pay: None,
            apply: None,
        }
    }
}

/// `[company]`: the employer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company<L = List> {
    /// Legal or trading name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A short introduction (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
    /// Home page, `https://…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// What the employer stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<L>,
    /// Equal-opportunity statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eeo: Option<String>,
    /// Logo for the page header: a local image file (relative to the posting
    /// file, copied next to exported pages) or an `https://` URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Brand colour (`#1f5f8b`) behind the page header and buttons, where
    /// white text must keep a contrast of at least 4.5:1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Whether the employer is a public service or a private business. Not
    /// printed: a preset whose duties differ between the two (billing in a
    /// private clinic, none in the NHS) words its text by it, and without it
    /// uses words true of both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
}

/// `[location]`: where the work happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location<L = List> {
    /// On-site, hybrid or remote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workplace: Option<Workplace>,
    /// Street address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City or town.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, province or region (e.g. `CO`, `Ontario`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal or ZIP code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// For remote roles: the countries applicants may live in (alpha-2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applicant_countries: Option<L>,
}

/// A location with nothing given (derive would ask `L: Default`, which no field needs).
impl<L> Default for Location<L> {
    fn default() -> Self {
        Location {
            workplace: None,
            street: None,
            city: None,
            region: None,
            postal_code: None,
            country: None,
            applicant_countries: None,
        }
    }
}

/// `[duties]`: what the person does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Duties<L = List> {
    /// Done every day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily: Option<L>,
    /// Done every week or so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<L>,
}

/// `[skills]`: abilities asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skills<L = List> {
    /// Must have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<L>,
    /// Nice to have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<L>,
}

/// `[qualifications]`: credentials and experience.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifications<L = List> {
    /// Must have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<L>,
    /// Nice to have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred: Option<L>,
    /// Lowest level of schooling asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    /// Months of relevant experience asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience_months: Option<u32>,
}

/// `[conditions]`: the working conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conditions<L = List> {
    /// Where and among whom the work happens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
    /// Shifts, days, hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// How much travel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub travel: Option<String>,
    /// Physical demands, each with its reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical: Option<L>,
    /// Typical hours a week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<f64>,
}

/// `[pay]`: pay range and benefits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pay<L = List> {
    /// Bottom of the range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Top of the range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// ISO 4217 code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What one amount pays for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Benefits offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits: Option<L>,
    /// Bonus, commission, tips.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extras: Option<String>,
}

/// `[apply]`: how to apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    /// Application page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Application e-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// What to send and what happens next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    /// Whether AI screens, assesses or selects applicants (Ontario asks postings to say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ai_screening: Option<AiScreening>,
    /// Whether the posting is for a vacancy that exists now (Ontario asks postings to say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vacancy: Option<Vacancy>,
}

/// A list in a layer: an array replaces the list below, a table edits it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ListPatch {
    /// `key = ["a", "b"]`
    Replace(Vec<String>),
    /// `key = { add = ["c"], remove = ["a"] }`
    Edit(ListEdit),
}

/// The table form of a [`ListPatch`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEdit {
    /// Items appended after the list below.
    #[serde(default)]
    pub add: Vec<String>,
    /// Items taken out of the list below; each must be there.
    #[serde(default)]
    pub remove: Vec<String>,
}

/// Declares a kebab-case enum with its TOML names and human labels in one place.
macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant),+
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every value's name in posting files, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$($key),+];
            /// The name used in posting files.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            /// The label shown to readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// Parses the posting-file name.
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

labelled_enum! {
    /// `apply.ai_screening`: whether artificial intelligence screens, assesses or
    /// selects applicants.
    AiScreening {
        /// It does.
        Used = "used" / "AI is used to screen, assess or select applicants",
        /// It does not.
        NotUsed = "not-used" / "AI is not used to screen, assess or select applicants",
    }
}

labelled_enum! {
    /// `company.sector`: who runs and pays for the service the job is in.
    Sector {
        /// A public service: the NHS, the HSE, a provincial or state health service.
        Public = "public" / "A public service (such as the NHS, the HSE or a provincial or state health service)",
        /// A private business, paid by its customers or their insurers.
        Private = "private" / "A private business (such as a private clinic)",
    }
}

labelled_enum! {
    /// `apply.vacancy`: whether the posting is for a vacancy that exists now.
    Vacancy {
        /// A vacancy that exists now.
        Existing = "existing" / "An existing vacancy",
        /// Not an existing vacancy (a pool of candidates for later).
        NotExisting = "not-existing" / "Not an existing vacancy",
    }
}

labelled_enum! {
    /// `employment_type`.
    EmploymentType {
        /// Full-time.
        FullTime = "full-time" / "Full-time",
        /// Part-time.
        PartTime = "part-time" / "Part-time",
        /// Contract.
        Contract = "contract" / "Contract",
        /// Temporary.
        Temporary = "temporary" / "Temporary",
        /// Internship.
        Internship = "internship" / "Internship",
        /// Volunteer.
        Volunteer = "volunteer" / "Volunteer",
        /// Per diem.
        PerDiem = "per-diem" / "Per diem",
        /// Other.
        Other = "other" / "Other",
    }
}

labelled_enum! {
    /// `location.workplace`.
    Workplace {
        /// At the employer's site.
        OnSite = "on-site" / "On-site",
        /// Partly on site, partly remote.
        Hybrid = "hybrid" / "Hybrid",
        /// Fully remote.
        Remote = "remote" / "Remote",
    }
}

labelled_enum! {
    /// `qualifications.education`.
    Education {
        /// No formal schooling asked for.
        None = "none" / "No formal education required",
        /// High school diploma or equivalent.
        HighSchool = "high-school" / "High school diploma or equivalent",
        /// Associate degree.
        Associate = "associate" / "Associate degree",
        /// Bachelor's degree.
        Bachelor = "bachelor" / "Bachelor's degree",
        /// Postgraduate degree.
        Postgraduate = "postgraduate" / "Postgraduate degree",
    }
}

labelled_enum! {
    /// `pay.period`.
    Period {
        /// Per hour.
        Hour = "hour" / "per hour",
        /// Per day.
        Day = "day" / "per day",
        /// Per week.
        Week = "week" / "per week",
        /// Per month.
        Month = "month" / "per month",
        /// Per year.
        Year = "year" / "per year",
    }
}

/// True when `path` is an employer fact or lies inside one (`pay.min`, `company`):
/// only the employer can say it, so a role preset may suggest it under `[hints]` but
/// never set it. The facts are marked in [`fields::FIELDS`].
pub fn is_employer_fact(path: &str) -> bool {
    fields::is_employer_fact(path)
}

/// True when `path` is `table` or a key below it.
pub fn within(path: &str, table: &str) -> bool {
    path == table || path.strip_prefix(table).is_some_and(|r| r.starts_with('.'))
}

/// True when `path` names a list field (see [`fields::FIELDS`]).
pub fn is_list_path(path: &str) -> bool {
    fields::is_list_path(path)
}

/// The valid keys of the table at `path` (`""` is the top level), if it is a table.
pub fn keys_of(path: &str) -> Option<&'static [&'static str]> {
    fields::keys_of(path)
}

impl<'de> Deserialize<'de> for ListPatch {
    // Hand-written rather than `untagged`, whose error ("data did not match any
    // variant") hides what was wrong.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
        struct PatchVisitor;
        impl<'de> serde::de::Visitor<'de> for PatchVisitor {
            type Value = ListPatch;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of strings, or a table `{ add = [...], remove = [...] }`")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<ListPatch, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(ListPatch::Replace)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ListPatch, A::Error> {
                ListEdit::deserialize(MapAccessDeserializer::new(map)).map(ListPatch::Edit)
            }
        }
        d.deserialize_any(PatchVisitor)
    }
}
