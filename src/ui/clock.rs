//! Browser clock check: measures this device's clock against OKX server time.
//!
//! REST first (`GET /api/v5/public/time`, `cache: no-store`, `credentials: omit`, no custom headers,
//! 1 warm-up + 6 samples); if the browser cannot read the answer (CORS, network) it falls back to the
//! public WebSocket (text ping/pong for the round trip, `tickers` pushes for server time). All maths
//! and wording come from [`crate::core::clock`].
//!
//! The result speaks plainly: one sentence says how far off the clock is and what OKX makes of it
//! ("Your clock is 2.3 s fast — fine for OKX."); when it needs fixing, the fix for the visitor's
//! own system (read from the user agent) comes first, with its commands and copy buttons, and
//! the other systems wait behind a disclosure. A manual check that prints the difference itself
//! (no arithmetic) is offered for the machine the bot runs on, and whenever the page cannot
//! measure.
//!
//! `?okx_base=` (a loopback URL only, see [`validate_base_url_param`]) points the REST check at a local
//! test server such as `tests/support/fake-okx.mjs`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, MessageEvent, RequestCache, RequestCredentials, RequestInit, RequestMode, Response};

use super::browser::{keys, storage_get, storage_set, wall_iso};
use super::copy::CopyButton;
use super::env::use_env;
use super::island::{flag, Island, Props};
use crate::core::clock::{
    estimate, estimate_from_ws, format_duration, manual_check_command, manual_check_note, parse_time_response,
    parse_ws_message, time_url, timezone_hint, validate_base_url_param, verdict_sentence, ws_subscribe_tickers,
    ws_url_for_base, BaseUrlError, ClockError, Estimate, Host, Library, Os, Sample, Shell, Verdict, WsMessage,
    REJECT_WINDOW_MS, WS_PING,
};
use crate::core::lang::Lang;
use crate::{t, tf};

const SAMPLES: usize = 6;
const SAMPLE_GAP_MS: u32 = 300;
const REQUEST_TIMEOUT_MS: u32 = 4_000;
const WS_CONNECT_TIMEOUT_MS: f64 = 6_000.0;
const WS_COLLECT_MS: f64 = 5_000.0;
const WS_MAX_PUSHES: usize = 20;
/// The REST phase ends by this many ms after the start, leaving time for the WebSocket fallback.
const REST_BUDGET_MS: f64 = 5_000.0;
/// The whole check (REST, then WebSocket) ends by this many ms after the start.
const TOTAL_BUDGET_MS: f64 = 9_500.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Method {
    Rest,
    WebSocket,
}

