//! Every URL of the site in one place: parsing a path into a [`Route`] and building hrefs, for
//! any base path (`/` or `/some/path/`). Used by the browser app and the static-page generator.

use super::lang::Lang;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Characters left as they are in a query component.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// What an embed page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedRoute {
    /// The paste box and wizard.
    Helper,
    Error(String),
    Clock,
}

/// A page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// `/e/<code>`: `code` is kept as typed (after percent-decoding) so a not-found page can show it.
    Error(String),
    Wizard,
    Clock,
    Sign,
    /// `/codes/`: every code on one page (how a reader without JavaScript reaches any code).
    Codes,
    Embed(EmbedRoute),
    NotFound(String),
}

/// Whether `s` has the shape of a catalog code: 1–5 digits, optionally `_` and 1–4 digits.
pub fn is_code_shaped(s: &str) -> bool {
    let (base, sub) = match s.split_once('_') {
        Some((b, s)) => (b, Some(s)),
        None => (s, None),
    };
    let digits = |t: &str, max: usize| !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit());
    digits(base, 5) && sub.is_none_or(|s| digits(s, 4))
}

/// Normalises a base path to start and end with `/`.
pub fn normalize_base(base: &str) -> String {
    let t = base.trim().trim_matches('/');
    if t.is_empty() {
        "/".to_string()
    } else {
        format!("/{t}/")
    }
}

/// Parses a location pathname into its language and route: pages under `<base>zh/` are the
/// Chinese ones (see [`Lang::prefix`]); everything else is English.
pub fn parse_localized(pathname: &str, base: &str) -> (Lang, Route) {
    let base = normalize_base(base);
    match lang_of_path(pathname, &base) {
        Lang::Zh => (Lang::Zh, parse_path(pathname, &format!("{base}{}", Lang::Zh.prefix()))),
        Lang::En => (Lang::En, parse_path(pathname, &base)),
    }
}

/// The language of a location pathname under a normalised `base` (`/`, `/x/`), without parsing
/// the route (what an island needs; small in wasm).
pub fn lang_of_path(pathname: &str, base: &str) -> Lang {
    let zh = Lang::Zh.prefix().trim_end_matches('/');
    match pathname.strip_prefix(base).and_then(|rest| rest.strip_prefix(zh)) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => Lang::Zh,
        _ => Lang::En,
    }
}

