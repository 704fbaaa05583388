//! What the site's pages are, as data: every route that gets a file, where the file goes, and
//! each page's title and description (for `<title>`, search results and link previews). The
//! markup is the views' (`src/ui/`); the generator (`src/site/`) puts the two together.

use super::catalog::{self, Entry, Kind};
use super::categorize::category_of;
use super::category::Category;
use super::kb;
use super::routes::{EmbedRoute, Route};
use super::template::readable;

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

/// First sentence of a paragraph.
fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s,
    }
}

/// The metadata of a route's page (`None` for an error route whose code is not in the catalog).
pub fn meta(route: &Route) -> Option<PageMeta> {
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
                ..page(error_title(e), &error_description(e))
            }
        }
        Route::Home => page(
            format!("{SITE}: OKX API v5 error codes, causes and fixes"),
            "Look up any OKX API v5 error code (50011, 50113, 50119, 51000 …) and get the cause and fix for ccxt, python-okx, okx-api, freqtrade and hummingbot.",
        ),
        Route::Wizard => page(
            format!("Troubleshooting wizard for OKX API errors | {SITE}"),
            "Answer a few questions about your OKX API setup (region, demo or live, library, key) and find the cause of an authentication or order error.",
        ),
        Route::Clock | Route::Embed(EmbedRoute::Clock) => page(
            format!("Clock check against OKX server time | {SITE}"),
            "Measure how far this device's clock is from OKX server time. OKX rejects signed requests more than 30 seconds off (50102, 60006).",
        ),
        Route::Codes => page(
            format!("All OKX API v5 error codes | {SITE}"),
            "Every OKX API v5 REST and WebSocket error code, by family, each linking to its meaning, likely causes and fixes.",
        ),
        Route::Sign => page(
            format!("Signature lab for OKX API requests | {SITE}"),
            "Rebuild an OKX API v5 request signature step by step to find why OKX answers 50113 Invalid signature. Nothing is sent anywhere.",
        ),
        Route::Embed(EmbedRoute::Helper) => page(
            format!("OKX error helper | {SITE}"),
            "Paste an OKX API error and get the likely cause and the fix.",
        ),
        Route::NotFound(_) => page(format!("Not found | {SITE}"), "This page does not exist on okx-doctor."),
    })
}

fn error_title(e: &Entry) -> String {
    let what = if e.kind == Kind::WsCloseFrame {
        "OKX WebSocket close code"
    } else {
        "OKX error"
    };
    if e.msg.trim().is_empty() {
        format!("{what} {} | {SITE}", e.code)
    } else {
        format!(
            "{what} {}: {} | {SITE}",
            e.code,
            clip(&readable(e.msg), TITLE_MESSAGE_MAX)
        )
    }
}

fn error_description(e: &Entry) -> String {
    if let Some(i) = kb::code_info(e.code) {
        return format!("OKX error {}: {}", e.code, i.summary);
    }
    let cat: Category = category_of(e);
    let meaning = kb::category_info(cat).map(|c| first_sentence(c.meaning)).unwrap_or("");
    if e.msg.trim().is_empty() {
        format!("OKX API v5 code {}. {meaning}", e.code)
    } else {
        format!(
            "OKX API v5 error {} \u{201c}{}\u{201d}. {meaning}",
            e.code,
            readable(e.msg).trim().trim_end_matches('.')
        )
    }
}
