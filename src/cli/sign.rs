//! `okx-doctor sign`: computes an OKX signature locally and lints the inputs.
//!
//! Credentials come only from the environment (`OKX_API_KEY`, `OKX_SECRET_KEY`, `OKX_PASSPHRASE`)
//! or from stdin (`--stdin`, `key=value` lines). Never from arguments: those end up in shell
//! history and in the process list. The secret is never printed; the passphrase only masked.

use std::io::Read;

use crate::core::sign::{
    self, explain_mismatch, first_difference, has_problems, lint, lint_request, mask, pasted_kind, rest_headers,
    Credentials, LintIssue, PastedKind, Severity, SignInput, WS_LOGIN_PATH,
};

/// Usage text for `okx-doctor sign`.
pub const USAGE: &str = "okx-doctor sign: compute an OKX API v5 signature locally and check the inputs

USAGE:
  okx-doctor sign --path PATH [--method GET|POST] [--body JSON] [--timestamp ISO|now]
                  [--demo] [--compare VALUE] [--json] [--stdin]
  okx-doctor sign --ws-login [--unix-secs N] [--compare VALUE] [--json] [--stdin]

CREDENTIALS (never as arguments):
  environment   OKX_API_KEY, OKX_SECRET_KEY, OKX_PASSPHRASE
  --stdin       read key=value lines from stdin instead, e.g.
                  OKX_API_KEY=...   OKX_SECRET_KEY=...   OKX_PASSPHRASE=...
                (api_key / secret / passphrase are accepted as names too)

OPTIONS:
  --method M        HTTP method (default GET)
  --path P          request path with query string, e.g. '/api/v5/account/balance?ccy=BTC'
  --body B          exact JSON body text (POST); empty for GET
  --timestamp T     ISO 8601 UTC with milliseconds, or `now` (default); any other value is
                    signed as given and flagged by the lint
  --ws-login        sign a WebSocket login instead (GET /users/self/verify, Unix seconds)
  --unix-secs N     timestamp for --ws-login (default: now)
  --demo            add the x-simulated-trading: 1 header
  --compare VALUE   a signature or pre-hash from your own logs to compare with ours
  --json            machine-readable output

EXIT STATUS: 0 all good, 1 lint problems or --compare mismatch, 2 usage error.
";

/// Parsed options.
#[derive(Debug, Default)]
struct Opts {
    method: Option<String>,
    path: Option<String>,
    body: Option<String>,
    timestamp: Option<String>,
    ws_login: bool,
    unix_secs: Option<i64>,
    demo: bool,
    compare: Option<String>,
    json: bool,
    stdin: bool,
}

const FORBIDDEN: &[&str] = &[
    "--secret",
    "--secret-key",
    "--secretkey",
    "--secret_key",
    "--api-secret",
    "--key",
    "--api-key",
    "--apikey",
    "--api_key",
    "--passphrase",
    "--pass",
    "--password",
    "--pw",
];

fn usage_error(msg: &str) -> Result<Opts, i32> {
    eprintln!("okx-doctor sign: {msg}\n");
    eprint!("{USAGE}");
    Err(2)
}

