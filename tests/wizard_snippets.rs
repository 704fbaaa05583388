//! The wizard's fix snippets follow the same credentials convention as the knowledge-base
//! snippets (issue 15, item 2): the three `OKX_` environment variables, read in each library's own
//! way, and no credential written into the code. The checks are shared with `snippets.rs`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/credentials.rs"]
mod credentials;

use credentials::{problems, uses_credentials};
use okx_doctor::core::category::Category;
use okx_doctor::core::lang::Lang;
use okx_doctor::core::wizard::{tree_for_in, NodeKind};

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
