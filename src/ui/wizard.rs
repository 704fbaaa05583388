//! The wizard component: renders the current step of a [`WizardState`] (question, fix or report).
//! It only changes `state`; the parent keeps `state` and the URL in sync.

use leptos::prelude::*;

use super::browser::{focus_id, keys, set_root_attr, set_title, storage_set};
use super::copy::CopyButton;
use super::env::use_env;
use crate::core::facts::Library;
use crate::core::wizard::{self, Step, WizardState};
use crate::{t, tf};

const HEADING_ID: &str = "wizard-step-heading";

/// Remembers the library picked in the wizard as the site's library preference (what the error
/// pages' picker stores, see `public/theme.js`) when the error pages have code for it.
fn remember_library(id: &str) {
    if let Some(l) = Library::with_snippets(id) {
        storage_set(keys::LIB, l.id());
        set_root_attr("data-lib", Some(l.id()));
    }
}

/// The wizard. `clock_check` is rendered inside the clock question (the inline clock check).
#[component]
pub fn Wizard(state: RwSignal<WizardState>, #[prop(optional, into)] clock_check: Option<ViewFn>) -> impl IntoView {
    let lang = use_env().lang;
    let step_key = Memo::new(move |_| state.with(|s| (wizard::current_node(s).id(), s.path().count())));
    let announcement = move || {
        state.with(|s| match wizard::current_node(s) {
            Step::Question { question, number, .. } => {
                tf!(lang, "Question {number}: {}", "问题 {number}：{}", question.text)
            }
            Step::Fix { fix, .. } => tf!(lang, "Suggested fix: {}", "建议的修复方法：{}", fix.title),
            Step::Report => t!(lang, "Report ready to copy.", "报告已生成，可以复制。").to_string(),
        })
    };
    // Every step (the first one too: arriving at the wizard) gets the focus on its heading and its
    // own document title, so history entries and screen readers name the step.
    Effect::new(move |prev: Option<(&'static str, usize)>| {
        let key = step_key.get();
        if prev != Some(key) {
            focus_id(HEADING_ID);
            set_title(&format!("{} | {}", untrack(announcement), crate::core::pages::SITE));
        }
        key
    });
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
                                    <span class="wizard-step-number">{tf!(lang, "Question {number}. ", "问题 {number}：")}</span>
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
                                                                    {t!(lang, "pre-filled from your paste", "已根据粘贴内容预选")}
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
                let snippet_lib = snippet.and_then(|s| Library::from_id(s.lib));
                let snippet_label = match snippet_lib {
                    Some(l) => tf!(lang, "For {}", "适用于 {}", l.label_in(lang)),
                    None => t!(lang, "For any library", "适用于任意库").to_string(),
                };
                let copy_label = match snippet_lib {
                    Some(l) => tf!(lang, "Copy {} code", "复制 {} 代码", l.label_in(lang)),
                    None => t!(lang, "Copy code", "复制代码").to_string(),
                };
                view! {
                    <section class="wizard-step wizard-fix" data-testid="wizard-fix" data-fix=fix.key>
                        <h2 id=HEADING_ID class="wizard-heading" tabindex="-1">
                            <span class="wizard-fix-kicker">{t!(lang, "Try this: ", "试试这样做：")}</span>
                            {fix.title}
                        </h2>
                        <p class="wizard-change">{fix.change}</p>
                        <label class="wizard-lib-picker">
                            <span>{t!(lang, "Show the code for ", "显示以下库的代码：")}</span>
                            <select
                                class="wizard-lib-select"
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    state.update(|s| wizard::set_library(s, Library::from_id(&v)));
                                    remember_library(&v);
                                }
                            >
                                <option value="" selected=lib.is_none()>
                                    {t!(lang, "any library", "任意库")}
                                </option>
                                {Library::ALL
                                    .iter()
                                    .map(|l| {
                                        view! {
                                            <option value=l.id() selected=lib == Some(*l)>
                                                {l.label_in(lang)}
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
                                        <figcaption class="wizard-snippet-label">{snippet_label}</figcaption>
                                        <pre class="wizard-snippet-code code-lines" tabindex="0">
                                            <code>{code}</code>
                                        </pre>
                                        {CopyButton::text(code, &copy_label, "wizard-copy-snippet").view()}
                                    </figure>
                                }
                            })}
                        <div class="wizard-verify" data-testid="wizard-verify">
                            <h3 class="wizard-subheading">{t!(lang, "Check that it worked", "确认问题已解决")}</h3>
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
                            {t!(lang, "Still failing? Show the next likely cause", "还是不行？看下一个可能的原因")}
                        </button>
                    </section>
                }
                .into_any()
            }
            Step::Report => {
                let version = RwSignal::new(String::new());
                let text = move || state.with(|s| wizard::report_text(s, s.library, Some(version.get().as_str())));
                view! {
                    <section class="wizard-step wizard-report" data-testid="wizard-report">
                        <h2 id=HEADING_ID class="wizard-heading" tabindex="-1">
                            {t!(lang, "Ask for help with this report", "带上这份报告去求助")}
                        </h2>
                        <p class="wizard-help">
                            {t!(
                                lang,
                                "None of the fixes worked. Post this report in the library's issue tracker or forum. It contains no keys or secrets; keep it that way when you add the response body.",
                                "以上修复方法都没有解决问题。请把这份报告发到所用库的 issue 区或论坛。报告里没有任何 API Key 或 Secret Key；补充响应内容时，也请不要把它们加进去。"
                            )}
                        </p>
                        <label class="wizard-version">
                            <span>{t!(lang, "Library version (optional): ", "库的版本（可选）：")}</span>
                            <input
                                type="text"
                                class="wizard-version-input"
                                inputmode="decimal"
                                autocomplete="off"
                                placeholder=t!(lang, "e.g. 4.4.12", "例如 4.4.12")
                                prop:value=move || version.get()
                                on:input=move |ev| version.set(event_target_value(&ev))
                            />
                        </label>
                        <pre class="wizard-report-text">{text}</pre>
                        // The report follows the version field: the button copies what is shown.
                        {move || CopyButton::text(text(), t!(lang, "Copy report", "复制报告"), "wizard-copy-report").view()}
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
            <nav class="wizard-nav" aria-label=t!(lang, "Wizard", "排查向导")>
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
                    {t!(lang, "Back", "上一步")}
                </button>
            </nav>
        </div>
    }
}
