//! What the paste box shows for a diagnosis, as plain data: the finding cards (title, category,
//! confidence, evidence, causes, the wizard link's query), the credential warning and the status.
//! The analysis worker builds it next to the engine and sends it to the page as JSON, so the
//! page's own wasm carries neither the engine nor the wizard's trees.

use super::catalog;
use super::category::Category;
use super::diagnose::{first_question, notes_in, title_in, Diagnosis, Finding, FindingKind};
use super::facts::Library;
use super::kb;
use super::lang::Lang;
use super::search;
use super::secrets::CredentialKind;
use super::template::readable;
use super::wizard;
use crate::t;
use serde::{Deserialize, Serialize};

/// Finding cards shown at most: a paste with thousands of distinct codes shows the most likely
/// ones and counts the rest (5,000 cards took seconds to render).
pub const MAX_CARDS: usize = 50;

/// Causes listed on a card (the wizard has the rest).
pub const CARD_CAUSES: usize = 3;

/// Confidence from which a finding is called "high confidence".
pub const HIGH_CONFIDENCE: f32 = 0.85;
/// Confidence from which a finding is called "likely" (below: "unsure").
pub const LIKELY_CONFIDENCE: f32 = 0.6;

/// One finding as the paste box shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The code as the paste shows it, if any.
    pub code: Option<String>,
    /// Whether the code has a page in the catalog.
    pub has_page: bool,
    /// Category id and label.
    pub category: String,
    pub category_label: String,
    /// 0..=1.
    pub confidence: f32,
    pub title: String,
    pub evidence: String,
    pub count: usize,
    pub notes: Vec<String>,
    /// The first [`CARD_CAUSES`] cause titles.
    pub causes: Vec<String>,
    /// Each cause's one-line fix (empty when the knowledge base has none), in the same order.
    #[serde(default)]
    pub fixes: Vec<String>,
    /// The wizard's query string for this finding, pre-filled from the paste (`?c=…`).
    pub wizard_query: String,
}

/// A credential-shaped value found in the paste (never the value itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credential {
    /// What it looks like ("an API key").
    pub label: String,
    /// A safe rendering (`a1b2…(36 chars)`).
    pub redacted: String,
}

/// When the engine is not sure: the wizard's first question for the paste, to ask instead of
/// trusting a guess.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ask {
    pub question: String,
    /// The wizard's query string for it (`?c=…`).
    pub wizard_query: String,
}

/// A catalog code whose words a plain sentence shares (offered when no error was found).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub code: String,
    pub msg: String,
    /// One line saying what matched.
    pub reason: String,
}

/// Codes offered at most for a sentence with no error in it.
pub const SUGGESTIONS: usize = 3;

/// Everything the paste box shows for one paste.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PasteReport {
    /// The best finding is not sure (or nothing was found): say so, and ask instead.
    pub unsure: bool,
    pub ask: Option<Ask>,
    /// For text with no error in it: catalog codes its words point to.
    pub suggestions: Vec<Suggestion>,
    /// The most likely findings, best first (at most [`MAX_CARDS`]).
    pub cards: Vec<Card>,
    /// Distinct findings not shown.
    pub more: usize,
    pub credentials: Vec<Credential>,
    /// Only the first part of a very large paste was read.
    pub truncated: bool,
    /// The library the paste revealed, when the error pages have code for it (an id of
    /// [`Library::WITH_SNIPPETS`]): the findings' links to error pages carry it as `?lib=`.
    #[serde(default)]
    pub lib: Option<String>,
}

/// How sure a finding is, in words.
pub fn confidence_label(c: f32, lang: Lang) -> &'static str {
    if c >= HIGH_CONFIDENCE {
        t!(lang, "high confidence", "高置信度")
    } else if c >= LIKELY_CONFIDENCE {
        t!(lang, "likely", "较可能")
    } else {
        t!(lang, "unsure", "不确定")
    }
}

/// What a credential looks like, in words.
pub fn credential_label(k: CredentialKind, lang: Lang) -> &'static str {
    match k {
        CredentialKind::ApiKeyUuid => t!(lang, "an API key", "API Key"),
        CredentialKind::SecretHex32 => t!(lang, "a secret key", "Secret Key"),
        CredentialKind::Passphrase => t!(lang, "a passphrase or password", "Passphrase 或密码"),
        CredentialKind::Signature => t!(lang, "a request signature", "请求签名"),
        CredentialKind::AccessHeader => t!(lang, "an OK-ACCESS header value", "OK-ACCESS 请求头的值"),
    }
}

/// A credential's safe rendering (`a1b2…(36 chars)`) in `lang`: `a1b2…（36 个字符）`.
pub fn redacted_in(redacted: &str, lang: Lang) -> String {
    t!(lang, redacted.to_string(), {
        let zh = redacted
            .strip_suffix(" chars)")
            .and_then(|r| r.rsplit_once("…("))
            .map(|(head, n)| format!("{head}…（{n} 个字符）"));
        zh.unwrap_or_else(|| redacted.to_string())
    })
}

fn card(f: &Finding, d: &Diagnosis, lang: Lang) -> Card {
    Card {
        code: f.code.clone(),
        has_page: f.code.as_deref().is_some_and(|c| catalog::get(c).is_some()),
        category: f.category.id().to_string(),
        category_label: f.category.label_in(lang).to_string(),
        confidence: f.confidence,
        title: title_in(f, lang),
        evidence: f.evidence.clone(),
        count: f.count,
        notes: notes_in(f, lang),
        causes: f
            .causes
            .iter()
            .take(CARD_CAUSES)
            .map(|c| kb::cause_title_in(lang, c).to_string())
            .collect(),
        fixes: f
            .causes
            .iter()
            .take(CARD_CAUSES)
            .map(|c| kb::cause_fix_for_title(lang, c).unwrap_or("").to_string())
            .collect(),
        wizard_query: wizard::query_from_facts(f.category, f.code.as_deref(), &d.facts),
    }
}

