//! `okx-doctor sign`: computes an OKX signature locally and lints the inputs.
//!
//! Credentials come only from the environment (`OKX_API_KEY`, `OKX_SECRET_KEY`, `OKX_PASSPHRASE`)
//! or from stdin (`--stdin`, `key=value` lines). Never from arguments: those end up in shell
//! history and in the process list. The secret is never printed; the passphrase only masked.

use std::io::Read;

use crate::core::lang::Lang;
use crate::core::sign::{
    self, explain_mismatch, first_difference, has_problems, lint, lint_request, mask, pasted_kind, rest_headers,
    Credentials, LintIssue, PastedKind, SignInput, WS_LOGIN_PATH,
};
use crate::{t, tf};

/// Usage text for `okx-doctor sign`.
pub fn usage(lang: Lang) -> &'static str {
    t!(lang, USAGE_EN, USAGE_ZH)
}

const USAGE_EN: &str = "okx-doctor sign: compute an OKX API v5 signature locally and check the inputs

USAGE:
  okx-doctor sign --path PATH [--method GET|POST] [--body JSON] [--timestamp ISO|now]
                  [--demo] [--compare VALUE] [--json] [--stdin] [--lang en|zh]
  okx-doctor sign --ws-login [--unix-secs N] [--compare VALUE] [--json] [--stdin] [--lang en|zh]

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
  --lang en|zh      language of the output (default en)

EXIT STATUS: 0 all good, 1 lint problems or --compare mismatch, 2 usage error.
";

const USAGE_ZH: &str = "okx-doctor sign：在本地计算 OKX API v5 签名，并检查输入

用法：
  okx-doctor sign --path PATH [--method GET|POST] [--body JSON] [--timestamp ISO|now]
                  [--demo] [--compare VALUE] [--json] [--stdin] [--lang en|zh]
  okx-doctor sign --ws-login [--unix-secs N] [--compare VALUE] [--json] [--stdin] [--lang en|zh]

凭证（绝不通过命令行参数传入）：
  环境变量      OKX_API_KEY、OKX_SECRET_KEY、OKX_PASSPHRASE
  --stdin       改为从标准输入读取 key=value 行，例如
                  OKX_API_KEY=...   OKX_SECRET_KEY=...   OKX_PASSPHRASE=...
                （也接受 api_key / secret / passphrase 这些名字）

选项：
  --method M        HTTP 请求方法（默认 GET）
  --path P          带查询字符串的请求路径，例如 '/api/v5/account/balance?ccy=BTC'
  --body B          请求体的原始 JSON 文本（POST）；GET 为空
  --timestamp T     带毫秒的 ISO 8601 UTC 时间，或 `now`（默认）；其他值会按原样签名，
                    并由检查标出
  --ws-login        改为对 WebSocket 登录签名（GET /users/self/verify，Unix 秒）
  --unix-secs N     --ws-login 用的时间戳（默认：当前时间）
  --demo            加上请求头 x-simulated-trading: 1（模拟盘）
  --compare VALUE   你自己日志里的签名或待签名字符串，用来和我们算的比较
  --json            输出机器可读的 JSON
  --lang en|zh      输出语言（默认 en）

退出码：0 一切正常，1 检查发现问题或 --compare 不一致，2 用法错误。
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
    lang: Lang,
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

fn usage_error(msg: &str, lang: Lang) -> Result<Opts, i32> {
    eprintln!("okx-doctor sign: {msg}\n");
    eprint!("{}", usage(lang));
    Err(2)
}

/// The error for a `--lang` we do not have, in both languages (which one was meant is unknown).
pub fn bad_lang(v: &str) -> String {
    let en = tf!(
        Lang::En,
        "--lang must be en or zh, got `{v}`",
        "--lang 只能是 en 或 zh，收到的是 `{v}`"
    );
    let zh = tf!(
        Lang::Zh,
        "--lang must be en or zh, got `{v}`",
        "--lang 只能是 en 或 zh，收到的是 `{v}`"
    );
    format!("{en}\n{zh}")
}

/// The `--lang` of the command line (`--lang zh`, `--lang=zh`), read before anything else so that
/// even the usage errors are in that language. `Err` holds the value that is not a language.
pub fn lang_arg(args: &[String]) -> Result<Lang, String> {
    let mut it = args.iter();
    let mut lang = Lang::En;
    while let Some(a) = it.next() {
        let v = match a.strip_prefix("--lang") {
            Some("") => it.next().cloned().unwrap_or_default(),
            Some(rest) if rest.starts_with('=') => rest[1..].to_string(),
            _ => continue,
        };
        lang = Lang::parse(&v).ok_or(v)?;
    }
    Ok(lang)
}

