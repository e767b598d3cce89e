//! Hygiene rules of the code base, checked as ordinary tests.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_domain_names_no_browser_or_ui_crate_nor_the_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("domain.rs"), root.join("route.rs")];
    rust_files(&root.join("domain"), &mut files);
    let forbidden = [
        "leptos",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
        "gloo",
        "Utc::now",
        "Local::now",
        "rand::",
    ];
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
        for word in forbidden {
            assert!(!text.contains(word), "{} mentions {word}", file.display());
        }
    }
}

/// Every Rust file under src/.
fn src_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files
}

#[test]
fn every_module_opens_with_a_doc_comment() {
    for file in src_files() {
        let text = fs::read_to_string(&file).expect("readable file");
        assert!(
            text.starts_with("//!"),
            "{} has no //! header",
            file.display()
        );
    }
}

#[test]
fn user_text_is_never_rendered_as_html() {
    for file in src_files() {
        let text = fs::read_to_string(&file).expect("readable file");
        for word in [
            "inner_html",
            "set_inner_html",
            "outer_html",
            "insert_adjacent_html",
        ] {
            assert!(!text.contains(word), "{} uses {word}", file.display());
        }
    }
}
