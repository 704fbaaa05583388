//! The browser helpers the views share, in one place: location, history, storage, clipboard,
//! timing and focus. In the browser they call web APIs; natively (when the page generator renders
//! the views) they return the neutral answer (no query, no stored value, time zero) so a view
//! renders its initial state. Views call these from event handlers and effects, or at creation
//! for values that have a neutral answer.

use super::env::Env;
use crate::core::routes::parse_query;

pub use imp::*;

/// Storage keys: the only values the site ever stores (preferences, never input). The inline
/// page script (`public/theme.js`) reads the theme and the library under the same names
/// (`tests/library.rs` checks).
pub mod keys {
    /// `light` or `dark` (absent: follow the system).
    pub const THEME: &str = "okx-doctor-theme";
    /// The library whose code examples come first: an id of `Library::WITH_SNIPPETS`.
    pub const LIB: &str = "okx-doctor-lib";
    /// The clock check's region id.
    pub const CLOCK_HOST: &str = "okx-doctor.clock.host";
}

/// A value of the current page's query string.
pub fn query_param(name: &str) -> Option<String> {
    parse_query(&current_search())
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Env;
    use crate::core::routes::{lang_of_path, normalize_base};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    /// The environment of this page: base path from `<base href>`, origin and query from the location.
    pub fn env() -> Env {
        let base = document()
            .base_uri()
            .ok()
            .flatten()
            .and_then(|u| web_sys::Url::new(&u).ok())
            .map(|u| u.pathname())
            .unwrap_or_else(|| "/".into());
        let loc = window().location();
        let base = normalize_base(&base);
        let lang = lang_of_path(&loc.pathname().unwrap_or_default(), &base);
        Env {
            base,
            lang,
            origin: loc.origin().ok(),
            query: loc.search().unwrap_or_default(),
            worker: None,
        }
    }

    /// Milliseconds from the performance clock (monotonic).
    pub fn now_ms() -> f64 {
        window()
            .performance()
            .map(|p| p.now())
            .unwrap_or_else(js_sys::Date::now)
    }

    /// Milliseconds since the Unix epoch by this device's clock.
    pub fn wall_ms() -> f64 {
        js_sys::Date::now()
    }

    /// This device's time as an ISO 8601 string (UTC).
    pub fn wall_iso() -> String {
        js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
    }

    /// The current query string (`?a=b` or empty).
    pub fn current_search() -> String {
        window().location().search().unwrap_or_default()
    }

    /// The path of this page (percent-encoded, as the browser gives it).
    pub fn page_path() -> String {
        window().location().pathname().unwrap_or_default()
    }

    /// The address of this page.
    pub fn page_url() -> String {
        window().location().href().unwrap_or_default()
    }

    /// Replaces the current URL's query string without adding a history entry.
    pub fn replace_query(query: &str) {
        set_query(query, false);
    }

    /// Sets the query string as a new history entry (unless it is already the current one).
    pub fn push_query(query: &str) {
        if current_search() != query {
            set_query(query, true);
        }
    }

    fn set_query(query: &str, push: bool) {
        let loc = window().location();
        let url = format!(
            "{}{query}{}",
            loc.pathname().unwrap_or_default(),
            loc.hash().unwrap_or_default()
        );
        if let Ok(h) = window().history() {
            let _ = if push {
                h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    }

    /// Loads another page of the site.
    pub fn go(href: &str) {
        let _ = window().location().assign(href);
    }

    /// localStorage get (None when storage is unavailable, e.g. in a sandboxed iframe).
    pub fn storage_get(key: &str) -> Option<String> {
        window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(key).ok().flatten())
    }

    /// localStorage set (does nothing when storage is unavailable).
    pub fn storage_set(key: &str, value: &str) {
        if let Some(s) = window().local_storage().ok().flatten() {
            let _ = s.set_item(key, value);
        }
    }

    /// localStorage remove.
    pub fn storage_remove(key: &str) {
        if let Some(s) = window().local_storage().ok().flatten() {
            let _ = s.remove_item(key);
        }
    }

    /// Sets (or with `None` removes) an attribute of `<html>`.
    pub fn set_root_attr(name: &str, value: Option<&str>) {
        if let Some(html) = document().document_element() {
            let _ = match value {
                Some(v) => html.set_attribute(name, v),
                None => html.remove_attribute(name),
            };
        }
    }

    /// Calls `cb` on every `keydown` of the window while the current component lives.
    pub fn on_keydown(cb: impl Fn(web_sys::KeyboardEvent) + 'static) {
        let handle = window_event_listener(leptos::ev::keydown, cb);
        on_cleanup(move || handle.remove());
    }

    /// Calls `cb` on every `popstate` (back, forward) while the current component lives.
    pub fn on_popstate(cb: impl Fn() + 'static) {
        let handle = window_event_listener(leptos::ev::popstate, move |_| cb());
        on_cleanup(move || handle.remove());
    }

    /// Sets the document's title (a wizard step's own title, for history and screen readers).
    pub fn set_title(title: &str) {
        document().set_title(title);
    }

    /// Focuses the element with this id (after the next frame, so it is in the DOM).
    pub fn focus_id(id: &'static str) {
        request_animation_frame(move || {
            if let Some(h) = document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.focus();
            }
        });
    }

    /// Scrolls the element with this id into view (after the next frame), unless it is already in view.
    pub fn reveal_id(id: &'static str) {
        request_animation_frame(move || {
            let Some(el) = document().get_element_by_id(id) else {
                return;
            };
            let top = el.get_bounding_client_rect().top();
            let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            if top < 0.0 || top > height * 0.6 {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Start);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }

    /// Resolves after the browser has rendered the next frame. (A `setTimeout(0)` pause is not
    /// enough: Chromium may run timer tasks back to back without painting.)
    pub async fn next_frame() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Waits `ms` milliseconds.
    pub async fn sleep_ms(ms: u32) {
        gloo_timers::future::TimeoutFuture::new(ms).await;
    }

    /// The text of a paste event as the browser holds it (a large paste is never copied into
    /// the wasm: it goes to the analysis worker as it is). `getData` is called through the
    /// object, since web-sys's binding converts the result into a Rust string.
    pub fn pasted_text(ev: &web_sys::ClipboardEvent) -> Option<js_sys::JsString> {
        let data = ev.clipboard_data()?;
        let get: js_sys::Function = js_sys::Reflect::get(&data, &"getData".into()).ok()?.dyn_into().ok()?;
        get.call1(&data, &"text".into()).ok()?.dyn_into().ok()
    }

    /// Copies text: the async Clipboard API first, then select-and-copy for iframes without
    /// clipboard permission. Calls `done(true)` on success, possibly after the caller is gone:
    /// `done` must only use `try_` signal methods.
    /// Runs `f` once, `ms` milliseconds from now.
    pub fn after_ms(ms: u32, f: impl FnOnce() + 'static) {
        leptos::prelude::set_timeout(f, std::time::Duration::from_millis(u64::from(ms)));
    }

    pub fn copy_text(text: String, done: impl Fn(bool) + 'static) {
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            done(ok || fallback_copy(&text));
        });
    }

    fn fallback_copy(text: &str) -> bool {
        let doc = document();
        let Some(ta) = doc
            .create_element("textarea")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return false;
        };
        ta.set_value(text);
        let _ = ta.set_attribute("readonly", "");
        let _ = ta.set_attribute("class", "visually-hidden");
        let Some(body) = doc.body() else { return false };
        let _ = body.append_child(&ta);
        ta.select();
        let ok = doc
            .dyn_ref::<web_sys::HtmlDocument>()
            .and_then(|d| d.exec_command("copy").ok())
            .unwrap_or(false);
        ta.remove();
        ok
    }
}

