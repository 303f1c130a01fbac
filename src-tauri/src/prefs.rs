//! The user's preferences and recent files, kept as JSON in the app's data directory
//! (not in a workspace: they belong to the person, not to the file).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// Interface language; `None` in [`Preferences`] follows the operating system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    En,
    Zh,
}

/// Colour scheme; `System` follows the operating system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Light,
    Dark,
    #[default]
    System,
    /// For presenting on a projector or a shared screen.
    Projector,
}

/// Settings the UI may read and change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Preferences {
    pub language: Option<Language>,
    pub theme: Theme,
    /// A stakeholder not confirmed (interaction, contact, coverage contact) for more days than
    /// this is shown faded. Files written before it existed read as the default, 180.
    #[serde(default = "default_confidence_days")]
    pub confidence_days: u32,
}

/// The default of [`Preferences::confidence_days`].
pub const DEFAULT_CONFIDENCE_DAYS: u32 = 180;

fn default_confidence_days() -> u32 {
    DEFAULT_CONFIDENCE_DAYS
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            language: None,
            theme: Theme::default(),
            confidence_days: DEFAULT_CONFIDENCE_DAYS,
        }
    }
}

/// A recently opened workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RecentFile {
    pub path: String,
    pub file_name: String,
}

/// Everything persisted in `preferences.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Stored {
    #[serde(default)]
    pub preferences: Preferences,
    #[serde(default)]
    pub recent: Vec<PathBuf>,
}

impl Stored {
    fn file(data_dir: &Path) -> PathBuf {
        data_dir.join("preferences.json")
    }

    /// Reads the preferences; a missing or unreadable file gives the defaults (the
    /// preferences are a convenience, never a reason not to start).
    pub fn load(data_dir: &Path) -> Self {
        std::fs::read(Self::file(data_dir))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes atomically (temp file + rename).
    pub fn save(&self, data_dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(data_dir)?;
        let target = Self::file(data_dir);
        let temp = data_dir.join("preferences.json.partial");
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&temp, json)?;
        std::fs::rename(temp, target)
    }

    /// Moves `path` to the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn recent_files(&self) -> Vec<RecentFile> {
        self.recent
            .iter()
            .map(|p| RecentFile {
                path: p.to_string_lossy().into_owned(),
                file_name: file_name(p),
            })
            .collect()
    }

    /// Is `path` one of the recent files? (The webview may only ask to open those;
    /// anything else goes through a native dialog.)
    pub fn is_recent(&self, path: &Path) -> bool {
        self.recent.iter().any(|p| p == path)
    }
}

/// The name shown for a workspace: its file name.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_without_duplicates_and_capped() {
        let dir = tempfile::tempdir().expect("dir");
        let mut stored = Stored::default();
        for i in 0..12 {
            stored.remember(&dir.path().join(format!("{i}.rapport")));
        }
        stored.remember(&dir.path().join("3.rapport"));
        let names: Vec<String> = stored
            .recent_files()
            .into_iter()
            .map(|r| r.file_name)
            .collect();
        assert_eq!(names.len(), MAX_RECENT);
        assert_eq!(names[0], "3.rapport");
        assert_eq!(names[1], "11.rapport");
        assert_eq!(names.iter().filter(|n| *n == "3.rapport").count(), 1);
    }

    #[test]
    fn preferences_survive_a_round_trip_and_garbage_gives_defaults() {
        let dir = tempfile::tempdir().expect("dir");
        let mut stored = Stored::default();
        stored.preferences.language = Some(Language::Zh);
        stored.preferences.theme = Theme::Projector;
        stored.save(dir.path()).expect("save");
        let json = std::fs::read_to_string(dir.path().join("preferences.json")).expect("read");
        assert!(json.contains(r#""theme": "projector""#), "{json}");
        let loaded = Stored::load(dir.path());
        assert_eq!(loaded.preferences, stored.preferences);
        // a file from before the confidence threshold existed reads as the default
        std::fs::write(
            dir.path().join("preferences.json"),
            r#"{"preferences":{"language":"zh","theme":"dark"},"recent":[]}"#,
        )
        .expect("write");
        let old = Stored::load(dir.path()).preferences;
        assert_eq!(old.theme, Theme::Dark);
        assert_eq!(old.confidence_days, DEFAULT_CONFIDENCE_DAYS);
        std::fs::write(dir.path().join("preferences.json"), "{not json").expect("write");
        assert_eq!(Stored::load(dir.path()).preferences, Preferences::default());
    }
}
