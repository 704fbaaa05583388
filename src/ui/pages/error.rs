//! One error's page (`/e/<code>/`, and `/embed/e/<code>/`): everything the catalog and the
//! knowledge base know about a code. Static: only its copy buttons and the embed panel are islands.

use crate::core::catalog::{self, Channel, Entry, Kind, SourceKind};
use crate::core::catalog_rows::{section_label, subsection_label};
use crate::core::categorize::category_of;
use crate::core::category::Category;
use crate::core::kb::{self, Cause, Snippet};
use crate::core::lang::Lang;
use crate::core::pages::first_sentence;
use crate::core::routes::Route;
use crate::core::template::{code_segments, has_placeholder, readable, Segment};
use crate::core::wizard;
use crate::ui::copy::CopyButton;
use crate::ui::embed::embed_panel;
use crate::ui::env::use_env;
use crate::ui::lib_picker::{picker_libraries, LibPicker};
use crate::{t, tf};
use leptos::either::Either;
use leptos::prelude::*;

/// Where OKX documents its error codes in `lang` (an entry's `docs_anchor` is a fragment of this
/// page; both languages' pages use the same anchors).
fn okx_docs(lang: Lang) -> &'static str {
    t!(
        lang,
        "https://www.okx.com/docs-v5/en/",
        "https://www.okx.com/docs-v5/zh/"
    )
}

/// OKX's official Chinese message of an entry, when OKX publishes one.
fn official_zh(e: &Entry) -> Option<&'static str> {
    catalog::msg_zh(e).filter(|m| !m.trim().is_empty())
}

/// The message a page in `lang` shows for an entry: OKX's official Chinese message on a Chinese
/// page (the English one when OKX publishes none), made readable.
pub(crate) fn shown_message(e: &Entry, lang: Lang) -> String {
    t!(
        lang,
        readable(e.msg),
        official_zh(e).map(readable).unwrap_or_else(|| readable(e.msg))
    )
}

/// A link to a code's page followed by its message.
#[component]
pub fn CodeItem(
    /// The code.
    code: &'static str,
) -> impl IntoView {
    let env = use_env();
    let msg = catalog::get(code)
        .map(|e| shown_message(e, env.lang))
        .unwrap_or_default();
    view! { <li><a href=env.href(&Route::Error(code.to_string()))>{code}</a> " " {msg}</li> }
}

/// What a heading calls the code ("OKX error", or "OKX WebSocket close code") and the message it
/// shows (the official Chinese one on a Chinese page), for the error page and the embed card.
pub(crate) fn heading_words(e: &Entry, lang: Lang) -> (&'static str, String) {
    let what = if e.kind == Kind::WsCloseFrame {
        t!(lang, "OKX WebSocket close code", "欧易（OKX）WebSocket 关闭码")
    } else {
        t!(lang, "OKX error", "欧易（OKX）错误码")
    };
    let msg = if e.msg.is_empty() {
        t!(lang, "Success (no error)", "成功（没有错误）").to_string()
    } else {
        shown_message(e, lang)
    };
    (what, msg)
}

/// The heading of an error page: "OKX error 50113" and the message. A Chinese page heads with
/// OKX's official Chinese message and gives the English one beside it: what the API returns at
/// run time (always on WebSocket; on REST unless the request asks for Chinese), so what a log shows.
#[component]
fn ErrorHeading(
    /// The entry.
    e: &'static Entry,
) -> impl IntoView {
    let lang = use_env().lang;
    let (what, msg) = heading_words(e, lang);
    // A message with placeholders reads naturally in the heading; the exact template follows.
    let template = (lang == Lang::En && has_placeholder(e.msg)).then(|| {
        view! {
            <p class="message-template">
                {t!(lang, "OKX's message, with placeholders for the values: ", "欧易的消息原文，{…} 处为占位符：")}
                <code>{e.msg}</code>
            </p>
        }
        .into_any()
    });
    let english = (lang != Lang::En && !e.msg.trim().is_empty()).then(|| {
        let label = if has_placeholder(e.msg) {
            t!(
                lang,
                "The English message the API returns at run time ({…} are the actual values): ",
                "API 实际返回的英文消息（{…} 处为实际取值）："
            )
        } else {
            t!(lang, "The English message the API returns at run time: ", "API 实际返回的英文消息：")
        };
        let when = match (e.channel, official_zh(e).is_some()) {
            (Channel::WebSocket, _) => t!(
                lang,
                " (WebSocket always answers in English.)",
                "（WebSocket 接口始终返回英文消息。）"
            ),
            (Channel::Rest, true) => t!(
                lang,
                " (REST answers in English by default; a request that asks for Chinese gets the Chinese message above.)",
                "（REST 接口默认返回英文；请求指定中文时，返回上面的中文消息。）"
            ),
            (Channel::Rest, false) => t!(
                lang,
                " (OKX's Chinese docs give no Chinese message for this code.)",
                "（欧易中文文档没有给出这个错误码的中文消息。）"
            ),
        };
        view! {
            <p class="message-template" data-testid="error-message-en">
                {label} <code lang="en">{e.msg}</code> <small class="variant-kind">{when}</small>
            </p>
        }
        .into_any()
    });
    // At most one of them: the English page's template, or the Chinese page's English message.
    let below = template.or(english);
    view! {
        <h1>
            <span class="visually-hidden">{what} " "</span>
            <span class="code" data-testid="error-code">{e.code}</span>
            " "
            <span data-testid="error-message">{msg}</span>
        </h1>
        {below}
    }
}

