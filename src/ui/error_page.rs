//! One error's page: everything the catalog and the knowledge base know about a code.

use super::app::use_nav;
use super::util::copy_text;
use crate::core::catalog::{self, Entry};
use crate::core::categorize::category_of;
use crate::core::kb::{self, Cause, Snippet};
use crate::core::routes::{is_code_shaped, Route};
use crate::core::search::nearest_codes;
use leptos::prelude::*;

/// A button that copies `text` and says so.
#[component]
pub fn CopyButton(
    /// What to copy.
    text: String,
    /// Button label.
    #[prop(default = "Copy")]
    label: &'static str,
    /// Test id.
    #[prop(default = "copy")]
    testid: &'static str,
) -> impl IntoView {
    let state = RwSignal::new(0u8);
    let text = StoredValue::new(text);
    view! {
        <button
            type="button"
            class="copy-button"
            data-testid=testid
            on:click=move |_| copy_text(text.get_value(), move |ok| {
                let _ = state.try_set(if ok { 1 } else { 2 });
            })
        >
            {move || match state.get() {
                1 => "Copied",
                2 => "Press Ctrl+C to copy",
                _ => label,
            }}
        </button>
        <span class="visually-hidden" aria-live="polite">
            {move || if state.get() == 1 { "Copied to the clipboard" } else { "" }}
        </span>
    }
}

fn cause_view(c: &'static Cause, rank: usize) -> impl IntoView {
    view! {
        <li class="cause">
            <h3>{format!("{rank}. {}", c.title)}</h3>
            <p>{c.detail}</p>
            <dl>
                <dt>"How to confirm"</dt>
                <dd>{c.confirm}</dd>
                <dt>"Fix"</dt>
                <dd>{c.fix}</dd>
                <dt>"Check that it worked"</dt>
                <dd>{c.verify}</dd>
            </dl>
        </li>
    }
}

fn snippet_view(s: &'static Snippet) -> impl IntoView {
    view! {
        <figure class="snippet" data-lib=s.lib>
            <figcaption>
                <span class="snippet-lib">{s.lib}</span>
                " "
                {s.title}
                " "
                <CopyButton text=s.code.to_string() testid="copy-snippet" />
            </figcaption>
            <pre><code>{s.code}</code></pre>
        </figure>
    }
}

fn messages_view(e: &'static Entry) -> impl IntoView {
    let mut rows: Vec<(String, String)> = Vec::new();
    for r in e.alt_rows {
        rows.push((
            r.http_status
                .map(|s| format!("HTTP {s}"))
                .unwrap_or_else(|| "docs".into()),
            r.msg.to_string(),
        ));
    }
    for v in e.msg_variants {
        rows.push((format!("variant ({})", v.source), v.msg.to_string()));
    }
    for o in e.observed {
        rows.push(("seen in the wild".into(), o.msg.to_string()));
    }
    (!rows.is_empty()).then(|| {
        view! {
            <h2>"Other wording of this error"</h2>
            <ul class="variants">
                {rows.into_iter().map(|(k, m)| view! { <li><span class="variant-kind">{k}</span> " " <q>{m}</q></li> }).collect_view()}
            </ul>
        }
    })
}

/// The page for `/e/<code>` (and `/embed/e/<code>`).
#[component]
pub fn ErrorPage(
    /// The code from the URL, as typed (may be hostile: only ever rendered as text).
    code: String,
    /// Compact layout for iframes.
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    match catalog::get(&code) {
        Some(e) => found(e, embed).into_any(),
        None => view! { <UnknownCode code=code /> }.into_any(),
    }
}

