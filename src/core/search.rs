//! Search over the catalog as the user types: codes (exact, prefix, partial, one typo), messages
//! (substring, word prefixes, typos), what the knowledge base says about a code (`posSide`,
//! `sCode`, `lot size`), and Chinese: [`search`] understands the Chinese words of
//! `data/i18n/terms.toml` (余额不足 is searched as "balance insufficient"); [`search_zh`] also
//! matches OKX's official Chinese messages. Only [`search_zh`] and [`suggest_zh`] carry the
//! Chinese message table, so a page in English does not. Filters by family, section and channel.
//! Every query is one pass over the catalog.

use super::catalog::{self, Channel, Entry};
use super::terms;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/search_kb.rs"));

/// Longest query we look at; anything longer is cut (a search box is not a paste box).
pub const MAX_QUERY_CHARS: usize = 200;

/// Filters applied before scoring. `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub family: Option<String>,
    pub section: Option<String>,
    pub channel: Option<Channel>,
}

impl Filters {
    fn accepts(&self, e: &Entry) -> bool {
        self.family.as_deref().is_none_or(|f| catalog::family(e) == f)
            && self.section.as_deref().is_none_or(|s| e.section == s)
            && self.channel.is_none_or(|c| e.channel == c)
    }
}

/// A search result: index into [`catalog::entries`] and a relevance score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

/// Scores, from best to worst. A code typed exactly always ranks first (the catalog page opens it
/// on Enter: [`exact_code`]); then the whole query inside a message, inside an official Chinese
/// message, inside our knowledge of the code; then every word of the query matching.
mod score {
    pub const CODE_EXACT: u32 = 1000;
    /// The base code of a sub-coded entry (`51008` for `51008_1000`).
    pub const CODE_BASE: u32 = 980;
    /// Prefix of a code, less one point per missing character (at most 50).
    pub const CODE_PREFIX: u32 = 900;
    pub const CODE_INSIDE: u32 = 700;
    pub const CODE_ONE_TYPO: u32 = 600;
    /// Whole query in a message, starting at a word / inside a word; plus up to
    /// [`PHRASE_LENGTH_BONUS`] for its length in bytes.
    pub const PHRASE_AT_WORD: u32 = 520;
    pub const PHRASE_INSIDE: u32 = 480;
    /// Whole query in an official Chinese message (plus the length bonus).
    pub const ZH_PHRASE: u32 = 500;
    /// Whole query in the knowledge base's text for the code (plus the length bonus).
    pub const KB_PHRASE: u32 = 400;
    pub const PHRASE_LENGTH_BONUS: u32 = 60;
    /// Every query word matched a message word: base plus up to 60 for exact matches.
    pub const ALL_WORDS: u32 = 200;
    /// Most Chinese character pairs of the query in an official Chinese message: base plus up to
    /// 100 for the share found.
    pub const ZH_BIGRAMS: u32 = 150;
    /// Every query word matched, some only in the knowledge base.
    pub const ALL_WORDS_WITH_KB: u32 = 140;
    /// A long query (a pasted sentence) whose words mostly match.
    pub const MOST_WORDS: u32 = 50;
    /// Taken off the English score of a Chinese query searched through the term list (a
    /// translation is a guess), so that an official Chinese message containing the query ranks
    /// above it.
    pub const TRANSLATED_PENALTY: u32 = 100;
}

/// Share of a Chinese query's character pairs that must appear in one message (3 of 4 pairs of
/// 可用余额不足 in any order …); below it, a Chinese query does not match by pairs.
const ZH_MIN_BIGRAM_PERCENT: u32 = 60;

/// A query of at least this many words may leave a quarter of them unmatched (pasted sentences).
const LONG_QUERY_WORDS: u32 = 4;

struct Doc {
    /// Normalised messages (see [`normalize`]).
    texts: Vec<String>,
    /// Distinct words of all messages, as positions in [`Index::vocab`].
    words: Vec<u32>,
    /// Normalised knowledge-base text for the code (summary, cause titles, API field names), or "".
    kb_text: String,
    /// Distinct words of `kb_text`.
    kb_words: Vec<String>,
}

/// The search index: every distinct message word once, and one [`Doc`] per catalog entry. A
/// query word is compared with each vocabulary word once (exact, prefix, typo), not once per
/// entry that has it.
struct Index {
    vocab: Vec<String>,
    docs: Vec<Doc>,
}

