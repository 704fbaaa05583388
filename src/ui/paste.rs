//! The paste box: findings appear as the user pastes or types. Nothing typed here is stored or
//! put in a URL; credential-shaped text is flagged with advice to revoke it.
//! Large pastes are analysed in chunks between frames so the page keeps responding.

use super::browser::{next_frame, now_ms, sleep_ms};
use super::env::use_env;
use super::island::{flag, Island, Props};
use crate::core::diagnose::{self, Diagnosis, Finding};
use crate::core::num::fixed;
use crate::core::routes::Route;
use crate::core::secrets::CredentialKind;
use crate::core::wizard;
use leptos::prelude::*;

/// Pastes larger than this are analysed without being put into the textarea: a browser needs
/// seconds just to lay out megabytes of text in a text box.
const LARGE_PASTE_BYTES: usize = 512 * 1024;

/// Debounce for typing; a paste is analysed at once.
const TYPING_DEBOUNCE_MS: u32 = 250;

#[derive(Clone)]
struct Outcome {
    diagnosis: Diagnosis,
    bytes: usize,
    ms: f64,
}

fn credential_label(k: CredentialKind) -> &'static str {
    match k {
        CredentialKind::ApiKeyUuid => "an API key",
        CredentialKind::SecretHex32 => "a secret key",
        CredentialKind::Passphrase => "a passphrase or password",
        CredentialKind::Signature => "a request signature",
        CredentialKind::AccessHeader => "an OK-ACCESS header value",
    }
}

fn confidence_label(c: f32) -> &'static str {
    if c >= 0.85 {
        "high confidence"
    } else if c >= 0.6 {
        "likely"
    } else {
        "unsure"
    }
}

fn human_bytes(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{} MB", fixed(n as f64 / 1_000_000.0, 1))
    } else if n >= 1_000 {
        format!("{} KB", fixed(n as f64 / 1_000.0, 1))
    } else {
        format!("{n} bytes")
    }
}

/// Finding cards rendered at most (the rest are counted).
const MAX_CARDS: usize = 50;

