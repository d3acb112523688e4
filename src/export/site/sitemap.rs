//! `sitemap.xml`: every posting's page with its date, for search engines;
//! written with `--base-url`, since a sitemap lists absolute addresses.

use std::io::Write;

use super::{Site, SiteRenderer};
use crate::error::{Error, Result};
use crate::xml::escape;

/// `sitemap.xml`.
pub struct Sitemap;

impl SiteRenderer for Sitemap {
    fn path(&self) -> &'static str {
        "sitemap.xml"
    }

    fn wanted(&self, s: &super::Settings) -> bool {
        s.base_url.is_some()
    }

    fn write(&self, site: &Site, w: &mut dyn Write) -> Result<()> {
        let base = site.settings.base_url.as_deref().unwrap_or_default();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for r in site.rows {
            let link = r.link(&site.settings.formats);
            let lastmod = match r.posted.as_str() {
                "" => String::new(),
                date => format!("<lastmod>{date}</lastmod>"),
            };
            xml.push_str(&format!(
                "<url><loc>{}</loc>{lastmod}</url>\n",
                escape(&format!("{base}{link}"))
            ));
        }
        xml.push_str("</urlset>\n");
        w.write_all(xml.as_bytes())
            .map_err(|e| Error::io("write", std::path::Path::new(self.path()), e))
    }
}
