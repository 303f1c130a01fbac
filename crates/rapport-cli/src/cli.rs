//! The command line's shape (clap derive): global options, commands, their arguments,
//! and the help text that documents the exit codes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  any other failure (disk, database, output)
  2  usage error (unknown command or option, missing --workspace, bad value)
  3  the workspace cannot be opened: not found, not a Rapport workspace, damaged,
     locked by another program, from a newer Rapport, or read-only
  4  invalid input: `init` on a file that already exists, `demo` into a workspace
     that already has accounts, a value the workspace refuses

Errors are printed to stderr as `error: <message>`.";

/// Rapport: key-account relationship maps, from the command line.
#[derive(Debug, Parser)]
#[command(name = "rapport", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// The workspace file to work on.
    #[arg(short = 'w', long, global = true, value_name = "FILE")]
    pub workspace: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new, empty workspace at FILE (which must not exist).
    Init,
    /// Write the demo accounts into FILE (created if missing; it must have no accounts).
    Demo(DemoArgs),
    /// List things in the workspace.
    #[command(subcommand)]
    List(ListCommand),
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Date the demo counts back from (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// Every account with its tier, stage, head count, revenue and margin.
    Accounts(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
