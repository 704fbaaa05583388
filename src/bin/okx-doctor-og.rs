//! Writes the link-preview image of every error page: `okx-doctor-og <site-root>` creates
//! `<site-root>/og/<code>.png` and `<site-root>/zh/og/<code>.png` for each catalog entry (see
//! `okx_doctor::site::og`) and prints how many, their size and the time taken per language.
//! `okx-doctor-og --cjk-chars` prints the characters the CJK font subset must have (what
//! `tools/subset-cjk-font.sh` cuts it to).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use okx_doctor::core::lang::Lang;
    use okx_doctor::site::og;
    let arg = std::env::args().nth(1);
    if arg.as_deref() == Some("--cjk-chars") {
        println!("{}", og::cjk_chars());
        return;
    }
    let Some(root) = arg.filter(|a| !a.starts_with('-')) else {
        eprintln!(
            "usage: okx-doctor-og <site-root>   (writes <site-root>/og/<code>.png and <site-root>/zh/og/<code>.png)"
        );
        eprintln!("       okx-doctor-og --cjk-chars  (prints the characters the CJK font subset needs)");
        std::process::exit(2);
    };
    let root = std::path::Path::new(&root);
    for lang in Lang::ALL {
        let start = std::time::Instant::now();
        match og::write_for(root, lang, okx_doctor::core::catalog::entries()) {
            Ok(w) => println!(
                "okx-doctor-og: wrote {} images to {} ({} bytes, {} KB on average, largest {} bytes) in {:.1} s",
                w.files,
                root.join(og::image_dir(lang)).display(),
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
}

#[cfg(target_arch = "wasm32")]
fn main() {}