/// Parses a location pathname (percent-encoded, as the browser gives it) against the base path.
/// Language-blind: a Chinese page's path must be parsed with [`parse_localized`].
pub fn parse_path(pathname: &str, base: &str) -> Route {
    let base = normalize_base(base);
    let rest = if let Some(r) = pathname.strip_prefix(base.as_str()) {
        r
    } else if pathname.trim_end_matches('/') == base.trim_end_matches('/') {
        ""
    } else {
        return Route::NotFound(clip(&decode(pathname)));
    };
    let rest = rest.trim_end_matches('/');
    let rest = rest.strip_suffix("index.html").unwrap_or(rest).trim_end_matches('/');
    let segs: Vec<&str> = if rest.is_empty() {
        Vec::new()
    } else {
        rest.split('/').collect()
    };
    match segs.as_slice() {
        [] => Route::Home,
        ["e", code] => Route::Error(clip(&decode(code))),
        ["wizard"] => Route::Wizard,
        ["clock"] => Route::Clock,
        ["sign"] => Route::Sign,
        ["codes"] => Route::Codes,
        ["embed"] => Route::Embed(EmbedRoute::Helper),
        ["embed", "clock"] => Route::Embed(EmbedRoute::Clock),
        ["embed", "e", code] => Route::Embed(EmbedRoute::Error(clip(&decode(code)))),
        _ => Route::NotFound(clip(&decode(rest))),
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 64 {
        let mut t: String = s.chars().take(64).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    }
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Percent-encodes a query or path component.
pub fn encode_component(s: &str) -> String {
    utf8_percent_encode(s, QUERY).to_string()
}

/// Decodes a query component (`+` is a space, as in forms).
pub fn decode_component(s: &str) -> String {
    decode(&s.replace('+', " "))
}

impl Route {
    /// The path of this route under `base` (always ends with `/` so static hosts serve the
    /// generated `index.html` without a redirect).
    pub fn href(&self, base: &str) -> String {
        let base = normalize_base(base);
        let p = match self {
            Route::Home => String::new(),
            Route::Error(code) => format!("e/{}/", encode_component(code)),
            Route::Wizard => "wizard/".into(),
            Route::Clock => "clock/".into(),
            Route::Sign => "sign/".into(),
            Route::Codes => "codes/".into(),
            Route::Embed(EmbedRoute::Helper) => "embed/".into(),
            Route::Embed(EmbedRoute::Clock) => "embed/clock/".into(),
            Route::Embed(EmbedRoute::Error(code)) => format!("embed/e/{}/", encode_component(code)),
            Route::NotFound(_) => "404.html".into(),
        };
        format!("{base}{p}")
    }

    /// The path of this route in `lang` under `base` (`/zh/e/50113/` for Chinese).
    pub fn href_in(&self, base: &str, lang: Lang) -> String {
        self.href(&format!("{}{}", normalize_base(base), lang.prefix()))
    }

    /// Whether this is an embed route (compact layout, no site chrome).
    pub fn is_embed(&self) -> bool {
        matches!(self, Route::Embed(_))
    }

    /// The browser bundle that renders this route (see [`Bundle`]).
    pub fn bundle(&self) -> Bundle {
        match self {
            Route::Home | Route::Embed(EmbedRoute::Helper) | Route::NotFound(_) => Bundle::Home,
            Route::Error(_) | Route::Embed(EmbedRoute::Error(_)) | Route::Codes => Bundle::Page,
            Route::Wizard => Bundle::Wizard,
            Route::Clock | Route::Embed(EmbedRoute::Clock) => Bundle::Clock,
            Route::Sign => Bundle::Sign,
        }
    }
}

/// The browser entry point a page loads (`src/web/<name>.rs`, built by Trunk as the binary
/// `okx-doctor-<name>`). Each starts only the islands its pages carry, so each wasm holds only
/// their code and data: the paste box, catalog search and not-found suggestions (`Home`); the copy
/// buttons, theme and embed panel of the error pages (`Page`); the wizard (`Wizard`); the clock check (`Clock`); the signature lab (`Sign`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundle {
    Home,
    Page,
    Wizard,
    Clock,
    Sign,
}

impl Bundle {
    pub const ALL: [Bundle; 5] = [Bundle::Home, Bundle::Page, Bundle::Wizard, Bundle::Clock, Bundle::Sign];

    /// Short name, as in `okx-doctor-site --bundle page=…`.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Home => "home",
            Bundle::Page => "page",
            Bundle::Wizard => "wizard",
            Bundle::Clock => "clock",
            Bundle::Sign => "sign",
        }
    }

    pub fn from_name(s: &str) -> Option<Bundle> {
        Bundle::ALL.into_iter().find(|b| b.name() == s)
    }
}

/// Parses a query string (`?a=1&b=2` or `a=1&b=2`) into decoded pairs. Bounded: at most 32 pairs,
/// each value cut to 2,000 characters.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .take(32)
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let v: String = decode_component(v).chars().take(2000).collect();
            (decode_component(k), v)
        })
        .collect()
}

