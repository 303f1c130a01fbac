//! Command-line arguments of `rapport-desktop` and the workspace it opens at start:
//! the file given, else the last one used, else the demo workspace (created on first
//! start in the data directory).

use std::path::{Path, PathBuf};

use rapport_store::{StoreError, Workspace};

/// `rapport-desktop [--data-dir DIR] [FILE]`
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LaunchArgs {
    /// Where preferences, recent files and the demo workspace live.
    pub data_dir: Option<PathBuf>,
    /// A workspace to open (created if it does not exist yet).
    pub file: Option<PathBuf>,
}

impl LaunchArgs {
    /// Parses the arguments after the program name. Unknown flags are an error with a
    /// usage line; the one positional argument is the workspace file.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Self, String> {
        let mut parsed = LaunchArgs::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--data-dir" => {
                    let dir = args.next().ok_or("--data-dir needs a directory")?;
                    parsed.data_dir = Some(PathBuf::from(dir));
                }
                "-h" | "--help" => return Err(String::new()),
                flag if flag.starts_with('-') && flag.len() > 1 => {
                    return Err(format!("unknown option {flag}"));
                }
                file => {
                    if parsed.file.is_some() {
                        return Err("only one workspace file can be opened".into());
                    }
                    parsed.file = Some(PathBuf::from(file));
                }
            }
        }
        Ok(parsed)
    }
}

pub const USAGE: &str = "usage: rapport-desktop [--data-dir DIR] [FILE.rapport]";

/// The default data directory of this OS (e.g. `~/.local/share/rapport`).
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "rapport", "Rapport")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".rapport"))
}

/// The demo workspace's path inside the data directory.
pub fn demo_path(data_dir: &Path) -> PathBuf {
    data_dir.join("Demo.rapport")
}

/// Opens the workspace to start with: `file` (created when missing), else the most
/// recent file that still exists, else the demo workspace (written on first start).
pub fn initial_workspace(
    file: Option<&Path>,
    recent: &[PathBuf],
    data_dir: &Path,
) -> Result<Workspace, StoreError> {
    if let Some(file) = file {
        return if file.exists() {
            Workspace::open(file)
        } else {
            Workspace::create(file)
        };
    }
    if let Some(last) = recent.iter().find(|p| p.exists()) {
        return Workspace::open(last);
    }
    open_or_create_demo(data_dir)
}

/// The demo workspace, written by code on first use.
pub fn open_or_create_demo(data_dir: &Path) -> Result<Workspace, StoreError> {
    let path = demo_path(data_dir);
    if path.exists() {
        return Workspace::open(&path);
    }
    std::fs::create_dir_all(data_dir)?;
    // Written under a temporary name and renamed when complete, so a crash on first
    // start never leaves a half-written demo that later starts would open.
    let temp = data_dir.join(format!(".Demo.rapport.writing-{}", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let written = (|| -> Result<(), StoreError> {
        let mut ws = Workspace::create(&temp)?;
        rapport_store::demo::write_demo(&mut ws, chrono::Local::now().date_naive())?;
        drop(ws);
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.clone()));
        }
        std::fs::rename(&temp, &path)?;
        Ok(())
    })();
    if let Err(e) = written {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = temp.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
        return Err(e);
    }
    Workspace::open(&path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<LaunchArgs, String> {
        LaunchArgs::parse(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn arguments() {
        assert_eq!(parse(&[]), Ok(LaunchArgs::default()));
        assert_eq!(
            parse(&["--data-dir", "/tmp/d", "x.rapport"]),
            Ok(LaunchArgs {
                data_dir: Some("/tmp/d".into()),
                file: Some("x.rapport".into())
            })
        );
        assert!(parse(&["--data-dir"]).is_err());
        assert!(parse(&["--frobnicate"]).is_err());
        assert!(parse(&["a.rapport", "b.rapport"]).is_err());
    }

    #[test]
    fn first_start_writes_the_demo_and_later_starts_reopen_it() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = initial_workspace(None, &[], dir.path()).expect("demo");
        let accounts = ws.list_accounts().expect("accounts");
        assert!(accounts.iter().any(|a| a.name == "Northwind Telecom"));
        assert!(!ws.history_state().expect("history").can_undo);
        drop(ws);
        let again = initial_workspace(None, &[], dir.path()).expect("reopen");
        assert_eq!(again.list_accounts().expect("accounts"), accounts);
    }

    #[test]
    fn a_missing_file_argument_creates_an_empty_workspace() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("new.rapport");
        let ws = initial_workspace(Some(&file), &[], dir.path()).expect("create");
        assert!(ws.list_accounts().expect("accounts").is_empty());
        assert!(file.exists());
    }
}
