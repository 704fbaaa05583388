//! Generates `kb.rs` from the knowledge base in `data/kb/*.toml`.
//!
//! Every `.toml` file in `data/kb/` may hold three kinds of tables, merged across files:
//! `[[snippet]]` (shared code examples, referenced by id), `[[category]]` (one per category id)
//! and `[[code]]` (hand-written knowledge for one catalog code). The data is validated here and
//! the build fails with a message naming the file and the problem when something is wrong.
//!
//! A code's causes are shown before its category's, and a category cause that one of the code's
//! causes already says is left out (`src/core/kb.rs`, `causes`). Which ones is decided here, once:
//! a code cause replaces the category causes it names in `replaces = [...]` (paraphrases and
//! contradictions, judged by hand), the category cause with its own id, and every category cause
//! it near-duplicates by text (`src/core/textsim.rs`).

use super::i18n::{cfg_for, Zh};
use super::textsim;
use super::util::{lit, read, str_slice};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The 16 stable category ids with the enum variant each maps to (kept in step with
/// `src/core/category.rs`; `tests/kb.rs` checks every `Category::ALL` has knowledge).
const CATEGORIES: &[(&str, &str)] = &[
    ("rate_limit", "RateLimit"),
    ("auth_signature", "AuthSignature"),
    ("auth_key", "AuthKey"),
    ("auth_passphrase", "AuthPassphrase"),
    ("timestamp", "Timestamp"),
    ("permission", "Permission"),
    ("ip_whitelist", "IpWhitelist"),
    ("environment_mismatch", "EnvironmentMismatch"),
    ("insufficient_balance", "InsufficientBalance"),
    ("instrument", "Instrument"),
    ("order_size_precision", "OrderSizePrecision"),
    ("parameter", "Parameter"),
    ("account_mode", "AccountMode"),
    ("websocket_login", "WebsocketLogin"),
    ("network", "Network"),
    ("other", "Other"),
];

const LIBS: &[&str] = &[
    "ccxt-python",
    "ccxt-js",
    "ccxt-php",
    "python-okx",
    "okx-api-node",
    "freqtrade",
    "python",
    "shell",
    "http",
];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct KbFile {
    #[serde(default)]
    snippet: Vec<SnippetDef>,
    #[serde(default)]
    category: Vec<CategoryDef>,
    #[serde(default)]
    code: Vec<CodeDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SnippetDef {
    id: String,
    lib: String,
    title: String,
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CauseDef {
    id: String,
    title: String,
    detail: String,
    confirm: String,
    fix: String,
    verify: String,
    /// Category cause ids this code cause says again, better or contradicts (code causes only).
    #[serde(default)]
    replaces: Vec<String>,
    /// The request parameters this cause is about (`posSide`); a message that names another
    /// known parameter and none of these leaves the cause out.
    #[serde(default)]
    params: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoryDef {
    id: String,
    meaning: String,
    #[serde(default)]
    snippets: Vec<String>,
    #[serde(default)]
    cause: Vec<CauseDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeDef {
    code: String,
    summary: String,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    snippets: Vec<String>,
    #[serde(default)]
    cause: Vec<CauseDef>,
}

fn fail(msg: String) -> ! {
    panic!("\n\ndata/kb is invalid: {msg}\n\n")
}

fn nonempty(file: &str, what: &str, field: &str, v: &str) {
    if v.trim().is_empty() {
        fail(format!("{file}: {what}: `{field}` is empty"));
    }
}

fn check_causes(file: &str, what: &str, causes: &[CauseDef]) {
    if causes.is_empty() {
        fail(format!("{file}: {what} has no [[…cause]]"));
    }
    let mut ids = BTreeSet::new();
    for c in causes {
        let w = format!("{what}, cause `{}`", c.id);
        if !ids.insert(c.id.as_str()) {
            fail(format!("{file}: {what}: duplicate cause id `{}`", c.id));
        }
        if c.id.is_empty()
            || !c
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            fail(format!("{file}: {what}: cause id `{}` must be lower_snake_case", c.id));
        }
        nonempty(file, &w, "title", &c.title);
        nonempty(file, &w, "detail", &c.detail);
        nonempty(file, &w, "confirm", &c.confirm);
        nonempty(file, &w, "fix", &c.fix);
        nonempty(file, &w, "verify", &c.verify);
        for p in &c.params {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_alphanumeric()) {
                fail(format!(
                    "{file}: {w}: param `{p}` must be a parameter name (letters and digits)"
                ));
            }
        }
    }
}

/// The category causes (by id) that a code cause replaces: those it names, the one with its own
/// id, and its near-duplicates. `category_causes` is every category's causes, whose ids the build
/// has checked to be unique across categories.
fn replaced_ids(file: &str, what: &str, c: &CauseDef, category_causes: &[&CauseDef]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in &c.replaces {
        if !category_causes.iter().any(|k| &k.id == r) {
            fail(format!(
                "{file}: {what}, cause `{}`: replaces unknown category cause `{r}`",
                c.id
            ));
        }
        if out.contains(r) {
            fail(format!("{file}: {what}, cause `{}`: replaces `{r}` twice", c.id));
        }
        out.push(r.clone());
    }
    for k in category_causes {
        let same = k.id == c.id || textsim::near_duplicate((&c.title, &c.detail), (&k.title, &k.detail));
        if same && !out.contains(&k.id) {
            out.push(k.id.clone());
        }
    }
    out
}

/// A `&[…]` literal with one `Type { … }` per cause: its `fields` (name and value literal), then
/// `params` and its resolved `replaces`.
fn rows_lit(
    ty: &str,
    causes: &[CauseDef],
    replaced: &[Vec<String>],
    fields: impl Fn(&CauseDef) -> Vec<(&str, String)>,
) -> String {
    let parts: Vec<String> = causes
        .iter()
        .zip(replaced)
        .map(|(c, r)| {
            let mut f: Vec<String> = fields(c).into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
            f.push(format!("params: {}", str_slice(&c.params)));
            f.push(format!("replaces: {}", str_slice(r)));
            format!("{ty} {{ {} }}", f.join(", "))
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}

/// The `&[Cause]` literal for `causes`.
fn causes_lit(causes: &[CauseDef], replaced: &[Vec<String>], tr: Tr) -> String {
    rows_lit("Cause", causes, replaced, |c| {
        vec![
            ("id", lit(&c.id)),
            ("title", lit(&tr(&c.title))),
            ("detail", lit(&tr(&c.detail))),
            ("confirm", lit(&tr(&c.confirm))),
            ("fix", lit(&tr(&c.fix))),
            ("verify", lit(&tr(&c.verify))),
        ]
    })
}

/// A text's version in the language being generated (trimmed English, or its Chinese).
type Tr<'a> = &'a dyn Fn(&str) -> String;

/// The `&[CauseHead]` literal for `causes`: what the paste box needs, without the long texts.
fn heads_lit(causes: &[CauseDef], replaced: &[Vec<String>], tr: Tr) -> String {
    rows_lit("CauseHead", causes, replaced, |c| {
        vec![
            ("id", lit(&c.id)),
            ("title", lit(&tr(&c.title))),
            ("fix", lit(first_sentence(&tr(&c.fix)))),
        ]
    })
}

fn snippets_lit(
    file: &str,
    what: &str,
    ids: &[String],
    all: &BTreeMap<String, (String, SnippetDef)>,
    tr: Tr,
) -> String {
    let mut seen = BTreeSet::new();
    let parts: Vec<String> = ids
        .iter()
        .map(|id| {
            if !seen.insert(id) {
                fail(format!("{file}: {what}: snippet `{id}` listed twice"));
            }
            let (_, s) = all
                .get(id)
                .unwrap_or_else(|| fail(format!("{file}: {what}: unknown snippet id `{id}`")));
            format!(
                "Snippet {{ id: {}, lib: {}, title: {}, code: {} }}",
                lit(&s.id),
                lit(&s.lib),
                lit(&tr(&s.title)),
                lit(s.code.trim_end())
            )
        })
        .collect();
    format!("&[{}]", parts.join(", "))
}

pub fn generate(out_dir: &Path, zh: &Zh) {
    // Codes known to the catalog.
    let raw = read("data/okx-v5-error-codes.json");
    let entries: Vec<serde_json::Value> = serde_json::from_str(&raw).expect("okx-v5-error-codes.json is a JSON array");
    let known: BTreeSet<String> = entries
        .iter()
        .filter_map(|e| e.get("code").and_then(|c| c.as_str()).map(String::from))
        .collect();

    // Read every data/kb/*.toml, in name order.
    println!("cargo:rerun-if-changed=data/kb");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir("data/kb")
        .unwrap_or_else(|e| fail(format!("cannot read directory data/kb: {e}")))
        .filter_map(|d| d.ok().map(|d| d.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        fail("no .toml files in data/kb".into());
    }
    let mut files: Vec<(String, KbFile)> = Vec::new();
    for p in &paths {
        let name = p.display().to_string();
        let text = read(&name);
        let f: KbFile = toml::from_str(&text).unwrap_or_else(|e| fail(format!("{name}: {e}")));
        files.push((name, f));
    }

    // Snippets: ids unique across all files, known library, non-empty.
    let mut snippets: BTreeMap<String, (String, SnippetDef)> = BTreeMap::new();
    for (name, f) in &mut files {
        for s in std::mem::take(&mut f.snippet) {
            let what = format!("snippet `{}`", s.id);
            if !LIBS.contains(&s.lib.as_str()) {
                fail(format!("{name}: {what}: unknown lib `{}` (one of {LIBS:?})", s.lib));
            }
            nonempty(name, &what, "title", &s.title);
            nonempty(name, &what, "code", &s.code);
            if let Some((other, _)) = snippets.get(&s.id) {
                fail(format!("{name}: duplicate snippet id `{}` (also in {other})", s.id));
            }
            snippets.insert(s.id.clone(), (name.clone(), s));
        }
    }
    let mut used_snippets: BTreeSet<String> = BTreeSet::new();

    // Categories: each id exactly once.
    let mut cats: BTreeMap<&str, (String, &CategoryDef)> = BTreeMap::new();
    for (name, f) in &files {
        for c in &f.category {
            let Some((id, _)) = CATEGORIES.iter().find(|(id, _)| *id == c.id) else {
                fail(format!("{name}: unknown category id `{}`", c.id));
            };
            if let Some((other, _)) = cats.get(id) {
                fail(format!("{name}: category `{id}` defined twice (also in {other})"));
            }
            let what = format!("category `{id}`");
            nonempty(name, &what, "meaning", &c.meaning);
            check_causes(name, &what, &c.cause);
            cats.insert(id, (name.clone(), c));
        }
    }
    for (id, _) in CATEGORIES {
        if !cats.contains_key(id) {
            fail(format!("category `{id}` has no [[category]] entry"));
        }
    }
    // Category cause ids are unique across categories (a code cause's `replaces` names them
    // without a category, because the category of a finding depends on its message), and only
    // code causes replace.
    let mut category_causes: Vec<&CauseDef> = Vec::new();
    for (id, (name, c)) in &cats {
        for k in &c.cause {
            if let Some(other) = category_causes.iter().find(|o| o.id == k.id) {
                fail(format!(
                    "{name}: category `{id}`: cause id `{}` is also used by another category ({})",
                    k.id, other.title
                ));
            }
            if !k.replaces.is_empty() {
                fail(format!(
                    "{name}: category `{id}`, cause `{}`: only code causes can `replaces`",
                    k.id
                ));
            }
            category_causes.push(k);
        }
    }

    // Codes: exist in the catalog, each once; related codes exist.
    let mut codes: BTreeMap<&str, (String, &CodeDef, Vec<Vec<String>>)> = BTreeMap::new();
    for (name, f) in &files {
        for c in &f.code {
            let what = format!("code `{}`", c.code);
            if !known.contains(&c.code) {
                fail(format!("{name}: {what} is not in data/okx-v5-error-codes.json"));
            }
            if let Some((other, _, _)) = codes.get(c.code.as_str()) {
                fail(format!("{name}: {what} defined twice (also in {other})"));
            }
            nonempty(name, &what, "summary", &c.summary);
            check_causes(name, &what, &c.cause);
            let replaced: Vec<Vec<String>> = c
                .cause
                .iter()
                .map(|k| replaced_ids(name, &what, k, &category_causes))
                .collect();
            let mut rel = BTreeSet::new();
            for r in &c.related {
                if !known.contains(r) {
                    fail(format!("{name}: {what}: related code `{r}` is not in the catalog"));
                }
                if r == &c.code || !rel.insert(r) {
                    fail(format!("{name}: {what}: related code `{r}` is itself or listed twice"));
                }
            }
            codes.insert(c.code.as_str(), (name.clone(), c, replaced));
        }
    }

    let mut out = String::new();
    out.push_str("// @generated by build/kb.rs from data/kb/*.toml (and data/i18n/zh/). Do not edit.\n");
    let en = |t: &str| t.trim().to_string();
    let zh_tr = |t: &str| zh.tr(t);
    for (lang, tr) in [("en", &en as Tr), ("zh", &zh_tr as Tr)] {
        emit_tables(&mut out, lang, tr, &cats, &codes, &snippets, &mut used_snippets);
    }
    // Every parameter name some cause is about, for telling which ones a message names.
    let params: BTreeSet<&str> = cats
        .values()
        .flat_map(|(_, c)| c.cause.iter())
        .chain(codes.values().flat_map(|(_, c, _)| c.cause.iter()))
        .flat_map(|k| k.params.iter().map(String::as_str))
        .collect();
    let params: Vec<String> = params.into_iter().map(String::from).collect();
    let _ = writeln!(out, "pub static KNOWN_PARAMS: &[&str] = {};", str_slice(&params));
    for (id, (name, _)) in &snippets {
        if !used_snippets.contains(id) {
            fail(format!("{name}: snippet `{id}` is never used by a category or code"));
        }
    }
    std::fs::write(out_dir.join("kb.rs"), out).expect("write kb.rs");
}

type Cats<'a> = BTreeMap<&'a str, (String, &'a CategoryDef)>;
type Codes<'a> = BTreeMap<&'a str, (String, &'a CodeDef, Vec<Vec<String>>)>;

/// The tables of one language (`CATEGORY_INFOS_EN` …), each behind the `cfg` that keeps it only in
/// the builds that need it.
fn emit_tables(
    out: &mut String,
    lang: &str,
    tr: Tr,
    cats: &Cats,
    codes: &Codes,
    snippets: &BTreeMap<String, (String, SnippetDef)>,
    used_snippets: &mut BTreeSet<String>,
) {
    let cfg = cfg_for(lang);
    let sfx = lang.to_ascii_uppercase();
    let none = |causes: &[CauseDef]| -> Vec<Vec<String>> { vec![Vec::new(); causes.len()] };
    let _ = writeln!(out, "{cfg}\npub static CATEGORY_INFOS_{sfx}: &[CategoryInfo] = &[");
    for (id, variant) in CATEGORIES {
        let (name, c) = &cats[id];
        used_snippets.extend(c.snippets.iter().cloned());
        let _ = writeln!(
            out,
            "  CategoryInfo {{ category: Category::{variant}, meaning: {}, causes: {}, snippets: {} }},",
            lit(&tr(&c.meaning)),
            causes_lit(&c.cause, &none(&c.cause), tr),
            snippets_lit(name, &format!("category `{id}`"), &c.snippets, snippets, tr)
        );
    }
    out.push_str("];\n");
    let _ = writeln!(out, "{cfg}\npub static CODE_INFOS_{sfx}: &[CodeInfo] = &[");
    for (code, (name, c, replaced)) in codes {
        used_snippets.extend(c.snippets.iter().cloned());
        let rel: Vec<String> = c.related.iter().map(|r| lit(r)).collect();
        let _ = writeln!(
            out,
            "  CodeInfo {{ code: {}, summary: {}, causes: {}, snippets: {}, related: &[{}] }},",
            lit(code),
            lit(&tr(&c.summary)),
            causes_lit(&c.cause, replaced, tr),
            snippets_lit(name, &format!("code `{code}`"), &c.snippets, snippets, tr),
            rel.join(", ")
        );
    }
    out.push_str("];\n");
    // Cause heads (id, title, params, replaces) again, on their own: the paste box lists the titles
    // for each finding, and with these tables the home page's bundle does not carry the knowledge
    // base's full text.
    let _ = writeln!(
        out,
        "{cfg}\npub static CATEGORY_CAUSE_HEADS_{sfx}: &[(Category, &[CauseHead])] = &["
    );
    for (id, variant) in CATEGORIES {
        let causes = &cats[id].1.cause;
        let _ = writeln!(
            out,
            "  (Category::{variant}, {}),",
            heads_lit(causes, &none(causes), tr)
        );
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "{cfg}\npub static CODE_CAUSE_HEADS_{sfx}: &[(&str, &[CauseHead])] = &["
    );
    for (code, (_, c, replaced)) in codes {
        let _ = writeln!(out, "  ({}, {}),", lit(code), heads_lit(&c.cause, replaced, tr));
    }
    out.push_str("];\n");
    let _ = writeln!(out, "{cfg}\npub static ALL_SNIPPETS_{sfx}: &[Snippet] = &[");
    for (_, s) in snippets.values() {
        let _ = writeln!(
            out,
            "  Snippet {{ id: {}, lib: {}, title: {}, code: {} }},",
            lit(&s.id),
            lit(&s.lib),
            lit(&tr(&s.title)),
            lit(s.code.trim_end())
        );
    }
    out.push_str("];\n");
}

/// The first sentence of `s` (kept in step with `first_sentence` in src/core/kb.rs).
fn first_sentence(s: &str) -> &str {
    let en = s.find(". ").map(|i| i + 1);
    let zh = s.find('。').map(|i| i + '。'.len_utf8());
    match (en, zh) {
        (Some(a), Some(b)) => &s[..a.min(b)],
        (Some(i), None) | (None, Some(i)) => &s[..i],
        (None, None) => s,
    }
}
