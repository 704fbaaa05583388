//! The site's Content-Security-Policy. Every page's inline parts (the theme script, the entry
//! loader, the stylesheet) are allowed by their SHA-256 hash; nothing else inline runs or applies.
//! The generator puts the policy in each page's meta tag and in `_headers`.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Where the deployed site may connect: itself, and OKX's time endpoints and public WebSockets
/// of the three regions (ports 8443 and 443), for the clock check.
pub const CONNECT_SRC: &[&str] = &[
    "'self'",
    "https://www.okx.com",
    "https://eea.okx.com",
    "https://us.okx.com",
    "wss://ws.okx.com:8443",
    "wss://wseea.okx.com:8443",
    "wss://wsus.okx.com:8443",
    "wss://ws.okx.com",
    "wss://wseea.okx.com",
    "wss://wsus.okx.com",
];

/// Added in the builds the tests use only: loopback, for the clock check's `?okx_base=` test
/// parameter (which accepts only loopback addresses) pointed at `tests/support/fake-okx.mjs`.
pub const TEST_CONNECT_SRC: &[&str] = &[
    "http://127.0.0.1:*",
    "http://localhost:*",
    "ws://127.0.0.1:*",
    "ws://localhost:*",
];

/// `'sha256-…'` source for an inline script or style body.
pub fn hash_source(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// `'sha256-…'` sources for every inline `<script>` (one without `src`) in `html`.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            out.push(hash_source(&after[body_start..body_start + close]));
        }
        rest = &after[body_start + close + "</script>".len()..];
    }
    out
}

/// What a policy allows inline, and whether it is for a test build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    /// Hash sources of inline scripts.
    pub scripts: Vec<String>,
    /// Hash sources of inline styles.
    pub styles: Vec<String>,
    /// Allow loopback connections (the tests' clock server).
    pub test_hooks: bool,
}

/// The policy. `frame-ancestors` cannot be set from a meta tag; it is in `_headers`. A page also
/// runs a module worker from the site itself (`worker-src 'self'`).
pub fn policy(inline: &Inline) -> String {
    let mut script = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script.extend(inline.scripts.iter().cloned());
    let mut style = vec!["'self'".to_string()];
    style.extend(inline.styles.iter().cloned());
    let mut connect: Vec<&str> = CONNECT_SRC.to_vec();
    if inline.test_hooks {
        connect.extend_from_slice(TEST_CONNECT_SRC);
    }
    format!(
        "default-src 'self'; script-src {}; style-src {}; img-src 'self' data:; font-src 'self'; \
connect-src {}; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'",
        script.join(" "),
        style.join(" "),
        connect.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = "<script type=\"module\">init()</script><script src=\"theme.js\"></script>";
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert_eq!(h[0], format!("'sha256-{expected}'"));
    }

    #[test]
    fn deployed_policy_has_no_loopback_and_nothing_unsafe_inline() {
        let p = policy(&Inline {
            scripts: vec![hash_source("x")],
            styles: vec![hash_source("y")],
            test_hooks: false,
        });
        assert!(!p.contains("127.0.0.1") && !p.contains("localhost"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains(&format!("script-src 'self' 'wasm-unsafe-eval' {}", hash_source("x"))));
        assert!(p.contains(&format!("style-src 'self' {}", hash_source("y"))));
        let t = policy(&Inline {
            test_hooks: true,
            ..Default::default()
        });
        assert!(t.contains("http://127.0.0.1:*"));
    }
}
