//! Helpers shared by the build-time generators.
#![allow(dead_code)]

/// A Rust string literal for `s` (Debug formatting of `str` is valid Rust syntax).
pub fn lit(s: &str) -> String {
    format!("{:?}", s)
}

pub fn opt_lit(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", lit(s)),
        None => "None".to_string(),
    }
}

pub fn str_slice(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| lit(s)).collect();
    format!("&[{}]", parts.join(", "))
}

pub fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}
