//! The not-found page (`404.html`). The static page cannot know which address was asked for;
//! in the browser an island names it and suggests the nearest codes.

use crate::core::catalog_rows::Row;
use crate::core::routes::{is_code_shaped, parse_path, EmbedRoute, Route};
use crate::ui::analysis::{request, Request, Update, WorkerFiles};
use crate::ui::browser::page_path;
use crate::ui::env::use_env;
use crate::ui::island::{island, Island, Props};
use leptos::prelude::*;

/// The not-found page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let env = use_env();
    view! {
        <article class="not-found">
            <h1>"Page not found"</h1>
            {island(Requested { worker: env.worker.clone() })}
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
/// the browser knows the address; the analysis worker, which holds the catalog, finds the codes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requested {
    /// The analysis worker's Trunk output name, when built.
    pub worker: Option<String>,
}

impl Island for Requested {
    const NAME: &'static str = "not-found";

    fn props(&self) -> Props {
        Props::new(&[("worker", self.worker.as_deref().unwrap_or(""))])
    }

    fn from_props(p: &Props) -> Option<Self> {
        Some(Requested {
            worker: p.get("worker").filter(|w| !w.is_empty()).map(str::to_string),
        })
    }

    fn render(self) -> AnyView {
        let env = use_env();
        let path = page_path();
        if path.is_empty() {
            // Natively: the room the suggestions will take (see `.not-found-requested`).
            return view! { <div class="not-found-requested" data-dynamic=""></div> }.into_any();
        }
        let (shown, code) = match parse_path(&path, &env.base) {
            Route::Error(c) | Route::Embed(EmbedRoute::Error(c)) => (c.clone(), Some(c)),
            Route::NotFound(p) => (p, None),
            other => (other.href("/").trim_matches('/').to_string(), None),
        };
        let near = RwSignal::new(Vec::<Row>::new());
        if let (Some(c), Some(w)) = (code.clone(), self.worker) {
            request(WorkerFiles::new(&env.base, &w), Request::Nearest(c), move |u| {
                if let Update::Rows(r) = u {
                    near.try_set(r.rows);
                }
            });
        }
        let what = match &code {
            Some(c) if is_code_shaped(c) => "OKX's documentation has no error code ",
            Some(_) => "This is not an OKX error code: ",
            None => "There is no page at ",
        };
        let base = env.base.clone();
        let list = move || {
            let rows = near.get();
            (!rows.is_empty()).then(|| {
                let items = rows
                    .into_iter()
                    .map(|r| {
                        let href = Route::Error(r.code.clone()).href(&base);
                        view! { <li><a href=href>{r.code}</a> " " {r.msg}</li> }
                    })
                    .collect_view();
                view! {
                    <h2>"Nearest known codes"</h2>
                    <ul data-testid="nearest-codes">{items}</ul>
                }
            })
        };
        view! {
            <div class="not-found-requested" data-dynamic="">
                <p data-testid="not-found">{what} <code>{shown}</code> "."</p>
                {list}
            </div>
        }
        .into_any()
    }
}
