//! Static pages for every route of the site, rendered natively after Trunk has built the app
//! (see `src/bin/okx-doctor-site.rs`). Each page gets its own title, description, canonical link,
//! Open Graph and Twitter tags, and its text inside `#prerender`, so it reads and indexes with
//! JavaScript off. The app removes `#prerender` when it mounts.
//!
//! Template contract: the template (Trunk's `dist/index.html`) contains, once each, the literal
//! strings [`TITLE_MARKER`], [`HEAD_MARKER`] and [`PRERENDER_MARKER`].
//!
//! Everything taken from data is escaped with [`html::escape`]; no data is ever inserted as HTML.

use super::catalog::{self, Entry, Kind};
use super::categorize::category_of;
use super::category::Category;
use super::html::escape;
use super::kb::{self, Cause, Snippet};
use super::routes::{normalize_base, EmbedRoute, Route};
use std::fmt::Write as _;

/// Replaced by the page title.
pub const TITLE_MARKER: &str = "<title>okx-doctor</title>";
/// Replaced by the page's meta tags.
pub const HEAD_MARKER: &str = "<!--okx-doctor:head-->";
/// Replaced by `#prerender` holding the page's content.
pub const PRERENDER_MARKER: &str = "<div id=\"prerender\"></div>";

/// A minimal template with the three markers, used by the `render_*` helpers and tests.
pub const DEFAULT_TEMPLATE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>okx-doctor</title>\n\
<!--okx-doctor:head-->\n</head>\n<body>\n<div id=\"prerender\"></div>\n</body>\n</html>\n";

const SITE: &str = "okx-doctor";
const DOCS: &str = "https://www.okx.com/docs-v5/en/";

/// One rendered page, before it is put into the template.
#[derive(Debug, Clone)]
pub struct Page {
    pub route: Route,
    /// Plain text (escaped when written).
    pub title: String,
    /// Plain text (escaped when written).
    pub description: String,
    /// HTML for the inside of `#prerender` (already escaped).
    pub content: String,
    /// Whether search engines should index it (embed and 404 pages: no).
    pub indexable: bool,
}

impl Page {
    /// The file this page is written to, relative to the output folder (`e/50011/index.html`).
    pub fn file_path(&self) -> String {
        file_path(&self.route)
    }

    /// The meta tags for `<head>`. With `origin` (`https://example.org`) they carry the page's
    /// absolute URL (canonical link and `og:url`); without it both are left out, since a canonical
    /// link should be absolute and the build cannot know where it will be hosted.
    pub fn head_html(&self, base: &str, origin: Option<&str>) -> String {
        let title = escape(&self.title);
        let desc = escape(&self.description);
        let mut h = String::new();
        let _ = writeln!(h, "<meta name=\"description\" content=\"{desc}\">");
        if !self.indexable {
            h.push_str("<meta name=\"robots\" content=\"noindex\">\n");
        }
        if let (false, Some(origin)) = (matches!(self.route, Route::NotFound(_)), origin) {
            let url = escape(&absolute(&self.route.href(base), Some(origin)));
            let _ = writeln!(h, "<link rel=\"canonical\" href=\"{url}\">");
            let _ = writeln!(h, "<meta property=\"og:url\" content=\"{url}\">");
        }
        let _ = writeln!(h, "<meta property=\"og:site_name\" content=\"{SITE}\">");
        let kind = if matches!(self.route, Route::Error(_)) {
            "article"
        } else {
            "website"
        };
        let _ = writeln!(h, "<meta property=\"og:type\" content=\"{kind}\">");
        let _ = writeln!(h, "<meta property=\"og:title\" content=\"{title}\">");
        let _ = writeln!(h, "<meta property=\"og:description\" content=\"{desc}\">");
        h.push_str("<meta name=\"twitter:card\" content=\"summary\">\n");
        let _ = writeln!(h, "<meta name=\"twitter:title\" content=\"{title}\">");
        let _ = write!(h, "<meta name=\"twitter:description\" content=\"{desc}\">");
        h
    }

