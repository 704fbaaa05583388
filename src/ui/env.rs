//! Where a view is rendered: the site's base path, its origin when known, and the query string
//! the page was loaded with. The static-page generator builds one per page; in the browser each
//! island gets one read from the location ([`super::browser::env`]). Views take it from context
//! with [`use_env`], never from `window()`, so they render the same natively and in the browser.

use crate::core::lang::Lang;
use crate::core::routes::{normalize_base, parse_query, Route};
use leptos::prelude::*;

/// The rendering environment of a page (provided as context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Env {
    /// `/` or `/some/path/`: the site's root, the same for both languages.
    pub base: String,
    /// The page's language: its text, and where its links go (`/zh/…` for Chinese).
    pub lang: Lang,
    /// `https://example.org` when the build knows its address (or in the browser).
    pub origin: Option<String>,
    /// The query string the page was loaded with (`?a=b` or empty). Empty when generating.
    pub query: String,
    /// The analysis worker's Trunk output name (`okx-doctor-worker-<hash>`), when the build has it.
    pub worker: Option<String>,
}

impl Default for Env {
    fn default() -> Self {
        Env::new("/", None)
    }
}

impl Env {
    /// An environment for `base` (normalised) with no query.
    pub fn new(base: &str, origin: Option<&str>) -> Self {
        Env {
            base: normalize_base(base),
            lang: Lang::En,
            origin: origin.map(|o| o.trim_end_matches('/').to_string()),
            query: String::new(),
            worker: None,
        }
    }

    /// The same environment with `query` as the page's query string.
    pub fn with_query(mut self, query: &str) -> Self {
        self.query = query.to_string();
        self
    }

    /// The same environment in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The href of a route in the page's language, under the base path.
    pub fn href(&self, route: &Route) -> String {
        route.href_in(&self.base, self.lang)
    }

    /// The href of a route in `lang` (the language switch, `hreflang` alternates).
    pub fn href_in(&self, route: &Route, lang: Lang) -> String {
        route.href_in(&self.base, lang)
    }

    /// The href of the wizard with `query` (`?c=…&code=…`, built by `core::wizard`): the links
    /// from error pages, cards, paste findings and the wizard's own category list.
    pub fn wizard_href(&self, query: &str) -> String {
        format!("{}{query}", self.href(&Route::Wizard))
    }

    /// The href of a static file of the site (`embed.js`, `favicon.svg`).
    pub fn asset(&self, file: &str) -> String {
        format!("{}{}", self.base, file.trim_start_matches('/'))
    }

    /// The absolute URL of a route in the page's language, when the origin is known.
    pub fn absolute(&self, route: &Route) -> Option<String> {
        self.absolute_in(route, self.lang)
    }

    /// The absolute URL of a route in `lang`, when the origin is known.
    pub fn absolute_in(&self, route: &Route, lang: Lang) -> Option<String> {
        self.origin
            .as_ref()
            .map(|o| format!("{o}{}", self.href_in(route, lang)))
    }

    /// A value of the page's query string.
    pub fn param(&self, name: &str) -> Option<String> {
        parse_query(&self.query)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

/// The environment from context (the default one when none was provided).
pub fn use_env() -> Env {
    use_context::<Env>().unwrap_or_default()
}
