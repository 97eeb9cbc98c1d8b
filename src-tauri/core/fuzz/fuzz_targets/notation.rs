//! Hatena's notation (contents, notes, cards, Fotolife images, the cut) on any text an author
//! could type, rendered as each blog shows it, for the preview and as the post sent.
#![no_main]

use std::sync::{LazyLock, Once};

use fumi_core::render::{Flavor, Output};
use libfuzzer_sys::fuzz_target;

// Built once: its syntax sets take far longer to load than a render.
static RENDERER: LazyLock<fumi_core::Renderer> = LazyLock::new(fumi_core::Renderer::new);

static OWN_HOOK: Once = Once::new();

fuzz_target!(|markdown: &str| {
    // libfuzzer-sys's panic hook aborts on any panic, even one Fumi catches on purpose (math-core
    // asserting its invariants on some TeX: the formula stays as written). A panic that escapes
    // the render still aborts: the harness checks for one after each input.
    OWN_HOOK.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("{info}"))));
    for flavor in [Flavor::Hatena, Flavor::WordPress] {
        for output in [Output::Preview, Output::Published] {
            let rendered =
                RENDERER.render_for(markdown, flavor, output, &|_| None, None, &Default::default());
            // The sanitizer's promise holds for the notation's own HTML too.
            let html = rendered.html.to_ascii_lowercase();
            assert!(!html.contains("<script"));
        }
    }
});
