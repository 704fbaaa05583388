//! The code examples use one convention for credentials (issue 15, item 2): environment variables
//! everywhere, always the same three names, and no credential written into the code.
//! The same checks (in `common/credentials.rs`) run over the knowledge base's snippets and over
//! every fix snippet of the wizard's trees.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/credentials.rs"]
mod credentials;

use credentials::{literal_credential, problems, uses_credentials};
use okx_doctor::core::category::Category;
use okx_doctor::core::kb;
use okx_doctor::core::lang::Lang;
use okx_doctor::core::wizard::{tree_for_in, NodeKind};

#[test]
fn snippets_read_credentials_from_the_same_environment_variables() {
    let mut with_credentials = 0;
    let mut found = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        for s in kb::all_snippets_in(lang) {
            if uses_credentials(s.code) {
                with_credentials += 1;
            }
            found.extend(problems(s.code).into_iter().map(|p| format!("{lang:?} {}: {p}", s.id)));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    assert!(with_credentials >= 10, "{with_credentials} snippets with credentials");
}

#[test]
fn the_check_catches_a_written_credential() {
    assert!(literal_credential("    'apiKey': 'abc123',").is_some());
    assert!(literal_credential("export OKX_PASSPHRASE='Ab1$xyZ!'").is_some());
    assert!(literal_credential("  secret: \"s3cr3t\",").is_some());
    assert!(literal_credential("export FREQTRADE__EXCHANGE__PASSWORD=\"$OKX_PASSPHRASE!\"").is_some());
    assert!(literal_credential("    'apiKey': os.environ['OKX_API_KEY'],").is_none());
    assert!(literal_credential("export OKX_PASSPHRASE='<your passphrase>'").is_none());
    assert!(literal_credential("  -H \"OK-ACCESS-PASSPHRASE: $OKX_PASSPHRASE\"").is_none());
    assert!(literal_credential("export FREQTRADE__EXCHANGE__PASSWORD=\"$OKX_PASSPHRASE\"").is_none());
}

#[test]
fn the_check_catches_credentials_from_elsewhere() {
    assert!(!problems("exchange = ccxt.okx({\"apiKey\": API_KEY})").is_empty());
    assert!(!problems("p = os.environ[\"OKX_API_PASSPHRASE\"]").is_empty());
    assert!(!problems("\"exchange\": { \"name\": \"okx\", \"key\": \"<API key>\" }").is_empty());
    assert!(problems("\"exchange\": { \"name\": \"okx\" }").is_empty());
    assert!(problems("const client = new RestClient({ apiKey: process.env.OKX_API_KEY });").is_empty());
}

#[test]
fn wizard_snippets_read_credentials_from_the_same_environment_variables() {
    let mut with_credentials = 0;
    let mut found = Vec::new();
    for lang in Lang::ALL {
        for category in Category::ALL {
            let tree = tree_for_in(lang, category);
            for node in tree.nodes {
                let NodeKind::Fix(fix) = &node.kind else { continue };
                for s in fix.snippets {
                    if uses_credentials(s.code) {
                        with_credentials += 1;
                    }
                    found.extend(
                        problems(s.code)
                            .into_iter()
                            .map(|p| format!("{lang:?} {}/{} ({}) {}: {p}", tree.category, node.id, fix.key, s.lib)),
                    );
                }
            }
        }
    }
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
    assert!(
        with_credentials >= 20,
        "{with_credentials} wizard snippets with credentials"
    );
}
