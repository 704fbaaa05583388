//! The paste box's connection to the analysis worker (`src/web/worker.rs`): requests go to a
//! module worker so the page stays responsive on any paste; only the newest request's answers
//! are delivered. Where no worker can start (a sandboxed iframe has no origin of its own, so it
//! may not start one), the worker's module is loaded into the page instead and called directly.
//! Natively there is nothing to analyse with: requests are dropped.

use crate::core::paste_report::PasteReport;

/// What the analysis reports about the newest request.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// Share of a large paste read so far (0..=1).
    Progress(f64),
    /// The report.
    Done(PasteReport),
    /// The analysis could not run.
    Failed(String),
}

/// The files of the analysis worker, from its Trunk output name (`okx-doctor-worker-<hash>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerFiles {
    /// The module the worker starts with (written by the generator next to the glue).
    pub start: String,
    /// wasm-bindgen's JS glue.
    pub glue: String,
    /// The wasm.
    pub wasm: String,
}

impl WorkerFiles {
    /// The files of `name` under the base path `base`.
    pub fn new(base: &str, name: &str) -> Self {
        WorkerFiles {
            start: format!("{base}{name}-start.js"),
            glue: format!("{base}{name}.js"),
            wasm: format!("{base}{name}_bg.wasm"),
        }
    }

    /// The start module's text: loads the glue and the wasm (paths relative to itself).
    pub fn start_module(name: &str) -> String {
        format!("import init from \"./{name}.js\";\ninit({{module_or_path:new URL(\"./{name}_bg.wasm\",import.meta.url)}});\n")
    }
}

pub use imp::{analyse, warm_up};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Update, WorkerFiles};
    use crate::core::paste_report::PasteReport;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

    #[wasm_bindgen(inline_js = "export function load_module(url) { return import(url); }")]
    extern "C" {
        fn load_module(url: &str) -> js_sys::Promise;
    }

    type Callback = Rc<dyn Fn(Update)>;

    /// The one client of the page.
    #[derive(Default)]
    struct Client {
        files: Option<WorkerFiles>,
        worker: Option<Worker>,
        ready: bool,
        /// No worker can run here: analyse in the page.
        in_page: bool,
        /// The newest request: its id, text (until sent) and callback.
        id: u32,
        unsent: Option<String>,
        callback: Option<Callback>,
    }

    thread_local! {
        static CLIENT: RefCell<Client> = RefCell::new(Client::default());
    }

    fn deliver(id: u32, update: Update) {
        let cb = CLIENT.with_borrow(|c| (c.id == id).then(|| c.callback.clone()).flatten());
        if let Some(cb) = cb {
            cb(update);
        }
    }

    fn on_message(e: MessageEvent) {
        let data = e.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok().filter(|v| !v.is_undefined());
        if get("ready").is_some() {
            let pending = CLIENT.with_borrow_mut(|c| {
                c.ready = true;
                c.unsent.take().map(|t| (c.id, t))
            });
            if let Some((id, text)) = pending {
                send(id, &text);
            }
            return;
        }
        let id = get("id").and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
        if let Some(p) = get("progress").and_then(|v| v.as_f64()) {
            deliver(id, Update::Progress(p));
        } else if let Some(r) = get("report").and_then(|v| v.as_string()) {
            let update = match PasteReport::from_json(&r) {
                Some(r) => Update::Done(r),
                None => Update::Failed("the analysis sent an answer this page cannot read".into()),
            };
            deliver(id, update);
        }
    }

    /// The worker failed to start or crashed: analyse in the page from now on.
    fn on_error() {
        let pending = CLIENT.with_borrow_mut(|c| {
            c.in_page = true;
            c.worker = None;
            c.ready = false;
            let text = c.unsent.take();
            (c.id, text)
        });
        if let (id, Some(text)) = pending {
            in_page(id, text);
        }
    }

    fn start_worker(files: &WorkerFiles) -> Option<Worker> {
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&files.start, &opts).ok()?;
        let msg = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
        worker.set_onmessage(Some(msg.as_ref().unchecked_ref()));
        msg.forget();
        let err = Closure::<dyn FnMut()>::new(on_error);
        worker.set_onerror(Some(err.as_ref().unchecked_ref()));
        err.forget();
        Some(worker)
    }

    /// Starts the worker ahead of the first paste (its wasm loads while the user reads).
    pub fn warm_up(files: WorkerFiles) {
        CLIENT.with_borrow_mut(|c| {
            if c.files.is_none() {
                c.files = Some(files.clone());
            }
            if c.worker.is_none() && !c.in_page {
                c.worker = start_worker(&files);
                c.in_page = c.worker.is_none();
            }
        });
    }

    fn send(id: u32, text: &str) {
        CLIENT.with_borrow(|c| {
            if let Some(w) = &c.worker {
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"id".into(), &id.into());
                let _ = js_sys::Reflect::set(&msg, &"text".into(), &text.into());
                let _ = w.post_message(&msg);
            }
        });
    }

    fn in_page(id: u32, text: String) {
        let Some(files) = CLIENT.with_borrow(|c| c.files.clone()) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let result = async {
                let module = wasm_bindgen_futures::JsFuture::from(load_module(&files.glue)).await?;
                let init: js_sys::Function = js_sys::Reflect::get(&module, &"default".into())?.dyn_into()?;
                let opts = js_sys::Object::new();
                js_sys::Reflect::set(&opts, &"module_or_path".into(), &files.wasm.as_str().into())?;
                wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(init.call1(&JsValue::NULL, &opts)?)).await?;
                let analyse: js_sys::Function = js_sys::Reflect::get(&module, &"analyse".into())?.dyn_into()?;
                analyse.call1(&JsValue::NULL, &text.as_str().into())
            }
            .await;
            let update = match result.ok().and_then(|v| v.as_string()).and_then(|s| PasteReport::from_json(&s)) {
                Some(r) => Update::Done(r),
                None => Update::Failed("the analysis could not be loaded on this page".into()),
            };
            deliver(id, update);
        });
    }

    /// Analyses `text`; `callback` gets the updates of this request until a newer one is made.
    /// It may be called after its component is gone: it must only use `try_` signal methods.
    pub fn analyse(files: WorkerFiles, text: String, callback: impl Fn(Update) + 'static) {
        warm_up(files);
        let (id, in_page_now, ready) = CLIENT.with_borrow_mut(|c| {
            c.id = c.id.wrapping_add(1);
            c.callback = Some(Rc::new(callback));
            c.unsent = None;
            (c.id, c.in_page, c.ready)
        });
        if in_page_now {
            in_page(id, text);
        } else if ready {
            send(id, &text);
        } else {
            CLIENT.with_borrow_mut(|c| c.unsent = Some(text));
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Update, WorkerFiles};

    pub fn warm_up(_files: WorkerFiles) {}
    pub fn analyse(_files: WorkerFiles, _text: String, _callback: impl Fn(Update) + 'static) {}
}
