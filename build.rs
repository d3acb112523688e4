//! Embeds every file of `roles/`, `templates/` and `src/locale/` into the binary,
//! so the tool works from any folder and a user folder can override presets and
//! templates name by name.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::new();
    for (name, dir) in [
        ("ROLES", "roles"),
        ("TEMPLATES", "templates"),
        ("LOCALES", "src/locale"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.is_file());
        files.sort();
        writeln!(
            code,
            "/// Files embedded from `{dir}/`: (file name, contents)."
        )
        .unwrap();
        writeln!(code, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for path in files {
            let file = path.file_name().unwrap().to_string_lossy();
            let abs = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join(&path);
            writeln!(
                code,
                "    ({file:?}, include_str!({:?})),",
                abs.display().to_string()
            )
            .unwrap();
            println!("cargo:rerun-if-changed={}", path.display());
        }
        writeln!(code, "];").unwrap();
    }
    std::fs::write(Path::new(&out).join("embedded.rs"), code).unwrap();
}
