//! The pages, rendered natively from the views exactly as the generator writes them: every route
//! renders, each page type has its content, headings, links and islands, data is escaped, sub-folder
//! bases work, and the `okx-doctor-site` binary writes the whole site. The Chinese pages (at the end)
//! have Chinese text throughout, OKX's official Chinese messages and links that stay in Chinese.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::lang::Lang;
use okx_doctor::core::pages;
use okx_doctor::core::routes::{parse_localized, Bundle, EmbedRoute, Route};
use okx_doctor::site::{self, Config};
use okx_doctor::ui::shell::Loader;

fn config(base: &str, origin: Option<&str>) -> Config {
    let mut c = Config {
        base: base.into(),
        origin: origin.map(str::to_string),
        css: "body{color:red}".into(),
        theme_js: "/*theme*/".into(),
        ..Default::default()
    };
    // Each language has its own builds of the entry points (`zh` in the hash here).
    for (lang, hash) in [(Lang::En, "abc"), (Lang::Zh, "zhabc")] {
        for b in Bundle::ALL {
            c.loaders.insert(
                (lang, b),
                Loader {
                    js: format!("okx-doctor-{}-{hash}.js", b.name()),
                    wasm: format!("okx-doctor-{}-{hash}_bg.wasm", b.name()),
                },
            );
        }
    }
    c
}

fn render(route: &Route, base: &str, origin: Option<&str>) -> String {
    site::render(route, &config(base, origin)).unwrap_or_else(|| panic!("no page for {route:?}"))
}

fn error_page(code: &str) -> String {
    render(&Route::Error(code.into()), "/", None)
}

/// Every value of `attr="…"` in `html`.
fn attrs(html: &str, attr: &str) -> Vec<String> {
    let pat = format!(" {attr}=\"");
    html.split(&pat)
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let j = html[i..].find(end).unwrap() + i;
    &html[i..j]
}

/// The text of `html` as a reader sees it: tags removed, entities decoded, outside `<head>`.
fn text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for ch in body.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The heading levels of `html`, in order.
fn headings(html: &str) -> Vec<u8> {
    let mut v = Vec::new();
    for (i, _) in html.match_indices("<h") {
        let b = html.as_bytes().get(i + 2).copied().unwrap_or(0);
        let after = html.as_bytes().get(i + 3).copied().unwrap_or(0);
        if (b'1'..=b'6').contains(&b) && (after == b'>' || after == b' ') {
            v.push(b - b'0');
        }
    }
    v
}

/// One `<h1>`, and no heading more than one level deeper than the one before.
fn assert_heading_order(what: &str, html: &str) {
    let h = headings(html);
    assert_eq!(h.iter().filter(|&&l| l == 1).count(), 1, "{what}: one h1, got {h:?}");
    assert_eq!(h.first(), Some(&1), "{what}: starts with h1, got {h:?}");
    for w in h.windows(2) {
        assert!(w[1] <= w[0] + 1, "{what}: heading levels skip in {h:?}");
    }
}

/// The islands a page carries.
fn islands(html: &str) -> Vec<String> {
    let mut v = attrs(html, "data-island");
    v.sort();
    v.dedup();
    v
}

#[test]
fn every_catalog_entry_renders_an_error_page_and_an_embed() {
    let c = config("/", None);
    let entries = catalog::entries();
    assert!(entries.len() >= 1099);
    for e in entries {
        let html = site::render(&Route::Error(e.code.into()), &c).unwrap_or_else(|| panic!("no page for {}", e.code));
        let title = between(&html, "<title>", "</title>");
        assert!(title.contains(e.code), "{}: title {title}", e.code);
        assert!(
            !okx_doctor::core::template::has_placeholder(title),
            "{}: raw placeholder in title {title}",
            e.code
        );
        let h1 = text(between(&html, "<h1", "</h1>"));
        assert!(
            !okx_doctor::core::template::has_placeholder(&h1),
            "{}: raw placeholder in heading {h1}",
            e.code
        );
        let desc = text(between(&html, "<meta name=\"description\" content=\"", "\""));
        assert!(
            !desc.is_empty() && desc.chars().count() <= pages::DESCRIPTION_MAX,
            "{}: {desc}",
            e.code
        );
        assert!(
            html.contains("property=\"og:title\"") && html.contains("name=\"twitter:card\""),
            "{}",
            e.code
        );
        assert!(
            !html.contains("rel=\"canonical\"") && !html.contains("og:url"),
            "{}: no canonical without origin",
            e.code
        );
        let t = text(&html);
        for m in catalog::all_messages(e) {
            assert!(t.contains(m), "{}: message {m:?} missing", e.code);
        }
        assert!(t.contains("Likely causes and fixes"), "{}", e.code);
        assert!(html.contains("data-testid=\"diagnose-my-case\""), "{}", e.code);
        assert!(
            html.contains("okx-doctor-page-abc.js"),
            "{}: loads the page entry point",
            e.code
        );
        let embed = site::render(&Route::Embed(EmbedRoute::Error(e.code.into())), &c).unwrap();
        assert!(
            embed.contains("noindex") && !embed.contains("data-testid=\"embed-panel\""),
            "{}",
            e.code
        );
        assert!(text(&embed).contains(e.msg));
    }
    assert!(site::render(&Route::Error("99999".into()), &c).is_none());
    assert!(site::render(&Route::Error("<script>".into()), &c).is_none());
}

