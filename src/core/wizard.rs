//! The wizard: after a paste is diagnosed, it asks the follow-up questions a maintainer would ask
//! and walks to one concrete fix, then to the next most likely cause, and finally to a report that
//! can be posted in an issue.
//!
//! The decision trees are data (`data/wizard/*.toml`), validated and compiled into static tables by
//! `build/wizard.rs`. This module is the state machine over those tables. Pure logic: no Leptos,
//! no web-sys.
//!
//! A walk starts where the code points ([`Tree::start_for`]: a code that already names its cause
//! starts at the question or fix that fits it, optionally only when the paste pre-filled a given
//! answer, e.g. `param.pos_side` for "Parameter posSide error"), else at the tree's start. Each fix
//! carries the key of the shared fix it copies ([`Fix::key`]), the same in every tree.
//!
//! State model: [`WizardState::answers`] holds the path taken so far (confirmed answers, in order)
//! plus answers pre-filled from the paste (`prefilled: true`). Pre-filled answers never advance the
//! wizard on their own; they only pre-select an answer when their question comes up, and the user
//! confirms or changes it. Pressing "still failing" on a fix is stored as the answer
//! [`STILL_FAILING`] to the fix's node id.

use crate::core::category::Category;
use crate::core::facts::{Library, PasteFacts, Region, Topic, WsChannel, WsEndpoint};
use crate::core::lang::Lang;
use crate::core::routes::{build_query, is_code_shaped, parse_query};
use crate::{t, tf};

/// One decision tree (one per category).
#[derive(Debug)]
pub struct Tree {
    /// Category id (`auth_key` …).
    pub category: &'static str,
    /// Index of the first node in `nodes` when no entry matches.
    pub start: u16,
    /// Code-aware starts, first match wins (see [`Tree::start_for`]).
    pub entries: &'static [Entry],
    pub nodes: &'static [Node],
}

/// A code (and optionally a pre-filled answer, i.e. the pasted wording) that already names its
/// cause, so the walk starts at the question or fix that fits it instead of at the tree's start.
#[derive(Debug)]
pub struct Entry {
    /// Code-shaped (`59000`, `51008_1000`); a plain code also matches its sub-codes.
    pub codes: &'static [&'static str],
    /// `(question key, answer id)` that must be pre-filled from the paste.
    pub when: Option<(&'static str, &'static str)>,
    /// Index of the node to start at.
    pub node: u16,
}

#[derive(Debug)]
pub struct Node {
    /// Unique within its tree; `[a-z0-9_]+`.
    pub id: &'static str,
    pub kind: NodeKind,
}

#[derive(Debug)]
pub enum NodeKind {
    Question(Question),
    Fix(Fix),
    /// The final node: a ready-to-post report (see [`report_text`]).
    Report,
}

#[derive(Debug)]
pub struct Question {
    /// The shared question this node asks (`site`, `demo_flag` …); pre-filled answers match on it.
    /// Equals the node id for questions written inline.
    pub key: &'static str,
    pub text: &'static str,
    pub help: &'static str,
    /// The UI renders the clock check inline for this question.
    pub clock_check: bool,
    pub answers: &'static [AnswerDef],
}

#[derive(Debug)]
pub struct AnswerDef {
    pub id: &'static str,
    pub label: &'static str,
    /// Index of the next node in the tree.
    pub next: u16,
}

#[derive(Debug)]
pub struct Fix {
    /// The shared fix this node copies (template id), or the node id for a fix written inline.
    /// Stable across trees: the same fix has the same key wherever it is offered.
    pub key: &'static str,
    pub title: &'static str,
    /// The concrete change to make.
    pub change: &'static str,
    /// How to check that it worked.
    pub verify: &'static str,
    /// Index of the node to go to when the fix did not help.
    pub still_failing: u16,
    /// Code or config per library id, plus `generic`.
    pub snippets: &'static [Snippet],
}

