//! Static pages: every route renders, data is escaped, sub-folder bases work, and the
//! `okx-doctor-site` binary writes the whole site from a template.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::html::escape;
use okx_doctor::core::pages::{self, Page};
use okx_doctor::core::routes::{EmbedRoute, Route};

/// Every `href="…"` value in `html`.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let j = html[i..].find(end).unwrap() + i;
    &html[i..j]
}

#[test]
fn every_catalog_entry_renders_an_error_page() {
    let entries = catalog::entries();
    assert_eq!(entries.len(), 1104);
    for e in entries {
        let html = pages::render_error_page(e.code, "/", None).unwrap_or_else(|| panic!("no page for {}", e.code));
        let title = between(&html, "<title>", "</title>");
        assert!(title.contains(e.code), "{}: title {title}", e.code);
        assert!(html.contains("<meta name=\"description\" content=\""), "{}", e.code);
        let desc = between(&html, "<meta name=\"description\" content=\"", "\"");
        assert!(
            !desc.is_empty() && desc.chars().count() <= 200,
            "{}: description {desc}",
            e.code
        );
        assert!(
            !html.contains("rel=\"canonical\""),
            "{}: no canonical without origin",
            e.code
        );
        assert!(html.contains("property=\"og:title\""), "{}", e.code);
        assert!(html.contains("name=\"twitter:card\""), "{}", e.code);
        assert!(!html.contains("og:url"), "{}: og:url without origin", e.code);
        // The exact message(s), escaped, are in the page text.
        for m in catalog::all_messages(e) {
            assert!(html.contains(&escape(m)), "{}: message {m:?} missing", e.code);
        }
        assert!(
            html.contains("<h2>Likely causes and fixes</h2>"),
            "{}: no causes",
            e.code
        );
        assert!(html.contains("Check that it worked"), "{}", e.code);
        assert!(html.contains("<pre><code"), "{}: no snippet", e.code);
        // The template markers are all consumed.
        assert!(!html.contains(pages::HEAD_MARKER) && !html.contains(pages::PRERENDER_MARKER));
        // Embed variant too.
        let embed = pages::render_embed_error_page(e.code, "/", None).unwrap();
        assert!(embed.contains("noindex"), "{}", e.code);
        assert!(embed.contains(&escape(e.msg)));
    }
}

#[test]
fn error_page_shows_facts_causes_snippets_and_related_links() {
    let html = pages::render_error_page("50011", "/", Some("https://example.org")).unwrap();
    assert!(html.contains("<dt>HTTP status</dt><dd>200, 429</dd>"));
    assert!(html.contains("Too Many Requests"));
    assert!(html.contains("RateLimitExceeded"));
    assert!(html.contains("<a href=\"/e/50013/\">50013</a>"));
    assert!(html.contains("enableRateLimit"));
    assert!(html.contains("<link rel=\"canonical\" href=\"https://example.org/e/50011/\">"));
    assert!(html.contains("<meta property=\"og:url\" content=\"https://example.org/e/50011/\">"));
    // Batch codes point at sCode/sMsg.
    let one = pages::render_error_page("1", "/", None).unwrap();
    assert!(one.contains("sCode"));
    // Sub-code pages link back to the base code, base pages list sub-codes.
    let sub = pages::render_error_page("51008_1000", "/", None).unwrap();
    assert!(sub.contains("<a href=\"/e/51008/\">51008</a>"));
    let basep = pages::render_error_page("51008", "/", None).unwrap();
    assert!(basep.contains("<a href=\"/e/51008_1000/\">51008_1000</a>"));
    // Unknown codes have no page.
    assert!(pages::render_error_page("99999", "/", None).is_none());
    assert!(pages::render_error_page("<script>", "/", None).is_none());
}

