//! Browser entry point of the signature lab.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{island::start, sign::SignLab};
    okx_doctor::ui::web::start(start::<SignLab>);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