fn parse(args: &[String]) -> Result<Opts, i32> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < args.len() {
        let raw = args[i].as_str();
        let (name, inline) = match raw.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (raw, None),
        };
        if FORBIDDEN.contains(&name.to_ascii_lowercase().as_str()) {
            eprintln!(
                "okx-doctor sign: `{name}` is refused on purpose. Credentials given as command-line arguments are \
                 saved in your shell history and visible to other users in the process list.\n\
                 Set them in the environment instead (a leading space keeps the line out of bash history when \
                 HISTCONTROL includes ignorespace):\n   export OKX_API_KEY='...' OKX_SECRET_KEY='...' OKX_PASSPHRASE='...'\n\
                 or pipe them in with --stdin as key=value lines."
            );
            return Err(2);
        }
        let value = |i: &mut usize| -> Option<String> {
            if let Some(v) = inline.clone() {
                return Some(v);
            }
            *i += 1;
            args.get(*i).cloned()
        };
        match name {
            "--method" | "-X" => o.method = value(&mut i),
            "--path" => o.path = value(&mut i),
            "--body" | "-d" => o.body = value(&mut i),
            "--timestamp" => o.timestamp = value(&mut i),
            "--compare" => o.compare = value(&mut i),
            "--unix-secs" => match value(&mut i).map(|v| v.trim().parse::<i64>()) {
                Some(Ok(n)) => o.unix_secs = Some(n),
                _ => return usage_error("--unix-secs needs a whole number of seconds"),
            },
            "--ws-login" => o.ws_login = true,
            "--demo" => o.demo = true,
            "--json" => o.json = true,
            "--stdin" => o.stdin = true,
            "--help" | "-h" => {
                print!("{USAGE}");
                return Err(0);
            }
            other => return usage_error(&format!("unknown argument `{other}`")),
        }
        // A value-taking option at the end of the line.
        if matches!(
            name,
            "--method" | "-X" | "--path" | "--body" | "-d" | "--timestamp" | "--compare"
        ) {
            let missing = match name {
                "--method" | "-X" => o.method.is_none(),
                "--path" => o.path.is_none(),
                "--body" | "-d" => o.body.is_none(),
                "--timestamp" => o.timestamp.is_none(),
                _ => o.compare.is_none(),
            };
            if missing {
                return usage_error(&format!("{name} needs a value"));
            }
        }
        i += 1;
    }
    if o.ws_login {
        if o.path.is_some() || o.body.is_some() || o.timestamp.is_some() || o.method.is_some() {
            return usage_error(
                "--ws-login signs GET /users/self/verify with --unix-secs; --path, --body, --method and --timestamp \
                 do not apply",
            );
        }
    } else {
        if o.unix_secs.is_some() {
            return usage_error("--unix-secs is for --ws-login; REST uses --timestamp");
        }
        if o.path.is_none() {
            return usage_error("--path is required (or use --ws-login)");
        }
    }
    Ok(o)
}

/// Reads `key=value` lines. Only the line feed is removed from each line, so a stray carriage
/// return stays in the value for the lint to report.
pub fn parse_credentials(text: &str) -> Result<Credentials, String> {
    let mut c = Credentials::default();
    for (n, line) in text.split('\n').enumerate() {
        let t = line.trim_start();
        if t.trim().is_empty() || t.starts_with('#') {
            continue;
        }
        let t = t.strip_prefix("export ").unwrap_or(t);
        let Some((k, v)) = t.split_once('=') else {
            return Err(format!("line {} is not key=value", n + 1));
        };
        match k.trim().to_ascii_lowercase().as_str() {
            "okx_api_key" | "api_key" | "apikey" | "key" => c.api_key = v.to_string(),
            "okx_secret_key" | "secret_key" | "secretkey" | "secret" => c.secret = v.to_string(),
            "okx_passphrase" | "passphrase" => c.passphrase = v.to_string(),
            _ => return Err(format!("line {}: unknown name `{}`", n + 1, k.trim())),
        }
    }
    Ok(c)
}