/// Whether the paste box offers catalog codes for the words of `text`: when nothing was found,
/// and when a Chinese sentence was only read as a description (`下单提示余额不足`: the Chinese
/// search finds the codes whose messages say it).
fn wants_suggestions(text: &str, d: &Diagnosis) -> bool {
    d.findings.is_empty() || (search::has_cjk(text) && d.findings.iter().all(|f| f.kind == FindingKind::Description))
}

/// The catalog codes the words of `text` point to, when the paste box offers them (see
/// [`wants_suggestions`]; empty otherwise), their messages and reasons in `lang`. Chinese text is
/// also compared with OKX's official Chinese messages.
pub fn suggestions(text: &str, d: &Diagnosis, lang: Lang) -> Vec<Suggestion> {
    if !wants_suggestions(text, d) {
        return Vec::new();
    }
    // More than shown: a code's sub-codes share its words, and only the first of them is kept.
    let wanted = SUGGESTIONS * 4;
    let mut found = if search::has_cjk(text) {
        search::suggest_zh(text, wanted)
    } else {
        search::suggest(text, wanted)
    };
    let mut bases: Vec<&str> = Vec::new();
    found.retain(|s| {
        let new = !bases.contains(&s.entry.base_code);
        bases.push(s.entry.base_code);
        new
    });
    found
        .into_iter()
        .take(SUGGESTIONS)
        .map(|s| Suggestion {
            code: s.entry.code.to_string(),
            msg: match lang {
                Lang::Zh => catalog::msg_zh(s.entry).map_or_else(|| readable(s.entry.msg), readable),
                Lang::En => readable(s.entry.msg),
            },
            reason: t!(lang, s.reason(), s.reason_zh()),
        })
        .collect()
}

/// The report of a diagnosis of `text`, its text in `lang`.
pub fn report_for(text: &str, d: &Diagnosis, lang: Lang) -> PasteReport {
    PasteReport {
        suggestions: suggestions(text, d, lang),
        ..report(d, lang)
    }
}

/// The report of a diagnosis, its text in `lang`.
pub fn report(d: &Diagnosis, lang: Lang) -> PasteReport {
    let top = d.top();
    let ask = first_question(d).map(|q| Ask {
        question: q.text.to_string(),
        wizard_query: wizard::query_from_facts(
            top.map_or(Category::Other, |f| f.category),
            top.and_then(|f| f.code.as_deref()),
            &d.facts,
        ),
    });
    PasteReport {
        unsure: d.unsure,
        ask,
        suggestions: Vec::new(),
        cards: d.findings.iter().take(MAX_CARDS).map(|f| card(f, d, lang)).collect(),
        more: d.findings.len().saturating_sub(MAX_CARDS),
        credentials: d
            .credentials
            .iter()
            .map(|c| Credential {
                label: credential_label(c.kind, lang).to_string(),
                redacted: redacted_in(&c.redacted, lang),
            })
            .collect(),
        truncated: d.truncated_input,
        lib: d
            .facts
            .library
            .filter(|l| Library::WITH_SNIPPETS.contains(l))
            .map(|l| l.id().to_string()),
    }
}

impl PasteReport {
    /// The report as the worker sends it ([`wire`](crate::core::wire) bytes).
    pub fn to_wire(&self) -> Vec<u8> {
        crate::core::wire::encode(self)
    }

    /// Reads [`PasteReport::to_wire`]'s output (`None` for anything else).
    pub fn from_wire(bytes: &[u8]) -> Option<Self> {
        crate::core::wire::decode(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnose::diagnose;

    #[test]
    fn report_round_trips_and_carries_the_wizard_link() {
        let d = diagnose("ccxt.base.errors.AuthenticationError: okx {\"msg\":\"Invalid Sign\",\"code\":\"50113\"}");
        let r = report(&d, Lang::En);
        assert_eq!(r.cards[0].code.as_deref(), Some("50113"));
        assert!(r.cards[0].has_page && r.cards[0].wizard_query.starts_with("?c="));
        assert!(r.cards[0].causes.len() <= CARD_CAUSES);
        let wire = r.to_wire();
        assert_eq!(PasteReport::from_wire(&wire), Some(r));
        assert_eq!(PasteReport::from_wire(&wire[..wire.len() / 2]), None);
    }

    #[test]
    fn redacted_values_in_chinese() {
        assert_eq!(redacted_in("a1b2…(36 chars)", Lang::Zh), "a1b2…（36 个字符）");
        assert_eq!(redacted_in("…(9 chars)", Lang::Zh), "…（9 个字符）");
        assert_eq!(redacted_in("a1b2…(36 chars)", Lang::En), "a1b2…(36 chars)");
    }

    #[test]
    fn many_findings_are_capped_and_counted() {
        let text: String = (50000..50200)
            .map(|c| format!("{{\"code\":\"{c}\",\"msg\":\"x\"}}\n"))
            .collect();
        let r = report(&diagnose(&text), Lang::En);
        assert!(r.cards.len() <= MAX_CARDS);
        assert_eq!(r.cards.len() + r.more, diagnose(&text).findings.len());
    }
}