    /// The full HTML file: the template with the three markers replaced.
    pub fn fill(&self, template: &str, base: &str, origin: Option<&str>) -> Result<String, String> {
        check_template(template)?;
        let title = format!("<title>{}</title>", escape(&self.title));
        // A <main> landmark, so the page reads well before the app starts (or without it).
        let content = format!("<main id=\"prerender\">\n{}\n</main>", self.content);
        Ok(template
            .replacen(TITLE_MARKER, &title, 1)
            .replacen(HEAD_MARKER, &self.head_html(base, origin), 1)
            .replacen(PRERENDER_MARKER, &content, 1))
    }
}

/// Checks that a template holds each marker (an already processed `index.html` does not).
pub fn check_template(template: &str) -> Result<(), String> {
    for m in [TITLE_MARKER, HEAD_MARKER, PRERENDER_MARKER] {
        if !template.contains(m) {
            return Err(format!(
                "the template does not contain `{m}` (is it Trunk's fresh dist/index.html, not one already processed?)"
            ));
        }
    }
    Ok(())
}

fn absolute(path: &str, origin: Option<&str>) -> String {
    match origin {
        Some(o) => format!("{}{}", o.trim_end_matches('/'), path),
        None => path.to_string(),
    }
}

/// The output file of a route, relative to the output folder.
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

/// Every route of the site that gets a file: home, each error and embed error page, the tools,
/// the embed pages and the 404 page.
pub fn all_routes() -> Vec<Route> {
    let mut v = vec![Route::Home, Route::Wizard, Route::Clock, Route::Sign];
    v.push(Route::Embed(EmbedRoute::Helper));
    v.push(Route::Embed(EmbedRoute::Clock));
    for e in catalog::entries() {
        v.push(Route::Error(e.code.to_string()));
    }
    for e in catalog::entries() {
        v.push(Route::Embed(EmbedRoute::Error(e.code.to_string())));
    }
    v.push(Route::NotFound(String::new()));
    v
}

/// The page for a route (`None` for an error route whose code is not in the catalog).
pub fn page(route: &Route, base: &str) -> Option<Page> {
    match route {
        Route::Home => Some(home_page(base)),
        Route::Error(code) => error_page(code, base),
        Route::Embed(EmbedRoute::Error(code)) => embed_error_page(code, base),
        Route::Wizard => Some(tool_page(route.clone(), base)),
        Route::Clock => Some(tool_page(route.clone(), base)),
        Route::Sign => Some(tool_page(route.clone(), base)),
        Route::Embed(_) => Some(tool_page(route.clone(), base)),
        Route::NotFound(req) => Some(not_found_page(req, base)),
    }
}

/// The complete HTML of an error page in [`DEFAULT_TEMPLATE`].
pub fn render_error_page(code: &str, base: &str, origin: Option<&str>) -> Option<String> {
    error_page(code, base)?.fill(DEFAULT_TEMPLATE, base, origin).ok()
}

/// The complete HTML of an embed error page in [`DEFAULT_TEMPLATE`].
pub fn render_embed_error_page(code: &str, base: &str, origin: Option<&str>) -> Option<String> {
    embed_error_page(code, base)?.fill(DEFAULT_TEMPLATE, base, origin).ok()
}

/// The complete HTML of the home page in [`DEFAULT_TEMPLATE`].
pub fn render_home(base: &str, origin: Option<&str>) -> String {
    home_page(base)
        .fill(DEFAULT_TEMPLATE, base, origin)
        .expect("default template is valid")
}

/// The complete HTML of any route in [`DEFAULT_TEMPLATE`].
pub fn render(route: &Route, base: &str, origin: Option<&str>) -> Option<String> {
    page(route, base)?.fill(DEFAULT_TEMPLATE, base, origin).ok()
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
        format!("{what} {}: {} | {SITE}", e.code, clip(e.msg, 70))
    }
}

fn error_description(e: &Entry, cat: Category) -> String {
    let text = match kb::code_info(e.code) {
        Some(i) => format!("OKX error {}: {}", e.code, i.summary),
        None => {
            let meaning = kb::category_info(cat).map(|c| first_sentence(c.meaning)).unwrap_or("");
            if e.msg.trim().is_empty() {
                format!("OKX API v5 code {}. {meaning}", e.code)
            } else {
                format!(
                    "OKX API v5 error {} \u{201c}{}\u{201d}. {meaning}",
                    e.code,
                    e.msg.trim().trim_end_matches('.')
                )
            }
        }
    };
    clip(&text, 160)
}

