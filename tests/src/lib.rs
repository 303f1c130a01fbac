//! Support for the end-to-end suite: a small W3C WebDriver client (the protocol is a
//! handful of JSON requests) and a launcher for sessions on the real `rapport-desktop`
//! window through tauri-driver.

pub mod app;
pub mod webdriver;

pub use app::{artifacts, env, launch, launch_with, Env};
pub use webdriver::{keys, Element, Session, ShotOnFailure, WebDriverError};
