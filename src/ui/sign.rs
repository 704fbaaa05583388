//! The signature lab: compute an OKX signature in the browser, see every intermediate value, lint
//! the inputs and compare with a value from the user's own logs.
//!
//! Each lint finding is shown next to the field it is about: the field is marked invalid
//! (`aria-invalid`, a red border) and described by the finding (`aria-describedby`), and a
//! polite live region reads the findings of the field being edited once typing pauses. A field
//! is never reported empty before something was typed into it. The secret key and passphrase are
//! masked, each with a "Show" button.
//!
//! Privacy: nothing typed here is stored (no localStorage), sent (no network), or written to the
//! URL. There is no `<form>`, so Enter cannot submit the fields as a query string. Fields are
//! cleared when the component unmounts.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use super::browser::wall_ms;
use super::env::use_env;
use super::island::{Island, Props};
use crate::core::lang::Lang;
use crate::core::sign::{
    explain_mismatch, first_difference, has_problems, iso_timestamp_from_unix_ms, lint, lint_request,
    lint_timestamp_skew, mask, pasted_kind, rest_headers, same_prehash_note, split_at_char, ws_login_json, Credentials,
    Field, LintIssue, LintRule, MismatchHint, PastedKind, Severity, SignInput, WS_LOGIN_PATH,
};
use crate::{t, tf};

/// How long typing must pause before the live region reads the edited field's findings (ms).
const ANNOUNCE_DELAY_MS: u32 = 900;

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

/// The element id of a field's input (also its `data-testid`).
fn input_id(f: Field) -> &'static str {
    match f {
        Field::ApiKey => "sign-key",
        Field::Secret => "sign-secret",
        Field::Passphrase => "sign-passphrase",
        Field::Method => "sign-method",
        Field::Path => "sign-path",
        Field::Body => "sign-body",
        Field::Timestamp => "sign-timestamp",
    }
}

/// The element id of the findings next to a field (what its input's `aria-describedby` names).
fn messages_id(f: Field) -> String {
    format!("{}-msg", input_id(f))
}

/// A field's name as its label shows it.
fn field_title(f: Field, lang: Lang) -> &'static str {
    match f {
        Field::ApiKey => t!(lang, "API key", "API Key"),
        Field::Secret => t!(lang, "Secret key", "Secret Key"),
        Field::Passphrase => "Passphrase",
        Field::Method => t!(lang, "Method", "请求方法"),
        Field::Path => t!(lang, "Request path", "请求路径"),
        Field::Body => t!(lang, "Body", "请求体"),
        Field::Timestamp => t!(lang, "Timestamp", "时间戳"),
    }
}

/// The findings worth showing: an empty field is only reported once something was typed into it.
pub fn shown_issues(issues: Vec<LintIssue>, touched: &[Field]) -> Vec<LintIssue> {
    issues
        .into_iter()
        .filter(|i| i.rule != LintRule::Empty || touched.contains(&i.field))
        .collect()
}

/// The icon and word that mark a finding (so problems and notes differ without colour).
fn severity_tag(s: Severity, lang: Lang) -> (&'static str, String) {
    let icon = match s {
        Severity::Problem => "\u{2717}", // ✗
        Severity::Note => "\u{2139}",    // ℹ
    };
    let word = s.label(lang);
    (icon, tf!(lang, "{word}:", "{word}："))
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "sign-problem",
        Severity::Note => "sign-note",
    }
}

/// One finding as a line of text: "✗ Problem: The passphrase ends with a space (position 24)…".
fn finding(i: LintIssue, lang: Lang) -> impl IntoView {
    let (icon, word) = severity_tag(i.severity, lang);
    let class = format!("sign-msg {}", severity_class(i.severity));
    view! {
        <p class=class>
            <span class="sign-msg-tag"><span aria-hidden="true">{icon}" "</span>{word}</span>
            " "
            {i.message}
        </p>
    }
}

/// What the live region says after typing in `f` pauses: its findings, or that they are gone.
fn announcement(f: Field, shown: &[LintIssue], had_findings: bool, lang: Lang) -> Option<String> {
    let title = field_title(f, lang);
    let mine: Vec<String> = shown
        .iter()
        .filter(|i| i.field == f)
        .map(|i| {
            let (_, word) = severity_tag(i.severity, lang);
            format!("{word} {}", i.message)
        })
        .collect();
    if mine.is_empty() {
        had_findings.then(|| tf!(lang, "{title}: no problems found.", "{title}：没有发现问题。"))
    } else {
        let all = mine.join(" ");
        Some(tf!(lang, "{title}: {all}", "{title}：{all}"))
    }
}