/// The page for `e/<code>/`.
pub fn error_page(code: &str, base: &str) -> Option<Page> {
    Some(entry_page(catalog::get(code)?, base, false))
}

/// The page for `embed/e/<code>/`: the same knowledge without site navigation, not indexed.
pub fn embed_error_page(code: &str, base: &str) -> Option<Page> {
    Some(entry_page(catalog::get(code)?, base, true))
}

/// The error page (or embed error page) for any entry, also one not in the catalog (tests).
pub fn entry_page(e: &Entry, base: &str, embed: bool) -> Page {
    let cat = category_of(e);
    let route = if embed {
        Route::Embed(EmbedRoute::Error(e.code.to_string()))
    } else {
        Route::Error(e.code.to_string())
    };
    Page {
        route,
        title: error_title(e),
        description: error_description(e, cat),
        content: error_content(e, cat, base, embed),
        indexable: !embed,
    }
}

fn statuses(e: &Entry) -> String {
    catalog::http_status_label(e)
}

fn code_link(code: &str, base: &str) -> String {
    let href = escape(&Route::Error(code.to_string()).href(base));
    format!("<a href=\"{href}\">{}</a>", escape(code))
}

fn causes_html(out: &mut String, causes: &[&Cause]) {
    out.push_str("<ol class=\"causes\">\n");
    for c in causes {
        let _ = writeln!(
            out,
            "<li id=\"cause-{id}\"><h3>{title}</h3>\n<p>{detail}</p>\n<dl>\n<dt>How to confirm</dt><dd>{confirm}</dd>\n\
<dt>Fix</dt><dd>{fix}</dd>\n<dt>Check that it worked</dt><dd>{verify}</dd>\n</dl></li>",
            id = escape(c.id),
            title = escape(c.title),
            detail = escape(c.detail),
            confirm = escape(c.confirm),
            fix = escape(c.fix),
            verify = escape(c.verify),
        );
    }
    out.push_str("</ol>\n");
}

fn snippets_html(out: &mut String, snippets: &[&Snippet]) {
    for s in snippets {
        let lang = match s.lib {
            "ccxt-python" | "python-okx" | "python" => "python",
            "ccxt-js" | "okx-api-node" => "javascript",
            "shell" => "bash",
            _ => "plaintext",
        };
        let _ = writeln!(
            out,
            "<figure class=\"snippet\" data-lib=\"{lib}\"><figcaption>{title} <small>({label})</small></figcaption>\n\
<pre><code class=\"language-{lang}\">{code}</code></pre></figure>",
            lib = escape(s.lib),
            title = escape(s.title),
            label = escape(kb::lib_label(s.lib)),
            code = escape(s.code),
        );
    }
}

