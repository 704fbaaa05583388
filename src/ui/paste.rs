//! The paste box (an island): findings appear as the user pastes or types. The text is analysed
//! by the analysis worker (`super::analysis`), never on the page's main thread. Nothing typed here
//! is stored or put in a URL; credential-shaped text is flagged with advice to revoke it.

use super::analysis::{self, Failure, Request, Update, WorkerFiles};
use super::browser::{now_ms, pasted_text, reveal_id, sleep_ms};
use super::env::{use_env, Env};
use super::island::{flag, Island, Props};
use super::pages::error::code_text;
use crate::core::lang::Lang;
use crate::core::num::fixed;
use crate::core::paste_report::{confidence_label, Card, PasteReport, MAX_CARDS};
use crate::core::routes::{build_query, Route};
use crate::{t, tf};
use leptos::prelude::*;

/// Pastes larger than this are analysed without being put into the textarea: a browser needs
/// seconds just to lay out megabytes of text in a text box.
const LARGE_PASTE_BYTES: usize = 512 * 1024;

/// Debounce for typing; a paste is analysed at once.
const TYPING_DEBOUNCE_MS: u32 = 250;

/// The id of the first finding (scrolled into view after a paste).
const FIRST_FINDING_ID: &str = "finding-1";

/// The paste box with live findings (an island).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteBox {
    /// Compact layout for iframes; links open the full site in a new tab.
    pub embed: bool,
    /// The analysis worker's Trunk output name (`okx-doctor-worker-<hash>`), when built.
    pub worker: Option<String>,
}

impl Island for PasteBox {
    const NAME: &'static str = "paste";

    fn props(&self) -> Props {
        Props::new(&[
            ("embed", flag(self.embed)),
            ("worker", self.worker.as_deref().unwrap_or("")),
        ])
    }

    fn from_props(p: &Props) -> Option<Self> {
        Some(PasteBox {
            embed: p.flag("embed"),
            worker: p.get("worker").filter(|w| !w.is_empty()).map(str::to_string),
        })
    }

    fn render(self) -> AnyView {
        paste_box(self.embed, self.worker).into_any()
    }
}

/// Where the paste box is in its work.
#[derive(Debug, Clone, PartialEq)]
enum State {
    Empty,
    /// Analysing; the share read so far of a large paste.
    Busy(Option<f64>),
    Done {
        report: PasteReport,
        bytes: usize,
        ms: f64,
    },
    Failed(Failure),
}

fn human_bytes(n: usize, lang: Lang) -> String {
    if n >= 1_000_000 {
        format!("{} MB", fixed(n as f64 / 1_000_000.0, 1))
    } else if n >= 1_000 {
        format!("{} KB", fixed(n as f64 / 1_000.0, 1))
    } else {
        tf!(lang, "{n} bytes", "{n} 字节")
    }
}

/// The status line for a state.
fn status_text(s: &State, lang: Lang) -> String {
    match s {
        State::Empty => String::new(),
        State::Busy(None) => t!(lang, "Analysing…", "正在分析…").into(),
        State::Busy(Some(p)) => tf!(lang, "Analysing… {}%", "正在分析… {}%", fixed(p * 100.0, 0)),
        State::Failed(why) => tf!(
            lang,
            "The analysis failed: {}. Reload the page and try again.",
            "分析失败：{}。请刷新页面后重试。",
            why.text(lang)
        ),
        State::Done { report, bytes, ms } => {
            let n = report.cards.len() + report.more;
            let size = human_bytes(*bytes, lang);
            let ms = fixed(*ms, 0);
            let found = match n {
                0 => t!(lang, "No error".to_string(), "未发现错误".to_string()),
                1 => t!(lang, "1 error".to_string(), "发现 1 个错误".to_string()),
                n => tf!(lang, "{n} distinct errors", "发现 {n} 个不同的错误"),
            };
            let cut = if report.truncated {
                t!(
                    lang,
                    "; only the first part of this very large paste was read",
                    "；内容过大，只读取了开头的一部分"
                )
            } else {
                ""
            };
            tf!(
                lang,
                "{found} found in {size} ({ms} ms){cut}",
                "已分析 {size}：{found}（{ms} ms）{cut}"
            )
        }
    }
}

