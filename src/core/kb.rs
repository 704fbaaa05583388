//! The knowledge base: what each category means, ranked causes with how to confirm them, fixes,
//! verification steps and code snippets per library; and code-specific knowledge for the
//! frequent codes. The text lives in `data/kb/` and is compiled into static tables by
//! `build/kb.rs`, which validates it (every category once, codes exist in the catalog, no empty
//! fix or verify step) and fails the build otherwise.
//!
//! A finding's or page's causes come from one rule, [`causes_for_message`] (and its titles-only
//! twin for the paste box): the code's own causes first, then the category's causes that they do
//! not already say, without causes about a parameter the message does not name.

use super::category::Category;
use super::facts::Library;
use super::lang::Lang;
use crate::t;

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
    /// The request parameters this cause is about (`["posSide"]`); empty for most causes. A
    /// message that names another parameter of [`KNOWN_PARAMS`] and none of these leaves it out.
    pub params: &'static [&'static str],
    /// Category cause ids this code cause says again or contradicts; they are left out wherever
    /// this cause is shown (resolved by `build/kb.rs`; always empty for category causes).
    pub replaces: &'static [&'static str],
}

/// What the merging of causes needs of a cause, without its long texts: the paste box's bundle
/// carries only these (see [`cause_titles`]).
#[derive(Debug, Clone, Copy)]
pub struct CauseHead {
    pub id: &'static str,
    pub title: &'static str,
    /// The fix's first sentence: the one-line fix the paste box shows under each cause.
    pub fix: &'static str,
    pub params: &'static [&'static str],
    pub replaces: &'static [&'static str],
}

impl Cause {
    /// The fields of this cause that [`CauseHead`] keeps.
    pub fn head(&self) -> CauseHead {
        CauseHead {
            id: self.id,
            title: self.title,
            fix: first_sentence(self.fix),
            params: self.params,
            replaces: self.replaces,
        }
    }
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

// The generated tables come in both languages (`CATEGORY_INFOS_EN`, `CATEGORY_INFOS_ZH` …); a wasm
// build has only its own (see `crate::core::lang`), and `t!` picks the one there is.
include!(concat!(env!("OUT_DIR"), "/kb.rs"));

/// Knowledge for every category in `lang`, in `Category::ALL` order (the build guarantees every
/// category has an entry).
pub fn category_infos_in(lang: Lang) -> &'static [CategoryInfo] {
    t!(lang, CATEGORY_INFOS_EN, CATEGORY_INFOS_ZH)
}

/// Every code with hand-written knowledge in `lang`, sorted by code.
pub fn code_infos_in(lang: Lang) -> &'static [CodeInfo] {
    t!(lang, CODE_INFOS_EN, CODE_INFOS_ZH)
}

/// Every snippet in the knowledge base (titles in `lang`), once each.
pub fn all_snippets_in(lang: Lang) -> &'static [Snippet] {
    t!(lang, ALL_SNIPPETS_EN, ALL_SNIPPETS_ZH)
}

/// Knowledge for a category in `lang`.
pub fn category_info_in(lang: Lang, c: Category) -> Option<&'static CategoryInfo> {
    category_infos_in(lang).iter().find(|i| i.category == c)
}

/// Hand-written knowledge for a code in `lang`, if any. A sub-code (`51008_1000`) falls back to
/// its base code's knowledge when it has none of its own.
pub fn code_info_in(lang: Lang, code: &str) -> Option<&'static CodeInfo> {
    let infos = code_infos_in(lang);
    infos.iter().find(|i| i.code == code).or_else(|| {
        let (base, _) = code.split_once('_')?;
        infos.iter().find(|i| i.code == base)
    })
}

/// [`category_info_in`] English (in a wasm build: the build's language).
pub fn category_info(c: Category) -> Option<&'static CategoryInfo> {
    category_info_in(Lang::En, c)
}

/// [`code_info_in`] English (in a wasm build: the build's language).
pub fn code_info(code: &str) -> Option<&'static CodeInfo> {
    code_info_in(Lang::En, code)
}

/// [`code_infos_in`] English (in a wasm build: the build's language).
pub fn code_infos() -> &'static [CodeInfo] {
    code_infos_in(Lang::En)
}

/// [`category_infos_in`] English (in a wasm build: the build's language).
pub fn category_infos() -> &'static [CategoryInfo] {
    category_infos_in(Lang::En)
}