fn distinct_words<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for t in texts {
        for w in t.split(' ') {
            if !w.is_empty() && !words.iter().any(|x| x == w) {
                words.push(w.to_string());
            }
        }
    }
    words
}

/// The knowledge-base search text of an entry (a sub-code falls back to its base code's).
fn kb_text(e: &Entry) -> &'static str {
    let find = |c: &str| KB_SEARCH.iter().find(|(k, _)| *k == c).map(|(_, t)| *t);
    find(e.code).or_else(|| find(e.base_code)).unwrap_or("")
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut vocab: Vec<String> = Vec::new();
        let mut ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let docs = catalog::entries()
            .iter()
            .map(|e| {
                let texts: Vec<String> = catalog::all_messages(e).into_iter().map(normalize).collect();
                let words = distinct_words(texts.iter().map(String::as_str))
                    .into_iter()
                    .map(|w| {
                        *ids.entry(w.clone()).or_insert_with(|| {
                            vocab.push(w);
                            (vocab.len() - 1) as u32
                        })
                    })
                    .collect();
                let kb_text = normalize(kb_text(e));
                let kb_words = distinct_words(std::iter::once(kb_text.as_str()));
                Doc {
                    texts,
                    words,
                    kb_text,
                    kb_words,
                }
            })
            .collect();
        Index { vocab, docs }
    })
}

/// Official Chinese messages of every entry, folded with [`fold`] (aligned with the catalog).
fn zh_index() -> &'static [Vec<String>] {
    static INDEX: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        catalog::entries()
            .iter()
            .map(|e| catalog::zh_messages(e).iter().map(|m| fold(m)).collect())
            .collect()
    })
}

/// Lower case, every non-alphanumeric run folded to one space, trimmed. Template placeholders such
/// as `{param0}` become the word `param0`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            for l in ch.to_lowercase() {
                out.push(l);
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// How Chinese text is compared: [`catalog::fold_zh`].
fn fold(s: &str) -> String {
    catalog::fold_zh(s)
}

/// A CJK ideograph (the Unified Ideographs, Extension A and the compatibility block).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Whether the query has Chinese in it (an English page may then offer the Chinese catalog).
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// The query with every Chinese word of `data/i18n/terms.toml` replaced by its English term and
/// the other Chinese characters dropped: `可用余额不足` → `balance insufficient` (longest form
/// first, so `单向持仓` is one term). Text without Chinese comes back unchanged.
pub fn translate_zh_terms(query: &str) -> String {
    translate(query).0
}

