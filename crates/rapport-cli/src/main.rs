//! The `rapport` command: headless access to a workspace file for scripting and tests,
//! using the same store the desktop app uses. Parses, runs, and maps the outcome to an
//! exit code; everything else lives in the modules below.

mod analysis;
mod cli;
mod error;
mod output;
mod run;
mod timeline;
mod transfer;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match run::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error::CliError::Usage(e)) => e.exit(),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
