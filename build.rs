//! Embeds the rule files of `rules/` in the binary, so that `guichet serve`
//! runs from any directory and a deployed binary carries the rules it was
//! tested with.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dossier = Path::new(&manifest).join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut fichiers: Vec<_> = fs::read_dir(&dossier)
        .expect("the rules/ directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    fichiers.sort();
    let mut code = String::from(
        "/// Rule files embedded at build time: (file name, text).\npub static REGLES_INTEGREES: &[(&str, &str)] = &[\n",
    );
    for f in &fichiers {
        println!("cargo:rerun-if-changed={}", f.display());
        let nom = f.file_name().unwrap().to_string_lossy().to_string();
        code.push_str(&format!(
            "    ({nom:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("regles_integrees.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