#[test]
fn hostile_data_is_escaped() {
    let mut e = *catalog::get("50011").unwrap();
    e.code = "<b>x</b>";
    e.msg = "<script>alert(1)</script> \"quoted\" & 'single'";
    let page = pages::entry_page(&e, "/", false);
    let html = page
        .fill(pages::DEFAULT_TEMPLATE, "/", Some("https://example.org"))
        .unwrap();
    assert!(!html.contains("<script>"), "raw script tag in output");
    assert!(!html.contains("<b>x</b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"));
    // In the title and in attribute values too.
    assert!(between(&html, "<title>", "</title>").contains("&lt;script&gt;"));
    assert!(between(&html, "name=\"description\" content=\"", "\">").contains("&lt;script&gt;"));

    let nf = pages::not_found_html("<script>alert(1)</script>", "/");
    assert!(nf.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!nf.contains("<script>"));
    let nf = pages::not_found_html("\"><img src=x onerror=alert(1)>", "/");
    assert!(!nf.contains("<img"));

    // A hostile base cannot break out of attributes either.
    let html = pages::render_error_page("50011", "/a\"b<c/", None).unwrap();
    assert!(!html.contains("a\"b"));
    assert!(!html.contains("b<c"));

    // Arbitrary page fields are escaped in the head.
    let p = Page {
        route: Route::Home,
        title: "</title><script>x</script>".into(),
        description: "\"><script>".into(),
        content: String::new(),
        indexable: true,
    };
    let out = p.fill(pages::DEFAULT_TEMPLATE, "/", None).unwrap();
    assert!(!out.contains("<script>"));
}

#[test]
fn subfolder_base_keeps_links_under_the_base() {
    let base = "/some/path/";
    let mut pages_checked = 0;
    for route in [
        Route::Home,
        Route::Error("50119".into()),
        Route::Error("51008_1000".into()),
        Route::Embed(EmbedRoute::Error("1".into())),
        Route::Wizard,
        Route::Clock,
        Route::Sign,
        Route::Embed(EmbedRoute::Helper),
        Route::NotFound("x".into()),
    ] {
        let html = pages::render(&route, base, None).unwrap();
        for h in hrefs(&html) {
            assert!(
                h.starts_with(base) || h.starts_with("https://"),
                "{route:?}: link {h} not under {base}"
            );
        }
        pages_checked += 1;
    }
    assert_eq!(pages_checked, 9);
    let html = pages::render_error_page("50011", "some/path", Some("https://example.org/")).unwrap();
    assert!(html.contains("href=\"https://example.org/some/path/e/50011/\""));
    assert!(html.contains("href=\"/some/path/e/50013/\""));
    let home = pages::render_home(base, None);
    assert!(home.contains("href=\"/some/path/e/50011/\""));
}

#[test]
fn home_links_every_code_and_its_page_carries_the_message() {
    let html = pages::render_home("/", None);
    for e in catalog::entries() {
        assert!(
            html.contains(&format!("<a href=\"/e/{}/\">", e.code)),
            "home misses {}",
            e.code
        );
        let page = pages::render_error_page(e.code, "/", None).expect("every entry has a page");
        assert!(page.contains(&escape(e.msg)), "page of {} misses its message", e.code);
    }
    assert!(!html.contains("rel=\"canonical\""), "no canonical without an origin");
    let with_origin = pages::render_home("/", Some("https://example.org"));
    assert!(with_origin.contains("<link rel=\"canonical\" href=\"https://example.org/\">"));
}

#[test]
fn sitemap_lists_every_indexable_route() {
    let xml = pages::sitemap_xml("/docs/", Some("https://example.org"));
    let locs = xml.matches("<loc>").count();
    // home + wizard + clock + sign + every error page
    assert_eq!(locs, 4 + catalog::entries().len());
    for e in catalog::entries() {
        assert!(xml.contains(&format!("<loc>https://example.org/docs/e/{}/</loc>", e.code)));
    }
    for r in pages::all_routes() {
        if pages::is_indexable(&r) {
            assert!(
                xml.contains(&format!("<loc>https://example.org{}</loc>", r.href("/docs/"))),
                "{r:?}"
            );
        } else {
            assert!(
                !xml.contains(&r.href("/docs/")) || matches!(r, Route::Home),
                "{r:?} listed"
            );
        }
    }
    let robots = pages::robots_txt("/docs/", Some("https://example.org"));
    assert!(robots.contains("Sitemap: https://example.org/docs/sitemap.xml"));
    assert!(!pages::robots_txt("/", None).contains("Sitemap"));
}

