//! Launching the real app for a test: where the driver and the binary are, where
//! artifacts go, and a session on a given workspace file.

use std::path::{Path, PathBuf};

use crate::webdriver::{Result, Session};

/// Where the WebDriver server and the app binary are.
#[derive(Debug, Clone)]
pub struct Env {
    pub driver: String,
    pub app: PathBuf,
}

/// The end-to-end environment, or `None` (and a note on stderr) when `RAPPORT_E2E` is
/// not set: `scripts/e2e.sh` sets it after starting Xvfb and tauri-driver.
pub fn env() -> Option<Env> {
    if std::env::var_os("RAPPORT_E2E").is_none() {
        eprintln!("skipped: set RAPPORT_E2E=1 (scripts/e2e.sh does) to drive the real app");
        return None;
    }
    Some(Env {
        driver: std::env::var("RAPPORT_WEBDRIVER")
            .unwrap_or_else(|_| "http://127.0.0.1:4444".into()),
        app: PathBuf::from(std::env::var("RAPPORT_APP").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../target/debug/rapport-desktop"
            )
            .into()
        })),
    })
}

/// `target/e2e/`, where screenshots are saved for CI.
pub fn artifacts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e")
}

/// Starts the app on `file` with its preferences in `data_dir`, and waits for the
/// sidebar.
pub fn launch(env: &Env, data_dir: &Path, file: &Path) -> Result<Session> {
    let args = vec![
        "--data-dir".to_string(),
        data_dir.to_string_lossy().into_owned(),
        file.to_string_lossy().into_owned(),
    ];
    let session = Session::start(&env.driver, &env.app, &args)?;
    session.find("[data-testid=account-list]")?;
    Ok(session)
}
