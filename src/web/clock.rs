//! Browser entry point of the clock check (also embedded).

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{clock::ClockCheck, island::start};
    okx_doctor::ui::web::start(start::<ClockCheck>);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
