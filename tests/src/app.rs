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
    launch_with(env, data_dir, file, &[])
}

/// [`launch`] with extra environment variables for the app (test seams such as
/// `RAPPORT_TEST_SAVE_DIR`). tauri-driver passes no environment of its own to the app
/// (its capabilities take only `application` and `args`), and the app inherits the
/// driver's, which is shared by every test; so with `vars` the application started is
/// `/usr/bin/env`, which sets them and then executes the app in the same process (the
/// session still owns it: deleting the session ends it). Linux only, as the suite is.
pub fn launch_with(
    env: &Env,
    data_dir: &Path,
    file: &Path,
    vars: &[(&str, &str)],
) -> Result<Session> {
    let mut args: Vec<String> = vars.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let application = if vars.is_empty() {
        env.app.clone()
    } else {
        args.push(env.app.to_string_lossy().into_owned());
        PathBuf::from("/usr/bin/env")
    };
    args.extend([
        "--data-dir".to_string(),
        data_dir.to_string_lossy().into_owned(),
        file.to_string_lossy().into_owned(),
    ]);
    let session = Session::start(&env.driver, &application, &args)?;
    session.find("[data-testid=account-list]")?;
    Ok(session)
}