fn error_content(e: &Entry, cat: Category, base: &str, embed: bool) -> String {
    let mut o = String::with_capacity(8 * 1024);
    let info = kb::code_info(e.code);
    o.push_str("<article class=\"error-page\">\n");
    if !embed {
        let _ = writeln!(
            o,
            "<nav class=\"crumbs\"><a href=\"{}\">{SITE}</a> › OKX error codes</nav>",
            escape(&Route::Home.href(base))
        );
    }
    let what = if e.kind == Kind::WsCloseFrame {
        "OKX WebSocket close code"
    } else {
        "OKX error"
    };
    let _ = writeln!(o, "<h1>{what} <code>{}</code></h1>", escape(e.code));
    if !e.msg.trim().is_empty() {
        let _ = writeln!(o, "<p class=\"message\"><q>{}</q></p>", escape(e.msg));
    }

    // Facts.
    o.push_str("<dl class=\"facts\">\n");
    let _ = writeln!(o, "<dt>HTTP status</dt><dd>{}</dd>", escape(&statuses(e)));
    let channel = match e.kind {
        Kind::WsCloseFrame => "WebSocket close frame".to_string(),
        Kind::ErrorCode => e.channel.label().to_string(),
    };
    let _ = writeln!(o, "<dt>Channel</dt><dd>{}</dd>", escape(&channel));
    let _ = writeln!(o, "<dt>Category</dt><dd>{}</dd>", escape(cat.label()));
    match e.ccxt_exception {
        Some(x) => {
            let chain = catalog::ccxt_ancestry(x);
            let shown = if chain.len() > 1 {
                chain.join(" → ")
            } else {
                x.to_string()
            };
            let _ = writeln!(o, "<dt>ccxt exception</dt><dd><code>{}</code></dd>", escape(&shown));
        }
        None => o.push_str("<dt>ccxt exception</dt><dd>not mapped by ccxt (ExchangeError by default)</dd>\n"),
    }
    let mut section = e.section.to_string();
    if let Some(s) = e.subsection {
        section = format!("{section} / {s}");
    }
    let _ = writeln!(o, "<dt>Docs section</dt><dd>{}</dd>", escape(&section));
    let _ = writeln!(o, "<dt>Status</dt><dd>{}</dd>", escape(e.doc_status.label()));
    o.push_str("</dl>\n");

    // Base code / sub-codes.
    if let Some(sub) = e.sub_code {
        let _ = writeln!(
            o,
            "<p class=\"subcode\">Sub-code {} of {}.</p>",
            escape(sub),
            code_link(e.base_code, base)
        );
    }
    let subs: Vec<&Entry> = catalog::sub_entries(e.base_code).filter(|s| s.code != e.code).collect();
    if !subs.is_empty() && e.sub_code.is_none() {
        o.push_str("<h2>Sub-codes</h2>\n<ul class=\"codes\">\n");
        for s in subs {
            let _ = writeln!(o, "<li>{} {}</li>", code_link(s.code, base), escape(s.msg));
        }
        o.push_str("</ul>\n");
    }

    // Messages.
    let extra = e.alt_rows.len() + e.msg_variants.len() + e.observed.len();
    if extra > 0 {
        o.push_str("<h2>Messages seen for this code</h2>\n<ul class=\"messages\">\n");
        let mut shown: Vec<&str> = Vec::new();
        if !e.msg.trim().is_empty() {
            let _ = writeln!(o, "<li><q>{}</q> <small>(OKX docs)</small></li>", escape(e.msg));
            shown.push(e.msg);
        }
        for r in e.alt_rows {
            let st = r.http_status.map(|s| format!(", HTTP {s}")).unwrap_or_default();
            let _ = writeln!(
                o,
                "<li><q>{}</q> <small>(OKX docs{})</small></li>",
                escape(r.msg),
                escape(&st)
            );
            shown.push(r.msg);
        }
        for v in e.msg_variants {
            if shown.contains(&v.msg) {
                continue;
            }
            let src = if v.source.is_empty() {
                "older wording".to_string()
            } else {
                format!("older wording, {}", v.source)
            };
            let _ = writeln!(o, "<li><q>{}</q> <small>({})</small></li>", escape(v.msg), escape(&src));
            shown.push(v.msg);
        }
        for r in e.observed {
            let st = r.http_status.map(|s| format!(", HTTP {s}")).unwrap_or_default();
            let ev = if r.evidence.is_empty() {
                String::new()
            } else {
                format!("; seen in {}", r.evidence.join("; "))
            };
            if shown.contains(&r.msg) {
                let _ = writeln!(
                    o,
                    "<li class=\"evidence\"><small>The live API returns <q>{}</q> too{}{}</small></li>",
                    escape(r.msg),
                    escape(&st),
                    escape(&ev)
                );
            } else {
                let _ = writeln!(
                    o,
                    "<li><q>{}</q> <small>(returned by the live API{}{})</small></li>",
                    escape(r.msg),
                    escape(&st),
                    escape(&ev)
                );
                shown.push(r.msg);
            }
        }
        o.push_str("</ul>\n");
    }
    if let Some(n) = e.note {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", escape(n));
    }

    // Knowledge.
    let cat_info = kb::category_info(cat);
    o.push_str("<h2>What it means</h2>\n");
    if let Some(i) = info {
        let _ = writeln!(o, "<p>{}</p>", escape(i.summary));
    }
    // The category's meaning adds to a code's own summary, except for the catch-all category.
    if let Some(ci) = cat_info.filter(|_| info.is_none() || cat != Category::Other) {
        let _ = writeln!(o, "<p>{}</p>", escape(ci.meaning));
    }
    let causes: Vec<&Cause> = match info {
        Some(i) => i.causes.iter().collect(),
        None => cat_info.map(|c| c.causes.iter().collect()).unwrap_or_default(),
    };
    if !causes.is_empty() {
        o.push_str("<h2>Likely causes and fixes</h2>\n");
        causes_html(&mut o, &causes);
    }
    let snippets: Vec<&Snippet> = match info {
        Some(i) if !i.snippets.is_empty() => i.snippets.iter().collect(),
        _ => cat_info.map(|c| c.snippets.iter().collect()).unwrap_or_default(),
    };
    if !snippets.is_empty() {
        o.push_str("<h2>Code examples</h2>\n");
        snippets_html(&mut o, &snippets);
    }
    if let Some(i) = info.filter(|i| !i.related.is_empty()) {
        o.push_str("<h2>Related codes</h2>\n<ul class=\"codes\">\n");
        for r in i.related {
            let msg = catalog::get(r).map(|x| x.msg).unwrap_or("");
            let _ = writeln!(o, "<li>{} {}</li>", code_link(r, base), escape(msg));
        }
        o.push_str("</ul>\n");
    }

    o.push_str("<p class=\"more\">");
    if let Some(a) = e.docs_anchor {
        let _ = write!(
            o,
            "<a href=\"{}\" rel=\"noopener\">OKX documentation</a> · ",
            escape(&format!("{DOCS}#{a}"))
        );
    }
    let _ = write!(
        o,
        "<a href=\"{}\">Not sure? Answer a few questions in the wizard</a>",
        escape(&Route::Wizard.href(base))
    );
    if embed {
        let _ = write!(
            o,
            " · <a href=\"{}\" target=\"_blank\" rel=\"noopener\">Full page</a>",
            escape(&Route::Error(e.code.to_string()).href(base))
        );
    }
    o.push_str("</p>\n</article>");
    o
}