#[derive(Debug)]
pub struct Snippet {
    /// A [`Library`] id or `generic`.
    pub lib: &'static str,
    pub code: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/wizard.rs"));

/// The answer id recorded when the user says a fix did not help.
pub const STILL_FAILING: &str = "failing";
/// The id of every tree's report node.
pub const REPORT: &str = "report";

/// Upper bounds for anything read from a URL.
const MAX_ANSWERS: usize = 64;
const MAX_QUERY_LEN: usize = 4096;

impl Tree {
    pub fn node(&self, idx: u16) -> &'static Node {
        &self.nodes[idx as usize]
    }
    /// The default first node (no code-aware entry).
    pub fn start_node(&self) -> &'static Node {
        self.node(self.start)
    }
    /// Index of the first node for `code` with the pre-filled answers `prefilled`: the first
    /// entry that names the code (or its base code) and whose `when` answer was pre-filled,
    /// else the tree's start.
    pub fn start_for(&self, code: Option<&str>, prefilled: &[(&str, &str)]) -> u16 {
        let Some(code) = code else { return self.start };
        let base = code.split('_').next().unwrap_or(code);
        self.entries
            .iter()
            .find(|e| e.codes.iter().any(|c| *c == code || *c == base) && e.when.is_none_or(|w| prefilled.contains(&w)))
            .map_or(self.start, |e| e.node)
    }
    pub fn find(&self, id: &str) -> Option<&'static Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
    pub fn category(&self) -> Category {
        Category::from_id(self.category).expect("generated trees use known category ids")
    }
}

// `Tree`s are only handed out as `&'static` from the generated tables: one per language, the same
// trees with the same node indices, only the text differs (a wasm build has one; see
// `crate::core::lang`).
fn trees(lang: Lang) -> &'static [Tree] {
    crate::t!(lang, TREES_EN, TREES_ZH)
}

/// Every tree, in category display order (English; in a wasm build, the build's language).
pub fn all_trees() -> &'static [Tree] {
    trees(Lang::En)
}

/// The tree for a category. Every category has one (checked at build time).
pub fn tree_for(category: Category) -> &'static Tree {
    tree_for_in(Lang::En, category)
}

/// [`tree_for`] with its text in `lang`.
pub fn tree_for_in(lang: Lang, category: Category) -> &'static Tree {
    trees(lang)
        .iter()
        .find(|t| t.category == category.id())
        .expect("build/wizard.rs generates a tree for every category")
}

impl Fix {
    /// The snippet for `lib`: its own, else the generic one, else the first there is.
    pub fn snippet_for(&self, lib: Option<Library>) -> Option<&'static Snippet> {
        let own = lib.and_then(|l| self.snippets.iter().find(|s| s.lib == l.id()));
        own.or_else(|| self.snippets.iter().find(|s| s.lib == "generic"))
            .or_else(|| self.snippets.first())
    }
}

/// One recorded answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Node id (for a pre-filled answer: the question key, e.g. `site`).
    pub question: &'static str,
    pub answer: &'static str,
    /// Taken from the paste and not yet confirmed by the user.
    pub prefilled: bool,
}

/// Where the user is in the wizard. Cheap to clone; the UI keeps it in a signal and the parent
/// syncs it with the URL through [`to_query`] / [`from_query`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WizardState {
    pub category: Category,
    /// The diagnosed code, only if code-shaped (`50119`, `51008_1000`).
    pub code: Option<String>,
    /// Chooses the snippets.
    pub library: Option<Library>,
    /// Pre-filled answers first, then the confirmed path in order.
    pub answers: Vec<Answer>,
    /// The language of the steps' text (the page's; not part of the URL query).
    pub lang: Lang,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WizardError {
    /// The current step is not this question (or not a question at all).
    NotCurrent,
    /// The question has no such answer.
    UnknownAnswer,
    /// "Still failing" only applies to a fix.
    NotAFix,
}

impl std::fmt::Display for WizardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WizardError::NotCurrent => "that question is not the current step",
            WizardError::UnknownAnswer => "unknown answer",
            WizardError::NotAFix => "the current step is not a fix",
        })
    }
}

impl std::error::Error for WizardError {}

/// What to show now.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    Question {
        /// Node id (use it with [`answer`]).
        id: &'static str,
        question: &'static Question,
        /// Answer id pre-selected from the paste, if any.
        prefilled: Option<&'static str>,
        /// 1-based number of this question on the path.
        number: usize,
    },
    Fix {
        id: &'static str,
        fix: &'static Fix,
    },
    Report,
}

impl Step {
    pub fn id(&self) -> &'static str {
        match self {
            Step::Question { id, .. } | Step::Fix { id, .. } => id,
            Step::Report => REPORT,
        }
    }
}

