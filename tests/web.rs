//! Component tests in headless Chromium (wasm-bindgen-test). Run by `./dev test`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use okx_doctor::ui::app::Nav;
use okx_doctor::ui::catalog::CatalogPage;
use okx_doctor::ui::error_page::ErrorPage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view with the app's navigation context into a fresh element and returns it.
fn mount(f: impl FnOnce() -> AnyView + 'static) -> web_sys::HtmlElement {
    let doc = document();
    let el: web_sys::HtmlElement = doc.create_element("section").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        provide_context(Nav {
            base: StoredValue::new("/".to_string()),
            path: RwSignal::new("/".to_string()),
            search: RwSignal::new(String::new()),
        });
        f()
    });
    handle.forget();
    el
}

fn rows(el: &web_sys::HtmlElement) -> u32 {
    el.query_selector_all("tbody tr").unwrap().length()
}

async fn type_into(el: &web_sys::HtmlElement, selector: &str, text: &str) {
    let input: web_sys::HtmlInputElement = el.query_selector(selector).unwrap().unwrap().unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn catalog_lists_every_entry_then_filters() {
    let el = mount(|| view! { <CatalogPage /> }.into_any());
    leptos::task::tick().await;
    // The first RENDER_CAP rows, then all of them on request.
    assert_eq!(rows(&el) as usize, okx_doctor::ui::catalog::RENDER_CAP);
    let show_all: web_sys::HtmlElement = el
        .query_selector("[data-testid=show-all]")
        .unwrap()
        .expect("show-all button")
        .unchecked_into();
    show_all.click();
    leptos::task::tick().await;
    assert_eq!(rows(&el) as usize, okx_doctor::core::catalog::entries().len());
    type_into(&el, "[data-testid=catalog-search]", "too many request").await;
    let first = el.query_selector("tbody tr").unwrap().unwrap();
    assert_eq!(first.get_attribute("data-code").as_deref(), Some("50011"));
    assert!(el.query_selector("[data-testid=no-results]").unwrap().is_none());
    type_into(&el, "[data-testid=catalog-search]", "qqqzzzxxx").await;
    assert_eq!(rows(&el), 0);
    let msg = el
        .query_selector("[data-testid=no-results]")
        .unwrap()
        .expect("no-results message");
    assert!(msg.text_content().unwrap().contains("qqqzzzxxx"));
}

#[wasm_bindgen_test]
async fn error_page_shows_entry_and_escapes_unknown_codes() {
    let el = mount(|| view! { <ErrorPage code="50011".to_string() /> }.into_any());
    leptos::task::tick().await;
    let text = el.text_content().unwrap();
    assert!(text.contains("50011"));
    assert!(text.contains("Rate limit reached"));
    assert!(text.contains("Too Many Requests"), "alt row shown");

    let hostile = "<img src=x onerror=alert(1)>";
    let el = mount(move || view! { <ErrorPage code=hostile.to_string() /> }.into_any());
    leptos::task::tick().await;
    assert!(
        el.query_selector("img").unwrap().is_none(),
        "a code from the URL is never HTML"
    );
    assert!(el.text_content().unwrap().contains(hostile));
    let el = mount(|| view! { <ErrorPage code="50012x".to_string() /> }.into_any());
    leptos::task::tick().await;
    assert!(el.query_selector("[data-testid=nearest-codes] a").unwrap().is_some());
}