/// Native stand-ins: what a page shows before any script runs.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Env;

    pub fn env() -> Env {
        Env::default()
    }
    pub fn now_ms() -> f64 {
        0.0
    }
    pub fn wall_ms() -> f64 {
        0.0
    }
    pub fn wall_iso() -> String {
        String::new()
    }
    pub fn current_search() -> String {
        String::new()
    }
    pub fn page_path() -> String {
        String::new()
    }
    pub fn page_url() -> String {
        String::new()
    }
    pub fn replace_query(_query: &str) {}
    pub fn push_query(_query: &str) {}
    pub fn go(_href: &str) {}
    pub fn storage_get(_key: &str) -> Option<String> {
        None
    }
    pub fn storage_set(_key: &str, _value: &str) {}
    pub fn storage_remove(_key: &str) {}
    pub fn set_root_attr(_name: &str, _value: Option<&str>) {}
    pub fn on_keydown(_cb: impl Fn(web_sys::KeyboardEvent) + 'static) {}
    pub fn on_popstate(_cb: impl Fn() + 'static) {}
    pub fn focus_id(_id: &'static str) {}
    pub fn set_title(_title: &str) {}
    pub fn reveal_id(_id: &'static str) {}
    pub async fn next_frame() {}
    pub fn pasted_text(_ev: &web_sys::ClipboardEvent) -> Option<js_sys::JsString> {
        None
    }
    pub async fn sleep_ms(_ms: u32) {}
    pub fn after_ms(_ms: u32, _f: impl FnOnce() + 'static) {}
    pub fn copy_text(_text: String, _done: impl Fn(bool) + 'static) {}
}