fn paste_box(embed: bool, worker: Option<String>) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let files = StoredValue::new(worker.map(|w| WorkerFiles::new(&env.base, &w)));
    let state = RwSignal::new(State::Empty);
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    // A large paste lives here, as the browser's string, instead of in the textarea (memory only;
    // never stored).
    let large = StoredValue::new_local(None::<js_sys::JsString>);
    let large_bytes = RwSignal::new(0usize);
    let edits = StoredValue::new(0u64);
    // Start the worker as soon as the page runs: its wasm (engine and catalog, about 230 KB gzip,
    // not part of the page's first load) downloads while the user copies the error. Started 1.5 s
    // later, a paste right after start-up waited 2.9 s for it on a throttled phone (`./dev speed`).
    Effect::new(move |_| {
        if let Some(f) = files.get_value() {
            analysis::warm_up(f);
        }
    });

    // Every access after an await is a `try_` one: the user may have left the page meanwhile.
    let run = move |request: Request, bytes: usize| {
        let Some(f) = files.get_value() else {
            state.set(State::Failed(Failure::NoWorker));
            return;
        };
        state.set(State::Busy(None));
        let t0 = now_ms();
        analysis::request(f, request, move |u| {
            let next = match u {
                Update::Progress(p) => State::Busy(Some(p)),
                Update::Done(report) => State::Done {
                    report,
                    bytes,
                    ms: now_ms() - t0,
                },
                Update::Failed(why) => State::Failed(why),
                Update::Rows(_) => return,
            };
            let first = matches!(&next, State::Done { report, .. } if !report.cards.is_empty());
            state.try_set(next);
            if first {
                reveal_id(FIRST_FINDING_ID);
            }
        });
    };
    let analyse = move |immediate: bool| {
        let Some(edit) = edits.try_get_value().map(|e| e + 1) else {
            return;
        };
        edits.set_value(edit);
        leptos::task::spawn_local(async move {
            sleep_ms(if immediate { 0 } else { TYPING_DEBOUNCE_MS }).await;
            if edits.try_get_value() != Some(edit) {
                return; // a newer edit superseded this one, or the page is gone
            }
            if let Some(t) = large.try_with_value(|l| l.clone()).flatten() {
                let bytes = t.length() as usize;
                return run(Request::AnalyseJs(t), bytes);
            }
            let Some(text) = textarea.try_get_untracked().flatten().map(|el| el.value()) else {
                return;
            };
            if text.trim().is_empty() {
                state.try_set(State::Empty);
                return;
            }
            let bytes = text.len();
            run(Request::Analyse(text), bytes);
        });
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let pasted = pasted_text(&ev);
        let size = pasted.as_ref().map_or(0, |p| p.length() as usize);
        if size > LARGE_PASTE_BYTES {
            // Analyse it in full, but keep it out of the text box.
            ev.prevent_default();
            if let Some(el) = textarea.get_untracked() {
                el.set_value("");
            }
            large_bytes.set(size);
            large.set_value(pasted);
        } else {
            large.set_value(None);
            large_bytes.set(0);
        }
        // A normal paste lands in the textarea after this event.
        analyse(true);
    };
    let on_input = move |_| {
        if large_bytes.get_untracked() > 0 {
            large.set_value(None);
            large_bytes.set(0);
        }
        analyse(false)
    };
    let clear = move |_| {
        large.set_value(None);
        large_bytes.set(0);
        state.set(State::Empty);
    };

    view! {
        <section class="paste" aria-labelledby="paste-title">
            <h2 id="paste-title">{t!(lang, "Paste your error", "粘贴报错信息")}</h2>
            <p class="paste-hint" id="paste-hint">
                {t!(
                    lang,
                    "A raw OKX response, a ccxt traceback, a bot log, a WebSocket frame or just the message. It is analysed here in your browser and never sent anywhere.",
                    "欧易（OKX）接口返回的原始内容、ccxt 的 traceback、机器人日志、WebSocket 消息，或者只有报错信息都可以。内容只在你的浏览器里分析，不会发送到任何地方。"
                )}
            </p>
            <textarea
                id="paste-input"
                class="paste-input"
                data-testid="paste-input"
                aria-label=t!(lang, "Error text", "报错内容")
                aria-describedby="paste-hint"
                node_ref=textarea
                rows=if embed { "5" } else { "8" }
                spellcheck="false"
                autocomplete="off"
                placeholder="ccxt.base.errors.AuthenticationError: okx {\"msg\":\"Invalid Sign\",\"code\":\"50113\"}"
                on:input=on_input
                on:paste=on_paste
            ></textarea>
            <Show when=move || large_bytes.get() != 0>
                <p class="paste-large" data-testid="paste-large">
                    {move || tf!(
                        lang,
                        "Pasted {}: analysed in full, but not shown in the box, so the page stays fast. ",
                        "已粘贴 {}：内容已完整分析，但为了让页面保持流畅，没有显示在输入框里。",
                        human_bytes(large_bytes.get(), lang)
                    )}
                    <button type="button" data-testid="paste-clear" on:click=clear>{t!(lang, "Clear", "清除")}</button>
                </p>
            </Show>
            <div class="paste-status" aria-live="polite" data-testid="paste-status">
                {move || state.with(|s| status_text(s, lang))}
            </div>
            {move || state.with(|s| match s {
                State::Done { report, .. } => Some(view! { <Report report=report.clone() embed=embed /> }),
                _ => None,
            })}
        </section>
    }
}

