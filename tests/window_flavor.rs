//! The preview shows a draft as the selected blog will: with a Hatena blog, Hatena's notation,
//! a line break per line, the read-more cut and a table of contents that leads to its headings.

use fantoccini::Locator;
use fantoccini::key::Key;

use super::support::hatena::{
    BASE_QUOTE_BORDER, CUSTOM_HEADING_BORDER, THEME_BACKGROUND, THEME_PARAGRAPH, TestHatena,
};
use super::support::page_site::PageSite;
use super::window::{editor_text, quit, save_screenshot, type_in_editor, wait_for};
use super::window_publish::{HatenaDraftOpen, hatena_draft_open, hatena_draft_open_on};

#[tokio::test]
async fn with_a_hatena_blog_selected_the_preview_shows_hatenas_notation_and_its_contents_lead_to_the_headings()
 {
    // The page the draft embeds, on loopback: its card is read from the page's own metadata.
    let site = PageSite::start();
    // Enough text between the contents and the last heading that reaching it means scrolling.
    let filler = "長い段落の文章。\n".repeat(8);
    let body = format!(
        "[:contents]\n\n## 前半\n\n一文目。\n二文目 [tex:e^{{i\\pi}}+1=0]。\n\n<!-- more -->\n\n{filler}\n\n## 後半\n\n後半です((脚注です))。\n\n[{page}:embed:cite]\n\n{filler}\n",
        filler = [filler.as_str(); 12].join("\n"),
        page = site.page,
    );
    let HatenaDraftOpen {
        window,
        data,
        desktop: _desktop,
        _keychain,
        hatena: _hatena,
    } = hatena_draft_open("ja_JP.UTF-8", "はてな記法", &body, "公開").await;

    wait_for(
        &window,
        "the contents, the cut and the math in the preview",
        "[...document.querySelectorAll('#preview .table-of-contents a')].map(a => a.textContent).join() === '前半,後半' \
         && document.querySelector('#preview hr.fumi-more') \
         && document.querySelector('#preview p math msup mi')?.textContent === 'e'",
    )
    .await;
    save_screenshot(&window, "preview-hatena-ja-top").await;
    // One sentence per line stays one line per sentence. (Waited for: the card read in the
    // background draws the preview again, and a read during that redraw finds no paragraph.)
    wait_for(
        &window,
        "the line break kept, not run together",
        "[...document.querySelectorAll('#preview p')].some(p => p.textContent.includes('一文目。') && p.querySelector('br'))",
    )
    .await;
    // The divider is labelled in the window's language.
    let label = window
        .execute(
            "return getComputedStyle(document.querySelector('#preview hr.fumi-more'), '::after').content",
            vec![],
        )
        .await
        .expect("read the divider");
    assert_eq!(label, serde_json::json!("\"続きを読む\""));

    window
        .execute(
            "document.querySelectorAll('#preview .table-of-contents a')[1].click(); return true",
            vec![],
        )
        .await
        .expect("click the contents");
    wait_for(
        &window,
        "the second heading at the top of the preview",
        "(() => { const p = document.getElementById('preview'); \
           const h = [...p.querySelectorAll('h2')].find(h => h.textContent.startsWith('後半')); \
           return !!h && p.scrollTop > 0 && Math.abs(h.getBoundingClientRect().top - p.getBoundingClientRect().top) < 40; })()",
    )
    .await;
    // Down there (the preview draws only what is near its view): the note's mark and the card,
    // read from the page in the background.
    wait_for(
        &window,
        "the note's mark and the page's card",
        &format!(
            "document.querySelector('#preview a.footnote')?.textContent === '*1' \
             && document.querySelector('#preview .fumi-card a')?.getAttribute('href') === {page:?} \
             && document.querySelector('#preview .fumi-card-title')?.textContent === '『三体』劉慈欣を読む' \
             && document.querySelector('#preview .fumi-card-image')?.naturalWidth > 0 \
             && document.querySelector('#preview cite.hatena-citation')",
            page = site.page
        ),
    )
    .await;
    assert_eq!(site.reads(), 1, "the embedded page was read more than once");
    save_screenshot(&window, "preview-hatena-ja").await;
    // The mark leads to the note, listed at the end as Hatena lists it.
    window
        .execute(
            "document.querySelector('#preview a.footnote').click(); return true",
            vec![],
        )
        .await
        .expect("click the note's mark");
    wait_for(
        &window,
        "the note at the end",
        "document.querySelector('#preview div.footnote .footnote-text')?.textContent === '脚注です'",
    )
    .await;
    quit(window, data.path()).await;
}

