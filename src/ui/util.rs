//! Small browser helpers shared by the views: base path, navigation, storage, clipboard, timing.
//! Views call these; they hold no domain logic.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The site's base path (`/` or `/some/path/`), from the `<base href>` Trunk writes.
pub fn base_path() -> String {
    let from_base = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|u| web_sys::Url::new(&u).ok())
        .map(|u| u.pathname());
    okx_doctor_routes::normalize_base(&from_base.unwrap_or_else(|| "/".into()))
}

/// Re-export of the pure route helpers under a short name.
pub use crate::core::routes as okx_doctor_routes;

/// Milliseconds from the performance clock (monotonic).
pub fn now_ms() -> f64 {
    window()
        .performance()
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Replaces the current URL's query string without adding a history entry.
pub fn replace_query(query: &str) {
    let loc = window().location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The current query string (`?a=b` or empty).
pub fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// A value from the query string.
pub fn query_param(name: &str) -> Option<String> {
    okx_doctor_routes::parse_query(&current_search())
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// localStorage get (None when storage is unavailable, e.g. in a sandboxed iframe).
pub fn storage_get(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(key).ok().flatten())
}

/// localStorage set (silently does nothing when storage is unavailable).
pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

/// Copies text: the async Clipboard API first, then select-and-copy for iframes without
/// clipboard permission. Calls `done(true)` on success (possibly after the caller is gone: `done`
/// must only use `try_` signal methods).
pub fn copy_text(text: String, done: impl Fn(bool) + 'static) {
    let nav = window().navigator();
    let clipboard = nav.clipboard();
    let promise = clipboard.write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if ok {
            done(true);
        } else {
            done(fallback_copy(&text));
        }
    });
}

fn fallback_copy(text: &str) -> bool {
    let doc = document();
    let Ok(el) = doc.create_element("textarea") else {
        return false;
    };
    let Ok(ta) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else {
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
