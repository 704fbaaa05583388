//! `/wizard`: the wizard with its state in the URL (one history entry per step, so back and
//! forward work, a reload resumes and a link shares the exact step). Cold entry asks what the
//! user is seeing.

use super::app::use_nav;
use super::util::copy_text;
use super::wizard::Wizard;
use crate::core::category::Category;
use crate::core::routes::Route;
use crate::core::wizard::{self, WizardState};
use leptos::prelude::*;

/// Pushes the state's query onto the history when it differs from the current URL.
fn push_state_url(state: &WizardState) {
    let q = wizard::to_query(state);
    let loc = window().location();
    if loc.search().unwrap_or_default() == q {
        return;
    }
    let url = format!("{}{}", loc.pathname().unwrap_or_default(), q);
    if let Ok(h) = window().history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The wizard page.
#[component]
pub fn WizardPage(#[prop(optional)] clock_check: Option<ViewFn>) -> impl IntoView {
    let nav = use_nav();
    let initial = nav.search.with_untracked(|s| wizard::from_query(s));
    let active = RwSignal::new(initial.is_some());
    let state = RwSignal::new(initial.unwrap_or_else(|| WizardState::new(Category::Other, None)));
    // URL → state (first load, back/forward, in-app links).
    Effect::new(move |_| match nav.search.with(|s| wizard::from_query(s)) {
        Some(s) => {
            if state.with_untracked(|cur| cur != &s) {
                state.set(s);
            }
            active.set(true);
        }
        None => active.set(false),
    });
    // State → URL: every answered step becomes a history entry.
    Effect::new(move |_| {
        state.track();
        if active.get_untracked() {
            state.with_untracked(push_state_url);
            let search = window().location().search().unwrap_or_default();
            if nav.search.get_untracked() != search {
                nav.search.set(search);
            }
        }
    });
    let wizard = match clock_check {
        Some(clock) => view! { <Wizard state=state clock_check=clock /> }.into_any(),
        None => view! { <Wizard state=state /> }.into_any(),
    };
    view! {
        <h1>"Fix it step by step"</h1>
        <div hidden=move || !active.get()>
            <WizardIntro state=state />
            {wizard}
        </div>
        <Show when=move || !active.get()>
            <ColdStart />
        </Show>
    }
}

/// What the wizard is about: the category and, when known, the code.
#[component]
fn WizardIntro(state: RwSignal<WizardState>) -> impl IntoView {
    let nav = use_nav();
    let copied = RwSignal::new(0u8);
    // A new step resets the "copied" label.
    Effect::new(move |_| {
        state.track();
        copied.set(0);
    });
    view! {
        <p class="wizard-intro" data-testid="wizard-intro">
            {move || state.with(|s| s.category.label())}
            {move || {
                state.with(|s| s.code.clone()).map(|c| {
                    let href = nav.href(&Route::Error(c.clone()));
                    view! { " · error " <a href=href>{c}</a> }
                })
            }}
            {move || {
                let auth = state.with(|s| {
                    matches!(s.category, Category::AuthSignature | Category::AuthPassphrase | Category::AuthKey)
                });
                auth.then(|| view! {
                    " · "
                    <a href=nav.href(&Route::Sign) data-testid="wizard-sign-lab">
                        "Check your signature and credentials in the signature lab"
                    </a>
                })
            }}
            " · "
            <a href=nav.href(&Route::Wizard)>"Start over"</a>
            " · "
            <button
                type="button"
                class="copy-button"
                data-testid="wizard-copy-link"
                on:click=move |_| {
                    let url = window().location().href().unwrap_or_default();
                    copy_text(url, move |ok| {
                        let _ = copied.try_set(if ok { 1 } else { 2 });
                    });
                }
            >
                {move || match copied.get() {
                    1 => "Link copied",
                    2 => "Copy the address bar",
                    _ => "Copy link to this step",
                }}
            </button>
        </p>
    }
}

/// Cold entry: "what are you seeing?"
#[component]
fn ColdStart() -> impl IntoView {
    let nav = use_nav();
    view! {
        <p>
            "Paste your error on the "
            <a href=nav.href(&Route::Home)>"home page"</a>
            " and okx-doctor will pick the right questions. Or choose what you are seeing:"
        </p>
        <ul class="wizard-categories" data-testid="wizard-categories">
            {Category::ALL
                .iter()
                .map(|c| {
                    let href = format!("{}{}", nav.href(&Route::Wizard), wizard::to_query(&WizardState::new(*c, None)));
                    view! {
                        <li>
                            <a href=href data-testid=format!("wizard-category-{}", c.id())>{c.label()}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
