//! The command's one error type and its mapping to documented exit codes, so scripts
//! can tell "cannot open the file" from "bad input" without reading messages.

use std::path::PathBuf;

use rapport_store::StoreError;

/// Everything a `rapport` command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Wrong use of the command line; clap prints it and exits with 2.
    #[error("{0}")]
    Usage(#[from] clap::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "{} already has {count} account(s); write the demo into a new file instead",
        .path.display()
    )]
    NotEmpty { path: PathBuf, count: usize },
    #[error("no account named {name:?}{}", known_accounts(.known))]
    UnknownAccount { name: String, known: Vec<String> },
    /// No account of that name at the end of that day (not yet created, already
    /// deleted, or named otherwise then).
    #[error("no account named {name:?} as of {date}{}", known_accounts(.known).replacen(" has", " had", 1))]
    UnknownAccountAsOf {
        name: String,
        date: chrono::NaiveDate,
        known: Vec<String>,
    },
    #[error("cannot read {}: {source}", .path.display())]
    ReadInput {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", .path.display())]
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is the workspace itself; export to another file", .0.display())]
    WouldOverwriteWorkspace(PathBuf),
    #[error("no one named {name:?} in {account}{}", similar_people(.similar))]
    UnknownPerson {
        name: String,
        account: String,
        similar: Vec<String>,
    },
    #[error("{count} people are named {name:?}; rename one in the app to tell them apart")]
    AmbiguousPerson { name: String, count: usize },
    #[error(transparent)]
    Analysis(#[from] rapport_core::analysis::AnalysisError),
    #[error("internal error: {0}")]
    Internal(String),
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// "; the workspace has: A, B, C" (at most ten names), for an unknown account.
fn known_accounts(known: &[String]) -> String {
    const SHOWN: usize = 10;
    match known.len() {
        0 => "; the workspace has no accounts".into(),
        n if n <= SHOWN => format!("; the workspace has: {}", known.join(", ")),
        n => format!(
            "; the workspace has: {}, … ({} more)",
            known[..SHOWN].join(", "),
            n - SHOWN
        ),
    }
}

/// "; did you mean: A, B?" for an unknown person.
fn similar_people(similar: &[String]) -> String {
    if similar.is_empty() {
        String::new()
    } else {
        let shown: Vec<&str> = similar.iter().take(5).map(String::as_str).collect();
        format!("; did you mean: {}?", shown.join(", "))
    }
}

/// Exit code: the workspace cannot be opened.
pub const EXIT_CANNOT_OPEN: u8 = 3;
/// Exit code: the input was refused.
pub const EXIT_INVALID_INPUT: u8 = 4;
/// Exit code: anything else.
pub const EXIT_FAILURE: u8 = 1;

impl CliError {
    /// The documented exit code (see `rapport --help`).
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Store(e) => store_exit_code(e),
            CliError::NotEmpty { .. }
            | CliError::UnknownAccount { .. }
            | CliError::UnknownAccountAsOf { .. }
            | CliError::UnknownPerson { .. }
            | CliError::AmbiguousPerson { .. }
            | CliError::Analysis(_)
            | CliError::ReadInput { .. }
            | CliError::WouldOverwriteWorkspace(_) => EXIT_INVALID_INPUT,
            CliError::WriteFile { .. }
            | CliError::Internal(_)
            | CliError::Output(_)
            | CliError::Json(_) => EXIT_FAILURE,
        }
    }

    /// Output cut short by a closed pipe (`rapport … | head`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn store_exit_code(error: &StoreError) -> u8 {
    match error {
        StoreError::NotFound(_)
        | StoreError::NotAWorkspace(_)
        | StoreError::Corrupt { .. }
        | StoreError::NewerSchema { .. }
        | StoreError::Locked(_)
        | StoreError::ReadOnly(_) => EXIT_CANNOT_OPEN,
        StoreError::AlreadyExists(_)
        | StoreError::Validation(_)
        | StoreError::GraphMl { .. }
        | StoreError::NotAsOf { .. } => EXIT_INVALID_INPUT,
        e if e.is_busy() || e.is_read_only() => EXIT_CANNOT_OPEN,
        _ => EXIT_FAILURE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_map_to_the_documented_codes() {
        let p = || PathBuf::from("x.rapport");
        let cases: Vec<(StoreError, u8)> = vec![
            (StoreError::NotFound(p()), 3),
            (StoreError::NotAWorkspace(p()), 3),
            (
                StoreError::Corrupt {
                    path: p(),
                    detail: "bad page".into(),
                },
                3,
            ),
            (
                StoreError::NewerSchema {
                    path: p(),
                    found: 9,
                    supported: 2,
                    readable: false,
                },
                3,
            ),
            (StoreError::Locked(p()), 3),
            (StoreError::ReadOnly(p()), 3),
            (StoreError::AlreadyExists(p()), 4),
            (StoreError::NothingTo("undo"), 1),
        ];
        for (error, code) in cases {
            assert_eq!(CliError::from(error).exit_code(), code);
        }
        let graphml = StoreError::GraphMl {
            element: "node \"n3\"".into(),
            key: Some("power".into()),
            value: Some("7".into()),
            message: "is not a whole number from 1 to 5".into(),
        };
        assert_eq!(CliError::from(graphml).exit_code(), 4);
        let unknown = CliError::UnknownAccount {
            name: "Nobody".into(),
            known: (1..=12).map(|i| format!("A{i}")).collect(),
        };
        assert_eq!(unknown.exit_code(), 4);
        assert_eq!(
            unknown.to_string(),
            "no account named \"Nobody\"; the workspace has: A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, … (2 more)"
        );
        let not_empty = CliError::NotEmpty {
            path: p(),
            count: 2,
        };
        assert_eq!(not_empty.exit_code(), 4);
        assert!(not_empty.to_string().contains("x.rapport"));
    }
}