fn found(e: &'static Entry, embed: bool) -> impl IntoView {
    let nav = use_nav();
    let category = category_of(e);
    let info = kb::code_info(e.code).or_else(|| kb::code_info(e.base_code));
    let cat_info = kb::category_info(category);
    let causes = kb::causes(Some(e.code), category);
    let snippets: Vec<&'static Snippet> = info
        .map(|i| i.snippets.iter().collect::<Vec<_>>())
        .filter(|v| !v.is_empty())
        .or_else(|| cat_info.map(|c| c.snippets.iter().collect()))
        .unwrap_or_default();
    let related: Vec<&'static str> = info.map(|i| i.related.to_vec()).unwrap_or_default();
    // Embed options (src/ui/embed.rs): ?compact=1 hides secondary sections, ?lang= orders snippets.
    let opts = if embed {
        super::embed::options()
    } else {
        Default::default()
    };
    let mut snippets = snippets;
    super::embed::order_snippets(&mut snippets, opts.lang);
    let related = if opts.compact { Vec::new() } else { related };
    let link = {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}", nav.href(&Route::Error(e.code.to_string())))
    };
    let wizard = format!(
        "{}{}",
        nav.href(&Route::Wizard),
        crate::core::routes::build_query(&[("c", category.id()), ("code", e.code)])
    );
    let http = catalog::http_status_label(e);
    let ccxt = e.ccxt_exception.map(|c| catalog::ccxt_ancestry(c).join(" → "));
    let title_msg = if e.msg.is_empty() { "Success (no error)" } else { e.msg };
    view! {
        <article class="error-page" class:compact=embed data-testid="error-page">
            <p class="breadcrumb"><a href=nav.href(&Route::Home)>"All codes"</a></p>
            <h1>
                <span class="code" data-testid="error-code">{e.code}</span>
                " "
                <span data-testid="error-message">{title_msg}</span>
            </h1>
            <dl class="facts">
                <dt>"Category"</dt>
                <dd data-testid="error-category">{category.label()} " (" <code>{category.id()}</code> ")"</dd>
                <dt>"HTTP status"</dt>
                <dd>{http}</dd>
                <dt>"Channel"</dt>
                <dd>{e.channel.label()}</dd>
                <dt>"Section"</dt>
                <dd>{e.section} {e.subsection.map(|s| format!(" · {s}"))}</dd>
                <dt>"ccxt exception"</dt>
                <dd>{ccxt.unwrap_or_else(|| "not mapped by ccxt".into())}</dd>
                <dt>"Docs status"</dt>
                <dd>{e.doc_status.label()}</dd>
            </dl>
            {info.map(|i| view! { <p class="summary" data-testid="error-summary">{i.summary}</p> })}
            {cat_info.map(|c| view! { <p class="category-meaning">{c.meaning}</p> })}
            {(!opts.compact).then(|| messages_view(e))}
            {(!opts.compact && !e.sub_codes.is_empty()).then(|| view! {
                <h2>"Sub-codes"</h2>
                <ul class="sub-codes">
                    {e.sub_codes.iter().map(|sc| {
                        let msg = catalog::get(sc).map(|s| s.msg).unwrap_or("");
                        view! { <li><a href=nav.href(&Route::Error(sc.to_string()))>{*sc}</a> " " {msg}</li> }
                    }).collect_view()}
                </ul>
            })}
            <h2>"Likely causes"</h2>
            {if causes.is_empty() {
                view! { <p>"We have no specific knowledge of this code yet. Check the message and the parameters of the request that failed."</p> }.into_any()
            } else {
                view! { <ol class="causes" data-testid="error-causes">{causes.into_iter().enumerate().map(|(i, c)| cause_view(c, i + 1)).collect_view()}</ol> }.into_any()
            }}
            {(!snippets.is_empty()).then(|| view! {
                <h2>"Fix snippets"</h2>
                {snippets.into_iter().map(snippet_view).collect_view()}
            })}
            {(!related.is_empty()).then(|| view! {
                <h2>"Related codes"</h2>
                <ul class="related">
                    {related.into_iter().map(|c| view! { <li><a href=nav.href(&Route::Error(c.to_string()))>{c}</a> " " {catalog::get(c).map(|e| e.msg).unwrap_or("")}</li> }).collect_view()}
                </ul>
            })}
            <div class="actions">
                <a class="button" href=wizard data-testid="diagnose-my-case" target=embed.then_some("_blank")>"Diagnose my case"</a>
                <CopyButton text=link label="Copy link" testid="copy-link" />
            </div>
            {(!embed).then(|| view! { <super::embed::EmbedPanel route=Route::Error(e.code.to_string()) /> })}
        </article>
    }
}

/// An unknown or malformed code: say so, and offer the nearest known codes.
#[component]
fn UnknownCode(code: String) -> impl IntoView {
    let nav = use_nav();
    let near = nearest_codes(&code, 5);
    let shaped = is_code_shaped(&code);
    view! {
        <h1>"Unknown error code"</h1>
        <p data-testid="not-found">
            {if shaped { "OKX's documentation has no error code " } else { "This is not an OKX error code: " }}
            <code>{code}</code>
            "."
        </p>
        {(!near.is_empty()).then(|| view! {
            <h2>"Nearest known codes"</h2>
            <ul data-testid="nearest-codes">
                {near.into_iter().map(|e| view! { <li><a href=nav.href(&Route::Error(e.code.to_string()))>{e.code}</a> " " {e.msg}</li> }).collect_view()}
            </ul>
        })}
        <p><a href=nav.href(&Route::Home)>"Search the catalog"</a></p>
    }
}
