//! Build step: turns the data files in `data/` into static Rust tables (no JSON parsing in the
//! browser at start-up). Each generator lives in its own file under `build/`.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "build/i18n.rs"]
mod i18n;
#[path = "build/kb.rs"]
mod kb;
#[path = "build/search_kb.rs"]
mod search_kb;
#[path = "build/terms.rs"]
mod terms;
#[path = "src/core/textsim.rs"]
mod textsim;
#[path = "build/util.rs"]
mod util;
#[path = "build/wizard.rs"]
mod wizard;

fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    catalog::generate(&out_dir);
    let zh = i18n::Zh::load();
    kb::generate(&out_dir, &zh);
    search_kb::generate(&out_dir);
    terms::generate(&out_dir);
    wizard::generate(&out_dir, &zh);
    std::fs::write(out_dir.join("i18n.rs"), zh.emit_report()).expect("write i18n.rs");
}