/// What the code means: our summary and the category's meaning.
#[component]
fn Meaning(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
) -> impl IntoView {
    let lang = use_env().lang;
    let info = kb::code_info_in(lang, e.code);
    let cat_info = kb::category_info_in(lang, category).filter(|_| info.is_none() || category != Category::Other);
    view! {
        <h2 id="meaning">{t!(lang, "What it means", "含义")}</h2>
        {info.map(|i| view! { <p class="summary" data-testid="error-summary">{kb_text(i.summary)}</p> })}
        {cat_info.map(|c| view! { <p class="category-meaning">{kb_text(c.meaning)}</p> })}
        {e.note.map(|n| view! { <p class="note">{kb_text(n)}</p> })}
    }
}

/// Knowledge-base text with its `` `backticked` `` parts as code.
pub fn kb_text(text: &'static str) -> AnyView {
    code_text(text).into_any()
}

/// Text with its `` `backticked` `` parts as code: [`kb_text`] for any text (the paste box's
/// findings). Statically typed, without `AnyView`, to keep the paste box's wasm small.
pub fn code_text(text: &str) -> impl IntoView {
    code_segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Text(t) => Either::Left(t.to_string()),
            Segment::Code(c) => Either::Right(view! { <code>{c.to_string()}</code> }),
        })
        .collect_view()
}

/// The site's tool that checks a cause of this category, when there is one: the signature lab
/// for signature, key and passphrase codes, the clock check for timestamp codes (and for any
/// cause about the clock).
pub(crate) fn tool_for(category: Category, cause: Option<&Cause>) -> Option<Route> {
    let about_clock = cause.is_some_and(|c| c.id.contains("clock") || c.id.contains("timestamp"));
    match category {
        Category::Timestamp => Some(Route::Clock),
        _ if about_clock => Some(Route::Clock),
        Category::AuthSignature | Category::AuthKey | Category::AuthPassphrase => Some(Route::Sign),
        _ => None,
    }
}

/// A link to the tool that checks a cause (see [`tool_for`]).
fn tool_link(route: Route) -> AnyView {
    let env = use_env();
    let lang = env.lang;
    let text = match route {
        Route::Clock => t!(
            lang,
            "Check your clock against OKX's in the clock check",
            "用时钟检查对比你的时钟和欧易服务器时间"
        ),
        _ => t!(
            lang,
            "Test your key, secret, passphrase and signature in the signature lab",
            "在签名实验室检查你的 API Key、Secret Key、Passphrase 和签名"
        ),
    };
    let testid = if route == Route::Clock {
        "tool-clock"
    } else {
        "tool-sign"
    };
    view! { <p class="tool-link"><a href=env.href(&route) data-testid=testid>{text} " →"</a></p> }.into_any()
}

