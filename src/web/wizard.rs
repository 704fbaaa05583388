//! Browser entry point of the wizard and its inline clock check, plus the shared islands.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{clock, copy, embed, island::start, theme, web, wizard_page};
    web::start(|| {
        start::<theme::ThemeToggle>();
        start::<wizard_page::WizardIsland>();
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
