//! okx-doctor: a troubleshooter for OKX API v5 errors.
//!
//! - [`core`] is the pure domain logic (catalog, paste parsing, matching, wizard, clock maths,
//!   signatures, URL building). It has no Leptos or web-sys imports, so it is tested natively and
//!   shared by the browser app, the command-line tool and the static-page generator.
//! - `ui` (wasm32 only) renders what the core decides, with Leptos.
//! - `cli` (native only) is the `okx-doctor` command-line tool.
//! - `site` (native only) makes what the static-site generator adds at build time (`site::og`).

pub mod core;

#[cfg(target_arch = "wasm32")]
// A build with only some bundles (`./dev build` builds one per bundle) leaves the other pages'
// components unused; that is the point, so it is not warned about there.
#[cfg_attr(
    not(all(feature = "bundle-home", feature = "bundle-page", feature = "bundle-tools")),
    allow(dead_code, unused_imports)
)]
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

/// Build-time parts of the static site that the browser never needs (link-preview images).
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
