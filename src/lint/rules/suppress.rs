//! `unknown-rule`: a suppression comment (`jobpost-disable gender-code`) whose id names
//! no registered rule silences nothing, so it is reported with the closest id.

use super::super::doc::{Loc, named_ids};
use super::{Ctx, Report, RuleId, closest_id};

/// Reports each unknown id in the posting's suppression comments.
pub fn check(ctx: &mut Ctx<'_>) {
    // Most postings have no suppression comment; skip the scan for them.
    if !ctx.doc.source.contains("jobpost-disable") {
        return;
    }
    for named in named_ids(&ctx.doc.path, &ctx.doc.source) {
        if RuleId::from_id(&named.id).is_some() {
            continue;
        }
        let hint = closest_id(&named.id)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        let r = Report::new(format!(
            "unknown rule `{}` in a suppression comment{hint}",
            named.id
        ))
        .help("name a rule id as `jobpost lint` prints it, e.g. `gender-coded`")
        .matched(named.id.clone());
        let at = Loc::new(named.line, named.col);
        ctx.at_loc(RuleId::UnknownRule, at, named.id.chars().count(), r);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::{Config, Doc, lint};

    fn findings(path: &str, text: &str) -> Vec<(usize, usize, String)> {
        lint(&Doc::from_path_text(path, text), &Config::default())
            .into_iter()
            .filter(|f| f.rule == "unknown-rule")
            .map(|f| (f.line, f.col, f.message))
            .collect()
    }

    #[test]
    fn an_unknown_id_is_reported_with_the_closest_one() {
        let md = "# Baker\n\n<!-- jobpost-disable hype-title, gender-code -->\nYou bake bread.\n";
        assert_eq!(
            findings("p.md", md),
            [(
                3,
                34,
                "unknown rule `gender-code` in a suppression comment; did you mean `gender-coded`?"
                    .to_string()
            )]
        );
    }

    #[test]
    fn known_ids_and_all_are_quiet_and_prose_is_not_a_comment() {
        let md = "# Baker\n\n<!-- jobpost-disable all -->\nYou bake. jobpost-disable nothing\n";
        assert!(findings("p.md", md).is_empty());
        let txt = "Baker\n\n# jobpost-disable-file cliche\nYou bake.\n";
        assert!(findings("p.txt", txt).is_empty());
    }

    #[test]
    fn toml_comments_are_read_after_a_key_too() {
        let doc = crate::lint::posting::from_merged(
            "p.toml",
            "title = \"Baker\"  # jobpost-disable titel-noise\n",
            &crate::load::merge_with_chain(
                &[],
                &[crate::layer::parse("p.toml", "title = \"Baker\"\n", false)
                    .unwrap()
                    .0],
            )
            .unwrap(),
        );
        let found: Vec<_> = lint(&doc, &crate::lint::Config::default())
            .into_iter()
            .filter(|f| f.rule == "unknown-rule")
            .map(|f| (f.line, f.col))
            .collect();
        assert_eq!(found, [(1, 36)]);
    }
}