/// One cause with how to confirm it, the fix and how to check the fix worked.
#[component]
fn CauseItem(
    /// The cause.
    c: &'static Cause,
    /// Its rank, from 1.
    rank: usize,
    /// The page's category (for the tool link).
    category: Category,
) -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <li class="cause" id=format!("cause-{}", c.id)>
            <h3>{format!("{rank}. ")} {kb_text(c.title)}</h3>
            <p>{kb_text(c.detail)}</p>
            <dl>
                <dt>{t!(lang, "How to confirm", "如何确认")}</dt>
                <dd>{kb_text(c.confirm)}</dd>
                <dt>{t!(lang, "Fix", "解决办法")}</dt>
                <dd>{kb_text(c.fix)}</dd>
                <dt>{t!(lang, "Check that it worked", "验证是否解决")}</dt>
                <dd>{kb_text(c.verify)}</dd>
            </dl>
            {tool_for(category, Some(c)).map(tool_link)}
        </li>
    }
}

/// The ranked causes of a code.
#[component]
fn Causes(
    /// The causes, most likely first.
    causes: Vec<&'static Cause>,
    /// The page's category.
    category: Category,
) -> impl IntoView {
    let lang = use_env().lang;
    let body = if causes.is_empty() {
        view! {
            <p>
                {t!(
                    lang,
                    "We have no specific knowledge of this code yet. Check the message and the parameters of the request that failed.",
                    "我们对这个错误码还没有具体的排查资料。请检查报错消息，以及出错请求的各个参数。"
                )}
            </p>
        }
        .into_any()
    } else {
        let items = causes
            .into_iter()
            .enumerate()
            .map(|(i, c)| view! { <CauseItem c=c rank=i + 1 category=category /> })
            .collect_view();
        view! { <ol class="causes" data-testid="error-causes">{items}</ol> }.into_any()
    };
    view! {
        <h2 id="causes">{t!(lang, "Likely causes and fixes", "可能的原因和解决办法")}</h2>
        {body}
    }
}

/// A code example with a copy button.
#[component]
pub fn SnippetFigure(
    /// The snippet.
    s: &'static Snippet,
) -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <figure class="snippet" data-lib=s.lib>
            <figcaption>
                <span class="snippet-lib">{kb::lib_label(s.lib)}</span>
                " "
                {kb_text(s.title)}
                " "
                {CopyButton::text(s.code, &tf!(lang, "Copy {} code", "复制 {} 代码", kb::lib_label(s.lib)), "copy-snippet").view()}
            </figcaption>
            // Lines keep their shape and scroll inside the block (focusable, so keys scroll it too).
            <pre class="code-lines" tabindex="0"><code>{s.code}</code></pre>
        </figure>
    }
}

/// Every wording of the error: the docs' rows, older wordings and what the live API returns (and
/// on a Chinese page, OKX's other official Chinese messages).
fn wordings(e: &'static Entry, lang: Lang) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let mut push = |kind: String, msg: &'static str| {
        if !msg.trim().is_empty() && msg != e.msg && !rows.iter().any(|(_, m)| *m == msg) {
            rows.push((kind, msg));
        }
    };
    for r in e.alt_rows {
        push(
            r.http_status
                .map(|s| tf!(lang, "OKX docs, HTTP {s}", "欧易文档，HTTP {s}"))
                .unwrap_or_else(|| t!(lang, "OKX docs", "欧易文档").into()),
            r.msg,
        );
    }
    for v in e.msg_variants {
        push(t!(lang, "older wording", "旧版措辞").into(), v.msg);
    }
    for o in e.observed {
        push(t!(lang, "returned by the live API", "API 实际返回").into(), o.msg);
    }
    if lang != Lang::En {
        for m in catalog::zh_messages(e).iter().skip(1) {
            push(t!(lang, "OKX docs in Chinese", "欧易中文文档").into(), m);
        }
    }
    rows
}

