//! The documents the benchmarks type into and render: one section of a Japanese book review with
//! every construct the renderer handles, repeated to a size. Shared by the core's benchmarks and
//! the window benchmark (`benches/window.rs`), so their figures are about the same text.

/// One section of a Japanese book review with every construct the renderer handles.
pub fn section(n: usize) -> String {
    format!(
        "## 第{n}章 読書会の記録\n\n\
         本書は**劉慈欣**による長編で、第{n}章では物語が大きく動く。~~単なるSF~~ではなく、\
         文明と倫理の物語だと感じた[^{n}]。詳しくは https://example.com/review/{n} を参照。\n\n\
         > 「物理学は存在しない」という一文が、読み終えたあとも頭から離れない。\n\n\
         | 項目 | 内容 |\n|:---|---:|\n| 章 | {n} |\n| 評価 | ★★★★☆ |\n\n\
         - [x] 第{n}章を読む\n- [ ] 感想を書く\n\n\
         ```rust\nfn chapter_{n}() -> usize {{\n    {n} * 2\n}}\n```\n\n\
         [^{n}]: 第{n}章の注。The quick brown fox jumps over the lazy dog.\n\n"
    )
}

/// A Markdown document of about `bytes` bytes.
pub fn document(bytes: usize) -> String {
    let mut doc = String::from("# 『三体』を読んで\n\n");
    let mut n = 1;
    while doc.len() < bytes {
        doc.push_str(&section(n));
        n += 1;
    }
    doc
}
