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
async fn catalog_search_shows_results_only_while_searching() {
    let el = placeholder::<CatalogSearch>("", "<p>prerendered</p>");
    start::<CatalogSearch>();
    leptos::task::tick().await;
    assert!(!el.text_content().unwrap().contains("prerendered"), "the placeholder's markup is replaced");
    assert_eq!(rows(&el), 0, "no own table before a search (the static one shows)");
    let show_all: web_sys::HtmlElement = el.query_selector("[data-testid=show-all]").unwrap().expect("show-all").unchecked_into();
    show_all.click();
    leptos::task::tick().await;
    assert_eq!(rows(&el) as usize, okx_doctor::core::catalog::entries().len());
    type_into(&el, "[data-testid=catalog-search]", "too many request").await;
    let first = el.query_selector("tbody tr").unwrap().unwrap();
    assert_eq!(first.get_attribute("data-code").as_deref(), Some("50011"));
    assert!(rows(&el) as usize <= RENDER_CAP);
    type_into(&el, "[data-testid=catalog-search]", "qqqzzzxxx").await;
    assert_eq!(rows(&el), 0);
    let msg = el.query_selector("[data-testid=no-results]").unwrap().expect("no-results message");
    assert!(msg.text_content().unwrap().contains("qqqzzzxxx"));
}

#[wasm_bindgen_test]
async fn copy_button_props_are_text_never_html() {
    let hostile = "<img src=x onerror=alert(1)>";
    let props = CopyButton::text(hostile, "Copy <b>it</b>", "copy-test").props().encode();
    let el = placeholder::<CopyButton>(&props, "");
    start::<CopyButton>();
    leptos::task::tick().await;
    assert!(el.query_selector("img, b").unwrap().is_none(), "props are never HTML");
    let button: web_sys::HtmlElement = el.query_selector("[data-testid=copy-test]").unwrap().expect("button").unchecked_into();
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
    let outer = placeholder::<CatalogSearch>("", "<okx-island data-island=\"copy\" data-props=\"testid=inner\"><i>kept</i></okx-island>");
    start::<CopyButton>();
    leptos::task::tick().await;
    assert!(outer.query_selector("i").unwrap().is_some(), "nested placeholder left as it was");
}
