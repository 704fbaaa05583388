//! Generates `wizard.rs` from the decision trees in `data/wizard/`.
//!
//! Layout of the data:
//! - `data/wizard/common.toml` holds reusable `[[question]]` and `[[fix]]` templates.
//! - `data/wizard/<category id>.toml` holds one tree: `category`, `start`, and `[[node]]`s.
//!   A node either copies a template (`use = "<template id>"`, plus `next = { answer = node }` for a
//!   question or `still_failing = node` for a fix) or is written inline (`kind = "question" | "clock"
//!   | "fix"` with the same fields as a template). Every tree gets an implicit `report` node.
//!
//! Validation fails the build with a message naming the file and node: unknown categories or node
//! references, duplicate ids, unreachable nodes, cycles (through answers or `still_failing`),
//! questions without answers, fixes without change, verify step or snippet.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::util::{lit, read};

/// The stable category ids (mirrors `src/core/category.rs`; a native test checks they agree).
const CATEGORIES: [&str; 16] = [
    "rate_limit",
    "auth_signature",
    "auth_key",
    "auth_passphrase",
    "timestamp",
    "permission",
    "ip_whitelist",
    "environment_mismatch",
    "insufficient_balance",
    "instrument",
    "order_size_precision",
    "parameter",
    "account_mode",
    "websocket_login",
    "network",
    "other",
];

/// Snippet keys: library ids (mirrors `Library::id`) plus the fallback.
const SNIPPET_KEYS: [&str; 9] = [
    "ccxt-python",
    "ccxt-js",
    "ccxt-php",
    "python-okx",
    "okx-api-node",
    "freqtrade",
    "hummingbot",
    "other",
    "generic",
];

