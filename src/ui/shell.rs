//! The document around every page: `<head>` with the title, description, Open Graph and Twitter
//! tags, the Content-Security-Policy, the inline critical CSS and theme script, and the entry
//! script that starts the page's islands. Rendered by the generator only.

use super::env::use_env;
use crate::core::lang::Lang;
use crate::core::pages::{PageMeta, SITE};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;

/// What the generator hands the shell besides the page's metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assets {
    /// The whole stylesheet, inlined (small enough that a separate request would cost more).
    pub css: String,
    /// The theme script, inlined so the right theme applies before first paint.
    pub theme_js: String,
    /// The page's Content-Security-Policy.
    pub csp: String,
    /// The entry script's module loader (inline), when the page has islands to start.
    pub loader: Option<Loader>,
}

/// The files of one browser entry point (Trunk's output names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loader {
    /// `okx-doctor-page-<hash>.js`
    pub js: String,
    /// `okx-doctor-page-<hash>_bg.wasm`
    pub wasm: String,
}

impl Loader {
    /// The inline module that loads the wasm (its hash goes into the CSP). The URLs are JSON
    /// string literals with `<` escaped, so no base path can end the script early.
    pub fn script(&self, base: &str) -> String {
        let lit = |file: &str| {
            serde_json::to_string(&format!("{base}{file}"))
                .unwrap_or_default()
                .replace('<', "\\u003c")
        };
        format!(
            "import init from {};init({{module_or_path:{}}});",
            lit(&self.js),
            lit(&self.wasm)
        )
    }
}

/// `<meta property="…" content="…">` (Open Graph uses `property`, which `view!` does not know).
fn og(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .attr("content", content.into())
}

/// The `<head>` tags of a page's metadata.
#[component]
fn MetaTags(
    /// The page's metadata.
    meta: PageMeta,
    /// The link-preview image's absolute URL, when there is one.
    image: Option<String>,
) -> impl IntoView {
    let env = use_env();
    let url = env.absolute(&meta.route);
    // `hreflang` alternates, both ways (absolute when the origin is known), and x-default: the
    // English page.
    let alternates = (!matches!(meta.route, crate::core::routes::Route::NotFound(_))).then(|| {
        let href = |l: Lang| {
            env.absolute_in(&meta.route, l)
                .unwrap_or_else(|| env.href_in(&meta.route, l))
        };
        view! {
            {Lang::ALL.map(|l| view! { <link rel="alternate" hreflang=l.tag() href=href(l) /> })}
            <link rel="alternate" hreflang="x-default" href=href(Lang::En) />
        }
    });
    let robots = (!meta.indexable).then(|| view! { <meta name="robots" content="noindex" /> });
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    view! {
        <title>{meta.title.clone()}</title>
        <meta name="description" content=meta.description.clone() />
        {robots}
        {url.map(|u| view! {
            <link rel="canonical" href=u.clone() />
            {og("og:url", u)}
        })}
        {alternates}
        {og("og:site_name", SITE)}
        {og("og:locale", env.lang.og_locale())}
        {og("og:locale:alternate", env.lang.other().og_locale())}
        {og("og:type", meta.og_type)}
        {og("og:title", meta.title.clone())}
        {og("og:description", meta.description.clone())}
        {image.map(|i| view! {
            <meta name="twitter:image" content=i.clone() />
            {og("og:image", i)}
            {og("og:image:width", "1200")}
            {og("og:image:height", "630")}
            {og("og:image:type", "image/png")}
        })}
        <meta name="twitter:card" content=card />
        <meta name="twitter:title" content=meta.title />
        <meta name="twitter:description" content=meta.description />
    }
}

/// The whole document of a page.
#[component]
pub fn Document(
    /// The page's metadata.
    meta: PageMeta,
    /// Inline CSS and scripts, the CSP and the entry script.
    assets: Assets,
    /// The link-preview image's absolute URL, when there is one.
    image: Option<String>,
    /// The page's body.
    children: Children,
) -> impl IntoView {
    let env = use_env();
    let embed = meta.route.is_embed();
    let loader = assets.loader.as_ref().map(|l| {
        let js = env.asset(&l.js);
        let wasm = env.asset(&l.wasm);
        let script = l.script(&env.base);
        view! {
            <link rel="modulepreload" href=js />
            {leptos::html::link().rel("preload").href(wasm).attr("as", "fetch").r#type("application/wasm").crossorigin("")}
            <script type="module" inner_html=script></script>
        }
    });
    view! {
        <html lang=env.lang.tag() class:embed=embed>
            <head>
                <meta charset="utf-8" />
                <meta http-equiv="Content-Security-Policy" content=assets.csp />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <base href=env.base.clone() />
                <MetaTags meta=meta image=image />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href=env.asset("favicon.svg") type="image/svg+xml" />
                <style inner_html=assets.css></style>
                <script inner_html=assets.theme_js></script>
                {loader}
            </head>
            <body>{children()}</body>
        </html>
    }
}
