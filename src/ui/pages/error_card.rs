//! The error embed (`/embed/e/<code>/`): a compact card by default, the whole error page with the
//! `full` option. Both are rendered into the one generated page; the inline page script
//! (`public/theme.js`) sets `<html data-full>` before first paint for `?full=1` (as it does for
//! `?compact=1`), and the CSS shows one of the two. So the card needs no wasm, and choosing the
//! full page shifts nothing.

use crate::core::catalog::Entry;
use crate::core::categorize::category_of;
use crate::core::category::Category;
use crate::core::kb::{self, first_sentence, Cause};
use crate::core::routes::Route;
use crate::core::wizard;
use crate::t;
use crate::ui::env::use_env;
use crate::ui::pages::error::{heading_words, kb_text, ErrorPage};
use leptos::prelude::*;

/// How many causes the card lists: the few that cover most cases, each with its one-line fix
/// (the CSS shows the first two on a narrow frame, where three would pass the card's height).
pub const CARD_CAUSES: usize = 3;

/// The error embed: the card, and the whole page for `?full=1`.
#[component]
pub fn ErrorEmbed(
    /// The catalog entry.
    e: &'static Entry,
) -> impl IntoView {
    view! {
        <div class="embed-card" data-testid="embed-card">
            <ErrorCard e=e />
        </div>
        <div class="embed-full" data-testid="embed-full">
            <ErrorPage e=e embed=true />
        </div>
    }
}

/// The card: the code and OKX's message, the meaning in one sentence, the top causes with their
/// one-line fixes, and links to "Diagnose my case" and the full page (opened in a new tab, also
/// before the embed's script runs).
#[component]
fn ErrorCard(
    /// The catalog entry.
    e: &'static Entry,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let category = category_of(e);
    let causes: Vec<&'static Cause> = kb::causes_for_message_in(lang, Some(e.code), category, "")
        .into_iter()
        .take(CARD_CAUSES)
        .collect();
    let (what, msg) = heading_words(e, lang);
    view! {
        <article class="error-card">
            <h1 class="card-heading">
                <span class="visually-hidden">{what} " "</span>
                <span class="code" data-testid="card-code">{e.code}</span>
                " "
                <span data-testid="card-message">{msg}</span>
            </h1>
            <CardMeaning e=e category=category />
            <CardCauses causes=causes />
            <CardLinks e=e category=category />
        </article>
    }
}

/// What the code means, in one sentence (the knowledge base's summary, or its category's meaning).
#[component]
fn CardMeaning(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
) -> impl IntoView {
    let lang = use_env().lang;
    kb::code_info_in(lang, e.code)
        .map(|i| i.summary)
        .or_else(|| kb::category_info_in(lang, category).map(|c| c.meaning))
        .map(first_sentence)
        .filter(|m| !m.trim().is_empty())
        .map(|m| view! { <p class="card-meaning" data-testid="card-meaning">{kb_text(m)}</p> })
}

/// The top causes, each with the first sentence of its fix.
#[component]
fn CardCauses(
    /// The causes to list, most likely first.
    causes: Vec<&'static Cause>,
) -> impl IntoView {
    let lang = use_env().lang;
    (!causes.is_empty()).then(|| {
        let items = causes
            .into_iter()
            .map(|c| {
                view! {
                    <li class="card-cause" data-testid="card-cause">
                        <span class="card-cause-title">{kb_text(c.title)}</span>
                        <span class="card-fix">
                            <strong>{t!(lang, "Fix: ", "解决办法：")}</strong>
                            {kb_text(first_sentence(c.fix))}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="card-causes-title">{t!(lang, "Likely causes", "可能的原因")}</p>
            <ol class="card-causes">{items}</ol>
        }
    })
}

/// "Diagnose my case" (the wizard for this code) and the full page, in a new tab.
#[component]
fn CardLinks(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let wizard_href = env.wizard_href(&wizard::query_for_code(category, e.code));
    let full = env.href(&Route::Error(e.code.to_string()));
    view! {
        <p class="card-links">
            <a class="button" href=wizard_href target="_blank" rel="noopener" data-testid="card-diagnose">
                {t!(lang, "Diagnose my case", "诊断我的情况")}
            </a>
            <a href=full target="_blank" rel="noopener" data-testid="card-full-page">
                {t!(lang, "Full page: all causes, code and details", "完整页面：全部原因、代码和详情")}
            </a>
        </p>
    }
}
