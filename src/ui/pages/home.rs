//! Home (`/`): the paste box, the catalog search and, for readers without JavaScript, every code
//! as a link. The embedded helper (`/embed/`) is the paste box alone.

use crate::core::catalog::{self, Entry};
use crate::core::catalog_rows::family_label;
use crate::core::routes::Route;
use crate::ui::catalog::{CatalogSearch, StaticCatalog};
use crate::ui::embed::embed_panel;
use crate::ui::env::use_env;
use crate::ui::island::island;
use crate::ui::paste::PasteBox;
use crate::{t, tf};
use leptos::prelude::*;

/// The paste box of this build.
fn paste_box(embed: bool) -> AnyView {
    island(PasteBox {
        embed,
        worker: use_env().worker,
    })
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <h1>{t!(lang, "Fix OKX API errors", "解决欧易（OKX）API 报错")}</h1>
        <p class="lead">
            {t!(
                lang,
                "Paste what your bot printed and okx-doctor finds every OKX error in it, with the likely causes and a fix. ",
                "把机器人打印的报错贴进来，okx-doctor 会找出其中的每一个欧易错误，并给出可能的原因和解决办法。"
            )}
            {t!(lang, "Or search all OKX API v5 error codes below.", "也可以在下方搜索欧易 API v5 的全部错误码。")}
        </p>
        {paste_box(false)}
        <section class="catalog" aria-labelledby="catalog-title">
            <h2 id="catalog-title">{t!(lang, "Error catalog", "错误码目录")}</h2>
            {island(CatalogSearch::new(use_env().worker))}
            <StaticCatalog />
            <p class="all-codes-link">
                <a href=use_env().href(&Route::Codes) data-testid="all-codes-link">
                    {tf!(lang, "Every code on one page ({})", "在一页中查看全部错误码（{} 个）", catalog::entries().len())}
                </a>
            </p>
        </section>
        {embed_panel(Route::Home)}
    }
}

/// The embedded helper: the paste box alone.
#[component]
pub fn EmbedHelperPage() -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <h1 class="visually-hidden">{t!(lang, "okx-doctor: diagnose an OKX API error", "okx-doctor：诊断欧易（OKX）API 报错")}</h1>
        {paste_box(true)}
    }
}

/// `/codes/`: every code as a link, by family (codes only: each page carries its message). How a
/// reader without JavaScript, or a crawler, reaches any code.
#[component]
pub fn CodesPage() -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    let families = catalog::FAMILIES
        .iter()
        .filter_map(|(fam, _)| {
            let list: Vec<&'static Entry> = catalog::entries()
                .iter()
                .filter(|e| catalog::family(e) == *fam)
                .collect();
            (!list.is_empty()).then(|| {
                let links = list
                    .into_iter()
                    .map(|e| view! { <li><a href=env.href(&Route::Error(e.code.to_string()))>{e.code}</a></li> })
                    .collect_view();
                view! {
                    <h2>{family_label(fam, lang)}</h2>
                    <ul class="codes">{links}</ul>
                }
            })
        })
        .collect_view();
    view! {
        <h1>{t!(lang, "All OKX API v5 error codes", "欧易（OKX）API v5 全部错误码")}</h1>
        <p class="lead">
            {tf!(
                lang,
                "{} codes, as OKX's documentation groups them; data as of {}. ",
                "共 {} 个错误码，按欧易文档的分组排列；数据截至 {}。",
                catalog::entries().len(),
                catalog::data_date()
            )}
            <a href=env.href(&Route::Home)>{t!(lang, "Search them, or paste your error", "搜索错误码，或粘贴你的报错")}</a>
            {t!(lang, ".", "。")}
        </p>
        <div class="all-codes" data-testid="all-codes">{families}</div>
    }
}
