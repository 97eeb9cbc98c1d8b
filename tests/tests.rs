//! Fumi's integration tests: one binary, one module per part (store, render, CLI, window).

mod bad_input;
mod bindings;
mod books;
mod cli;
mod crash;
mod export;
mod library;
mod page_cards;
mod publish_faults;
mod publish_hatena;
mod publish_metaweblog;
mod publish_queue;
mod publish_wordpress;
mod render;
mod security;
mod store;
mod support;
mod sync;
mod tls;
mod window;
mod window_books;
mod window_desktop;
mod window_flavor;
mod window_japanese;
mod window_library;
mod window_publish;