#[tokio::test]
async fn preview_on_the_blog_shows_hatenas_rendering_beside_fumis_with_the_differing_block_marked()
{
    let body = "[:contents]\n\n## 前半\n\n一文目。\n二文目。\n\n<!-- more -->\n\n## 後半\n\n後半です((脚注です))。\n\n[asin:4297125609:detail]\n";
    let HatenaDraftOpen {
        window,
        data,
        desktop: _desktop,
        _keychain,
        hatena,
    } = hatena_draft_open("ja_JP.UTF-8", "ブログで確かめる", body, "公開").await;
    let preview_on_blog = "document.getElementById('preview-on-blog').click(); return true";
    window
        .execute(preview_on_blog, vec![])
        .await
        .expect("press Preview on the blog");
    wait_for(
        &window,
        "the blog's rendering, its one differing block marked",
        "document.getElementById('blog-preview-dialog').open \
         && document.querySelectorAll('#blog-preview-body .blog-block').length > 4 \
         && [...document.querySelectorAll('#blog-preview-body .blog-block[data-differs]')].map(b => b.textContent).join() === 'Amazon 4297125609' \
         && document.getElementById('blog-preview-summary').textContent.includes('1 か所') \
         && document.querySelector('#blog-preview-body .table-of-contents') \
         && document.querySelector('#blog-preview-body .footnote-text')?.textContent === '脚注です'",
    )
    .await;
    // Fumi's own preview stays in view beside it.
    let beside = window
        .execute(
            "const d = document.querySelector('.dialog.blog-preview').getBoundingClientRect(); \
             const p = document.getElementById('preview').getBoundingClientRect(); \
             return d.right <= p.left + 1 && p.width > 100",
            vec![],
        )
        .await
        .expect("read the layout");
    assert_eq!(
        beside,
        serde_json::json!(true),
        "the dialog covers the preview"
    );
    save_screenshot(&window, "blog-preview-ja").await;
    let entries = hatena.entries();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].draft, "sent as a draft");

    // Again: the same entry, and the bar now offers to update the post it has.
    window
        .execute(
            "document.getElementById('blog-preview-close').click(); return true",
            vec![],
        )
        .await
        .expect("close");
    window
        .execute(preview_on_blog, vec![])
        .await
        .expect("press it again");
    wait_for(
        &window,
        "the blog's rendering again and Update on the bar",
        "document.getElementById('blog-preview-dialog').open \
         && document.getElementById('publish').textContent === '更新' \
         && !document.getElementById('preview-on-blog').hidden",
    )
    .await;
    assert_eq!(hatena.entries().len(), 1, "one entry on the blog");
    quit(window, data.path()).await;
}

#[tokio::test]
async fn the_blogs_categories_are_offered_as_the_author_types_them_and_new_ones_are_marked() {
    let hatena = TestHatena::behind_proxy();
    hatena.add_entry_in("前に書いた記事", "本文", &["読書", "SF"]);
    let HatenaDraftOpen {
        window,
        data,
        desktop: _desktop,
        _keychain,
        hatena: _hatena,
    } = hatena_draft_open_on(
        hatena,
        "ja_JP.UTF-8",
        "分類を選ぶ",
        "---\ncategories:\n  - 読書\n  - 新しい分類\n",
        "公開",
    )
    .await;
    // Read from the blog in the background: the name it does not have is marked, and says why.
    wait_for(
        &window,
        "the new category marked",
        "[...document.querySelectorAll('.cm-new-category')].map(m => m.textContent).join() === '新しい分類' \
         && document.querySelector('.cm-new-category').title.includes('まだないカテゴリー')",
    )
    .await;
    type_in_editor(&window, "  - S").await;
    wait_for(
        &window,
        "the blog's category offered",
        "[...document.querySelectorAll('.cm-tooltip-autocomplete li')].map(li => li.textContent).join() === 'SF'",
    )
    .await;
    save_screenshot(&window, "categories-ja").await;
    // Enter takes the offered name (the editor keeps its focus; a click would land on the list).
    window
        .find(Locator::Css(".cm-content"))
        .await
        .expect("the editor")
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("press Enter");
    wait_for(
        &window,
        "the category taken, and not marked",
        "!document.querySelector('.cm-tooltip-autocomplete') \
         && [...document.querySelectorAll('.cm-new-category')].length === 1",
    )
    .await;
    let text = editor_text(&window).await;
    assert!(text.contains("  - SF"), "{text}");
    assert!(
        !text.contains("  - SF\n\n"),
        "Enter also broke the line: {text:?}"
    );
    quit(window, data.path()).await;
}

