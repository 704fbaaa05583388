//! The `okx-doctor` command-line tool. All logic is in `okx_doctor::cli` and `okx_doctor::core`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // Rust ignores SIGPIPE, so printing into a closed pipe (`okx-doctor explain log | head`)
    // would panic; like other command-line tools, end quietly instead.
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any other thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(okx_doctor::cli::run(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
