//! The library preference (issue 15 item 2): one list of libraries with code examples
//! (`Library::WITH_SNIPPETS`) behind the error pages' picker, the inline page script's `?lib=`
//! and stored values, the CSS that puts the chosen library's code first and marks its button, and
//! the embed options; one storage key; every snippet's copy button names its library.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::facts::Library;
use okx_doctor::core::kb;
use okx_doctor::core::lang::Lang;
use okx_doctor::core::routes::Route;
use okx_doctor::site::{self, Config};
use okx_doctor::ui::browser::keys;
use okx_doctor::ui::embed::LANGS;

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + path).unwrap()
}

fn ids() -> Vec<&'static str> {
    Library::WITH_SNIPPETS.iter().map(|l| l.id()).collect()
}

#[test]
fn the_page_script_accepts_exactly_the_core_list_under_the_one_key() {
    let js = read("public/theme.js");
    let list = js
        .split("var IDS = \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("theme.js declares IDS");
    assert_eq!(list, ids().join("|"));
    assert!(
        js.contains(&format!("LIB = \"{}\"", keys::LIB)),
        "theme.js stores under {}",
        keys::LIB
    );
    assert!(js.contains(&format!("get(\"{}\")", keys::THEME)));
    assert_eq!(LANGS.map(|l| l.id()).to_vec(), ids());
    // Every library of the list has code in the knowledge base (else its button would show nothing).
    for id in ids() {
        assert!(kb::all_snippets().iter().any(|s| s.lib == id), "no snippet for {id}");
        assert_eq!(Library::with_snippets(id).map(|l| l.id()), Some(id));
    }
    assert_eq!(Library::with_snippets("hummingbot"), None);
    assert_eq!(
        Library::with_snippets("other"),
        None,
        "the picker speaks the current ids only"
    );
    assert_eq!(Library::with_snippets("<script>"), None);
}

#[test]
fn the_css_orders_and_marks_every_library() {
    let css = read("style/main.css");
    for id in ids() {
        let order = format!(":root[data-lib=\"{id}\"] .snippet[data-lib=\"{id}\"]");
        let pressed = format!(":root[data-lib=\"{id}\"] [data-lib-pick=\"{id}\"]");
        assert!(css.contains(&order), "no order rule for {id}");
        assert!(css.contains(&pressed), "no pressed rule for {id}");
    }
}

fn error_page(code: &str, lang: Lang) -> String {
    let config = Config {
        base: "/".into(),
        css: String::new(),
        theme_js: String::new(),
        ..Default::default()
    };
    site::render_in(&Route::Error(code.into()), lang, &config).unwrap()
}

#[test]
fn error_pages_offer_the_libraries_they_have_code_for() {
    for lang in [Lang::En, Lang::Zh] {
        let html = error_page("50113", lang);
        let picker = html
            .split("data-testid=\"lib-picker\"")
            .nth(1)
            .expect("a picker on /e/50113/");
        let picker = &picker[..picker.find("</div>").unwrap()];
        let offered: Vec<&str> = picker
            .split("data-lib-pick=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        // Exactly the libraries whose snippets the page shows, in the core's order.
        let shown: Vec<&str> = html
            .split("<figure data-lib=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        let expected: Vec<&str> = ids().into_iter().filter(|id| shown.contains(id)).collect();
        assert!(expected.len() >= 2, "{expected:?}");
        assert_eq!(offered, expected);
        assert!(picker.contains("aria-pressed=\"false\""));
        // Each snippet's copy button names its library.
        for id in &shown {
            let label = kb::lib_label(id);
            let want = if lang == Lang::En {
                format!("Copy {label} code")
            } else {
                format!("复制 {label} 代码")
            };
            assert!(html.contains(&want), "{lang:?}: no button \"{want}\"");
        }
    }
}
