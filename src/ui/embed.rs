//! Embedding: the pages under `/embed/` run inside other sites' iframes.
//!
//! - [`AutoHeight`] (an island on every embed page): a `ResizeObserver` on `<html>` posts the
//!   content height to the parent window (`{type: "okx-doctor:resize", height}`, read by
//!   `public/embed.js`), plus WordPress's `{message: "height", value, secret}` when the URL has
//!   `#?secret=…` (wp-embed.js). Nothing is posted when the page is not framed. Links open the
//!   full site in a new tab, except the footer's language switch, which switches the widget.
//! - URL options `theme`, `compact=1` and `lib=…` (the snippet library; `lang=…` is its older
//!   name and still works) are applied before first paint by the inline page script
//!   (`public/theme.js`) as attributes on `<html>`, which the CSS reads; no wasm needed.
//! - The page language is the path (`/zh/embed/…`), so it cannot be confused with the library:
//!   `embed.js` takes it as `data-locale="zh"`.
//! - [`embed_panel`]: "Embed this in your blog" on the full site's pages, its snippets an island
//!   ([`EmbedPanel`]).

use super::copy::CopyButton;
use super::env::use_env;
use super::island::{island, Island, Props};
use crate::core::facts::Library;
use crate::core::lang::Lang;
use crate::core::routes::{normalize_base, EmbedRoute, Route};
use crate::{t, tf};
use leptos::prelude::*;

/// Snippet libraries an embed can put first (`?lib=`, formerly `?lang=`), as `public/theme.js`
/// accepts them: the core's list.
pub const LANGS: [Library; 7] = Library::WITH_SNIPPETS;

/// WordPress's secret from `#?secret=XYZ` (only `[A-Za-z0-9]{1,32}`; anything else is ignored).
pub fn wp_secret(hash: &str) -> Option<String> {
    let rest = hash.trim_start_matches('#').trim_start_matches('?');
    let value = rest.split('&').find_map(|kv| kv.strip_prefix("secret="))?;
    (!value.is_empty() && value.len() <= 32 && value.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| value.to_string())
}

/// Auto-height and new-tab links for an embed page (an island without a view).
#[derive(Debug, Clone, Copy, Default)]
pub struct AutoHeight;

impl Island for AutoHeight {
    const NAME: &'static str = "auto-height";

    fn from_props(_: &Props) -> Option<Self> {
        Some(AutoHeight)
    }

    fn render(self) -> AnyView {
        #[cfg(target_arch = "wasm32")]
        frame::start();
        ().into_any()
    }
}

#[cfg(target_arch = "wasm32")]
mod frame {
    use super::wp_secret;
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    pub fn start() {
        open_links_in_new_tab();
        start_auto_height();
    }

    /// Every link inside an embed opens the full site in a new tab, except the language switch,
    /// which shows the widget itself in the other language.
    fn open_links_in_new_tab() {
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
                return;
            };
            if let Ok(Some(a)) = el.closest("a[href]:not([data-lang-switch])") {
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

    fn message(pairs: &[(&str, JsValue)]) -> js_sys::Object {
        let msg = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
        }
        msg
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
        let post = move || {
            let height = f64::from(html.offset_height());
            if height == last.get() {
                return;
            }
            last.set(height);
            let _ = parent.post_message(
                &message(&[("type", "okx-doctor:resize".into()), ("height", height.into())]),
                "*",
            );
            if let Some(secret) = &secret {
                let wp = message(&[
                    ("message", "height".into()),
                    ("value", height.into()),
                    ("secret", secret.into()),
                ]);
                let _ = parent.post_message(&wp, "*");
            }
        };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |_entries: js_sys::Array| post());
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            if let Some(html) = document().document_element() {
                observer.observe(&html);
            }
            // Lives as long as the page.
            std::mem::forget(observer);
        }
        callback.forget();
    }
}

/// What to embed for a page of the full site: (data-okx-doctor value, embed route, iframe title
/// in `lang`).
pub fn embed_target(route: &Route, lang: Lang) -> Option<(String, Route, String)> {
    match route {
        Route::Home => Some((
            "paste".into(),
            Route::Embed(EmbedRoute::Helper),
            t!(lang, "okx-doctor: paste and diagnose", "okx-doctor：粘贴诊断").into(),
        )),
        Route::Clock => Some((
            "clock".into(),
            Route::Embed(EmbedRoute::Clock),
            t!(lang, "okx-doctor: clock check", "okx-doctor：时钟检查").into(),
        )),
        Route::Error(code) => Some((
            code.clone(),
            Route::Embed(EmbedRoute::Error(code.clone())),
            tf!(lang, "okx-doctor: error {code}", "okx-doctor：错误码 {code}"),
        )),
        _ => None,
    }
}

/// The height (px) the embed.js snippet reserves for a widget (`style="min-height:…"` on its
/// element), so the blog's text after it does not move when `embed.js`, loaded async, replaces the
/// element with the iframe (which starts at this height, then takes its content's): between the
/// widget's height at 360 and 1280 px, measured by `tests/e2e/embedcard.test.mjs` (the error card
/// 312–424 px, the paste box 327–375, the clock check 339–428).
pub fn reserved_height(key: &str) -> u32 {
    match key {
        "paste" => 350,
        "clock" => 390,
        _ => 360,
    }
}

