//! The analysis worker, off the page's main thread: the core engine and the catalog, compiled to
//! their own wasm and run as a module worker (`src/ui/analysis.rs` is the page's side). Requests
//! are `{id, op, text}`: `analyse` a paste (progress messages `{id, progress}` between chunks of a
//! large paste, then `{id, report}`: the paste box's `PasteReport`), `search` the catalog
//! (`text` is a `catalog_rows::Query`) or find the `nearest` codes (both answer `{id, rows}`).
//! Values travel as `Uint8Array`s in the wire format of `okx_doctor::core::wire`. Where a page cannot start a worker (a sandboxed iframe has no origin of its
//! own), the page loads this module and calls [`answer`] directly.

#[cfg(target_arch = "wasm32")]
mod imp {
    use okx_doctor::core::catalog_rows::{nearest_rows, search_rows, Query};
    use okx_doctor::core::diagnose::{diagnose, diagnose_chunked, CHUNK_BYTES};
    use okx_doctor::core::lang::Lang;
    use okx_doctor::core::paste_report::report_for;
    use okx_doctor::core::wire;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Nearest codes an unknown code's page suggests.
    const NEAREST: usize = 5;

    /// The language of the reports: the one this build carries (a worker per language).
    fn lang() -> Lang {
        Lang::compiled().unwrap_or_default()
    }

    /// Answers a request in this thread: the paste report, or catalog rows, as wire bytes.
    /// `text` is the paste or the code (a string), or the search's `Query` (wire bytes).
    #[wasm_bindgen]
    pub fn answer(op: &str, text: JsValue) -> Vec<u8> {
        let text_str = || text.as_string().unwrap_or_default();
        match op {
            "analyse" => {
                let text = text_str();
                report_for(&text, &diagnose(&text), lang()).to_wire()
            }
            "search" => {
                let bytes = text
                    .dyn_ref::<js_sys::Uint8Array>()
                    .map(|a| a.to_vec())
                    .unwrap_or_default();
                search_rows(&wire::decode::<Query>(&bytes).unwrap_or_default()).to_wire()
            }
            _ => nearest_rows(&text_str(), NEAREST).to_wire(),
        }
    }

    fn post(scope: &DedicatedWorkerGlobalScope, pairs: &[(&str, JsValue)]) {
        let msg = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
        }
        let _ = scope.post_message(&msg);
    }

    async fn analyse(scope: DedicatedWorkerGlobalScope, id: f64, text: String) {
        let total = text.len().max(1) as f64;
        let mut done = 0usize;
        let d = diagnose_chunked(&text, || {
            done += CHUNK_BYTES;
            post(
                &scope,
                &[("id", id.into()), ("progress", (done as f64 / total).min(1.0).into())],
            );
            std::future::ready(())
        })
        .await;
        post(
            &scope,
            &[
                ("id", id.into()),
                (
                    "report",
                    js_sys::Uint8Array::from(report_for(&text, &d, lang()).to_wire().as_slice()).into(),
                ),
            ],
        );
    }

    /// In a worker: answers requests, and says it is ready.
    pub fn serve() {
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
            return; // loaded in a page (the fallback): `analyse` is all it needs
        };
        let s = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let id = js_sys::Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
            let (op, text) = (get("op").as_string().unwrap_or_default(), get("text"));
            if op == "analyse" {
                wasm_bindgen_futures::spawn_local(analyse(s.clone(), id, text.as_string().unwrap_or_default()));
            } else {
                let rows = js_sys::Uint8Array::from(answer(&op, text).as_slice());
                post(&s, &[("id", id.into()), ("rows", rows.into())]);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&scope, &[("ready", true.into())]);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    imp::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