/// [`translate_zh_terms`], with each English term used and the Chinese form it stands for.
fn translate(query: &str) -> (String, Vec<(&'static str, &'static str)>) {
    if !has_cjk(query) {
        return (query.to_string(), Vec::new());
    }
    let forms = terms::search_forms();
    let mut out = String::with_capacity(query.len());
    let mut used = Vec::new();
    let mut rest = query;
    while let Some(c) = rest.chars().next() {
        let found = forms.iter().find(|(zh, _)| zh.contains(is_cjk) && rest.starts_with(zh));
        match found {
            Some((zh, en)) => {
                out.push(' ');
                out.push_str(en);
                out.push(' ');
                used.push((*en, *zh));
                rest = &rest[zh.len()..];
            }
            None => {
                out.push(if is_cjk(c) { ' ' } else { c });
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    (out, used)
}

/// Edit distance allowed for a word of this length.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How well one query token matches each vocabulary word: 3 exact, 2 prefix, 1 typo, 0 none.
fn token_table(token: &str, vocab: &[String]) -> Vec<u8> {
    let tlen = token.chars().count();
    let typos = allowed_typos(tlen);
    vocab
        .iter()
        .map(|w| {
            if w == token {
                3
            } else if w.starts_with(token) {
                2
            } else if typos > 0 && {
                let wlen = w.chars().count();
                wlen + typos >= tlen && wlen <= tlen + typos && strsim::osa_distance(token, w) <= typos
            } {
                1
            } else {
                0
            }
        })
        .collect()
}

fn code_score(q: &str, e: &Entry) -> u32 {
    let code = e.code;
    let base = e.base_code;
    if code == q {
        return score::CODE_EXACT;
    }
    if base == q {
        return score::CODE_BASE;
    }
    if code.starts_with(q) {
        return score::CODE_PREFIX - (code.len() - q.len()).min(50) as u32;
    }
    if code.contains(q) {
        return score::CODE_INSIDE;
    }
    if q.len() >= 4 && strsim::osa_distance(q, base) <= 1 {
        return score::CODE_ONE_TYPO;
    }
    0
}

/// A code query: digits, optionally with the `_` of a sub-code.
fn is_code_query(q: &str) -> bool {
    q.chars().all(|c| c.is_ascii_digit() || c == '_') && q.chars().any(|c| c.is_ascii_digit())
}

/// The entry a query names exactly (`"50113"`, `" 51008_1000 "`, `"#50113"`), for opening its page
/// when the user presses Enter. `None` for anything else, including a partial code.
pub fn exact_code(query: &str) -> Option<&'static Entry> {
    let q = query
        .trim()
        .trim_start_matches('#')
        .trim_matches(|c| c == '"' || c == '\'' || c == '`');
    if !is_code_query(q) {
        return None;
    }
    catalog::get(q)
}

/// Searches the catalog (English messages, the knowledge base, Chinese words of the term list).
/// An empty query returns every entry that passes the filters, in catalog order.
pub fn search(query: &str, filters: &Filters) -> Vec<Hit> {
    run(query, filters, None)
}

/// [`search`] that also matches OKX's official Chinese messages, as substrings and by character
/// pairs (Chinese has no spaces): for the Simplified Chinese catalog page.
pub fn search_zh(query: &str, filters: &Filters) -> Vec<Hit> {
    run(query, filters, Some(zh_index()))
}

/// The prepared query.
struct Query {
    /// Normalised query with Chinese terms translated.
    text: String,
    tokens: Vec<String>,
    /// For each token, its [`token_table`].
    tables: Vec<Vec<u8>>,
    /// Folded query and its character pairs, when it has Chinese and the Chinese table is in use.
    zh: Option<(String, Vec<String>)>,
}

impl Query {
    fn new(q: &str, with_zh: bool) -> Query {
        let text = normalize(&translate_zh_terms(q));
        let tokens: Vec<String> = text.split(' ').filter(|t| !t.is_empty()).map(String::from).collect();
        let vocab = &index().vocab;
        let tables = tokens.iter().map(|t| token_table(t, vocab)).collect();
        let zh = (with_zh && has_cjk(q)).then(|| {
            let folded = fold(q);
            (folded.clone(), bigrams(&folded))
        });
        Query {
            text,
            tokens,
            tables,
            zh,
        }
    }
}

/// Consecutive character pairs with at least one Chinese character.
fn bigrams(folded: &str) -> Vec<String> {
    let chars: Vec<char> = folded.chars().collect();
    let mut out: Vec<String> = Vec::new();
    for p in chars.windows(2) {
        let pair: String = p.iter().collect();
        if (is_cjk(p[0]) || is_cjk(p[1])) && !out.contains(&pair) {
            out.push(pair);
        }
    }
    out
}

fn run(query: &str, filters: &Filters, zh: Option<&[Vec<String>]>) -> Vec<Hit> {
    let entries = catalog::entries();
    let q: String = query.chars().take(MAX_QUERY_CHARS).collect();
    if normalize(&q).is_empty() {
        return entries
            .iter()
            .enumerate()
            .filter(|(_, e)| filters.accepts(e))
            .map(|(index, _)| Hit { index, score: 0 })
            .collect();
    }
    let trimmed = q.trim();
    let code_like = is_code_query(trimmed);
    let prepared = if code_like {
        Query {
            text: String::new(),
            tokens: Vec::new(),
            tables: Vec::new(),
            zh: None,
        }
    } else {
        Query::new(&q, zh.is_some())
    };
    let translated = has_cjk(&q);
    let idx = index();
    let mut hits: Vec<Hit> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if !filters.accepts(e) {
            continue;
        }
        let score = if code_like {
            code_score(trimmed, e)
        } else {
            let mut en = text_score(&prepared, &idx.docs[i]);
            if translated {
                en = en.saturating_sub(score::TRANSLATED_PENALTY);
            }
            let zh_score = match (&prepared.zh, zh) {
                (Some(qz), Some(table)) => zh_score(qz, &table[i]),
                _ => 0,
            };
            en.max(zh_score)
        };
        if score > 0 {
            hits.push(Hit { index: i, score });
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
    hits
}

fn phrase_bonus(len: usize) -> u32 {
    (len as u32).min(score::PHRASE_LENGTH_BONUS)
}

fn text_score(q: &Query, doc: &Doc) -> u32 {
    if q.tokens.is_empty() {
        return 0;
    }
    // Whole query as a substring of a message: best.
    let mut best = 0u32;
    for t in &doc.texts {
        if let Some(pos) = t.find(q.text.as_str()) {
            let at_word = pos == 0 || t.as_bytes()[pos - 1] == b' ';
            let base = if at_word {
                score::PHRASE_AT_WORD
            } else {
                score::PHRASE_INSIDE
            };
            best = best.max(base + phrase_bonus(q.text.len()));
        }
    }
    if best > 0 {
        return best;
    }
    if !doc.kb_text.is_empty() && doc.kb_text.contains(q.text.as_str()) {
        return score::KB_PHRASE + phrase_bonus(q.text.len());
    }
    // Otherwise every token must match some word (exactly, as a prefix, or with a typo).
    let mut total = 0;
    let mut matched = 0u32;
    let mut via_kb = false;
    for (tok, table) in q.tokens.iter().zip(&q.tables) {
        let s = doc
            .words
            .iter()
            .map(|&w| u32::from(table[w as usize]))
            .max()
            .unwrap_or(0);
        if s > 0 {
            matched += 1;
            total += s;
        } else if doc.kb_words.iter().any(|w| w == tok) {
            matched += 1;
            via_kb = true;
        }
    }
    let n = q.tokens.len() as u32;
    if matched == n {
        return if via_kb {
            score::ALL_WORDS_WITH_KB + total * 15 / n
        } else {
            score::ALL_WORDS + total * 20 / n
        };
    }
    // Long queries (pasted sentences) may carry extra words: accept most tokens matching.
    if n >= LONG_QUERY_WORDS && matched * 4 >= n * 3 {
        return score::MOST_WORDS + total * 10 / n;
    }
    0
}

/// How a Chinese query matches an entry's official Chinese messages: as a substring, or by the
/// share of its character pairs found in one message.
fn zh_score((folded, pairs): &(String, Vec<String>), msgs: &[String]) -> u32 {
    let mut best = 0;
    for m in msgs {
        if m.contains(folded.as_str()) {
            best = best.max(score::ZH_PHRASE + phrase_bonus(folded.chars().count() * 3));
        } else if !pairs.is_empty() {
            let found = pairs.iter().filter(|p| m.contains(p.as_str())).count() as u32;
            let percent = found * 100 / pairs.len() as u32;
            if percent >= ZH_MIN_BIGRAM_PERCENT && found >= 2 {
                best = best.max(score::ZH_BIGRAMS + percent);
            }
        }
    }
    best
}

/// The known codes nearest to a (possibly malformed) code, for "did you mean".
pub fn nearest_codes(input: &str, n: usize) -> Vec<&'static Entry> {
    let digits: String = input
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '_')
        .take(16)
        .collect();
    if digits.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, &'static Entry)> = catalog::entries()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let d = strsim::levenshtein(&digits, e.code);
            let prefix = digits.chars().zip(e.code.chars()).take_while(|(a, b)| a == b).count();
            (d * 10 + (9 - prefix.min(9)), i, e)
        })
        .collect();
    scored.sort_by_key(|(d, i, _)| (*d, *i));
    scored.into_iter().take(n).map(|(_, _, e)| e).collect()
}

