//! Generates `wizard.rs` from the decision trees in `data/wizard/`.
//!
//! Layout of the data:
//! - `data/wizard/common.toml` holds reusable `[[question]]` and `[[fix]]` templates, and
//!   `[[branch]]`es: groups of nodes (with their routing) that several trees share, such as the
//!   library-bug branch. A branch routes its way out to the placeholder `@exit`.
//! - `data/wizard/<category id>.toml` holds one tree: `category`, `start`, optional `[[entry]]`s
//!   (a code, optionally with a pre-filled answer, names the node the walk starts at),
//!   optional `[[include]]`s of branches (`branch`, `exit`, and `likely`: where the branch goes
//!   when the cause is probably not its own), and `[[node]]`s.
//!   A node either copies a template (`use = "<template id>"`, plus `next = { answer = node }` for
//!   a question or `still_failing = node` for a fix) or is written inline (`kind = "question" |
//!   "clock" | "fix"` with the same fields as a template). Every tree gets an implicit `report`.
//!
//! Validation fails the build with a message naming the file and node:
//! - structure: unknown categories or node references, duplicate ids, unreachable nodes, cycles
//!   (through answers or `still_failing`), questions with fewer than two answers, fixes without
//!   change, verify step or snippet, unknown snippet keys;
//! - entries (code-aware start): code-shaped codes, an existing node, a `when` that names an
//!   answer some question of the tree asks (so the pre-fill it needs survives);
//! - honest answers: every question offers an honest way out (an answer `unsure` or `unknown`)
//!   unless it is marked `exhaustive` (its answers cover every case, each a definite one); that
//!   answer leads to another question, unless no question can follow this one at all;
//! - no empty walks: from the start and from every entry, no path reaches the report without
//!   passing at least one fix;
//! - complete trees: every fix an `[[applies]]` table names for a code is reachable from where a
//!   walk for that code starts (its entries, else the start).
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use crate::i18n::{cfg_for, Zh};
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

/// Snippet keys: library ids (mirrors `Library::id` in `src/core/facts.rs`; `tests/wizard.rs`
/// checks they agree) plus the fallback.
const SNIPPET_KEYS: [&str; 11] = [
    "ccxt-python",
    "ccxt-js",
    "ccxt-php",
    "python-okx",
    "okx-api-node",
    "freqtrade",
    "hummingbot",
    "octobot",
    "nautilus",
    "http",
    "generic",
];