impl WizardState {
    /// A fresh wizard for a category (a code that is not code-shaped is dropped).
    pub fn new(category: Category, code: Option<&str>) -> WizardState {
        WizardState {
            category,
            code: code.map(str::trim).filter(|c| is_code_shaped(c)).map(str::to_string),
            library: None,
            answers: Vec::new(),
            lang: Lang::En,
        }
    }

    /// A fresh wizard with the library and the answers the paste reveals.
    pub fn from_facts(category: Category, code: Option<&str>, facts: &PasteFacts) -> WizardState {
        let mut s = WizardState::new(category, code);
        s.library = facts.library;
        s.set_prefills(&prefill(facts));
        s
    }

    /// Replaces the pre-filled answers (keeping only those some question of this tree asks).
    pub fn set_prefills(&mut self, pairs: &[(&'static str, &'static str)]) {
        let tree = tree_for_in(self.lang, self.category);
        self.answers.retain(|a| !a.prefilled);
        let mut pre: Vec<Answer> = Vec::new();
        for &(q, a) in pairs {
            if pre.iter().any(|p| p.question == q) {
                continue;
            }
            if let Some(a) = static_prefill(tree, q, a) {
                pre.push(Answer {
                    question: a.0,
                    answer: a.1,
                    prefilled: true,
                });
            }
        }
        pre.append(&mut self.answers);
        self.answers = pre;
    }

    /// Confirmed answers, in path order.
    pub fn path(&self) -> impl Iterator<Item = &Answer> {
        self.answers.iter().filter(|a| !a.prefilled)
    }

    /// Pre-filled (unconfirmed) answers.
    pub fn prefills(&self) -> impl Iterator<Item = &Answer> {
        self.answers.iter().filter(|a| a.prefilled)
    }
}

/// Finds the static strings for a pre-filled (question key, answer) pair in `tree`.
fn static_prefill(tree: &'static Tree, key: &str, answer: &str) -> Option<(&'static str, &'static str)> {
    tree.nodes.iter().find_map(|n| match &n.kind {
        NodeKind::Question(q) if q.key == key => q.answers.iter().find(|a| a.id == answer).map(|a| (q.key, a.id)),
        _ => None,
    })
}

/// The first node of `state`'s walk: code-aware (see [`Tree::start_for`]).
fn start_index(tree: &Tree, state: &WizardState) -> u16 {
    let prefilled: Vec<(&str, &str)> = state.prefills().map(|p| (p.question, p.answer)).collect();
    tree.start_for(state.code.as_deref(), &prefilled)
}

/// The id of the node a fresh walk of `state` starts at.
pub fn start_id(state: &WizardState) -> &'static str {
    let tree = tree_for_in(state.lang, state.category);
    tree.node(start_index(tree, state)).id
}

/// Walks the confirmed path. Returns the current node, the number of questions answered, and how
/// many confirmed entries were valid (the rest are ignored).
fn walk(state: &WizardState) -> (&'static Tree, &'static Node, usize, usize) {
    let tree = tree_for_in(state.lang, state.category);
    let mut node = tree.node(start_index(tree, state));
    let mut questions = 0;
    let mut valid = 0;
    for a in state.path() {
        let next = match &node.kind {
            NodeKind::Question(q) if a.question == node.id => {
                q.answers.iter().find(|d| d.id == a.answer).map(|d| d.next)
            }
            NodeKind::Fix(f) if a.question == node.id && a.answer == STILL_FAILING => Some(f.still_failing),
            _ => None,
        };
        match next {
            Some(n) => {
                if matches!(node.kind, NodeKind::Question(_)) {
                    questions += 1;
                }
                node = tree.node(n);
                valid += 1;
            }
            None => break,
        }
    }
    (tree, node, questions, valid)
}

/// The step to show for `state`.
pub fn current_node(state: &WizardState) -> Step {
    let (_, node, questions, _) = walk(state);
    match &node.kind {
        NodeKind::Question(q) => Step::Question {
            id: node.id,
            question: q,
            prefilled: state.prefills().find(|p| p.question == q.key).map(|p| p.answer),
            number: questions + 1,
        },
        NodeKind::Fix(f) => Step::Fix { id: node.id, fix: f },
        NodeKind::Report => Step::Report,
    }
}