/// Builds a query string (with leading `?`, or empty) from pairs, skipping empty values.
pub fn build_query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_belongs_to_the_bundle_that_renders_it() {
        for (path, want) in [
            ("/docs/", Bundle::Home),
            ("/docs/embed/", Bundle::Home),
            ("/docs/e/50113/", Bundle::Page),
            ("/docs/embed/e/50011/", Bundle::Page),
            ("/docs/no/such/page", Bundle::Home), // the 404 page (nearest codes need the catalog)
            ("/docs/wizard/", Bundle::Wizard),
            ("/docs/clock/", Bundle::Clock),
            ("/docs/sign/", Bundle::Sign),
            ("/docs/embed/clock/", Bundle::Clock),
        ] {
            assert_eq!(parse_path(path, "/docs/").bundle(), want, "{path}");
        }
        for b in Bundle::ALL {
            assert_eq!(Bundle::from_name(b.name()), Some(b));
        }
        assert_eq!(Bundle::from_name("all"), None);
    }

    #[test]
    fn parses_routes_at_root_and_subfolder() {
        for base in ["/", "/some/path/"] {
            let b = normalize_base(base);
            assert_eq!(parse_path(&b, base), Route::Home);
            assert_eq!(parse_path(&format!("{b}e/50011"), base), Route::Error("50011".into()));
            assert_eq!(
                parse_path(&format!("{b}e/51008_1000/"), base),
                Route::Error("51008_1000".into())
            );
            assert_eq!(
                parse_path(&format!("{b}e/50011/index.html"), base),
                Route::Error("50011".into())
            );
            assert_eq!(parse_path(&format!("{b}clock/"), base), Route::Clock);
            assert_eq!(
                parse_path(&format!("{b}embed/e/50011/"), base),
                Route::Embed(EmbedRoute::Error("50011".into()))
            );
            assert_eq!(
                parse_path(&format!("{b}embed/"), base),
                Route::Embed(EmbedRoute::Helper)
            );
            assert!(matches!(parse_path(&format!("{b}nope/x"), base), Route::NotFound(_)));
        }
        assert_eq!(parse_path("/some/path", "/some/path/"), Route::Home);
        assert!(matches!(parse_path("/other/", "/some/path/"), Route::NotFound(_)));
    }

    #[test]
    fn hrefs_round_trip() {
        for base in ["/", "/x/y/"] {
            for r in [
                Route::Home,
                Route::Error("50011".into()),
                Route::Clock,
                Route::Sign,
                Route::Codes,
                Route::Wizard,
                Route::Embed(EmbedRoute::Clock),
                Route::Embed(EmbedRoute::Error("1".into())),
            ] {
                assert_eq!(parse_path(&r.href(base), base), r, "{r:?} under {base}");
            }
        }
    }

    #[test]
    fn localized_hrefs_round_trip() {
        for base in ["/", "/x/y/"] {
            for lang in Lang::ALL {
                for r in [
                    Route::Home,
                    Route::Error("50113".into()),
                    Route::Wizard,
                    Route::Embed(EmbedRoute::Clock),
                ] {
                    let href = r.href_in(base, lang);
                    assert_eq!(parse_localized(&href, base), (lang, r.clone()), "{href}");
                }
            }
        }
        assert_eq!(Route::Home.href_in("/x/", Lang::Zh), "/x/zh/");
        assert_eq!(parse_localized("/x/zh", "/x/"), (Lang::Zh, Route::Home));
        // A path that merely starts with "zh" is not the Chinese site.
        assert!(matches!(parse_localized("/zhx/", "/"), (Lang::En, Route::NotFound(_))));
    }

    #[test]
    fn hostile_paths_are_decoded_text_and_clipped() {
        let r = parse_path("/e/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/");
        assert_eq!(r, Route::Error("<script>alert(1)</script>".into()));
        let long = format!("/e/{}", "9".repeat(5000));
        match parse_path(&long, "/") {
            Route::Error(c) => assert!(c.chars().count() <= 65),
            other => panic!("{other:?}"),
        }
        assert_eq!(parse_path("/e/%00", "/"), Route::Error("\0".into()));
        // Outside the base path too (the not-found page shows it).
        match parse_path(&format!("/{}", "x".repeat(10_000)), "/some/path/") {
            Route::NotFound(p) => assert_eq!(p.chars().count(), 65),
            other => panic!("{other:?}"),
        }
        assert!(!is_code_shaped("\0"));
        assert!(
            is_code_shaped("51008_1000") && is_code_shaped("1") && !is_code_shaped("123456") && !is_code_shaped("5_")
        );
    }

    #[test]
    fn query_round_trip() {
        let q = build_query(&[("q", "too many & requests"), ("x", "")]);
        assert_eq!(q, "?q=too%20many%20%26%20requests");
        assert_eq!(
            parse_query(&q),
            vec![("q".to_string(), "too many & requests".to_string())]
        );
        assert_eq!(parse_query("?q=a+b"), vec![("q".to_string(), "a b".to_string())]);
    }
}
