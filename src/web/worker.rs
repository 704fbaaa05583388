//! The paste analysis, off the page's main thread: the same core engine, compiled to its own wasm
//! and run as a module worker started by the paste box (`src/ui/analysis.rs`). It answers each
//! request `{id, text}` with progress messages `{id, progress}` between chunks of a large paste,
//! then `{id, report}` (the paste box's `PasteReport` as JSON). Where a page cannot start a worker
//! (a sandboxed iframe has no origin of its own), the paste box loads this module in the page and
//! calls [`analyse`] directly.

#[cfg(target_arch = "wasm32")]
mod imp {
    use okx_doctor::core::diagnose::{diagnose, diagnose_chunked, CHUNK_BYTES};
    use okx_doctor::core::paste_report::report;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// Analyses `text` in this thread and returns the paste report as JSON.
    #[wasm_bindgen]
    pub fn analyse(text: &str) -> String {
        report(&diagnose(text)).to_json()
    }

    fn post(scope: &DedicatedWorkerGlobalScope, pairs: &[(&str, JsValue)]) {
        let msg = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
        }
        let _ = scope.post_message(&msg);
    }

    async fn answer(scope: DedicatedWorkerGlobalScope, id: f64, text: String) {
        let total = text.len().max(1) as f64;
        let mut done = 0usize;
        let d = diagnose_chunked(&text, || {
            done += CHUNK_BYTES;
            post(&scope, &[("id", id.into()), ("progress", (done as f64 / total).min(1.0).into())]);
            std::future::ready(())
        })
        .await;
        post(&scope, &[("id", id.into()), ("report", report(&d).to_json().into())]);
    }

    /// In a worker: answers requests, and says it is ready.
    pub fn serve() {
        let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
            return; // loaded in a page (the fallback): `analyse` is all it needs
        };
        let s = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
            let text = js_sys::Reflect::get(&data, &"text".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
            wasm_bindgen_futures::spawn_local(answer(s.clone(), id, text));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&scope, &[("ready", true.into())]);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    imp::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
