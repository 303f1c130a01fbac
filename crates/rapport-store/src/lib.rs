//! Rapport's workspace file: one SQLite database per workspace, holding the domain
//! model, its undo history and its settings. Forward-only migrations, WAL with
//! `synchronous=FULL`, foreign keys on, one transaction per user action.

pub mod as_of;
pub mod backup;
pub mod demo;
mod entities;
pub mod error;
pub mod graphml;
pub mod history;
mod map;
pub mod migrate;
mod names;
mod reads;
pub mod recovery;
mod rows;
pub mod timeline;
mod workspace;

pub use error::{Result, StoreError};
pub use graphml::{GraphmlExport, ImportSummary};
pub use history::{ActionLabel, EntityKind, HistoryState, Verb};
pub use workspace::{Workspace, APPLICATION_ID};
