//! The `okx-doctor` command-line tool (native only). Each subcommand lives in its own module.

use crate::core::lang::Lang;

pub mod clock;
pub mod explain;
pub mod lookup;
pub mod sign;

/// Usage text.
pub const USAGE: &str = "okx-doctor: find the cause of OKX API errors

USAGE:
  okx-doctor explain [--json] [FILE]   diagnose a paste from FILE or stdin
  okx-doctor lookup CODE               print a catalog entry and what we know about it
  okx-doctor clock [--host global|eea|us] [--base-url URL]
                                       measure this machine's clock against OKX server time
  okx-doctor sign [options]            compute an OKX signature (credentials from env or stdin)
  okx-doctor help                      this text

OPTIONS:
  --lang en|zh                         after a command: its output in English (default) or
                                       Simplified Chinese
";

/// [`USAGE`] in Simplified Chinese.
pub const USAGE_ZH: &str = "okx-doctor：查找欧易（OKX）API 报错的原因

用法：
  okx-doctor explain [--json] [FILE]   诊断 FILE 或标准输入里粘贴的内容
  okx-doctor lookup CODE               显示错误码目录中的条目和已知的排查信息
  okx-doctor clock [--host global|eea|us] [--base-url URL]
                                       对照欧易服务器时间检查本机时间
  okx-doctor sign [options]            计算欧易 API 签名（凭证来自环境变量或标准输入）
  okx-doctor help                      显示本帮助

选项：
  --lang en|zh                         放在命令之后：输出英文（默认）或简体中文
";

/// The usage text in `lang`.
pub fn usage(lang: Lang) -> &'static str {
    crate::t!(lang, USAGE, USAGE_ZH)
}

/// Takes `--lang en|zh` (or `--lang=zh`) out of `args`: the language (English when absent) and
/// the other arguments, in order. An unknown language or a missing value is an error message.
pub fn take_lang(args: &[String]) -> Result<(Lang, Vec<String>), String> {
    let mut lang = Lang::En;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(String::as_str),
            Some(v) if v.starts_with('=') => Some(&v[1..]),
            _ => {
                rest.push(a.clone());
                continue;
            }
        };
        lang = match value.map(str::trim) {
            Some("en") => Lang::En,
            Some("zh") => Lang::Zh,
            Some(v) => return Err(format!("unknown language `{v}` for --lang (use en or zh)")),
            None => return Err("--lang needs a value: en or zh".to_string()),
        };
    }
    Ok((lang, rest))
}

/// Runs the tool with `args` (without the program name) and returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => {
            eprint!("{USAGE}");
            return 2;
        }
    };
    match cmd {
        "explain" => explain::run(rest),
        "lookup" => lookup::run(rest),
        "clock" => clock::run(rest),
        "sign" => sign::run(rest),
        "help" | "--help" | "-h" => match take_lang(rest) {
            Ok((lang, _)) => {
                print!("{}", usage(lang));
                0
            }
            Err(e) => {
                eprintln!("okx-doctor: {e}\n");
                eprint!("{USAGE}");
                2
            }
        },
        other => {
            eprintln!("okx-doctor: unknown command `{other}`\n");
            eprint!("{USAGE}");
            2
        }
    }
}
