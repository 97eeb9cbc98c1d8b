//! Sends the publish queue from the window: everything queued at start-up, then what is due
//! every [`INTERVAL`], telling the UI (`publish-queue` event) when something changed.

use std::time::Duration;

use fumi_core::publish::queue::Sent;
use tauri::{AppHandle, Emitter, Manager};

use crate::ipc_error::IpcError;
use crate::window::AppState;

/// How often the window looks for queued publishes that are due.
const INTERVAL: Duration = Duration::from_secs(15);

/// The event the UI listens to; its payload is the list of [`Sent`] results.
pub(crate) const EVENT: &str = "publish-queue";

/// Starts the sender; it runs as long as the app.
pub(crate) fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        // At start-up every queued publish is tried at once: the author may have been offline
        // when they closed the window.
        let mut due_by = i64::MAX;
        loop {
            if let Err(e) = send(&app, due_by).await {
                eprintln!("fumi: the publish queue could not be sent: {}", e.message);
            }
            tokio::time::sleep(INTERVAL).await;
            due_by = jiff::Timestamp::now().as_millisecond();
        }
    });
}

/// Sends what is due by `due_by` (`i64::MAX`: everything) and tells the UI.
pub(crate) async fn send(app: &AppHandle, due_by: i64) -> Result<Vec<Sent>, IpcError> {
    let sent = app.state::<AppState>().app()?.send_queued(due_by).await?;
    if !sent.is_empty() {
        // No window listening (closing) is no reason to stop sending.
        let _ = app.emit(EVENT, &sent);
    }
    Ok(sent)
}
