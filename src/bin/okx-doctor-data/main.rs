//! `okx-doctor-data`: maintains `data/` from saved copies of its sources, without network.
//!
//! ```text
//! okx-doctor-data refresh --date YYYY-MM-DD [--data DIR] [--en FILE]... [--zh FILE]...
//!                         [--ccxt FILE --ccxt-version VERSION] [--dry-run]
//! okx-doctor-data check [--data DIR]
//! ```
//!
//! `refresh` reads the error-code tables of saved OKX docs pages (English `--en`, Chinese `--zh`,
//! the HTML of www.okx.com/docs-v5/en/ and /zh/ as a browser saves it) and ccxt's OKX exception
//! map (`--ccxt`: okx.py, okx.js, okx.ts or a JSON map), updates `okx-v5-error-codes.json`,
//! `okx-v5-error-messages-zh.json`, `ccxt-okx-exceptions.json` and `sources.json` in DIR
//! (default `data`), and prints every code added, changed and removed. `--date` is the date the
//! copies were saved: it becomes each listed code's `last_seen`. `--dry-run` only prints.
//! `check` fails when a data file is not in the form `refresh` writes (so a refresh's diff shows
//! only what changed). `./dev refresh-data` runs `refresh`.

#[cfg(not(target_arch = "wasm32"))]
mod ccxt;
#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
mod json;
#[cfg(not(target_arch = "wasm32"))]
mod refresh;

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage:
  okx-doctor-data refresh --date YYYY-MM-DD [--data DIR] [--en FILE]... [--zh FILE]...
                          [--ccxt FILE --ccxt-version VERSION] [--dry-run]
  okx-doctor-data check [--data DIR]";

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("okx-doctor-data: {e}\n{USAGE}");
            std::process::exit(2);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// Parsed command line.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Args {
    data: Option<String>,
    date: Option<String>,
    en: Vec<String>,
    zh: Vec<String>,
    ccxt: Option<String>,
    ccxt_version: Option<String>,
    dry_run: bool,
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args::default();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--data" => a.data = Some(value()?),
            "--date" => a.date = Some(value()?),
            "--en" => a.en.push(value()?),
            "--zh" => a.zh.push(value()?),
            "--ccxt" => a.ccxt = Some(value()?),
            "--ccxt-version" => a.ccxt_version = Some(value()?),
            "--dry-run" => a.dry_run = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(a)
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args.split_first().ok_or("no command")?;
    let a = parse_args(rest)?;
    let dir = std::path::PathBuf::from(a.data.as_deref().unwrap_or("data"));
    match cmd.as_str() {
        "check" => refresh::check(&dir),
        "refresh" => {
            let date = a
                .date
                .ok_or("--date YYYY-MM-DD is required (the day the copies were saved)")?;
            if !refresh::is_date(&date) {
                return Err(format!("--date {date:?} is not YYYY-MM-DD"));
            }
            if a.en.is_empty() && a.zh.is_empty() && a.ccxt.is_none() {
                return Err("nothing to refresh from: give --en, --zh and/or --ccxt".into());
            }
            let ccxt = match (a.ccxt, a.ccxt_version) {
                (Some(f), Some(v)) => Some((f, v)),
                (None, None) => None,
                _ => return Err("--ccxt and --ccxt-version go together".into()),
            };
            let inputs = refresh::Inputs {
                date,
                en: a.en,
                zh: a.zh,
                ccxt,
            };
            refresh::refresh(&dir, &inputs, !a.dry_run)
        }
        other => Err(format!("unknown command `{other}`")),
    }
}