/// [`all_snippets_in`] English (in a wasm build: the build's language).
pub fn all_snippets() -> &'static [Snippet] {
    all_snippets_in(Lang::En)
}

/// The data texts still without Chinese, and Chinese entries whose English is gone, as the build
/// found them (`build/i18n.rs`; the parity test `tests/i18n.rs` wants both empty).
pub mod i18n_report {
    include!(concat!(env!("OUT_DIR"), "/i18n.rs"));
}

/// A human label for a snippet's library id: a library's own name ([`Library::label`]), or what
/// the code is for the ids that are no library; `code` for an unknown id.
pub fn lib_label(lib: &str) -> &'static str {
    match lib {
        "python" => "Python",
        "shell" => "shell",
        // Library::Other's code examples: shorter than its name in the picker.
        "http" => "raw HTTP",
        _ => Library::from_id(lib).map(Library::label).unwrap_or("code"),
    }
}

/// Snippets for a finding: the code's own first, then the category's (no duplicates).
pub fn snippets(code: Option<&str>, category: Category) -> Vec<&'static Snippet> {
    snippets_in(Lang::En, code, category)
}

/// [`snippets`] with titles in `lang`.
pub fn snippets_in(lang: Lang, code: Option<&str>, category: Category) -> Vec<&'static Snippet> {
    let mut out: Vec<&'static Snippet> = Vec::new();
    let code_snips = code
        .and_then(|c| code_info_in(lang, c))
        .map(|i| i.snippets)
        .unwrap_or(&[]);
    let cat_snips = category_info_in(lang, category).map(|i| i.snippets).unwrap_or(&[]);
    for s in code_snips.iter().chain(cat_snips.iter()) {
        if !out.iter().any(|o| o.id == s.id) {
            out.push(s);
        }
    }
    out
}

/// The known parameters ([`KNOWN_PARAMS`]) that `message` names as whole words, case-sensitively
/// as OKX spells them (`Parameter posSide error` names `posSide`, not `side`).
pub fn named_params(message: &str) -> Vec<&'static str> {
    KNOWN_PARAMS
        .iter()
        .copied()
        .filter(|p| names_word(message, p))
        .collect()
}

/// Whether `word` occurs in `text` with no ASCII letter or digit right before or after it.
fn names_word(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(word).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + word.len()).copied();
        !before.is_some_and(|b| b.is_ascii_alphanumeric()) && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

/// The one rule for a finding's causes, in order: the code's own causes, without those about a
/// parameter other than the ones the message names; then the category's causes, without those
/// that a kept code cause replaces (says again or contradicts). Near-duplicates by text are in
/// `replaces` too (`build/kb.rs`, `src/core/textsim.rs`).
///
/// `head` gives what the rule reads of a row ([`Cause::head`], or the row itself).
fn merge<'a, T>(own: &'a [T], category: &'a [T], message: &str, head: impl Fn(&T) -> CauseHead) -> Vec<&'a T> {
    let named = named_params(message);
    let relevant = |h: CauseHead| h.params.is_empty() || named.is_empty() || h.params.iter().any(|p| named.contains(p));
    let mut out: Vec<&'a T> = own.iter().filter(|c| relevant(head(c))).collect();
    let replaced = |id: &str| out.iter().any(|c| head(c).replaces.contains(&id));
    let kept: Vec<&'a T> = category
        .iter()
        .filter(|c| relevant(head(c)) && !replaced(head(c).id))
        .collect();
    out.extend(kept);
    out
}

/// The knowledge rows of `code` in a `(code, rows)` table, with the same sub-code fallback as
/// [`code_info`].
fn own_rows<T: 'static>(table: &'static [(&'static str, &'static [T])], code: Option<&str>) -> &'static [T] {
    let find = |c: &str| table.iter().find(|(k, _)| *k == c).map(|(_, rows)| *rows);
    code.and_then(|c| find(c).or_else(|| c.split_once('_').and_then(|(base, _)| find(base))))
        .unwrap_or(&[])
}

/// The first sentence of `s` (up to ". " or "。"), the whole of it when it has one sentence.
pub fn first_sentence(s: &str) -> &str {
    let en = s.find(". ").map(|i| i + 1);
    let zh = s.find('。').map(|i| i + '。'.len_utf8());
    match (en, zh) {
        (Some(a), Some(b)) => &s[..a.min(b)],
        (Some(i), None) | (None, Some(i)) => &s[..i],
        (None, None) => s,
    }
}

