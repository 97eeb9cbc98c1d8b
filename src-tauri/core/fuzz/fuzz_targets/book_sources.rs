//! The four book databases' reply readers on any bytes a server (or a proxy's error page) could
//! send: an answer or an error, never a panic.
#![no_main]

use fumi_core::book::source::{google_books, ndl, open_library, openbd};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    let _ = openbd::parse(body);
    let _ = ndl::parse(body);
    let _ = open_library::parse(body);
    let _ = open_library::author_name(body);
    let _ = google_books::parse(body);
});
