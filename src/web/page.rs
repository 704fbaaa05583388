//! Browser entry point of the error pages and `/codes/`: only the islands every page may carry.

#[cfg(target_arch = "wasm32")]
fn main() {
    okx_doctor::ui::web::start(|| {});
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
