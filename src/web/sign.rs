//! Browser entry point of the signature lab, plus the shared islands.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{copy, embed, island::start, sign, theme, web};
    web::start(|| {
        start::<theme::ThemeToggle>();
        start::<sign::SignLab>();
        start::<copy::CopyButton>();
        start::<embed::EmbedPanel>();
        start::<embed::AutoHeight>();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
