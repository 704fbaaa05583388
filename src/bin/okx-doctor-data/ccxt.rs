//! Reads ccxt's OKX exception map from a saved copy of ccxt's source: `python/ccxt/okx.py`,
//! `js/src/okx.js` or `ts/src/okx.ts` (the `exceptions` → `exact` / `broad` and the
//! `httpExceptions` blocks of `describe()`), or a JSON file with `exact`, `broad` and
//! `httpExceptions` objects (as `data/ccxt-okx-exceptions.json`).

use super::json::{self, Json};

/// One mapping, in source order, with the source comment after it (ccxt's note of OKX's message).
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub key: String,
    pub class: String,
    pub comment: Option<String>,
}

#[derive(Debug, Default, PartialEq)]
pub struct Exceptions {
    pub exact: Vec<Mapping>,
    pub broad: Vec<Mapping>,
    pub http: Vec<Mapping>,
}

pub fn parse(text: &str) -> Result<Exceptions, String> {
    if text.trim_start().starts_with('{') {
        return from_json(text);
    }
    let block = |name: &str| -> Result<Vec<Mapping>, String> {
        let body = block_after(text, name).ok_or_else(|| format!("no `{name}` block found"))?;
        Ok(body.lines().filter_map(mapping).collect())
    };
    let exceptions = block_after(text, "exceptions").ok_or("no `exceptions` block found")?;
    let inner = |name: &str| -> Result<Vec<Mapping>, String> {
        let body = block_after(exceptions, name).ok_or_else(|| format!("no `exceptions.{name}` block found"))?;
        Ok(body.lines().filter_map(mapping).collect())
    };
    let ex = Exceptions {
        exact: inner("exact")?,
        broad: inner("broad")?,
        http: block("httpExceptions").unwrap_or_default(),
    };
    if ex.exact.is_empty() {
        return Err("the `exact` block has no mappings".into());
    }
    Ok(ex)
}

fn from_json(text: &str) -> Result<Exceptions, String> {
    let v = json::parse(text)?;
    let pairs = |key: &str| -> Vec<Mapping> {
        match v.get(key) {
            Some(Json::Object(m)) => m
                .iter()
                .filter_map(|(k, c)| {
                    Some(Mapping {
                        key: k.clone(),
                        class: c.as_str()?.to_string(),
                        comment: None,
                    })
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let ex = Exceptions {
        exact: pairs("exact"),
        broad: pairs("broad"),
        http: pairs("httpExceptions"),
    };
    if ex.exact.is_empty() {
        return Err("the JSON has no `exact` object".into());
    }
    Ok(ex)
}

/// The text inside the braces that follow the key `name` (`'name': {` or `"name": {`).
fn block_after<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let start = ["'", "\""].iter().find_map(|q| {
        let key = format!("{q}{name}{q}");
        text.match_indices(&key).find_map(|(at, _)| {
            let after = text[at + key.len()..].trim_start().strip_prefix(':')?.trim_start();
            after.starts_with('{').then(|| text.len() - after.len())
        })
    })?;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = ' ';
    for (i, c) in text[start..].char_indices() {
        if comment {
            comment = c != '\n';
        } else if let Some(q) = quote {
            if c == q && prev != '\\' {
                quote = None;
            }
        } else {
            match c {
                '\'' | '"' => quote = Some(c),
                '#' => comment = true,
                '/' if prev == '/' => comment = true,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(&text[start + 1..start + i]);
                    }
                }
                _ => {}
            }
        }
        prev = c;
    }
    None
}

/// `'50000': BadRequest,  # Body can not be empty` (Python), `'50000': errors.BadRequest, //
/// …` or `"50000": BadRequest,` (JS/TS).
fn mapping(line: &str) -> Option<Mapping> {
    let line = line.trim();
    let q = line.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let close = line[1..].find(q)? + 1;
    let key = line[1..close].to_string();
    let rest = line[close + 1..].trim_start().strip_prefix(':')?.trim_start();
    let class_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    let class = rest[..class_end].rsplit('.').next()?.to_string();
    if class.is_empty() {
        return None;
    }
    let after = rest[class_end..].trim_start().trim_start_matches(',').trim_start();
    let comment = after
        .strip_prefix('#')
        .or_else(|| after.strip_prefix("//"))
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty());
    Some(Mapping { key, class, comment })
}
