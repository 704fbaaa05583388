//! `okx-doctor lookup CODE`: print a catalog entry and what we know about it.
//! Exit 0 found, 1 unknown (nearest codes are suggested), 2 usage.

use crate::core::catalog::{self, Entry};
use crate::core::{categorize, kb, search};

const USAGE: &str = "usage: okx-doctor lookup CODE   (e.g. 50113 or 51008_1001)";

pub fn run(args: &[String]) -> i32 {
    let code = match args {
        [c] if c == "-h" || c == "--help" => {
            println!("{USAGE}");
            return 0;
        }
        [c] if c.starts_with('-') && c.len() > 1 => {
            eprintln!("okx-doctor lookup: unknown option `{c}`\n{USAGE}");
            return 2;
        }
        [c] => c.trim(),
        _ => {
            eprintln!("{USAGE}");
            return 2;
        }
    };
    match catalog::get(code) {
        Some(e) => {
            print!("{}", render(e));
            0
        }
        None => {
            println!("{code}: not in the OKX API v5 catalog.");
            let near = search::nearest_codes(code, 5);
            if !near.is_empty() {
                println!("Nearest codes:");
                for e in near {
                    println!("  {}  {}", e.code, e.msg);
                }
            }
            1
        }
    }
}

pub fn render(e: &Entry) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "code:        {}", e.code);
    if let Some(sc) = e.sub_code {
        let _ = writeln!(s, "sub-code:    {sc} (of {})", e.base_code);
    }
    let statuses: Vec<String> = e.http_statuses.iter().map(|h| h.to_string()).collect();
    let _ = writeln!(
        s,
        "HTTP status: {}",
        if statuses.is_empty() {
            "-".to_string()
        } else {
            statuses.join(", ")
        }
    );
    let _ = writeln!(s, "message:     {}", e.msg);
    for r in e.alt_rows {
        let _ = writeln!(
            s,
            "also:        {}{}{}",
            r.msg,
            r.http_status.map(|h| format!(" (HTTP {h})")).unwrap_or_default(),
            r.section.map(|x| format!(" [{x}]")).unwrap_or_default()
        );
    }
    for v in e.msg_variants {
        let _ = writeln!(s, "variant:     {} ({})", v.msg, v.source);
    }
    for o in e.observed {
        let _ = writeln!(s, "seen live:   {}", o.msg);
    }
    let _ = writeln!(
        s,
        "section:     {}{}",
        e.section,
        e.subsection.map(|x| format!(" / {x}")).unwrap_or_default()
    );
    let _ = writeln!(s, "channel:     {}", e.channel.label());
    if let Some(c) = e.ccxt_exception {
        let _ = writeln!(s, "ccxt class:  {}", catalog::ccxt_ancestry(c).join(" < "));
    }
    let _ = writeln!(s, "docs:        {}", e.doc_status.label());
    let cat = categorize::category_of(e);
    let _ = writeln!(s, "category:    {} ({})", cat.id(), cat.label());
    if !e.sub_codes.is_empty() {
        let _ = writeln!(s, "sub-codes:   {}", e.sub_codes.join(", "));
    }
    if let Some(n) = e.note {
        let _ = writeln!(s, "note:        {n}");
    }
    let causes = kb::causes(Some(e.code), cat);
    if !causes.is_empty() {
        s.push_str("likely causes:\n");
        for c in causes {
            let _ = writeln!(s, "  - {}", c.title);
        }
    }
    s
}
