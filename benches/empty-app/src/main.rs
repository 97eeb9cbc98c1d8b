//! An empty Tauri app: one window showing one static page. `cargo bench --bench window`
//! measures its start and memory beside Fumi's, as ratios.

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the empty app failed: {e}");
        std::process::exit(1);
    }
}
