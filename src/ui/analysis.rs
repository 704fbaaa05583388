//! The page's connection to the analysis worker (`src/web/worker.rs`), which holds the engine
//! and the catalog: the paste box's analyses, the catalog's searches and the not-found page's
//! nearest codes go to a module worker, so the page stays responsive and its own wasm carries
//! neither. For each kind of request only the newest one's answers are delivered. Where no worker
//! can start (a sandboxed iframe has no origin of its own, so it may not start one), the worker's
//! module is loaded into the page instead and called directly. Natively requests are dropped.

use crate::core::catalog_rows::{Query, Rows};
use crate::core::lang::Lang;
use crate::core::paste_report::PasteReport;
use crate::t;

/// A request to the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Diagnose a paste.
    Analyse(String),
    /// Diagnose a large paste, kept as the browser's string (never copied into the wasm).
    AnalyseJs(js_sys::JsString),
    /// Search the catalog.
    Search(Query),
    /// The known codes nearest to this one.
    Nearest(String),
}

impl Request {
    /// The kind of request (only the newest of each kind is answered).
    pub fn op(&self) -> &'static str {
        match self {
            Request::Analyse(_) | Request::AnalyseJs(_) => "analyse",
            Request::Search(_) => "search",
            Request::Nearest(_) => "nearest",
        }
    }

    /// The request's argument as the worker reads it (`text`). Browser only.
    pub fn text(&self) -> wasm_bindgen::JsValue {
        match self {
            Request::Analyse(t) | Request::Nearest(t) => t.as_str().into(),
            Request::AnalyseJs(t) => t.clone().into(),
            Request::Search(q) => js_sys::Uint8Array::from(crate::core::wire::encode(q).as_slice()).into(),
        }
    }
}

/// What the worker reports about the newest request of a kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Update {
    /// Share of a large paste read so far (0..=1).
    Progress(f64),
    /// A paste's report.
    Done(PasteReport),
    /// Catalog rows.
    Rows(Rows),
    /// The request could not be answered.
    Failed(Failure),
}

/// Why a request could not be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// This build has no analysis worker.
    NoWorker,
    /// The worker sent an answer the page cannot read.
    Unreadable,
    /// No worker could start, and the analysis could not be loaded into the page either.
    NotLoaded,
}

impl Failure {
    /// Why, in words (a clause: the paste box puts it into a sentence).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Failure::NoWorker => t!(lang, "this build has no analysis worker", "当前页面缺少分析模块"),
            Failure::Unreadable => t!(
                lang,
                "the analysis sent an answer this page cannot read",
                "分析模块返回的结果无法读取"
            ),
            Failure::NotLoaded => t!(
                lang,
                "the analysis could not be loaded on this page",
                "无法在此页面加载分析模块"
            ),
        }
    }
}

/// Reads an answer's bytes (`report` or `rows`, see [`crate::core::wire`]).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn parse(kind: &str, bytes: &[u8]) -> Update {
    let parsed = match kind {
        "report" => PasteReport::from_wire(bytes).map(Update::Done),
        _ => Rows::from_wire(bytes).map(Update::Rows),
    };
    parsed.unwrap_or(Update::Failed(Failure::Unreadable))
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

