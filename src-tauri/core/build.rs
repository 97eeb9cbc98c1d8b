//! Builds the syntax set the highlighter ships: syntect's default set with only the languages
//! authors put in a blog kept. The others keep their place (kept syntaxes embed them by index)
//! but lose their rules, names and file types, so code in them is drawn as plain text and the
//! set is half the size in the binary (BENCHMARKS.md, "Size").

use std::path::PathBuf;

use syntect::parsing::{SyntaxSet, SyntaxSetBuilder};

/// The languages highlighted, by syntect's names: the blog languages of the default set, and
/// the syntaxes they embed (shell commands, the regular expressions inside JavaScript and
/// Python, PHP's source inside its HTML).
const KEPT: [&str; 30] = [
    "Plain Text",
    "Bourne Again Shell (bash)",
    "Shell-Unix-Generic",
    "commands-builtin-shell-bash",
    "C",
    "C++",
    "C#",
    "CSS",
    "Diff",
    "Go",
    "Haskell",
    "HTML",
    "Java",
    "JavaScript",
    "Regular Expressions (Javascript)",
    "JSON",
    "Lua",
    "Makefile",
    "Markdown",
    "Perl",
    "PHP",
    "PHP Source",
    "Python",
    "Regular Expressions (Python)",
    "Ruby",
    "Rust",
    "Scala",
    "SQL",
    "XML",
    "YAML",
];

fn main() {
    let mut kept = SyntaxSetBuilder::new();
    for mut syntax in SyntaxSet::load_defaults_newlines()
        .into_builder()
        .syntaxes()
        .to_vec()
    {
        if !KEPT.contains(&syntax.name.as_str()) {
            syntax.name.clear();
            syntax.file_extensions.clear();
            syntax.first_line_match = None;
            syntax.hidden = true;
            syntax.variables.clear();
            for context in syntax.contexts.values_mut() {
                context.patterns.clear();
                context.meta_scope.clear();
                context.meta_content_scope.clear();
            }
        }
        kept.add(syntax);
    }
    let set = kept.build();
    for name in KEPT {
        assert!(
            set.find_syntax_by_name(name).is_some(),
            "syntect has no syntax {name:?}"
        );
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    syntect::dumps::dump_to_uncompressed_file(&set, out.join("syntaxes.packdump"))
        .expect("the syntax set is written to OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
}