const REPORT: &str = "report";

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct AnswerDef {
    id: String,
    label: String,
    #[serde(default)]
    next: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct QuestionTpl {
    id: String,
    text: String,
    #[serde(default)]
    help: String,
    #[serde(default)]
    clock: bool,
    answers: Vec<AnswerDef>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct FixTpl {
    id: String,
    title: String,
    change: String,
    verify: String,
    #[serde(default)]
    snippets: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Common {
    #[serde(default)]
    question: Vec<QuestionTpl>,
    #[serde(default)]
    fix: Vec<FixTpl>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    #[serde(default)]
    id: Option<String>,
    #[serde(rename = "use", default)]
    use_: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    // Question fields.
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    answers: Option<Vec<AnswerDef>>,
    #[serde(default)]
    next: Option<BTreeMap<String, String>>,
    // Fix fields.
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    change: Option<String>,
    #[serde(default)]
    verify: Option<String>,
    #[serde(default)]
    snippets: Option<BTreeMap<String, String>>,
    #[serde(default)]
    still_failing: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTree {
    category: String,
    start: String,
    node: Vec<RawNode>,
}

enum Node {
    Question {
        id: String,
        key: String,
        text: String,
        help: String,
        clock: bool,
        answers: Vec<(String, String, String)>,
    },
    Fix {
        id: String,
        title: String,
        change: String,
        verify: String,
        snippets: BTreeMap<String, String>,
        still_failing: String,
    },
    Report,
}

impl Node {
    fn id(&self) -> &str {
        match self {
            Node::Question { id, .. } | Node::Fix { id, .. } => id,
            Node::Report => REPORT,
        }
    }
    fn edges(&self) -> Vec<&str> {
        match self {
            Node::Question { answers, .. } => answers.iter().map(|a| a.2.as_str()).collect(),
            Node::Fix { still_failing, .. } => vec![still_failing.as_str()],
            Node::Report => vec![],
        }
    }
}

struct Tree {
    category: String,
    start: String,
    nodes: Vec<Node>,
}

fn fail(file: &str, msg: String) -> ! {
    panic!("\n\nwizard data error in {file}: {msg}\n\n")
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn nonblank(file: &str, node: &str, field: &str, v: Option<String>) -> String {
    match v {
        Some(s) if !s.trim().is_empty() => s.trim().to_string(),
        _ => fail(file, format!("node `{node}`: missing or empty `{field}`")),
    }
}

fn check_snippets(file: &str, node: &str, snippets: &BTreeMap<String, String>) {
    if snippets.is_empty() {
        fail(file, format!("fix `{node}` has no snippet (add at least `generic`)"));
    }
    for (k, v) in snippets {
        if !SNIPPET_KEYS.contains(&k.as_str()) {
            fail(
                file,
                format!("fix `{node}`: unknown snippet key `{k}` (expected one of {SNIPPET_KEYS:?})"),
            );
        }
        if v.trim().is_empty() {
            fail(file, format!("fix `{node}`: snippet `{k}` is empty"));
        }
    }
}

fn build_tree(file: &str, raw: RawTree, common: &Common) -> Tree {
    let qtpl: BTreeMap<&str, &QuestionTpl> = common.question.iter().map(|q| (q.id.as_str(), q)).collect();
    let ftpl: BTreeMap<&str, &FixTpl> = common.fix.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut nodes = Vec::new();
    for rn in raw.node {
        let id = rn
            .id
            .clone()
            .or_else(|| rn.use_.clone())
            .unwrap_or_else(|| fail(file, "a node has neither `id` nor `use`".into()));
        if !is_id(&id) {
            fail(file, format!("node id `{id}` must be 1-40 chars of a-z, 0-9, _"));
        }
        if id == REPORT {
            fail(file, "`report` is reserved (every tree has it implicitly)".into());
        }
        let node = if let Some(tid) = rn.use_.as_deref() {
            if rn.kind.is_some()
                || rn.text.is_some()
                || rn.answers.is_some()
                || rn.title.is_some()
                || rn.change.is_some()
            {
                fail(
                    file,
                    format!(
                        "node `{id}` uses template `{tid}`: only `id`, `next`, `still_failing`, `help` may be given"
                    ),
                );
            }
            if let Some(q) = qtpl.get(tid) {
                let next = rn
                    .next
                    .unwrap_or_else(|| fail(file, format!("question `{id}` (template `{tid}`) needs `next`")));
                let tpl_ids: BTreeSet<&str> = q.answers.iter().map(|a| a.id.as_str()).collect();
                for k in next.keys() {
                    if !tpl_ids.contains(k.as_str()) {
                        fail(
                            file,
                            format!("question `{id}`: `next` names unknown answer `{k}` (template has {tpl_ids:?})"),
                        );
                    }
                }
                let answers = q
                    .answers
                    .iter()
                    .map(|a| {
                        let to = next
                            .get(&a.id)
                            .unwrap_or_else(|| fail(file, format!("question `{id}`: answer `{}` has no `next`", a.id)));
                        (a.id.clone(), a.label.clone(), to.clone())
                    })
                    .collect();
                Node::Question {
                    id: id.clone(),
                    key: tid.to_string(),
                    text: q.text.clone(),
                    help: rn.help.clone().unwrap_or_else(|| q.help.clone()),
                    clock: q.clock,
                    answers,
                }
            } else if let Some(f) = ftpl.get(tid) {
                Node::Fix {
                    id: id.clone(),
                    title: f.title.clone(),
                    change: f.change.clone(),
                    verify: f.verify.clone(),
                    snippets: f.snippets.clone(),
                    still_failing: nonblank(file, &id, "still_failing", rn.still_failing),
                }
            } else {
                fail(file, format!("node `{id}` uses unknown template `{tid}`"))
            }
        } else {
            match rn.kind.as_deref() {
                Some(k @ ("question" | "clock")) => {
                    let answers = rn
                        .answers
                        .unwrap_or_else(|| fail(file, format!("question `{id}` has no answers")))
                        .into_iter()
                        .map(|a| {
                            let to = a.next.clone().unwrap_or_else(|| {
                                fail(file, format!("question `{id}`: answer `{}` has no `next`", a.id))
                            });
                            (a.id, a.label, to)
                        })
                        .collect();
                    Node::Question {
                        id: id.clone(),
                        key: id.clone(),
                        text: nonblank(file, &id, "text", rn.text),
                        help: rn.help.unwrap_or_default(),
                        clock: k == "clock",
                        answers,
                    }
                }
                Some("fix") => Node::Fix {
                    id: id.clone(),
                    title: nonblank(file, &id, "title", rn.title),
                    change: nonblank(file, &id, "change", rn.change),
                    verify: nonblank(file, &id, "verify", rn.verify),
                    snippets: rn.snippets.unwrap_or_default(),
                    still_failing: nonblank(file, &id, "still_failing", rn.still_failing),
                },
                other => fail(
                    file,
                    format!("node `{id}`: `kind` must be question, clock or fix (got {other:?})"),
                ),
            }
        };
        nodes.push(node);
    }
    nodes.push(Node::Report);
    Tree {
        category: raw.category,
        start: raw.start,
        nodes,
    }
}

fn validate(file: &str, t: &Tree) {
    if !CATEGORIES.contains(&t.category.as_str()) {
        fail(file, format!("unknown category `{}`", t.category));
    }
    let mut index = BTreeMap::new();
    for (i, n) in t.nodes.iter().enumerate() {
        if index.insert(n.id(), i).is_some() {
            fail(file, format!("duplicate node id `{}`", n.id()));
        }
    }
    if !index.contains_key(t.start.as_str()) {
        fail(file, format!("start node `{}` does not exist", t.start));
    }
    for n in &t.nodes {
        match n {
            Node::Question { id, answers, .. } => {
                if answers.len() < 2 {
                    fail(file, format!("question `{id}` needs at least two answers"));
                }
                let mut seen = BTreeSet::new();
                for (aid, label, _) in answers {
                    if !is_id(aid) || aid == "failing" {
                        fail(file, format!("question `{id}`: bad answer id `{aid}`"));
                    }
                    if !seen.insert(aid) {
                        fail(file, format!("question `{id}`: duplicate answer `{aid}`"));
                    }
                    if label.trim().is_empty() {
                        fail(file, format!("question `{id}`: answer `{aid}` has no label"));
                    }
                }
            }
            Node::Fix {
                id,
                change,
                verify,
                snippets,
                ..
            } => {
                if change.trim().is_empty() || verify.trim().is_empty() {
                    fail(file, format!("fix `{id}` needs `change` and `verify`"));
                }
                check_snippets(file, id, snippets);
            }
            Node::Report => {}
        }
        for e in n.edges() {
            if !index.contains_key(e) {
                fail(file, format!("node `{}` points to unknown node `{e}`", n.id()));
            }
        }
    }
    // Reachability.
    let mut seen = BTreeSet::new();
    let mut stack = vec![t.start.as_str()];
    while let Some(id) = stack.pop() {
        if seen.insert(id) {
            stack.extend(t.nodes[index[id]].edges());
        }
    }
    for n in &t.nodes {
        if !seen.contains(n.id()) {
            fail(file, format!("node `{}` is unreachable from `{}`", n.id(), t.start));
        }
    }
    // Cycles (answers and still_failing edges together): colouring DFS.
    fn dfs<'a>(
        t: &'a Tree,
        index: &BTreeMap<&str, usize>,
        i: usize,
        colour: &mut Vec<u8>,
        path: &mut Vec<&'a str>,
        file: &str,
    ) {
        colour[i] = 1;
        path.push(t.nodes[i].id());
        for e in t.nodes[i].edges() {
            let j = index[e];
            if colour[j] == 1 {
                fail(file, format!("cycle: {} -> {e}", path.join(" -> ")));
            }
            if colour[j] == 0 {
                dfs(t, index, j, colour, path, file);
            }
        }
        path.pop();
        colour[i] = 2;
    }
    let mut colour = vec![0u8; t.nodes.len()];
    dfs(t, &index, index[t.start.as_str()], &mut colour, &mut Vec::new(), file);
}

fn emit(t: &Tree) -> String {
    let index: BTreeMap<&str, usize> = t.nodes.iter().enumerate().map(|(i, n)| (n.id(), i)).collect();
    let mut s = String::new();
    s.push_str(&format!(
        "    Tree {{ category: {}, start: {}, nodes: &[\n",
        lit(&t.category),
        index[t.start.as_str()]
    ));
    for n in &t.nodes {
        match n {
            Node::Question {
                id,
                key,
                text,
                help,
                clock,
                answers,
            } => {
                s.push_str(&format!(
                    "        Node {{ id: {}, kind: NodeKind::Question(Question {{ key: {}, text: {}, help: {}, clock_check: {clock}, answers: &[\n",
                    lit(id),
                    lit(key),
                    lit(text),
                    lit(help)
                ));
                for (aid, label, next) in answers {
                    s.push_str(&format!(
                        "            AnswerDef {{ id: {}, label: {}, next: {} }},\n",
                        lit(aid),
                        lit(label),
                        index[next.as_str()]
                    ));
                }
                s.push_str("        ] }) },\n");
            }
            Node::Fix {
                id,
                title,
                change,
                verify,
                snippets,
                still_failing,
            } => {
                s.push_str(&format!(
                    "        Node {{ id: {}, kind: NodeKind::Fix(Fix {{ title: {}, change: {}, verify: {}, still_failing: {}, snippets: &[\n",
                    lit(id),
                    lit(title),
                    lit(change),
                    lit(verify),
                    index[still_failing.as_str()]
                ));
                for (k, v) in snippets {
                    s.push_str(&format!(
                        "            Snippet {{ lib: {}, code: {} }},\n",
                        lit(k),
                        lit(v.trim_end())
                    ));
                }
                s.push_str("        ] }) },\n");
            }
            Node::Report => {
                s.push_str(&format!(
                    "        Node {{ id: {}, kind: NodeKind::Report }},\n",
                    lit(REPORT)
                ));
            }
        }
    }
    s.push_str("    ] },\n");
    s
}

pub fn generate(out_dir: &Path) {
    println!("cargo:rerun-if-changed=data/wizard");
    let common_file = "data/wizard/common.toml";
    let common: Common = toml::from_str(&read(common_file)).unwrap_or_else(|e| fail(common_file, format!("{e}")));
    let mut seen_tpl = BTreeSet::new();
    for q in &common.question {
        if !is_id(&q.id) || !seen_tpl.insert(q.id.clone()) {
            fail(common_file, format!("bad or duplicate template id `{}`", q.id));
        }
        if q.answers.len() < 2 {
            fail(
                common_file,
                format!("question template `{}` needs at least two answers", q.id),
            );
        }
    }
    for f in &common.fix {
        if !is_id(&f.id) || !seen_tpl.insert(f.id.clone()) {
            fail(common_file, format!("bad or duplicate template id `{}`", f.id));
        }
        check_snippets(common_file, &f.id, &f.snippets);
    }

    let mut trees: BTreeMap<String, Tree> = BTreeMap::new();
    for cat in CATEGORIES {
        let file = format!("data/wizard/{cat}.toml");
        let raw: RawTree = toml::from_str(&read(&file)).unwrap_or_else(|e| fail(&file, format!("{e}")));
        if raw.category != cat {
            fail(
                &file,
                format!("`category` is `{}` but the file is named for `{cat}`", raw.category),
            );
        }
        let tree = build_tree(&file, raw, &common);
        validate(&file, &tree);
        trees.insert(cat.to_string(), tree);
    }
    // Stray files are probably typos in a category id.
    if let Ok(dir) = std::fs::read_dir("data/wizard") {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".toml") {
                if stem != "common" && !CATEGORIES.contains(&stem) {
                    fail(&format!("data/wizard/{name}"), format!("`{stem}` is not a category id"));
                }
            }
        }
    }

    let mut out = String::from("// @generated by build/wizard.rs from data/wizard/*.toml. Do not edit.\n");
    out.push_str("pub static TREES: &[Tree] = &[\n");
    for cat in CATEGORIES {
        out.push_str(&emit(&trees[cat]));
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("wizard.rs"), out).expect("write wizard.rs");
}