const REPORT: &str = "report";
/// Where a branch leaves to; replaced by the including tree's `exit`.
const BRANCH_EXIT: &str = "@exit";
/// Where a branch goes when the cause is probably not its own (the library is fine): replaced by
/// the including tree's `likely`, a chain of its most likely fixes.
const BRANCH_LIKELY: &str = "@likely";
/// Answer ids that say "I don't know" (the honest way out every question must offer).
const HONEST_ANSWERS: [&str; 2] = ["unsure", "unknown"];
/// The answer id reserved for "still failing" in URLs.
const STILL_FAILING: &str = "failing";

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
    /// The answers cover every case, so no "not sure" is needed (yes / no about something the
    /// user can see).
    #[serde(default)]
    exhaustive: bool,
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
struct Branch {
    id: String,
    node: Vec<RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Common {
    #[serde(default)]
    question: Vec<QuestionTpl>,
    #[serde(default)]
    fix: Vec<FixTpl>,
    #[serde(default)]
    branch: Vec<Branch>,
}

#[derive(Deserialize, Clone)]
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
    exhaustive: Option<bool>,
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
struct RawEntry {
    codes: Vec<String>,
    /// `question key.answer id`: only when the paste pre-filled that answer.
    #[serde(default)]
    when: Option<String>,
    node: String,
}

/// The fixes that apply to some codes: each must be reachable from where those codes start.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApplies {
    codes: Vec<String>,
    /// Fix keys (template ids, or node ids of fixes written inline).
    fixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInclude {
    branch: String,
    exit: String,
    /// The first of the tree's most likely fixes (a chain of fixes, no questions).
    #[serde(default)]
    likely: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTree {
    category: String,
    start: String,
    #[serde(default)]
    entry: Vec<RawEntry>,
    #[serde(default)]
    include: Vec<RawInclude>,
    #[serde(default)]
    applies: Vec<RawApplies>,
    node: Vec<RawNode>,
}

enum Node {
    Question {
        id: String,
        key: String,
        text: String,
        help: String,
        clock: bool,
        exhaustive: bool,
        answers: Vec<(String, String, String)>,
    },
    Fix {
        id: String,
        /// The template id, or the node id for a fix written inline.
        key: String,
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

struct Entry {
    codes: Vec<String>,
    when: Option<(String, String)>,
    node: String,
}

struct Tree {
    category: String,
    start: String,
    entries: Vec<Entry>,
    applies: Vec<RawApplies>,
    nodes: Vec<Node>,
}

impl Tree {
    /// The start node and every entry node: where a walk can begin.
    fn roots(&self) -> Vec<&str> {
        std::iter::once(self.start.as_str())
            .chain(self.entries.iter().map(|e| e.node.as_str()))
            .collect()
    }
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

/// Mirrors `routes::is_code_shaped`: `50119`, `51008_1000`.
fn is_code(s: &str) -> bool {
    let digits = |t: &str, max: usize| !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('_') {
        Some((base, sub)) => digits(base, 5) && digits(sub, 4),
        None => digits(s, 5),
    }
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

struct Templates<'a> {
    questions: BTreeMap<&'a str, &'a QuestionTpl>,
    fixes: BTreeMap<&'a str, &'a FixTpl>,
}

/// A node that copies a template: only routing (and a help override) may be given.
fn node_from_template(file: &str, id: &str, tid: &str, rn: RawNode, tpl: &Templates) -> Node {
    if rn.kind.is_some() || rn.text.is_some() || rn.answers.is_some() || rn.title.is_some() || rn.change.is_some() {
        fail(
            file,
            format!("node `{id}` uses template `{tid}`: only `id`, `next`, `still_failing`, `help` may be given"),
        );
    }
    if let Some(q) = tpl.questions.get(tid) {
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
            id: id.to_string(),
            key: tid.to_string(),
            text: q.text.clone(),
            help: rn.help.clone().unwrap_or_else(|| q.help.clone()),
            clock: q.clock,
            exhaustive: q.exhaustive,
            answers,
        }
    } else if let Some(f) = tpl.fixes.get(tid) {
        Node::Fix {
            id: id.to_string(),
            key: tid.to_string(),
            title: f.title.clone(),
            change: f.change.clone(),
            verify: f.verify.clone(),
            snippets: f.snippets.clone(),
            still_failing: nonblank(file, id, "still_failing", rn.still_failing),
        }
    } else {
        fail(file, format!("node `{id}` uses unknown template `{tid}`"))
    }
}

/// A node written inline in the tree file.
fn node_inline(file: &str, id: &str, rn: RawNode) -> Node {
    match rn.kind.as_deref() {
        Some(k @ ("question" | "clock")) => {
            let answers = rn
                .answers
                .unwrap_or_else(|| fail(file, format!("question `{id}` has no answers")))
                .into_iter()
                .map(|a| {
                    let to = a
                        .next
                        .clone()
                        .unwrap_or_else(|| fail(file, format!("question `{id}`: answer `{}` has no `next`", a.id)));
                    (a.id, a.label, to)
                })
                .collect();
            Node::Question {
                id: id.to_string(),
                key: id.to_string(),
                text: nonblank(file, id, "text", rn.text),
                help: rn.help.unwrap_or_default(),
                clock: k == "clock",
                exhaustive: rn.exhaustive.unwrap_or(false),
                answers,
            }
        }
        Some("fix") => Node::Fix {
            id: id.to_string(),
            key: id.to_string(),
            title: nonblank(file, id, "title", rn.title),
            change: nonblank(file, id, "change", rn.change),
            verify: nonblank(file, id, "verify", rn.verify),
            snippets: rn.snippets.unwrap_or_default(),
            still_failing: nonblank(file, id, "still_failing", rn.still_failing),
        },
        other => fail(
            file,
            format!("node `{id}`: `kind` must be question, clock or fix (got {other:?})"),
        ),
    }
}

fn build_node(file: &str, rn: RawNode, tpl: &Templates) -> Node {
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
    match rn.use_.clone() {
        Some(tid) => node_from_template(file, &id, &tid, rn, tpl),
        None => node_inline(file, &id, rn),
    }
}

/// The nodes of an included branch, with `@exit` replaced by the tree's exit.
fn branch_nodes(file: &str, inc: &RawInclude, common: &Common) -> Vec<RawNode> {
    let branch = common
        .branch
        .iter()
        .find(|b| b.id == inc.branch)
        .unwrap_or_else(|| fail(file, format!("include of unknown branch `{}`", inc.branch)));
    let exit = |s: &mut String| {
        if s == BRANCH_EXIT {
            *s = inc.exit.clone();
        } else if s == BRANCH_LIKELY {
            *s = inc.likely.clone().unwrap_or_else(|| {
                fail(
                    file,
                    format!("branch `{}` needs `likely` (its @likely target)", inc.branch),
                )
            });
        }
    };
    branch
        .node
        .iter()
        .cloned()
        .map(|mut n| {
            if let Some(next) = n.next.as_mut() {
                next.values_mut().for_each(exit);
            }
            if let Some(answers) = n.answers.as_mut() {
                answers.iter_mut().filter_map(|a| a.next.as_mut()).for_each(exit);
            }
            if let Some(sf) = n.still_failing.as_mut() {
                exit(sf);
            }
            n
        })
        .collect()
}

fn parse_when(file: &str, when: &str) -> (String, String) {
    match when.split_once('.') {
        Some((q, a)) if is_id(q) && is_id(a) => (q.to_string(), a.to_string()),
        _ => fail(
            file,
            format!("entry `when = \"{when}\"` must be `question_key.answer_id`"),
        ),
    }
}

fn build_tree(file: &str, raw: RawTree, common: &Common) -> Tree {
    let tpl = Templates {
        questions: common.question.iter().map(|q| (q.id.as_str(), q)).collect(),
        fixes: common.fix.iter().map(|f| (f.id.as_str(), f)).collect(),
    };
    let included = raw.include.iter().flat_map(|inc| branch_nodes(file, inc, common));
    let mut nodes: Vec<Node> = raw
        .node
        .into_iter()
        .chain(included)
        .map(|rn| build_node(file, rn, &tpl))
        .collect();
    nodes.push(Node::Report);
    let entries = raw
        .entry
        .into_iter()
        .map(|e| Entry {
            codes: e.codes,
            when: e.when.as_deref().map(|w| parse_when(file, w)),
            node: e.node,
        })
        .collect();
    Tree {
        category: raw.category,
        start: raw.start,
        entries,
        applies: raw.applies,
        nodes,
    }
}

fn validate_question(file: &str, id: &str, answers: &[(String, String, String)]) {
    if answers.len() < 2 {
        fail(file, format!("question `{id}` needs at least two answers"));
    }
    let mut seen = BTreeSet::new();
    for (aid, label, _) in answers {
        if !is_id(aid) || aid == STILL_FAILING {
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

fn validate_nodes(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
    for n in &t.nodes {
        match n {
            Node::Question { id, answers, .. } => validate_question(file, id, answers),
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
}

fn validate_entries(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
    for e in &t.entries {
        if e.codes.is_empty() {
            fail(file, format!("an entry to `{}` has no codes", e.node));
        }
        for c in &e.codes {
            if !is_code(c) {
                fail(file, format!("entry code `{c}` is not code-shaped (50119, 51008_1000)"));
            }
        }
        if !index.contains_key(e.node.as_str()) {
            fail(file, format!("entry for {:?} names unknown node `{}`", e.codes, e.node));
        }
        if let Some((q, a)) = &e.when {
            let asked = t.nodes.iter().any(|n| match n {
                Node::Question { key, answers, .. } => key == q && answers.iter().any(|x| &x.0 == a),
                _ => false,
            });
            if !asked {
                fail(
                    file,
                    format!("entry `when = {q}.{a}`: no question of this tree asks `{q}` with answer `{a}`, so the pre-fill would be dropped"),
                );
            }
        }
    }
}

/// Nodes reachable from `from` (inclusive).
fn reachable<'a>(t: &'a Tree, index: &BTreeMap<&str, usize>, from: &[&'a str]) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<&str> = from.to_vec();
    while let Some(id) = stack.pop() {
        if seen.insert(id) {
            stack.extend(t.nodes[index[id]].edges());
        }
    }
    seen
}

fn validate_reachability(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
    let seen = reachable(t, index, &t.roots());
    for n in &t.nodes {
        if !seen.contains(n.id()) {
            fail(
                file,
                format!("node `{}` is unreachable from the start or any entry", n.id()),
            );
        }
    }
}

/// Cycles (answers and still_failing edges together): colouring DFS from every root.
fn validate_acyclic(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
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
    for root in t.roots() {
        if colour[index[root]] == 0 {
            dfs(t, index, index[root], &mut colour, &mut Vec::new(), file);
        }
    }
}

/// Every question offers "not sure" (unless exhaustive), and "not sure" moves on to the next
/// question rather than guessing a fix, unless no question can follow this one.
fn validate_honest_answers(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
    for n in &t.nodes {
        let Node::Question {
            id,
            answers,
            exhaustive,
            ..
        } = n
        else {
            continue;
        };
        let honest: Vec<&(String, String, String)> = answers
            .iter()
            .filter(|a| HONEST_ANSWERS.contains(&a.0.as_str()))
            .collect();
        if *exhaustive {
            // Every answer is a definite case (an "unsure" there means "cannot rule it out").
            continue;
        }
        if honest.is_empty() {
            fail(
                file,
                format!("question `{id}` has no honest way out: add an answer `unsure` or `unknown`, or mark it `exhaustive`"),
            );
        }
        let later: Vec<&str> = answers.iter().map(|a| a.2.as_str()).collect();
        let any_question_follows = reachable(t, index, &later)
            .iter()
            .any(|other| matches!(t.nodes[index[other]], Node::Question { .. }));
        for (aid, _, next) in honest {
            let leads_to_question = matches!(t.nodes[index[next.as_str()]], Node::Question { .. });
            if any_question_follows && !leads_to_question {
                fail(
                    file,
                    format!("question `{id}`: answer `{aid}` jumps to `{next}`; \"not sure\" must lead to the next question"),
                );
            }
        }
    }
}

/// From every root, every path passes at least one fix before it reaches the report.
fn validate_fix_before_report(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
    fn bare_path(t: &Tree, index: &BTreeMap<&str, usize>, id: &str, memo: &mut BTreeMap<String, bool>) -> bool {
        if let Some(&v) = memo.get(id) {
            return v;
        }
        let v = match &t.nodes[index[id]] {
            Node::Report => true,
            Node::Fix { .. } => false,
            Node::Question { answers, .. } => answers.iter().any(|a| bare_path(t, index, &a.2, memo)),
        };
        memo.insert(id.to_string(), v);
        v
    }
    let mut memo = BTreeMap::new();
    for root in t.roots() {
        if bare_path(t, index, root, &mut memo) {
            fail(
                file,
                format!("a walk from `{root}` can reach the report without offering any fix"),
            );
        }
    }
}

/// The nodes a walk for `code` can start at: every entry naming it (whatever its `when`), or the
/// tree's start when none does.
fn roots_for<'a>(t: &'a Tree, code: &str) -> Vec<&'a str> {
    let base = code.split('_').next().unwrap_or(code);
    let mut roots: Vec<&str> = t
        .entries
        .iter()
        .filter(|e| e.codes.iter().any(|c| c == code || c == base))
        .map(|e| e.node.as_str())
        .collect();
    let unconditional = t
        .entries
        .iter()
        .any(|e| e.when.is_none() && e.codes.iter().any(|c| c == code || c == base));
    if !unconditional {
        roots.push(t.start.as_str());
    }
    roots
}

/// Every fix declared to apply to a code is reachable from where that code's walk starts, so a
/// code's fix cannot live only in another tree.
fn validate_applies(file: &str, t: &Tree, index: &BTreeMap<&str, usize>) {
    if t.applies.is_empty() {
        fail(
            file,
            "declare the fixes that apply to the tree's codes in `[[applies]]`".into(),
        );
    }
    for a in &t.applies {
        for code in &a.codes {
            if !is_code(code) {
                fail(file, format!("applies: `{code}` is not code-shaped"));
            }
            let reach = reachable(t, index, &roots_for(t, code));
            for want in &a.fixes {
                let found = reach.iter().any(|id| match &t.nodes[index[id]] {
                    Node::Fix { key, .. } => key == want,
                    _ => false,
                });
                if !found {
                    fail(
                        file,
                        format!("fix `{want}` applies to {code} but no walk for {code} in this tree reaches it"),
                    );
                }
            }
        }
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
    validate_nodes(file, t, &index);
    validate_entries(file, t, &index);
    validate_reachability(file, t, &index);
    validate_acyclic(file, t, &index);
    validate_honest_answers(file, t, &index);
    validate_fix_before_report(file, t, &index);
    validate_applies(file, t, &index);
}

/// One question node of the generated table.
fn emit_question(s: &mut String, index: &BTreeMap<&str, usize>, n: &Node, tr: Tr) {
    let Node::Question {
        id,
        key,
        text,
        help,
        clock,
        answers,
        ..
    } = n
    else {
        return;
    };
    s.push_str(&format!(
        "        Node {{ id: {}, kind: NodeKind::Question(Question {{ key: {}, text: {}, help: {}, clock_check: {clock}, answers: &[\n",
        lit(id),
        lit(key),
        lit(&tr(text)),
        lit(&tr(help))
    ));
    for (aid, label, next) in answers {
        s.push_str(&format!(
            "            AnswerDef {{ id: {}, label: {}, next: {} }},\n",
            lit(aid),
            lit(&tr(label)),
            index[next.as_str()]
        ));
    }
    s.push_str("        ] }) },\n");
}

/// A text's version in the language being generated (English as it is, or its Chinese).
type Tr<'a> = &'a dyn Fn(&str) -> String;

fn emit(t: &Tree, tr: Tr) -> String {
    let index: BTreeMap<&str, usize> = t.nodes.iter().enumerate().map(|(i, n)| (n.id(), i)).collect();
    let mut s = String::new();
    s.push_str(&format!(
        "    Tree {{ category: {}, start: {}, entries: &[\n",
        lit(&t.category),
        index[t.start.as_str()]
    ));
    for e in &t.entries {
        let codes: Vec<String> = e.codes.iter().map(|c| lit(c)).collect();
        let when = match &e.when {
            Some((q, a)) => format!("Some(({}, {}))", lit(q), lit(a)),
            None => "None".to_string(),
        };
        s.push_str(&format!(
            "        Entry {{ codes: &[{}], when: {when}, node: {} }},\n",
            codes.join(", "),
            index[e.node.as_str()]
        ));
    }
    s.push_str("    ], nodes: &[\n");
    for n in &t.nodes {
        match n {
            Node::Question { .. } => emit_question(&mut s, &index, n, tr),
            Node::Fix {
                id,
                key,
                title,
                change,
                verify,
                snippets,
                still_failing,
            } => {
                s.push_str(&format!(
                    "        Node {{ id: {}, kind: NodeKind::Fix(Fix {{ key: {}, title: {}, change: {}, verify: {}, still_failing: {}, snippets: &[\n",
                    lit(id),
                    lit(key),
                    lit(&tr(title)),
                    lit(&tr(change)),
                    lit(&tr(verify)),
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

fn check_common(file: &str, common: &Common) {
    let mut seen_tpl = BTreeSet::new();
    for q in &common.question {
        if !is_id(&q.id) || !seen_tpl.insert(q.id.clone()) {
            fail(file, format!("bad or duplicate template id `{}`", q.id));
        }
        if q.answers.len() < 2 {
            fail(file, format!("question template `{}` needs at least two answers", q.id));
        }
    }
    for f in &common.fix {
        if !is_id(&f.id) || !seen_tpl.insert(f.id.clone()) {
            fail(file, format!("bad or duplicate template id `{}`", f.id));
        }
        check_snippets(file, &f.id, &f.snippets);
    }
    let mut seen_branch = BTreeSet::new();
    for b in &common.branch {
        if !is_id(&b.id) || !seen_branch.insert(b.id.clone()) {
            fail(file, format!("bad or duplicate branch id `{}`", b.id));
        }
    }
}

/// Stray files are probably typos in a category id.
fn check_no_stray_files() {
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
}

pub fn generate(out_dir: &Path, zh: &Zh) {
    println!("cargo:rerun-if-changed=data/wizard");
    let common_file = "data/wizard/common.toml";
    let common: Common = toml::from_str(&read(common_file)).unwrap_or_else(|e| fail(common_file, format!("{e}")));
    check_common(common_file, &common);

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
    check_no_stray_files();

    let mut out = String::from("// @generated by build/wizard.rs from data/wizard/*.toml. Do not edit.\n");
    let en = |t: &str| t.to_string();
    let zh_tr = |t: &str| zh.tr(t);
    for (lang, tr) in [("en", &en as Tr), ("zh", &zh_tr as Tr)] {
        out.push_str(&format!(
            "{}\npub static TREES_{}: &[Tree] = &[\n",
            cfg_for(lang),
            lang.to_ascii_uppercase()
        ));
        for cat in CATEGORIES {
            out.push_str(&emit(&trees[cat], tr));
        }
        out.push_str("];\n");
    }
    std::fs::write(out_dir.join("wizard.rs"), out).expect("write wizard.rs");
}