/// The one-line fix of the cause titled `title` (as the engine lists it, in the build's or the
/// English tables) in `lang`; `None` for a title the knowledge base does not have.
pub fn cause_fix_for_title(lang: Lang, title: &str) -> Option<&'static str> {
    let title = cause_title_in(lang, title);
    let code_heads = t!(lang, CODE_CAUSE_HEADS_EN, CODE_CAUSE_HEADS_ZH)
        .iter()
        .map(|(_, h)| *h);
    let cat_heads = t!(lang, CATEGORY_CAUSE_HEADS_EN, CATEGORY_CAUSE_HEADS_ZH)
        .iter()
        .map(|(_, h)| *h);
    code_heads
        .chain(cat_heads)
        .flat_map(|h| h.iter())
        .find(|h| h.title == title)
        .map(|h| h.fix)
}

/// A cause title of the English tables in `lang`: the Chinese title of the same cause (the
/// engine lists cause titles in English natively; a wasm build already has its own language's).
pub fn cause_title_in(lang: Lang, title: &str) -> &str {
    #[cfg(not(target_arch = "wasm32"))]
    if lang == Lang::Zh {
        let pairs = CODE_CAUSE_HEADS_EN
            .iter()
            .zip(CODE_CAUSE_HEADS_ZH)
            .map(|((_, en), (_, zh))| (*en, *zh))
            .chain(
                CATEGORY_CAUSE_HEADS_EN
                    .iter()
                    .zip(CATEGORY_CAUSE_HEADS_ZH)
                    .map(|((_, en), (_, zh))| (*en, *zh)),
            );
        for (en, zh) in pairs {
            if let Some(i) = en.iter().position(|h| h.title == title) {
                return zh[i].title;
            }
        }
    }
    let _ = lang;
    title
}

/// The titles of [`causes`], in the same order, from tables of their own (the paste box needs
/// only the titles; `tests/kb.rs` checks that both always agree).
pub fn cause_titles(code: Option<&str>, category: Category) -> Vec<&'static str> {
    cause_titles_for_message(code, category, "")
}

/// The titles of [`causes_for_message`], in the same order.
pub fn cause_titles_for_message(code: Option<&str>, category: Category, message: &str) -> Vec<&'static str> {
    cause_titles_for_message_in(Lang::En, code, category, message)
}

/// [`cause_titles_for_message`] in `lang`.
pub fn cause_titles_for_message_in(
    lang: Lang,
    code: Option<&str>,
    category: Category,
    message: &str,
) -> Vec<&'static str> {
    let own = own_rows(t!(lang, CODE_CAUSE_HEADS_EN, CODE_CAUSE_HEADS_ZH), code);
    let cat = t!(lang, CATEGORY_CAUSE_HEADS_EN, CATEGORY_CAUSE_HEADS_ZH)
        .iter()
        .find(|(c, _)| *c == category)
        .map(|(_, h)| *h)
        .unwrap_or(&[]);
    merge(own, cat, message, |h| *h).into_iter().map(|h| h.title).collect()
}

/// Ranked causes for a code in a category: the code's own causes first, then the category's
/// causes that none of them replaces. No two say the same thing (`tests/kb.rs` checks every
/// catalog code).
pub fn causes(code: Option<&str>, category: Category) -> Vec<&'static Cause> {
    causes_for_message(code, category, "")
}

/// [`causes`] for a finding whose message is known: a message that names a parameter (`Parameter
/// posSide error`) also leaves out the causes about other parameters (tdMode, ordType…).
pub fn causes_for_message(code: Option<&str>, category: Category, message: &str) -> Vec<&'static Cause> {
    causes_for_message_in(Lang::En, code, category, message)
}

/// [`causes_for_message`] in `lang` (the same causes in the same order; only the text differs).
pub fn causes_for_message_in(lang: Lang, code: Option<&str>, category: Category, message: &str) -> Vec<&'static Cause> {
    let own = code
        .and_then(|c| code_info_in(lang, c))
        .map(|i| i.causes)
        .unwrap_or(&[]);
    let cat = category_info_in(lang, category).map(|i| i.causes).unwrap_or(&[]);
    merge(own, cat, message, Cause::head)
}
