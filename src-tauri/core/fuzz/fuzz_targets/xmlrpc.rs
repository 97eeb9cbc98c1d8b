//! The XML-RPC response reader (MetaWeblog) on any server reply.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|xml: &str| {
    let _ = fumi_core::publish::xmlrpc::parse_response(xml);
});
