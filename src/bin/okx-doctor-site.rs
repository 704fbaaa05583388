//! The static-site generator: writes a real HTML file for every route, rendered from the views,
//! plus `sitemap.xml`, `robots.txt` and the filled `_headers`, into a folder that already holds
//! the browser entry points and the static files (`./dev build` builds those with Trunk first).
//!
//! Usage: `okx-doctor-site --dist dist [--base /some/path/] [--origin https://example.org]
//!         [--bundle page=target/web/page ...] [--css style/main.css] [--theme public/theme.js]
//!         [--test-hooks]`
//!
//! `--bundle NAME=DIR` names the Trunk output folder of a bundle's entry point (`home`, `page`,
//! `wizard`, `clock`, `sign`; `src/core/routes.rs`, `Bundle`): its `okx-doctor-NAME-*.js` and `*_bg.wasm` are
//! copied into `--dist` and loaded by that bundle's pages. `--test-hooks` allows loopback
//! connections in the CSP (the clock check's test server): for the builds the tests use only.
//! `--worker DIR` names the analysis worker's Trunk output folder: its files are copied and a
//! small start module is written next to them (`okx-doctor-worker-<hash>-start.js`).
//! Every page is written in English and, under `zh/`, in Simplified Chinese; each language has its
//! own wasm builds (`src/core/lang.rs`): `--bundle NAME-zh=DIR` and `--worker-zh DIR` name the
//! Chinese ones.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match run() {
        Ok(summary) => println!("{summary}"),
        Err(e) => {
            eprintln!("okx-doctor-site: {e}\n{USAGE}");
            std::process::exit(2);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: okx-doctor-site --dist <dir> [--base /some/path/] [--origin https://example.org] \
[--bundle home|page|wizard|clock|sign[-zh]=<trunk output dir> ...] [--worker <dir>] [--worker-zh <dir>] [--css <file>] [--theme <file>] [--test-hooks]";

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<String, String> {
    use okx_doctor::core::lang::Lang;
    use okx_doctor::core::routes::{normalize_base, Bundle};
    use okx_doctor::site::{write_site, Config};
    use std::path::PathBuf;

    let mut dist: Option<PathBuf> = None;
    let mut config = Config {
        base: "/".into(),
        ..Default::default()
    };
    let mut css = PathBuf::from("style/main.css");
    let mut theme = PathBuf::from("public/theme.js");
    let mut bundles: Vec<(Lang, Bundle, PathBuf)> = Vec::new();
    let mut workers: Vec<(Lang, PathBuf)> = Vec::new();
    let mut parser = lexopt::Parser::from_env();
    let value = |p: &mut lexopt::Parser| -> Result<String, String> {
        p.value()
            .map_err(|e| e.to_string())?
            .into_string()
            .map_err(|_| "a value is not UTF-8".to_string())
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        use lexopt::Arg::Long;
        match arg {
            Long("dist") => dist = Some(value(&mut parser)?.into()),
            Long("base") => config.base = value(&mut parser)?,
            Long("origin") => config.origin = Some(check_origin(&value(&mut parser)?)?),
            Long("css") => css = value(&mut parser)?.into(),
            Long("theme") => theme = value(&mut parser)?.into(),
            Long("test-hooks") => config.test_hooks = true,
            Long("worker") => workers.push((Lang::En, PathBuf::from(value(&mut parser)?))),
            Long("worker-zh") => workers.push((Lang::Zh, PathBuf::from(value(&mut parser)?))),
            Long("bundle") => {
                let v = value(&mut parser)?;
                let (name, dir) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--bundle needs NAME=DIR, got `{v}`"))?;
                let (name, lang) = match name.strip_suffix("-zh") {
                    Some(n) => (n, Lang::Zh),
                    None => (name, Lang::En),
                };
                let b = Bundle::from_name(name).ok_or_else(|| {
                    format!("unknown bundle `{name}` (home, page, wizard, clock or sign, each with -zh for Chinese)")
                })?;
                bundles.push((lang, b, dir.into()));
            }
            Long("help") => return Ok(USAGE.to_string()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let dist = dist.ok_or("--dist is required")?;
    config.base = normalize_base(&config.base);
    let read = |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    config.css = read(&css)?;
    config.theme_js = read(&theme)?;
    for (lang, b, dir) in bundles {
        let loader = copy_entry(&format!("okx-doctor-{}-", b.name()), &dir, &dist)?;
        config.loaders.insert((lang, b), loader);
    }
    for (lang, dir) in workers {
        let files = copy_entry("okx-doctor-worker-", &dir, &dist)?;
        let name = files.js.trim_end_matches(".js").to_string();
        let start = dist.join(format!("{name}-start.js"));
        std::fs::write(&start, okx_doctor::ui::analysis::WorkerFiles::start_module(&name))
            .map_err(|e| format!("cannot write {}: {e}", start.display()))?;
        config.workers.insert(lang, name);
    }
    let w = write_site(&dist, &config)?;
    Ok(format!(
        "okx-doctor-site: wrote {} pages + sitemap.xml + robots.txt ({} bytes) to {} (base {}, {} entry points{})",
        w.pages,
        w.bytes,
        dist.display(),
        config.base,
        config.loaders.len(),
        if config.test_hooks { ", test hooks" } else { "" }
    ))
}

/// An origin must look like `https://example.org` (no path, nothing to escape).
#[cfg(not(target_arch = "wasm32"))]
fn check_origin(o: &str) -> Result<String, String> {
    let ok = (o.starts_with("https://") || o.starts_with("http://"))
        && !o.contains(['"', '<', '>', ' ', '\'', '?', '#'])
        && o.trim_end_matches('/').matches('/').count() == 2;
    if ok {
        Ok(o.trim_end_matches('/').to_string())
    } else {
        Err(format!(
            "--origin must look like https://example.org (no path), got `{o}`"
        ))
    }
}

/// Finds an entry point's files (`<prefix><hash>.js`, `…_bg.wasm`, and wasm-bindgen's
/// `snippets/`) in its Trunk output folder and copies them into `dist`.
#[cfg(not(target_arch = "wasm32"))]
fn copy_entry(
    prefix: &str,
    dir: &std::path::Path,
    dist: &std::path::Path,
) -> Result<okx_doctor::ui::shell::Loader, String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .filter(|n| n.starts_with(prefix))
        .collect();
    let find = |suffix: &str| {
        names
            .iter()
            .find(|n| n.ends_with(suffix) && (suffix != ".js" || !n.ends_with("_bg.js")))
            .cloned()
            .ok_or_else(|| format!("no {prefix}*{suffix} in {}", dir.display()))
    };
    let js = find(".js")?;
    let wasm = find("_bg.wasm")?;
    for f in [&js, &wasm] {
        std::fs::copy(dir.join(f), dist.join(f)).map_err(|e| format!("cannot copy {f}: {e}"))?;
    }
    copy_dir(&dir.join("snippets"), &dist.join("snippets"))?;
    Ok(okx_doctor::ui::shell::Loader { js, wasm })
}

/// Copies a folder's files recursively (nothing when it does not exist).
#[cfg(not(target_arch = "wasm32"))]
fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(());
    };
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for e in entries.flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|err| format!("cannot copy {}: {err}", src.display()))?;
        }
    }
    Ok(())
}
