//! What the site's pages are, as data: every route that gets a file, where the file goes, and
//! each page's title and description (for `<title>`, search results and link previews). The
//! markup is the views' (`src/ui/`); the generator (`src/site/`) puts the two together.

use super::catalog::{self, Entry, Kind};
use super::categorize::category_of;
use super::category::Category;
use super::kb;
use super::lang::Lang;
use super::routes::{EmbedRoute, Route};
use super::template::readable;
use crate::{t, tf};

/// The site's name, as it ends every title.
pub const SITE: &str = "okx-doctor";

/// Longest description, in characters (search engines cut snippets at about 155–160).
pub const DESCRIPTION_MAX: usize = 160;

/// Longest message quoted in an error page's title, in characters (titles are cut at about 60–70).
const TITLE_MESSAGE_MAX: usize = 70;

/// A page's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub route: Route,
    /// Plain text.
    pub title: String,
    /// Plain text, at most [`DESCRIPTION_MAX`] characters.
    pub description: String,
    /// Whether search engines should index it (embed and 404 pages: no).
    pub indexable: bool,
    /// `article` for error pages, `website` otherwise (Open Graph).
    pub og_type: &'static str,
}

/// Every route of the site that gets a file: home, the tools, the embed pages, each error and
/// embed error page, and the 404 page.
pub fn all_routes() -> Vec<Route> {
    let mut v = vec![Route::Home, Route::Wizard, Route::Clock, Route::Sign, Route::Codes];
    v.push(Route::Embed(EmbedRoute::Helper));
    v.push(Route::Embed(EmbedRoute::Clock));
    v.extend(catalog::entries().iter().map(|e| Route::Error(e.code.to_string())));
    v.extend(
        catalog::entries()
            .iter()
            .map(|e| Route::Embed(EmbedRoute::Error(e.code.to_string()))),
    );
    v.push(Route::NotFound(String::new()));
    v
}

/// Whether a route is listed in the sitemap and indexable.
pub fn is_indexable(r: &Route) -> bool {
    matches!(
        r,
        Route::Home | Route::Error(_) | Route::Wizard | Route::Clock | Route::Sign | Route::Codes
    )
}

/// The output file of a route, relative to the output folder (`e/50011/index.html`).
pub fn file_path(route: &Route) -> String {
    let href = route.href("/");
    let rel = href.trim_start_matches('/');
    if rel.is_empty() {
        "index.html".into()
    } else if rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// Cuts `s` to at most `max` characters at a word boundary, adding `…` when cut.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', '.', ';', ':']))
}

/// The first sentence of a paragraph (one rule for both languages, shared with the paste box's
/// one-line fixes).
pub use super::kb::first_sentence;

/// The metadata of a route's English page (`None` for an error route whose code is not in the
/// catalog).
pub fn meta(route: &Route) -> Option<PageMeta> {
    meta_in(route, Lang::En)
}

