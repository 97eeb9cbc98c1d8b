//! Tauri's build step. `tauri.conf.json` sits at the repository root, so the capabilities are
//! pointed at `src-tauri/capabilities/` explicitly.

fn main() {
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
