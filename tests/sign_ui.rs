//! Browser test of the signature lab: type into the fields, check the outputs.
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test sign_ui
#![cfg(target_arch = "wasm32")]

use okx_doctor::core::sign::sign_prehash;
use okx_doctor::ui::island::Island;
use okx_doctor::ui::sign::SignLab;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "985d5b66-57ce-40fb-b714-afc0b9787083";
const SECRET: &str = "22582BD0CFF14C6DA9CF3E13A5E7B0C6";
const TS: &str = "2020-12-08T09:08:57.715Z";
const PATH: &str = "/api/v5/account/balance?ccy=BTC";

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn el(id: &str) -> web_sys::Element {
    doc()
        .query_selector(&format!("[data-testid={id}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {id}"))
}

fn type_into(id: &str, value: &str) {
    let e = el(id);
    if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(value);
    } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    }
    e.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn text(id: &str) -> String {
    el(id).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn computes_signature_lint_and_diff() {
    let parent: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    doc().body().unwrap().append_child(&parent).unwrap();
    let href_before = web_sys::window().unwrap().location().href().unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), || SignLab.render());

    type_into("sign-key", KEY);
    type_into("sign-secret", SECRET);
    type_into("sign-passphrase", "Correct-Horse-7");
    type_into("sign-path", PATH);
    // Switch from "now" to a fixed timestamp.
    el("sign-timestamp-now")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    leptos::task::tick().await;
    // A fixed timestamp near this device's clock lints clean; an old one (TS) is flagged as skew.
    let ts = okx_doctor::core::sign::iso_timestamp_from_unix_ms(js_sys::Date::now() as i64);
    type_into("sign-timestamp", &ts);
    leptos::task::tick().await;

    let prehash = format!("{ts}GET{PATH}");
    assert_eq!(text("sign-prehash"), prehash);
    let sig = sign_prehash(SECRET, &prehash);
    assert_eq!(text("sign-signature"), sig);
    let headers = text("sign-headers");
    assert!(headers.contains(&format!("OK-ACCESS-SIGN: {sig}")), "{headers}");
    assert!(!headers.contains("Correct-Horse-7"), "{headers}");
    assert!(text("sign-lint").contains("No problems"), "{}", text("sign-lint"));
    type_into("sign-timestamp", TS);
    leptos::task::tick().await;
    assert!(text("sign-lint").contains("more than"), "{}", text("sign-lint"));
    type_into("sign-timestamp", &ts);
    leptos::task::tick().await;

    // The secret input is a password field with autocomplete off.
    let s = el("sign-secret");
    assert_eq!(s.get_attribute("type").as_deref(), Some("password"));
    assert_eq!(s.get_attribute("autocomplete").as_deref(), Some("off"));

    // A pasted pre-hash with a lower-case method: the difference is marked.
    type_into("sign-compare", &format!("{ts}get{PATH}"));
    leptos::task::tick().await;
    let diff = el("sign-diff");
    let mark = diff.query_selector("mark").unwrap().expect("a marked character");
    assert_eq!(mark.text_content().unwrap(), "G");
    assert!(diff.text_content().unwrap().contains("upper case"));

    // Lint shows up live. (Text inputs strip line breaks themselves, so use an invisible space.)
    type_into("sign-secret", &format!("{SECRET}\u{200B}"));
    leptos::task::tick().await;
    assert!(text("sign-lint").contains("zero-width"), "{}", text("sign-lint"));

    // Nothing stored, nothing in the URL.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(storage.length().unwrap(), 0);
    assert_eq!(web_sys::window().unwrap().location().href().unwrap(), href_before);

    drop(handle);
    assert!(doc().query_selector("[data-testid=sign-secret]").unwrap().is_none());
}

fn attr(id: &str, name: &str) -> Option<String> {
    el(id).get_attribute(name)
}

#[wasm_bindgen_test]
async fn findings_sit_next_to_their_field() {
    let parent: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    doc().body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), || SignLab.render());
    leptos::task::tick().await;

    // Nothing is flagged before typing, not even the empty credentials.
    for id in [
        "sign-key",
        "sign-secret",
        "sign-passphrase",
        "sign-path",
        "sign-timestamp",
    ] {
        assert_eq!(attr(id, "aria-invalid"), None, "{id}");
        assert_eq!(attr(id, "aria-describedby"), None, "{id}");
    }
    assert!(text("sign-lint").contains("Still empty"), "{}", text("sign-lint"));

    // A trailing space: the field is marked and described by the finding beside it.
    type_into("sign-key", KEY);
    type_into("sign-passphrase", "Correct-Horse-7 ");
    leptos::task::tick().await;
    assert_eq!(attr("sign-passphrase", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        attr("sign-passphrase", "aria-describedby").as_deref(),
        Some("sign-passphrase-msg")
    );
    let msg = text("sign-passphrase-msg");
    assert!(
        msg.contains("Problem:") && msg.contains("ends with a space (position 16)"),
        "{msg}"
    );
    assert_eq!(attr("sign-key", "aria-invalid"), None);
    assert!(text("sign-key-msg").is_empty());

    // A field emptied after typing is reported empty; a note does not mark the field invalid.
    type_into("sign-secret", "x");
    type_into("sign-secret", "");
    type_into("sign-passphrase", "pa$$");
    leptos::task::tick().await;
    assert!(text("sign-secret-msg").contains("The secret key is empty."));
    assert_eq!(attr("sign-passphrase", "aria-invalid"), None);
    assert!(
        text("sign-passphrase-msg").contains("Note:"),
        "{}",
        text("sign-passphrase-msg")
    );

    // The show buttons unmask their field and mask it again.
    for (field, toggle) in [
        ("sign-secret", "sign-secret-toggle"),
        ("sign-passphrase", "sign-passphrase-toggle"),
    ] {
        assert_eq!(attr(field, "type").as_deref(), Some("password"));
        el(toggle).unchecked_into::<web_sys::HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(attr(field, "type").as_deref(), Some("text"), "{toggle}");
        el(toggle).unchecked_into::<web_sys::HtmlElement>().click();
        leptos::task::tick().await;
        assert_eq!(attr(field, "type").as_deref(), Some("password"));
    }

    // Once typing pauses, the live region reads the edited field's findings.
    gloo_timers::future::TimeoutFuture::new(1_200).await;
    let said = text("sign-announce");
    assert!(said.starts_with("Passphrase: Note:"), "{said}");

    drop(handle);
}
