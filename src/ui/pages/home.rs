//! Home (`/`): the paste box, the catalog search and, for readers without JavaScript, every code
//! as a link. The embedded helper (`/embed/`) is the paste box alone.

use crate::core::catalog::{self, Entry};
use crate::core::routes::Route;
use crate::ui::catalog::{CatalogSearch, StaticCatalog};
use crate::ui::embed::embed_panel;
use crate::ui::env::use_env;
use crate::ui::island::island;
use crate::ui::paste::PasteBox;
use leptos::prelude::*;

/// The paste box of this build.
fn paste_box(embed: bool) -> AnyView {
    island(PasteBox { embed, worker: use_env().worker })
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <h1>"Fix OKX API errors"</h1>
        <p class="lead">
            "Paste what your bot printed and okx-doctor finds every OKX error in it, with the likely causes and a fix. "
            "Or search all OKX API v5 error codes below."
        </p>
        {paste_box(false)}
        <section class="catalog" aria-labelledby="catalog-title">
            <h2 id="catalog-title">"Error catalog"</h2>
            {island(CatalogSearch::new(use_env().worker))}
            <StaticCatalog />
            <AllCodes />
        </section>
        {embed_panel(Route::Home)}
    }
}

/// The embedded helper: the paste box alone.
#[component]
pub fn EmbedHelperPage() -> impl IntoView {
    view! {
        <h1 class="visually-hidden">"okx-doctor: diagnose an OKX API error"</h1>
        {paste_box(true)}
    }
}

/// Every code as a link, by family, behind a disclosure: how a reader without JavaScript reaches
/// any code (codes only: each page carries its message).
#[component]
fn AllCodes() -> impl IntoView {
    let env = use_env();
    let families = catalog::FAMILIES
        .iter()
        .filter_map(|(fam, label)| {
            let list: Vec<&'static Entry> = catalog::entries().iter().filter(|e| catalog::family(e) == *fam).collect();
            (!list.is_empty()).then(|| {
                let links = list
                    .into_iter()
                    .map(|e| view! { <li><a href=env.href(&Route::Error(e.code.to_string()))>{e.code}</a></li> })
                    .collect_view();
                view! {
                    <h3>{*label}</h3>
                    <ul class="codes">{links}</ul>
                }
            })
        })
        .collect_view();
    view! {
        <details class="all-codes" data-testid="all-codes">
            <summary>{format!("Every code as a link ({})", catalog::entries().len())}</summary>
            {families}
        </details>
    }
}
