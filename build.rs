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
    lint_data_as_json(Path::new(&out));
}

/// Writes each lint data file (`src/lint/data/<name>.toml`) as JSON into `OUT_DIR`, and
/// `lint_data.rs` listing them: parsing TOML was most of what a one-file lint spent
/// before reading its file, and the same data reads several times faster as JSON. The
/// TOML files stay the source a linguist edits; a broken one fails the build here,
/// naming the file.
fn lint_data_as_json(out: &Path) {
    let dir = Path::new("src/lint/data");
    println!("cargo:rerun-if-changed={}", dir.display());
    let json_dir = out.join("lint-data");
    std::fs::create_dir_all(&json_dir).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut code = String::from("/// The lint data files as JSON: (name, contents).\n");
    code.push_str("pub static JSON: &[(&str, &str)] = &[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let target = json_dir.join(format!("{name}.json"));
        std::fs::write(&target, serde_json::to_string(&value).unwrap()).unwrap();
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            target.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out.join("lint_data.rs"), code).unwrap();
}