/// Drops confirmed entries that do not lie on the path (they can only come from hand-edited state).
fn prune(state: &mut WizardState) {
    let (_, _, _, valid) = walk(state);
    let mut seen = 0;
    state.answers.retain(|a| {
        if a.prefilled {
            return true;
        }
        seen += 1;
        seen <= valid
    });
}

/// Answers the current question.
pub fn answer(state: &mut WizardState, question_id: &str, answer_id: &str) -> Result<(), WizardError> {
    prune(state);
    let (_, node, _, _) = walk(state);
    let NodeKind::Question(q) = &node.kind else {
        return Err(WizardError::NotCurrent);
    };
    if node.id != question_id {
        return Err(WizardError::NotCurrent);
    }
    let a = q
        .answers
        .iter()
        .find(|a| a.id == answer_id)
        .ok_or(WizardError::UnknownAnswer)?;
    state.answers.push(Answer {
        question: node.id,
        answer: a.id,
        prefilled: false,
    });
    Ok(())
}

/// The current fix did not help: go on to the next most likely cause.
pub fn still_failing(state: &mut WizardState) -> Result<(), WizardError> {
    prune(state);
    let (_, node, _, _) = walk(state);
    if !matches!(node.kind, NodeKind::Fix(_)) {
        return Err(WizardError::NotAFix);
    }
    state.answers.push(Answer {
        question: node.id,
        answer: STILL_FAILING,
        prefilled: false,
    });
    Ok(())
}

/// Undoes the last step (answer or "still failing"). Returns false at the start.
pub fn back(state: &mut WizardState) -> bool {
    prune(state);
    match state.answers.iter().rposition(|a| !a.prefilled) {
        Some(i) => {
            state.answers.remove(i);
            true
        }
        None => false,
    }
}

/// Whether [`back`] would do anything.
pub fn can_go_back(state: &WizardState) -> bool {
    walk(state).3 > 0
}

/// Answers the paste already reveals, as (question key, answer id). The UI shows them as
/// "pre-filled from your paste"; the user can change them. A tree keeps only the pairs one of its
/// questions asks; entries (`[[entry]] when = …`) may also start the walk from them.
pub fn prefill(facts: &PasteFacts) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let exchange = facts.exchange_id.as_deref().map(|s| s.trim().to_ascii_lowercase());
    let exchange = exchange.as_deref();
    // The regional exchange ids and hosts only exist for accounts of that region.
    let region = match (facts.region, exchange) {
        (Some(Region::Eea), _) | (_, Some("myokx")) => Some("eea"),
        (Some(Region::Us), _) | (_, Some("okxus")) => Some("us"),
        // A global host in the paste says where the bot connects, not where the user signs in.
        _ => None,
    };
    if let Some(r) = region {
        out.push(("site", r));
    }
    match facts.demo {
        Some(true) => out.push(("demo_flag", "on")),
        Some(false) => out.push(("demo_flag", "off")),
        None => {}
    }
    if matches!(exchange, Some("okex" | "okex5")) {
        out.push(("lib_version", "outdated"));
    }
    if let Some(ws) = facts.ws_endpoint {
        out.push((
            "ws_url",
            match ws {
                WsEndpoint::Public => "public",
                WsEndpoint::Private => "private",
                WsEndpoint::Business => "business",
            },
        ));
    }
    out.extend(prefill_from_message(facts));
    out.extend(prefill_from_library(facts.library));
    out
}

/// Answers the error text itself gives: the parameter it names, the channel, the runtime.
fn prefill_from_message(facts: &PasteFacts) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    if let Some(p) = facts.named_param.as_deref() {
        out.push((
            "param",
            match p {
                "posside" => "pos_side",
                "tdmode" => "td_mode",
                "ccy" => "ccy",
                _ => "other",
            },
        ));
    }
    if let Some(ch) = facts.ws_channel {
        out.push((
            "ws_channel",
            match ch {
                WsChannel::Candles => "candles",
                WsChannel::Index => "index",
                WsChannel::BusinessPrivate => "business_private",
                WsChannel::Private => "private",
                WsChannel::Market => "market",
            },
        ));
    }
    if let Some(t) = facts.topic {
        out.push((
            "topic",
            match t {
                Topic::Key => "key",
                Topic::PositionMode => "position_mode",
                Topic::Compliance => "compliance",
                Topic::WebSocket => "ws",
                Topic::LibraryCrash => "library",
                Topic::Login => "login",
                Topic::Connection => "connection",
                Topic::OrderSize => "size",
            },
        ));
    }
    if let Some(ws) = facts.websocket {
        out.push(("where", if ws { "ws" } else { "rest" }));
        out.push(("transport", if ws { "ws" } else { "rest" }));
    }
    if let Some(visible) = facts.reply_visible {
        out.push(("raw_body", if visible { "yes" } else { "no" }));
    }
    if facts.own_signing {
        out.push(("signer", "own"));
        out.push(("ts_source", "own"));
    }
    if facts.docker {
        out.push(("host_kind", "docker"));
    }
    if facts.parallel {
        out.push(("rate_pattern", "parallel"));
    }
    if facts.server_time_option {
        out.push(("server_time_opt", "on"));
    }
    out
}

