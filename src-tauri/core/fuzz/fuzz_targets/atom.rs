//! The AtomPub reader (Hatena Blog's feeds and entries) on any server reply.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|xml: &str| {
    let _ = fumi_core::publish::hatena::parse_entries(xml);
});
