//! The not-found page (`404.html`). The static page cannot know which address was asked for;
//! in the browser an island names it and suggests the nearest codes.

use crate::core::catalog_rows::Row;
use crate::core::routes::{is_code_shaped, parse_localized, EmbedRoute, Route};
use crate::t;
use crate::ui::analysis::{request, Request, Update, WorkerFiles};
use crate::ui::browser::page_path;
use crate::ui::env::use_env;
use crate::ui::island::{island, Island, Props};
use leptos::prelude::*;

/// The not-found page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    view! {
        <article class="not-found">
            <h1>{t!(lang, "Page not found", "页面不存在")}</h1>
            {island(Requested { worker: env.worker.clone() })}
            <p>
                {t!(
                    lang,
                    "The address may be mistyped, or the code is not in the OKX API v5 catalog. Go to the ",
                    "地址可能输错了，或者这个错误码不在欧易（OKX）API v5 的错误码表里。可以查看"
                )}
                <a href=env.href(&Route::Home)>{t!(lang, "list of all error codes", "全部错误码列表")}</a>
                {t!(lang, " or try the ", "，或者试试")}
                <a href=env.href(&Route::Wizard)>{t!(lang, "wizard", "排查向导")}</a>
                {t!(lang, ".", "。")}
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
        let lang = env.lang;
        let path = page_path();
        if path.is_empty() {
            // Natively: the room the suggestions will take (see `.not-found-requested`).
            return view! { <div class="not-found-requested" data-dynamic=""></div> }.into_any();
        }
        // A Chinese page's address is under `zh/`: the route is what follows it.
        let (_, route) = parse_localized(&path, &env.base);
        let (shown, code) = match route {
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
            Some(c) if is_code_shaped(c) => t!(lang, "OKX's documentation has no error code ", "欧易文档中没有错误码 "),
            Some(_) => t!(lang, "This is not an OKX error code: ", "这不是欧易的错误码："),
            None => t!(lang, "There is no page at ", "没有这个页面："),
        };
        let base = env.base.clone();
        let list = move || {
            let rows = near.get();
            (!rows.is_empty()).then(|| {
                let items = rows
                    .into_iter()
                    .map(|r| {
                        let href = Route::Error(r.code.clone()).href_in(&base, lang);
                        view! { <li><a href=href>{r.code}</a> " " {r.msg}</li> }
                    })
                    .collect_view();
                view! {
                    <h2>{t!(lang, "Nearest known codes", "最接近的已知错误码")}</h2>
                    <ul data-testid="nearest-codes">{items}</ul>
                }
            })
        };
        view! {
            <div class="not-found-requested" data-dynamic="">
                <p data-testid="not-found">{what} <code>{shown}</code> {t!(lang, ".", "。")}</p>
                {list}
            </div>
        }
        .into_any()
    }
}
