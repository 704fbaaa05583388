//! Browser entry point of the wizard (its clock question embeds /embed/clock/), plus the shared islands.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{copy, embed, island::start, theme, web, wizard_page};
    web::start(|| {
        start::<theme::ThemeToggle>();
        start::<wizard_page::WizardIsland>();
        start::<copy::CopyButton>();
        start::<embed::EmbedPanel>();
        start::<embed::AutoHeight>();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