/// One finding as a card.
fn finding_view(f: Finding, d: &Diagnosis, embed: bool) -> impl IntoView {
    let env = use_env();
    let query = wizard::query_from_facts(f.category, f.code.as_deref(), &d.facts);
    let wizard_href = format!("{}{}", env.href(&Route::Wizard), query);
    let code_link = f
        .code
        .clone()
        .filter(|c| crate::core::catalog::get(c).is_some())
        .map(|c| env.href(&Route::Error(c)));
    let target = embed.then_some("_blank");
    let causes: Vec<String> = f.causes.iter().take(3).cloned().collect();
    view! {
        <li class="finding" data-testid="finding" data-code=f.code.clone().unwrap_or_default() data-category=f.category.id()>
            <h3 class="finding-title">
                {match code_link {
                    Some(href) => view! { <a href=href target=target data-testid="finding-link">{f.title.clone()}</a> }.into_any(),
                    None => view! { <span>{f.title.clone()}</span> }.into_any(),
                }}
                {(f.count > 1).then(|| view! { <span class="finding-count">{format!(" ×{}", f.count)}</span> })}
            </h3>
            <p class="finding-meta">
                <span class="finding-category" data-testid="finding-category">{f.category.label()}</span>
                " · "
                <span class="finding-confidence">{format!("{} ({}%)", confidence_label(f.confidence), fixed(f64::from(f.confidence) * 100.0, 0))}</span>
            </p>
            <p class="finding-evidence"><code>{f.evidence.clone()}</code></p>
            {(!f.notes.is_empty()).then(|| view! {
                <ul class="finding-notes">{f.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            })}
            {(!causes.is_empty()).then(|| view! {
                <p class="finding-causes-title">"Most likely causes:"</p>
                <ol class="finding-causes">{causes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ol>
            })}
            <p><a class="button" href=wizard_href target=target data-testid="finding-wizard">"Fix it step by step"</a></p>
        </li>
    }
}

/// The paste box with live findings (an island).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasteBox {
    /// Compact layout for iframes; links open the full site in a new tab.
    pub embed: bool,
}

impl Island for PasteBox {
    const NAME: &'static str = "paste";

    fn props(&self) -> Props {
        Props::new(&[("embed", flag(self.embed))])
    }

    fn from_props(p: &Props) -> Option<Self> {
        Some(PasteBox { embed: p.flag("embed") })
    }

    fn render(self) -> AnyView {
        paste_box(self.embed).into_any()
    }
}

/// Delay before the engine's tables are built, so the first paste does not pay for them: by then
/// the page has settled (a short task; on a 4x slower CPU about 40 ms, under a long task's 50 ms).
const WARM_UP_AFTER_MS: u64 = 1500;

fn paste_box(embed: bool) -> impl IntoView {
    // The text lives only in the textarea and in this closure; never in storage or the URL.
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    // A large paste lives here instead of in the textarea (memory only; never stored).
    let large: StoredValue<Option<String>> = StoredValue::new(None);
    let large_bytes = RwSignal::new(0usize);
        Effect::new(|_| set_timeout(diagnose::warm_up, std::time::Duration::from_millis(WARM_UP_AFTER_MS)));

    // The analysis runs after timers and frames: by then the user may have left the page and
    // the signals may be disposed, so every access after an await is a `try_` one.
    let analyse = move |immediate: bool| {
        let Some(gen) = generation.try_get_value().map(|g| g + 1) else {
            return;
        };
        generation.set_value(gen);
        leptos::task::spawn_local(async move {
            if !immediate {
                sleep_ms(TYPING_DEBOUNCE_MS).await;
            }
            if generation.try_get_value() != Some(gen) {
                return; // a newer edit superseded this one, or the page is gone
            }
            let text = match large.try_with_value(|l| l.clone()).flatten() {
                Some(t) => t,
                None => {
                    let Some(el) = textarea.try_get_untracked().flatten() else {
                        return;
                    };
                    el.value()
                }
            };
            if text.trim().is_empty() {
                outcome.try_set(None);
                return;
            }
            busy.try_set(true);
            // Let the browser paint the "analysing" state before the work starts, and a frame
            // between chunks of a large paste.
            next_frame().await;
            let t0 = now_ms();
            let diagnosis = diagnose::diagnose_chunked(&text, next_frame).await;
            let ms = now_ms() - t0;
            if generation.try_get_value() == Some(gen) {
                outcome.try_set(Some(Outcome {
                    diagnosis,
                    bytes: text.len(),
                    ms,
                }));
                busy.try_set(false);
            }
        });
    };

    view! {
        <section class="paste" aria-labelledby="paste-title">
            <h2 id="paste-title">"Paste your error"</h2>
            <label class="paste-label" for="paste-input">
                "A raw OKX response, a ccxt traceback, a bot log, a WebSocket frame or just the message. "
                "It is analysed here in your browser and never sent anywhere."
            </label>
            <textarea
                id="paste-input"
                class="paste-input"
                data-testid="paste-input"
                node_ref=textarea
                rows=if embed { "5" } else { "8" }
                spellcheck="false"
                autocomplete="off"
                placeholder="ccxt.base.errors.AuthenticationError: okx {\"msg\":\"Invalid Sign\",\"code\":\"50113\"}"
                on:input=move |_| {
                    if large_bytes.get_untracked() > 0 {
                        large.set_value(None);
                        large_bytes.set(0);
                    }
                    analyse(false)
                }
                on:paste=move |ev: web_sys::ClipboardEvent| {
                    let pasted = ev.clipboard_data().and_then(|d| d.get_data("text").ok()).unwrap_or_default();
                    if pasted.len() > LARGE_PASTE_BYTES {
                        // Analyse it in full, but keep it out of the text box.
                        ev.prevent_default();
                        if let Some(el) = textarea.get_untracked() {
                            el.set_value("");
                        }
                        large_bytes.set(pasted.len());
                        large.set_value(Some(pasted));
                        analyse(true);
                        return;
                    }
                    large.set_value(None);
                    large_bytes.set(0);
                    // The pasted text lands in the textarea after this event.
                    leptos::task::spawn_local(async move {
                        sleep_ms(0).await;
                        analyse(true);
                    });
                }
            ></textarea>
            <Show when=move || large_bytes.get() != 0>
                <p class="paste-large" data-testid="paste-large">
                    {move || format!("Pasted {}: analysed in full, but not shown in the box, so the page stays fast. ", human_bytes(large_bytes.get()))}
                    <button
                        type="button"
                        data-testid="paste-clear"
                        on:click=move |_| {
                            large.set_value(None);
                            large_bytes.set(0);
                            outcome.set(None);
                        }
                    >
                        "Clear"
                    </button>
                </p>
            </Show>
            <div class="paste-status" aria-live="polite" data-testid="paste-status">
                {move || {
                    if busy.get() {
                        "Analysing…".to_string()
                    } else {
                        outcome.with(|o| match o {
                            Some(o) => format!(
                                "{} found in {} ({} ms){}",
                                match o.diagnosis.findings.len() {
                                    0 => "No error".to_string(),
                                    1 => "1 error".to_string(),
                                    n => format!("{n} distinct errors"),
                                },
                                human_bytes(o.bytes),
                                fixed(o.ms, 0),
                                if o.diagnosis.truncated_input { "; only the first part of this very large paste was read" } else { "" }
                            ),
                            None => String::new(),
                        })
                    }
                }}
            </div>
            {move || outcome.with(|o| o.as_ref().map(|o| {
                let d = o.diagnosis.clone();
                let creds = d.credentials.clone();
                view! {
                    {(!creds.is_empty()).then(|| view! {
                        <div class="credential-warning" role="alert" data-testid="credential-warning">
                            <strong>"Your paste contains credentials. "</strong>
                            "It looks like it includes "
                            {creds.iter().map(|c| credential_label(c.kind)).collect::<Vec<_>>().join(", ")}
                            " ("
                            {creds.iter().map(|c| c.redacted.clone()).collect::<Vec<_>>().join(", ")}
                            "). okx-doctor keeps it on this page only, but if you shared this text anywhere else, "
                            "delete that API key on OKX and create a new one. Remove keys, secrets and passphrases before posting logs."
                        </div>
                    })}
                    {if d.findings.is_empty() {
                        view! {
                            <p class="no-findings" data-testid="no-findings">
                                "No OKX error found in this text. Paste the full response body or traceback (including the "
                                <code>"code"</code>
                                " and "
                                <code>"msg"</code>
                                " fields), or search the catalog below."
                            </p>
                        }.into_any()
                    } else {
                        let d2 = d.clone();
                        // Findings are ranked best first; a paste with thousands of distinct codes
                        // shows the first MAX_CARDS (5,000 cards took seconds to render).
                        let more = d.findings.len().saturating_sub(MAX_CARDS);
                        view! {
                            <ol class="findings" data-testid="findings">
                                {d.findings.iter().take(MAX_CARDS).cloned().map(|f| finding_view(f, &d2, embed)).collect_view()}
                            </ol>
                            {(more > 0).then(|| view! {
                                <p class="findings-more" data-testid="findings-more">
                                    {format!("{more} more distinct errors are not shown; these are the {MAX_CARDS} most likely. Paste a smaller part of the log to see the others.")}
                                </p>
                            })}
                        }.into_any()
                    }}
                }
            }))}
        </section>
    }
}