/// The metadata of a route's page in `lang` (`None` for an error route whose code is not in the
/// catalog).
pub fn meta_in(route: &Route, lang: Lang) -> Option<PageMeta> {
    let page = |title: String, description: &str| PageMeta {
        route: route.clone(),
        title,
        description: clip(description, DESCRIPTION_MAX),
        indexable: is_indexable(route),
        og_type: "website",
    };
    Some(match route {
        Route::Error(code) | Route::Embed(EmbedRoute::Error(code)) => {
            let e = catalog::get(code)?;
            PageMeta {
                og_type: if route.is_embed() { "website" } else { "article" },
                ..page(error_title(e, lang), &error_description(e, lang))
            }
        }
        Route::Home => page(
            tf!(
                lang,
                "{SITE}: OKX API v5 error codes, causes and fixes",
                "{SITE}：欧易（OKX）API v5 错误码、原因与解决办法"
            ),
            t!(
                lang,
                "Look up any OKX API v5 error code (50011, 50113, 50119, 51000 …) and get the cause and fix for ccxt, python-okx, okx-api, freqtrade and hummingbot.",
                "查询任意欧易（OKX）API v5 错误码（50011、50113、50119、51000 …），获取 ccxt、python-okx、okx-api、freqtrade 和 hummingbot 下的原因与解决办法。"
            ),
        ),
        Route::Wizard => page(
            tf!(
                lang,
                "Troubleshooting wizard for OKX API errors | {SITE}",
                "欧易（OKX）API 报错排查向导 | {SITE}"
            ),
            t!(
                lang,
                "Answer a few questions about your OKX API setup (region, demo or live, library, key) and find the cause of an authentication or order error.",
                "回答几个关于你的欧易 API 配置的问题（账户站点、模拟盘还是实盘、所用的库、API Key），找出鉴权或下单报错的原因。"
            ),
        ),
        Route::Clock | Route::Embed(EmbedRoute::Clock) => page(
            tf!(
                lang,
                "Clock check against OKX server time | {SITE}",
                "时钟检查：对照欧易（OKX）服务器时间 | {SITE}"
            ),
            t!(
                lang,
                "Measure how far this device's clock is from OKX server time. OKX rejects signed requests more than 30 seconds off (50102, 60006).",
                "测量本机时间与欧易（OKX）服务器时间的偏差。签名请求的时间偏差超过 30 秒，欧易就会拒绝（50102、60006）。"
            ),
        ),
        Route::Codes => page(
            tf!(lang, "All OKX API v5 error codes | {SITE}", "欧易（OKX）API v5 全部错误码 | {SITE}"),
            t!(
                lang,
                "Every OKX API v5 REST and WebSocket error code, by family, each linking to its meaning, likely causes and fixes.",
                "欧易（OKX）API v5 的全部 REST 和 WebSocket 错误码，按号段排列，每个都链接到它的含义、可能原因和解决办法。"
            ),
        ),
        Route::Sign => page(
            tf!(
                lang,
                "Signature lab for OKX API requests | {SITE}",
                "欧易（OKX）API 请求签名实验室 | {SITE}"
            ),
            t!(
                lang,
                "Rebuild an OKX API v5 request signature step by step to find why OKX answers 50113 Invalid signature. Nothing is sent anywhere.",
                "逐步重算欧易（OKX）API v5 请求的签名，找出欧易返回 50113 Invalid signature 的原因。所有计算都在本地完成，不发送任何数据。"
            ),
        ),
        Route::Embed(EmbedRoute::Helper) => page(
            tf!(lang, "OKX error helper | {SITE}", "欧易（OKX）报错助手 | {SITE}"),
            t!(
                lang,
                "Paste an OKX API error and get the likely cause and the fix.",
                "粘贴欧易（OKX）API 报错，获取可能的原因和解决办法。"
            ),
        ),
        Route::NotFound(_) => page(
            tf!(lang, "Not found | {SITE}", "页面不存在 | {SITE}"),
            t!(lang, "This page does not exist on okx-doctor.", "okx-doctor 上没有这个页面。"),
        ),
    })
}

/// The message an error page's title and description quote: OKX's official Chinese message on a
/// Chinese page when OKX publishes one, the English message otherwise (readable, no placeholders).
/// The page's link-preview image (`site::og`) draws the same message.
pub fn shown_message(e: &Entry, lang: Lang) -> String {
    t!(
        lang,
        readable(e.msg),
        catalog::msg_zh(e)
            .filter(|m| !m.trim().is_empty())
            .map(readable)
            .unwrap_or_else(|| readable(e.msg))
    )
}

fn error_title(e: &Entry, lang: Lang) -> String {
    let what = if e.kind == Kind::WsCloseFrame {
        t!(lang, "OKX WebSocket close code", "欧易（OKX）WebSocket 关闭码")
    } else {
        t!(lang, "OKX error", "欧易（OKX）错误码")
    };
    if e.msg.trim().is_empty() {
        format!("{what} {} | {SITE}", e.code)
    } else {
        let msg = clip(&shown_message(e, lang), TITLE_MESSAGE_MAX);
        tf!(lang, "{what} {}: {msg} | {SITE}", "{what} {}：{msg} | {SITE}", e.code)
    }
}

fn error_description(e: &Entry, lang: Lang) -> String {
    if let Some(i) = kb::code_info_in(lang, e.code) {
        return tf!(lang, "OKX error {}: {}", "欧易（OKX）错误码 {}：{}", e.code, i.summary);
    }
    let cat: Category = category_of(e);
    let meaning = kb::category_info_in(lang, cat)
        .map(|c| first_sentence(c.meaning))
        .unwrap_or("");
    if e.msg.trim().is_empty() {
        tf!(
            lang,
            "OKX API v5 code {}. {meaning}",
            "欧易（OKX）API v5 代码 {}。{meaning}",
            e.code
        )
    } else {
        let msg = shown_message(e, lang);
        tf!(
            lang,
            "OKX API v5 error {} \u{201c}{}\u{201d}. {meaning}",
            "欧易（OKX）API v5 错误码 {}“{}”。{meaning}",
            e.code,
            t!(
                lang,
                msg.trim().trim_end_matches('.'),
                msg.trim().trim_end_matches(['.', '。'])
            )
        )
    }
}
