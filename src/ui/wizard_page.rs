//! The wizard's island on `/wizard/`, with its state in the URL (one history entry per step, so
//! back and forward work, a reload resumes and a link shares the exact step). Without a state in
//! the URL (and before the wasm starts) it asks what the user is seeing.

use super::browser::{current_search, on_popstate, push_query, replace_query};
use super::copy::CopyButton;
use super::env::use_env;
use super::island::{Island, Props};
use super::wizard::Wizard;
use crate::core::category::Category;
use crate::core::routes::{EmbedRoute, Route};
use crate::core::wizard::{self, WizardState};
use leptos::prelude::*;

/// The wizard (an island).
#[derive(Debug, Clone, Copy, Default)]
pub struct WizardIsland;

impl Island for WizardIsland {
    const NAME: &'static str = "wizard";

    fn from_props(_: &Props) -> Option<Self> {
        Some(WizardIsland)
    }

    fn render(self) -> AnyView {
        wizard_island().into_any()
    }
}

fn wizard_island() -> impl IntoView {
    let initial = wizard::from_query(&use_env().query);
    let active = RwSignal::new(initial.is_some());
    let state = RwSignal::new(initial.unwrap_or_else(|| WizardState::new(Category::Other, None)));
    // Whether the state was just read from the URL (at start, or on back and forward): then the
    // URL is only rewritten in its normal form, in place. Pushing there added an entry on start
    // (a finding's link carries answers the tree may drop) and, on Back to such an entry, pushed
    // again and cut the forward history: Back could never leave the wizard.
    let from_url = StoredValue::new(true);
    // URL → state (back and forward).
    on_popstate(move || match wizard::from_query(&current_search()) {
        Some(s) => {
            from_url.set_value(true);
            state.set(s);
            active.set(true);
        }
        None => active.set(false),
    });
    // State → URL: every answered step becomes a history entry.
    Effect::new(move |_| {
        state.track();
        if active.get_untracked() {
            let query = state.with_untracked(wizard::to_query);
            if from_url.get_value() {
                replace_query(&query);
            } else {
                push_query(&query);
            }
        }
        from_url.set_value(false);
    });
    // The clock question shows the embedded clock check: its code loads only when that question
    // is on screen, not with the wizard.
    let clock_src = format!("{}?compact=1", use_env().href(&Route::Embed(EmbedRoute::Clock)));
    let clock = ViewFn::from(move || {
        view! { <iframe class="wizard-clock-frame" src=clock_src.clone() title="Clock check against OKX server time"></iframe> }
    });
    // The whole wizard follows the state in the URL, which the static page cannot know.
    view! {
        <div class="wizard-root" data-dynamic="">
            <Show when=move || active.get() fallback=|| view! { <ColdStart /> }>
                <WizardIntro state=state />
                <Wizard state=state clock_check=clock.clone() />
            </Show>
        </div>
    }
}

/// What the wizard is about: the category and, when known, the code.
#[component]
fn WizardIntro(
    /// The wizard's state.
    state: RwSignal<WizardState>,
) -> impl IntoView {
    let env = use_env();
    let code_link = {
        let env = env.clone();
        move || {
            state.with(|s| s.code.clone()).map(|c| {
                let href = env.href(&Route::Error(c.clone()));
                view! { " · error " <a href=href>{c}</a> }
            })
        }
    };
    let sign = env.href(&Route::Sign);
    let sign_link = move || {
        let auth = state.with(|s| {
            matches!(
                s.category,
                Category::AuthSignature | Category::AuthPassphrase | Category::AuthKey
            )
        });
        auth.then(|| {
            view! {
                " · "
                <a href=sign.clone() data-testid="wizard-sign-lab">"Check your signature and credentials in the signature lab"</a>
            }
        })
    };
    view! {
        <p class="wizard-intro" data-testid="wizard-intro">
            {move || state.with(|s| s.category.label())}
            {code_link}
            {sign_link}
            " · "
            <a href=env.href(&Route::Wizard)>"Start over"</a>
            " · "
            {CopyButton::page_url("Copy link to this step", "wizard-copy-link").view()}
        </p>
    }
}

/// Cold entry: "what are you seeing?"
#[component]
fn ColdStart() -> impl IntoView {
    let env = use_env();
    let items = Category::ALL
        .iter()
        .map(|c| {
            let href = format!(
                "{}{}",
                env.href(&Route::Wizard),
                wizard::to_query(&WizardState::new(*c, None))
            );
            view! { <li><a href=href data-testid=format!("wizard-category-{}", c.id())>{c.label()}</a></li> }
        })
        .collect_view();
    view! {
        <p>
            "Paste your error on the "
            <a href=env.href(&Route::Home)>"home page"</a>
            " and okx-doctor will pick the right questions. Or choose what you are seeing:"
        </p>
        <ul class="wizard-categories" data-testid="wizard-categories">{items}</ul>
    }
}
