//! The site's two languages, and how text is picked for one of them.
//!
//! English pages live at the site's URLs, Simplified Chinese ones under `zh/` (`/zh/e/50113/`).
//! Every user-facing string is written in both languages where it is used, with [`t!`](crate::t)
//! (`t!(lang, "Copy", "复制")`) or [`tf!`](crate::tf) for formatted text, so a string cannot exist
//! in one language only. Data text (knowledge base, wizard) is translated in `data/i18n/zh/`, and
//! the build fails when a text has no translation (`build/i18n.rs`).
//!
//! Size: natively both languages are compiled in (the page generator writes both). A wasm build
//! carries one: English by default, Chinese with the cargo feature `zh`. There `t!` drops the
//! other language's literal at compile time, and the generated data tables of the other language
//! are left out, so a page in one language loads no text of the other.

/// A language of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

/// The cookie-free preference key under which a visitor's chosen language is remembered
/// (localStorage; a preference, never input).
pub const STORAGE_KEY: &str = "okx-doctor-lang";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// Short id, as in URLs and options: `en`, `zh`.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The value of `<html lang>` and of `hreflang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The Open Graph locale.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_US",
            Lang::Zh => "zh_CN",
        }
    }

    /// The path segment the language's pages live under, with its slash (`""` or `"zh/"`).
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Zh => "zh/",
        }
    }

    /// The other language (the language switch's target).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// Parses an id or a BCP 47 tag (`zh`, `zh-CN`, `zh-Hans`, `en-GB` …); Traditional Chinese
    /// tags (`zh-TW`, `zh-HK`, `zh-Hant`) are not Simplified Chinese and give `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let mut parts = s.split(['-', '_']);
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest.iter().any(|p| matches!(*p, "tw" | "hk" | "mo" | "hant"));
                (!traditional).then_some(Lang::Zh)
            }
            _ => None,
        }
    }

    /// The language a browser prefers, from `navigator.languages` in order: the first of them we
    /// have. Used only to *suggest* the other language on a first visit, never to redirect.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::parse)
    }

    /// The language this build carries text for: both natively (`None`), one in a wasm build.
    pub fn compiled() -> Option<Lang> {
        if cfg!(not(target_arch = "wasm32")) {
            None
        } else if cfg!(feature = "zh") {
            Some(Lang::Zh)
        } else {
            Some(Lang::En)
        }
    }
}

/// Picks the text of `lang`: `t!(lang, "Copy", "复制")` is a `&'static str` (or whatever type both
/// arms have). In a wasm build only the compiled language's arm is kept (see the module docs).
#[cfg(not(target_arch = "wasm32"))]
#[macro_export]
macro_rules! t {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            $crate::core::lang::Lang::En => $en,
            $crate::core::lang::Lang::Zh => $zh,
        }
    };
}

/// Picks the text of `lang` (wasm, English build: the Chinese arm is dropped).
#[cfg(all(target_arch = "wasm32", not(feature = "zh")))]
#[macro_export]
macro_rules! t {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {{
        let _: $crate::core::lang::Lang = $lang;
        $en
    }};
}

/// Picks the text of `lang` (wasm, Chinese build: the English arm is dropped).
#[cfg(all(target_arch = "wasm32", feature = "zh"))]
#[macro_export]
macro_rules! t {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {{
        let _: $crate::core::lang::Lang = $lang;
        $zh
    }};
}

/// Formatted text in `lang`: `tf!(lang, "{n} errors found", "找到 {n} 个错误", n = 3)` is a
/// `String`. Both format strings get the same arguments; like [`t!`](crate::t), a wasm build keeps
/// one of them.
#[macro_export]
macro_rules! tf {
    ($lang:expr, $en:literal, $zh:literal $(, $($arg:tt)*)?) => {
        $crate::t!($lang, format!($en $(, $($arg)*)?), format!($zh $(, $($arg)*)?))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_and_keeps_traditional_chinese_apart() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("ZH"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-TW"), None);
        assert_eq!(Lang::parse("zh-Hant"), None);
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::preferred(["de-DE", "zh-CN", "en"]), Some(Lang::Zh));
        assert_eq!(Lang::preferred(["fr", "ja"]), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.id()), Some(l));
            assert_eq!(Lang::parse(l.tag()), Some(l));
            assert_eq!(l.other().other(), l);
        }
    }

    #[test]
    fn t_picks_the_language() {
        assert_eq!(crate::t!(Lang::En, "Copy", "复制"), "Copy");
        assert_eq!(crate::t!(Lang::Zh, "Copy", "复制"), "复制");
        let n = 3;
        assert_eq!(crate::tf!(Lang::Zh, "{n} found", "找到 {n} 个"), "找到 3 个");
        assert_eq!(crate::tf!(Lang::En, "{} found", "找到 {} 个", n), "3 found");
    }
}