#[tokio::test]
async fn the_preview_in_the_blogs_look_takes_its_css_in_a_frame_where_nothing_runs_and_fumis_window_is_untouched()
 {
    let hatena = TestHatena::behind_proxy();
    hatena.add_entry("前に書いた記事", "公開済みの記事です。\n");
    let HatenaDraftOpen {
        window,
        data,
        desktop: _desktop,
        _keychain,
        hatena: _hatena,
    } = hatena_draft_open_on(
        hatena,
        "ja_JP.UTF-8",
        "ブログのデザイン",
        "## 見出し\n\n本文の段落。\n\n> 引用した一節\n",
        "公開",
    )
    .await;
    let fumi_look = "JSON.stringify([document.title, getComputedStyle(document.querySelector('.sidebar')).backgroundColor, \
                     getComputedStyle(document.body).backgroundColor, getComputedStyle(document.getElementById('title')).color])";
    let before = window
        .execute(&format!("return {fumi_look}"), vec![])
        .await
        .expect("read Fumi's look");
    window
        .execute(
            "document.getElementById('blog-style-toggle').click(); return true",
            vec![],
        )
        .await
        .expect("press the blog's look");
    let frame = "document.getElementById('preview-frame')?.contentDocument";
    wait_for(
        &window,
        "the preview in the theme's look, imports and custom CSS included",
        &format!(
            "(() => {{ const d = {frame}; if (!d) return false; \
               const p = d.querySelector('#fumi-blocks p'), q = d.querySelector('#fumi-blocks blockquote'), h = d.querySelector('#fumi-blocks h2'); \
               return !!p && !!q && !!h && document.getElementById('preview').hidden \
                 && d.defaultView.getComputedStyle(p).color === {THEME_PARAGRAPH:?} \
                 && d.defaultView.getComputedStyle(q).borderLeftColor === {BASE_QUOTE_BORDER:?} \
                 && d.defaultView.getComputedStyle(h).borderBottomColor === {CUSTOM_HEADING_BORDER:?} \
                 && d.defaultView.getComputedStyle(d.body).backgroundColor === {THEME_BACKGROUND:?}; }})()"
        ),
    )
    .await;
    // Fumi's window is as it was, and nothing ran: not the page's script, not the stylesheet's.
    let after = window
        .execute(&format!("return {fumi_look}"), vec![])
        .await
        .expect("read Fumi's look again");
    assert_eq!(before, after, "the blog's look reached Fumi's window");
    let scripts = window
        .execute(
            &format!("return {frame}.querySelectorAll('script').length"),
            vec![],
        )
        .await
        .expect("count scripts");
    assert_eq!(scripts, serde_json::json!(0));
    // (No screenshot of Fumi's look before: WebKitWebDriver stalls on one taken this early.)
    // Typing shows in the blog's look at once, as it does in Fumi's.
    type_in_editor(&window, "\n\n追記した段落。").await;
    wait_for(
        &window,
        "the new paragraph in the frame",
        &format!(
            "[...{frame}.querySelectorAll('#fumi-blocks p')].some(p => p.textContent === '追記した段落。')"
        ),
    )
    .await;
    save_screenshot(&window, "preview-blog-look-ja").await;
    // And back to Fumi's own look.
    window
        .execute(
            "document.getElementById('blog-style-toggle').click(); return true",
            vec![],
        )
        .await
        .expect("press it again");
    wait_for(
        &window,
        "Fumi's preview again, with the new paragraph",
        "!document.getElementById('preview').hidden && !document.getElementById('preview-frame') \
         && [...document.querySelectorAll('#preview p')].some(p => p.textContent === '追記した段落。')",
    )
    .await;
    quit(window, data.path()).await;
}
