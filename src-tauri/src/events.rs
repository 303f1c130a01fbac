//! Events the backend emits so every view re-reads what changed (the store is the
//! truth; windows never keep their own copy of it).

use serde::{Deserialize, Serialize};

/// Why the workspace's content changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ChangeReason {
    /// A create, update or delete.
    Edit,
    Undo,
    Redo,
    /// Another workspace file was opened or created.
    Opened,
    /// A backup was restored into the open workspace.
    Restored,
}

/// Emitted after every write, undo, redo and workspace switch.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct WorkspaceChanged {
    pub reason: ChangeReason,
}
