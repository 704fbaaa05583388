//! The signature lab: compute an OKX signature in the browser, see every intermediate value, lint
//! the inputs and compare with a value from the user's own logs.
//!
//! Privacy: nothing typed here is stored (no localStorage), sent (no network), or written to the
//! URL. There is no `<form>`, so Enter cannot submit the fields as a query string. Fields are
//! cleared when the component unmounts.

use leptos::prelude::*;

use super::browser::wall_ms;
use super::island::{Island, Props};
use crate::core::sign::{
    explain_mismatch, first_difference, has_problems, iso_timestamp_from_unix_ms, lint, lint_request, mask,
    pasted_kind, rest_headers, split_at_char, ws_login_json, Credentials, LintIssue, MismatchHint, PastedKind,
    Severity, SignInput, SAME_PREHASH_NOTE, WS_LOGIN_PATH,
};

/// Everything derived from the inputs.
#[derive(Clone, PartialEq)]
struct Computed {
    timestamp: String,
    prehash: String,
    signature: String,
    /// Header lines with the passphrase masked (REST), or empty (WS login).
    headers: Vec<(String, String)>,
    /// The login message with the passphrase masked (WS login only).
    login_json: Option<String>,
    issues: Vec<LintIssue>,
    compare: Option<Compared>,
}

#[derive(Clone, PartialEq)]
struct Compared {
    kind: PastedKind,
    ours: String,
    theirs: String,
    /// Character index of the first difference, or None when equal.
    index: Option<usize>,
    hints: Vec<MismatchHint>,
}

fn now_ms() -> i64 {
    wall_ms() as i64
}

/// The signature lab (an island).
#[derive(Debug, Clone, Copy, Default)]
pub struct SignLab;

impl Island for SignLab {
    const NAME: &'static str = "sign";

    fn from_props(_: &Props) -> Option<Self> {
        Some(SignLab)
    }

    fn render(self) -> AnyView {
        sign_lab().into_any()
    }
}

