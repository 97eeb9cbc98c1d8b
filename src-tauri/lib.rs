//! Fumi's desktop shell: the `fumi` binary opens the window, or runs a CLI command on the same core.
//!
//! Everything here is an adapter: argument parsing, IPC commands and error conversion. The work
//! itself lives in `fumi-core`.

mod assets;
pub mod bindings;
mod cli;
mod commands;
mod input_method;
mod ipc_error;
mod logging;
mod menu;
mod navigation;
mod path_grants;
mod preview_scheme;
mod queue_sender;
mod spelling;
mod window;

use std::process::ExitCode;

use clap::Parser;
use fumi_core::paths::LOGS_FOLDER;

/// Entry point of the `fumi` binary.
pub fn main() -> ExitCode {
    let args = cli::Args::parse();
    let data_dir = match args.data_dir() {
        Ok(dir) => dir,
        Err(e) => return cli::fail(&e),
    };
    // Without a log folder (no home directory) Fumi still runs; it only has no logs.
    let log_dir = args
        .log_dir()
        .unwrap_or_else(|_| data_dir.join(LOGS_FOLDER));
    logging::init(&log_dir);
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        data_dir = %data_dir.display(),
        window = args.command.is_none(),
        "start"
    );
    match args.command {
        Some(command) => cli::run(command, &data_dir),
        None => {
            // A bare word is a file to open; one that is not there was most likely a command
            // mistyped, which deserves the command line's answer, not a window.
            if let Some(missing) = args.open.iter().find(|p| !p.exists()) {
                eprintln!(
                    "fumi: {} is neither a command nor a file (fumi --help lists the commands)",
                    missing.display()
                );
                return ExitCode::from(2);
            }
            window::run(data_dir, log_dir, args.open)
        }
    }
}
