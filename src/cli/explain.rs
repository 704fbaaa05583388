//! `okx-doctor explain [--json] [FILE]`: diagnose a paste from FILE or stdin (`-`).
//! Exit 0 when something was found, 1 when nothing, 2 on bad usage.

use crate::core::diagnose::{self, Diagnosis};
use std::io::Read;

const USAGE: &str = "usage: okx-doctor explain [--json] [FILE]   (FILE `-` or none = stdin)";

pub fn run(args: &[String]) -> i32 {
    let mut json = false;
    let mut file: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            "-" => {
                if file.is_some() {
                    eprintln!("okx-doctor explain: too many arguments\n{USAGE}");
                    return 2;
                }
                file = Some("-");
            }
            s if s.starts_with('-') => {
                eprintln!("okx-doctor explain: unknown option `{s}`\n{USAGE}");
                return 2;
            }
            s => {
                if file.is_some() {
                    eprintln!("okx-doctor explain: too many arguments\n{USAGE}");
                    return 2;
                }
                file = Some(s);
            }
        }
    }
    let bytes = match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!("okx-doctor explain: cannot read stdin: {e}");
                return 2;
            }
            buf
        }
        Some(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("okx-doctor explain: cannot read `{path}`: {e}");
                return 2;
            }
        },
    };
    let text = String::from_utf8_lossy(&bytes);
    let d = diagnose::diagnose(&text);
    if json {
        println!("{}", diagnose::to_json(&d));
    } else {
        print!("{}", render(&d));
    }
    if d.findings.is_empty() {
        1
    } else {
        0
    }
}

/// The human-readable explanation.
pub fn render(d: &Diagnosis) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if d.findings.is_empty() {
        s.push_str("No error found in this text.\n");
        s.push_str("Paste the error itself: the whole response body (including any \"code\" / \"sCode\"), the exception line or traceback, or the log line.\n");
    }
    for (i, f) in d.findings.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}. {}  [{} · {} · confidence {:.2}{}]",
            i + 1,
            f.title,
            f.category.id(),
            f.category.label(),
            f.confidence,
            if f.count > 1 {
                format!(" · seen {}×", f.count)
            } else {
                String::new()
            }
        );
        let _ = writeln!(s, "   evidence: {}", f.evidence);
        for n in &f.notes {
            let _ = writeln!(s, "   note: {n}");
        }
        if !f.causes.is_empty() {
            s.push_str("   likely causes:\n");
            for c in &f.causes {
                let _ = writeln!(s, "     - {c}");
            }
        }
    }
    if d.unsure {
        if let Some(top) = d.top() {
            let _ = writeln!(
                s,
                "\nNot sure: the best match has confidence {:.2} (below {:.2}), so treat it as a guess.",
                top.confidence,
                diagnose::UNSURE_BELOW
            );
        }
        if let Some(q) = diagnose::first_question(d) {
            let answers: Vec<&str> = q.answers.iter().map(|a| a.label).collect();
            let _ = writeln!(s, "First question of the wizard: {}", q.text);
            if !answers.is_empty() {
                let _ = writeln!(s, "   answers: {}", answers.join(" / "));
            }
            s.push_str("   (the full walk-through is on the site's /wizard/ page)\n");
        }
    }
    let facts = &d.facts;
    let mut fl = Vec::new();
    if let Some(l) = facts.library {
        fl.push(format!(
            "library: {}{}",
            l.label(),
            facts
                .library_version
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default()
        ));
    }
    if let Some(x) = &facts.exchange_id {
        fl.push(format!("exchange id: {x}"));
    }
    if let Some(r) = facts.region {
        fl.push(format!("region: {}", r.id()));
    }
    if let Some(dm) = facts.demo {
        fl.push(format!("demo trading: {}", if dm { "yes" } else { "no" }));
    }
    if let Some(w) = facts.ws_endpoint {
        fl.push(format!("WebSocket endpoint: {w:?}").to_lowercase());
    }
    if !fl.is_empty() {
        let _ = writeln!(s, "\nFrom the paste: {}", fl.join("; "));
    }
    if !d.credentials.is_empty() {
        let list: Vec<String> = d
            .credentials
            .iter()
            .map(|c| format!("{:?} {}", c.kind, c.redacted))
            .collect();
        let _ = writeln!(
            s,
            "\nWARNING: the paste contains what looks like credentials ({}). Do not share them; if they were posted publicly, delete the API key and create a new one.",
            list.join(", ")
        );
    }
    if d.truncated_input {
        let _ = writeln!(
            s,
            "\n(input longer than {} bytes: only the start was read)",
            diagnose::MAX_INPUT
        );
    }
    s
}