#[test]
fn error_page_has_its_facts_causes_snippets_links_and_islands() {
    let html = render(&Route::Error("50011".into()), "/", Some("https://example.org"));
    let t = text(&html);
    assert!(t.contains("Too Many Requests") && t.contains("RateLimitExceeded"));
    assert!(html.contains("href=\"/e/50013/\""), "related code linked");
    assert!(t.contains("enableRateLimit"), "snippet");
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/e/50011/\""));
    assert!(html.contains("<meta property=\"og:url\" content=\"https://example.org/e/50011/\""));
    assert!(html.contains("<meta property=\"og:image\" content=\"https://example.org/og/50011.png\""));
    assert!(html.contains("<meta name=\"twitter:image\" content=\"https://example.org/og/50011.png\""));
    // The Chinese page's preview is the Chinese image.
    let zh = site::render_in(
        &Route::Error("50011".into()),
        Lang::Zh,
        &config("/", Some("https://example.org")),
    )
    .unwrap();
    assert!(zh.contains("<meta property=\"og:image\" content=\"https://example.org/zh/og/50011.png\""));
    assert!(zh.contains("<meta name=\"twitter:image\" content=\"https://example.org/zh/og/50011.png\""));
    assert!(html.contains("summary_large_image"));
    assert!(
        !error_page("50011").contains("og:image"),
        "no image without an origin (it must be absolute)"
    );
    assert!(
        html.contains("href=\"/wizard/?c=rate_limit&amp;code=50011\"")
            || html.contains("href=\"/wizard/?c=rate_limit&code=50011\"")
    );
    assert_heading_order("50011", &html);
    assert_eq!(islands(&html), ["copy", "embed-panel", "theme"]);
    // The OKX docs section is linked when the catalog knows its anchor.
    let with_anchor = catalog::entries().iter().find(|e| e.docs_anchor.is_some()).unwrap();
    assert!(error_page(with_anchor.code).contains("data-testid=\"okx-docs-link\""));
    // Batch codes point at sCode/sMsg.
    assert!(text(&error_page("1")).contains("sCode"));
    // A sub-code links its base code; a base code lists its sub-codes.
    assert!(error_page("51008_1000").contains("href=\"/e/51008/\""));
    assert!(error_page("51008").contains("href=\"/e/51008_1000/\""));
    // The current navigation item is marked.
    let home = render(&Route::Home, "/", None);
    assert!(home.contains("aria-current=\"page\""));
}

#[test]
fn each_page_type_renders_its_content_headings_and_islands() {
    let cases: [(Route, &str, &[&str]); 8] = [
        (
            Route::Home,
            "Fix OKX API errors",
            &["catalog", "copy", "embed-panel", "paste", "theme"],
        ),
        (
            Route::Embed(EmbedRoute::Helper),
            "diagnose an OKX API error",
            &["auto-height", "paste"],
        ),
        (Route::Wizard, "Fix it step by step", &["theme", "wizard"]),
        (Route::Clock, "Clock check", &["clock", "copy", "embed-panel", "theme"]),
        (
            Route::Embed(EmbedRoute::Clock),
            "Clock check",
            &["auto-height", "clock"],
        ),
        (Route::Sign, "Signature lab", &["sign", "theme"]),
        (
            Route::Embed(EmbedRoute::Error("50011".into())),
            "Too Many Requests",
            &["auto-height", "copy"],
        ),
        (
            Route::NotFound(String::new()),
            "Page not found",
            &["not-found", "theme"],
        ),
    ];
    for (route, heading, want) in cases {
        let html = render(&route, "/", None);
        let h1 = between(&html, "<h1", "</h1>");
        assert!(
            text(h1).contains(heading) || text(&html).contains(heading),
            "{route:?}: {h1}"
        );
        if let Route::Embed(EmbedRoute::Error(_)) = route {
            // The card, then the whole page (shown instead with ?full=1): one outline each.
            let (card, full) = embed_parts(&html);
            assert_heading_order("embed card", card);
            assert_heading_order("embed whole page", full);
        } else {
            assert_heading_order(&format!("{route:?}"), &html);
        }
        assert_eq!(islands(&html), want, "{route:?}");
        assert!(html.contains("<main id=\"main\""), "{route:?}: main landmark");
        let entry = format!("okx-doctor-{}-abc.js", route.bundle().name());
        assert!(html.contains(&entry), "{route:?} loads {entry}");
        assert_eq!(html.contains("noindex"), !pages::is_indexable(&route), "{route:?}");
    }
    // Wizard without JavaScript: the categories to start from.
    let w = render(&Route::Wizard, "/", None);
    assert!(w.contains("data-testid=\"wizard-categories\""));
    // Home: the first codes in a table and every code as a link for readers without JavaScript.
    let home = render(&Route::Home, "/", None);
    assert!(home.contains("data-testid=\"catalog-table-static\"") && home.contains("href=\"/codes/\""));
    let codes = render(&Route::Codes, "/", None);
    for e in catalog::entries() {
        assert!(
            codes.contains(&format!("href=\"/e/{}/\"", e.code)),
            "/codes/ misses {}",
            e.code
        );
    }
    assert_heading_order("codes", &codes);
    // The clock page says it talks to OKX; the others that nothing leaves the page.
    assert!(text(&render(&Route::Clock, "/", None)).contains("asks OKX's public time endpoint"));
    assert!(text(&home).contains("nothing you paste or type leaves this page"));
}