/// Other wordings of the error (secondary: hidden in compact embeds).
#[component]
fn Wordings(
    /// The entry.
    e: &'static Entry,
) -> impl IntoView {
    let lang = use_env().lang;
    let rows = wordings(e, lang);
    (!rows.is_empty()).then(|| {
        let items = rows
            .into_iter()
            .map(|(k, m)| {
                view! {
                    <li>
                        <q>{m}</q> {t!(lang, " ", "")} <small class="variant-kind">{t!(lang, "(", "（")} {k} {t!(lang, ")", "）")}</small>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="secondary">
                <h2 id="wordings">{t!(lang, "Other wording of this error", "这个错误的其他措辞")}</h2>
                <ul class="variants">{items}</ul>
            </section>
        }
    })
}

/// The base code of a sub-code, and the sub-codes of a base code (secondary).
#[component]
fn SubCodes(
    /// The entry.
    e: &'static Entry,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let base = e.sub_code.map(|sub| {
        let href = env.href(&Route::Error(e.base_code.to_string()));
        // The two languages order the sentence differently.
        t!(
            lang,
            view! { <p class="subcode">"Sub-code " {sub} " of " <a href=href>{e.base_code}</a> "."</p> }.into_any(),
            view! { <p class="subcode"><a href=href>{e.base_code}</a> " 的子错误码 " {sub} "。"</p> }.into_any()
        )
    });
    let subs: Vec<&'static str> = catalog::sub_entries(e.base_code)
        .filter(|s| s.code != e.code)
        .map(|s| s.code)
        .collect();
    let list = (!subs.is_empty() && e.sub_code.is_none()).then(|| {
        view! {
            <h2 id="subcodes">{t!(lang, "Sub-codes", "子错误码")}</h2>
            <ul class="sub-codes">{subs.into_iter().map(|c| view! { <CodeItem code=c /> }).collect_view()}</ul>
        }
    });
    view! { <section class="secondary">{base} {list}</section> }
}

/// The catalog's facts about the code.
#[component]
fn Facts(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
) -> impl IntoView {
    let lang = use_env().lang;
    let ccxt = e
        .ccxt_exception
        .map(|c| catalog::ccxt_ancestry(c).join(" → "))
        .unwrap_or_else(|| {
            t!(
                lang,
                "not mapped by ccxt (ExchangeError by default)",
                "ccxt 未映射（默认抛出 ExchangeError）"
            )
            .into()
        });
    let channel = if e.kind == Kind::WsCloseFrame {
        t!(lang, "WebSocket close frame", "WebSocket 关闭帧")
    } else {
        e.channel.label()
    };
    let section = match e.subsection {
        Some(s) => format!("{} / {}", section_label(e.section, lang), subsection_label(s, lang)),
        None => section_label(e.section, lang).to_string(),
    };
    let doc_status = t!(lang, e.doc_status.label(), e.doc_status.label_zh());
    view! {
        <h2 id="about">{t!(lang, "About this code", "关于这个错误码")}</h2>
        <dl class="facts" data-testid="error-facts">
            <dt>{t!(lang, "Category", "类别")}</dt>
            <dd data-testid="error-category">{category.label_in(lang)} " " <code class="chip">{category.id()}</code></dd>
            <dt>{t!(lang, "HTTP status", "HTTP 状态码")}</dt>
            <dd>{http_status_label(e, lang)}</dd>
            <dt>{t!(lang, "Channel", "接口")}</dt>
            <dd>{channel}</dd>
            <dt>{t!(lang, "Docs section", "文档分类")}</dt>
            <dd>{section}</dd>
            <dt>{t!(lang, "ccxt exception", "ccxt 异常")}</dt>
            <dd><code>{ccxt}</code></dd>
            <dt>{t!(lang, "Docs status", "文档状态")}</dt>
            <dd>{doc_status}</dd>
            <dt>{t!(lang, "Sources", "数据来源")}</dt>
            <dd data-testid="error-sources">{sources(e, lang)}</dd>
            <dt>{t!(lang, "Last seen", "最近一次出现")}</dt>
            <dd data-testid="error-last-seen">{last_seen(e, lang)}</dd>
        </dl>
    }
}

/// The HTTP status line of an error page: the statuses, or why there is none (in English, as
/// [`catalog::http_status_label`]).
pub(crate) fn http_status_label(e: &Entry, lang: Lang) -> String {
    catalog::http_statuses_text(e).unwrap_or_else(|| {
        match e.kind {
            Kind::WsCloseFrame => t!(lang, "none (WebSocket close frame)", "无（WebSocket 关闭帧）"),
            Kind::ErrorCode if e.channel == Channel::WebSocket => {
                t!(lang, "none (WebSocket message)", "无（WebSocket 消息）")
            }
            Kind::ErrorCode => t!(lang, "not documented", "文档未给出"),
        }
        .into()
    })
}

/// A source kind's name in `lang`.
fn source_kind(kind: SourceKind, lang: Lang) -> &'static str {
    t!(lang, kind.label(), kind.label_zh())
}

