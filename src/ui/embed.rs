//! Embedding: the pages under `/embed/` run inside other sites' iframes.
//!
//! - Auto-height: a `ResizeObserver` on `<html>` posts the content height to the parent window
//!   (`{type: "okx-doctor:resize", height}`, read by `public/embed.js`), plus WordPress's
//!   `{message: "height", value, secret}` when the URL has `#?secret=…` (wp-embed.js).
//!   Nothing is posted when the page is not framed.
//! - URL options: `theme` (applied by `public/theme.js`, never stored), `compact=1`, `lang=…`.
//! - Links open the full site in a new tab.
//! - [`EmbedPanel`]: the "Embed this in your blog" snippets shown on the full site's pages.

use super::app::use_nav;
use super::error_page::CopyButton;
use super::util::query_param;
use crate::core::kb::Snippet;
use crate::core::routes::{EmbedRoute, Route};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Snippet languages an embed can put first (`?lang=`).
pub const LANGS: [&str; 4] = ["ccxt-python", "ccxt-js", "python-okx", "okx-api-node"];

/// Options an embed page reads from its URL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `compact=1`: hide secondary sections (other wordings, sub-codes, related codes).
    pub compact: bool,
    /// `lang=<lib>`: show this library's snippets first (only values of [`LANGS`]).
    pub lang: Option<&'static str>,
}

/// Parses the embed options from a query string's values (pure, testable).
pub fn parse_options(compact: Option<&str>, lang: Option<&str>) -> EmbedOptions {
    EmbedOptions {
        compact: matches!(compact, Some("1" | "true" | "yes")),
        lang: lang.and_then(|l| LANGS.iter().copied().find(|k| *k == l)),
    }
}

/// The embed options of the current URL.
pub fn options() -> EmbedOptions {
    parse_options(query_param("compact").as_deref(), query_param("lang").as_deref())
}

/// Puts the snippets of `lang` first, keeping the order otherwise (stable).
pub fn order_snippets(snippets: &mut [&'static Snippet], lang: Option<&str>) {
    if let Some(lang) = lang {
        snippets.sort_by_key(|s| s.lib != lang);
    }
}

/// WordPress's secret from `#?secret=XYZ` (only `[A-Za-z0-9]{1,32}`; anything else is ignored).
pub fn wp_secret(hash: &str) -> Option<String> {
    let rest = hash.trim_start_matches('#').trim_start_matches('?');
    let value = rest.split('&').find_map(|kv| kv.strip_prefix("secret="))?;
    (!value.is_empty() && value.len() <= 32 && value.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| value.to_string())
}

/// Starts everything an embed page needs. Called once by the app on embed routes.
pub fn start() {
    open_links_in_new_tab();
    start_auto_height();
}

/// Every link inside an embed opens the full site in a new tab (capture phase, before the app's
/// in-app navigation sees the click).
fn open_links_in_new_tab() {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        if let Ok(Some(a)) = el.closest("a[href]") {
            let _ = a.set_attribute("target", "_blank");
            let _ = a.set_attribute("rel", "noopener");
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool("click", handler.as_ref().unchecked_ref(), true);
    handler.forget();
}

fn framed() -> Option<web_sys::Window> {
    let parent = window().parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window())).then_some(parent)
}

fn start_auto_height() {
    let Some(parent) = framed() else { return };
    // offsetHeight of <html>: the content's height (never the viewport's, so the frame can shrink).
    let Some(html) = document()
        .document_element()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let secret = wp_secret(&window().location().hash().unwrap_or_default());
    let last = Rc::new(Cell::new(-1.0f64));
    let post = {
        let html = html.clone();
        move || {
            let height = f64::from(html.offset_height());
            if height == last.get() {
                return;
            }
            last.set(height);
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &"okx-doctor:resize".into());
            let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
            let _ = parent.post_message(&msg, "*");
            if let Some(secret) = &secret {
                let wp = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&wp, &"message".into(), &"height".into());
                let _ = js_sys::Reflect::set(&wp, &"value".into(), &height.into());
                let _ = js_sys::Reflect::set(&wp, &"secret".into(), &secret.into());
                let _ = parent.post_message(&wp, "*");
            }
        }
    };
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&html);
        // Lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// The small line under every embed: a link to the full site and what the widget is.
