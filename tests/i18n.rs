//! Parity of the two languages: every data text (knowledge base, wizard) has its Chinese, and no
//! Chinese entry is left over from English that no longer exists (`build/i18n.rs`); the Chinese
//! tables have the same shape as the English ones, with Chinese text in them.

use okx_doctor::core::category::Category;
use okx_doctor::core::kb::{self, i18n_report};
use okx_doctor::core::lang::Lang;
use okx_doctor::core::wizard::{all_trees, tree_for_in, NodeKind};

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_data_text_has_its_chinese_and_no_entry_is_stale() {
    let missing = i18n_report::ZH_MISSING;
    let unused = i18n_report::ZH_UNUSED;
    println!(
        "i18n parity: {} Chinese entries in data/i18n/zh/, {} data texts without Chinese, {} stale entries",
        i18n_report::ZH_ENTRIES,
        missing.len(),
        unused.len()
    );
    let show = |v: &[&str]| v.iter().take(10).map(|s| format!("\n  {s:?}")).collect::<String>();
    assert!(
        missing.is_empty(),
        "{} data texts have no Chinese in data/i18n/zh/:{}",
        missing.len(),
        show(missing)
    );
    assert!(
        unused.is_empty(),
        "{} entries of data/i18n/zh/ match no English text:{}",
        unused.len(),
        show(unused)
    );
}

#[test]
fn the_chinese_knowledge_base_has_the_english_shape_in_chinese() {
    let (en, zh) = (kb::category_infos_in(Lang::En), kb::category_infos_in(Lang::Zh));
    assert_eq!(en.len(), zh.len());
    for (e, z) in en.iter().zip(zh) {
        assert_eq!(e.category, z.category);
        assert!(has_cjk(z.meaning), "{:?}: {}", z.category, z.meaning);
        let ids = |c: &[kb::Cause]| c.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(e.causes), ids(z.causes));
        for c in z.causes {
            for text in [c.title, c.detail, c.confirm, c.fix, c.verify] {
                assert!(has_cjk(text), "{:?}/{}: {text}", z.category, c.id);
            }
        }
    }
    let (en, zh) = (kb::code_infos_in(Lang::En), kb::code_infos_in(Lang::Zh));
    assert_eq!(en.len(), zh.len());
    for (e, z) in en.iter().zip(zh) {
        assert_eq!(
            (e.code, e.causes.len(), e.snippets.len()),
            (z.code, z.causes.len(), z.snippets.len())
        );
        assert!(has_cjk(z.summary), "{}: {}", z.code, z.summary);
        for (s, t) in e.snippets.iter().zip(z.snippets) {
            assert_eq!(s.code, t.code, "snippets' code is the same in both languages");
        }
    }
    // The same causes, in the same order, for a finding in either language.
    for cat in Category::ALL {
        let en = kb::causes_for_message_in(Lang::En, Some("50113"), cat, "");
        let zh = kb::causes_for_message_in(Lang::Zh, Some("50113"), cat, "");
        assert_eq!(
            en.iter().map(|c| c.id).collect::<Vec<_>>(),
            zh.iter().map(|c| c.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_chinese_wizard_trees_are_the_english_trees_in_chinese() {
    for en in all_trees() {
        let cat = en.category();
        let zh = tree_for_in(Lang::Zh, cat);
        assert_eq!(en.nodes.len(), zh.nodes.len(), "{cat:?}");
        for (a, b) in en.nodes.iter().zip(zh.nodes) {
            assert_eq!(a.id, b.id);
            match (&a.kind, &b.kind) {
                (NodeKind::Question(q), NodeKind::Question(r)) => {
                    assert_eq!(q.answers.len(), r.answers.len());
                    assert!(has_cjk(r.text), "{}: {}", b.id, r.text);
                    for (x, y) in q.answers.iter().zip(r.answers) {
                        assert_eq!((x.id, x.next), (y.id, y.next));
                    }
                }
                (NodeKind::Fix(f), NodeKind::Fix(g)) => {
                    assert_eq!(f.still_failing, g.still_failing);
                    assert!(has_cjk(g.title) && has_cjk(g.change) && has_cjk(g.verify), "{}", b.id);
                }
                (NodeKind::Report, NodeKind::Report) => {}
                _ => panic!("{cat:?}/{}: node kinds differ", a.id),
            }
        }
    }
}
