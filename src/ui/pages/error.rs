//! One error's page (`/e/<code>/`, and `/embed/e/<code>/`): everything the catalog and the
//! knowledge base know about a code. Static: only its copy buttons and the embed panel are islands.

use crate::core::catalog::{self, Entry, Kind};
use crate::core::categorize::category_of;
use crate::core::category::Category;
use crate::core::kb::{self, Cause, Snippet};
use crate::core::routes::{build_query, Route};
use crate::core::template::{has_placeholder, readable};
use crate::ui::copy::CopyButton;
use crate::ui::embed::embed_panel;
use crate::ui::env::use_env;
use leptos::prelude::*;

/// Where OKX documents its error codes (an entry's `docs_anchor` is a fragment of this page).
const OKX_DOCS: &str = "https://www.okx.com/docs-v5/en/";

/// A link to a code's page followed by its message.
#[component]
pub fn CodeItem(
    /// The code.
    code: &'static str,
) -> impl IntoView {
    let env = use_env();
    let msg = catalog::get(code).map(|e| readable(e.msg)).unwrap_or_default();
    view! { <li><a href=env.href(&Route::Error(code.to_string()))>{code}</a> " " {msg}</li> }
}

/// The heading of an error page: "OKX error 50113" and the message.
#[component]
fn ErrorHeading(
    /// The entry.
    e: &'static Entry,
) -> impl IntoView {
    let what = if e.kind == Kind::WsCloseFrame {
        "OKX WebSocket close code"
    } else {
        "OKX error"
    };
    let msg = if e.msg.is_empty() {
        "Success (no error)".to_string()
    } else {
        readable(e.msg)
    };
    // A message with placeholders reads naturally in the heading; the exact template follows.
    let template = has_placeholder(e.msg).then(|| {
        view! { <p class="message-template">"OKX's message, with placeholders for the values: " <code>{e.msg}</code></p> }
    });
    view! {
        <h1>
            <span class="visually-hidden">{what} " "</span>
            <span class="code" data-testid="error-code">{e.code}</span>
            " "
            <span data-testid="error-message">{msg}</span>
        </h1>
        {template}
    }
}

/// What the code means: our summary and the category's meaning.
#[component]
fn Meaning(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
) -> impl IntoView {
    let info = kb::code_info(e.code);
    let cat_info = kb::category_info(category).filter(|_| info.is_none() || category != Category::Other);
    view! {
        <h2>"What it means"</h2>
        {info.map(|i| view! { <p class="summary" data-testid="error-summary">{i.summary}</p> })}
        {cat_info.map(|c| view! { <p class="category-meaning">{c.meaning}</p> })}
        {e.note.map(|n| view! { <p class="note">{n}</p> })}
    }
}