/// Longest text [`suggest`] reads.
pub const MAX_SUGGEST_CHARS: usize = 500;
/// Most distinct words of a sentence [`suggest`] weighs (the first ones).
const MAX_SUGGEST_WORDS: usize = 24;
/// Shorter words of a sentence are ignored (`a`, `is`, `to`).
const MIN_SUGGEST_WORD_CHARS: usize = 3;
/// One matching word is enough only when at most this many entries have it (`posSide`, `sCode`);
/// otherwise a suggestion needs two matching words.
const RARE_WORD_ENTRIES: usize = 8;
/// A word found in this entry's knowledge base but in other entries' messages counts this many
/// percent (the messages say it more directly); a word no message has counts in full.
const KB_WORD_PERCENT: u32 = 60;
/// An entry that matches only one word of a longer sentence counts this many percent.
const SINGLE_WORD_PERCENT: u32 = 50;
/// A plural or verb ending the sentence may add to a message word (`balances`, `orders`).
const MAX_SUFFIX_CHARS: usize = 2;

/// Words of a plain sentence that say nothing about which error it is.
const STOPWORDS: &[&str] = &[
    "the", "and", "but", "for", "with", "from", "this", "that", "these", "those", "there", "here", "what", "why",
    "how", "when", "where", "which", "who", "have", "has", "had", "was", "were", "are", "been", "being", "can",
    "could", "would", "should", "will", "does", "did", "doing", "not", "don", "doesn", "didn", "isn", "won", "cant",
    "get", "got", "gets", "getting", "keep", "keeps", "kept", "try", "tried", "trying", "again", "still", "just",
    "any", "some", "all", "every", "always", "never", "please", "help", "thanks", "hello", "anyone", "someone", "my",
    "your", "our", "their", "his", "her", "its", "you", "they", "them", "me", "we", "okx", "api", "bot", "bots",
    "error", "errors", "problem", "issue", "issues", "says", "said", "saying", "say", "shows", "showing", "happen",
    "happens", "happened", "work", "works", "working", "run", "running", "using", "use", "used", "code", "message",
    "returns", "returned", "response", "then", "than", "also", "into", "out", "about", "after", "before", "while",
    "because", "since", "only", "like", "one", "two", "now", "today", "time", "times",
    // The parts of a link in the text (several messages quote OKX's help-center links).
    "http", "https", "www", "com", "github",
];

