//! The proofreader on any text an author could type: every finding lies inside the text (in
//! UTF-16 units, as the editor counts), and a check that keeps blocks from the text before an
//! edit finds exactly what a fresh check finds.
#![no_main]

use fumi_core::model::proofread::ProofreadSettings;
use fumi_core::proofread::{Proofreader, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let settings = ProofreadSettings {
        max_sentence_chars: 20,
        max_commas: 1,
        ..ProofreadSettings::default()
    };
    let units = text.encode_utf16().count() as u32;
    let fresh = check(text, &settings);
    for f in &fresh {
        assert!(f.from <= f.to && f.to <= units, "{f:?} outside {units} units");
    }
    // An edit: the text cut at a character boundary near its middle, then the whole again.
    let cut = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let mut reader = Proofreader::default();
    reader.check(text, &settings);
    assert_eq!(reader.check(&text[..cut], &settings), check(&text[..cut], &settings));
    assert_eq!(reader.check(text, &settings), fresh);
});
