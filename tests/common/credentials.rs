//! Shared by the snippet tests (knowledge base and wizard): the one convention for credentials in
//! code examples (issue 15, item 2). Credentials come from three environment variables, always
//! the same names, and are never written into the code.
#![allow(dead_code)]

/// The only environment variables a snippet reads credentials from.
pub const ENV_NAMES: [&str; 3] = ["OKX_API_KEY", "OKX_SECRET_KEY", "OKX_PASSPHRASE"];

/// Words that name a credential in the libraries' option names, headers and variables.
const CREDENTIAL_WORDS: [&str; 6] = ["apikey", "api_key", "secret", "password", "passphrase", "apipass"];

/// Lower-case fragments that show a snippet handing credentials to a library, a header, a config
/// file or a signature.
const USES_CREDENTIALS: [&str; 14] = [
    "apikey",
    "api_key",
    "ok-access-key",
    "'secret'",
    "\"secret\":",
    "secret:",
    "apisecret",
    "secretkey=",
    "hmac",
    "\"key\":",
    "\"password\":",
    "__exchange__key=",
    "__exchange__secret=",
    "__exchange__password=",
];

/// The `OKX_…` names in `code`.
pub fn okx_names(code: &str) -> Vec<&str> {
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

/// A quoted value that only expands one of our variables (`"$OKX_PASSPHRASE"`, `"${OKX_API_KEY}"`).
fn expands_env_name(quoted: &str) -> bool {
    let Some(q) = quoted.chars().next() else {
        return false;
    };
    let inner = &quoted[1..];
    let Some(end) = inner.find(q) else { return false };
    let inner = &inner[..end];
    ENV_NAMES
        .iter()
        .any(|n| inner.eq_ignore_ascii_case(&format!("${n}")) || inner.eq_ignore_ascii_case(&format!("${{{n}}}")))
}

/// A credential given as a quoted literal on this line (`'apiKey': 'abc'`, `OKX_PASSPHRASE='x'`);
/// a placeholder in angle brackets (`'<your passphrase>'`) is not one, nor is a quoted shell
/// expansion of one of [`ENV_NAMES`] (`"$OKX_PASSPHRASE"`).
pub fn literal_credential(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    for w in CREDENTIAL_WORDS {
        for (i, _) in lower.match_indices(w) {
            let after = lower[i + w.len()..].trim_start_matches(['\'', '"', ']', ' ']);
            let Some(value) = after.strip_prefix([':', '=']) else {
                continue;
            };
            let value = value.trim_start();
            if (value.starts_with('\'') || value.starts_with('"'))
                && !value[1..].starts_with('<')
                && !expands_env_name(value)
            {
                return Some(line.trim().to_string());
            }
        }
    }
    None
}

/// Whether `code` hands credentials to something (and so has to read them from [`ENV_NAMES`]).
pub fn uses_credentials(code: &str) -> bool {
    let lower = code.to_ascii_lowercase();
    USES_CREDENTIALS.iter().any(|w| lower.contains(w))
}

/// What is wrong with `code` under the convention: a credential variable with another name, a
/// credential written into the code, or credentials used without reading any of [`ENV_NAMES`].
pub fn problems(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for name in okx_names(code) {
        if ["KEY", "SECRET", "PASS"].iter().any(|w| name.contains(w)) && !ENV_NAMES.contains(&name) {
            out.push(format!("credential variable {name}, not one of {ENV_NAMES:?}"));
        }
    }
    for line in code.lines() {
        if let Some(l) = literal_credential(line) {
            out.push(format!("a credential written into the code: {l}"));
        }
    }
    if uses_credentials(code) && !ENV_NAMES.iter().any(|n| code.contains(n)) {
        out.push(format!("uses credentials but reads none from {ENV_NAMES:?}"));
    }
    out
}
