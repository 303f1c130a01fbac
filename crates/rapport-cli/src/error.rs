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
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("cannot encode JSON: {0}")]
    Json(#[from] serde_json::Error),
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
            CliError::NotEmpty { .. } => EXIT_INVALID_INPUT,
            CliError::Output(_) | CliError::Json(_) => EXIT_FAILURE,
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
        StoreError::AlreadyExists(_) | StoreError::Validation(_) => EXIT_INVALID_INPUT,
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
        let not_empty = CliError::NotEmpty {
            path: p(),
            count: 2,
        };
        assert_eq!(not_empty.exit_code(), 4);
        assert!(not_empty.to_string().contains("x.rapport"));
    }
}
