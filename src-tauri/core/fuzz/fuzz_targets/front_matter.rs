//! The YAML front-matter parser on any draft text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|markdown: &str| {
    if let Ok(split) = fumi_core::front_matter::split(markdown) {
        // Whatever was read back must write out as a block that reads back the same.
        let block = fumi_core::front_matter::to_block(&split.front_matter);
        let again = fumi_core::front_matter::split(&block).expect("a written block parses");
        assert_eq!(again.front_matter, split.front_matter);
    }
});
