//! okx-doctor: a troubleshooter for OKX API v5 errors.
//!
//! The flow: data (`data/`) → [`core`] (pure domain logic: catalog, paste parsing, matching,
//! wizard, clock maths, signatures, URLs; no Leptos or web-sys) → [`ui`] (Leptos views, compiled
//! natively and for wasm) → natively, [`site`] renders every page to static HTML; in the browser,
//! `src/web/*.rs` start the interactive islands on it. [`cli`] is the native command-line tool.

pub mod core;
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(not(target_arch = "wasm32"))]
pub mod site;
