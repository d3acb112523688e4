//! Plain text, from the `posting.txt` template, for job boards that strip markup.

use super::{Prepared, Rendered, Renderer};
use crate::error::Result;
use crate::render::Templates;

/// Plain text (`posting.txt`).
pub struct Text;

impl Renderer for Text {
    fn name(&self) -> &'static str {
        "txt"
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["text"]
    }

    fn media_type(&self) -> &'static str {
        "text/plain"
    }

    fn help(&self) -> &'static str {
        "Plain text for job boards that strip markup (`posting.txt`)"
    }

    fn title(&self) -> &'static str {
        "plain text"
    }

    fn link_rank(&self) -> u8 {
        2
    }

    fn render(&self, posting: &Prepared, templates: &Templates) -> Result<Rendered> {
        posting
            .render_template(templates, "posting.txt", "", true)
            .map(Rendered::Text)
    }
}