/// Where the words of a [`Suggestion`] matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedIn {
    /// The code's messages (OKX's, older and observed wording).
    Message,
    /// Our knowledge base's notes on the code (summary, causes, API field names).
    KnowledgeBase,
    /// OKX's official Chinese message.
    ZhMessage,
}

/// One word of the sentence and where it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub word: String,
    pub matched_in: MatchedIn,
}

/// A catalog entry offered for a sentence the paste box found no error in, with why.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub entry: &'static Entry,
    pub score: u32,
    /// The words of the sentence that matched, heaviest first.
    pub matched: Vec<Matched>,
}

/// Words quoted in a reason line.
const REASON_WORDS: usize = 3;

impl Suggestion {
    /// The first [`REASON_WORDS`] matched words, grouped by where they matched (messages first).
    fn groups(&self) -> Vec<(MatchedIn, Vec<&str>)> {
        let mut groups: Vec<(MatchedIn, Vec<&str>)> = Vec::new();
        for place in [MatchedIn::Message, MatchedIn::ZhMessage, MatchedIn::KnowledgeBase] {
            let words: Vec<&str> = self
                .matched
                .iter()
                .take(REASON_WORDS)
                .filter(|m| m.matched_in == place)
                .map(|m| m.word.as_str())
                .fold(Vec::new(), |mut v, w| {
                    if !v.contains(&w) {
                        v.push(w);
                    }
                    v
                });
            if !words.is_empty() {
                groups.push((place, words));
            }
        }
        groups
    }

    /// The reason line from a phrase per place (messages, Chinese message, knowledge base),
    /// with the quoted words after each.
    fn reason_with(&self, phrases: [&str; 3], word_sep: &str, group_sep: &str) -> String {
        self.groups()
            .iter()
            .map(|(place, words)| {
                let phrase = match place {
                    MatchedIn::Message => phrases[0],
                    MatchedIn::ZhMessage => phrases[1],
                    MatchedIn::KnowledgeBase => phrases[2],
                };
                let quoted: Vec<String> = words.iter().map(|w| format!("\u{201c}{w}\u{201d}")).collect();
                format!("{phrase}{}", quoted.join(word_sep))
            })
            .collect::<Vec<_>>()
            .join(group_sep)
    }

    /// One line saying why this entry was offered:
    /// `its message has “insufficient”, “balance”; our notes on this code mention “clock”`.
    pub fn reason(&self) -> String {
        self.reason_with(
            [
                "its message has ",
                "OKX's Chinese message has ",
                "our notes on this code mention ",
            ],
            ", ",
            "; ",
        )
    }

