//! The pages, rendered natively from the views exactly as the generator writes them: every route
//! renders, each page type has its content, headings, links and islands, data is escaped, sub-folder
//! bases work, and the `okx-doctor-site` binary writes the whole site.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::pages;
use okx_doctor::core::routes::{parse_path, Bundle, EmbedRoute, Route};
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
    for b in Bundle::ALL {
        c.loaders.insert(
            b,
            Loader {
                js: format!("okx-doctor-{}-abc.js", b.name()),
                wasm: format!("okx-doctor-{}-abc_bg.wasm", b.name()),
            },
        );
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
            html.contains(&format!("okx-doctor-page-abc.js")),
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
        assert_heading_order(&format!("{route:?}"), &html);
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
        for route in routes.clone() {
            let html = render(&route, base, None);
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
                let target = parse_path(path, base);
                assert!(
                    site::render(&target, &config(base, None)).is_some() && !matches!(target, Route::NotFound(_)),
                    "{route:?}: {h} has no page"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 2000, "{checked}");
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
    assert_eq!(xml.matches("<loc>").count(), 5 + catalog::entries().len());
    for e in catalog::entries() {
        assert!(xml.contains(&format!("<loc>https://example.org/docs/e/{}/</loc>", e.code)));
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
    for b in Bundle::ALL {
        let d = web.join(b.name());
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join(format!("okx-doctor-{}-123.js", b.name())), "js").unwrap();
        std::fs::write(d.join(format!("okx-doctor-{}-123_bg.wasm", b.name())), "wasm").unwrap();
        args.push("--bundle".into());
        args.push(format!("{}={}", b.name(), d.display()));
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
        stdout.contains(&format!("wrote {} pages", pages::all_routes().len())),
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
    assert!(read("sitemap.xml").contains("<loc>https://example.org/sub/e/60018/</loc>"));
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
