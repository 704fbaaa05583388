//! The application shell: navigation state, the header and footer, and the route switch.

use super::clock::ClockCheck;
use super::paste::PasteBox;
use super::sign::SignLab;
use super::util::{base_path, okx_doctor_routes as routes};
use super::{catalog::CatalogPage, error_page::ErrorPage, theme::ThemeToggle, wizard_page::WizardPage};
// Embedding (src/ui/embed.rs): auto-height, attribution, the "Embed this" panel.
use super::embed::{EmbedAttribution, EmbedPanel};
use crate::core::routes::{Bundle, EmbedRoute, Route};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the app is: the base path and the current path and query. Provided as context.
#[derive(Clone, Copy)]
pub struct Nav {
    pub base: StoredValue<String>,
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

impl Nav {
    /// The href of a route under the site's base path.
    pub fn href(&self, route: &Route) -> String {
        route.href(&self.base.get_value())
    }

    /// Navigates inside the app (adds a history entry).
    pub fn go(&self, href: &str) {
        if let Ok(h) = window().history() {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
        }
        self.sync();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Re-reads the location (after popstate or a history change).
    pub fn sync(&self) {
        let loc = window().location();
        self.path.set(loc.pathname().unwrap_or_default());
        self.search.set(loc.search().unwrap_or_default());
    }
}

/// The app's navigation context.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

/// Whether this build of the app renders `bundle`'s pages (cargo features `bundle-*`).
pub fn compiled(bundle: Bundle) -> bool {
    match bundle {
        Bundle::Home => cfg!(feature = "bundle-home"),
        Bundle::Page => cfg!(feature = "bundle-page"),
        Bundle::Tools => cfg!(feature = "bundle-tools"),
    }
}

/// Follows same-site links inside the app instead of reloading the page; a link to a page of
/// another bundle loads that page.
fn intercept_link(nav: Nav, ev: web_sys::MouseEvent) {
    if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    let Ok(Some(a)) = target.closest("a[href]") else { return };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    if !a.target().is_empty() || a.has_attribute("download") || a.has_attribute("data-external") {
        return;
    }
    let loc = window().location();
    if a.origin() != loc.origin().unwrap_or_default() {
        return;
    }
    let path = a.pathname();
    let base = nav.base.get_value();
    if !path.starts_with(&base) && path.trim_end_matches('/') != base.trim_end_matches('/') {
        return;
    }
    // Only routes the app knows; generated files such as sitemap.xml load normally.
    let route = routes::parse_path(&path, &base);
    if matches!(route, Route::NotFound(_)) && !path.ends_with('/') {
        return;
    }
    if !compiled(route.bundle()) {
        return;
    }
    // Same page with only a fragment change: let the browser scroll.
    if path == loc.pathname().unwrap_or_default()
        && a.search() == loc.search().unwrap_or_default()
        && !a.hash().is_empty()
    {
        return;
    }
    ev.prevent_default();
    nav.go(&format!("{}{}{}", path, a.search(), a.hash()));
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let loc = window().location();
    let nav = Nav {
        base: StoredValue::new(base_path()),
        path: RwSignal::new(loc.pathname().unwrap_or_default()),
        search: RwSignal::new(loc.search().unwrap_or_default()),
    };
    provide_context(nav);
    let _ = window_event_listener(ev::popstate, move |_| nav.sync());
    let _ = window_event_listener(ev::click, move |ev| intercept_link(nav, ev));

    let route = Memo::new(move |_| routes::parse_path(&nav.path.get(), &nav.base.get_value()));
    // The path this document was served for (see `page`).
    let loaded_path = nav.path.get_untracked();

    // Move focus to the new page's heading after in-app navigation, for keyboard and screen reader users.
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        route.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(|| {
            if let Some(h) = document().query_selector("main h1").ok().flatten() {
                if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.set_attribute("tabindex", "-1");
                    let _ = h.focus();
                }
            }
        });
    });

    let embed = move || route.with(|r| r.is_embed());
    if route.with_untracked(|r| r.is_embed()) {
        super::embed::start();
    }
    Effect::new(move |_| {
        let html = document().document_element();
        if let Some(html) = html {
            let _ = html.class_list().toggle_with_force("embed", embed());
        }
    });

    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Show when=move || !embed()>
            <Header />
        </Show>
        <main id="main" class="main">
            {move || page(route.get(), nav.path.with(|p| *p == loaded_path))}
        </main>
        <Show when=move || !embed() fallback=|| view! { <EmbedAttribution /> }>
            <Footer />
        </Show>
    }
}