    /// [`Suggestion::reason`] in Simplified Chinese: `报错信息含“insufficient”“balance”`.
    pub fn reason_zh(&self) -> String {
        self.reason_with(
            ["报错信息含", "欧易官方中文报错含", "我们对该错误码的排查说明提到"],
            "",
            "；",
        )
    }
}

/// Best matches for a plain sentence in which the paste box found no error (`"my order keeps
/// failing because of insufficient balance"`): up to `n` entries, best first, each with the words
/// that matched. Words are weighted by how rare they are in the catalog, so `posSide` counts more
/// than `order`. Empty when nothing specific matches.
pub fn suggest(text: &str, n: usize) -> Vec<Suggestion> {
    suggest_in(text, n, None)
}

/// [`suggest`] that also compares the sentence with OKX's official Chinese messages.
pub fn suggest_zh(text: &str, n: usize) -> Vec<Suggestion> {
    suggest_in(text, n, Some(zh_index()))
}

/// The distinct content words of a sentence (Chinese terms translated), in order, capped: each as
/// normalised for matching and as written (the Chinese term for a translated one), for the reason
/// line.
fn sentence_words(text: &str) -> Vec<(String, String)> {
    let (translated, used) = translate(text);
    let mut words: Vec<(String, String)> = Vec::new();
    for written in translated.split(|c: char| !c.is_alphanumeric()) {
        let w = normalize(written);
        // A word of a translated Chinese term is shown as the Chinese the user wrote.
        let written = used
            .iter()
            .find(|(en, _)| normalize(en).split(' ').any(|x| x == w))
            .map_or(written, |(_, zh)| *zh);
        let keep = w.chars().count() >= MIN_SUGGEST_WORD_CHARS
            && !w.chars().all(|c| c.is_ascii_digit())
            && !STOPWORDS.contains(&w.as_str())
            && !words.iter().any(|(x, _)| *x == w);
        if keep {
            words.push((w, written.to_string()));
        }
        if words.len() == MAX_SUGGEST_WORDS {
            break;
        }
    }
    words
}

/// Whether a sentence word is this message word, or it with a short ending (`balances`).
fn same_word(word: &str, msg_word: &str) -> bool {
    word == msg_word
        || (word.starts_with(msg_word)
            && msg_word.len() > MIN_SUGGEST_WORD_CHARS
            && word.len() - msg_word.len() <= MAX_SUFFIX_CHARS)
}

/// A sentence word prepared for matching: the word and which vocabulary words it is.
struct SentenceWord {
    word: String,
    in_vocab: Vec<bool>,
}

impl SentenceWord {
    fn new(word: &str, vocab: &[String]) -> SentenceWord {
        SentenceWord {
            word: word.to_string(),
            in_vocab: vocab.iter().map(|v| same_word(word, v)).collect(),
        }
    }
}

/// Where a sentence word matches an entry: its messages, else the knowledge base.
fn word_in(w: &SentenceWord, doc: &Doc) -> Option<MatchedIn> {
    let word = w.word.as_str();
    if doc.words.iter().any(|&id| w.in_vocab[id as usize]) {
        Some(MatchedIn::Message)
    } else if doc.kb_words.iter().any(|w| w == word) {
        Some(MatchedIn::KnowledgeBase)
    } else {
        None
    }
}

/// Weight of a word found in `df` of `n` entries: rarer is heavier (an inverse document
/// frequency, in hundredths).
fn rarity(df: usize, n: usize) -> u32 {
    (((n as f64 + 1.0) / (df as f64 + 1.0)).ln() * 100.0).round() as u32
}

