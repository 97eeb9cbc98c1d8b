//! Sends the publish queue from the window: everything queued at start-up, then what is due
//! every [`INTERVAL`], telling the UI (`publish-queue` event) when something changed.

use std::path::PathBuf;
use std::time::Duration;

use fumi_core::publish::queue::{self, Sent};
use fumi_core::{Store, accounts};
use tauri::{AppHandle, Emitter, Manager};

use crate::ipc_error::IpcError;
use crate::window::AppState;

/// How often the window looks for queued publishes that are due.
const INTERVAL: Duration = Duration::from_secs(15);

/// The event the UI listens to; its payload is the list of [`Sent`] results.
pub(crate) const EVENT: &str = "publish-queue";

/// Starts the sender for the data in `data_dir`; it runs as long as the app.
pub(crate) fn start(app: AppHandle, data_dir: PathBuf) {
    tauri::async_runtime::spawn(async move {
        // At start-up every queued publish is tried at once: the author may have been offline
        // when they closed the window.
        let mut due_by = i64::MAX;
        loop {
            if let Err(e) = send(&app, &data_dir, due_by).await {
                eprintln!("fumi: the publish queue could not be sent: {}", e.message);
            }
            tokio::time::sleep(INTERVAL).await;
            due_by = jiff::Timestamp::now().as_millisecond();
        }
    });
}

/// Sends what is due by `due_by` (`i64::MAX`: everything) and tells the UI.
pub(crate) async fn send(
    app: &AppHandle,
    data_dir: &std::path::Path,
    due_by: i64,
) -> Result<Vec<Sent>, IpcError> {
    // A connection of its own: autosave never waits for the network.
    let mut store = Store::open(data_dir)?;
    // The window's renderer: building one loads every syntax definition.
    let renderer = &app.state::<AppState>().renderer;
    let sent = queue::send_queued(&mut store, renderer, &accounts::secret, due_by).await?;
    if !sent.is_empty() {
        // No window listening (closing) is no reason to stop sending.
        let _ = app.emit(EVENT, &sent);
    }
    Ok(sent)
}