/// The view of a route. `served_here`: this document was loaded at this path, rather than reached
/// by history navigation.
fn page(route: Route, served_here: bool) -> AnyView {
    match route {
        #[cfg(feature = "bundle-home")]
        Route::Home => view! { <HomePage /> }.into_any(),
        #[cfg(feature = "bundle-home")]
        Route::Embed(EmbedRoute::Helper) => view! { <HomePage embed=true /> }.into_any(),
        #[cfg(feature = "bundle-page")]
        Route::Error(code) => view! { <ErrorPage code=code /> }.into_any(),
        #[cfg(feature = "bundle-page")]
        Route::Embed(EmbedRoute::Error(code)) => view! { <ErrorPage code=code embed=true /> }.into_any(),
        #[cfg(feature = "bundle-tools")]
        Route::Wizard => {
            let clock = ViewFn::from(|| view! { <ClockCheck compact=true /> });
            view! { <WizardPage clock_check=clock /> }.into_any()
        }
        #[cfg(feature = "bundle-tools")]
        Route::Sign => view! { <SignLab /> }.into_any(),
        #[cfg(feature = "bundle-tools")]
        Route::Clock => view! { <ClockPage /> <EmbedPanel route=Route::Clock /> }.into_any(),
        #[cfg(feature = "bundle-tools")]
        Route::Embed(EmbedRoute::Clock) => view! { <ClockPage embed=true /> }.into_any(),
        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
        // A page of another bundle. Reached by history navigation: load it. Served at this path
        // (a host that answers unknown paths with another page, such as a single-page-app
        // rewrite): loading it again would loop, so say there is no such page here.
        #[allow(unreachable_patterns)]
        other if served_here => {
            // The route's own path (its parts already clipped by `parse_path`), base left out.
            let path = other.href("/").trim_matches('/').to_string();
            view! { <NotFound path=path /> }.into_any()
        }
        #[allow(unreachable_patterns)]
        _ => {
            let _ = window().location().reload();
            ().into_any()
        }
    }
}

/// Site header with navigation.
#[component]
fn Header() -> impl IntoView {
    let nav = use_nav();
    view! {
        <header class="site-header">
            <a class="brand" href=nav.href(&Route::Home)>
                "okx-doctor"
            </a>
            <nav aria-label="Main">
                <ul class="nav-list">
                    <li><a href=nav.href(&Route::Home)>"Diagnose"</a></li>
                    <li><a href=nav.href(&Route::Wizard)>"Wizard"</a></li>
                    <li><a href=nav.href(&Route::Clock)>"Clock check"</a></li>
                    <li><a href=nav.href(&Route::Sign)>"Signature lab"</a></li>
                </ul>
            </nav>
            <ThemeToggle />
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "okx-doctor runs entirely in your browser: nothing you paste or type leaves this page. "
                "Not affiliated with OKX. Error data from the OKX API v5 docs and ccxt "
                {crate::core::catalog::CCXT_VERSION.split(' ').next().unwrap_or("")}
                "."
            </p>
        </footer>
    }
}

/// Home: the paste box and the catalog.
#[component]
fn HomePage(#[prop(optional)] embed: bool) -> impl IntoView {
    if embed {
        return view! {
            <h1 class="visually-hidden">"okx-doctor: diagnose an OKX API error"</h1>
            <PasteBox embed=true />
        }
        .into_any();
    }
    view! {
        <h1>"Fix OKX API errors"</h1>
        <p class="lead">
            "Paste what your bot printed and okx-doctor finds every OKX error in it, with the likely causes and a fix. "
            "Or search all OKX API v5 error codes below."
        </p>
        <PasteBox />
        <CatalogPage />
        {(!embed).then(|| view! { <EmbedPanel route=Route::Home /> })}
    }
    .into_any()
}

/// `/clock`: this device's clock against OKX server time.
#[component]
fn ClockPage(#[prop(optional)] embed: bool) -> impl IntoView {
    view! {
        <h1>"Clock check"</h1>
        <p class="lead">
            "OKX rejects signed requests whose timestamp is more than 30 seconds away from its server time "
            "(50102, and 60006 on WebSocket login). This compares this device's clock with OKX."
        </p>
        <ClockCheck compact=embed />
    }
}

/// A path that is not a page of the site.
#[component]
fn NotFound(path: String) -> impl IntoView {
    let nav = use_nav();
    view! {
        <h1>"Page not found"</h1>
        <p data-testid="not-found">"There is no page at " <code>{path}</code> "."</p>
        <p><a href=nav.href(&Route::Home)>"Search the error catalog"</a></p>
    }
}
