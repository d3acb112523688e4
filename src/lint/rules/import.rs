//! What `jobpost import` was unsure of, read back from the comment it writes at the
//! top of a posting file, so `jobpost lint` keeps reporting it until someone checks
//! the value and deletes the line.

use super::{Ctx, Report, RuleId};
use crate::lint::doc::Loc;

/// The comment line `jobpost import` writes above the list of what it was unsure of.
pub const UNSURE_HEADER: &str = "# Check these; import was unsure of them:";

/// One note per `# - …` line under [`UNSURE_HEADER`] in the file's leading comment.
pub fn check(ctx: &mut Ctx<'_>) {
    // Only files import wrote carry the header; skip the scan for every other posting.
    if !ctx.doc.source.contains(UNSURE_HEADER) {
        return;
    }
    let lines: Vec<(usize, String)> = ctx
        .doc
        .source
        .lines()
        .enumerate()
        .take_while(|(_, l)| l.starts_with('#'))
        .skip_while(|(_, l)| l.trim_end() != UNSURE_HEADER)
        .skip(1)
        .map_while(|(i, l)| l.strip_prefix("# - ").map(|item| (i + 1, item.to_string())))
        .collect();
    for (line, item) in lines {
        let r = Report::new(format!("import was unsure: {item}"))
            .help("check the value against the original, then delete this line of the comment");
        ctx.at_loc(
            RuleId::ImportUnsure,
            Loc::new(line, 5),
            item.chars().count(),
            r,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::{Config, Doc, lint};

    #[test]
    fn each_unsure_line_of_an_imported_file_is_a_note() {
        let text = "# Imported from jd.txt by `jobpost import`.\n\
                    # Check these; import was unsure of them:\n\
                    # - the date `04/03/2027` could be day-first or month-first\n\
                    # - a salary with no period was read as a year's pay\n\
                    # Text with no field of its own was kept here:\n\
                    # - `Team: Sales` → purpose\n\
                    \ntitle = \"Cook\"\n";
        let seg = crate::lint::doc::Segment::new(
            crate::lint::doc::Section::Title,
            crate::lint::doc::SegKind::Title,
            "Cook",
            crate::lint::doc::Loc::new(8, 10),
        );
        let doc = Doc::new("jd.toml", text, vec![seg], Default::default(), vec![]);
        let found: Vec<(usize, String)> = lint(&doc, &Config::default())
            .into_iter()
            .filter(|f| f.rule == "import-unsure")
            .map(|f| (f.line, f.message))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, 3);
        assert!(found[1].1.contains("salary"), "{found:?}");
    }
}
