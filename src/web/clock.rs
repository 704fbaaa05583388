//! Browser entry point of the clock check (also embedded), plus the shared islands.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{clock, copy, embed, island::start, theme, web};
    web::start(|| {
        start::<theme::ThemeToggle>();
        start::<clock::ClockCheck>();
        start::<copy::CopyButton>();
        start::<embed::EmbedPanel>();
        start::<embed::AutoHeight>();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
