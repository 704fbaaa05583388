//! What every browser entry point (`src/web/*.rs`) does around starting its islands.

/// Starts a page's own islands and the ones every page may carry (theme button, copy buttons,
/// embed panel, embed auto-height), then marks `<html data-started>` (what tests wait for). Debug
/// builds print panics to the console; release builds leave the hook out (its formatting code is
/// about a tenth of a small entry point's wasm).
#[cfg(target_arch = "wasm32")]
pub fn start(own_islands: impl FnOnce()) {
    use super::island::start;
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    own_islands();
    start::<super::theme::ThemeToggle>();
    start::<super::copy::CopyButton>();
    start::<super::embed::EmbedPanel>();
    start::<super::embed::AutoHeight>();
    super::browser::set_root_attr("data-started", Some(""));
}

/// The entry points are browser programs; natively they only say so.
pub fn native_hint() {
    eprintln!("okx-doctor-page/-home/-tools are the browser entry points: build them with `./dev build` (see README.md). The native tool is `okx-doctor`.");
    std::process::exit(2);
}