/// The home page: a short introduction and every code as a link (the messages are on the code pages).
pub fn home_page(base: &str) -> Page {
    let mut o = String::with_capacity(200 * 1024);
    let _ = writeln!(o, "<header><h1>{SITE}: OKX API v5 errors explained</h1>");
    let _ = writeln!(
        o,
        "<p>Paste an error from ccxt, python-okx, okx-api, freqtrade, hummingbot or your own code and get the likely cause and the fix. \
The pages below cover all {} documented OKX API v5 error codes, with their HTTP status, exact messages and ccxt exception.</p>",
        catalog::entries().len()
    );
    let _ = writeln!(
        o,
        "<nav class=\"tools\"><a href=\"{}\">Troubleshooting wizard</a> · <a href=\"{}\">Clock check</a> · <a href=\"{}\">Signature check</a></nav></header>",
        escape(&Route::Wizard.href(base)),
        escape(&Route::Clock.href(base)),
        escape(&Route::Sign.href(base))
    );
    let _ = writeln!(
        o,
        "<noscript><p>The paste box needs JavaScript; every error page below works without it.</p></noscript>"
    );
    for (fam, label) in catalog::FAMILIES {
        let list: Vec<&Entry> = catalog::entries()
            .iter()
            .filter(|e| catalog::family(e) == *fam)
            .collect();
        if list.is_empty() {
            continue;
        }
        // Codes only: each page carries its message, and the app's table shows them all. With
        // the messages this list tripled the home page's bytes (30 KB gzip instead of 8).
        let _ = writeln!(o, "<section><h2>{}</h2>\n<ul class=\"codes\">", escape(label));
        for e in list {
            let _ = write!(o, "<li>{}</li>", code_link(e.code, base));
        }
        o.push_str("\n</ul></section>\n");
    }
    Page {
        route: Route::Home,
        title: format!("{SITE}: OKX API v5 error codes, causes and fixes"),
        description: clip(
            "Look up any OKX API v5 error code (50011, 50113, 50119, 51000 …) and get the cause and fix for ccxt, python-okx, okx-api, freqtrade and hummingbot.",
            160,
        ),
        content: o,
        indexable: true,
    }
}

