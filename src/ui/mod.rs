//! The browser UI (wasm32 only). Views render what `crate::core` decides; URL handling goes
//! through `crate::core::routes`.

pub mod app;
pub mod catalog;
pub mod clock;
pub mod embed;
pub mod error_page;
pub mod paste;
pub mod sign;
pub mod theme;
pub mod util;
pub mod wizard;
pub mod wizard_page;

/// Removes the pre-rendered static content and mounts the app.
pub fn start() {
    if let Some(el) = leptos::prelude::document().get_element_by_id("prerender") {
        el.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
