//! schema.org `JobPosting` JSON-LD for job-search engines, built by
//! [`crate::jsonld`] (serde, not a template). A posting lacking a field it needs
//! fails with validate's problems for those fields.

use super::{Prepared, Rendered, Renderer};
use crate::error::Result;
use crate::render::Templates;

/// schema.org JobPosting JSON-LD.
pub struct JsonLd;

impl Renderer for JsonLd {
    fn name(&self) -> &'static str {
        "jsonld"
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["json"]
    }

    fn media_type(&self) -> &'static str {
        "application/ld+json"
    }

    fn help(&self) -> &'static str {
        "schema.org JobPosting JSON-LD, for job-search engines"
    }

    fn title(&self) -> &'static str {
        "JSON-LD"
    }

    fn is_document(&self) -> bool {
        false
    }

    fn link_rank(&self) -> u8 {
        0
    }

    fn render(&self, posting: &Prepared, _: &Templates) -> Result<Rendered> {
        let json = match posting.jsonld() {
            Some(json) => Ok(format!("{json}\n")),
            // Built again only to say why it cannot be.
            None => posting.build_jsonld().map(|json| format!("{json}\n")),
        };
        json.map(Rendered::Text)
    }
}
