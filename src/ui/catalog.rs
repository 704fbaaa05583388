//! The catalog on the home page. [`StaticCatalog`] is the first rows of the table, rendered
//! once by the generator; [`CatalogSearch`] (an island) is the search box and filters, and shows
//! its own results table while a search or filter is active (the CSS then hides the static
//! table). The query and filters live in the URL (`?q=&fam=&sec=&ch=`, replaced, not pushed) so
//! a search can be shared and survives reload.

use super::browser::{now_ms, on_keydown, replace_query};
use super::env::use_env;
use super::island::{Island, Props};
use crate::core::catalog::{self, Channel};
use crate::core::routes;
use crate::core::num::fixed;
use crate::core::search::{self, Filters, Hit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Rows rendered at most until the user asks for all (the first codes, or the best-ranked
/// matches). Rendering all 1,099 rows at start-up was one main-thread task of about 190 ms
/// (750 ms on a 4x slower phone) and 7,000 elements; 100 rows keep both small.
pub const RENDER_CAP: usize = 100;

/// One table row (static: rows are re-used by key when the results change).
fn row(index: usize, base: &str) -> impl IntoView {
    let e = &catalog::entries()[index];
    let href = routes::Route::Error(e.code.to_string()).href(base);
    view! {
        <tr data-code=e.code>
            <td class="col-code">
                <a href=href>{e.code}</a>
            </td>
            <td class="col-http">{catalog::http_statuses_text(e).unwrap_or_else(|| "–".into())}</td>
            <td class="col-msg">{if e.msg.is_empty() { "(no message: success)" } else { e.msg }}</td>
            <td class="col-section">{e.section}</td>
            <td class="col-channel">{e.channel.label()}</td>
            <td class="col-ccxt">{e.ccxt_exception.unwrap_or("–")}</td>
        </tr>
    }
}

/// The table's head and caption.
fn table_head() -> impl IntoView {
    view! {
        <caption class="visually-hidden">"OKX API v5 error codes"</caption>
        <thead>
            <tr>
                <th scope="col">"Code"</th>
                <th scope="col">"HTTP"</th>
                <th scope="col">"Message"</th>
                <th scope="col">"Section"</th>
                <th scope="col">"Channel"</th>
                <th scope="col">"ccxt exception"</th>
            </tr>
        </thead>
    }
}

/// The first [`RENDER_CAP`] codes, as the page shows them before any search (static).
#[component]
pub fn StaticCatalog() -> impl IntoView {
    let base = use_env().base;
    let rows = (0..RENDER_CAP.min(catalog::entries().len())).map(|i| row(i, &base)).collect_view();
    view! {
        <div class="table-wrap catalog-static">
            <table class="catalog-table" data-testid="catalog-table-static">
                {table_head()}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The catalog search (an island).
#[derive(Debug, Clone, Copy, Default)]
pub struct CatalogSearch;

impl Island for CatalogSearch {
    const NAME: &'static str = "catalog";

    fn props(&self) -> Props {
        Props::default()
    }

    fn from_props(_: &Props) -> Option<Self> {
        Some(CatalogSearch)
    }

    fn render(self) -> AnyView {
        catalog_search().into_any()
    }
}

fn catalog_search() -> impl IntoView {
    let env = use_env();
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
    let last_ms = RwSignal::new(0.0f64);
    // Only the first RENDER_CAP rows are rendered until the user asks for all.
    let show_all = RwSignal::new(false);

    let hits = Memo::new(move |_| {
        let filters = Filters {
            family: Some(family.get()).filter(|s| !s.is_empty()),
            section: Some(section.get()).filter(|s| !s.is_empty()),
            channel: match channel.get().as_str() {
                "rest" => Some(Channel::Rest),
                "websocket" => Some(Channel::WebSocket),
                _ => None,
            },
        };
        let t0 = now_ms();
        let h: Vec<Hit> = query.with(|q| search::search(q, &filters));
        last_ms.set(now_ms() - t0);
        h
    });

    // Keep the URL in step with the search (replace, not push).
    Effect::new(move |_| {
        let q = routes::build_query(&[
            ("q", &query.get()),
            ("fam", &family.get()),
            ("sec", &section.get()),
            ("ch", &channel.get()),
        ]);
        replace_query(&q);
    });

    // `/` focuses the search box unless the user is typing somewhere.
    let input_ref = NodeRef::<leptos::html::Input>::new();
    on_keydown(move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document()
            .active_element()
            .map(|el| {
                let tag = el.tag_name().to_ascii_lowercase();
                tag == "input"
                    || tag == "textarea"
                    || tag == "select"
                    || el
                        .dyn_ref::<web_sys::HtmlElement>()
                        .is_some_and(|h| h.is_content_editable())
            })
            .unwrap_or(false);
        if !typing {
            if let Some(input) = input_ref.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });

    let base = StoredValue::new(env.base.clone());
    let total = catalog::entries().len();
    let searching = move || !query.with(|q| q.trim().is_empty());
    let filtered = move || {
        searching() || !family.with(String::is_empty) || !section.with(String::is_empty) || !channel.with(String::is_empty)
    };
    // The island's own table replaces the static one while a search or filter is active, or
    // once the user asked for all rows.
    let active = move || filtered() || show_all.get();
    let capped = move || !show_all.get() && hits.with(Vec::len) > RENDER_CAP;
    let visible = move || {
        let cap = capped();
        hits.with(|h| if cap { h[..RENDER_CAP].to_vec() } else { h.clone() })
    };
    let count_text = move || {
        let n = hits.with(Vec::len);
        if filtered() {
            format!("{n} of {total} codes match")
        } else {
            format!("All {total} codes")
        }
    };

    view! {
        <div class="catalog-search" data-active=move || active().then_some("")>
            <div class="catalog-controls" role="search">
                <label class="search-label" for="catalog-search">
                    "Search codes and messages "
                    <kbd>"/"</kbd>
                </label>
                <input
                    id="catalog-search"
                    type="search"
                    node_ref=input_ref
                    data-testid="catalog-search"
                    placeholder="50113, 5011, too many requests…"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="200"
                    prop:value=move || query.get()
                    on:input:target=move |ev| {
                        show_all.set(false);
                        query.set(ev.target().value());
                    }
                />
                <FilterSelect label="Family " testid="filter-family" value=family options=catalog::FAMILIES.iter().map(|(id, l)| (id.to_string(), l.to_string())).collect() show_all=show_all />
                <FilterSelect label="Section " testid="filter-section" value=section options=catalog::sections().into_iter().map(|s| (s.to_string(), s.to_string())).collect() show_all=show_all />
                <FilterSelect label="Channel " testid="filter-channel" value=channel options=vec![("rest".into(), "REST".into()), ("websocket".into(), "WebSocket".into())] show_all=show_all />
            </div>
            <p class="result-count" data-testid="result-count" aria-live="polite" data-filter-ms=move || fixed(last_ms.get(), 2)>
                {count_text}
            </p>
            <Show when=move || hits.with(Vec::is_empty)>
                <p class="no-results" data-testid="no-results">
                    "Nothing matches “" {move || query.get()} "”. Try part of a code (5011) or fewer words of the message."
                </p>
            </Show>
            <Show when=active>
                <div class="table-wrap">
                    <table class="catalog-table" data-testid="catalog-table">
                        {table_head()}
                        <tbody>
                            <For each=visible key=|h| h.index let:h>
                                {row(h.index, &base.get_value())}
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=capped>
                <p>
                    <button type="button" data-testid="show-all" on:click=move |_| show_all.set(true)>
                        {move || if searching() {
                            format!("Show all {} results", hits.with(Vec::len))
                        } else {
                            format!("Show all {} codes", hits.with(Vec::len))
                        }}
                    </button>
                </p>
            </Show>
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
    view! {
        <label class="filter">
            {label}
            <select data-testid=testid on:change:target=move |ev| { show_all.set(false); value.set(ev.target().value()) } prop:value=move || value.get()>
                <option value="">"All"</option>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </label>
    }
}
