//! Automatic backups: consistent copies of the open workspace (SQLite's online backup
//! API, via [`Workspace::save_copy`]) in a folder of their own, kept on a rolling
//! policy: the latest few, plus the newest of each recent day.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use crate::error::Result;
use crate::workspace::Workspace;

/// Which backups to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupPolicy {
    /// The newest backups kept whatever their age.
    pub keep_latest: usize,
    /// For each of this many days back (today included), the newest backup of the day
    /// is kept too.
    pub keep_daily_days: i64,
}

impl Default for BackupPolicy {
    /// The last 10 backups and one per day for 14 days.
    fn default() -> Self {
        BackupPolicy {
            keep_latest: 10,
            keep_daily_days: 14,
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    /// When it was taken (local time, from its name).
    pub taken: NaiveDateTime,
    /// Its size on disk.
    pub size_bytes: u64,
}

const STAMP: &str = "%Y%m%d-%H%M%S";

/// The backup file name of `stem` taken at `at`: `stem.20261123-101500.rapport`.
fn backup_name(stem: &str, at: NaiveDateTime) -> String {
    format!("{stem}.{}.rapport", at.format(STAMP))
}

/// The backups of `stem` in `dir`, newest first. A missing folder has none; files
/// that are not named like backups are ignored.
pub fn list_backups(dir: &Path, stem: &str) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let prefix = format!("{stem}.");
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stamp) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".rapport"))
        else {
            continue;
        };
        if let Ok(taken) = NaiveDateTime::parse_from_str(stamp, STAMP) {
            let size_bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            found.push(Backup {
                path: entry.path(),
                taken,
                size_bytes,
            });
        }
    }
    found.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

/// Which of `taken` (newest first) the policy drops, as indices.
pub fn backups_to_drop(
    taken: &[NaiveDateTime],
    today: NaiveDate,
    policy: &BackupPolicy,
) -> Vec<usize> {
    let mut days_kept: Vec<NaiveDate> = Vec::new();
    let mut drop = Vec::new();
    for (i, t) in taken.iter().enumerate() {
        let day = t.date();
        let recent_day = (today - day).num_days() < policy.keep_daily_days;
        let first_of_day = recent_day && !days_kept.contains(&day);
        if first_of_day {
            days_kept.push(day);
        }
        if i >= policy.keep_latest && !first_of_day {
            drop.push(i);
        }
    }
    drop
}

impl Workspace {
    /// Backs the workspace up into `dir` (created if missing) as
    /// `<stem>.<YYYYMMDD-HHMMSS>.rapport`, then removes the backups the policy no longer
    /// keeps. Returns the new backup's path. The workspace itself is only read.
    pub fn back_up(
        &self,
        dir: &Path,
        stem: &str,
        now: NaiveDateTime,
        policy: &BackupPolicy,
    ) -> Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(backup_name(stem, now));
        if !path.exists() {
            self.save_copy(&path)?;
        }
        let backups = list_backups(dir, stem)?;
        let taken: Vec<NaiveDateTime> = backups.iter().map(|b| b.taken).collect();
        for i in backups_to_drop(&taken, now.date(), policy) {
            let _ = std::fs::remove_file(&backups[i].path);
        }
        Ok(path)
    }

    /// Backs the workspace up into `dir` under a name of its own, stamped `now` or, if
    /// a backup of `stem` is as new, one second after the newest (so it heads the list
    /// and never replaces one), and prunes nothing: the backup taken before a restore,
    /// so that restoring it undoes the restore, and so that the backup being restored
    /// cannot be pruned first. Returns its path.
    pub fn back_up_before_restore(
        &self,
        dir: &Path,
        stem: &str,
        now: NaiveDateTime,
    ) -> Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        // Names have whole seconds: compare in whole seconds.
        let now = now.with_nanosecond(0).unwrap_or(now);
        let newest = list_backups(dir, stem)?.first().map(|b| b.taken);
        let at = match newest {
            Some(newest) if newest >= now => newest + chrono::Duration::seconds(1),
            _ => now,
        };
        let path = dir.join(backup_name(stem, at));
        self.save_copy(&path)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_default()
    }

    #[test]
    fn keeps_the_latest_and_the_newest_of_each_recent_day() {
        let policy = BackupPolicy {
            keep_latest: 3,
            keep_daily_days: 3,
        };
        // Newest first.
        let taken = [
            at("2026-11-23 10:30"), // 0 latest
            at("2026-11-23 10:00"), // 1 latest
            at("2026-11-23 09:30"), // 2 latest
            at("2026-11-23 09:00"), // 3 dropped (not the newest of its day)
            at("2026-11-22 18:00"), // 4 newest of the 22nd
            at("2026-11-22 08:00"), // 5 dropped
            at("2026-11-21 12:00"), // 6 newest of the 21st (3 days: 23, 22, 21)
            at("2026-11-20 12:00"), // 7 too old
        ];
        let today = at("2026-11-23 10:30").date();
        assert_eq!(backups_to_drop(&taken, today, &policy), vec![3, 5, 7]);
        assert!(backups_to_drop(&taken[..2], today, &policy).is_empty());
    }

    #[test]
    fn names_round_trip() {
        let t = at("2026-11-23 10:15");
        let name = backup_name("Demo", t);
        assert_eq!(name, "Demo.20261123-101500.rapport");
    }
}
