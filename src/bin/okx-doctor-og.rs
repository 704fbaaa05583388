//! Writes the link-preview image of every error page: `okx-doctor-og <site-root>` creates
//! `<site-root>/og/<code>.png` for each catalog entry (see `okx_doctor::site::og`) and prints how
//! many, their size and the time taken.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(root) = std::env::args().nth(1).filter(|a| !a.starts_with('-')) else {
        eprintln!("usage: okx-doctor-og <site-root>   (writes <site-root>/og/<code>.png)");
        std::process::exit(2);
    };
    let start = std::time::Instant::now();
    match okx_doctor::site::og::write_all(std::path::Path::new(&root)) {
        Ok(w) => println!(
            "okx-doctor-og: wrote {} images to {root}/og ({} bytes, {} KB on average, largest {} bytes) in {:.1} s",
            w.files,
            w.bytes,
            w.bytes / w.files.max(1) as u64 / 1024,
            w.largest,
            start.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("okx-doctor-og: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
