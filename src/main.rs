//! The browser app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    okx_doctor::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("okx-doctor-web is the browser app: build it with `trunk build` (see README.md). The native tool is `okx-doctor`.");
    std::process::exit(2);
}