/// Where the entry's data comes from: each source with the date of its snapshot. A Chinese page
/// adds where its Chinese message comes from when the entry does not cite OKX's Chinese docs.
pub(crate) fn sources(e: &'static Entry, lang: Lang) -> String {
    let mut list: Vec<String> = catalog::sources_of(e)
        .map(|s| tf!(lang, "{} ({})", "{}（{}）", source_kind(s.kind, lang), s.date))
        .collect();
    let cites_zh = catalog::sources_of(e).any(|s| s.kind == SourceKind::OkxDocsZh);
    if lang != Lang::En && !cites_zh && official_zh(e).is_some() {
        list.push(tf!(
            lang,
            "Chinese message: {} ({})",
            "中文消息：{}（{}）",
            source_kind(SourceKind::OkxDocsZh, lang),
            catalog::zh_source_date()
        ));
    }
    if list.is_empty() {
        t!(lang, "not recorded", "未记录").into()
    } else {
        list.join(t!(lang, "; ", "；"))
    }
}

/// The newest snapshot the entry was seen in.
pub(crate) fn last_seen(e: &'static Entry, lang: Lang) -> String {
    match catalog::last_seen_source(e) {
        Some(s) => tf!(lang, "{} in {}", "{}，见于{}", e.last_seen, source_kind(s.kind, lang)),
        None if !e.last_seen.is_empty() => e.last_seen.to_string(),
        None => t!(lang, "not recorded", "未记录").into(),
    }
}

/// The page's actions: the wizard, the page's link, the OKX docs and (in an embed) the full page.
#[component]
fn Actions(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
    /// Inside an embed.
    embed: bool,
) -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let wizard_href = env.wizard_href(&wizard::query_for_code(category, e.code));
    let docs = e.docs_anchor.map(|a| format!("{}#{a}", okx_docs(lang)));
    let full = embed.then(|| env.href(&Route::Error(e.code.to_string())));
    view! {
        <div class="actions">
            <a class="button" href=wizard_href data-testid="diagnose-my-case">{t!(lang, "Diagnose my case", "诊断我的情况")}</a>
            {CopyButton::site_path(env.href(&Route::Error(e.code.to_string())), t!(lang, "Copy link", "复制链接"), "copy-link").view()}
        </div>
        <p class="more">
            {docs.map(|d| view! { <a href=d rel="noopener" data-testid="okx-docs-link">{t!(lang, "OKX documentation", "欧易文档")}</a> " · " })}
            {full.map(|f| view! { <a href=f>{t!(lang, "Full page", "完整页面")}</a> " · " })}
            <a href=env.href(&Route::Home)>{t!(lang, "All codes", "全部错误码")}</a>
        </p>
    }
}

/// The first screen of an error page: what the error means in one sentence, the most likely
/// cause and its fix, the tool that checks it, "Diagnose my case" and the code for the reader's
/// library (the stored or `?lib=` preference puts its snippet first).
#[component]
fn FixFirst(
    /// The entry.
    e: &'static Entry,
    /// Its category.
    category: Category,
    /// The most likely cause, when the knowledge base has one.
    top: Option<&'static Cause>,
    /// The code examples.
    snippets: Vec<&'static Snippet>,
    /// Inside an embed.
    embed: bool,
) -> impl IntoView {
    let lang = use_env().lang;
    let meaning = kb::code_info_in(lang, e.code)
        .map(|i| i.summary)
        .or_else(|| kb::category_info_in(lang, category).map(|c| c.meaning))
        .map(first_sentence)
        .filter(|m| !m.trim().is_empty());
    let cause = top.map(|c| {
        view! {
            <div class="top-cause" data-testid="top-cause">
                <h2>{t!(lang, "Most likely cause", "最可能的原因")}</h2>
                <p class="top-cause-title"><strong>{kb_text(c.title)}</strong></p>
                <p class="top-cause-fix" data-testid="top-fix">
                    <strong>{t!(lang, "Fix: ", "解决办法：")}</strong>
                    {kb_text(c.fix)}
                </p>
            </div>
        }
    });
    let tool = tool_for(category, top).map(tool_link);
    let code = (!snippets.is_empty()).then(|| {
        view! {
            <h2 id="code">{t!(lang, "Code for the fix", "修复代码")}</h2>
            <LibPicker libs=picker_libraries(&snippets) />
            <div class="snippets" data-testid="snippets">
                {snippets.into_iter().map(|s| view! { <SnippetFigure s=s /> }).collect_view()}
            </div>
        }
    });
    view! {
        <section class="fix-first" data-testid="fix-first">
            {meaning.map(|m| view! { <p class="meaning-line" data-testid="meaning-line">{kb_text(m)}</p> })}
            {cause}
            {tool}
            <Actions e=e category=category embed=embed />
            {code}
        </section>
    }
}