/// Question keys whose pre-fill comes from the library alone (see [`prefill_from_library`]).
const LIBRARY_PREFILL_KEYS: [&str; 4] = ["bot_demo", "who_orders", "signer", "ts_source"];

/// The user picked their library (the wizard's library select): remember it for the snippets and
/// replace the pre-filled answers that follow from the library. Answers already confirmed stay.
pub fn set_library(state: &mut WizardState, library: Option<Library>) {
    state.library = library;
    let mut pairs: Vec<(&'static str, &'static str)> = state
        .prefills()
        .filter(|p| !LIBRARY_PREFILL_KEYS.contains(&p.question))
        .map(|p| (p.question, p.answer))
        .collect();
    pairs.extend(prefill_from_library(library));
    state.set_prefills(&pairs);
}

/// Answers that follow from the library or bot itself (documented behaviour, not guesses).
fn prefill_from_library(library: Option<Library>) -> Vec<(&'static str, &'static str)> {
    let Some(lib) = library else { return Vec::new() };
    let mut out = Vec::new();
    let is_bot = matches!(
        lib,
        Library::Freqtrade | Library::Hummingbot | Library::Octobot | Library::Nautilus
    );
    // Libraries with a demo switch; freqtrade documents that it has no exchange sandboxes.
    match lib {
        Library::CcxtPython | Library::CcxtJs | Library::CcxtPhp | Library::PythonOkx | Library::OkxApiNode => {
            out.push(("bot_demo", "yes"))
        }
        Library::Freqtrade => out.push(("bot_demo", "no")),
        // Own code can always send the demo header.
        Library::Other => out.push(("bot_demo", "yes")),
        _ => {}
    }
    // A bot builds the orders itself; library users write the order call.
    out.push(("who_orders", if is_bot { "no" } else { "yes" }));
    if lib != Library::Other {
        out.push(("signer", "library"));
        out.push(("ts_source", "library"));
    }
    out
}

