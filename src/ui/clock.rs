//! Browser clock check: measures this device's clock against OKX server time.
//!
//! REST first (`GET /api/v5/public/time`, `cache: no-store`, `credentials: omit`, no custom headers,
//! 1 warm-up + 6 samples); if the browser cannot read the answer (CORS, network) it falls back to the
//! public WebSocket (text ping/pong for the round trip, `tickers` pushes for server time). All maths
//! and wording come from [`crate::core::clock`].
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
use super::env::use_env;
use super::island::{flag, Island, Props};
use crate::core::clock::{
    describe, estimate, estimate_from_ws, format_duration, parse_time_response, parse_ws_message, time_url,
    timezone_hint, validate_base_url_param, ws_subscribe_tickers, ws_url_for_base, ClockError, Estimate, Host, Library,
    Os, Sample, Verdict, WsMessage, REJECT_WINDOW_MS, WS_PING,
};

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
    fn label(self) -> &'static str {
        match self {
            Method::Rest => "REST (GET /api/v5/public/time)",
            Method::WebSocket => "WebSocket (ticker timestamps)",
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
fn base_override() -> Option<Result<String, String>> {
    let raw = use_env().param("okx_base")?;
    Some(validate_base_url_param(&raw).map_err(|e| e.0))
}

/// One `fetch` of the time endpoint, bounded by an AbortController.
async fn fetch_sample(url: &str, timeout_ms: u32) -> Result<Sample, ClockError> {
    let controller = AbortController::new().map_err(|_| ClockError::Network("AbortController unavailable".into()))?;
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
        Err(_) => return Err(ClockError::Network("the answer could not be read".into())),
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

async fn measure_rest(base: &str, progress: impl Fn(String), deadline: f64) -> Result<Estimate, ClockError> {
    let url = time_url(base);
    progress("Warming up the connection…".into());
    fetch_sample(&url, until(deadline)).await?;
    let mut samples = Vec::new();
    let mut last_err = None;
    for i in 0..SAMPLES {
        // Keep within the budget: stop sampling when another sample may not fit.
        if perf_now() + SAMPLE_GAP_MS as f64 + 200.0 > deadline && !samples.is_empty() {
            break;
        }
        TimeoutFuture::new(SAMPLE_GAP_MS).await;
        progress(format!("Sample {} of {}", i + 1, SAMPLES));
        match fetch_sample(&url, until(deadline).max(1)).await {
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

async fn measure_ws(url: &str, progress: impl Fn(String), deadline: f64) -> Result<Estimate, ClockError> {
    progress("REST was blocked; trying the WebSocket…".into());
    let ws = web_sys::WebSocket::new(url).map_err(|_| ClockError::WebSocket(format!("could not open {url}")))?;
    let log = Rc::new(RefCell::new(WsLog::default()));

    let l = log.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || l.borrow_mut().open = true);
    let l = log.clone();
    let on_close = Closure::<dyn FnMut(web_sys::CloseEvent)>::new(move |e: web_sys::CloseEvent| {
        l.borrow_mut().closed = Some(format!("closed with code {}", e.code()));
    });
    let l = log.clone();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        l.borrow_mut().closed.get_or_insert_with(|| "connection failed".into());
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
                return Err(ClockError::WebSocket(format!("{url} did not open in time")));
            }
            TimeoutFuture::new(20).await;
        }
        // Three ping/pong round trips.
        let mut rtts = Vec::new();
        for _ in 0..3 {
            let before = log.borrow().pongs.len();
            let sent = perf_now();
            ws.send_with_str(WS_PING)
                .map_err(|_| ClockError::WebSocket("sending ping failed".into()))?;
            while log.borrow().pongs.len() == before && perf_now() - sent < 3_000.0 {
                TimeoutFuture::new(10).await;
            }
            if let Some(&at) = log.borrow().pongs.get(before) {
                rtts.push(at - sent);
            }
        }
        if rtts.is_empty() {
            return Err(ClockError::WebSocket("no answer to ping".into()));
        }
        progress("Listening to ticker timestamps…".into());
        ws.send_with_str(&ws_subscribe_tickers("BTC-USDT"))
            .map_err(|_| ClockError::WebSocket("subscribing failed".into()))?;
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
                Some(e) => format!("OKX refused the subscription ({e})"),
                None => "no ticker updates arrived".into(),
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

fn signed(ms: f64) -> String {
    format!("{}{}", if ms >= 0.0 { "+" } else { "−" }, format_duration(ms))
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
    let override_param = base_override();
    let override_base = StoredValue::new(override_param.clone().and_then(Result::ok));
    let host = RwSignal::new(stored_host().unwrap_or(Host::Global));
    let phase = RwSignal::new(Phase::Idle);
    let generation = StoredValue::new(0u32);

    let start = move || {
        let gen = generation.get_value().wrapping_add(1);
        generation.set_value(gen);
        let h = host.get_untracked();
        let base = override_base.get_value();
        phase.set(Phase::Running("Starting…".into()));
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
            let out = match measure_rest(&rest_base, progress, started + REST_BUDGET_MS).await {
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
                    match measure_ws(&ws_url, progress, started + TOTAL_BUDGET_MS).await {
                        Ok(e) => Phase::Done(Outcome {
                            estimate: e,
                            method: Method::WebSocket,
                            source,
                            rest_error: Some(rest.message()),
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

    let override_note = match override_param {
        Some(Ok(b)) => Some(view! {
            <p class="clock-note clock-override">{format!("Measuring against the local test server {b} (okx_base).")}</p>
        }
        .into_any()),
        Some(Err(e)) => Some(view! {
            <p class="clock-note clock-override-refused">{format!("Ignored the okx_base link parameter: {e}.")}</p>
        }
        .into_any()),
        None => None,
    };

    let body = move || match phase.get() {
        Phase::Idle => view! { <p class="clock-progress">"Ready."</p> }.into_any(),
        Phase::Running(step) => view! { <p class="clock-progress" aria-live="polite">{step}</p> }.into_any(),
        Phase::Failed { rest, ws } => view! {
            <div class="clock-error" data-testid="clock-error" role="alert">
                <p class="clock-error-title">"The clock could not be measured from this page."</p>
                <p class="clock-error-rest">{rest.message()}</p>
                {ws.map(|w| view! { <p class="clock-error-ws">{w.message()}</p> })}
                <p class="clock-error-manual">
                    "Manual check: open "
                    <a href=host.get_untracked().time_url() target="_blank" rel="noopener noreferrer">
                        {host.get_untracked().time_url()}
                    </a>
                    " and compare its ts (Unix milliseconds) with the time on this device, or run "
                    <code>"okx-doctor clock"</code>
                    " on the machine."
                </p>
            </div>
        }
        .into_any(),
        Phase::Done(o) => result_view(o, compact).into_any(),
    };

    view! {
        <section class="clock-check" class:clock-compact=compact>
            <div class="clock-controls">
                <label class="clock-host-label">
                    "OKX region "
                    <select class="clock-host" data-testid="clock-host"
                        prop:value=move || host.get().id() on:change=on_host prop:disabled=running>
                        {Host::ALL
                            .into_iter()
                            .map(|h| {
                                view! {
                                    <option value=h.id() selected=move || host.get() == h>
                                        {h.label()}
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
                    "Check again"
                </button>
            </div>
            {override_note}
            // Room for the outcome is kept from the start, so the page below does not jump when
            // the measurement ends (it was Lighthouse's one layout shift on /clock/).
            <div class="clock-body" data-dynamic="">{body}</div>
        </section>
    }
}

fn result_view(o: Outcome, compact: bool) -> impl IntoView {
    let e = o.estimate;
    let v = e.verdict();
    let abs_s = (e.offset_ms.abs() / 1_000.0).min(REJECT_WINDOW_MS / 1_000.0);
    let tz = timezone_hint(e.offset_ms);
    let details = (!compact).then(|| {
        let fixes = (v != Verdict::Fine).then(|| {
            view! {
                <div class="clock-fixes">
                    <h2 class="clock-fixes-title">"Turn on automatic time"</h2>
                    <ul class="clock-os-list">
                        {Os::ALL
                            .into_iter()
                            .map(|os| view! { <li class="clock-os"><strong>{os.label()}": "</strong>{os.fix()}</li> })
                            .collect_view()}
                    </ul>
                    <h2 class="clock-fixes-title">"What your library does about it"</h2>
                    <ul class="clock-lib-list">
                        {Library::ALL
                            .into_iter()
                            .map(|l| view! { <li class="clock-lib"><strong>{l.label()}": "</strong>{l.advice()}</li> })
                            .collect_view()}
                    </ul>
                </div>
            }
        });
        view! {
            <dl class="clock-details">
                <dt>"Measured against"</dt><dd>{o.source.clone()}</dd>
                <dt>"Method"</dt><dd>{o.method.label()}</dd>
                <dt>"Samples used"</dt><dd>{e.samples_used}</dd>
                <dt>"Best round trip"</dt><dd>{format_duration(e.best_rtt_ms)}</dd>
                <dt>"Device time (UTC)"</dt>
                <dd>{wall_iso()}</dd>
            </dl>
            {fixes}
            <p class="clock-note clock-scope">
                "This checks the device showing this page. If your bot runs on another machine (VPS, Docker host), \
                 check the clock there too, e.g. with "
                <code>"okx-doctor clock"</code>
                " or "
                <code>{crate::core::clock::remote_check_command(Host::Global)}</code>
                "."
            </p>
        }
    });
    view! {
        <div class="clock-result" data-testid="clock-result" data-verdict=v.id() data-method=o.method.label()>
            <p class="clock-headline" data-testid="clock-offset" data-offset-ms=format!("{:.0}", e.offset_ms) data-uncertainty-ms=format!("{:.0}", e.uncertainty_ms) data-rtt-ms=format!("{:.0}", e.best_rtt_ms)>
                {describe(&e)}
            </p>
            <div class="clock-gauge-row">
                <meter
                    class="clock-gauge"
                    min="0"
                    max="30"
                    low="2"
                    high="15"
                    optimum="0"
                    value=format!("{abs_s:.2}")
                    aria-label="Clock offset against OKX's 30 second limit"
                ></meter>
                <span class="clock-gauge-text">
                    {if e.offset_ms.abs() >= REJECT_WINDOW_MS {
                        format!("{}: beyond the 30 s OKX allows", signed(e.offset_ms))
                    } else {
                        format!("{} of the 30 s OKX allows", signed(e.offset_ms))
                    }}
                </span>
            </div>
            {o.rest_error.clone().map(|m| view! {
                <p class="clock-note clock-fallback" data-testid="clock-fallback-note">
                    "Measured over the WebSocket because the REST time endpoint did not work: " {m}
                </p>
            })}
            <p class=verdict_class(v) data-testid="clock-verdict">
                <strong>{v.label()}</strong>" — "{v.explanation()}
            </p>
            {tz.map(|h| view! { <p class="clock-tz-hint">{h.message()}</p> })}
            {e.unstable().then(|| view! {
                <p class="clock-note clock-unstable">
                    "The samples disagreed a lot, so the network was unsteady. Check again for a firmer result."
                </p>
            })}
            {details}
        </div>
    }
}
