//! The catalog on the home page. [`StaticCatalog`] is the first rows of the table, rendered once
//! by the generator; [`CatalogSearch`] (an island) is the search box and filters. While a search
//! or filter is active it shows its own results (found by the analysis worker, which holds the
//! catalog) and the CSS hides the static table. The query and filters live in the URL
//! (`?q=&fam=&sec=&ch=`, replaced, not pushed) so a search can be shared and survives reload.

use super::analysis::{self, Request, Update, WorkerFiles};
use super::browser::{go, now_ms, on_keydown, replace_query};
use super::env::use_env;
use super::island::{Island, Props};
use crate::core::catalog;
use crate::core::catalog_rows::{family_label, section_label, Query, Row, Rows, FAMILY_IDS};
use crate::core::lang::Lang;
use crate::core::num::fixed;
use crate::core::routes::{self, Route};
use crate::{t, tf};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows rendered at most until the user asks for all (the first codes, or the best-ranked
/// matches). Rendering all 1,099 rows at start-up was one main-thread task of about 190 ms
/// (750 ms on a 4x slower phone) and 7,000 elements; 100 rows keep both small.
pub const RENDER_CAP: usize = 100;

/// Rows of the static table shown before a search: more than a phone's first screens, and each
/// row costs the home page's HTML about 40 bytes gzip (all codes are on `/codes/` and a click on
/// "Show all" away).
pub const STATIC_ROWS: usize = 50;

/// One table row (its link to the code's page in `lang`).
fn row_view(r: Row, base: &str, lang: Lang) -> impl IntoView {
    let href = Route::Error(r.code.clone()).href_in(base, lang);
    let code = r.code.clone();
    view! {
        <tr data-code=code>
            <td class="col-code"><a href=href>{r.code}</a></td>
            <td class="col-http">{r.http}</td>
            <td class="col-msg">{r.msg}</td>
            <td class="col-section">{r.section}</td>
            <td class="col-channel">{r.channel}</td>
            <td class="col-ccxt">{r.ccxt}</td>
        </tr>
    }
}

/// The table's head and caption.
fn table_head(lang: Lang) -> AnyView {
    view! {
        <caption class="visually-hidden">{t!(lang, "OKX API v5 error codes", "欧易 API v5 错误码")}</caption>
        <thead>
            <tr>
                <th scope="col">{t!(lang, "Code", "错误码")}</th>
                <th scope="col">"HTTP"</th>
                <th scope="col">{t!(lang, "Message", "消息")}</th>
                <th scope="col">{t!(lang, "Section", "分类")}</th>
                <th scope="col">{t!(lang, "Channel", "接口")}</th>
                <th scope="col">{t!(lang, "ccxt exception", "ccxt 异常")}</th>
            </tr>
        </thead>
    }
    .into_any()
}

/// The first [`STATIC_ROWS`] codes, as the page shows them before any search (static).
#[component]
pub fn StaticCatalog() -> impl IntoView {
    let env = use_env();
    let (base, lang) = (env.base, env.lang);
    let rows = catalog::entries()
        .iter()
        .take(STATIC_ROWS)
        .map(|e| row_view(Row::of_in(e, lang), &base, lang))
        .collect_view();
    view! {
        <div class="table-wrap catalog-static">
            <table class="catalog-table" data-testid="catalog-table-static">
                {table_head(lang)}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The catalog search (an island).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogSearch {
    /// The analysis worker's Trunk output name, when built.
    pub worker: Option<String>,
    /// The docs sections, for the section filter.
    pub sections: Vec<String>,
    /// How many codes the catalog has.
    pub total: usize,
}

impl CatalogSearch {
    /// The search of this build's catalog.
    pub fn new(worker: Option<String>) -> Self {
        CatalogSearch {
            worker,
            sections: catalog::sections().into_iter().map(str::to_string).collect(),
            total: catalog::entries().len(),
        }
    }
}

/// Separates the section names in the island's props.
const SECTION_SEP: char = '\n';

impl Island for CatalogSearch {
    const NAME: &'static str = "catalog";

    fn props(&self) -> Props {
        let sections = self.sections.join(&SECTION_SEP.to_string());
        Props::new(&[
            ("worker", self.worker.as_deref().unwrap_or("")),
            ("sections", &sections),
            ("total", &self.total.to_string()),
        ])
    }

    fn from_props(p: &Props) -> Option<Self> {
        Some(CatalogSearch {
            worker: p.get("worker").filter(|w| !w.is_empty()).map(str::to_string),
            sections: p
                .text("sections")
                .split(SECTION_SEP)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            total: p.get("total")?.parse().ok()?,
        })
    }

    fn render(self) -> AnyView {
        catalog_search(self).into_any()
    }
}

/// `/` focuses the search box unless the user is typing somewhere.
fn focus_on_slash(input: NodeRef<leptos::html::Input>) {
    on_keydown(move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(
                el.tag_name().to_ascii_lowercase().as_str(),
                "input" | "textarea" | "select"
            ) || el
                .dyn_ref::<web_sys::HtmlElement>()
                .is_some_and(|h| h.is_content_editable())
        });
        if let (false, Some(i)) = (typing, input.get()) {
            ev.prevent_default();
            let _ = i.focus();
        }
    });
}

