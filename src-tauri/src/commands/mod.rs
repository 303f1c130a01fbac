//! Every command the webview may call. Each is thin: decode, call one store
//! function on a blocking thread, emit what changed, encode.

pub mod analysis;
pub mod as_of;
pub mod entities;
pub mod history;
pub mod map;
pub mod preferences;
pub mod reads;
pub mod recovery;
pub mod workspace;
