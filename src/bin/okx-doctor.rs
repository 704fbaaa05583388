//! The `okx-doctor` command-line tool. All logic is in `okx_doctor::cli` and `okx_doctor::core`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(okx_doctor::cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
