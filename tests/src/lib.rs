//! Support for the end-to-end suite: a small W3C WebDriver client (the protocol is a
//! handful of JSON requests) and a launcher for sessions on the real `rapport-desktop`
//! window through tauri-driver.

pub mod webdriver;

pub use webdriver::{Element, Session, WebDriverError};