impl Method {
    /// Stable id (the result's `data-method`).
    fn id(self) -> &'static str {
        match self {
            Method::Rest => "REST",
            Method::WebSocket => "WebSocket",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Method::Rest => t!(
                lang,
                "REST (GET /api/v5/public/time)",
                "REST（GET /api/v5/public/time）"
            ),
            Method::WebSocket => t!(lang, "WebSocket (ticker timestamps)", "WebSocket（行情推送里的时间戳）"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    estimate: Estimate,
    method: Method,
    /// What answered: a host id or the override URL.
    source: String,
    /// Why REST was not used, when the WebSocket fallback measured instead.
    rest_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    Running(String),
    Done(Outcome),
    Failed { rest: ClockError, ws: Option<ClockError> },
}

fn window() -> web_sys::Window {
    web_sys::window().expect("no window")
}

use super::browser::now_ms as perf_now;

fn stored_host() -> Option<Host> {
    Host::parse(&storage_get(keys::CLOCK_HOST)?)
}

fn store_host(h: Host) {
    storage_set(keys::CLOCK_HOST, h.id());
}

/// `Some(Ok(base))` for a valid `?okx_base=`, `Some(Err(reason))` for a refused one.
fn base_override() -> Option<Result<String, BaseUrlError>> {
    let raw = use_env().param("okx_base")?;
    Some(validate_base_url_param(&raw))
}

/// The browser's user agent (empty natively, where no visitor is known).
#[cfg(target_arch = "wasm32")]
fn user_agent() -> String {
    window().navigator().user_agent().unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn user_agent() -> String {
    String::new()
}

/// One `fetch` of the time endpoint, bounded by an AbortController.
async fn fetch_sample(url: &str, timeout_ms: u32, lang: Lang) -> Result<Sample, ClockError> {
    let controller = AbortController::new()
        .map_err(|_| ClockError::Network(t!(lang, "AbortController unavailable", "AbortController 不可用").into()))?;
    let signal = controller.signal();
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_cache(RequestCache::NoStore);
    init.set_credentials(RequestCredentials::Omit);
    init.set_mode(RequestMode::Cors);
    init.set_signal(Some(&signal));
    let c2 = controller.clone();
    let _timer = Timeout::new(timeout_ms, move || c2.abort());
    let timeout_err = || ClockError::Timeout {
        after_ms: timeout_ms as u64,
    };

    let sent_ms = perf_now();
    let res = JsFuture::from(window().fetch_with_str_and_init(url, &init)).await;
    let received_ms = perf_now();
    let wall_at_receive_ms = js_sys::Date::now();
    let resp: Response = match res {
        Ok(v) => v.unchecked_into(),
        // A page cannot tell a CORS block from an offline network: both are a TypeError.
        Err(_) if signal.aborted() => return Err(timeout_err()),
        Err(_) => return Err(ClockError::Cors),
    };
    let status = resp.status();
    let text = match resp.text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    };
    let body = match text {
        Ok(t) => t.as_string().unwrap_or_default(),
        Err(_) if signal.aborted() => return Err(timeout_err()),
        Err(_) => {
            return Err(ClockError::Network(
                t!(lang, "the answer could not be read", "无法读取应答").into(),
            ))
        }
    };
    let server_ts_ms = parse_time_response(status, &body)?;
    Ok(Sample {
        sent_ms,
        received_ms,
        wall_at_receive_ms,
        server_ts_ms,
    })
}

/// Time left until `deadline` (a `performance.now()` value), as a request timeout.
fn until(deadline: f64) -> u32 {
    (deadline - perf_now()).clamp(0.0, REQUEST_TIMEOUT_MS as f64) as u32
}

async fn measure_rest(
    base: &str,
    progress: impl Fn(String),
    deadline: f64,
    lang: Lang,
) -> Result<Estimate, ClockError> {
    let url = time_url(base);
    progress(t!(lang, "Warming up the connection…", "正在预热连接…").into());
    fetch_sample(&url, until(deadline), lang).await?;
    let mut samples = Vec::new();
    let mut last_err = None;
    for i in 0..SAMPLES {
        // Keep within the budget: stop sampling when another sample may not fit.
        if perf_now() + SAMPLE_GAP_MS as f64 + 200.0 > deadline && !samples.is_empty() {
            break;
        }
        TimeoutFuture::new(SAMPLE_GAP_MS).await;
        let (k, n) = (i + 1, SAMPLES);
        progress(tf!(lang, "Sample {k} of {n}", "第 {k} 次取样，共 {n} 次"));
        match fetch_sample(&url, until(deadline).max(1), lang).await {
            Ok(s) => samples.push(s),
            Err(e) => last_err = Some(e),
        }
    }
    if samples.is_empty() {
        return Err(last_err.unwrap_or(ClockError::NoUsableSamples));
    }
    estimate(&samples).ok_or(ClockError::NoUsableSamples)
}

/// What the socket callbacks record (times are taken inside the callbacks, so polling adds no error).
#[derive(Default)]
struct WsLog {
    open: bool,
    closed: Option<String>,
    pongs: Vec<f64>,
    pushes: Vec<(f64, f64)>,
    errors: Vec<String>,
}

async fn measure_ws(url: &str, progress: impl Fn(String), deadline: f64, lang: Lang) -> Result<Estimate, ClockError> {
    progress(
        t!(
            lang,
            "REST was blocked; trying the WebSocket…",
            "REST 被拦截了，改用 WebSocket…"
        )
        .into(),
    );
    let ws = web_sys::WebSocket::new(url)
        .map_err(|_| ClockError::WebSocket(tf!(lang, "could not open {url}", "无法打开 {url}")))?;
    let log = Rc::new(RefCell::new(WsLog::default()));

    let l = log.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || l.borrow_mut().open = true);
    let l = log.clone();
    let on_close = Closure::<dyn FnMut(web_sys::CloseEvent)>::new(move |e: web_sys::CloseEvent| {
        let code = e.code();
        l.borrow_mut().closed = Some(tf!(lang, "closed with code {code}", "连接已关闭，代码 {code}"));
    });
    let l = log.clone();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        l.borrow_mut()
            .closed
            .get_or_insert_with(|| t!(lang, "connection failed", "连接失败").into());
    });
    let l = log.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let now = perf_now();
        let wall = js_sys::Date::now();
        let Some(text) = e.data().as_string() else { return };
        let mut log = l.borrow_mut();
        match parse_ws_message(&text) {
            WsMessage::Pong => log.pongs.push(now),
            WsMessage::Push { ts_ms } => log.pushes.push((wall, ts_ms)),
            WsMessage::Error { code, msg } => log.errors.push(format!("{code} {msg}")),
            _ => {}
        }
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    ws.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));

    let result = async {
        let t0 = perf_now();
        while !log.borrow().open {
            if let Some(c) = log.borrow().closed.clone() {
                return Err(ClockError::WebSocket(format!("{url}: {c}")));
            }
            if perf_now() - t0 > WS_CONNECT_TIMEOUT_MS || perf_now() > deadline - 1_000.0 {
                return Err(ClockError::WebSocket(tf!(
                    lang,
                    "{url} did not open in time",
                    "{url} 没有及时打开"
                )));
            }
            TimeoutFuture::new(20).await;
        }
        // Three ping/pong round trips.
        let mut rtts = Vec::new();
        for _ in 0..3 {
            let before = log.borrow().pongs.len();
            let sent = perf_now();
            ws.send_with_str(WS_PING)
                .map_err(|_| ClockError::WebSocket(t!(lang, "sending ping failed", "发送 ping 失败").into()))?;
            while log.borrow().pongs.len() == before && perf_now() - sent < 3_000.0 {
                TimeoutFuture::new(10).await;
            }
            if let Some(&at) = log.borrow().pongs.get(before) {
                rtts.push(at - sent);
            }
        }
        if rtts.is_empty() {
            return Err(ClockError::WebSocket(
                t!(lang, "no answer to ping", "ping 没有回应").into(),
            ));
        }
        progress(t!(lang, "Listening to ticker timestamps…", "正在接收行情推送的时间戳…").into());
        ws.send_with_str(&ws_subscribe_tickers("BTC-USDT"))
            .map_err(|_| ClockError::WebSocket(t!(lang, "subscribing failed", "订阅失败").into()))?;
        let t1 = perf_now();
        while perf_now() - t1 < WS_COLLECT_MS && perf_now() < deadline && log.borrow().pushes.len() < WS_MAX_PUSHES {
            if log.borrow().closed.is_some() {
                break;
            }
            TimeoutFuture::new(50).await;
        }
        let log = log.borrow();
        estimate_from_ws(&rtts, &log.pushes).ok_or_else(|| {
            ClockError::WebSocket(match log.errors.first() {
                Some(e) => tf!(lang, "OKX refused the subscription ({e})", "欧易拒绝了订阅（{e}）"),
                None => t!(lang, "no ticker updates arrived", "没有收到行情推送").into(),
            })
        })
    }
    .await;

    ws.set_onopen(None);
    ws.set_onclose(None);
    ws.set_onerror(None);
    ws.set_onmessage(None);
    let _ = ws.close();
    drop((on_open, on_close, on_error, on_message));
    result
}

