//! The frame around every page: skip link, header with the main navigation, the `<main>`
//! landmark and the footer; embeds get a small attribution footer instead.

use super::embed::AutoHeight;
use super::env::use_env;
use super::island::island;
use super::theme::theme_toggle;
use crate::core::catalog::CCXT_VERSION;
use crate::core::routes::Route;
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
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}")>"Skip to content"</a>
        {(!embed).then(|| view! { <SiteHeader route=route.clone() /> })}
        <main id=MAIN_ID class="main">{children()}</main>
        {if embed {
            view! { <EmbedFooter /> }.into_any()
        } else {
            view! { <SiteFooter route=route /> }.into_any()
        }}
    }
}

/// The main navigation's items: (route, label). One name per tool, used in headings too.
pub const NAV: [(Route, &str); 4] = [
    (Route::Home, "Diagnose"),
    (Route::Wizard, "Wizard"),
    (Route::Clock, "Clock check"),
    (Route::Sign, "Signature lab"),
];

/// Site header with navigation; the current page is marked with `aria-current`.
#[component]
fn SiteHeader(
    /// The current page.
    route: Route,
) -> impl IntoView {
    let env = use_env();
    let items = NAV
        .iter()
        .map(|(r, label)| {
            let current = (*r == route).then_some("page");
            view! { <li><a href=env.href(r) aria-current=current>{*label}</a></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <a class="brand" href=env.href(&Route::Home)>"okx-doctor"</a>
            <nav aria-label="Main">
                <ul class="nav-list">{items}</ul>
            </nav>
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
    let privacy = if route == Route::Clock {
        "okx-doctor runs in your browser. This page asks OKX's public time endpoint for the time; nothing you type is sent. "
    } else {
        "okx-doctor runs entirely in your browser: nothing you paste or type leaves this page. "
    };
    let ccxt = CCXT_VERSION.split(' ').next().unwrap_or("");
    view! {
        <footer class="site-footer">
            <p>
                {privacy}
                "Not affiliated with OKX. Error data from the OKX API v5 docs and ccxt "
                {ccxt.to_string()}
                "."
            </p>
        </footer>
    }
}

/// The small footer under every embed: a link to the full site and what the widget is. A
/// `<footer>` (contentinfo landmark), so no content of the embed sits outside a landmark.
#[component]
fn EmbedFooter() -> impl IntoView {
    let env = use_env();
    view! {
        <footer class="embed-attribution">
            <details class="embed-about" data-testid="embed-about">
                <summary>"About this widget"</summary>
                <p>
                    "okx-doctor explains OKX API v5 errors. It runs entirely in your browser: nothing you "
                    "paste or type here is sent anywhere. Not affiliated with OKX."
                </p>
            </details>
            <a href=env.href(&Route::Home) target="_blank" rel="noopener">"okx-doctor"</a>
            {island(AutoHeight)}
        </footer>
    }
}