/// One cause with how to confirm it, the fix and how to check the fix worked.
#[component]
fn CauseItem(
    /// The cause.
    c: &'static Cause,
    /// Its rank, from 1.
    rank: usize,
) -> impl IntoView {
    view! {
        <li class="cause" id=format!("cause-{}", c.id)>
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

/// The ranked causes of a code.
#[component]
fn Causes(
    /// The causes, most likely first.
    causes: Vec<&'static Cause>,
) -> impl IntoView {
    let body = if causes.is_empty() {
        view! { <p>"We have no specific knowledge of this code yet. Check the message and the parameters of the request that failed."</p> }.into_any()
    } else {
        let items = causes
            .into_iter()
            .enumerate()
            .map(|(i, c)| view! { <CauseItem c=c rank=i + 1 /> })
            .collect_view();
        view! { <ol class="causes" data-testid="error-causes">{items}</ol> }.into_any()
    };
    view! {
        <h2>"Likely causes and fixes"</h2>
        {body}
    }
}

/// A code example with a copy button.
#[component]
pub fn SnippetFigure(
    /// The snippet.
    s: &'static Snippet,
) -> impl IntoView {
    view! {
        <figure class="snippet" data-lib=s.lib>
            <figcaption>
                <span class="snippet-lib">{kb::lib_label(s.lib)}</span>
                " "
                {s.title}
                " "
                {CopyButton::text(s.code, "Copy code", "copy-snippet").view()}
            </figcaption>
            <pre><code>{s.code}</code></pre>
        </figure>
    }
}

/// Every wording of the error: the docs' rows, older wordings and what the live API returns.
fn wordings(e: &'static Entry) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let mut push = |kind: String, msg: &'static str| {
        if !msg.trim().is_empty() && msg != e.msg && !rows.iter().any(|(_, m)| *m == msg) {
            rows.push((kind, msg));
        }
    };
    for r in e.alt_rows {
        push(
            r.http_status
                .map(|s| format!("OKX docs, HTTP {s}"))
                .unwrap_or_else(|| "OKX docs".into()),
            r.msg,
        );
    }
    for v in e.msg_variants {
        push("older wording".into(), v.msg);
    }
    for o in e.observed {
        push("returned by the live API".into(), o.msg);
    }
    rows
}

/// Other wordings of the error (secondary: hidden in compact embeds).
#[component]
fn Wordings(
    /// The entry.
    e: &'static Entry,
) -> impl IntoView {
    let rows = wordings(e);
    (!rows.is_empty()).then(|| {
        let items = rows
            .into_iter()
            .map(|(k, m)| view! { <li><q>{m}</q> " " <small class="variant-kind">"(" {k} ")"</small></li> })
            .collect_view();
        view! {
            <section class="secondary">
                <h2>"Other wording of this error"</h2>
                <ul class="variants">{items}</ul>
            </section>
        }
    })
}

/// The base code of a sub-code, and the sub-codes of a base code (secondary).
#[component]
fn SubCodes(
    /// The entry.
    e: &'static Entry,
) -> impl IntoView {
    let env = use_env();
    let base = e.sub_code.map(|sub| {
        let href = env.href(&Route::Error(e.base_code.to_string()));
        view! { <p class="subcode">"Sub-code " {sub} " of " <a href=href>{e.base_code}</a> "."</p> }
    });
    let subs: Vec<&'static str> = catalog::sub_entries(e.base_code)
        .filter(|s| s.code != e.code)
        .map(|s| s.code)
        .collect();
    let list = (!subs.is_empty() && e.sub_code.is_none()).then(|| {
        view! {
            <h2>"Sub-codes"</h2>
            <ul class="sub-codes">{subs.into_iter().map(|c| view! { <CodeItem code=c /> }).collect_view()}</ul>
        }
    });
    view! { <section class="secondary">{base} {list}</section> }
}

/// The catalog's facts about the code.
#[component]
fn Facts(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
) -> impl IntoView {
    let ccxt = e
        .ccxt_exception
        .map(|c| catalog::ccxt_ancestry(c).join(" → "))
        .unwrap_or_else(|| "not mapped by ccxt (ExchangeError by default)".into());
    let channel = if e.kind == Kind::WsCloseFrame {
        "WebSocket close frame"
    } else {
        e.channel.label()
    };
    let section = match e.subsection {
        Some(s) => format!("{} / {s}", e.section),
        None => e.section.to_string(),
    };
    view! {
        <h2>"About this code"</h2>
        <dl class="facts">
            <dt>"Category"</dt>
            <dd data-testid="error-category">{category.label()} " " <code class="chip">{category.id()}</code></dd>
            <dt>"HTTP status"</dt>
            <dd>{catalog::http_status_label(e)}</dd>
            <dt>"Channel"</dt>
            <dd>{channel}</dd>
            <dt>"Docs section"</dt>
            <dd>{section}</dd>
            <dt>"ccxt exception"</dt>
            <dd><code>{ccxt}</code></dd>
            <dt>"Docs status"</dt>
            <dd>{e.doc_status.label()}</dd>
            <dt>"Sources"</dt>
            <dd data-testid="error-sources">{sources(e)}</dd>
            <dt>"Last seen"</dt>
            <dd data-testid="error-last-seen">{last_seen(e)}</dd>
        </dl>
    }
}

/// Where the entry's data comes from: each source with the date of its snapshot.
fn sources(e: &'static Entry) -> String {
    let list: Vec<String> = catalog::sources_of(e)
        .map(|s| format!("{} ({})", s.kind.label(), s.date))
        .collect();
    if list.is_empty() {
        "not recorded".into()
    } else {
        list.join("; ")
    }
}

/// The newest snapshot the entry was seen in.
fn last_seen(e: &'static Entry) -> String {
    match catalog::last_seen_source(e) {
        Some(s) => format!("{} in {}", e.last_seen, s.kind.label()),
        None if !e.last_seen.is_empty() => e.last_seen.to_string(),
        None => "not recorded".into(),
    }
}

/// The page's actions: the wizard, the page's link, the OKX docs and (in an embed) the full page.
#[component]
fn Actions(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
    /// Inside an embed.
    embed: bool,
) -> impl IntoView {
    let env = use_env();
    let wizard = format!(
        "{}{}",
        env.href(&Route::Wizard),
        build_query(&[("c", category.id()), ("code", e.code)])
    );
    let docs = e.docs_anchor.map(|a| format!("{OKX_DOCS}#{a}"));
    let full = embed.then(|| env.href(&Route::Error(e.code.to_string())));
    view! {
        <div class="actions">
            <a class="button" href=wizard data-testid="diagnose-my-case">"Diagnose my case"</a>
            {CopyButton::site_path(env.href(&Route::Error(e.code.to_string())), "Copy link", "copy-link").view()}
        </div>
        <p class="more">
            {docs.map(|d| view! { <a href=d rel="noopener" data-testid="okx-docs-link">"OKX documentation"</a> " · " })}
            {full.map(|f| view! { <a href=f>"Full page"</a> " · " })}
            <a href=env.href(&Route::Home)>"All codes"</a>
        </p>
    }
}

/// The page for an error code.
#[component]
pub fn ErrorPage(
    /// The catalog entry.
    e: &'static Entry,
    /// Inside an embed (no embed panel; secondary sections hidden by `?compact=1`).
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let category = category_of(e);
    let causes = kb::causes(Some(e.code), category);
    let snippets = kb::snippets(Some(e.code), category);
    let related: Vec<&'static str> = kb::code_info(e.code).map(|i| i.related.to_vec()).unwrap_or_default();
    view! {
        <article class="error-page" class:compact=embed data-testid="error-page">
            <ErrorHeading e=e />
            <Meaning e=e category=category />
            <Causes causes=causes />
            {(!snippets.is_empty()).then(|| view! {
                <h2>"Code examples"</h2>
                <div class="snippets">{snippets.into_iter().map(|s| view! { <SnippetFigure s=s /> }).collect_view()}</div>
            })}
            <Actions e=e category=category embed=embed />
            <Facts e=e category=category />
            <Wordings e=e />
            <SubCodes e=e />
            {(!related.is_empty()).then(|| view! {
                <section class="secondary">
                    <h2>"Related codes"</h2>
                    <ul class="related">{related.into_iter().map(|c| view! { <CodeItem code=c /> }).collect_view()}</ul>
                </section>
            })}
            {(!embed).then(|| embed_panel(Route::Error(e.code.to_string())))}
        </article>
    }
}