fn tool_page(route: Route, base: &str) -> Page {
    let (title, desc, body): (&str, &str, &str) = match &route {
        Route::Wizard => (
            "Troubleshooting wizard for OKX API errors",
            "Answer a few questions about your OKX API setup (region, demo or live, library, key) and find the cause of an authentication or order error.",
            "A few questions about where your account lives, whether the key is for demo or live trading, which library you use and what the error says lead to the most likely cause and a fix you can check.",
        ),
        Route::Clock => (
            "Clock check against OKX server time",
            "Measure how far this device's clock is from OKX server time. OKX rejects signed requests more than 30 seconds off (50102, 60006).",
            "This page compares your device clock with OKX's server time (GET /api/v5/public/time). OKX rejects signed REST requests and WebSocket logins whose timestamp is more than 30 seconds away from its clock. If your bot runs on another machine, run the check there with curl.",
        ),
        Route::Sign => (
            "OKX API signature check",
            "Rebuild an OKX API v5 request signature step by step to find why OKX answers 50113 Invalid signature.",
            "The signature is Base64(HMAC-SHA256(secret, timestamp + method + path with query + body)). This tool shows each step so you can compare it with what your code signs. Nothing is sent anywhere.",
        ),
        Route::Embed(EmbedRoute::Clock) => (
            "Clock check against OKX server time",
            "Measure how far this device's clock is from OKX server time.",
            "Compares your device clock with OKX's server time.",
        ),
        _ => (
            "OKX error helper",
            "Paste an OKX API error and get the likely cause and the fix.",
            "Paste an OKX API error to get the likely cause and the fix.",
        ),
    };
    let embed = route.is_embed();
    let mut o = String::new();
    if !embed {
        let _ = writeln!(
            o,
            "<nav class=\"crumbs\"><a href=\"{}\">{SITE}</a></nav>",
            escape(&Route::Home.href(base))
        );
    }
    let _ = writeln!(o, "<h1>{}</h1>\n<p>{}</p>", escape(title), escape(body));
    o.push_str("<noscript><p>This tool needs JavaScript. The error code pages work without it.</p></noscript>");
    Page {
        title: format!("{title} | {SITE}"),
        description: desc.to_string(),
        content: o,
        indexable: !embed,
        route,
    }
}

/// The body of a not-found page for `requested` (escaped; `requested` is shown as text).
pub fn not_found_html(requested: &str, base: &str) -> String {
    let mut o = String::from("<article class=\"not-found\">\n<h1>Page not found</h1>\n");
    let shown = clip(requested, 80);
    if !shown.is_empty() {
        let _ = writeln!(o, "<p>There is no page for <code>{}</code>.</p>", escape(&shown));
    }
    let _ = writeln!(
        o,
        "<p>The address may be mistyped, or the code is not in the OKX API v5 catalog. \
Go to the <a href=\"{}\">list of all error codes</a> or try the <a href=\"{}\">wizard</a>.</p>\n</article>",
        escape(&Route::Home.href(base)),
        escape(&Route::Wizard.href(base))
    );
    o
}

/// The `404.html` page (static text; the app suggests nearby codes at run time).
pub fn not_found_page(requested: &str, base: &str) -> Page {
    Page {
        route: Route::NotFound(requested.to_string()),
        title: format!("Not found | {SITE}"),
        description: "This page does not exist on okx-doctor.".into(),
        content: not_found_html(requested, base),
        indexable: false,
    }
}

/// `sitemap.xml` listing every indexable route (home, tools, every error page). Embed pages and
/// the 404 page are left out: they are not meant to be found by search. Without `origin` the
/// locations are path-absolute (pass `--origin` for a sitemap search engines accept).
pub fn sitemap_xml(base: &str, origin: Option<&str>) -> String {
    let mut o = String::with_capacity(128 * 1024);
    o.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for r in all_routes().iter().filter(|r| is_indexable(r)) {
        let _ = writeln!(o, "<url><loc>{}</loc></url>", escape(&absolute(&r.href(base), origin)));
    }
    o.push_str("</urlset>\n");
    o
}

/// Whether a route is listed in the sitemap and indexable.
pub fn is_indexable(r: &Route) -> bool {
    matches!(
        r,
        Route::Home | Route::Error(_) | Route::Wizard | Route::Clock | Route::Sign
    )
}

/// `robots.txt`: everything allowed; the sitemap line only with an origin (it must be absolute).
pub fn robots_txt(base: &str, origin: Option<&str>) -> String {
    let mut o = String::from("User-agent: *\nAllow: /\n");
    if let Some(orig) = origin {
        let _ = writeln!(
            o,
            "Sitemap: {}",
            absolute(&format!("{}sitemap.xml", normalize_base(base)), Some(orig))
        );
    }
    o
}