#[component]
pub fn EmbedAttribution() -> impl IntoView {
    let nav = use_nav();
    view! {
        // A <footer> (contentinfo landmark), so no content of the embed sits outside a landmark.
        <footer class="embed-attribution">
            <details class="embed-about" data-testid="embed-about">
                <summary>"About this widget"</summary>
                <p>
                    "okx-doctor explains OKX API v5 errors. It runs entirely in your browser: nothing you "
                    "paste or type here is sent anywhere. Not affiliated with OKX."
                </p>
            </details>
            <a href=nav.href(&Route::Home) target="_blank" rel="noopener">
                "okx-doctor"
            </a>
        </footer>
    }
}

/// What to embed for a page of the full site: (data-okx-doctor value, embed route, iframe title).
fn embed_target(route: &Route) -> Option<(String, Route, String)> {
    match route {
        Route::Home => Some((
            "paste".into(),
            Route::Embed(EmbedRoute::Helper),
            "okx-doctor: paste and diagnose".into(),
        )),
        Route::Clock => Some((
            "clock".into(),
            Route::Embed(EmbedRoute::Clock),
            "okx-doctor: clock check".into(),
        )),
        Route::Error(code) => Some((
            code.clone(),
            Route::Embed(EmbedRoute::Error(code.clone())),
            format!("okx-doctor: error {code}"),
        )),
        _ => None,
    }
}

/// The two snippets (embed.js, raw iframe) for `route`, with absolute URLs on `origin`
/// (`https://host`) under the base path `base` (`/` or `/sub/`).
pub fn snippets(route: &Route, origin: &str, base: &str) -> Option<(String, String)> {
    let (key, embed, title) = embed_target(route)?;
    let src = format!("{origin}{}", embed.href(base));
    let script = format!("{origin}{}embed.js", crate::core::routes::normalize_base(base));
    let js = format!(
        "<div data-okx-doctor=\"{key}\"><a href=\"{src}\">{title}</a></div>\n<script src=\"{script}\" async></script>"
    );
    let iframe = format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" allow=\"clipboard-write\" width=\"100%\" height=\"600\" style=\"border:0\"></iframe>"
    );
    Some((js, iframe))
}

/// "Embed this in your blog": both snippet forms with copy buttons. Not shown inside embeds.
#[component]
pub fn EmbedPanel(route: Route) -> impl IntoView {
    let nav = use_nav();
    let origin = window().location().origin().unwrap_or_default();
    let Some((js, iframe)) = snippets(&route, &origin, &nav.base.get_value()) else {
        return ().into_any();
    };
    view! {
        <details class="embed-panel" data-testid="embed-panel">
            <summary>"Embed this in your blog"</summary>
            <p>
                "Paste this where the widget should appear. It loads lazily and sizes itself. Options: "
                <code>"data-theme=\"light|dark|auto\""</code> ", " <code>"data-compact=\"1\""</code> ", "
                <code>"data-lang=\"ccxt-python|ccxt-js|python-okx|okx-api-node\""</code> "."
            </p>
            <pre><code data-testid="embed-snippet-js">{js.clone()}</code></pre>
            <CopyButton text=js label="Copy embed code" testid="copy-embed-js" />
            <p>"Or a plain iframe (fixed height, no script):"</p>
            <pre><code data-testid="embed-snippet-iframe">{iframe.clone()}</code></pre>
            <CopyButton text=iframe label="Copy iframe" testid="copy-embed-iframe" />
            <p class="embed-note">
                "If your site sends a Content-Security-Policy, allow "
                <code>{origin}</code>
                " in frame-src (and script-src for the embed script)."
            </p>
        </details>
    }
    .into_any()
}