/// The findings of one paste, with the credential warning.
#[component]
fn Report(
    /// The report.
    report: PasteReport,
    /// Inside an embed (links open a new tab).
    embed: bool,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let lib = report.lib.clone();
    let warning = (!report.credentials.is_empty()).then(|| {
        let kinds = report
            .credentials
            .iter()
            .map(|c| c.label.as_str())
            .collect::<Vec<_>>()
            .join(t!(lang, ", ", "、"));
        let values = report.credentials.iter().map(|c| c.redacted.as_str()).collect::<Vec<_>>().join(", ");
        view! {
            <div class="credential-warning" role="alert" data-testid="credential-warning">
                <strong>{t!(lang, "Your paste contains credentials. ", "粘贴的内容里有 API 凭证。")}</strong>
                {tf!(lang, "It looks like it includes {kinds} ({values}). ", "看起来包含 {kinds}（{values}）。")}
                {t!(
                    lang,
                    "okx-doctor keeps it on this page only, but if you shared this text anywhere else, delete that API key on OKX and create a new one. Remove keys, secrets and passphrases before posting logs.",
                    "okx-doctor 只在本页面处理这些内容；但如果这段文字还发到过别的地方，请在欧易删除这个 API Key 并重新创建。发布日志前，请先删掉其中的 API Key、Secret Key 和 Passphrase。"
                )}
            </div>
        }
    });
    let target = embed.then_some("_blank");
    let ask = report.ask.clone().filter(|_| report.unsure && !report.cards.is_empty()).map(|a| {
        let href = env.wizard_href(&a.wizard_query);
        view! {
            <div class="unsure" data-testid="paste-unsure" role="note">
                <p>
                    <strong>{t!(lang, "Not sure. ", "不确定。")}</strong>
                    {t!(
                        lang,
                        "This text does not say clearly what went wrong, so the finding below is a guess. A question settles it: ",
                        "这段文字没有说清楚哪里出了问题，下面的结果只是推测。回答一个问题就能确定："
                    )}
                </p>
                <p><a class="button" href=href target=target data-testid="paste-ask">{a.question}</a></p>
            </div>
        }
    });
    let suggestions = (!report.suggestions.is_empty()).then(|| {
        let items = report
            .suggestions
            .iter()
            .map(|s| {
                let href = error_href(&env, &s.code, lib.as_deref());
                view! { <li><a href=href target=target>{s.code.clone()}</a> " " {s.msg.clone()} <br /> <small>{s.reason.clone()}</small></li> }
            })
            .collect_view();
        view! {
            <p>{t!(
                lang,
                "It reads like a description. These codes match its words:",
                "这段文字像是对问题的描述。以下错误码与其中的词语相符："
            )}</p>
            <ul class="suggestions" data-testid="paste-suggestions">{items}</ul>
        }
    });
    let body = if report.cards.is_empty() {
        view! {
            <p class="no-findings" data-testid="no-findings">
                {t!(
                    lang,
                    "No error found in this text. Paste the full response body, traceback or log lines (including the ",
                    "这段文字里没有发现错误。请粘贴完整的响应内容、traceback 或日志行（如果有 "
                )}
                <code>"code"</code>
                {t!(lang, " and ", " 和 ")}
                <code>"msg"</code>
                {t!(
                    lang,
                    " fields if there are any), or search the catalog below.",
                    " 字段，请一并粘贴），或者在下方的错误码目录里搜索。"
                )}
            </p>
            {suggestions}
        }
        .into_any()
    } else {
        let more = report.more;
        let cards = report
            .cards
            .into_iter()
            .enumerate()
            .map(|(i, c)| view! { <FindingCard card=c rank=i + 1 embed=embed lib=lib.clone() /> })
            .collect_view();
        view! {
            <ol class="findings" data-testid="findings">{cards}</ol>
            {(more > 0).then(|| view! {
                <p class="findings-more" data-testid="findings-more">
                    {tf!(
                        lang,
                        "{more} more distinct errors are not shown; these are the {MAX_CARDS} most likely. Paste a smaller part of the log to see the others.",
                        "另有 {more} 个不同的错误没有显示，这里列出的是最可能的 {MAX_CARDS} 个。只粘贴日志的一部分，就能看到其他错误。"
                    )}
                </p>
            })}
            {suggestions}
        }
        .into_any()
    };
    view! { {warning} {ask} {body} }
}

