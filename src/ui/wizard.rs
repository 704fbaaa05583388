//! The wizard component: renders the current step of a [`WizardState`] (question, fix or report).
//! It only changes `state`; the parent keeps `state` and the URL in sync.

use leptos::prelude::*;

use super::browser::focus_id;
use crate::core::facts::Library;
use crate::core::wizard::{self, Step, WizardState};

const HEADING_ID: &str = "wizard-step-heading";

/// Copies `text` to the clipboard and reports the outcome in `status`.
fn copy_text(text: String, status: RwSignal<&'static str>) {
    // `try_`: the step may be gone by the time the clipboard answers.
    super::browser::copy_text(text, move |ok| {
        let _ = status.try_set(if ok {
            "Copied."
        } else {
            "Copying was blocked: select the text and press Ctrl+C."
        });
    });
}

/// The wizard. `clock_check` is rendered inside the clock question (the inline clock check).
#[component]
pub fn Wizard(state: RwSignal<WizardState>, #[prop(optional, into)] clock_check: Option<ViewFn>) -> impl IntoView {
    let step_key = Memo::new(move |_| state.with(|s| (wizard::current_node(s).id(), s.path().count())));
    Effect::new(move |prev: Option<(&'static str, usize)>| {
        let key = step_key.get();
        if prev.is_some_and(|p| p != key) {
            focus_id(HEADING_ID);
        }
        key
    });

    let announcement = move || {
        state.with(|s| match wizard::current_node(s) {
            Step::Question { question, number, .. } => format!("Question {number}: {}", question.text),
            Step::Fix { fix, .. } => format!("Suggested fix: {}", fix.title),
            Step::Report => "Report ready to copy.".to_string(),
        })
    };
    let can_back = move || state.with(wizard::can_go_back);

    let body = move || {
        let step = state.with(wizard::current_node);
        match step {
            Step::Question {
                id,
                question,
                prefilled,
                number,
            } => {
                let clock = if question.clock_check {
                    clock_check.clone()
                } else {
                    None
                };
                view! {
                    <section class="wizard-step wizard-question" data-testid="wizard-question">
                        <fieldset class="wizard-fieldset">
                            <legend class="wizard-legend">
                                <h2 id=HEADING_ID class="wizard-heading" tabindex="-1">
                                    <span class="wizard-step-number">{format!("Question {number}. ")}</span>
                                    {question.text}
                                </h2>
                            </legend>
                            {(!question.help.is_empty())
                                .then(|| view! { <p class="wizard-help">{question.help}</p> })}
                            {clock.map(|c| view! { <div class="wizard-clock">{c.run()}</div> })}
                            <ul class="wizard-answers">
                                {question
                                    .answers
                                    .iter()
                                    .map(|a| {
                                        let aid = a.id;
                                        let is_pre = prefilled == Some(aid);
                                        view! {
                                            <li class="wizard-answer-item">
                                                <button
                                                    type="button"
                                                    class="wizard-answer"
                                                    class:wizard-answer-prefilled=is_pre
                                                    data-testid=format!("wizard-answer-{aid}")
                                                    on:click=move |_| {
                                                        state
                                                            .update(|s| {
                                                                let _ = wizard::answer(s, id, aid);
                                                            })
                                                    }
                                                >
                                                    <span class="wizard-answer-label">{a.label}</span>
                                                    {is_pre
                                                        .then(|| {
                                                            view! {
                                                                <span class="wizard-badge">
                                                                    "pre-filled from your paste"
                                                                </span>
                                                            }
                                                        })}
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </fieldset>
                    </section>
                }
                .into_any()
            }
            Step::Fix { fix, .. } => {
                let lib = state.with(|s| s.library);
                let snippet = fix.snippet_for(lib);
                let copied = RwSignal::new("");
                let snippet_label = snippet.map(|s| match Library::from_id(s.lib) {
                    Some(l) => format!("For {}", l.label()),
                    None => "For any library".to_string(),
                });
                view! {
                    <section class="wizard-step wizard-fix" data-testid="wizard-fix" data-fix=fix.key>
                        <h2 id=HEADING_ID class="wizard-heading" tabindex="-1">
                            <span class="wizard-fix-kicker">"Try this: "</span>
                            {fix.title}
                        </h2>
                        <p class="wizard-change">{fix.change}</p>
                        <label class="wizard-lib-picker">
                            <span>"Show the code for "</span>
                            <select
                                class="wizard-lib-select"
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    state.update(|s| wizard::set_library(s, Library::from_id(&v)));
                                }
                            >
                                <option value="" selected=lib.is_none()>
                                    "any library"
                                </option>
                                {Library::ALL
                                    .iter()
                                    .map(|l| {
                                        view! {
                                            <option value=l.id() selected=lib == Some(*l)>
                                                {l.label()}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            </select>
                        </label>
                        {snippet
                            .map(|s| {
                                let code = s.code;
                                view! {
                                    <figure class="wizard-snippet">
                                        <figcaption class="wizard-snippet-label">{snippet_label.clone()}</figcaption>
                                        <pre class="wizard-snippet-code">
                                            <code>{code}</code>
                                        </pre>
                                        <button
                                            type="button"
                                            class="wizard-copy"
                                            data-testid="wizard-copy-snippet"
                                            on:click=move |_| copy_text(code.to_string(), copied)
                                        >
                                            "Copy code"
                                        </button>
                                        <span class="wizard-copy-status" role="status">
                                            {move || copied.get()}
                                        </span>
                                    </figure>
                                }
                            })}
                        <div class="wizard-verify" data-testid="wizard-verify">
                            <h3 class="wizard-subheading">"Check that it worked"</h3>
                            <p>{fix.verify}</p>
                        </div>
                        <button
                            type="button"
                            class="wizard-still-failing"
                            data-testid="wizard-still-failing"
                            on:click=move |_| {
                                state
                                    .update(|s| {
                                        let _ = wizard::still_failing(s);
                                    })
                            }
                        >
                            "Still failing? Show the next likely cause"
                        </button>
                    </section>
                }
                .into_any()
            }
            Step::Report => {
                let version = RwSignal::new(String::new());
                let copied = RwSignal::new("");
                let text = move || state.with(|s| wizard::report_text(s, s.library, Some(version.get().as_str())));
                view! {
                    <section class="wizard-step wizard-report" data-testid="wizard-report">
                        <h2 id=HEADING_ID class="wizard-heading" tabindex="-1">
                            "Ask for help with this report"
                        </h2>
                        <p class="wizard-help">
                            "None of the fixes worked. Post this report in the library's issue tracker or forum. It contains no keys or secrets; keep it that way when you add the response body."
                        </p>
                        <label class="wizard-version">
                            <span>"Library version (optional): "</span>
                            <input
                                type="text"
                                class="wizard-version-input"
                                inputmode="decimal"
                                autocomplete="off"
                                placeholder="e.g. 4.4.12"
                                prop:value=move || version.get()
                                on:input=move |ev| version.set(event_target_value(&ev))
                            />
                        </label>
                        <pre class="wizard-report-text">{text}</pre>
                        <button
                            type="button"
                            class="wizard-copy"
                            data-testid="wizard-copy-report"
                            on:click=move |_| copy_text(text(), copied)
                        >
                            "Copy report"
                        </button>
                        <span class="wizard-copy-status" role="status">
                            {move || copied.get()}
                        </span>
                    </section>
                }
                .into_any()
            }
        }
    };

    view! {
        <div class="wizard">
            <p class="wizard-live wizard-sr-only" aria-live="polite" aria-atomic="true">
                {announcement}
            </p>
            {body}
            <nav class="wizard-nav" aria-label="Wizard">
                <button
                    type="button"
                    class="wizard-back"
                    data-testid="wizard-back"
                    disabled=move || !can_back()
                    on:click=move |_| {
                        state
                            .update(|s| {
                                wizard::back(s);
                            })
                    }
                >
                    "Back"
                </button>
            </nav>
        </div>
    }
}