fn credentials_from_env() -> Result<Credentials, String> {
    let get = |name: &str| -> Result<String, String> {
        match std::env::var(name) {
            Ok(v) => Ok(v),
            Err(std::env::VarError::NotPresent) => Ok(String::new()),
            Err(std::env::VarError::NotUnicode(_)) => Err(format!("{name} is not valid UTF-8")),
        }
    };
    Ok(Credentials {
        api_key: get("OKX_API_KEY")?,
        secret: get("OKX_SECRET_KEY")?,
        passphrase: get("OKX_PASSPHRASE")?,
    })
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Runs `okx-doctor sign` and returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let o = match parse(args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let creds = if o.stdin {
        let mut text = String::new();
        if std::io::stdin().read_to_string(&mut text).is_err() {
            eprintln!("okx-doctor sign: could not read stdin as UTF-8 text");
            return 2;
        }
        match parse_credentials(&text) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("okx-doctor sign: --stdin: {e}");
                return 2;
            }
        }
    } else {
        match credentials_from_env() {
            Ok(c) => c,
            Err(e) => {
                eprintln!("okx-doctor sign: {e}");
                return 2;
            }
        }
    };

    let (input, is_ws) = if o.ws_login {
        let secs = o.unix_secs.unwrap_or_else(|| now_ms().div_euclid(1000));
        (
            SignInput {
                method: "GET".into(),
                request_path: WS_LOGIN_PATH.into(),
                body: String::new(),
                timestamp: secs.to_string(),
                secret: creds.secret.clone(),
            },
            true,
        )
    } else {
        let ts = match o.timestamp.as_deref() {
            None | Some("now") => sign::iso_timestamp_from_unix_ms(now_ms()),
            Some(t) => t.to_string(),
        };
        (
            SignInput {
                method: o.method.clone().unwrap_or_else(|| "GET".into()),
                request_path: o.path.clone().unwrap_or_default(),
                body: o.body.clone().unwrap_or_default(),
                timestamp: ts,
                secret: creds.secret.clone(),
            },
            false,
        )
    };

    let prehash = input.prehash();
    let signature = input.signature();
    let mut issues = lint(&creds);
    issues.extend(lint_request(
        &input.method,
        &input.request_path,
        &input.body,
        &input.timestamp,
        None,
        None,
    ));

    let masked_pass = mask(&creds.passphrase);
    let headers = rest_headers(&creds.api_key, &masked_pass, &signature, &input.timestamp, o.demo);
    let login_json = is_ws.then(|| sign::ws_login_json(&creds.api_key, &masked_pass, &input.timestamp, &signature));

    let compare = o.compare.as_deref().map(|pasted| {
        let kind = pasted_kind(pasted);
        let ours = if kind == PastedKind::Prehash {
            &prehash
        } else {
            &signature
        };
        let diff = first_difference(ours, pasted.trim());
        let hints = if pasted == ours.as_str() {
            Vec::new()
        } else {
            explain_mismatch(&input, pasted)
        };
        (kind, diff, hints, pasted.trim() == ours.as_str())
    });
    let mismatch = compare.as_ref().is_some_and(|c| !c.3);

    if o.json {
        let headers_json: Vec<serde_json::Value> = headers
            .iter()
            .map(|(n, v)| serde_json::json!({ "name": n, "value": v }))
            .collect();
        let mut out = serde_json::json!({
            "mode": if is_ws { "ws_login" } else { "rest" },
            "method": input.method.trim().to_ascii_uppercase(),
            "request_path": input.request_path,
            "timestamp": input.timestamp,
            "prehash": prehash,
            "signature": signature,
            "headers": if is_ws { serde_json::Value::Null } else { serde_json::Value::from(headers_json) },
            "login_json": login_json,
            "lint": issues,
            "problems": has_problems(&issues),
        });
        if let Some((kind, diff, hints, equal)) = &compare {
            out["compare"] = serde_json::json!({
                "kind": kind, "match": equal, "diff": diff, "hints": hints,
            });
        }
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    } else {
        print_human(
            &input,
            &prehash,
            &signature,
            &headers,
            login_json.as_deref(),
            &issues,
            compare.as_ref(),
        );
    }

    if has_problems(&issues) || mismatch {
        1
    } else {
        0
    }
}

type Compare = (PastedKind, Option<sign::Diff>, Vec<sign::MismatchHint>, bool);

fn print_human(
    input: &SignInput,
    prehash: &str,
    signature: &str,
    headers: &[(String, String)],
    login_json: Option<&str>,
    issues: &[LintIssue],
    compare: Option<&Compare>,
) {
    println!("Timestamp:  {}", input.timestamp);
    println!("Pre-hash:   {prehash}");
    println!("Signature:  {signature}");
    if let Some(j) = login_json {
        println!("Login message (passphrase masked):\n  {j}");
    } else {
        println!("Headers (passphrase masked):");
        for (n, v) in headers {
            // Show hidden characters (a CR in the key, say) instead of letting them garble the terminal.
            if v.chars().any(char::is_control) {
                println!("  {n}: {v:?}");
            } else {
                println!("  {n}: {v}");
            }
        }
    }
    if let Some((kind, diff, hints, equal)) = compare {
        let what = if *kind == PastedKind::Prehash {
            "pre-hash"
        } else {
            "signature"
        };
        if *equal {
            println!("Compare:    your {what} matches ours.");
            if *kind == PastedKind::Prehash {
                println!("  - {}", sign::SAME_PREHASH_NOTE);
            }
        } else {
            println!("Compare:    your {what} differs from ours.");
            if let Some(d) = diff {
                let show = |c: Option<char>| c.map_or("(end)".to_string(), |c| format!("{c:?}"));
                println!(
                    "  first difference at character {}: ours {}, yours {}",
                    d.index + 1,
                    show(d.a_char),
                    show(d.b_char)
                );
                let caret = " ".repeat(d.index - d.context_start);
                println!("  ours:  {}\n  yours: {}\n         {caret}^", d.context_a, d.context_b);
            }
            for h in hints {
                println!("  - {}", h.message);
            }
        }
    }
    if issues.is_empty() {
        println!("Lint:       no problems found.");
    } else {
        println!("Lint:");
        for i in issues {
            let tag = match i.severity {
                Severity::Problem => "problem",
                Severity::Note => "note",
            };
            println!("  [{tag}] {}: {}", i.field.label(), i.message);
        }
    }
}
