//! The searchable catalog table. The query and filters live in the URL (`?q=&fam=&sec=&ch=`,
//! replaced, not pushed) so a search can be shared and survives reload.

use super::app::use_nav;
use super::util::{now_ms, okx_doctor_routes as routes, replace_query};
use crate::core::catalog::{self, Channel};
use crate::core::num::fixed;
use crate::core::search::{self, Filters, Hit};
use leptos::ev;
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

/// The catalog: search box, filters, result count and table.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let nav = use_nav();
    let initial = routes::parse_query(&nav.search.get_untracked());
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
    let handle = window_event_listener(ev::keydown, move |ev| {
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
    on_cleanup(move || handle.remove());

    let base = nav.base.get_value();
    let total = catalog::entries().len();
    let searching = move || !query.with(|q| q.trim().is_empty());
    let capped = move || !show_all.get() && hits.with(Vec::len) > RENDER_CAP;
    let visible = move || {
        let cap = capped();
        hits.with(|h| if cap { h[..RENDER_CAP].to_vec() } else { h.clone() })
    };
    let count_text = move || {
        let n = hits.with(Vec::len);
        let filtered = !query.with(String::is_empty)
            || !family.with(String::is_empty)
            || !section.with(String::is_empty)
            || !channel.with(String::is_empty);
        if filtered {
            format!("{n} of {total} codes match")
        } else {
            format!("All {total} codes")
        }
    };

    view! {
        <section class="catalog" aria-labelledby="catalog-title">
            <h2 id="catalog-title">"Error catalog"</h2>
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
                <label class="filter">
                    "Family "
                    <select data-testid="filter-family" on:change:target=move |ev| { show_all.set(false); family.set(ev.target().value()) } prop:value=move || family.get()>
                        <option value="">"All"</option>
                        {catalog::FAMILIES.iter().map(|(id, label)| view! { <option value=*id>{*label}</option> }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    "Section "
                    <select data-testid="filter-section" on:change:target=move |ev| { show_all.set(false); section.set(ev.target().value()) } prop:value=move || section.get()>
                        <option value="">"All"</option>
                        {catalog::sections().into_iter().map(|s| view! { <option value=s>{s}</option> }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    "Channel "
                    <select data-testid="filter-channel" on:change:target=move |ev| { show_all.set(false); channel.set(ev.target().value()) } prop:value=move || channel.get()>
                        <option value="">"All"</option>
                        <option value="rest">"REST"</option>
                        <option value="websocket">"WebSocket"</option>
                    </select>
                </label>
            </div>
            <p class="result-count" data-testid="result-count" aria-live="polite" data-filter-ms=move || fixed(last_ms.get(), 2)>
                {count_text}
            </p>
            <Show when=move || hits.with(Vec::is_empty)>
                <p class="no-results" data-testid="no-results">
                    "Nothing matches “" {move || query.get()} "”. Try part of a code (5011) or fewer words of the message."
                </p>
            </Show>
            <div class="table-wrap">
                <table class="catalog-table" data-testid="catalog-table">
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
                    <tbody>
                        <For each=visible key=|h| h.index let:h>
                            {row(h.index, &base)}
                        </For>
                    </tbody>
                </table>
            </div>
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
        </section>
    }
}