#[test]
fn every_route_has_a_page_and_file() {
    let routes = pages::all_routes();
    assert_eq!(routes.len(), 2 * 1104 + 7);
    let mut files: Vec<String> = Vec::new();
    for r in &routes {
        let p = pages::page(r, "/").unwrap_or_else(|| panic!("no page for {r:?}"));
        files.push(p.file_path());
    }
    let n = files.len();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), n, "two routes write the same file");
    for f in [
        "index.html",
        "404.html",
        "wizard/index.html",
        "clock/index.html",
        "sign/index.html",
        "embed/index.html",
        "embed/clock/index.html",
        "e/51008_1000/index.html",
        "embed/e/50011/index.html",
    ] {
        assert!(files.binary_search(&f.to_string()).is_ok(), "missing {f}");
    }
}

#[test]
fn template_without_markers_is_rejected() {
    let p = pages::home_page("/");
    assert!(p
        .fill("<html><head><title>x</title></head><body></body></html>", "/", None)
        .is_err());
    assert!(pages::check_template(pages::DEFAULT_TEMPLATE).is_ok());
}

#[test]
fn binary_writes_the_whole_site() {
    let dir = std::env::temp_dir().join(format!("okx-doctor-site-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let template = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>okx-doctor</title>\
<!--okx-doctor:head--><link rel=\"stylesheet\" href=\"/sub/app.css\"></head>\
<body><div id=\"prerender\"></div><script type=\"module\" src=\"/sub/app.js\"></script></body></html>";
    std::fs::write(dir.join("index.html"), template).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_okx-doctor-site"))
        .args([
            "--dist",
            dir.to_str().unwrap(),
            "--base",
            "/sub/",
            "--origin",
            "https://example.org",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("wrote 2215 pages"), "{stdout}");

    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let count_files = |root: &std::path::Path| -> usize {
        fn walk(p: &std::path::Path) -> usize {
            std::fs::read_dir(p)
                .unwrap()
                .map(|d| {
                    let p = d.unwrap().path();
                    if p.is_dir() {
                        walk(&p)
                    } else {
                        1
                    }
                })
                .sum()
        }
        walk(root)
    };
    assert_eq!(count_files(&dir.join("e")), 1104);
    assert_eq!(count_files(&dir.join("embed").join("e")), 1104);
    let home = read("index.html");
    assert!(home.contains("href=\"/sub/e/50011/\""));
    assert!(home.contains("<link rel=\"canonical\" href=\"https://example.org/sub/\">"));
    assert!(home.contains("src=\"/sub/app.js\""), "template assets kept");
    assert!(!home.contains(pages::HEAD_MARKER));
    let e = read("e/51008_1000/index.html");
    assert!(e.contains("<link rel=\"canonical\" href=\"https://example.org/sub/e/51008_1000/\">"));
    assert!(e.contains("<main id=\"prerender\">\n<article"));
    for f in [
        "wizard/index.html",
        "clock/index.html",
        "sign/index.html",
        "embed/index.html",
        "embed/clock/index.html",
    ] {
        let t = read(f);
        assert!(
            t.contains("og:title") && !t.contains("<title>okx-doctor</title>"),
            "{f}"
        );
    }
    let nf = read("404.html");
    assert!(nf.contains("not found") || nf.contains("Not found"));
    assert!(nf.contains("noindex"));
    assert!(read("sitemap.xml").contains("<loc>https://example.org/sub/e/60018/</loc>"));
    assert!(read("robots.txt").contains("Sitemap: https://example.org/sub/sitemap.xml"));

    // Running again on the processed index.html fails clearly instead of producing garbage.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_okx-doctor-site"))
        .args(["--dist", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("does not contain"));
    // Bad arguments.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_okx-doctor-site"))
        .args(["--dist", dir.to_str().unwrap(), "--origin", "example.org/x\""])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
