//! The Chinese vocabulary of OKX API users (`data/i18n/terms.toml`, compiled by `build/terms.rs`):
//! which Chinese term our Simplified Chinese pages use for an English one, with a usage note where
//! it matters, and the Chinese words the search understands.

/// One term: the English our pages write and the Chinese to write for it.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub en: &'static str,
    pub zh: &'static str,
    /// Other Chinese forms in use (OKX's UI, the community); recognised, not written.
    pub zh_alt: &'static [&'static str],
    pub note: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/terms.rs"));

/// Every term, in file order.
pub fn terms() -> &'static [Term] {
    TERMS
}

/// The Chinese term for an English one (`"position mode"` → `"持仓模式"`), case-insensitive.
pub fn zh_for(en: &str) -> Option<&'static str> {
    TERMS
        .iter()
        .find(|t| t.en.eq_ignore_ascii_case(en.trim()))
        .map(|t| t.zh)
}

/// Every Chinese form with the English term it stands for, longest form first (the search's
/// table; it has no notes).
pub(crate) fn search_forms() -> &'static [(&'static str, &'static str)] {
    SEARCH_TERMS
}