fn suggest_in(text: &str, n: usize, zh: Option<&[Vec<String>]>) -> Vec<Suggestion> {
    let text: String = text.chars().take(MAX_SUGGEST_CHARS).collect();
    let words = sentence_words(&text);
    let idx = index();
    let entries = catalog::entries();
    let prepared: Vec<SentenceWord> = words.iter().map(|(w, _)| SentenceWord::new(w, &idx.vocab)).collect();
    let df: Vec<usize> = prepared
        .iter()
        .map(|w| idx.docs.iter().filter(|d| word_in(w, d).is_some()).count())
        .collect();
    let in_messages: Vec<bool> = prepared
        .iter()
        .map(|w| idx.docs.iter().any(|d| word_in(w, d) == Some(MatchedIn::Message)))
        .collect();
    let zh_query = zh.filter(|_| has_cjk(&text)).map(|table| {
        let folded = fold(&text);
        let pairs = pair_set(&folded);
        ((folded, pairs), table)
    });
    let mut out: Vec<Suggestion> = Vec::new();
    for (i, doc) in idx.docs.iter().enumerate() {
        let mut found: Vec<(u32, usize, MatchedIn)> = Vec::new();
        for (k, w) in prepared.iter().enumerate() {
            if let Some(m) = word_in(w, doc) {
                let weight = rarity(df[k], entries.len());
                let weight = if m == MatchedIn::KnowledgeBase && in_messages[k] {
                    weight * KB_WORD_PERCENT / 100
                } else {
                    weight
                };
                found.push((weight, k, m));
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let enough = found.len() >= 2 || found.first().is_some_and(|f| df[f.1] <= RARE_WORD_ENTRIES);
        let sum: u32 = found.iter().map(|f| f.0).sum();
        let single = found.len() == 1 && words.len() > 1;
        let mut best = enough.then(|| Suggestion {
            entry: &entries[i],
            score: if single { sum * SINGLE_WORD_PERCENT / 100 } else { sum },
            matched: found
                .iter()
                .map(|f| Matched {
                    word: words[f.1].1.clone(),
                    matched_in: f.2,
                })
                .collect(),
        });
        if let Some((sentence, table)) = &zh_query {
            if let Some(s) = zh_suggestion(sentence, &table[i], &entries[i]) {
                if best.as_ref().is_none_or(|b| s.score > b.score) {
                    best = Some(s);
                }
            }
        }
        out.extend(best);
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.score));
    out.truncate(n);
    out
}

/// Score of a Chinese run shared with an official Chinese message, per character.
const ZH_RUN_CHAR_WEIGHT: u32 = 60;
/// Shortest shared Chinese run that counts (三个字: 余额不 …; two characters such as 失败 say
/// too little), unless it is the whole message.
const ZH_MIN_RUN_CHARS: usize = 3;

/// The character pairs of a folded text.
fn pair_set(text: &str) -> std::collections::HashSet<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).map(|p| (p[0], p[1])).collect()
}

/// The longest run of `msg` that also appears in `sentence` (both folded; `pairs` is the
/// sentence's [`pair_set`]). Runs are grown pair by pair, then checked whole.
fn longest_shared_run(msg: &str, sentence: &str, pairs: &std::collections::HashSet<(char, char)>) -> Option<String> {
    let chars: Vec<char> = msg.chars().collect();
    let mut best: Option<String> = None;
    let mut start = 0;
    while start + 1 < chars.len() {
        let mut end = start + 1;
        while end < chars.len() && pairs.contains(&(chars[end - 1], chars[end])) {
            end += 1;
        }
        // Shrink from the end until the run really is in the sentence.
        let mut stop = end;
        while stop > start + 1 && !sentence.contains(&chars[start..stop].iter().collect::<String>()) {
            stop -= 1;
        }
        if stop - start >= 2 && best.as_ref().is_none_or(|b| stop - start > b.chars().count()) {
            let run: String = chars[start..stop].iter().collect();
            if run.chars().any(is_cjk) {
                best = Some(run);
            }
        }
        start = end.max(start + 1);
    }
    best
}

/// A suggestion from the longest Chinese run the sentence shares with one of the entry's
/// official Chinese messages.
fn zh_suggestion(
    (sentence, pairs): &(String, std::collections::HashSet<(char, char)>),
    msgs: &[String],
    entry: &'static Entry,
) -> Option<Suggestion> {
    let mut best: Option<String> = None;
    for m in msgs {
        if let Some(run) = longest_shared_run(m, sentence, pairs) {
            let n = run.chars().count();
            let counts = n >= ZH_MIN_RUN_CHARS || (n >= 2 && run == *m);
            if counts && best.as_ref().is_none_or(|b| n > b.chars().count()) {
                best = Some(run);
            }
        }
    }
    let run = best?;
    Some(Suggestion {
        entry,
        score: run.chars().count() as u32 * ZH_RUN_CHAR_WEIGHT,
        matched: vec![Matched {
            word: run,
            matched_in: MatchedIn::ZhMessage,
        }],
    })
}