#[test]
fn every_internal_link_leads_to_a_page() {
    let mut checked = 0;
    let routes = [
        Route::Home,
        Route::Wizard,
        Route::Clock,
        Route::Sign,
        Route::Codes,
        Route::NotFound(String::new()),
    ]
    .into_iter()
    .chain(["50011", "50113", "51008", "51008_1000", "1", "60018"].map(|c| Route::Error(c.into())));
    for base in ["/", "/some/path/"] {
        let c = config(base, None);
        for lang in Lang::ALL {
            for route in routes.clone() {
                let html = site::render_in(&route, lang, &c).unwrap();
                for h in attrs(&html, "href") {
                    if h.starts_with("https://") || h.starts_with('#') {
                        continue;
                    }
                    let h = h.replace("&amp;", "&");
                    assert!(h.starts_with(base), "{route:?}: link {h} not under {base}");
                    let path = h.split(['?', '#']).next().unwrap();
                    if path.ends_with(".svg") || path.ends_with(".js") || path.ends_with(".wasm") {
                        continue;
                    }
                    // The not-found page's language switch leads to the other language's file.
                    if matches!(route, Route::NotFound(_)) && path.ends_with("/404.html") {
                        assert_eq!(path, format!("{base}{}404.html", lang.other().prefix()));
                        continue;
                    }
                    // The language switch leads to the other language; every other link stays.
                    let (to, target) = parse_localized(path, base);
                    assert!(
                        site::render_in(&target, to, &c).is_some() && !matches!(target, Route::NotFound(_)),
                        "{lang:?} {route:?}: {h} has no page"
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 4000, "{checked}");
}

#[test]
fn hostile_base_and_origin_cannot_break_out() {
    let html = render(&Route::Error("50011".into()), "/a\"b<c/", None);
    // Attribute values and the loader script carry it escaped; only text may show it.
    assert!(!html.contains("=\"/a\"b") && !html.contains("<c/"), "base breaks out");
    assert!(
        html.contains("\"/a\\\"b\\u003cc/okx-doctor-page-abc.js\""),
        "loader URL is a JSON literal"
    );
    let html = render(&Route::Home, "/x/", Some("https://e.org\"><script>alert(1)</script>"));
    assert!(!html.contains("<script>alert(1)"));
}

#[test]
fn the_policy_allows_exactly_the_inline_parts() {
    let c = config("/", None);
    let html = site::render(&Route::Error("50011".into()), &c).unwrap();
    let policy = between(&html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'");
    for inline in okx_doctor::core::csp::inline_script_hashes(&html) {
        assert!(policy.contains(&inline), "inline script {inline} not allowed");
    }
    assert!(policy.contains(&okx_doctor::core::csp::hash_source("body{color:red}")));
    assert!(!policy.contains("127.0.0.1"), "the deployed build allows no loopback");
    let test_build = site::render(&Route::Clock, &Config { test_hooks: true, ..c }).unwrap();
    assert!(test_build.contains("http://127.0.0.1:*"));
}

#[test]
fn sitemap_lists_every_indexable_route() {
    let xml = site::sitemap_xml("/docs/", Some("https://example.org"));
    assert_eq!(
        xml.matches("<loc>").count(),
        2 * (5 + catalog::entries().len()),
        "both languages"
    );
    for e in catalog::entries() {
        assert!(xml.contains(&format!("<loc>https://example.org/docs/e/{}/</loc>", e.code)));
        assert!(xml.contains(&format!("<loc>https://example.org/docs/zh/e/{}/</loc>", e.code)));
    }
    assert!(!xml.contains("/embed/"));
    assert!(site::robots_txt("/docs/", Some("https://example.org"))
        .contains("Sitemap: https://example.org/docs/sitemap.xml"));
    assert!(!site::robots_txt("/", None).contains("Sitemap"));
}

#[test]
fn every_route_has_one_file() {
    let routes = pages::all_routes();
    assert_eq!(routes.len(), 2 * catalog::entries().len() + 8);
    let mut files: Vec<String> = routes.iter().map(pages::file_path).collect();
    let n = files.len();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), n, "two routes write the same file");
    for f in [
        "index.html",
        "404.html",
        "wizard/index.html",
        "embed/clock/index.html",
        "e/51008_1000/index.html",
    ] {
        assert!(files.binary_search(&f.to_string()).is_ok(), "missing {f}");
    }
}

#[test]
fn binary_writes_the_whole_site() {
    let dir = std::env::temp_dir().join(format!("okx-doctor-site-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let web = dir.join("web");
    std::fs::create_dir_all(&web).unwrap();
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    let mut args: Vec<String> = vec![
        "--dist".into(),
        dist.display().to_string(),
        "--base".into(),
        "/sub/".into(),
        "--origin".into(),
        "https://example.org".into(),
    ];
    // Each language's builds of the entry points (the Chinese ones with hash 456).
    for (suffix, hash) in [("", "123"), ("-zh", "456")] {
        for b in Bundle::ALL {
            let d = web.join(format!("{}{suffix}", b.name()));
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join(format!("okx-doctor-{}-{hash}.js", b.name())), "js").unwrap();
            std::fs::write(d.join(format!("okx-doctor-{}-{hash}_bg.wasm", b.name())), "wasm").unwrap();
            args.push("--bundle".into());
            args.push(format!("{}{suffix}={}", b.name(), d.display()));
        }
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_okx-doctor-site"))
        .current_dir(root)
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("wrote {} pages", 2 * pages::all_routes().len())),
        "{stdout}"
    );
    let read = |p: &str| std::fs::read_to_string(dist.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let home = read("index.html");
    assert!(home.starts_with("<!DOCTYPE html>"));
    assert!(home.contains("href=\"/sub/e/50011/\""));
    assert!(home.contains("<link rel=\"canonical\" href=\"https://example.org/sub/\""));
    assert!(home.contains("/sub/okx-doctor-home-123.js"));
    assert!(read("e/51008_1000/index.html").contains("/sub/okx-doctor-page-123_bg.wasm"));
    assert!(read("wizard/index.html").contains("/sub/okx-doctor-wizard-123.js"));
    assert!(
        dist.join("okx-doctor-wizard-123_bg.wasm").exists(),
        "entry files copied"
    );
    assert!(read("404.html").contains("noindex"));
    let zh_home = read("zh/index.html");
    assert!(zh_home.contains("/sub/okx-doctor-home-456.js") && !zh_home.contains("okx-doctor-home-123"));
    assert!(zh_home.contains("href=\"/sub/zh/e/50011/\""));
    assert!(read("zh/e/51008_1000/index.html").contains("/sub/okx-doctor-page-456_bg.wasm"));
    assert!(read("zh/404.html").contains("noindex"));
    assert!(read("sitemap.xml").contains("<loc>https://example.org/sub/e/60018/</loc>"));
    // Each language's error pages link their own link-preview image, and it is there.
    for (page, image) in [
        ("e/50113/index.html", "og/50113.png"),
        ("zh/e/50113/index.html", "zh/og/50113.png"),
    ] {
        let tag = format!("<meta property=\"og:image\" content=\"https://example.org/sub/{image}\"");
        assert!(read(page).contains(&tag), "{page}: {tag}");
    }
    let png = |p: &str| std::fs::read(dist.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    assert_ne!(png("og/50113.png"), png("zh/og/50113.png"));
    let count = |d: &str| std::fs::read_dir(dist.join(d)).unwrap().count();
    assert_eq!(
        (count("og"), count("zh/og")),
        (catalog::entries().len(), catalog::entries().len())
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_okx-doctor-site"))
        .current_dir(root)
        .args(["--dist", dist.to_str().unwrap(), "--origin", "example.org/x\""])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_okx-doctor-site"))
        .current_dir(root)
        .args([
            "--dist",
            dist.to_str().unwrap(),
            "--bundle",
            &format!("page={}", dir.display()),
        ])
        .output()
        .unwrap();
    assert!(!missing.status.success() && String::from_utf8_lossy(&missing.stderr).contains("no okx-doctor-page-"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- Chinese pages ----------------------------------------------------------------------------

use leptos::prelude::*;
use okx_doctor::core::category::Category;
use okx_doctor::ui::env::Env;
use okx_doctor::ui::pages::page_view;

/// A route's page body (inside the site frame) as the generator renders it for Chinese.
fn render_zh(route: &Route) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Env::default().with_lang(Lang::Zh));
        page_view(route)
            .unwrap_or_else(|| panic!("no page for {route:?}"))
            .to_html()
    })
}

/// The page's own content: `<main>`, without the islands and frame the lead translates elsewhere
/// (the embed panel).
fn main_zh(route: &Route) -> String {
    let html = render_zh(route);
    let main = between(&html, "<main id=\"main\"", "</main>").to_string();
    match main.find("data-island=\"embed-panel\"") {
        Some(i) => main[..main[..i].rfind('<').unwrap()].to_string(),
        None => main,
    }
}

/// The text of the element with this `data-testid`, up to `end`.
fn testid_text(html: &str, id: &str, end: &str) -> String {
    let i = html
        .find(&format!("data-testid=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let body = &html[i..][html[i..].find('>').unwrap() + 1..];
    text(&body[..body.find(end).unwrap()])
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The texts of every `<tag>` element in `html`.
fn elements(html: &str, tag: &str) -> Vec<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    html.match_indices(&open)
        .filter(|(i, _)| matches!(html.as_bytes().get(i + open.len()), Some(b'>' | b' ')))
        .map(|(i, _)| {
            let rest = &html[i..];
            let body = &rest[rest.find('>').unwrap() + 1..];
            text(&body[..body.find(&close).unwrap()])
        })
        .collect()
}

/// The English side of every `t!`/`tf!` in the files this test covers, of three words or more:
/// UI sentences that must not be left on a Chinese page.
fn english_ui_sentences() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for f in [
        "src/ui/pages/error.rs",
        "src/ui/pages/home.rs",
        "src/ui/pages/not_found.rs",
        "src/ui/pages/tools.rs",
        "src/ui/catalog.rs",
        "src/ui/copy.rs",
        "src/ui/theme.rs",
    ] {
        let src = std::fs::read_to_string(format!("{root}/{f}")).unwrap();
        for part in src.split("t!(").skip(1) {
            // `t!(lang, "English", "中文")` (possibly over several lines).
            let Some(rest) = part.strip_prefix("lang,").map(str::trim_start) else {
                continue;
            };
            let Some(rest) = rest.strip_prefix('"') else { continue };
            let Some(end) = rest.find('"') else { continue };
            let en = rest[..end].trim();
            let words = en.split_whitespace().count();
            if words >= 3 && !has_cjk(en) && !en.contains('{') && !en.contains('\\') {
                out.push(en.trim_end_matches([':', '.', ' ']).to_string());
            }
        }
    }
    assert!(out.len() > 20, "found {} sentences", out.len());
    out
}

fn assert_no_english_ui(what: &str, html: &str) {
    let t = text(html);
    for en in english_ui_sentences() {
        assert!(!t.contains(&en), "{what}: English UI text left: {en:?}");
    }
}

#[test]
fn chinese_error_page_shows_the_official_chinese_message_and_the_english_one() {
    let e = catalog::get("50011").unwrap();
    let zh_msg = catalog::msg_zh(e).expect("50011 has a Chinese message");
    let html = main_zh(&Route::Error("50011".into()));
    let h1 = text(between(&html, "<h1", "</h1>"));
    assert!(h1.contains("50011") && h1.contains(zh_msg), "{h1}");
    assert!(h1.contains("欧易（OKX）错误码"), "{h1}");
    let english = testid_text(&html, "error-message-en", "</p>");
    assert!(
        english.contains("API 实际返回的英文消息") && english.contains(e.msg),
        "{english}"
    );
    let t = text(&html);
    for want in [
        "含义",
        "可能的原因和解决办法",
        "如何确认",
        "解决办法",
        "验证是否解决",
        "修复代码",
        "诊断我的情况",
        "复制链接",
        "复制 ccxt (Python) 代码",
        "关于这个错误码",
        "数据来源",
        "最近一次出现",
        "欧易文档",
        "相关错误码",
        Category::RateLimit.label_in(Lang::Zh),
    ] {
        assert!(t.contains(want), "50011: {want} missing");
    }
    // Where the data comes from and how current it is, in Chinese.
    let sources = testid_text(&html, "error-sources", "</dd>");
    assert!(
        sources.contains("欧易文档（英文）") && sources.contains("20"),
        "{sources}"
    );
    let seen = testid_text(&html, "error-last-seen", "</dd>");
    assert!(seen.contains(e.last_seen) && seen.contains("见于"), "{seen}");
    // Links stay in Chinese; the OKX docs link goes to OKX's Chinese docs.
    assert!(html.contains("href=\"/zh/e/50013/\""), "related code in Chinese");
    assert!(html.contains("href=\"/zh/wizard/?c=rate_limit"), "wizard in Chinese");
    assert!(!html.contains("docs-v5/en/"));
    // Every heading, term and table head is Chinese.
    for tag in ["h1", "h2", "dt"] {
        for el in elements(&html, tag) {
            assert!(has_cjk(&el), "50011: <{tag}> {el:?} is not Chinese");
        }
    }
    assert_no_english_ui("50011", &html);
    assert_heading_order("50011 zh", &html);
}

#[test]
fn chinese_error_pages_render_for_every_code_with_both_messages() {
    let mut with_zh = 0;
    for e in catalog::entries() {
        let html = main_zh(&Route::Error(e.code.into()));
        let h1 = text(between(&html, "<h1", "</h1>"));
        assert!(h1.contains(e.code), "{}: {h1}", e.code);
        assert!(
            !okx_doctor::core::template::has_placeholder(&h1),
            "{}: raw placeholder in {h1}",
            e.code
        );
        match catalog::msg_zh(e).filter(|m| !m.trim().is_empty()) {
            Some(m) => {
                with_zh += 1;
                assert!(
                    h1.contains(&okx_doctor::core::template::readable(m)),
                    "{}: {h1}",
                    e.code
                );
            }
            None if !e.msg.is_empty() => {
                assert!(
                    h1.contains(&okx_doctor::core::template::readable(e.msg)),
                    "{}: {h1}",
                    e.code
                )
            }
            None => assert!(h1.contains("成功"), "{}: {h1}", e.code),
        }
        if !e.msg.trim().is_empty() {
            let english = testid_text(&html, "error-message-en", "</p>");
            assert!(
                english.contains("API 实际返回的英文消息") && english.contains(e.msg),
                "{}: {english}",
                e.code
            );
        }
        let t = text(&html);
        assert!(
            t.contains("可能的原因和解决办法") && t.contains("数据来源"),
            "{}",
            e.code
        );
        assert!(
            !t.contains("Likely causes") && !t.contains("not recorded"),
            "{}",
            e.code
        );
        for el in elements(&html, "dt").into_iter().chain(elements(&html, "h2")) {
            assert!(has_cjk(&el), "{}: {el:?} is not Chinese", e.code);
        }
        let embed = main_zh(&Route::Embed(EmbedRoute::Error(e.code.into())));
        assert!(text(&embed).contains("关于这个错误码"), "{}", e.code);
    }
    assert!(with_zh > 1000, "{with_zh} codes with an official Chinese message");
}

#[test]
fn chinese_home_codes_tools_and_not_found_pages() {
    let cases: [(Route, &str); 8] = [
        (Route::Home, "解决欧易（OKX）API 报错"),
        (Route::Embed(EmbedRoute::Helper), "诊断欧易（OKX）API 报错"),
        (Route::Wizard, "一步步排查"),
        (Route::Clock, "时钟检查"),
        (Route::Embed(EmbedRoute::Clock), "时钟检查"),
        (Route::Codes, "欧易（OKX）API v5 全部错误码"),
        (Route::NotFound(String::new()), "页面不存在"),
        (Route::Error("51008_1000".into()), "51008"),
    ];
    for (route, heading) in cases {
        let html = main_zh(&route);
        assert!(text(&html).contains(heading), "{route:?}: no {heading}");
        assert_no_english_ui(&format!("{route:?}"), &html);
        // Every link of the page's own content stays on the Chinese site and leads to a page.
        for h in attrs(&html, "href") {
            if h.starts_with("https://") || h.starts_with('#') {
                continue;
            }
            let h = h.replace("&amp;", "&");
            assert!(h.starts_with("/zh/"), "{route:?}: link {h} leaves the Chinese site");
            let (lang, target) = parse_localized(h.split(['?', '#']).next().unwrap(), "/");
            assert_eq!(lang, Lang::Zh, "{h}");
            assert!(
                !matches!(target, Route::NotFound(_)) && page_view(&target).is_some(),
                "{route:?}: {h} has no page"
            );
        }
    }
    let home = main_zh(&Route::Home);
    let t = text(&home);
    assert!(t.contains("错误码目录") && t.contains("在一页中查看全部错误码"), "{t}");
    for th in elements(&home, "th") {
        assert!(th == "HTTP" || has_cjk(&th), "table head {th:?}");
    }
    // The static table shows OKX's Chinese messages and section names.
    let first = catalog::entries()
        .iter()
        .find(|e| catalog::msg_zh(e).is_some())
        .unwrap();
    assert!(t.contains(catalog::msg_zh(first).unwrap()), "{}", first.code);
    assert!(t.contains("公共"));
    let codes = main_zh(&Route::Codes);
    assert!(text(&codes).contains("51xxx 交易") && text(&codes).contains("数据截至"));
    assert!(codes.contains("href=\"/zh/e/51008_1000/\""));
    let clock = text(&main_zh(&Route::Clock));
    assert!(clock.contains("30 秒") && clock.contains("50102"), "{clock}");
    let not_found = text(&main_zh(&Route::NotFound(String::new())));
    assert!(
        not_found.contains("全部错误码列表") && not_found.contains("排查向导"),
        "{not_found}"
    );
    // The sub-code sentence reads in Chinese order.
    let sub = text(&main_zh(&Route::Error("51008_1000".into())));
    assert!(sub.contains("51008 的子错误码 1000。"), "{sub}");
}

#[test]
fn chinese_theme_button_and_page_metadata() {
    let owner = Owner::new();
    let theme = owner.with(|| {
        provide_context(Env::default().with_lang(Lang::Zh));
        okx_doctor::ui::theme::theme_toggle().to_html()
    });
    let t = text(&theme);
    assert!(
        t.contains("主题：跟随系统") && t.contains("主题：浅色") && t.contains("主题：深色"),
        "{t}"
    );
    assert!(!t.contains("Theme"), "{t}");
    for route in pages::all_routes()
        .into_iter()
        .filter(|r| !matches!(r, Route::Error(_) | Route::Embed(EmbedRoute::Error(_))))
        .chain([
            Route::Error("50011".into()),
            Route::Error("0".into()),
            Route::Error("60018".into()),
            Route::Embed(EmbedRoute::Error("50113".into())),
        ])
    {
        let en = pages::meta(&route).unwrap();
        let zh = pages::meta_in(&route, Lang::Zh).unwrap();
        assert_eq!(pages::meta_in(&route, Lang::En).as_ref(), Some(&en));
        assert!(has_cjk(&zh.title) && has_cjk(&zh.description), "{route:?}: {zh:?}");
        assert!(
            zh.title.ends_with("okx-doctor") || zh.title.starts_with("okx-doctor"),
            "{}",
            zh.title
        );
        assert!(zh.description.chars().count() <= pages::DESCRIPTION_MAX);
        assert_eq!((zh.indexable, zh.og_type), (en.indexable, en.og_type));
    }
    let e = catalog::get("50011").unwrap();
    let m = pages::meta_in(&Route::Error("50011".into()), Lang::Zh).unwrap();
    assert!(
        m.title.contains("50011") && m.title.contains(catalog::msg_zh(e).unwrap()),
        "{}",
        m.title
    );
    for e in catalog::entries() {
        let m = pages::meta_in(&Route::Error(e.code.into()), Lang::Zh).unwrap();
        assert!(
            m.title.contains(e.code) && !okx_doctor::core::template::has_placeholder(&m.title),
            "{}",
            m.title
        );
        assert!(!m.description.is_empty() && m.description.chars().count() <= pages::DESCRIPTION_MAX);
    }
}

// Issue 15, item 1: the fix first. An error page opens with the meaning in one sentence, the most
// likely cause and its fix, the tool that checks it, "Diagnose my case" and the code; the facts
// follow, after a short table of contents whose links all land on a section.
#[test]
fn error_pages_put_the_fix_before_the_facts() {
    use okx_doctor::core::categorize::category_of;
    let c = config("/", None);
    for lang in [Lang::En, Lang::Zh] {
        for e in catalog::entries() {
            let html = site::render_in(&Route::Error(e.code.into()), lang, &c).unwrap();
            let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{}: no {needle}", e.code));
            let facts = at("data-testid=\"error-facts\"");
            assert!(at("data-testid=\"fix-first\"") < facts, "{}", e.code);
            assert!(
                at("data-testid=\"diagnose-my-case\"") < facts,
                "{}: wizard before the facts",
                e.code
            );
            assert!(
                at("data-testid=\"diagnose-my-case\"") < at("data-testid=\"error-causes\""),
                "{}",
                e.code
            );
            if html.contains("data-testid=\"top-cause\"") {
                assert!(
                    at("data-testid=\"top-fix\"") < at("data-testid=\"diagnose-my-case\""),
                    "{}",
                    e.code
                );
            }
            if html.contains("class=\"snippet\"") {
                assert!(
                    at("class=\"snippet\"") < at("data-testid=\"error-causes\""),
                    "{}: code first",
                    e.code
                );
            }
            assert!(
                at("data-testid=\"meaning-line\"") < at("data-testid=\"fix-first\"") + 200,
                "{}",
                e.code
            );
            // The table of contents' links each land on an element of the page.
            if html.contains("data-testid=\"toc\"") {
                let toc = between(&html, "data-testid=\"toc\"", "</nav>");
                for href in attrs(toc, "href") {
                    let page = env_href(lang, e.code);
                    let id = href
                        .strip_prefix(&format!("{page}#"))
                        .unwrap_or_else(|| panic!("{}: toc link {href} is not to {page}#…", e.code));
                    assert!(html.contains(&format!(" id=\"{id}\"")), "{}: toc link {href}", e.code);
                }
            }
            assert_heading_order(e.code, &html);
            // The tools are linked where they check the cause.
            let cat = category_of(e).id();
            if ["auth_signature", "auth_key", "auth_passphrase"].contains(&cat) {
                assert!(html.contains("data-testid=\"tool-sign\""), "{}: signature lab", e.code);
            }
            if cat == "timestamp" {
                assert!(html.contains("data-testid=\"tool-clock\""), "{}: clock check", e.code);
            }
        }
    }
    // The long page the issue names has its table of contents.
    assert!(error_page("50113").contains("data-testid=\"toc\""));
}

/// An error page's own path in `lang` (base `/`).
fn env_href(lang: Lang, code: &str) -> String {
    match lang {
        Lang::En => format!("/e/{code}/"),
        _ => format!("/zh/e/{code}/"),
    }
}

// Issue 15, item 4: knowledge-base text written with backticks (`posSide`) renders as code: no
// raw backtick reaches an error page's text outside its code examples.
#[test]
fn knowledge_base_backticks_render_as_code() {
    let c = config("/", None);
    let mut coded = 0;
    for lang in [Lang::En, Lang::Zh] {
        for e in catalog::entries() {
            let html = site::render_in(&Route::Error(e.code.into()), lang, &c).unwrap();
            let body = between(&html, "<article", "</article>");
            // Code examples (<pre>) and the catalog's own messages may hold backticks.
            let mut rest = String::new();
            for (i, part) in body.split("<pre>").enumerate() {
                rest.push_str(if i == 0 {
                    part
                } else {
                    part.split_once("</pre>").map_or("", |(_, r)| r)
                });
            }
            let mut t = text(&rest);
            for m in catalog::all_messages(e) {
                t = t.replace(m, "");
            }
            assert!(
                !t.contains('`'),
                "{} ({lang:?}): raw backtick in {}",
                e.code,
                &t[t.find('`').unwrap().saturating_sub(60)..]
            );
            coded += usize::from(rest.contains("<code>posSide</code>") || rest.contains("<code>password</code>"));
        }
    }
    assert!(coded > 0, "some page shows a backticked word as code");
}

// ---- Embeds are cards (issue 15, item 7) ------------------------------------------------------

/// An error embed's two parts: the card, and the whole page (`?full=1`), up to the end of `<main>`.
fn embed_parts(html: &str) -> (&str, &str) {
    let card = between(html, "data-testid=\"embed-card\"", "data-testid=\"embed-full\"");
    let full = between(html, "data-testid=\"embed-full\"", "</main>");
    (card, full)
}

/// A route's page body in `lang`, as the generator renders it.
fn body_in(lang: Lang, route: &Route) -> String {
    Owner::new().with(|| {
        provide_context(Env::default().with_lang(lang));
        page_view(route)
            .unwrap_or_else(|| panic!("no page for {route:?}"))
            .to_html()
    })
}

#[test]
fn every_error_embed_is_a_card_with_the_whole_page_behind_the_full_option() {
    for lang in [Lang::En, Lang::Zh] {
        let prefix = if lang == Lang::Zh { "/zh/" } else { "/" };
        for e in catalog::entries() {
            let html = body_in(lang, &Route::Embed(EmbedRoute::Error(e.code.into())));
            let (card, full) = embed_parts(&html);
            // The card: the code and OKX's message as the whole page heads with them.
            assert_eq!(testid_text(card, "card-code", "</span>"), e.code);
            assert_eq!(
                testid_text(card, "card-message", "</span>"),
                testid_text(full, "error-message", "</span>"),
                "{}",
                e.code
            );
            // The page's first causes (up to three), in its order, each with its fix.
            let page_causes = full.matches(" class=\"cause\"").count();
            let causes = card.matches("data-testid=\"card-cause\"").count();
            assert_eq!(causes, page_causes.min(3), "{}", e.code);
            assert_eq!(card.matches("class=\"card-fix\"").count(), causes, "{}", e.code);
            let titles = elements(card, "span")
                .into_iter()
                .zip(card.split("<span").skip(1))
                .filter(|(_, raw)| raw.starts_with(" class=\"card-cause-title\""))
                .map(|(t, _)| t)
                .collect::<Vec<_>>();
            let page_titles: Vec<String> = elements(full, "h3")
                .into_iter()
                .take(causes)
                .map(|t| t.split_once(". ").map(|(_, t)| t.to_string()).unwrap_or(t))
                .collect();
            assert_eq!(titles, page_titles, "{}", e.code);
            // "Diagnose my case" (the wizard for this code) and the full page, in a new tab.
            let hrefs = attrs(card, "href");
            assert!(
                hrefs
                    .iter()
                    .any(|h| h.starts_with(&format!("{prefix}wizard/?c=")) && h.ends_with(&format!("code={}", e.code))),
                "{}: {hrefs:?}",
                e.code
            );
            assert!(
                hrefs.contains(&format!("{prefix}e/{}/", e.code)),
                "{}: {hrefs:?}",
                e.code
            );
            assert_eq!(card.matches("target=\"_blank\"").count(), hrefs.len(), "{}", e.code);
            // Nothing of the whole page in the card; the whole page keeps every section.
            assert!(
                !card.contains("error-facts") && !card.contains("data-island"),
                "{}",
                e.code
            );
            assert!(full.contains("data-testid=\"error-facts\""), "{}", e.code);
        }
    }
}

#[test]
fn the_embed_snippet_reserves_the_widgets_height_and_names_the_full_option() {
    use okx_doctor::ui::embed::{reserved_height, snippets, FIXED_HEIGHT};
    for (route, key) in [
        (Route::Error("50011".into()), "50011"),
        (Route::Home, "paste"),
        (Route::Clock, "clock"),
    ] {
        for lang in [Lang::En, Lang::Zh] {
            let (js, iframe) = snippets(&route, "https://x.example", "/", lang).unwrap();
            assert!(
                js.contains(&format!("style=\"min-height:{}px\"", reserved_height(key))),
                "{js}"
            );
            assert!(iframe.contains(&format!("height=\"{FIXED_HEIGHT}\"")), "{iframe}");
        }
    }
    for lang in [Lang::En, Lang::Zh] {
        let page = text(&body_in(lang, &Route::Error("50011".into())));
        assert!(
            page.contains("data-full=\"1\""),
            "the embed panel names the full option"
        );
    }
}