fn sign_lab() -> impl IntoView {
    let key = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let show_secret = RwSignal::new(false);
    let method = RwSignal::new("GET".to_string());
    let path = RwSignal::new("/api/v5/account/balance?ccy=BTC".to_string());
    let body = RwSignal::new(String::new());
    let use_now = RwSignal::new(true);
    let now = RwSignal::new(now_ms());
    let fixed_ts = RwSignal::new(String::new());
    let demo = RwSignal::new(false);
    let ws = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());

    // Clear everything typed when the lab goes away. `try_set` because the signals may already
    // be disposed by the time the cleanup runs.
    on_cleanup(move || {
        for s in [key, secret, passphrase, body, fixed_ts, pasted] {
            let _ = s.try_set(String::new());
        }
    });

    let computed = Memo::new(move |_| {
        let ws = ws.get();
        let timestamp = if use_now.get() {
            let ms = now.get();
            if ws {
                ms.div_euclid(1000).to_string()
            } else {
                iso_timestamp_from_unix_ms(ms)
            }
        } else {
            fixed_ts.get()
        };
        let creds = Credentials {
            api_key: key.get(),
            secret: secret.get(),
            passphrase: passphrase.get(),
        };
        let input = if ws {
            SignInput {
                method: "GET".into(),
                request_path: WS_LOGIN_PATH.into(),
                body: String::new(),
                timestamp: timestamp.clone(),
                secret: creds.secret.clone(),
            }
        } else {
            SignInput {
                method: method.get(),
                request_path: path.get(),
                body: body.get(),
                timestamp: timestamp.clone(),
                secret: creds.secret.clone(),
            }
        };
        let prehash = input.prehash();
        let signature = input.signature();
        let mut issues = lint(&creds);
        if !use_now.get() {
            issues.extend(crate::core::sign::lint_timestamp_skew(&timestamp, wall_ms()));
        }
        issues.extend(lint_request(
            &input.method,
            &input.request_path,
            &input.body,
            &timestamp,
            None,
            None,
        ));
        let masked = mask(&creds.passphrase);
        let (headers, login_json) = if ws {
            (
                Vec::new(),
                Some(ws_login_json(&creds.api_key, &masked, &timestamp, &signature)),
            )
        } else {
            (
                rest_headers(&creds.api_key, &masked, &signature, &timestamp, demo.get()),
                None,
            )
        };
        let p = pasted.get();
        let compare = (!p.trim().is_empty()).then(|| {
            let kind = pasted_kind(&p);
            let ours = if kind == PastedKind::Prehash {
                prehash.clone()
            } else {
                signature.clone()
            };
            let theirs = p.trim().to_string();
            let index = first_difference(&ours, &theirs).map(|d| d.index);
            let hints = if index.is_some() || theirs != p {
                explain_mismatch(&input, &p)
            } else {
                Vec::new()
            };
            Compared {
                kind,
                ours,
                theirs,
                index,
                hints,
            }
        });
        Computed {
            timestamp,
            prehash,
            signature,
            headers,
            login_json,
            issues,
            compare,
        }
    });

    let text_input = move |id: &'static str, label: &'static str, sig: RwSignal<String>, placeholder: &'static str| {
        view! {
            <label class="sign-field">
                <span class="sign-label">{label}</span>
                <input
                    type="text"
                    class="sign-input"
                    data-testid=id
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    prop:value=move || sig.get()
                    on:input=move |ev| sig.set(event_target_value(&ev))
                />
            </label>
        }
    };

    view! {
        <section class="sign-lab">
            <h1 class="sign-title">"Signature lab"</h1>
            <p class="sign-privacy">
                "Everything you type here stays inside this page. Nothing is saved, nothing is sent over the \
                 network and nothing is put in the address bar; the signature is computed by code running in \
                 your browser. The fields are wiped when you leave the lab. Even so, consider trying it with a \
                 fresh read-only key, or on demo trading, rather than your main key."
            </p>

            <fieldset class="sign-group">
                <legend class="sign-legend">"Credentials"</legend>
                {text_input("sign-key", "API key", key, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")}
                <label class="sign-field">
                    <span class="sign-label">"Secret key"</span>
                    <input
                        type=move || if show_secret.get() { "text" } else { "password" }
                        class="sign-input"
                        data-testid="sign-secret"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="32 hex characters"
                        prop:value=move || secret.get()
                        on:input=move |ev| secret.set(event_target_value(&ev))
                    />
                    <button
                        type="button"
                        class="sign-toggle"
                        data-testid="sign-secret-toggle"
                        aria-pressed=move || if show_secret.get() { "true" } else { "false" }
                        on:click=move |_| show_secret.update(|v| *v = !*v)
                    >
                        {move || if show_secret.get() { "Hide" } else { "Show" }}
                    </button>
                </label>
                <label class="sign-field">
                    <span class="sign-label">"Passphrase"</span>
                    <input
                        type="password"
                        class="sign-input"
                        data-testid="sign-passphrase"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                </label>
            </fieldset>

            <fieldset class="sign-group">
                <legend class="sign-legend">"Request"</legend>
                <label class="sign-field sign-check">
                    <input
                        type="checkbox"
                        data-testid="sign-ws"
                        prop:checked=move || ws.get()
                        on:change=move |ev| ws.set(event_target_checked(&ev))
                    />
                    <span class="sign-label">"WebSocket login (GET /users/self/verify, Unix seconds)"</span>
                </label>
                <label class="sign-field">
                    <span class="sign-label">"Method"</span>
                    <select
                        class="sign-select"
                        data-testid="sign-method"
                        disabled=move || ws.get()
                        prop:value=move || method.get()
                        on:change=move |ev| method.set(event_target_value(&ev))
                    >
                        <option value="GET">"GET"</option>
                        <option value="POST">"POST"</option>
                    </select>
                </label>
                <label class="sign-field">
                    <span class="sign-label">"Request path (with query string)"</span>
                    <input
                        type="text"
                        class="sign-input"
                        data-testid="sign-path"
                        autocomplete="off"
                        spellcheck="false"
                        disabled=move || ws.get()
                        prop:value=move || if ws.get() { WS_LOGIN_PATH.to_string() } else { path.get() }
                        on:input=move |ev| path.set(event_target_value(&ev))
                    />
                </label>
                <label class="sign-field">
                    <span class="sign-label">"Body (exact JSON text; empty for GET)"</span>
                    <textarea
                        class="sign-textarea"
                        data-testid="sign-body"
                        autocomplete="off"
                        spellcheck="false"
                        rows="4"
                        disabled=move || ws.get()
                        prop:value=move || body.get()
                        on:input=move |ev| body.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <div class="sign-field">
                    <span class="sign-label">"Timestamp"</span>
                    <label class="sign-check">
                        <input
                            type="checkbox"
                            data-testid="sign-timestamp-now"
                            prop:checked=move || use_now.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                if on {
                                    now.set(now_ms());
                                } else {
                                    fixed_ts.set(computed.get_untracked().timestamp);
                                }
                                use_now.set(on);
                            }
                        />
                        " current time"
                    </label>
                    <input
                        type="text"
                        class="sign-input"
                        data-testid="sign-timestamp"
                        aria-label="Timestamp"
                        autocomplete="off"
                        spellcheck="false"
                        readonly=move || use_now.get()
                        prop:value=move || computed.get().timestamp
                        on:input=move |ev| fixed_ts.set(event_target_value(&ev))
                    />
                    <button
                        type="button"
                        class="sign-refresh"
                        data-testid="sign-timestamp-refresh"
                        disabled=move || !use_now.get()
                        on:click=move |_| now.set(now_ms())
                    >
                        "Refresh"
                    </button>
                </div>
                <label class="sign-field sign-check">
                    <input
                        type="checkbox"
                        data-testid="sign-demo"
                        disabled=move || ws.get()
                        prop:checked=move || demo.get()
                        on:change=move |ev| demo.set(event_target_checked(&ev))
                    />
                    <span class="sign-label">"Demo trading (adds x-simulated-trading: 1)"</span>
                </label>
            </fieldset>

            // The results depend on the current time: they differ from the prerendered ones.
            <section class="sign-results" data-dynamic="">
                <h2 class="sign-subtitle">"Pre-hash (the text that is signed)"</h2>
                <pre class="sign-output" data-testid="sign-prehash">{move || computed.get().prehash}</pre>
                <h2 class="sign-subtitle">"Signature"</h2>
                <pre class="sign-output" data-testid="sign-signature">{move || computed.get().signature}</pre>
                <h2 class="sign-subtitle">
                    {move || if ws.get() { "Login message (passphrase masked)" } else { "Headers (passphrase masked)" }}
                </h2>
                <pre class="sign-output" data-testid="sign-headers">
                    {move || {
                        let c = computed.get();
                        match c.login_json {
                            Some(j) => j,
                            None => c.headers.iter().map(|(n, v)| format!("{n}: {v}\n")).collect::<String>(),
                        }
                    }}
                </pre>
                <h2 class="sign-subtitle">"Checks"</h2>
                <div class="sign-lint" data-testid="sign-lint">
                    {move || {
                        let issues = computed.get().issues;
                        if issues.is_empty() {
                            view! { <p class="sign-lint-ok">"No problems found in these inputs."</p> }.into_any()
                        } else {
                            let summary = if has_problems(&issues) {
                                "These inputs have problems that would make OKX reject the request:"
                            } else {
                                "Notes (may be fine):"
                            };
                            view! {
                                <p class="sign-lint-summary">{summary}</p>
                                <ul class="sign-lint-list">
                                    {issues
                                        .into_iter()
                                        .map(|i| {
                                            let (class, tag) = match i.severity {
                                                Severity::Problem => ("sign-lint-item sign-lint-problem", "Problem"),
                                                Severity::Note => ("sign-lint-item sign-lint-note", "Note"),
                                            };
                                            view! {
                                                <li class=class>
                                                    <span class="sign-lint-tag">{tag}</span>
                                                    " "
                                                    <span class="sign-lint-field">{i.field.label()}</span>
                                                    ": "
                                                    {i.message}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                </div>
            </section>

            <section class="sign-compare-box">
                <h2 class="sign-subtitle">"Compare with your logs"</h2>
                <label class="sign-field">
                    <span class="sign-label">
                        "Paste a signature or a pre-hash that your code produced for the same inputs"
                    </span>
                    <textarea
                        class="sign-textarea"
                        data-testid="sign-compare"
                        autocomplete="off"
                        spellcheck="false"
                        rows="2"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <div class="sign-diff" data-testid="sign-diff">
                    {move || computed.get().compare.map(diff_view)}
                </div>
            </section>
        </section>
    }
}

fn marked(s: &str, index: usize) -> impl IntoView {
    let (before, at, after) = split_at_char(s, index);
    let at = match at {
        Some(c) => c.to_string(),
        None => "\u{2205}".to_string(), // the string ends here
    };
    view! {
        <code class="sign-diff-text">
            {before}
            <mark class="sign-diff-mark">{at}</mark>
            {after}
        </code>
    }
}

fn diff_view(c: Compared) -> impl IntoView {
    let what = if c.kind == PastedKind::Prehash {
        "pre-hash"
    } else {
        "signature"
    };
    match c.index {
        None if c.hints.is_empty() => view! {
            <p class="sign-diff-same">{format!("Your {what} is identical to ours.")}</p>
            {(c.kind == PastedKind::Prehash).then(|| view! { <p class="sign-hint">{SAME_PREHASH_NOTE}</p> })}
        }
        .into_any(),
        None => view! {
            <p class="sign-diff-same">{format!("Your {what} matches ours once outer whitespace is removed.")}</p>
            <ul class="sign-hints">
                {c.hints.into_iter().map(|h| view! { <li class="sign-hint">{h.message}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Some(i) => view! {
            <p class="sign-diff-differs">
                {format!("Your {what} differs from ours, first at character {}.", i + 1)}
            </p>
            <dl class="sign-diff-pair">
                <dt class="sign-diff-label">"Ours"</dt>
                <dd class="sign-diff-value">{marked(&c.ours, i)}</dd>
                <dt class="sign-diff-label">"Yours"</dt>
                <dd class="sign-diff-value">{marked(&c.theirs, i)}</dd>
            </dl>
            <ul class="sign-hints">
                {c.hints.into_iter().map(|h| view! { <li class="sign-hint">{h.message}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}
