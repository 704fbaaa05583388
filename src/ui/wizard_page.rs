//! The wizard's island on `/wizard/`, with its state in the URL (one history entry per step, so
//! back and forward work, a reload resumes and a link shares the exact step). Without a state in
//! the URL (and before the wasm starts) it asks what the user is seeing.

use super::browser::{current_search, keys, on_popstate, push_query, replace_query, storage_get};
use super::copy::CopyButton;
use super::env::use_env;
use super::island::{Island, Props};
use super::wizard::Wizard;
use crate::core::category::Category;
use crate::core::facts::Library;
use crate::core::routes::{EmbedRoute, Route};
use crate::core::wizard::{self, WizardState};
use crate::t;
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
    let lang = use_env().lang;
    // The state's steps read in the page's language (the URL does not carry it).
    // Without a `lib=` in the URL, the fixes show the code for the stored library preference
    // (the error pages' picker): a preference, so it only chooses the snippets.
    let in_lang = move |mut s: WizardState| {
        s.lang = lang;
        if s.library.is_none() {
            s.library = storage_get(keys::LIB).and_then(|id| Library::with_snippets(&id));
        }
        s
    };
    let initial = wizard::from_query(&use_env().query).map(in_lang);
    let active = RwSignal::new(initial.is_some());
    let state = RwSignal::new(initial.unwrap_or_else(|| in_lang(WizardState::new(Category::Other, None))));
    // Whether the state was just read from the URL (at start, or on back and forward): then the
    // URL is only rewritten in its normal form, in place. Pushing there added an entry on start
    // (a finding's link carries answers the tree may drop) and, on Back to such an entry, pushed
    // again and cut the forward history: Back could never leave the wizard.
    let from_url = StoredValue::new(true);
    // URL → state (back and forward).
    on_popstate(move || match wizard::from_query(&current_search()) {
        Some(s) => {
            from_url.set_value(true);
            state.set(in_lang(s));
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
    let env = use_env();
    let lang = env.lang;
    let clock_src = format!("{}?compact=1", env.href(&Route::Embed(EmbedRoute::Clock)));
    let clock = ViewFn::from(move || {
        view! {
            <iframe
                class="wizard-clock-frame"
                src=clock_src.clone()
                title=t!(lang, "Clock check against OKX server time", "对照欧易服务器时间检查本机时间")
            ></iframe>
        }
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
    let lang = env.lang;
    let code_link = {
        let env = env.clone();
        move || {
            state.with(|s| s.code.clone()).map(|c| {
                let href = env.href(&Route::Error(c.clone()));
                view! { {t!(lang, " · error ", " · 错误码 ")} <a href=href>{c}</a> }
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
                <a href=sign.clone() data-testid="wizard-sign-lab">
                    {t!(
                        lang,
                        "Check your signature and credentials in the signature lab",
                        "到签名实验室检查签名和 API 凭证"
                    )}
                </a>
            }
        })
    };
    view! {
        <p class="wizard-intro" data-testid="wizard-intro">
            {move || state.with(|s| s.category.label_in(lang))}
            {code_link}
            {sign_link}
            " · "
            <a href=env.href(&Route::Wizard)>{t!(lang, "Start over", "重新开始")}</a>
            " · "
            {CopyButton::page_url(t!(lang, "Copy link to this step", "复制这一步的链接"), "wizard-copy-link").view()}
        </p>
    }
}

/// Cold entry: "what are you seeing?"
#[component]
fn ColdStart() -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let items = Category::ALL
        .iter()
        .map(|c| {
            let href = env.wizard_href(&wizard::to_query(&WizardState::new(*c, None)));
            view! { <li><a href=href data-testid=format!("wizard-category-{}", c.id())>{c.label_in(lang)}</a></li> }
        })
        .collect_view();
    view! {
        <p>
            {t!(lang, "Paste your error on the ", "在")}
            <a href=env.href(&Route::Home)>{t!(lang, "home page", "首页")}</a>
            {t!(
                lang,
                " and okx-doctor will pick the right questions. Or choose what you are seeing:",
                "粘贴报错信息，okx-doctor 会据此挑出该问的问题。也可以直接选择你遇到的情况："
            )}
        </p>
        <ul class="wizard-categories" data-testid="wizard-categories">{items}</ul>
    }
}
