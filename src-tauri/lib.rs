//! Fumi's desktop shell: the `fumi` binary opens the window, or runs a CLI command on the same core.
//!
//! Everything here is an adapter: argument parsing, IPC commands and error conversion. The work
//! itself lives in `fumi-core`.

mod assets;
mod cli;
mod commands;
mod ipc_error;
mod logging;
mod queue_sender;
mod window;

use std::process::ExitCode;

use clap::Parser;

/// Entry point of the `fumi` binary.
pub fn main() -> ExitCode {
    let args = cli::Args::parse();
    let data_dir = match args.data_dir() {
        Ok(dir) => dir,
        Err(e) => return cli::fail(&e),
    };
    if let Ok(log_dir) = args.log_dir() {
        logging::init(&log_dir);
    }
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        data_dir = %data_dir.display(),
        window = args.command.is_none(),
        "start"
    );
    match args.command {
        Some(command) => cli::run(command, &data_dir),
        None => window::run(data_dir),
    }
}
