//! The static-site generator (native only): renders every route's view (`src/ui/pages`) inside
//! the document shell to an HTML file, and writes `sitemap.xml`, `robots.txt` and `_headers`.
//! Used by `okx-doctor-site` after the browser entry points are built.

pub mod og;

use crate::core::csp::{self, Inline};
use crate::core::html::escape;
use crate::core::lang::Lang;
use crate::core::pages::{self, PageMeta};
use crate::core::routes::{normalize_base, Bundle, Route};
use crate::ui::env::Env;
use crate::ui::pages::page_view;
use crate::ui::shell::{Assets, Document, Loader};
use leptos::prelude::*;
use std::collections::HashMap;

/// Everything the generator needs to know about one build of the site.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// `/` or `/some/path/`.
    pub base: String,
    /// `https://example.org`, when known (canonical links, `og:url`, the sitemap's locations).
    pub origin: Option<String>,
    /// The stylesheet (inlined into every page).
    pub css: String,
    /// The theme script (inlined into every page).
    pub theme_js: String,
    /// Each bundle's entry files per language (a page of a bundle without one has no script:
    /// text only). Each language has its own builds (`src/core/lang.rs`).
    pub loaders: HashMap<(Lang, Bundle), Loader>,
    /// The analysis worker's Trunk output name (`okx-doctor-worker-<hash>`) per language, when built.
    pub workers: HashMap<Lang, String>,
    /// Allow loopback connections for the tests' clock server (never in a deployed build).
    pub test_hooks: bool,
}

impl Config {
    /// The environment pages in `lang` are rendered in.
    pub fn env(&self, lang: Lang) -> Env {
        Env {
            worker: self.workers.get(&lang).cloned(),
            ..Env::new(&self.base, self.origin.as_deref()).with_lang(lang)
        }
    }

    /// The one policy of the whole site: the hashes of every inline part any page carries.
    pub fn csp(&self) -> String {
        let mut scripts = vec![csp::hash_source(&self.theme_js)];
        for lang in Lang::ALL {
            for b in Bundle::ALL {
                if let Some(l) = self.loaders.get(&(lang, b)) {
                    scripts.push(csp::hash_source(&l.script(&normalize_base(&self.base))));
                }
            }
        }
        csp::policy(&Inline {
            scripts,
            styles: vec![csp::hash_source(&self.css)],
            test_hooks: self.test_hooks,
        })
    }
}

/// Renders one route's English page to a complete HTML document (`None`: no such page).
pub fn render(route: &Route, config: &Config) -> Option<String> {
    render_in(route, Lang::En, config)
}

/// Renders one route's page in `lang` to a complete HTML document (`None`: no such page).
pub fn render_in(route: &Route, lang: Lang, config: &Config) -> Option<String> {
    render_with(route, lang, config, &config.csp())
}

fn render_with(route: &Route, lang: Lang, config: &Config, policy: &str) -> Option<String> {
    let meta: PageMeta = pages::meta_in(route, lang)?;
    // A route whose view does not exist (an unknown code) has no metadata either.
    let env = config.env(lang);
    let assets = Assets {
        css: config.css.clone(),
        theme_js: config.theme_js.clone(),
        csp: policy.to_string(),
        loader: config.loaders.get(&(lang, route.bundle())).cloned(),
    };
    let image = link_preview(route, lang, config);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(env);
        let route = route.clone();
        view! { <Document meta=meta assets=assets image=image>{page_view(&route)}</Document> }.to_html()
    });
    Some(format!("<!DOCTYPE html>\n{html}\n"))
}

/// The absolute URL of an error page's link-preview image in `lang` (`og:image` must be absolute,
/// so only a build that knows its origin has them; [`write_site`] then writes the images).
fn link_preview(route: &Route, lang: Lang, config: &Config) -> Option<String> {
    let origin = config.origin.as_ref()?;
    match route {
        Route::Error(code) => Some(format!(
            "{origin}{}{}",
            normalize_base(&config.base),
            og::image_path(lang, code)
        )),
        _ => None,
    }
}

/// `sitemap.xml` listing every indexable route in both languages, each with its `hreflang`
/// alternates. Without `origin` the locations are path-absolute (pass an origin for a sitemap
/// search engines accept).
pub fn sitemap_xml(base: &str, origin: Option<&str>) -> String {
    let mut o = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let url = |r: &Route, l: Lang| escape(&format!("{}{}", origin.unwrap_or(""), r.href_in(base, l)));
    for r in pages::all_routes().iter().filter(|r| pages::is_indexable(r)) {
        for lang in Lang::ALL {
            o.push_str(&format!("<url><loc>{}</loc>", url(r, lang)));
            for alt in Lang::ALL {
                o.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    alt.tag(),
                    url(r, alt)
                ));
            }
            o.push_str("</url>\n");
        }
    }
    o.push_str("</urlset>\n");
    o
}

/// `robots.txt`: everything allowed; the sitemap line only with an origin (it must be absolute).
pub fn robots_txt(base: &str, origin: Option<&str>) -> String {
    let mut o = String::from("User-agent: *\nAllow: /\n");
    if let Some(orig) = origin {
        o.push_str(&format!("Sitemap: {orig}{}sitemap.xml\n", normalize_base(base)));
    }
    o
}

/// `_headers` (Netlify, Cloudflare Pages) from its template: the policy filled in and every path
/// under the base path.
pub fn fill_headers(template: &str, base: &str, policy: &str) -> String {
    let prefix = normalize_base(base);
    let prefix = prefix.trim_end_matches('/');
    let lines: Vec<String> = template
        .lines()
        .map(|l| {
            let l = l.replace("__OKX_DOCTOR_CSP__", policy);
            if l.starts_with('/') {
                format!("{prefix}{l}")
            } else {
                l
            }
        })
        .collect();
    lines.join("\n") + "\n"
}

/// What [`write_site`] wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub pages: usize,
    pub bytes: u64,
}

/// Writes every page, `sitemap.xml`, `robots.txt` and (when `dist/_headers` exists) the filled
/// `_headers` into `dist`.
pub fn write_site(dist: &std::path::Path, config: &Config) -> Result<Written, String> {
    let policy = config.csp();
    let mut out = Written::default();
    let mut write = |rel: &str, text: &str| -> Result<(), String> {
        let path = dist.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        out.bytes += text.len() as u64;
        Ok(())
    };
    for lang in Lang::ALL {
        for route in pages::all_routes() {
            let html = render_with(&route, lang, config, &policy).ok_or_else(|| format!("no page for {route:?}"))?;
            write(&format!("{}{}", lang.prefix(), pages::file_path(&route)), &html)?;
            out.pages += 1;
        }
    }
    write("sitemap.xml", &sitemap_xml(&config.base, config.origin.as_deref()))?;
    write("robots.txt", &robots_txt(&config.base, config.origin.as_deref()))?;
    let headers = dist.join("_headers");
    if let Ok(t) = std::fs::read_to_string(&headers) {
        if t.contains("__OKX_DOCTOR_CSP__") {
            write("_headers", &fill_headers(&t, &config.base, &policy))?;
        }
    }
    if config.origin.is_some() {
        let written = og::write_all(dist).map_err(|e| format!("cannot write the link-preview images: {e}"))?;
        out.bytes += written.iter().map(|(_, w)| w.bytes).sum::<u64>();
    }
    Ok(out)
}
