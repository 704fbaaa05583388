//! The frame around every page: skip link, header with the main navigation, the `<main>`
//! landmark and the footer; embeds get a small attribution footer instead.

use super::embed::AutoHeight;
use super::env::use_env;
use super::island::island;
use super::theme::theme_toggle;
use crate::core::catalog::CCXT_VERSION;
use crate::core::lang::Lang;
use crate::core::routes::{normalize_base, EmbedRoute, Route};
use crate::t;
use leptos::prelude::*;

/// The id of the `<main>` element (the skip link's target).
pub const MAIN_ID: &str = "main";

/// A page's frame.
#[component]
pub fn Layout(
    /// The page's route (marks the current navigation item).
    route: Route,
    /// The page's content.
    children: Children,
) -> impl IntoView {
    let embed = route.is_embed();
    let lang = use_env().lang;
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>{t!(lang, "Skip to content", "跳到正文")}</a>
        {(!embed).then(|| view! { <LangSuggestion route=route.clone() /> })}
        {(!embed).then(|| view! { <SiteHeader route=route.clone() /> })}
        <main id=MAIN_ID class="main">{children()}</main>
        {if embed {
            view! { <EmbedFooter route=route /> }.into_any()
        } else {
            view! { <SiteFooter route=route /> }.into_any()
        }}
    }
}

