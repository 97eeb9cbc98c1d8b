//! The window's generated bindings (`ui/src/bindings.ts`) match the Rust commands.

use std::path::Path;

/// Fails when a command's name, arguments or types changed without the bindings being
/// generated again; `FUMI_UPDATE_BINDINGS=1 cargo test --test tests bindings` writes them.
#[test]
fn the_committed_bindings_match_the_commands() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    if std::env::var_os("FUMI_UPDATE_BINDINGS").is_some() {
        fumi_app::bindings::export(&committed).expect("bindings written");
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let fresh = dir.path().join("bindings.ts");
    fumi_app::bindings::export(&fresh).expect("bindings generated");
    let fresh = std::fs::read_to_string(&fresh).expect("generated bindings read");
    let committed = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        fresh == committed,
        "ui/src/bindings.ts is stale: run `FUMI_UPDATE_BINDINGS=1 cargo test --test tests bindings` \
         and commit the result"
    );
    // The contract holds the commands the page calls, typed.
    for expected in ["saveDraft: (", "publishDraft: (", "export type Draft"] {
        assert!(fresh.contains(expected), "bindings lack {expected}");
    }
}
