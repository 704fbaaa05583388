//! Component tests in headless Chromium (wasm-bindgen-test), run by `./dev test`: islands start
//! on placeholders as the generator writes them, and behave.
#![cfg(target_arch = "wasm32")]

use okx_doctor::ui::catalog::{CatalogSearch, RENDER_CAP};
use okx_doctor::ui::copy::CopyButton;
use okx_doctor::ui::island::{start, Island};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Adds a placeholder of island `I` with these props to a fresh section and returns the section.
fn placeholder<I: Island>(props: &str, inner: &str) -> web_sys::HtmlElement {
    let section: web_sys::HtmlElement = doc().create_element("section").unwrap().unchecked_into();
    let el = doc().create_element("okx-island").unwrap();
    el.set_attribute("data-island", I::NAME).unwrap();
    el.set_attribute("data-props", props).unwrap();
    el.set_inner_html(inner);
    section.append_child(&el).unwrap();
    doc().body().unwrap().append_child(&section).unwrap();
    section
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
async fn catalog_search_starts_from_its_props_and_keeps_the_query_in_the_url() {
    let props = CatalogSearch {
        worker: None,
        sections: vec!["Public".into(), "Trade".into()],
        total: 1104,
    }
    .props()
    .encode();
    let el = placeholder::<CatalogSearch>(&props, "<p>prerendered</p>");
    start::<CatalogSearch>();
    leptos::task::tick().await;
    let text = el.text_content().unwrap();
    assert!(!text.contains("prerendered"), "the placeholder's markup is replaced");
    assert!(text.contains("All 1104 codes"), "{text}");
    let sections = el
        .query_selector_all("[data-testid=filter-section] option")
        .unwrap()
        .length();
    assert_eq!(sections, 3, "All + the two sections from the props");
    let active = || el.query_selector("[data-active]").unwrap().is_some();
    assert!(!active(), "no own table before a search (the static one shows)");
    assert!(el.query_selector("[data-testid=show-all]").unwrap().is_some());
    type_into(&el, "[data-testid=catalog-search]", "too many").await;
    assert!(active(), "a search makes the island's own table replace the static one");
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?q=too%20many");
    type_into(&el, "[data-testid=catalog-search]", "").await;
    assert!(!active());
    assert!(rows(&el) as usize <= RENDER_CAP);
    // Malformed props (no total) leave the placeholder as it is.
    let bad = placeholder::<CatalogSearch>("sections=x", "<p>kept</p>");
    start::<CatalogSearch>();
    leptos::task::tick().await;
    assert!(bad.text_content().unwrap().contains("kept"));
}

#[wasm_bindgen_test]
async fn copy_button_props_are_text_never_html() {
    let hostile = "<img src=x onerror=alert(1)>";
    let props = CopyButton::text(hostile, "Copy <b>it</b>", "copy-test")
        .props()
        .encode();
    let el = placeholder::<CopyButton>(&props, "");
    start::<CopyButton>();
    leptos::task::tick().await;
    assert!(el.query_selector("img, b").unwrap().is_none(), "props are never HTML");
    let button: web_sys::HtmlElement = el
        .query_selector("[data-testid=copy-test]")
        .unwrap()
        .expect("button")
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Copy <b>it</b>");
    button.click();
    // The clipboard answers asynchronously (granted or refused): the label says which.
    for _ in 0..50 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        if button.text_content().unwrap() != "Copy <b>it</b>" {
            break;
        }
    }
    let label = button.text_content().unwrap();
    assert!(label == "Copied" || label == "Press Ctrl+C to copy", "{label}");
}

#[wasm_bindgen_test]
async fn malformed_props_leave_a_placeholder_alone_and_nested_ones_are_left_to_their_parent() {
    // Broken percent-encoding still decodes to text.
    let el = placeholder::<CopyButton>("text=%ZZ%&label=%E0%A4%A&testid=broken", "");
    start::<CopyButton>();
    leptos::task::tick().await;
    assert!(el.query_selector("[data-testid=broken]").unwrap().is_some());
    // A copy placeholder inside another island is not started on its own.
    let outer = placeholder::<CatalogSearch>(
        "",
        "<okx-island data-island=\"copy\" data-props=\"testid=inner\"><i>kept</i></okx-island>",
    );
    start::<CopyButton>();
    leptos::task::tick().await;
    assert!(
        outer.query_selector("i").unwrap().is_some(),
        "nested placeholder left as it was"
    );
}