pub use imp::{request, warm_up};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{parse, Failure, Request, Update, WorkerFiles};
    use std::cell::RefCell;
    use std::collections::HashMap;
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
        /// No worker can run here: answer in the page.
        in_page: bool,
        next_id: u32,
        /// The newest request of each kind: its id and callback.
        newest: HashMap<&'static str, (u32, Callback)>,
        /// Requests made before the worker said it was ready.
        unsent: Vec<(u32, Request)>,
    }

    thread_local! {
        static CLIENT: RefCell<Client> = RefCell::new(Client::default());
    }

    fn deliver(id: u32, update: Update) {
        let cb = CLIENT.with_borrow(|c| c.newest.values().find(|(i, _)| *i == id).map(|(_, cb)| cb.clone()));
        if let Some(cb) = cb {
            cb(update);
        }
    }

    fn on_message(e: MessageEvent) {
        let data = e.data();
        let get = |k: &str| {
            js_sys::Reflect::get(&data, &k.into())
                .ok()
                .filter(|v| !v.is_undefined())
        };
        if get("ready").is_some() {
            let pending = CLIENT.with_borrow_mut(|c| {
                c.ready = true;
                std::mem::take(&mut c.unsent)
            });
            for (id, r) in pending {
                send(id, &r);
            }
            return;
        }
        let id = get("id").and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
        if let Some(p) = get("progress").and_then(|v| v.as_f64()) {
            deliver(id, Update::Progress(p));
        }
        for kind in ["report", "rows"] {
            if let Some(bytes) = get(kind).and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) {
                deliver(id, parse(kind, &bytes.to_vec()));
            }
        }
    }

    /// The worker failed to start or crashed: answer in the page from now on.
    fn on_error() {
        let pending = CLIENT.with_borrow_mut(|c| {
            c.in_page = true;
            c.worker = None;
            c.ready = false;
            std::mem::take(&mut c.unsent)
        });
        for (id, r) in pending {
            in_page(id, r);
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

    /// Starts the worker ahead of the first request (its wasm loads while the user reads).
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

    fn send(id: u32, r: &Request) {
        CLIENT.with_borrow(|c| {
            if let Some(w) = &c.worker {
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"id".into(), &id.into());
                let _ = js_sys::Reflect::set(&msg, &"op".into(), &r.op().into());
                let _ = js_sys::Reflect::set(&msg, &"text".into(), &r.text());
                let _ = w.post_message(&msg);
            }
        });
    }

    fn in_page(id: u32, r: Request) {
        let Some(files) = CLIENT.with_borrow(|c| c.files.clone()) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let result = async {
                let module = wasm_bindgen_futures::JsFuture::from(load_module(&files.glue)).await?;
                let init: js_sys::Function = js_sys::Reflect::get(&module, &"default".into())?.dyn_into()?;
                let opts = js_sys::Object::new();
                js_sys::Reflect::set(&opts, &"module_or_path".into(), &files.wasm.as_str().into())?;
                wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(init.call1(&JsValue::NULL, &opts)?)).await?;
                let answer: js_sys::Function = js_sys::Reflect::get(&module, &"answer".into())?.dyn_into()?;
                answer.call2(&JsValue::NULL, &r.op().into(), &r.text())
            }
            .await;
            let kind = if r.op() == "analyse" { "report" } else { "rows" };
            let update = match result.ok().and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) {
                Some(bytes) => parse(kind, &bytes.to_vec()),
                None => Update::Failed(Failure::NotLoaded),
            };
            deliver(id, update);
        });
    }

    /// Sends `r`; `callback` gets its updates until a newer request of the same kind is made. It
    /// may be called after its component is gone: it must only use `try_` signal methods.
    pub fn request(files: WorkerFiles, r: Request, callback: impl Fn(Update) + 'static) {
        warm_up(files);
        let (id, in_page_now, ready) = CLIENT.with_borrow_mut(|c| {
            c.next_id = c.next_id.wrapping_add(1);
            let id = c.next_id;
            c.newest.insert(r.op(), (id, Rc::new(callback)));
            c.unsent.retain(|(_, u)| u.op() != r.op());
            (id, c.in_page, c.ready)
        });
        if in_page_now {
            in_page(id, r);
        } else if ready {
            send(id, &r);
        } else {
            CLIENT.with_borrow_mut(|c| c.unsent.push((id, r)));
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Update, WorkerFiles};

    use super::Request;

    pub fn warm_up(_files: WorkerFiles) {}
    pub fn request(_files: WorkerFiles, _r: Request, _callback: impl Fn(Update) + 'static) {}
}
