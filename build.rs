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
        // Presets in other languages sit one folder down (`roles/de/cashier.toml`)
        // and are embedded under that name.
        if dir == "roles" {
            let subdirs: Vec<_> = files.iter().filter(|p| p.is_dir()).cloned().collect();
            for sub in subdirs {
                println!("cargo:rerun-if-changed={}", sub.display());
                files.extend(
                    std::fs::read_dir(&sub)
                        .map(|rd| {
                            rd.filter_map(|e| e.ok())
                                .map(|e| e.path())
                                .collect::<Vec<_>>()
                        })
                        .unwrap_or_default(),
                );
            }
        }
        files.retain(|p| p.is_file());
        files.sort();
        writeln!(
            code,
            "/// Files embedded from `{dir}/`: (file name, contents)."
        )
        .unwrap();
        writeln!(code, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for path in files {
            let file = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
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
