//! What each command does: open or create the workspace, call one store function,
//! print the result. No business rules here.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use rapport_store::demo::write_demo;
use rapport_store::Workspace;

use crate::analysis;
use crate::cli::{Cli, Command, DemoArgs, ExportCommand, ImportCommand, ListArgs, ListCommand};
use crate::error::CliError;
use crate::{output, timeline, transfer};

pub fn run(cli: Cli) -> Result<(), CliError> {
    let path = require_workspace(cli.workspace)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Command::Init => init(&path, &mut out),
        Command::Demo(args) => demo(&path, &args, &mut out),
        Command::List(ListCommand::Accounts(args)) => list_accounts(&path, &args, &mut out),
        Command::Import(ImportCommand::Graphml(args)) => {
            transfer::import_graphml(&path, &args, &mut out)
        }
        Command::Export(ExportCommand::Graphml(args)) => {
            transfer::export_graphml(&path, &args, &mut out)
        }
        Command::Analyze(args) => {
            let when = analysis::When::new(args.today, args.as_of);
            analysis::analyze(&path, &args.account, args.json, when, &mut out)
        }
        Command::Path(args) => analysis::path(
            &path,
            &args.account,
            &args.to,
            args.k as usize,
            args.json,
            &mut out,
        ),
        Command::WhatIf(args) => analysis::what_if_command(
            &path,
            &args.account,
            &args.without,
            args.json,
            args.today,
            &mut out,
        ),
        Command::Portfolio(args) => analysis::portfolio(
            &path,
            args.json,
            analysis::When::new(args.today, args.as_of),
            args.trails.then_some(args.quarters),
            &mut out,
        ),
        Command::Timeline(args) => timeline::timeline(
            &path,
            &args.account,
            args.json,
            analysis::When::new(args.today, args.as_of),
            &mut out,
        ),
    }?;
    out.flush()?;
    Ok(())
}

fn require_workspace(path: Option<PathBuf>) -> Result<PathBuf, CliError> {
    path.ok_or_else(|| {
        CliError::Usage(Cli::command().error(
            clap::error::ErrorKind::MissingRequiredArgument,
            "this command needs --workspace <FILE>",
        ))
    })
}

fn init(path: &Path, out: &mut impl Write) -> Result<(), CliError> {
    Workspace::create(path)?;
    writeln!(out, "Created an empty workspace at {}", path.display())?;
    Ok(())
}

fn demo(path: &Path, args: &DemoArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let created = !path.exists();
    let mut ws = if created {
        Workspace::create(path)?
    } else {
        Workspace::open(path)?
    };
    let count = ws.list_accounts()?.len();
    if count > 0 {
        return Err(CliError::NotEmpty {
            path: path.to_path_buf(),
            count,
        });
    }
    let summary = match write_demo(&mut ws, today) {
        Ok(summary) => summary,
        Err(e) => {
            drop(ws);
            if created {
                remove_workspace_files(path);
            }
            return Err(e.into());
        }
    };
    writeln!(
        out,
        "Wrote the demo to {}: {} accounts, {} stakeholders, {} influence ties, {} team members, {} interactions",
        path.display(),
        summary.accounts,
        summary.stakeholders,
        summary.influences,
        summary.team_members,
        summary.interactions
    )?;
    Ok(())
}

/// Best-effort removal of a workspace this command created and could not finish.
fn remove_workspace_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn list_accounts(path: &Path, args: &ListArgs, out: &mut impl Write) -> Result<(), CliError> {
    let ws = Workspace::open(path)?;
    let accounts = ws.list_accounts()?;
    if args.json {
        output::accounts_json(out, &accounts)
    } else {
        output::accounts_table(out, &accounts)
    }
}
