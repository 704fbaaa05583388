//! The code examples use one convention for credentials (issue 15, item 2): environment variables
//! everywhere, always the same three names, and no credential written into the code.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::kb;
use okx_doctor::core::lang::Lang;

/// The only environment variables a snippet reads credentials from.
const ENV_NAMES: [&str; 3] = ["OKX_API_KEY", "OKX_SECRET_KEY", "OKX_PASSPHRASE"];

/// Words that name a credential in the libraries' option names, headers and variables.
const CREDENTIAL_WORDS: [&str; 6] = ["apikey", "api_key", "secret", "password", "passphrase", "apipass"];

/// The `OKX_…` names in `code`.
fn okx_names(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("OKX_") {
        let tail = &rest[i..];
        let end = tail
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(tail.len());
        out.push(&tail[..end]);
        rest = &tail[end..];
    }
    out
}

/// A credential given as a quoted literal on this line (`'apiKey': 'abc'`, `OKX_PASSPHRASE='x'`);
/// a placeholder in angle brackets (`'<your passphrase>'`) is not one.
fn literal_credential(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    for w in CREDENTIAL_WORDS {
        for (i, _) in lower.match_indices(w) {
            let after = lower[i + w.len()..].trim_start_matches(['\'', '"', ']', ' ']);
            let Some(value) = after.strip_prefix([':', '=']) else {
                continue;
            };
            let value = value.trim_start();
            if (value.starts_with('\'') || value.starts_with('"')) && !value[1..].starts_with('<') {
                return Some(line.trim().to_string());
            }
        }
    }
    None
}

#[test]
fn snippets_read_credentials_from_the_same_environment_variables() {
    let mut with_credentials = 0;
    for lang in [Lang::En, Lang::Zh] {
        for s in kb::all_snippets_in(lang) {
            for name in okx_names(s.code) {
                if ["KEY", "SECRET", "PASS"].iter().any(|w| name.contains(w)) {
                    assert!(
                        ENV_NAMES.contains(&name),
                        "{}: credential variable {name}, not one of {ENV_NAMES:?}",
                        s.id
                    );
                }
            }
            for line in s.code.lines() {
                assert_eq!(
                    literal_credential(line),
                    None,
                    "{}: a credential written into the code",
                    s.id
                );
            }
            let lower = s.code.to_ascii_lowercase();
            let uses_credentials = [
                "apikey",
                "api_key",
                "ok-access-key",
                "'secret'",
                "secret:",
                "apisecret",
                "hmac",
            ]
            .iter()
            .any(|w| lower.contains(w));
            if uses_credentials {
                with_credentials += 1;
                assert!(
                    ENV_NAMES.iter().any(|n| s.code.contains(n)),
                    "{}: uses credentials but reads none from {ENV_NAMES:?}",
                    s.id
                );
            }
        }
    }
    assert!(with_credentials >= 10, "{with_credentials} snippets with credentials");
}

#[test]
fn the_check_catches_a_written_credential() {
    assert!(literal_credential("    'apiKey': 'abc123',").is_some());
    assert!(literal_credential("export OKX_PASSPHRASE='Ab1$xyZ!'").is_some());
    assert!(literal_credential("  secret: \"s3cr3t\",").is_some());
    assert!(literal_credential("    'apiKey': os.environ['OKX_API_KEY'],").is_none());
    assert!(literal_credential("export OKX_PASSPHRASE='<your passphrase>'").is_none());
    assert!(literal_credential("  -H \"OK-ACCESS-PASSPHRASE: $OKX_PASSPHRASE\"").is_none());
}