/// The main navigation's items: route and label in each language. One name per tool, used in
/// headings and titles too.
pub fn nav(lang: Lang) -> [(Route, &'static str); 4] {
    [
        (Route::Home, t!(lang, "Diagnose", "诊断")),
        (Route::Wizard, t!(lang, "Wizard", "排查向导")),
        (Route::Clock, t!(lang, "Clock check", "时钟检查")),
        (Route::Sign, t!(lang, "Signature lab", "签名实验室")),
    ]
}

/// The link to the same page in the other language. Plain HTML, so it works without scripts;
/// the inline theme script (`public/theme.js`) adds the page's query and fragment when it is
/// followed (the search query, the wizard's step) and remembers the choice. On the not-found
/// page, which is served at whatever address was asked for, the script also keeps that address
/// (`/e/99999/` ↔ `/zh/e/99999/`): `data-lang-base` is the site's base path it is under.
#[component]
pub fn LangSwitch(
    /// The current page.
    route: Route,
) -> impl IntoView {
    let env = use_env();
    let other = env.lang.other();
    let base = not_found_base(&route, &env.base);
    view! {
        <a
            class="lang-switch"
            href=env.href_in(&route, other)
            hreflang=other.tag()
            lang=other.tag()
            data-lang-switch=other.id()
            data-lang-base=base
            data-testid="lang-switch"
        >
            {other.native_name()}
        </a>
    }
}

/// The site's base path on the not-found page (`data-lang-base`, see [`LangSwitch`]), else none.
fn not_found_base(route: &Route, base: &str) -> Option<String> {
    matches!(route, Route::NotFound(_)).then(|| normalize_base(base))
}

/// A note offering the other language, shown (by CSS, on `html[data-suggest-lang]`, set before
/// first paint by the inline theme script) only when the visitor chose that language before or,
/// on a first visit, the browser prefers it. It never redirects; closing it
/// remembers this page's language.
#[component]
fn LangSuggestion(
    /// The current page.
    route: Route,
) -> impl IntoView {
    let env = use_env();
    let (lang, other) = (env.lang, env.lang.other());
    view! {
        // data-dynamic: whether it shows depends on the browser (its languages, a stored choice).
        <aside class="lang-suggest" data-lang-suggest=other.id() data-testid="lang-suggest" data-dynamic=""
            aria-label=t!(lang, "Language", "语言")>
            {t!(lang, "This page is also available in ", "本页也有")}
            <a href=env.href_in(&route, other) hreflang=other.tag() lang=other.tag() data-lang-switch=other.id()
                data-lang-base=not_found_base(&route, &env.base)>
                {other.native_name()}
            </a>
            {t!(lang, ".", "版本。")}
            <button type="button" class="lang-suggest-close" data-lang-stay=lang.id()>
                {t!(lang, "Stay in English", "继续使用中文")}
            </button>
        </aside>
    }
}

/// Site header with navigation; the current page is marked with `aria-current`.
#[component]
fn SiteHeader(
    /// The current page.
    route: Route,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let items = nav(lang)
        .into_iter()
        .map(|(r, label)| {
            let current = (r == route).then_some("page");
            view! { <li><a href=env.href(&r) aria-current=current>{label}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="brand" href=env.href(&Route::Home)>"okx-doctor"</a>
            <nav aria-label=t!(lang, "Main", "主导航")>
                <ul class="nav-list">{items}</ul>
            </nav>
            <LangSwitch route=route />
            {theme_toggle()}
        </header>
    }
}

/// The site footer. It says what leaves the page, truthfully for each page: only the clock
/// check talks to OKX.
#[component]
fn SiteFooter(
    /// The current page.
    route: Route,
) -> impl IntoView {
    let lang = use_env().lang;
    let privacy = if route == Route::Clock {
        t!(
            lang,
            "okx-doctor runs in your browser. This page asks OKX's public time endpoint for the time; nothing you type is sent. ",
            "okx-doctor 在你的浏览器里运行。本页会向欧易的公开时间接口查询服务器时间，你输入的内容不会发出。"
        )
    } else {
        t!(
            lang,
            "okx-doctor runs entirely in your browser: nothing you paste or type leaves this page. ",
            "okx-doctor 完全在你的浏览器里运行：你粘贴或输入的内容不会离开本页。"
        )
    };
    let ccxt = CCXT_VERSION.split(' ').next().unwrap_or("");
    view! {
        <footer class="site-footer">
            <p>
                {privacy}
                {t!(lang, "Not affiliated with OKX. Error data from the OKX API v5 docs and ccxt ", "与欧易无关联。错误数据来自欧易 API v5 文档和 ccxt ")}
                {ccxt.to_string()}
                {t!(lang, ".", "。")}
            </p>
        </footer>
    }
}

/// The small footer under every embed: what the widget is, the language switch (it switches the
/// widget itself, keeping its options) and a link to the full site. A `<footer>` (contentinfo
/// landmark), so no content of the embed sits outside a landmark.
#[component]
fn EmbedFooter(
    /// The embed's route: the clock check's asks OKX for the time, and says so.
    route: Route,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let about = if route == Route::Embed(EmbedRoute::Clock) {
        t!(
            lang,
            "okx-doctor explains OKX API v5 errors. It runs in your browser; this widget asks OKX's public time endpoint for the time, and nothing you type here is sent anywhere. Not affiliated with OKX.",
            "okx-doctor 解释欧易（OKX）API v5 的错误。它在你的浏览器里运行；这个小组件会向欧易的公开时间接口查询时间，你在这里输入的内容不会发往任何地方。与欧易无关联。"
        )
    } else {
        t!(
            lang,
            "okx-doctor explains OKX API v5 errors. It runs entirely in your browser: nothing you paste or type here is sent anywhere. Not affiliated with OKX.",
            "okx-doctor 解释欧易 API v5 的错误。它完全在你的浏览器里运行：你在这里粘贴或输入的内容不会发往任何地方。与欧易无关联。"
        )
    };
    view! {
        <footer class="embed-attribution">
            <details class="embed-about" data-testid="embed-about">
                <summary>{t!(lang, "About this widget", "关于这个小组件")}</summary>
                <p>{about}</p>
            </details>
            <LangSwitch route=route.clone() />
            <a href=env.href(&Route::Home) target="_blank" rel="noopener">"okx-doctor"</a>
            {island(AutoHeight)}
        </footer>
    }
}
