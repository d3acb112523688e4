//! The HTML page, from the `posting.html` template: a standalone page for
//! `render`, a page of the careers site for `export` (its links come in the
//! [`Prepared`] view), with the JSON-LD embedded whenever the posting has what
//! JSON-LD needs.

use toml::value::Date;

use super::{Format, Prepared, Rendered, Renderer};
use crate::error::Result;
use crate::load::Merged;
use crate::render::Templates;

/// The HTML page (`posting.html`).
pub struct Page;

impl Renderer for Page {
    fn name(&self) -> &'static str {
        "html"
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["htm"]
    }

    fn media_type(&self) -> &'static str {
        "text/html"
    }

    fn help(&self) -> &'static str {
        "A standalone HTML page (`posting.html`) with the JSON-LD embedded"
    }

    fn title(&self) -> &'static str {
        "HTML"
    }

    fn link_rank(&self) -> u8 {
        4
    }

    /// A page of HTML is no preview in a terminal; its Markdown says the same.
    fn preview_as(&self) -> Option<Format> {
        Some(Format::MD)
    }

    fn render(&self, posting: &Prepared, templates: &Templates) -> Result<Rendered> {
        // A page is still written without JSON-LD; search engines will not list it.
        let script = posting
            .jsonld()
            .map(crate::jsonld::for_script)
            .unwrap_or_default();
        posting
            .render_template(templates, "posting.html", &script, false)
            .map(Rendered::Text)
    }

    /// Why the page embeds no JSON-LD (search engines will not list it), naming
    /// the missing fields.
    fn note(&self, merged: &Merged, date: Option<Date>) -> Option<String> {
        let fields = crate::validate::jsonld_fields(&merged.posting, date);
        if fields.is_empty() {
            return None;
        }
        let how = match fields.contains(&"posted") {
            true => {
                "; date it with `posted = 2027-01-04` in the posting or --posted YYYY-MM-DD|today"
            }
            false => "",
        };
        Some(format!(
            "note: the page embeds no JSON-LD for job search engines: it needs {}{how}",
            fields.join(", ")
        ))
    }
}
