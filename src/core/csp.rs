//! The site's Content-Security-Policy. Trunk writes one inline module script (its wasm loader);
//! the post-build step hashes it and every generated page carries the policy as a meta tag
//! (`_headers` carries the same policy for hosts that read it).

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Where the app may connect: itself, the OKX time endpoints and public WebSockets of the three
/// regions (ports 8443 and 443), and loopback for the documented `?okx_base=` test parameter,
/// which only accepts loopback addresses.
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
    "http://127.0.0.1:*",
    "http://localhost:*",
    "ws://127.0.0.1:*",
    "ws://localhost:*",
];

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
        let body = &after[body_start..body_start + close];
        if !tag.contains(" src=") {
            let digest = Sha256::digest(body.as_bytes());
            out.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &after[body_start + close + "</script>".len()..];
    }
    out
}

/// The policy for a page whose inline scripts have these hashes. `frame-ancestors` cannot be set
/// from a meta tag; it is in `_headers`.
pub fn policy(script_hashes: &[String]) -> String {
    let mut script = vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string()];
    script.extend(script_hashes.iter().cloned());
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src 'self' data:; font-src 'self'; \
connect-src {}; object-src 'none'; base-uri 'self'; form-action 'none'",
        script.join(" "),
        CONNECT_SRC.join(" ")
    )
}

/// Inserts the CSP meta tag right after `<meta charset…>` (before any script) in `template`.
pub fn apply_meta(template: &str) -> String {
    apply_meta_with(template, &policy(&inline_script_hashes(template)))
}

/// Inserts `csp` as a meta tag right after `<meta charset…>` (before any script) in `template`.
pub fn apply_meta_with(template: &str, csp: &str) -> String {
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", csp);
    match template.find("<meta charset") {
        Some(i) => {
            let end = template[i..].find('>').map(|e| i + e + 1).unwrap_or(i);
            format!("{}\n  {}{}", &template[..end], meta, &template[end..])
        }
        None => template.replacen("<head>", &format!("<head>\n  {meta}"), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = "<script type=\"module\">init()</script><script src=\"theme.js\"></script>";
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 1);
        // echo -n 'init()' | openssl dgst -sha256 -binary | base64
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert_eq!(h[0], format!("'sha256-{expected}'"));
    }

    #[test]
    fn meta_goes_before_scripts() {
        let t = "<head><meta charset=\"utf-8\"><script>x</script></head>";
        let out = apply_meta(t);
        let meta = out.find("Content-Security-Policy").unwrap();
        assert!(meta < out.find("<script>").unwrap());
        assert!(out.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!policy(&[]).contains("unsafe-inline"));
    }
}