fn sign_lab() -> impl IntoView {
    let lang = use_env().lang;
    let key = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let show_secret = RwSignal::new(false);
    let show_passphrase = RwSignal::new(false);
    let method = RwSignal::new("GET".to_string());
    let path = RwSignal::new("/api/v5/account/balance?ccy=BTC".to_string());
    let body = RwSignal::new(String::new());
    let use_now = RwSignal::new(true);
    let now = RwSignal::new(now_ms());
    let fixed_ts = RwSignal::new(String::new());
    let demo = RwSignal::new(false);
    let ws = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    // The fields something was typed into (only those may be reported empty).
    let touched = RwSignal::new(Vec::<Field>::new());

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
        let mut issues = lint(&creds, lang);
        if !use_now.get() {
            issues.extend(lint_timestamp_skew(&timestamp, wall_ms(), lang));
        }
        issues.extend(lint_request(
            &input.method,
            &input.request_path,
            &input.body,
            &timestamp,
            None,
            None,
            lang,
        ));
        let masked = mask(&creds.passphrase, lang);
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
                explain_mismatch(&input, &p, lang)
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
    let shown = Memo::new(move |_| touched.with(|t| shown_issues(computed.get().issues, t)));

    // The live region: after typing in a field pauses, it reads that field's findings (or that
    // they are gone). A new keystroke replaces the pending timer, which cancels it.
    let announce = RwSignal::new(String::new());
    let timer = StoredValue::new_local(None::<Timeout>);
    let announced = StoredValue::new(Vec::<Field>::new());
    let edited = move |f: Field| {
        if !touched.with_untracked(|t| t.contains(&f)) {
            touched.update(|t| t.push(f));
        }
        let pending = Timeout::new(ANNOUNCE_DELAY_MS, move || {
            let Some(issues) = shown.try_get_untracked() else {
                return;
            };
            let had = announced.try_with_value(|a| a.contains(&f)).unwrap_or(false);
            let has = issues.iter().any(|i| i.field == f);
            announced.try_update_value(|a| {
                a.retain(|x| *x != f);
                if has {
                    a.push(f);
                }
            });
            if let Some(text) = announcement(f, &issues, had, lang) {
                announce.try_set(text);
            }
        });
        timer.set_value(Some(pending));
    };

    // A field's findings, next to it.
    let messages = move |f: Field| {
        view! {
            <div class="sign-field-msgs" id=messages_id(f) data-testid=messages_id(f)>
                {move || {
                    shown
                        .get()
                        .into_iter()
                        .filter(|i| i.field == f)
                        .map(|i| finding(i, lang))
                        .collect_view()
                }}
            </div>
        }
    };
    let has_findings = move |f: Field| shown.with(|v| v.iter().any(|i| i.field == f));
    let invalid = move |f: Field| {
        shown
            .with(|v| v.iter().any(|i| i.field == f && i.severity == Severity::Problem))
            .then_some("true")
    };
    let described_by = move |f: Field| has_findings(f).then(|| messages_id(f));

    // A one-line text field (API key, request path).
    let text_field = move |f: Field, sig: RwSignal<String>, placeholder: &'static str| {
        view! {
            <div class="sign-field" class:sign-field-invalid=move || invalid(f).is_some()>
                <label class="sign-label" for=input_id(f)>{field_title(f, lang)}</label>
                <input
                    type="text"
                    class="sign-input"
                    id=input_id(f)
                    data-testid=input_id(f)
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=placeholder
                    aria-invalid=move || invalid(f)
                    aria-describedby=move || described_by(f)
                    prop:value=move || sig.get()
                    on:input=move |ev| {
                        sig.set(event_target_value(&ev));
                        edited(f);
                    }
                />
                {messages(f)}
            </div>
        }
    };

    // A masked field (secret key, passphrase) with its "Show" button.
    let masked_field = move |f: Field,
                             sig: RwSignal<String>,
                             shown_plain: RwSignal<bool>,
                             placeholder: &'static str| {
        let toggle_id = format!("{}-toggle", input_id(f));
        let what = field_title(f, lang);
        view! {
            <div class="sign-field" class:sign-field-invalid=move || invalid(f).is_some()>
                <label class="sign-label" for=input_id(f)>{what}</label>
                <div class="sign-input-row">
                    <input
                        type=move || if shown_plain.get() { "text" } else { "password" }
                        class="sign-input"
                        id=input_id(f)
                        data-testid=input_id(f)
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=placeholder
                        aria-invalid=move || invalid(f)
                        aria-describedby=move || described_by(f)
                        prop:value=move || sig.get()
                        on:input=move |ev| {
                            sig.set(event_target_value(&ev));
                            edited(f);
                        }
                    />
                    <button
                        type="button"
                        class="sign-toggle"
                        data-testid=toggle_id
                        aria-controls=input_id(f)
                        on:click=move |_| shown_plain.update(|v| *v = !*v)
                    >
                        {move || if shown_plain.get() { t!(lang, "Hide", "隐藏") } else { t!(lang, "Show", "显示") }}
                        <span class="visually-hidden">" "{what}</span>
                    </button>
                </div>
                {messages(f)}
            </div>
        }
    };

    view! {
        <section class="sign-lab">
            <h1 class="sign-title">{t!(lang, "Signature lab", "签名实验室")}</h1>
            <p class="sign-privacy">
                {t!(
                    lang,
                    "Everything you type here stays inside this page. Nothing is saved, nothing is sent over the \
                     network and nothing is put in the address bar; the signature is computed by code running in \
                     your browser. The fields are wiped when you leave the lab. Even so, consider trying it with a \
                     fresh read-only key, or on demo trading, rather than your main key.",
                    "你在这里输入的一切都只留在本页：不保存、不通过网络发送，也不写进地址栏；签名由你浏览器里运行的\
                     代码计算。离开本页时，所有字段都会被清空。即便如此，建议用一个新建的只读 API Key 或模拟盘的 \
                     API Key 来试，而不是你的主 Key。"
                )}
            </p>

            <fieldset class="sign-group">
                <legend class="sign-legend">{t!(lang, "Credentials", "凭证")}</legend>
                {text_field(Field::ApiKey, key, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")}
                {masked_field(
                    Field::Secret,
                    secret,
                    show_secret,
                    t!(lang, "32 hex characters", "32 个十六进制字符"),
                )}
                {masked_field(Field::Passphrase, passphrase, show_passphrase, "")}
            </fieldset>

            <fieldset class="sign-group">
                <legend class="sign-legend">{t!(lang, "Request", "请求")}</legend>
                <label class="sign-field sign-check">
                    <input
                        type="checkbox"
                        data-testid="sign-ws"
                        prop:checked=move || ws.get()
                        on:change=move |ev| ws.set(event_target_checked(&ev))
                    />
                    <span class="sign-label">
                        {t!(
                            lang,
                            "WebSocket login (GET /users/self/verify, Unix seconds)",
                            "WebSocket 登录（GET /users/self/verify，Unix 秒）"
                        )}
                    </span>
                </label>
                <div class="sign-field">
                    <label class="sign-label" for=input_id(Field::Method)>{field_title(Field::Method, lang)}</label>
                    <select
                        class="sign-select"
                        id=input_id(Field::Method)
                        data-testid=input_id(Field::Method)
                        disabled=move || ws.get()
                        aria-invalid=move || invalid(Field::Method)
                        aria-describedby=move || described_by(Field::Method)
                        prop:value=move || method.get()
                        on:change=move |ev| {
                            method.set(event_target_value(&ev));
                            edited(Field::Method);
                        }
                    >
                        <option value="GET">"GET"</option>
                        <option value="POST">"POST"</option>
                    </select>
                    {messages(Field::Method)}
                </div>
                <div class="sign-field" class:sign-field-invalid=move || invalid(Field::Path).is_some()>
                    <label class="sign-label" for=input_id(Field::Path)>
                        {t!(lang, "Request path (with query string)", "请求路径（含查询字符串）")}
                    </label>
                    <input
                        type="text"
                        class="sign-input"
                        id=input_id(Field::Path)
                        data-testid=input_id(Field::Path)
                        autocomplete="off"
                        spellcheck="false"
                        disabled=move || ws.get()
                        aria-invalid=move || invalid(Field::Path)
                        aria-describedby=move || described_by(Field::Path)
                        prop:value=move || if ws.get() { WS_LOGIN_PATH.to_string() } else { path.get() }
                        on:input=move |ev| {
                            path.set(event_target_value(&ev));
                            edited(Field::Path);
                        }
                    />
                    {messages(Field::Path)}
                </div>
                <div class="sign-field" class:sign-field-invalid=move || invalid(Field::Body).is_some()>
                    <label class="sign-label" for=input_id(Field::Body)>
                        {t!(lang, "Body (exact JSON text; empty for GET)", "请求体（原样的 JSON 文本；GET 留空）")}
                    </label>
                    <textarea
                        class="sign-textarea"
                        id=input_id(Field::Body)
                        data-testid=input_id(Field::Body)
                        autocomplete="off"
                        spellcheck="false"
                        rows="4"
                        disabled=move || ws.get()
                        aria-invalid=move || invalid(Field::Body)
                        aria-describedby=move || described_by(Field::Body)
                        prop:value=move || body.get()
                        on:input=move |ev| {
                            body.set(event_target_value(&ev));
                            edited(Field::Body);
                        }
                    ></textarea>
                    {messages(Field::Body)}
                </div>
                <div class="sign-field" class:sign-field-invalid=move || invalid(Field::Timestamp).is_some()>
                    <label class="sign-label" for=input_id(Field::Timestamp)>
                        {field_title(Field::Timestamp, lang)}
                    </label>
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
                        {t!(lang, " current time", "当前时间")}
                    </label>
                    <div class="sign-input-row">
                        <input
                            type="text"
                            class="sign-input"
                            id=input_id(Field::Timestamp)
                            data-testid=input_id(Field::Timestamp)
                            autocomplete="off"
                            spellcheck="false"
                            readonly=move || use_now.get()
                            aria-invalid=move || invalid(Field::Timestamp)
                            aria-describedby=move || described_by(Field::Timestamp)
                            prop:value=move || computed.get().timestamp
                            on:input=move |ev| {
                                fixed_ts.set(event_target_value(&ev));
                                edited(Field::Timestamp);
                            }
                        />
                        <button
                            type="button"
                            class="sign-refresh"
                            data-testid="sign-timestamp-refresh"
                            disabled=move || !use_now.get()
                            on:click=move |_| now.set(now_ms())
                        >
                            {t!(lang, "Refresh", "刷新")}
                        </button>
                    </div>
                    {messages(Field::Timestamp)}
                </div>
                <label class="sign-field sign-check">
                    <input
                        type="checkbox"
                        data-testid="sign-demo"
                        disabled=move || ws.get()
                        prop:checked=move || demo.get()
                        on:change=move |ev| demo.set(event_target_checked(&ev))
                    />
                    <span class="sign-label">
                        {t!(lang, "Demo trading (adds x-simulated-trading: 1)", "模拟盘（加上 x-simulated-trading: 1）")}
                    </span>
                </label>
            </fieldset>
            // Read by screen readers when typing pauses (see `edited`); empty until then.
            <p class="visually-hidden" aria-live="polite" data-testid="sign-announce">{move || announce.get()}</p>

            // The results depend on the current time: they differ from the prerendered ones.
            <section class="sign-results" data-dynamic="">
                <h2 class="sign-subtitle">
                    {t!(lang, "Pre-hash (the text that is signed)", "待签名字符串（pre-hash，即参与签名的文本）")}
                </h2>
                <pre class="sign-output" data-testid="sign-prehash">{move || computed.get().prehash}</pre>
                <h2 class="sign-subtitle">{t!(lang, "Signature", "签名")}</h2>
                <pre class="sign-output" data-testid="sign-signature">{move || computed.get().signature}</pre>
                <h2 class="sign-subtitle">
                    {move || {
                        if ws.get() {
                            t!(lang, "Login message (passphrase masked)", "登录消息（Passphrase 已隐藏）")
                        } else {
                            t!(lang, "Headers (passphrase masked)", "请求头（Passphrase 已隐藏）")
                        }
                    }}
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
                <h2 class="sign-subtitle">{t!(lang, "Checks", "检查结果")}</h2>
                <div class="sign-lint" data-testid="sign-lint">
                    {move || {
                        let issues = shown.get();
                        if issues.is_empty() {
                            let c = computed.get();
                            let still_empty: Vec<&str> = [Field::ApiKey, Field::Secret, Field::Passphrase]
                                .into_iter()
                                .filter(|f| c.issues.iter().any(|i| i.field == *f && i.rule == LintRule::Empty))
                                .map(|f| f.label(lang))
                                .collect();
                            let text = if still_empty.is_empty() {
                                t!(lang, "No problems found in these inputs.", "这些输入没有发现问题。").to_string()
                            } else {
                                let list = still_empty.join(t!(lang, ", ", "、"));
                                tf!(
                                    lang,
                                    "No problems found so far. Still empty: {list}.",
                                    "目前没有发现问题。尚未填写：{list}。"
                                )
                            };
                            view! { <p class="sign-lint-ok">{text}</p> }.into_any()
                        } else {
                            let summary = if has_problems(&issues) {
                                t!(
                                    lang,
                                    "These inputs have problems that would make OKX reject the request:",
                                    "这些输入有问题，欧易（OKX）会因此拒绝请求："
                                )
                            } else {
                                t!(lang, "Notes (may be fine):", "提示（可能没问题）：")
                            };
                            view! {
                                <p class="sign-lint-summary">{summary}</p>
                                <ul class="sign-lint-list">
                                    {issues
                                        .into_iter()
                                        .map(|i| {
                                            let class = format!("sign-lint-item {}", severity_class(i.severity));
                                            let (icon, word) = severity_tag(i.severity, lang);
                                            view! {
                                                <li class=class>
                                                    <span class="sign-lint-tag">
                                                        <span aria-hidden="true">{icon}" "</span>
                                                        {word}
                                                    </span>
                                                    " "
                                                    <span class="sign-lint-field">{field_title(i.field, lang)}</span>
                                                    {t!(lang, ": ", "：")}
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
                <h2 class="sign-subtitle">{t!(lang, "Compare with your logs", "和你的日志比对")}</h2>
                <label class="sign-field">
                    <span class="sign-label">
                        {t!(
                            lang,
                            "Paste a signature or a pre-hash that your code produced for the same inputs",
                            "粘贴你的代码用同样的输入算出的签名或待签名字符串"
                        )}
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
                    {move || computed.get().compare.map(|c| diff_view(c, lang))}
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

fn diff_view(c: Compared, lang: Lang) -> impl IntoView {
    let what = if c.kind == PastedKind::Prehash {
        t!(lang, "pre-hash", "待签名字符串")
    } else {
        t!(lang, "signature", "签名")
    };
    match c.index {
        None if c.hints.is_empty() => view! {
            <p class="sign-diff-same">
                {tf!(lang, "Your {what} is identical to ours.", "你的{what}和我们算的完全一致。")}
            </p>
            {(c.kind == PastedKind::Prehash).then(|| view! { <p class="sign-hint">{same_prehash_note(lang)}</p> })}
        }
        .into_any(),
        None => view! {
            <p class="sign-diff-same">
                {tf!(
                    lang,
                    "Your {what} matches ours once outer whitespace is removed.",
                    "去掉首尾的空白后，你的{what}和我们算的一致。"
                )}
            </p>
            <ul class="sign-hints">
                {c.hints.into_iter().map(|h| view! { <li class="sign-hint">{h.message}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Some(i) => {
            let at = i + 1;
            view! {
                <p class="sign-diff-differs">
                    {tf!(
                        lang,
                        "Your {what} differs from ours, first at character {at}.",
                        "你的{what}和我们算的不一样，第一处不同在第 {at} 个字符。"
                    )}
                </p>
                <dl class="sign-diff-pair">
                    <dt class="sign-diff-label">{t!(lang, "Ours", "我们的")}</dt>
                    <dd class="sign-diff-value">{marked(&c.ours, i)}</dd>
                    <dt class="sign-diff-label">{t!(lang, "Yours", "你的")}</dt>
                    <dd class="sign-diff-value">{marked(&c.theirs, i)}</dd>
                </dl>
                <ul class="sign-hints">
                    {c.hints.into_iter().map(|h| view! { <li class="sign-hint">{h.message}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
