//! Browser entry point of the wizard (its clock question embeds `/embed/clock/`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{island::start, wizard_page::WizardIsland};
    okx_doctor::ui::web::start(start::<WizardIsland>);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