/// "On this page": anchor links to the sections of a long page (with the page's own path: the
/// pages carry a `<base>`, against which a bare `#id` would lead to the home page).
fn toc(lang: Lang, page: &str, items: &[(&'static str, &'static str)]) -> impl IntoView {
    let links = items
        .iter()
        .map(|(id, label)| view! { <li><a href=format!("{page}#{id}")>{*label}</a></li> })
        .collect_view();
    view! {
        <nav class="toc" data-testid="toc" aria-label=t!(lang, "On this page", "本页目录")>
            <span class="toc-label">{t!(lang, "On this page:", "本页：")}</span>
            <ul>{links}</ul>
        </nav>
    }
}

/// The page for an error code.
#[component]
pub fn ErrorPage(
    /// The catalog entry.
    e: &'static Entry,
    /// Inside an embed (no embed panel; secondary sections hidden by `?compact=1`).
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let lang = use_env().lang;
    let category = category_of(e);
    let causes = kb::causes_for_message_in(lang, Some(e.code), category, "");
    let snippets = kb::snippets_in(lang, Some(e.code), category);
    let related: Vec<&'static str> = kb::code_info(e.code).map(|i| i.related.to_vec()).unwrap_or_default();
    let top = causes.first().copied();
    // The table of contents lists the sections below the first screen, on pages long enough to need it.
    let has_wordings = !wordings(e, lang).is_empty();
    let has_subs = e.sub_code.is_none() && catalog::sub_entries(e.base_code).any(|s| s.code != e.code);
    let mut items: Vec<(&'static str, &'static str)> = vec![
        ("causes", t!(lang, "All causes", "全部原因")),
        ("meaning", t!(lang, "What it means", "含义")),
        ("about", t!(lang, "About this code", "关于这个错误码")),
    ];
    if has_wordings {
        items.push(("wordings", t!(lang, "Other wording", "其他措辞")));
    }
    if has_subs {
        items.push(("subcodes", t!(lang, "Sub-codes", "子错误码")));
    }
    if !related.is_empty() {
        items.push(("related", t!(lang, "Related codes", "相关错误码")));
    }
    let long = causes.len() > 1 || !snippets.is_empty();
    view! {
        <article class="error-page" class:compact=embed data-testid="error-page">
            <ErrorHeading e=e />
            <FixFirst e=e category=category top=top snippets=snippets embed=embed />
            {(long && !embed).then(|| toc(lang, &use_env().href(&Route::Error(e.code.to_string())), &items))}
            <Causes causes=causes category=category />
            <Meaning e=e category=category />
            <Facts e=e category=category />
            <Wordings e=e />
            <SubCodes e=e />
            {(!related.is_empty()).then(|| view! {
                <section class="secondary">
                    <h2 id="related">{t!(lang, "Related codes", "相关错误码")}</h2>
                    <ul class="related">{related.into_iter().map(|c| view! { <CodeItem code=c /> }).collect_view()}</ul>
                </section>
            })}
            {(!embed).then(|| embed_panel(Route::Error(e.code.to_string())))}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_facts_are_unchanged_and_chinese_ones_are_chinese() {
        for e in catalog::entries() {
            assert_eq!(
                http_status_label(e, Lang::En),
                catalog::http_status_label(e),
                "{}",
                e.code
            );
        }
        let e = catalog::get("50011").unwrap();
        let en = sources(e, Lang::En);
        let zh = sources(e, Lang::Zh);
        assert!(en.contains("OKX docs (English)"), "{en}");
        assert!(zh.contains("欧易文档（英文）") && !zh.contains("OKX docs"), "{zh}");
        assert!(last_seen(e, Lang::Zh).contains("见于"));
        assert_eq!(okx_docs(Lang::Zh), "https://www.okx.com/docs-v5/zh/");
    }
}
