//! The `okx-doctor` command-line tool (native only). Each subcommand lives in its own module.

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
";

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
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            0
        }
        other => {
            eprintln!("okx-doctor: unknown command `{other}`\n");
            eprint!("{USAGE}");
            2
        }
    }
}
