//! The knowledge base: what each category means, ranked causes with how to confirm them, fixes,
//! verification steps and code snippets per library; and code-specific knowledge for the
//! frequent codes. The text lives in `data/kb/` and is compiled into static tables by
//! `build/kb.rs`, which validates it (every category once, codes exist in the catalog, no empty
//! fix or verify step) and fails the build otherwise.

use super::category::Category;

/// One likely cause, with how to confirm it, the fix, and how to verify the fix worked.
#[derive(Debug, Clone, Copy)]
pub struct Cause {
    /// Stable id, unique within its category or code (`"wrong_region_host"`).
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub confirm: &'static str,
    pub fix: &'static str,
    pub verify: &'static str,
}

/// A code example for one library.
#[derive(Debug, Clone, Copy)]
pub struct Snippet {
    /// Stable id of the snippet in `data/kb/` (`"demo-ccxt-python"`).
    pub id: &'static str,
    /// Library id: `ccxt-python`, `ccxt-js`, `python-okx`, `okx-api-node`, `python` (plain), `shell`, `http`.
    pub lib: &'static str,
    pub title: &'static str,
    pub code: &'static str,
}

/// What a category means, its ranked causes and snippets.
#[derive(Debug, Clone, Copy)]
pub struct CategoryInfo {
    pub category: Category,
    pub meaning: &'static str,
    pub causes: &'static [Cause],
    pub snippets: &'static [Snippet],
}

/// Hand-written knowledge for one code.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    pub code: &'static str,
    pub summary: &'static str,
    pub causes: &'static [Cause],
    pub snippets: &'static [Snippet],
    pub related: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/kb.rs"));

/// Knowledge for a category (the build guarantees every category has an entry).
pub fn category_info(c: Category) -> Option<&'static CategoryInfo> {
    CATEGORY_INFOS.iter().find(|i| i.category == c)
}

/// Hand-written knowledge for a code, if any. A sub-code (`51008_1000`) falls back to its base
/// code's knowledge when it has none of its own.
pub fn code_info(code: &str) -> Option<&'static CodeInfo> {
    CODE_INFOS.iter().find(|i| i.code == code).or_else(|| {
        let (base, _) = code.split_once('_')?;
        CODE_INFOS.iter().find(|i| i.code == base)
    })
}

/// Every code with hand-written knowledge, sorted by code.
pub fn code_infos() -> &'static [CodeInfo] {
    CODE_INFOS
}

/// Knowledge for every category, in `Category::ALL` order.
pub fn category_infos() -> &'static [CategoryInfo] {
    CATEGORY_INFOS
}

/// Every snippet in the knowledge base, once each.
pub fn all_snippets() -> &'static [Snippet] {
    ALL_SNIPPETS
}

/// A human label for a snippet's library id.
pub fn lib_label(lib: &str) -> &'static str {
    match lib {
        "ccxt-python" => "ccxt (Python)",
        "ccxt-js" => "ccxt (JavaScript)",
        "python-okx" => "python-okx",
        "okx-api-node" => "okx-api (Node)",
        "python" => "Python",
        "shell" => "shell",
        "http" => "HTTP",
        _ => "code",
    }
}

/// Snippets for a finding: the code's own first, then the category's (no duplicates).
pub fn snippets(code: Option<&str>, category: Category) -> Vec<&'static Snippet> {
    let mut out: Vec<&'static Snippet> = Vec::new();
    let code_snips = code.and_then(code_info).map(|i| i.snippets).unwrap_or(&[]);
    let cat_snips = category_info(category).map(|i| i.snippets).unwrap_or(&[]);
    for s in code_snips.iter().chain(cat_snips.iter()) {
        if !out.iter().any(|o| o.id == s.id) {
            out.push(s);
        }
    }
    out
}

/// The titles of [`causes`], in the same order, from a table of their own (the paste box needs
/// only the titles; `tests/kb.rs` checks that both always agree).
pub fn cause_titles(code: Option<&str>, category: Category) -> Vec<&'static str> {
    let find = |c: &str| CODE_CAUSE_TITLES.iter().find(|(k, _)| *k == c).map(|(_, t)| *t);
    // Same fallback as `code_info`: a sub-code without knowledge of its own uses its base code's
    // (the table has a row, maybe empty, for every code with knowledge).
    let own = code.and_then(|c| find(c).or_else(|| c.split_once('_').and_then(|(base, _)| find(base))));
    let mut out: Vec<&'static str> = own.unwrap_or(&[]).to_vec();
    if let Some((_, t)) = CATEGORY_CAUSE_TITLES.iter().find(|(c, _)| *c == category) {
        out.extend_from_slice(t);
    }
    out
}

/// Ranked causes for a finding: the code's own causes first, then its category's.
pub fn causes(code: Option<&str>, category: Category) -> Vec<&'static Cause> {
    let mut out: Vec<&'static Cause> = Vec::new();
    if let Some(info) = code.and_then(code_info) {
        out.extend(info.causes.iter());
    }
    if let Some(info) = category_info(category) {
        out.extend(info.causes.iter());
    }
    out
}
