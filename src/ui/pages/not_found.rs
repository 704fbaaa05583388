//! The not-found page (`404.html`). The static page cannot know which address was asked for;
//! in the browser an island names it and suggests the nearest codes.

use crate::core::routes::{is_code_shaped, parse_path, Route};
use crate::core::search::nearest_codes;
use crate::ui::env::use_env;
use crate::ui::island::{island, Island, Props};
use crate::ui::pages::error::CodeItem;
use leptos::prelude::*;

/// How many nearby codes an unknown code's page suggests.
const NEAREST: usize = 5;

/// The not-found page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let env = use_env();
    view! {
        <article class="not-found">
            <h1>"Page not found"</h1>
            {island(Requested)}
            <p>
                "The address may be mistyped, or the code is not in the OKX API v5 catalog. Go to the "
                <a href=env.href(&Route::Home)>"list of all error codes"</a>
                " or try the "
                <a href=env.href(&Route::Wizard)>"wizard"</a>
                "."
            </p>
        </article>
    }
}

/// What was asked for, and the nearest known codes when it was an error page (an island: only
/// the browser knows the address).
#[derive(Debug, Clone, Copy, Default)]
pub struct Requested;

impl Island for Requested {
    const NAME: &'static str = "not-found";

    fn props(&self) -> Props {
        Props::default()
    }

    fn from_props(_: &Props) -> Option<Self> {
        Some(Requested)
    }

    fn render(self) -> AnyView {
        let env = use_env();
        let path = super::super::browser::page_path();
        if path.is_empty() {
            return ().into_any();
        }
        let (shown, code) = match parse_path(&path, &env.base) {
            Route::Error(c) | Route::Embed(crate::core::routes::EmbedRoute::Error(c)) => (c.clone(), Some(c)),
            Route::NotFound(p) => (p, None),
            other => (other.href("/").trim_matches('/').to_string(), None),
        };
        let near = code.as_deref().map(|c| nearest_codes(c, NEAREST)).unwrap_or_default();
        let what = match &code {
            Some(c) if is_code_shaped(c) => "OKX's documentation has no error code ",
            Some(_) => "This is not an OKX error code: ",
            None => "There is no page at ",
        };
        view! {
            <div data-dynamic="">
                <p data-testid="not-found">{what} <code>{shown}</code> "."</p>
                {(!near.is_empty()).then(|| view! {
                    <h2>"Nearest known codes"</h2>
                    <ul data-testid="nearest-codes">{near.into_iter().map(|e| view! { <CodeItem code=e.code /> }).collect_view()}</ul>
                })}
            </div>
        }
        .into_any()
    }
}