/// The address of a code's page; with the library the paste revealed as `?lib=`, so the page
/// shows that library's code first (the inline page script reads it).
fn error_href(env: &Env, code: &str, lib: Option<&str>) -> String {
    let page = env.href(&Route::Error(code.to_string()));
    match lib {
        Some(lib) => format!("{page}{}", build_query(&[("lib", lib)])),
        None => page,
    }
}

/// One finding as a card.
#[component]
fn FindingCard(
    /// The finding.
    card: Card,
    /// Its rank, from 1.
    rank: usize,
    /// Inside an embed (links open a new tab).
    embed: bool,
    /// The library the paste revealed (its code comes first on the error page).
    lib: Option<String>,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let wizard_href = env.wizard_href(&card.wizard_query);
    let code_link = card
        .code
        .clone()
        .filter(|_| card.has_page)
        .map(|c| error_href(&env, &c, lib.as_deref()));
    let target = embed.then_some("_blank");
    let title = match code_link {
        Some(href) => {
            view! { <a href=href target=target data-testid="finding-link">{card.title.clone()}</a> }.into_any()
        }
        None => view! { <span>{card.title.clone()}</span> }.into_any(),
    };
    let confidence = tf!(
        lang,
        "{} ({}%)",
        "{}（{}%）",
        confidence_label(card.confidence, lang),
        fixed(f64::from(card.confidence) * 100.0, 0)
    );
    view! {
        <li class="finding" id=format!("finding-{rank}") data-testid="finding" data-code=card.code.clone().unwrap_or_default() data-category=card.category.clone()>
            <h3 class="finding-title">
                {title}
                {(card.count > 1).then(|| view! { <span class="finding-count">{format!(" ×{}", card.count)}</span> })}
            </h3>
            <p class="finding-meta">
                <span class="finding-category" data-testid="finding-category">{card.category_label.clone()}</span>
                " · "
                <span class="finding-confidence">{confidence}</span>
            </p>
            <p class="finding-evidence"><code>{card.evidence.clone()}</code></p>
            {(!card.notes.is_empty()).then(|| view! {
                <ul class="finding-notes">{card.notes.iter().map(|n| view! { <li>{code_text(n)}</li> }).collect_view()}</ul>
            })}
            {(!card.causes.is_empty()).then(|| view! {
                <p class="finding-causes-title">{t!(lang, "Most likely causes:", "最可能的原因：")}</p>
                <ol class="finding-causes">
                    {card.causes.iter().zip(card.fixes.iter().map(Some).chain(std::iter::repeat(None))).map(|(c, fix)| {
                        let fix = fix.filter(|f| !f.is_empty());
                        view! {
                            <li>
                                <span class="cause-title">{code_text(c)}</span>
                                {fix.map(|f| view! {
                                    <span class="cause-fix" data-testid="finding-fix">
                                        <span class="cause-fix-label">{t!(lang, "Fix: ", "修复：")}</span>{code_text(f)}
                                    </span>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            })}
            <p><a class="button" href=wizard_href target=target data-testid="finding-wizard">{t!(lang, "Fix it step by step", "一步步排查修复")}</a></p>
        </li>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::diagnose::diagnose;
    use crate::core::paste_report::report_for;
    use crate::ui::env::Env;

    fn render(lang: Lang, report: PasteReport) -> String {
        let owner = Owner::new();
        owner.with(|| {
            provide_context(Env::default().with_lang(lang));
            view! { <Report report=report embed=false /> }.to_html()
        })
    }

    fn report(text: &str, lang: Lang) -> PasteReport {
        report_for(text, &diagnose(text), lang)
    }

    /// A paste with a credential, an OKX code and a description's worth of doubt.
    const PASTE: &str =
        "OK-ACCESS-KEY: 3f8c2d1e-7a6b-4c5d-9e8f-0a1b2c3d4e5f\n{\"code\":\"50113\",\"msg\":\"Invalid Sign\"}";

    #[test]
    fn findings_in_chinese() {
        let mut r = report(PASTE, Lang::Zh);
        r.more = 3;
        let html = render(Lang::Zh, r);
        for zh in [
            "粘贴的内容里有 API 凭证。",
            "看起来包含 OK-ACCESS 请求头的值（3f8c…（36 个字符））。",
            "请在欧易删除这个 API Key",
            "50113 无效的签名",
            ">签名</span>",
            "高置信度（95%）",
            "最可能的原因：",
            "一步步排查修复",
            "另有 3 个不同的错误没有显示",
        ] {
            assert!(html.contains(zh), "{zh}: {html}");
        }
        for en in [
            "Your paste contains credentials",
            "It looks like it includes",
            "high confidence",
            "Most likely causes",
            "Fix it step by step",
            "more distinct errors",
        ] {
            assert!(!html.contains(en), "{en}: {html}");
        }
        // The engine's notes too.
        let html = render(
            Lang::Zh,
            report(
                "{\"code\":\"1\",\"data\":[{\"sCode\":\"51008\",\"sMsg\":\"x\"}]}",
                Lang::Zh,
            ),
        );
        assert!(
            html.contains("<li>外层错误码 1（批量操作全部失败）；内层 sCode 51008 才是原因"),
            "{html}"
        );
        // The English report keeps its text.
        let html = render(Lang::En, report(PASTE, Lang::En));
        for en in [
            "Your paste contains credentials. ",
            "an OK-ACCESS header value",
            "50113 Invalid Sign",
            "high confidence (95%)",
            "Fix it step by step",
        ] {
            assert!(html.contains(en), "{en}: {html}");
        }
    }

    /// A python-okx traceback ending in OKX's answer for `code`.
    fn python_okx_paste(code: &str) -> String {
        format!(
            "  File \"/usr/lib/python3/site-packages/okx/okxclient.py\", line 60, in _request\nokx.exceptions.OkxAPIException: {{\"code\":\"{code}\",\"msg\":\"x\"}}"
        )
    }

    #[test]
    fn finding_links_carry_the_library_the_paste_revealed() {
        for lang in [Lang::En, Lang::Zh] {
            let r = report(&python_okx_paste("50113"), lang);
            assert_eq!(r.lib.as_deref(), Some("python-okx"));
            let html = render(lang, r);
            assert!(html.contains("e/50113/?lib=python-okx\""), "{html}");
            assert!(html.contains("lib=python-okx"), "the wizard link too: {html}");
            // Without a library in the paste, the page's own link.
            let html = render(lang, report(PASTE, lang));
            assert!(html.contains("e/50113/\"") && !html.contains("?lib="), "{html}");
        }
        // freqtrade has code on the error pages (its config); hummingbot has none: not passed on.
        let r = report(
            "freqtrade.exchange.common - WARNING - okx {\"code\":\"50011\",\"msg\":\"Too Many Requests\"}",
            Lang::En,
        );
        assert_eq!(r.lib.as_deref(), Some("freqtrade"));
        let hb = "hummingbot.connector.exchange.okx - ERROR - {\"code\":\"50011\",\"msg\":\"Too Many Requests\"}";
        assert_eq!(
            crate::core::diagnose::diagnose(hb).facts.library,
            Some(crate::core::facts::Library::Hummingbot)
        );
        assert_eq!(report(hb, Lang::En).lib, None);
    }

    /// The finding causes' list of `html`.
    fn causes_html(html: &str) -> &str {
        let i = html.find("class=\"finding-causes\"").expect("a causes list");
        &html[i..i + html[i..].find("</ol>").unwrap()]
    }

    #[test]
    fn backticked_knowledge_base_text_in_findings_is_code() {
        // Every code whose finding shows a cause or fix written with backticks (found, not listed).
        for lang in [Lang::En, Lang::Zh] {
            let mut seen = 0;
            for e in crate::core::catalog::entries()
                .iter()
                .filter(|e| e.kind == crate::core::catalog::Kind::ErrorCode)
            {
                let r = report(&format!("{{\"code\":\"{}\",\"msg\":\"x\"}}", e.code), lang);
                let Some(card) = r.cards.first() else { continue };
                let ticked = card.causes.iter().chain(&card.fixes).any(|t| t.contains('`'));
                if !ticked {
                    continue;
                }
                seen += 1;
                let html = render(
                    lang,
                    PasteReport {
                        cards: vec![card.clone()],
                        ..Default::default()
                    },
                );
                let causes = causes_html(&html);
                assert!(causes.contains("<code>"), "{}: {causes}", e.code);
                assert!(!causes.contains('`'), "{}: a literal backtick in {causes}", e.code);
            }
            assert!(seen > 0, "some finding shows backticked text");
        }
    }

    #[test]
    fn doubt_descriptions_and_nothing_found_in_chinese() {
        let html = render(Lang::Zh, report("下单提示余额不足", Lang::Zh));
        for zh in [
            "不确定。",
            "下面的结果只是推测",
            "这段文字像是对问题的描述",
            "51008",
            "报错信息含",
            "不确定（45%）",
        ] {
            assert!(html.contains(zh), "{zh}: {html}");
        }
        assert!(
            !html.contains("Not sure. ") && !html.contains("It reads like a description"),
            "{html}"
        );
        let html = render(Lang::Zh, report("hello world", Lang::Zh));
        assert!(
            html.contains("这段文字里没有发现错误") && html.contains("错误码目录"),
            "{html}"
        );
        assert!(!html.contains("No error found"), "{html}");
    }

    #[test]
    fn status_lines_in_chinese() {
        let done = |n: usize, truncated| State::Done {
            report: PasteReport {
                cards: report(PASTE, Lang::Zh).cards.into_iter().cycle().take(n).collect(),
                truncated,
                ..Default::default()
            },
            bytes: 2_500,
            ms: 12.0,
        };
        assert_eq!(
            status_text(&done(0, false), Lang::Zh),
            "已分析 2.5 KB：未发现错误（12 ms）"
        );
        assert_eq!(
            status_text(&done(1, false), Lang::Zh),
            "已分析 2.5 KB：发现 1 个错误（12 ms）"
        );
        assert_eq!(
            status_text(&done(2, true), Lang::Zh),
            "已分析 2.5 KB：发现 2 个不同的错误（12 ms）；内容过大，只读取了开头的一部分"
        );
        assert_eq!(
            status_text(&done(2, false), Lang::En),
            "2 distinct errors found in 2.5 KB (12 ms)"
        );
        assert_eq!(status_text(&State::Busy(Some(0.42)), Lang::Zh), "正在分析… 42%");
        assert_eq!(
            status_text(&State::Failed(Failure::NoWorker), Lang::Zh),
            "分析失败：当前页面缺少分析模块。请刷新页面后重试。"
        );
        assert_eq!(
            status_text(&State::Failed(Failure::NoWorker), Lang::En),
            "The analysis failed: this build has no analysis worker. Reload the page and try again."
        );
        assert_eq!(human_bytes(999, Lang::Zh), "999 字节");
        assert_eq!(human_bytes(999, Lang::En), "999 bytes");
    }
}
