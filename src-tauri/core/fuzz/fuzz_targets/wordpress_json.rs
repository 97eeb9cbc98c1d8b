//! The WordPress REST post decoder on any server reply.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &[u8]| {
    let _ = fumi_core::publish::wordpress::parse_post(json);
});