/// Errors after which the WebSocket is worth trying (the REST answer never reached the page).
fn rest_unreachable(e: &ClockError) -> bool {
    matches!(
        e,
        ClockError::Cors | ClockError::Network(_) | ClockError::Timeout { .. }
    )
}

fn signed(ms: f64, lang: Lang) -> String {
    format!("{}{}", if ms >= 0.0 { "+" } else { "−" }, format_duration(ms, lang))
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Fine => "clock-verdict clock-verdict-fine",
        Verdict::Drifting => "clock-verdict clock-verdict-drifting",
        Verdict::WillBeRejected => "clock-verdict clock-verdict-rejected",
    }
}

/// Measures this device's clock against OKX and explains the result (an island).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockCheck {
    /// Only the headline, gauge, verdict and re-check button (no fix lists).
    pub compact: bool,
}

impl Island for ClockCheck {
    const NAME: &'static str = "clock";

    fn props(&self) -> Props {
        Props::new(&[("compact", flag(self.compact))])
    }

    fn from_props(p: &Props) -> Option<Self> {
        Some(ClockCheck {
            compact: p.flag("compact"),
        })
    }

    fn render(self) -> AnyView {
        clock_check(self.compact).into_any()
    }
}

fn clock_check(compact: bool) -> impl IntoView {
    let lang = use_env().lang;
    let override_param = base_override();
    let override_base = StoredValue::new(override_param.clone().and_then(Result::ok));
    let host = RwSignal::new(stored_host().unwrap_or(Host::Global));
    let phase = RwSignal::new(Phase::Idle);
    let generation = StoredValue::new(0u32);
    // The visitor's system, for the fix shown first (unknown natively and on unusual systems).
    let os = Os::from_user_agent(&user_agent());

    let start = move || {
        let gen = generation.get_value().wrapping_add(1);
        generation.set_value(gen);
        let h = host.get_untracked();
        let base = override_base.get_value();
        phase.set(Phase::Running(t!(lang, "Starting…", "正在开始…").into()));
        spawn_local(async move {
            // Whether this run still matters: no newer re-check, and the component still shown (the
            // user may leave the page mid-check; its signals are disposed then, hence `try_`).
            let current = move || generation.try_get_value() == Some(gen);
            // Drop progress from an older run if the user re-checked meanwhile.
            let progress = move |s: String| {
                if current() {
                    phase.try_set(Phase::Running(s));
                }
            };
            let (rest_base, source) = match &base {
                Some(b) => (b.clone(), b.clone()),
                None => (h.rest_base().to_string(), h.id().to_string()),
            };
            let started = perf_now();
            let out = match measure_rest(&rest_base, progress, started + REST_BUDGET_MS, lang).await {
                Ok(e) => Phase::Done(Outcome {
                    estimate: e,
                    method: Method::Rest,
                    source,
                    rest_error: None,
                }),
                Err(rest) if rest_unreachable(&rest) => {
                    if !current() {
                        return; // no WebSocket for a check nobody sees any more
                    }
                    // A local test server (okx_base) gets its own WebSocket; otherwise the region's.
                    let ws_url = match &base {
                        Some(b) => ws_url_for_base(b).unwrap_or_default(),
                        None => h.ws_public_url().to_string(),
                    };
                    match measure_ws(&ws_url, progress, started + TOTAL_BUDGET_MS, lang).await {
                        Ok(e) => Phase::Done(Outcome {
                            estimate: e,
                            method: Method::WebSocket,
                            source,
                            rest_error: Some(rest.message(lang)),
                        }),
                        Err(ws) => Phase::Failed { rest, ws: Some(ws) },
                    }
                }
                Err(rest) => Phase::Failed { rest, ws: None },
            };
            if current() {
                phase.try_set(out);
            }
        });
    };
    // First measurement as soon as the component is shown (effects run only in the browser).
    Effect::new(move |prev: Option<()>| {
        if prev.is_none() {
            start();
        }
    });

    let running = move || matches!(phase.get(), Phase::Running(_));
    let on_host = move |ev: leptos::ev::Event| {
        if let Some(h) = Host::parse(&event_target_value(&ev)) {
            store_host(h);
            host.set(h);
            start();
        }
    };

    let override_note =
        match override_param {
            Some(Ok(b)) => Some(
                view! {
                    <p class="clock-note clock-override">
                        {tf!(
                            lang,
                            "Measuring against the local test server {b} (okx_base).",
                            "正在对比本地测试服务器 {b}（okx_base）。"
                        )}
                    </p>
                }
                .into_any(),
            ),
            Some(Err(e)) => {
                let why = e.message(lang);
                Some(view! {
                <p class="clock-note clock-override-refused">
                    {tf!(lang, "Ignored the okx_base link parameter: {why}.", "已忽略链接参数 okx_base：{why}。")}
                </p>
            }
            .into_any())
            }
            None => None,
        };

    let body = move || match phase.get() {
        Phase::Idle => view! { <p class="clock-progress">{t!(lang, "Ready.", "准备就绪。")}</p> }.into_any(),
        Phase::Running(step) => view! { <p class="clock-progress">{step}</p> }.into_any(),
        Phase::Failed { rest, ws } => view! {
            <div class="clock-error" data-testid="clock-error" role="alert">
                <p class="clock-error-title">
                    {t!(lang, "The clock could not be measured from this page.", "本页无法测量系统时间。")}
                </p>
                <p class="clock-error-rest">{rest.message(lang)}</p>
                {ws.map(|w| view! { <p class="clock-error-ws">{w.message(lang)}</p> })}
                {if compact {
                    view! {
                        <p class="clock-error-manual">
                            {t!(lang, "Check by hand: run ", "手动检查：在运行机器人的机器上运行 ")}
                            <code>"okx-doctor clock"</code>
                            {t!(lang, " on the machine where your bot runs.", "。")}
                        </p>
                    }
                    .into_any()
                } else {
                    manual_check(
                        host.get_untracked(),
                        os,
                        t!(
                            lang,
                            "Check by hand on the machine where your bot runs, with okx-doctor clock or with this \
                             command, which asks OKX for the time and prints the difference itself",
                            "在运行机器人的机器上手动检查：运行 okx-doctor clock，或者运行下面这条命令，它会向欧易查询\
                             时间，并直接打印出相差多少"
                        ),
                        lang,
                    )
                    .into_any()
                }}
            </div>
        }
        .into_any(),
        Phase::Done(o) => result_view(o, compact, os, lang).into_any(),
    };
    // What a screen reader hears when the check ends (the outcome replaces the progress line, so
    // the region that announces it must stay in place).
    let announce = move || match phase.get() {
        Phase::Done(o) => verdict_sentence(&o.estimate, lang),
        Phase::Failed { .. } => t!(
            lang,
            "The clock could not be measured from this page.",
            "本页无法测量系统时间。"
        )
        .to_string(),
        _ => String::new(),
    };

    view! {
        <section class="clock-check" class:clock-compact=compact>
            <div class="clock-controls">
                <label class="clock-host-label">
                    {t!(lang, "OKX region ", "欧易站点 ")}
                    <select class="clock-host" data-testid="clock-host"
                        prop:value=move || host.get().id() on:change=on_host prop:disabled=running>
                        {Host::ALL
                            .into_iter()
                            .map(|h| {
                                view! {
                                    <option value=h.id() selected=move || host.get() == h>
                                        {h.label(lang)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    class="clock-recheck"
                    data-testid="clock-recheck"
                    on:click=move |_| start()
                    prop:disabled=running
                >
                    {t!(lang, "Check again", "再检查一次")}
                </button>
            </div>
            {override_note}
            // Room for the outcome is kept from the start, so the page below does not jump when
            // the measurement ends (it was Lighthouse's one layout shift on /clock/).
            <div class="clock-body" data-dynamic="">
                {body}
                <p class="visually-hidden" aria-live="polite" data-testid="clock-announce">{announce}</p>
            </div>
        </section>
    }
}

/// A command with its copy button. `testid` names the button.
fn command_line(command: String, testid: String, lang: Lang) -> impl IntoView {
    view! {
        <span class="clock-command">
            <code class="clock-command-text">{command.clone()}</code>
            " "
            {CopyButton::text(command, t!(lang, "Copy command", "复制命令"), &testid).view()}
        </span>
    }
}

/// The manual check that needs no arithmetic: a one-line command, for the visitor's shell, that
/// prints how many seconds the machine is off.
fn manual_check(host: Host, os: Option<Os>, intro: &'static str, lang: Lang) -> impl IntoView {
    let shell = Shell::of(os);
    let shell_label = shell.label();
    view! {
        <div class="clock-manual" data-testid="clock-manual">
            <p class="clock-manual-intro">
                {intro}" "{tf!(lang, "({shell_label}):", "（{shell_label}）：")}
            </p>
            <p class="clock-manual-command">
                {command_line(manual_check_command(host, shell), "clock-copy-manual".into(), lang)}
            </p>
            <p class="clock-manual-note">{manual_check_note(lang)}</p>
        </div>
    }
}

/// How to fix the clock on one system: the steps, then the commands with copy buttons.
fn fix_body(os: Os, lang: Lang) -> impl IntoView {
    let commands = os.commands(lang);
    view! {
        <p class="clock-fix-steps">{os.steps(lang)}</p>
        {(!commands.is_empty()).then(|| {
            view! {
                <ul class="clock-commands">
                    {commands
                        .into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            view! {
                                <li class="clock-command-item">
                                    {command_line(c.command.to_string(), format!("clock-copy-{}-{i}", os.id()), lang)}
                                    <span class="clock-command-note">{c.note}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })}
    }
}

/// The fixes: the visitor's own system first, the others behind a closed disclosure (all of
/// them, openly, when the system is not known).
fn fixes_view(own: Option<Os>, lang: Lang) -> impl IntoView {
    let others = move |skip: Option<Os>| {
        Os::ALL
            .into_iter()
            .filter(move |o| Some(*o) != skip)
            .map(move |o| {
                view! {
                    <section class="clock-fix" data-os=o.id()>
                        <h3 class="clock-fix-title">{o.label(lang)}</h3>
                        {fix_body(o, lang)}
                    </section>
                }
            })
            .collect_view()
    };
    let systems = match own {
        Some(os) => {
            let name = os.label(lang);
            let title = t!(
                lang,
                format!("Fix it on {name}"),
                format!("在{}上修复", crate::core::clock::spaced_in_chinese(name))
            );
            view! {
                <section class="clock-fix clock-fix-own" data-testid="clock-fix-own" data-os=os.id()>
                    <h2 class="clock-fixes-title">{title}</h2>
                    {fix_body(os, lang)}
                </section>
                <details class="clock-fix-others" data-testid="clock-fix-others">
                    <summary>{t!(lang, "Other systems", "其他系统")}</summary>
                    {others(Some(os))}
                </details>
            }
            .into_any()
        }
        None => view! {
            <h2 class="clock-fixes-title">{t!(lang, "Turn on automatic time", "打开自动设置时间")}</h2>
            {others(None)}
        }
        .into_any(),
    };
    view! {
        <div class="clock-fixes" data-testid="clock-fixes">
            {systems}
            <h2 class="clock-fixes-title">{t!(lang, "What your library does about it", "你用的库能做什么")}</h2>
            <ul class="clock-lib-list">
                {Library::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li class="clock-lib">
                                <strong>{l.label(lang)}{t!(lang, ": ", "：")}</strong>
                                {l.advice(lang)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// The measured offset in figures: "Measured: 3.2 s ahead of OKX, ±40 ms".
fn measured(e: &Estimate, lang: Lang) -> String {
    let (d, u) = (
        format_duration(e.offset_ms, lang),
        format_duration(e.uncertainty_ms, lang),
    );
    if e.offset_ms >= 0.0 {
        tf!(
            lang,
            "Measured: {d} ahead of OKX, ±{u}.",
            "测量结果：比欧易快 {d}，±{u}。"
        )
    } else {
        tf!(
            lang,
            "Measured: {d} behind OKX, ±{u}.",
            "测量结果：比欧易慢 {d}，±{u}。"
        )
    }
}

fn result_view(o: Outcome, compact: bool, os: Option<Os>, lang: Lang) -> impl IntoView {
    let e = o.estimate;
    let v = e.verdict();
    let abs_s = (e.offset_ms.abs() / 1_000.0).min(REJECT_WINDOW_MS / 1_000.0);
    let tz = timezone_hint(e.offset_ms);
    let details = (!compact).then(|| {
        let fixes = (v != Verdict::Fine).then(|| fixes_view(os, lang));
        view! {
            <dl class="clock-details">
                <dt>{t!(lang, "Measured against", "对比对象")}</dt><dd>{o.source.clone()}</dd>
                <dt>{t!(lang, "Method", "方式")}</dt><dd>{o.method.label(lang)}</dd>
                <dt>{t!(lang, "Samples used", "有效取样")}</dt><dd>{e.samples_used}</dd>
                <dt>{t!(lang, "Best round trip", "最短往返")}</dt><dd>{format_duration(e.best_rtt_ms, lang)}</dd>
                <dt>{t!(lang, "Device time (UTC)", "本机时间（UTC）")}</dt>
                <dd>{wall_iso()}</dd>
            </dl>
            {fixes}
            <div class="clock-note clock-scope">
                {manual_check(
                    Host::Global,
                    os,
                    t!(
                        lang,
                        "This checks the device showing this page. If your bot runs on another machine (VPS, Docker \
                         host), check the clock there too, with okx-doctor clock or with this command, which prints \
                         the difference itself",
                        "这里检查的是显示本页的这台设备。如果你的机器人运行在另一台机器上（VPS、Docker 宿主机），\
                         也要在那里检查系统时间：运行 okx-doctor clock，或者这条会直接打印出相差多少的命令"
                    ),
                    lang,
                )}
            </div>
        }
    });
    let gauge_text = if e.offset_ms.abs() >= REJECT_WINDOW_MS {
        let s = signed(e.offset_ms, lang);
        tf!(lang, "{s}: beyond the 30 s OKX allows", "{s}：超出了欧易允许的 30 秒")
    } else {
        let s = signed(e.offset_ms, lang);
        tf!(lang, "{s} of the 30 s OKX allows", "{s}，欧易允许 30 秒")
    };
    view! {
        <div class="clock-result" data-testid="clock-result" data-verdict=v.id() data-method=o.method.id()>
            <p class=verdict_class(v) data-testid="clock-verdict">{verdict_sentence(&e, lang)}</p>
            <p class="clock-explanation">{v.explanation(lang)}</p>
            <div class="clock-gauge-row">
                <meter
                    class="clock-gauge"
                    min="0"
                    max="30"
                    low="2"
                    high="15"
                    optimum="0"
                    value=format!("{abs_s:.2}")
                    aria-label=t!(lang, "Clock offset against OKX's 30 second limit", "系统时间偏差（欧易上限 30 秒）")
                ></meter>
                <span class="clock-gauge-text">{gauge_text}</span>
            </div>
            <p class="clock-measured" data-testid="clock-offset" data-offset-ms=format!("{:.0}", e.offset_ms) data-uncertainty-ms=format!("{:.0}", e.uncertainty_ms) data-rtt-ms=format!("{:.0}", e.best_rtt_ms)>
                {measured(&e, lang)}
            </p>
            {o.rest_error.clone().map(|m| view! {
                <p class="clock-note clock-fallback" data-testid="clock-fallback-note">
                    {t!(
                        lang,
                        "Measured over the WebSocket because the REST time endpoint did not work: ",
                        "因为 REST 时间接口不可用，改用 WebSocket 测量："
                    )}
                    {m}
                </p>
            })}
            {tz.map(|h| view! { <p class="clock-tz-hint">{h.message(lang)}</p> })}
            {e.unstable().then(|| view! {
                <p class="clock-note clock-unstable">
                    {t!(
                        lang,
                        "The samples disagreed a lot, so the network was unsteady. Check again for a firmer result.",
                        "几次取样差别很大，说明网络不稳定。再检查一次，结果会更可靠。"
                    )}
                </p>
            })}
            {details}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The result as the browser shows it, rendered natively in `lang` for a visitor on `os`.
    fn render(e: Estimate, os: Option<Os>, lang: Lang) -> String {
        let owner = Owner::new();
        owner.with(|| {
            let o = Outcome {
                estimate: e,
                method: Method::Rest,
                source: "global".into(),
                rest_error: None,
            };
            result_view(o, false, os, lang).to_html()
        })
    }

    fn estimate(offset_ms: f64) -> Estimate {
        Estimate {
            offset_ms,
            uncertainty_ms: 21.0,
            best_rtt_ms: 40.0,
            samples_used: 6,
            spread_ms: 5.0,
        }
    }

    #[test]
    fn the_visitors_system_comes_first_and_the_others_wait_in_a_closed_disclosure() {
        let html = render(estimate(-45_000.0), Some(Os::Windows), Lang::En);
        let own = html.find("data-testid=\"clock-fix-own\"").expect("own fix");
        let others = html.find("data-testid=\"clock-fix-others\"").expect("others");
        assert!(own < others);
        assert!(html[own..others].contains("data-os=\"windows\"") && html[own..others].contains("w32tm /resync"));
        let details = &html[html[..others].rfind("<details").unwrap()..];
        assert!(
            !details[..details.find('>').unwrap()].contains(" open"),
            "the disclosure starts closed"
        );
        assert!(details.contains("data-os=\"macos\"") && details.contains("data-os=\"linux\""));
        assert!(html.contains("Your clock is 45.0 s slow — too far off: OKX will refuse signed requests."));
        // Every command has a copy button; the manual check is one of them.
        assert!(html.contains("data-testid=\"clock-copy-windows-0\""));
        assert!(html.contains("data-testid=\"clock-copy-manual\""));
        // An unknown system: every fix, openly.
        let html = render(estimate(-45_000.0), None, Lang::En);
        assert!(!html.contains("clock-fix-others") && html.contains("Turn on automatic time"));
        // A fine clock needs no fix.
        assert!(!render(estimate(300.0), Some(Os::Linux), Lang::En).contains("clock-fixes"));
    }

    #[test]
    fn the_result_reads_in_chinese() {
        let html = render(estimate(-45_000.0), Some(Os::MacOs), Lang::Zh);
        for want in [
            "你的系统时间慢了 45.0 秒——偏差太大：欧易会拒绝签名请求。",
            "在 macOS 上修复",
            "其他系统",
            "复制命令",
            "测量结果：比欧易慢 45.0 秒，±21 毫秒。",
        ] {
            assert!(html.contains(want), "missing {want:?}");
        }
        for english in [
            "Your clock",
            "Fix it on",
            "Other systems",
            "Copy command",
            "Measured",
            "Samples used",
        ] {
            assert!(!html.contains(english), "English left: {english:?}");
        }
    }
}