// ------------------------------------------------------------------------------------------ URL

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The query string for `state` (with leading `?`): category, code, library and answer ids only,
/// e.g. `?c=auth_key&code=50119&lib=ccxt-python&p=site.eea&a=site.eea,key_env.live`.
pub fn to_query(state: &WizardState) -> String {
    let code = state.code.as_deref().filter(|c| is_code_shaped(c)).unwrap_or("");
    let lib = state.library.map(|l| l.id()).unwrap_or("");
    let base = build_query(&[("c", state.category.id()), ("code", code), ("lib", lib)]);
    // Ids are `[a-z0-9_]`, so `.` and `,` can stay unencoded and the URL stays readable.
    let join = |it: &mut dyn Iterator<Item = &Answer>| {
        it.filter(|a| valid_id(a.question) && valid_id(a.answer))
            .map(|a| format!("{}.{}", a.question, a.answer))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut out = base;
    for (key, value) in [("p", join(&mut state.prefills())), ("a", join(&mut state.path()))] {
        if !value.is_empty() {
            out.push(if out.is_empty() { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            out.push_str(&value);
        }
    }
    out
}

/// The wizard link's query for an error code's page ("Diagnose my case"): its category and code,
/// nothing answered yet.
pub fn query_for_code(category: Category, code: &str) -> String {
    to_query(&WizardState::new(category, Some(code)))
}

/// The wizard link's query for a finding, made without the question trees: every answer the
/// paste suggests goes in, and the wizard keeps those its tree asks when it reads the link
/// ([`from_query`]), which gives the state of [`WizardState::from_facts`] (`tests/wizard.rs`
/// checks). The paste box uses this so its bundle does not carry the trees.
pub fn query_from_facts(category: Category, code: Option<&str>, facts: &PasteFacts) -> String {
    let mut s = WizardState::new(category, code);
    s.library = facts.library;
    for (question, answer) in prefill(facts) {
        if !s.answers.iter().any(|a| a.question == question && a.answer == answer) {
            s.answers.push(Answer {
                question,
                answer,
                prefilled: true,
            });
        }
    }
    to_query(&s)
}

/// Parses a query made by [`to_query`]. Anything unknown or off-path is dropped; `None` only when
/// the category is missing or unknown. Bounded and panic-free for any input.
pub fn from_query(query: &str) -> Option<WizardState> {
    let query = match query.char_indices().nth(MAX_QUERY_LEN) {
        Some((i, _)) => &query[..i],
        None => query,
    };
    let pairs = parse_query(query);
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let category = Category::from_id(get("c")?)?;
    let mut state = WizardState::new(category, get("code"));
    state.library = get("lib").and_then(Library::from_id);
    let split = |v: Option<&str>| -> Vec<(String, String)> {
        v.unwrap_or("")
            .split(',')
            .take(MAX_ANSWERS)
            .filter_map(|e| e.split_once('.'))
            .filter(|(q, a)| valid_id(q) && valid_id(a))
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect()
    };
    let tree = tree_for(category);
    let pre: Vec<(&'static str, &'static str)> = split(get("p"))
        .iter()
        .filter_map(|(q, a)| static_prefill(tree, q, a))
        .collect();
    state.set_prefills(&pre);
    for (q, a) in split(get("a")) {
        let ok = if a == STILL_FAILING {
            matches!(current_node(&state), Step::Fix { id, .. } if id == q) && still_failing(&mut state).is_ok()
        } else {
            answer(&mut state, &q, &a).is_ok()
        };
        if !ok {
            break;
        }
    }
    Some(state)
}

// ---------------------------------------------------------------------------------------- report

/// A version string we are willing to print: `4.3.21`, `v2.1.0`, `4.5.0-beta.1`. Anything else
/// (and anything shaped like a key or secret) is left out.
fn clean_version(v: &str) -> Option<&str> {
    let v = v.trim();
    if v.is_empty() || v.len() > 24 {
        return None;
    }
    let body = v.strip_prefix('v').unwrap_or(v);
    let (core, suffix) = match body.find(['-', '+']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let parts: Vec<&str> = core.split('.').collect();
    let core_ok = (1..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()));
    let suffix_ok = suffix
        .is_none_or(|s| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.'));
    (core_ok && suffix_ok).then_some(v)
}

/// A ready-to-post report: category, code, library and version, the answers given, and the fixes
/// that were tried. Built only from the static tree texts and sanitised fields, so it never holds
/// keys, secrets or passphrases, whatever was put into the state.
pub fn report_text(state: &WizardState, library: Option<Library>, version: Option<&str>) -> String {
    let lang = state.lang;
    let tree = tree_for_in(lang, state.category);
    let mut out = String::new();
    out.push_str(t!(
        lang,
        "OKX API problem (prepared with okx-doctor)\n\n",
        "欧易 API 问题（用 okx-doctor 整理）\n\n"
    ));
    let code = state.code.as_deref().map(str::trim).filter(|c| is_code_shaped(c));
    let code = code.unwrap_or(t!(lang, "unknown", "未知"));
    out.push_str(&tf!(lang, "- Error code: {code}\n", "- 错误码：{code}\n"));
    // The error that started the walk, as OKX words it (the catalog's message, never the paste).
    if let Some(msg) = crate::core::catalog::message(code)
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        out.push_str(&tf!(lang, "- OKX message: {msg}\n", "- 欧易消息：{msg}\n"));
    }
    out.push_str(&tf!(
        lang,
        "- Category: {}\n",
        "- 类别：{}\n",
        state.category.label_in(lang)
    ));
    let lib = library.or(state.library);
    let lib_text = match (lib, version.and_then(clean_version)) {
        (Some(l), Some(v)) => format!("{} {v}", l.label_in(lang)),
        (Some(l), None) => tf!(lang, "{} (version not given)", "{}（未提供版本）", l.label_in(lang)),
        (None, Some(v)) => tf!(lang, "not given (version {v})", "未提供（版本 {v}）"),
        (None, None) => t!(lang, "not given", "未提供").to_string(),
    };
    out.push_str(&tf!(lang, "- Library: {lib_text}\n", "- 库：{lib_text}\n"));

    let (_, current, _, valid) = walk(state);
    let mut answered = Vec::new();
    let mut tried = Vec::new();
    for a in state.path().take(valid) {
        let Some(node) = tree.find(a.question) else { continue };
        match &node.kind {
            NodeKind::Question(q) => {
                if let Some(d) = q.answers.iter().find(|d| d.id == a.answer) {
                    answered.push(format!("- {} → {}", q.text, d.label));
                }
            }
            NodeKind::Fix(f) => tried.push(format!("- {}", f.title)),
            NodeKind::Report => {}
        }
    }
    let unconfirmed: Vec<String> = state
        .prefills()
        .filter(|p| {
            !state.path().take(valid).any(|a| {
                tree.find(a.question)
                    .is_some_and(|n| matches!(&n.kind, NodeKind::Question(q) if q.key == p.question))
            })
        })
        .filter_map(|p| {
            tree.nodes.iter().find_map(|n| match &n.kind {
                NodeKind::Question(q) if q.key == p.question => q.answers.iter().find(|d| d.id == p.answer).map(|d| {
                    tf!(
                        lang,
                        "- {} → {} (detected from the error text)",
                        "- {} → {}（从错误文本中识别）",
                        q.text,
                        d.label
                    )
                }),
                _ => None,
            })
        })
        .collect();
    if !answered.is_empty() || !unconfirmed.is_empty() {
        out.push_str(t!(lang, "\nWhat I checked:\n", "\n我检查过的：\n"));
        for l in answered.iter().chain(unconfirmed.iter()) {
            out.push_str(l);
            out.push('\n');
        }
    }
    out.push_str(t!(
        lang,
        "\nTried without success (ruled out):\n",
        "\n试过但没解决（已排除）：\n"
    ));
    if tried.is_empty() {
        out.push_str(t!(lang, "- nothing yet\n", "- 暂无\n"));
    } else {
        for l in &tried {
            out.push_str(l);
            out.push('\n');
        }
    }
    if let NodeKind::Fix(f) = &current.kind {
        out.push_str(&tf!(lang, "\nNow trying: {}\n", "\n正在尝试：{}\n", f.title));
    }
    out.push_str(t!(
        lang,
        "\nRaw response body (paste it here, with the API key, secret, passphrase and signature removed):\n\n",
        "\n原始响应内容（贴在这里，先删掉 API Key、Secret Key、Passphrase 和签名）：\n\n"
    ));
    out
}

// ------------------------------------------------------------------------------------ statistics

/// Counts for the test output and docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeStats {
    pub trees: usize,
    /// Fix nodes over all trees.
    pub fixes: usize,
    /// Most questions answered on any path from a tree's start to a fix.
    pub longest_path: usize,
}

/// Most questions on a path from `idx` to any fix (following answers and still_failing).
fn longest_from(tree: &Tree, idx: u16, memo: &mut Vec<Option<Option<usize>>>) -> Option<usize> {
    if let Some(v) = memo[idx as usize] {
        return v;
    }
    let node = tree.node(idx);
    let v = match &node.kind {
        NodeKind::Question(q) => q
            .answers
            .iter()
            .filter_map(|a| longest_from(tree, a.next, memo))
            .max()
            .map(|d| d + 1),
        NodeKind::Fix(f) => Some(longest_from(tree, f.still_failing, memo).unwrap_or(0)),
        NodeKind::Report => None,
    };
    memo[idx as usize] = Some(v);
    v
}

pub fn stats() -> TreeStats {
    let mut s = TreeStats {
        trees: 0,
        fixes: 0,
        longest_path: 0,
    };
    for t in all_trees() {
        s.trees += 1;
        s.fixes += t.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Fix(_))).count();
        let mut memo = vec![None; t.nodes.len()];
        let roots = std::iter::once(t.start).chain(t.entries.iter().map(|e| e.node));
        for root in roots {
            s.longest_path = s.longest_path.max(longest_from(t, root, &mut memo).unwrap_or(0));
        }
    }
    s
}