/// The plain iframe snippet's fixed height (px): the tallest a widget is at 360 and 1280 px
/// (`tests/e2e/embedcard.test.mjs` keeps the error card, the paste box and the clock check within it).
pub const FIXED_HEIGHT: u32 = 450;

/// The two snippets (embed.js, raw iframe) for `route` in `lang`, with absolute URLs on `origin`
/// (`https://host`) under the base path `base` (`/` or `/sub/`).
pub fn snippets(route: &Route, origin: &str, base: &str, lang: Lang) -> Option<(String, String)> {
    let (key, embed, title) = embed_target(route, lang)?;
    let src = format!("{origin}{}", embed.href_in(base, lang));
    let script = format!("{origin}{}embed.js", normalize_base(base));
    let locale = match lang {
        Lang::En => String::new(),
        Lang::Zh => format!(" data-locale=\"{}\"", lang.id()),
    };
    let js = format!(
        "<div data-okx-doctor=\"{key}\"{locale} style=\"min-height:{}px\"><a href=\"{src}\">{title}</a></div>\n<script src=\"{script}\" async></script>",
        reserved_height(&key)
    );
    let iframe = format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" allow=\"clipboard-write\" width=\"100%\" height=\"{FIXED_HEIGHT}\" style=\"border:0\"></iframe>"
    );
    Some((js, iframe))
}

/// Origin shown in the snippets before the browser knows the real one (a build without
/// `OKX_DOCTOR_ORIGIN`); the island replaces it with the page's own origin.
const ORIGIN_PLACEHOLDER: &str = "https://YOUR-OKX-DOCTOR-SITE";

/// The snippets of "Embed this in your blog": both forms with copy buttons (an island: they carry
/// the site's own address, which the browser knows). Not shown inside embeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedPanel {
    /// The page to embed.
    pub route: Route,
}

impl Island for EmbedPanel {
    const NAME: &'static str = "embed-panel";

    fn props(&self) -> Props {
        let key = embed_target(&self.route, Lang::En)
            .map(|(k, _, _)| k)
            .unwrap_or_default();
        Props::new(&[("target", &key)])
    }

    fn from_props(p: &Props) -> Option<Self> {
        let route = match p.get("target")? {
            "paste" => Route::Home,
            "clock" => Route::Clock,
            code => Route::Error(code.to_string()),
        };
        Some(EmbedPanel { route })
    }

    fn render(self) -> AnyView {
        let env = use_env();
        let lang = env.lang;
        let origin = env.origin.clone().unwrap_or_else(|| ORIGIN_PLACEHOLDER.to_string());
        let Some((js, iframe)) = snippets(&self.route, &origin, &env.base, lang) else {
            return ().into_any();
        };
        view! {
            <div class="embed-snippets" data-dynamic="">
                <pre><code data-testid="embed-snippet-js">{js.clone()}</code></pre>
                {CopyButton::text(js, t!(lang, "Copy embed code", "复制嵌入代码"), "copy-embed-js").view()}
                <p>{t!(lang, "Or a plain iframe (fixed height, no script):", "或者直接用 iframe（固定高度，不需要脚本）：")}</p>
                <pre><code data-testid="embed-snippet-iframe">{iframe.clone()}</code></pre>
                {CopyButton::text(iframe, t!(lang, "Copy iframe", "复制 iframe"), "copy-embed-iframe").view()}
                <p class="embed-note">
                    {t!(lang, "If your site sends a Content-Security-Policy, allow ", "如果你的网站设置了 Content-Security-Policy，请在 frame-src（以及加载嵌入脚本所需的 script-src）中允许 ")}
                    <code>{origin}</code>
                    {t!(lang, " in frame-src (and script-src for the embed script).", "。")}
                </p>
            </div>
        }
        .into_any()
    }
}

/// "Embed this in your blog" on a page: the heading and the options (static, so their text stays
/// out of the wasm), then the snippets' island.
pub fn embed_panel(route: Route) -> AnyView {
    let lang = use_env().lang;
    view! {
        <details class="embed-panel" data-testid="embed-panel">
            <summary>{t!(lang, "Embed this in your blog", "嵌入到你的博客")}</summary>
            <p>
                {t!(lang, "Paste this where the widget should appear. It loads lazily and sizes itself. Options: ", "把这段代码放到小组件要出现的位置。它会延迟加载并自动调整高度。可选项：")}
                <code>"data-theme=\"light|dark|auto\""</code> ", " <code>"data-full=\"1\""</code>
                {t!(lang, " (an error's whole page instead of its card), ", "（错误码的完整页面，而不是卡片）, ")}
                <code>{format!("data-lib=\"{}\"", LANGS.map(|l| l.id()).join("|"))}</code> ", "
                <code>"data-locale=\"en|zh\""</code> {t!(lang, ".", "。")}
            </p>
            {island(EmbedPanel { route })}
        </details>
    }
    .into_any()
}