fn catalog_search(props: CatalogSearch) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let files = StoredValue::new(props.worker.clone().map(|w| WorkerFiles::new(&env.base, &w)));
    let initial = routes::parse_query(&env.query);
    let get = |k: &str| {
        initial
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let query = RwSignal::new(get("q"));
    let family = RwSignal::new(get("fam"));
    let section = RwSignal::new(get("sec"));
    let channel = RwSignal::new(get("ch"));
    let show_all = RwSignal::new(false);
    let rows = RwSignal::new(None::<Rows>);
    let last_ms = RwSignal::new(0.0f64);
    let base = StoredValue::new(env.base.clone());
    let total = props.total;

    let filtered = move || {
        !query.with(|q| q.trim().is_empty())
            || !family.with(String::is_empty)
            || !section.with(String::is_empty)
            || !channel.with(String::is_empty)
    };
    // The island's own table replaces the static one while a search or filter is active, or once
    // the user asked for all rows.
    let active = move || filtered() || show_all.get();

    // Ask the worker for the rows whenever the search changes; keep the URL in step (replaced).
    Effect::new(move |_| {
        let q = Query {
            q: query.get(),
            fam: family.get(),
            sec: section.get(),
            ch: channel.get(),
            limit: if show_all.get() { usize::MAX } else { RENDER_CAP },
            lang,
        };
        replace_query(&routes::build_query(&[
            ("q", &q.q),
            ("fam", &q.fam),
            ("sec", &q.sec),
            ("ch", &q.ch),
        ]));
        if !active() {
            return;
        }
        let Some(f) = files.get_value() else { return };
        let t0 = now_ms();
        analysis::request(f, Request::Search(q), move |u| {
            if let Update::Rows(r) = u {
                last_ms.try_set(now_ms() - t0);
                rows.try_set(Some(r));
            }
        });
    });

    let input_ref = NodeRef::<leptos::html::Input>::new();
    focus_on_slash(input_ref);
    // Enter on an exact code opens its page (the worker ranks an exact code first).
    let on_enter = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        let typed = query.with_untracked(|q| q.trim().to_string());
        let first = rows.with_untracked(|r| r.as_ref().and_then(|r| r.rows.first().map(|x| x.code.clone())));
        if first.is_some_and(|c| c == typed) {
            go(&Route::Error(typed).href_in(&base.get_value(), lang));
        }
    };
    let matched = move || rows.with(|r| r.as_ref().map(|r| r.total).unwrap_or(total));
    let count_text = move || {
        if filtered() {
            tf!(
                lang,
                "{} of {total} codes match",
                "{total} 个错误码中有 {} 个匹配",
                matched()
            )
        } else {
            tf!(lang, "All {total} codes", "全部 {total} 个错误码")
        }
    };
    let capped = move || {
        !show_all.get()
            && (if active() {
                matched() > RENDER_CAP
            } else {
                total > STATIC_ROWS
            })
    };
    let visible = move || rows.with(|r| r.as_ref().map(|r| r.rows.clone()).unwrap_or_default());
    let no_results = move || active() && rows.with(|r| r.as_ref().is_some_and(|r| r.total == 0));
    let families: Vec<(String, String)> = FAMILY_IDS
        .iter()
        .map(|id| (id.to_string(), family_label(id, lang).to_string()))
        .collect();
    let sections: Vec<(String, String)> = props
        .sections
        .iter()
        .map(|s| (s.clone(), section_label(s, lang).to_string()))
        .collect();
    let channels = vec![
        ("rest".to_string(), "REST".to_string()),
        ("websocket".to_string(), "WebSocket".to_string()),
    ];

    // The controls, the count and the button are views of their own (type-erased), which keeps
    // the island's view type within the compiler's depth limit.
    let controls = view! {
        <div class="catalog-controls" role="search">
            <label class="search-label" for="catalog-search">{t!(lang, "Search codes and messages ", "搜索错误码和消息 ")} <kbd>"/"</kbd></label>
            <input
                id="catalog-search"
                type="search"
                node_ref=input_ref
                data-testid="catalog-search"
                placeholder={t!(lang, "50113, posSide, too many requests…", "50113、posSide、余额不足…")}
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                prop:value=move || query.get()
                on:input:target=move |ev| {
                    show_all.set(false);
                    query.set(ev.target().value());
                }
                on:keydown=on_enter
            />
            <FilterSelect label={t!(lang, "Family ", "号段 ")} testid="filter-family" value=family options=families show_all=show_all />
            <FilterSelect label={t!(lang, "Section ", "分类 ")} testid="filter-section" value=section options=sections show_all=show_all />
            <FilterSelect label={t!(lang, "Channel ", "接口 ")} testid="filter-channel" value=channel options=channels show_all=show_all />
        </div>
    }
    .into_any();
    let no_results_text = move || {
        tf!(
            lang,
            "Nothing matches “{}”. Try part of a code (5011) or fewer words of the message.",
            "没有与“{}”匹配的结果。试试只输入错误码的一部分（如 5011），或少输几个消息里的词。",
            query.get()
        )
    };

    let count = view! {
        <p class="result-count" data-testid="result-count" aria-live="polite" data-filter-ms=move || fixed(last_ms.get(), 2)>
            {count_text}
            <span class="data-date">{tf!(lang, " · data as of {}", " · 数据截至 {}", catalog::data_date())}</span>
        </p>
    }
    .into_any();
    let show_all_button = view! {
        <Show when=capped>
            <p>
                <button type="button" data-testid="show-all" on:click=move |_| show_all.set(true)>
                    {move || {
                        let n = if active() { matched() } else { total };
                        if filtered() {
                            tf!(lang, "Show all {n} results", "显示全部 {n} 个结果")
                        } else {
                            tf!(lang, "Show all {n} codes", "显示全部 {n} 个错误码")
                        }
                    }}
                </button>
            </p>
        </Show>
    }
    .into_any();

    view! {
        <div class="catalog-search" data-active=move || active().then_some("")>
            {controls}
            {count}
            <Show when=no_results>
                <p class="no-results" data-testid="no-results">{no_results_text}</p>
            </Show>
            <Show when=active>
                <div class="table-wrap">
                    <table class="catalog-table" data-testid="catalog-table">
                        {table_head(lang)}
                        <tbody>
                            <For each=visible key=|r| r.code.clone() let:r>
                                {row_view(r, &base.get_value(), lang)}
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            {show_all_button}
        </div>
    }
}

/// A filter drop-down bound to `value` (an empty value means "All").
#[component]
fn FilterSelect(
    /// The label before the drop-down.
    label: &'static str,
    /// `data-testid` of the select.
    testid: &'static str,
    /// The selected value.
    value: RwSignal<String>,
    /// (value, label) of each option after "All".
    options: Vec<(String, String)>,
    /// Reset to the capped view when the filter changes.
    show_all: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <label class="filter">
            {label}
            <select data-testid=testid on:change:target=move |ev| { show_all.set(false); value.set(ev.target().value()) } prop:value=move || value.get()>
                <option value="">{t!(lang, "All", "全部")}</option>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </label>
    }
}
