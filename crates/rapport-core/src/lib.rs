//! Rapport's domain: the vocabulary and entities of key-account management, their
//! validation, and (as they land) the analyses. Pure: no I/O, no SQLite, no Tauri.

pub mod analysis;
pub mod map;
pub mod model;
pub mod validate;
pub mod vocab;

pub use map::{MapLayout, MapNode, MapPosition, MapSelection};
pub use model::*;
pub use validate::{FieldError, FieldErrorCode, Validate, ValidationError};
pub use vocab::*;
