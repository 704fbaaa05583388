//! Post-build step for the static site: writes a real HTML file for every route, from Trunk's
//! `dist/index.html` as the template, plus `sitemap.xml` and `robots.txt`.
//!
//! Usage: `okx-doctor-site --dist dist [--base /some/path/] [--origin https://example.org]
//!         [--template path/to/index.html] [--bundle page=path/to/index.html ...]`
//!
//! `--bundle NAME=FILE` gives the Trunk output page of a build with only that bundle's pages
//! (`src/core/routes.rs`, `Bundle`); routes of a bundle without one use `--template`. `./dev
//! build` passes `page` and `tools` and builds `home` into `dist/` itself.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(summary) => println!("{summary}"),
        Err(e) => {
            eprintln!("okx-doctor-site: {e}");
            std::process::exit(2);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str =
    "usage: okx-doctor-site --dist <dir> [--base /some/path/] [--origin https://example.org] [--template <file>] [--bundle home|page|tools=<file> ...]";

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<String, String> {
    use okx_doctor::core::pages;
    use okx_doctor::core::routes::{normalize_base, Bundle};
    use std::collections::HashMap;
    use std::path::PathBuf;

    let mut dist: Option<PathBuf> = None;
    let mut base = "/".to_string();
    let mut origin: Option<String> = None;
    let mut template: Option<PathBuf> = None;
    let mut bundles: HashMap<Bundle, PathBuf> = HashMap::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--dist" => dist = Some(PathBuf::from(value("--dist")?)),
            "--base" => base = value("--base")?,
            "--origin" => origin = Some(value("--origin")?),
            "--template" => template = Some(PathBuf::from(value("--template")?)),
            "--bundle" => {
                let v = value("--bundle")?;
                let (name, file) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--bundle needs NAME=FILE, got `{v}`\n{USAGE}"))?;
                let b = Bundle::from_name(name)
                    .ok_or_else(|| format!("unknown bundle `{name}` (home, page or tools)\n{USAGE}"))?;
                bundles.insert(b, PathBuf::from(file));
            }
            "-h" | "--help" => return Ok(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let dist = dist.ok_or_else(|| format!("--dist is required\n{USAGE}"))?;
    let base = normalize_base(&base);
    if let Some(o) = &origin {
        let ok = (o.starts_with("https://") || o.starts_with("http://"))
            && !o.contains(['"', '<', '>', ' ', '\'', '?', '#'])
            && o.trim_end_matches('/').matches('/').count() == 2;
        if !ok {
            return Err(format!(
                "--origin must look like https://example.org (no path), got `{o}`"
            ));
        }
    }
    let origin = origin.map(|o| o.trim_end_matches('/').to_string());
    let template_path = template.unwrap_or_else(|| dist.join("index.html"));
    let read = |path: &PathBuf| -> Result<String, String> {
        let t = std::fs::read_to_string(path).map_err(|e| format!("cannot read template {}: {e}", path.display()))?;
        pages::check_template(&t).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(t)
    };
    let default_template = read(&template_path)?;
    let mut templates: HashMap<Bundle, String> = HashMap::new();
    for b in Bundle::ALL {
        let t = match bundles.get(&b) {
            Some(path) => read(path)?,
            None => default_template.clone(),
        };
        templates.insert(b, t);
    }
    // Every page carries the strict CSP, with the hashes of Trunk's inline loaders (one per
    // bundle; one policy for the whole site, as `_headers` has one).
    let mut hashes: Vec<String> = Vec::new();
    for b in Bundle::ALL {
        for h in okx_doctor::core::csp::inline_script_hashes(&templates[&b]) {
            if !hashes.contains(&h) {
                hashes.push(h);
            }
        }
    }
    let policy = okx_doctor::core::csp::policy(&hashes);
    for t in templates.values_mut() {
        *t = okx_doctor::core::csp::apply_meta_with(t, &policy);
    }
    let headers = dist.join("_headers");
    if let Ok(h) = std::fs::read_to_string(&headers) {
        let prefix = base.trim_end_matches('/');
        let filled: Vec<String> = h
            .lines()
            .map(|l| {
                let l = l.replace("__OKX_DOCTOR_CSP__", &policy);
                if l.starts_with('/') {
                    format!("{prefix}{l}")
                } else {
                    l
                }
            })
            .collect();
        std::fs::write(&headers, filled.join("\n") + "\n")
            .map_err(|e| format!("cannot write {}: {e}", headers.display()))?;
    }

    let mut count = 0usize;
    let mut bytes = 0u64;
    let mut write = |rel: &str, text: &str| -> Result<(), String> {
        let path = dist.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += text.len() as u64;
        Ok(())
    };
    for route in pages::all_routes() {
        let page = pages::page(&route, &base).ok_or_else(|| format!("no page for {route:?}"))?;
        let html = page.fill(&templates[&route.bundle()], &base, origin.as_deref())?;
        write(&page.file_path(), &html)?;
        count += 1;
    }
    write("sitemap.xml", &pages::sitemap_xml(&base, origin.as_deref()))?;
    write("robots.txt", &pages::robots_txt(&base, origin.as_deref()))?;
    Ok(format!(
        "okx-doctor-site: wrote {count} pages + sitemap.xml + robots.txt ({bytes} bytes) to {} (base {base})",
        dist.display()
    ))
}