fn parse(args: &[String]) -> Result<Opts, i32> {
    let lang = match lang_arg(args) {
        Ok(l) => l,
        Err(v) => return usage_error(&bad_lang(&v), Lang::En),
    };
    let mut o = Opts {
        lang,
        ..Opts::default()
    };
    let mut i = 0;
    while i < args.len() {
        let raw = args[i].as_str();
        let (name, inline) = match raw.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (raw, None),
        };
        if FORBIDDEN.contains(&name.to_ascii_lowercase().as_str()) {
            eprintln!(
                "{}",
                tf!(
                    lang,
                    "okx-doctor sign: `{name}` is refused on purpose. Credentials given as command-line arguments \
                     are saved in your shell history and visible to other users in the process list.\n\
                     Set them in the environment instead (a leading space keeps the line out of bash history when \
                     HISTCONTROL includes ignorespace):\n   export OKX_API_KEY='...' OKX_SECRET_KEY='...' \
                     OKX_PASSPHRASE='...'\n\
                     or pipe them in with --stdin as key=value lines.",
                    "okx-doctor sign：`{name}` 是有意拒绝的。通过命令行参数传入的凭证会留在 shell 历史记录里，\
                     其他用户也能在进程列表里看到。\n\
                     请改用环境变量设置（HISTCONTROL 包含 ignorespace 时，行首加一个空格可以不记入 bash 历史）：\n   \
                     export OKX_API_KEY='...' OKX_SECRET_KEY='...' OKX_PASSPHRASE='...'\n\
                     或者用 --stdin 以 key=value 行的形式从管道传入。"
                )
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
                _ => {
                    return usage_error(
                        t!(
                            lang,
                            "--unix-secs needs a whole number of seconds",
                            "--unix-secs 需要一个整数秒数"
                        ),
                        lang,
                    )
                }
            },
            // Read by `lang_arg` already.
            "--lang" => {
                let _ = value(&mut i);
            }
            "--ws-login" => o.ws_login = true,
            "--demo" => o.demo = true,
            "--json" => o.json = true,
            "--stdin" => o.stdin = true,
            "--help" | "-h" => {
                print!("{}", usage(lang));
                return Err(0);
            }
            other => return usage_error(&tf!(lang, "unknown argument `{other}`", "未知参数 `{other}`"), lang),
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
                return usage_error(&tf!(lang, "{name} needs a value", "{name} 需要一个值"), lang);
            }
        }
        i += 1;
    }
    if o.ws_login {
        if o.path.is_some() || o.body.is_some() || o.timestamp.is_some() || o.method.is_some() {
            return usage_error(
                t!(
                    lang,
                    "--ws-login signs GET /users/self/verify with --unix-secs; --path, --body, --method and \
                     --timestamp do not apply",
                    "--ws-login 用 --unix-secs 对 GET /users/self/verify 签名；--path、--body、--method 和 \
                     --timestamp 不适用"
                ),
                lang,
            );
        }
    } else {
        if o.unix_secs.is_some() {
            return usage_error(
                t!(
                    lang,
                    "--unix-secs is for --ws-login; REST uses --timestamp",
                    "--unix-secs 只用于 --ws-login；REST 用 --timestamp"
                ),
                lang,
            );
        }
        if o.path.is_none() {
            return usage_error(
                t!(
                    lang,
                    "--path is required (or use --ws-login)",
                    "必须指定 --path（或者使用 --ws-login）"
                ),
                lang,
            );
        }
    }
    Ok(o)
}

/// Reads `key=value` lines. Only the line feed is removed from each line, so a stray carriage
/// return stays in the value for the lint to report.
pub fn parse_credentials(text: &str, lang: Lang) -> Result<Credentials, String> {
    let mut c = Credentials::default();
    for (n, line) in text.split('\n').enumerate() {
        let t = line.trim_start();
        if t.trim().is_empty() || t.starts_with('#') {
            continue;
        }
        let t = t.strip_prefix("export ").unwrap_or(t);
        let line = n + 1;
        let Some((k, v)) = t.split_once('=') else {
            return Err(tf!(lang, "line {line} is not key=value", "第 {line} 行不是 key=value"));
        };
        match k.trim().to_ascii_lowercase().as_str() {
            "okx_api_key" | "api_key" | "apikey" | "key" => c.api_key = v.to_string(),
            "okx_secret_key" | "secret_key" | "secretkey" | "secret" => c.secret = v.to_string(),
            "okx_passphrase" | "passphrase" => c.passphrase = v.to_string(),
            _ => {
                let name = k.trim();
                return Err(tf!(
                    lang,
                    "line {line}: unknown name `{name}`",
                    "第 {line} 行：未知的名字 `{name}`"
                ));
            }
        }
    }
    Ok(c)
}

