//! Browser entry point of the error pages (`/e/<code>/`, `/embed/e/<code>/`): copy buttons, the
//! theme button, the embed panel and embed auto-height.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{copy, embed, island::start, theme, web};
    web::start(|| {
        start::<theme::ThemeToggle>();
        start::<copy::CopyButton>();
        start::<embed::EmbedPanel>();
        start::<embed::AutoHeight>();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
