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
    island(PasteBox {
        embed,
        worker: use_env().worker,
    })
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
            <p class="all-codes-link">
                <a href=use_env().href(&Route::Codes) data-testid="all-codes-link">{format!("Every code on one page ({})", catalog::entries().len())}</a>
            </p>
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

/// `/codes/`: every code as a link, by family (codes only: each page carries its message). How a
/// reader without JavaScript, or a crawler, reaches any code.
#[component]
pub fn CodesPage() -> impl IntoView {
    let env = use_env();
    let families = catalog::FAMILIES
        .iter()
        .filter_map(|(fam, label)| {
            let list: Vec<&'static Entry> = catalog::entries()
                .iter()
                .filter(|e| catalog::family(e) == *fam)
                .collect();
            (!list.is_empty()).then(|| {
                let links = list
                    .into_iter()
                    .map(|e| view! { <li><a href=env.href(&Route::Error(e.code.to_string()))>{e.code}</a></li> })
                    .collect_view();
                view! {
                    <h2>{*label}</h2>
                    <ul class="codes">{links}</ul>
                }
            })
        })
        .collect_view();
    view! {
        <h1>"All OKX API v5 error codes"</h1>
        <p class="lead">
            {format!("{} codes, as OKX's documentation groups them; data as of {}. ", catalog::entries().len(), catalog::data_date())}
            <a href=env.href(&Route::Home)>"Search them, or paste your error"</a>
            "."
        </p>
        <div class="all-codes" data-testid="all-codes">{families}</div>
    }
}
