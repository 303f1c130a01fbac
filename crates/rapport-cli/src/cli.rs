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
     that already has accounts, a value the workspace refuses, a GraphML file that
     cannot be read or holds an invalid value, an account or person that does not
     exist (or a name two people share)

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
    /// Add people and ties from a file to an account.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write an account's people and ties to a file.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Analyse an account: influence, brokerage, coverage, support, roles, risks,
    /// factions.
    Analyze(AnalyzeArgs),
    /// The strongest introduction paths from our team to a person.
    Path(PathArgs),
    /// What changes if a stakeholder or one of our team members leaves.
    WhatIf(WhatIfArgs),
    /// Nine-box, Pareto, lifetime value and headline numbers of every account.
    Portfolio(PortfolioArgs),
    /// An account's partnership stages: each change with its date and evidence,
    /// regressions marked, and how long the current stage has lasted.
    Timeline(TimelineArgs),
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The account (exact name; letter case may differ).
    #[arg(long, value_name = "NAME", value_parser = account_name)]
    pub account: String,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// The date stage ages are measured against (YYYY-MM-DD); today by default, or the
    /// --as-of date.
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
    /// The stages as the workspace's history had them at the end of that day (YYYY-MM-DD,
    /// local time): changes recorded later are left out.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// The account to analyse (exact name; letter case may differ).
    #[arg(long, value_name = "NAME", value_parser = account_name)]
    pub account: String,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
    /// The date stale relationships are measured against (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
    /// Answer as of the end of that day (YYYY-MM-DD, local time), from the workspace's
    /// history; stale relationships are then measured against that day unless --today
    /// says otherwise.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    /// The account.
    #[arg(long, value_name = "NAME", value_parser = account_name)]
    pub account: String,
    /// The stakeholder to reach (name; letter case may differ).
    #[arg(long, value_name = "PERSON")]
    pub to: String,
    /// How many paths, best first (1–100).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub k: u32,
    /// Print a JSON array instead of lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct WhatIfArgs {
    /// The account.
    #[arg(long, value_name = "NAME", value_parser = account_name)]
    pub account: String,
    /// The stakeholder or team member who leaves (name; letter case may differ).
    #[arg(long, value_name = "PERSON")]
    pub without: String,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
    /// The date stale relationships are measured against (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
    /// The date stages and staleness are measured against (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
    /// Answer as of the end of that day (YYYY-MM-DD, local time), from the workspace's
    /// history; stale relationships are then measured against that day unless --today
    /// says otherwise.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
    /// Add each account's nine-box position at the end of each of the last quarters
    /// (`trails` in the JSON), from the workspace's history.
    #[arg(long)]
    pub trails: bool,
    /// How many completed calendar quarters the trails reach back (1–40).
    #[arg(long, value_name = "N", default_value_t = 8, requires = "trails",
          value_parser = clap::value_parser!(u32).range(1..=40))]
    pub quarters: u32,
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

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Stakeholders, team members, influence and coverage ties from a GraphML file
    /// (Gephi, yEd, NetworkX, Cytoscape). One undoable step; an invalid value anywhere
    /// refuses the whole file. The README lists the keys read.
    Graphml(ImportGraphmlArgs),
}

#[derive(Debug, Args)]
pub struct ImportGraphmlArgs {
    /// The GraphML file to read.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// The account to add to; created (tier standard) when no account has this name.
    #[arg(long, value_name = "NAME", value_parser = account_name)]
    pub account: String,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The account's stakeholders, the team members covering them, and their ties, as
    /// a directed GraphML file that Gephi, yEd, NetworkX and `import graphml` read.
    Graphml(ExportGraphmlArgs),
}

#[derive(Debug, Args)]
pub struct ExportGraphmlArgs {
    /// The GraphML file to write (replaced if it exists).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// The account to export.
    #[arg(long, value_name = "NAME", value_parser = account_name)]
    pub account: String,
}

/// An account name on the command line: anything but blank.
fn account_name(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("the account name must not be blank".into())
    } else {
        Ok(text.to_string())
    }
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