fn credentials_from_env(lang: Lang) -> Result<Credentials, String> {
    let get = |name: &str| -> Result<String, String> {
        match std::env::var(name) {
            Ok(v) => Ok(v),
            Err(std::env::VarError::NotPresent) => Ok(String::new()),
            Err(std::env::VarError::NotUnicode(_)) => {
                Err(tf!(lang, "{name} is not valid UTF-8", "{name} 不是有效的 UTF-8"))
            }
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
    let lang = o.lang;
    let creds = if o.stdin {
        let mut text = String::new();
        if std::io::stdin().read_to_string(&mut text).is_err() {
            eprintln!(
                "okx-doctor sign: {}",
                t!(
                    lang,
                    "could not read stdin as UTF-8 text",
                    "无法把标准输入读成 UTF-8 文本"
                )
            );
            return 2;
        }
        match parse_credentials(&text, lang) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("okx-doctor sign: --stdin: {e}");
                return 2;
            }
        }
    } else {
        match credentials_from_env(lang) {
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
    let mut issues = lint(&creds, lang);
    issues.extend(lint_request(
        &input.method,
        &input.request_path,
        &input.body,
        &input.timestamp,
        None,
        None,
        lang,
    ));

    let masked_pass = mask(&creds.passphrase, lang);
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
            explain_mismatch(&input, pasted, lang)
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
            lang,
        );
    }

    if has_problems(&issues) || mismatch {
        1
    } else {
        0
    }
}

type Compare = (PastedKind, Option<sign::Diff>, Vec<sign::MismatchHint>, bool);

#[allow(clippy::too_many_arguments)]
fn print_human(
    input: &SignInput,
    prehash: &str,
    signature: &str,
    headers: &[(String, String)],
    login_json: Option<&str>,
    issues: &[LintIssue],
    compare: Option<&Compare>,
    lang: Lang,
) {
    // The English labels are padded to one column; the Chinese ones are followed by a colon.
    let label = |en: &'static str, zh: &'static str| t!(lang, en, zh);
    println!("{}{}", label("Timestamp:  ", "时间戳："), input.timestamp);
    println!("{}{prehash}", label("Pre-hash:   ", "待签名字符串："));
    println!("{}{signature}", label("Signature:  ", "签名："));
    if let Some(j) = login_json {
        println!(
            "{}\n  {j}",
            label("Login message (passphrase masked):", "登录消息（Passphrase 已隐藏）：")
        );
    } else {
        println!(
            "{}",
            label("Headers (passphrase masked):", "请求头（Passphrase 已隐藏）：")
        );
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
            t!(lang, "pre-hash", "待签名字符串")
        } else {
            t!(lang, "signature", "签名")
        };
        if *equal {
            println!(
                "{}",
                tf!(
                    lang,
                    "Compare:    your {what} matches ours.",
                    "比对：你的{what}和我们算的一致。"
                )
            );
            if *kind == PastedKind::Prehash {
                println!("  - {}", sign::same_prehash_note(lang));
            }
        } else {
            println!(
                "{}",
                tf!(
                    lang,
                    "Compare:    your {what} differs from ours.",
                    "比对：你的{what}和我们算的不一样。"
                )
            );
            if let Some(d) = diff {
                let show =
                    |c: Option<char>| c.map_or(t!(lang, "(end)", "（结尾）").to_string(), |c| format!("{c:?}"));
                let (at, ours, yours) = (d.index + 1, show(d.a_char), show(d.b_char));
                println!(
                    "{}",
                    tf!(
                        lang,
                        "  first difference at character {at}: ours {ours}, yours {yours}",
                        "  第一处不同在第 {at} 个字符：我们的是 {ours}，你的是 {yours}"
                    )
                );
                let caret = " ".repeat(d.index - d.context_start);
                let (o, y) = (t!(lang, "ours: ", "我们："), t!(lang, "yours:", "你的："));
                // Both labels are 6 columns wide in either language (a Chinese character takes two).
                println!("  {o} {}\n  {y} {}\n         {caret}^", d.context_a, d.context_b);
            }
            for h in hints {
                println!("  - {}", h.message);
            }
        }
    }
    if issues.is_empty() {
        println!("{}", label("Lint:       no problems found.", "检查：没有发现问题。"));
    } else {
        println!("{}", label("Lint:", "检查："));
        for i in issues {
            let tag = match i.severity {
                sign::Severity::Problem => t!(lang, "problem", "问题"),
                sign::Severity::Note => t!(lang, "note", "提示"),
            };
            println!("  [{tag}] {}{}{}", i.field.label(lang), t!(lang, ": ", "："), i.message);
        }
    }
}
