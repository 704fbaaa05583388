//! The knowledge base: what each category means, ranked causes with how to confirm them, fixes,
//! verification steps and code snippets per library; and code-specific knowledge for the
//! frequent codes. The text lives in `data/kb/` and is compiled into static tables by
//! `build/kb.rs`. (Content being written: issue 4.)

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
    /// Library id: `ccxt-python`, `ccxt-js`, `python-okx`, `okx-api-node`, `shell`, `http`.
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

/// Knowledge for a category (every category has an entry once the data is written).
pub fn category_info(_c: Category) -> Option<&'static CategoryInfo> {
    None
}

/// Hand-written knowledge for a code, if any.
pub fn code_info(_code: &str) -> Option<&'static CodeInfo> {
    None
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
