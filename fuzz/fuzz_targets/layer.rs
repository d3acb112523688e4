//! Any text as one TOML layer, the parser every posting, profile, include and
//! preset goes through: nothing may panic, and a layer that parses holds no
//! control character in any text value (they are refused at load, so they can
//! reach no terminal and no page).

#![no_main]

use jobpost::layer::{self, OpKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for preset in [false, true] {
        let Ok((layer, _)) = layer::parse("p.toml", text, preset) else {
            continue;
        };
        for op in &layer.ops {
            let texts: Vec<&str> = match &op.kind {
                OpKind::Set(toml::Value::String(s)) => vec![s.as_str()],
                OpKind::Replace(items) => items.iter().map(|(s, _)| s.as_str()).collect(),
                OpKind::Edit { add, remove } => {
                    add.iter().chain(remove).map(|(s, _)| s.as_str()).collect()
                }
                _ => Vec::new(),
            };
            for t in texts {
                assert_eq!(layer::text_problem(t), None, "{}: {t:?}", op.path);
            }
        }
        let _ = jobpost::load::merge(&[&layer]);
    }
});
