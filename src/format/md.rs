//! Markdown, from the `posting.md` template.

use super::{Prepared, Rendered, Renderer};
use crate::error::Result;
use crate::render::Templates;

/// Markdown (`posting.md`).
pub struct Markdown;

impl Renderer for Markdown {
    fn name(&self) -> &'static str {
        "md"
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["markdown"]
    }

    fn media_type(&self) -> &'static str {
        "text/markdown"
    }

    fn help(&self) -> &'static str {
        "Markdown (`posting.md`)"
    }

    fn title(&self) -> &'static str {
        "Markdown"
    }

    fn link_rank(&self) -> u8 {
        3
    }

    fn render(&self, posting: &Prepared, templates: &Templates) -> Result<Rendered> {
        posting
            .render_template(templates, "posting.md", "", true)
            .map(Rendered::Text)
    }
}
