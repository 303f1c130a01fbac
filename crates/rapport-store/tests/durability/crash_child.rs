//! The child process of the durability tests: a stand-in for the app that works on a
//! real workspace file through the public store API until the test kills it (SIGKILL),
//! holds a file open, or tries to open one. Test support only; never shipped.
//!
//! ```text
//! rapport-store-crash-child stream <file> <seed> <from-step>
//!     performs steps from-step+1, from-step+2, … of the action stream, printing
//!     `committed <step> <what>` or `refused <step> <why>` after each step is saved
//! rapport-store-crash-child hold <file>
//!     opens the file, prints `ready`, then for each line `act` on stdin saves one
//!     action and prints `committed <n> account <id>`; closes the file at end of input
//! rapport-store-crash-child try-open <file>
//!     prints `opened`, or `refused locked`, or `refused <error>`
//! rapport-store-crash-child create <file>
//!     creates a new workspace at <file> and prints `created`
//! rapport-store-crash-child fill <file>
//!     (run with a small file-size limit) saves stakeholders with long notes until the
//!     disk refuses one, checks the failed action changed nothing, then for each line
//!     `retry` on stdin tries one more action; see tests/disk_full.rs
//! ```
//! Every line is written with one `write` and flushed, so a kill never leaves half a
//! line that could be mistaken for a whole one.

use std::error::Error;
use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use rapport_core::{AccountFields, ClvInputs, StakeholderFields, Tier};
use rapport_store::{StoreError, Workspace};

#[path = "stream.rs"]
#[allow(dead_code)]
mod stream;

type Outcome<T> = Result<T, Box<dyn Error>>;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash child: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Outcome<()> {
    let arg = |i: usize| -> Outcome<&str> {
        args.get(i)
            .map(String::as_str)
            .ok_or_else(|| format!("missing argument {i}; see the header of crash_child.rs").into())
    };
    match arg(0)? {
        "stream" => stream_actions(Path::new(arg(1)?), arg(2)?.parse()?, arg(3)?.parse()?),
        "hold" => hold(Path::new(arg(1)?)),
        "try-open" => try_open(Path::new(arg(1)?)),
        "create" => {
            Workspace::create(Path::new(arg(1)?))?;
            say("created")
        }
        "fill" => fill(Path::new(arg(1)?)),
        other => Err(format!("unknown mode {other:?}").into()),
    }
}

fn say(line: &str) -> Outcome<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(format!("{line}\n").as_bytes())?;
    out.flush()?;
    Ok(())
}

fn stream_actions(path: &Path, seed: u64, from: u64) -> Outcome<()> {
    let mut ws = Workspace::open(path)?;
    // Far more steps than the test lets it live for: it is always killed first.
    for step in from + 1..=from + 1_000_000 {
        let outcome = stream::perform(&mut ws, seed, step)?;
        say(&outcome.line(step))?;
    }
    Ok(())
}

fn hold(path: &Path) -> Outcome<()> {
    let mut ws = Workspace::open(path)?;
    say("ready")?;
    let mut count = 0;
    for line in std::io::stdin().lock().lines() {
        if line?.trim() == "act" {
            count += 1;
            let id = ws.create_account(&account(&format!("Held {count}")))?;
            say(&format!("committed {count} account {id}"))?;
        }
    }
    Ok(())
}

fn try_open(path: &Path) -> Outcome<()> {
    match Workspace::open(path) {
        Ok(_) => say("opened"),
        Err(StoreError::Locked(_)) => say("refused locked"),
        Err(e) => say(&format!("refused {e}")),
    }
}

fn account(name: &str) -> AccountFields {
    AccountFields {
        name: name.into(),
        industry: "Logistics".into(),
        region: "EMEA".into(),
        tier: Tier::Key,
        annual_revenue: 2_500_000.0,
        annual_margin: 400_000.0,
        factor_scores: vec![],
        clv: ClvInputs::default(),
        notes: String::new(),
    }
}

/// Everything the user can see, for "the failed action changed nothing".
fn visible_state(ws: &Workspace) -> Outcome<String> {
    Ok(format!(
        "{:?}\n{:?}\n{:?}",
        ws.all_account_details()?,
        ws.list_team_members()?,
        ws.history_state()?
    ))
}

fn fill(path: &Path) -> Outcome<()> {
    let mut ws = Workspace::open(path)?;
    let account = ws.create_account(&account("Filled"))?;
    say(&format!("committed 1 account {account}"))?;
    let person = |n: u64| StakeholderFields {
        account_id: account,
        name: format!("Person {n}"),
        title: String::new(),
        org_unit_id: None,
        reports_to: None,
        dotted_to: None,
        roles: vec![],
        economic_buyer: false,
        coach: false,
        attitude: rapport_core::Attitude::Neutral,
        power: 3,
        interest: 3,
        org_needs: String::new(),
        personal_wins: String::new(),
        last_contact: None,
        notes: format!("{n} ").repeat(3000),
        placeholder: false,
    };
    let mut n = 1;
    loop {
        n += 1;
        let before = visible_state(&ws)?;
        match ws.create_stakeholder(&person(n)) {
            Ok(id) => say(&format!("committed {n} stakeholder {id}"))?,
            Err(e) => {
                let unchanged = visible_state(&ws)? == before;
                say(&format!(
                    "failed {n} disk_failure={} unchanged={unchanged} {e}",
                    e.is_disk_failure()
                ))?;
                break;
            }
        }
        if n > 10_000 {
            return Err("the file-size limit never bit".into());
        }
    }
    // The test lifts the limit, then asks for more.
    for line in std::io::stdin().lock().lines() {
        if line?.trim() == "retry" {
            n += 1;
            match ws.create_stakeholder(&person(n)) {
                Ok(id) => say(&format!("committed {n} stakeholder {id}"))?,
                Err(e) => say(&format!(
                    "failed {n} disk_failure={} {e}",
                    e.is_disk_failure()
                ))?,
            }
        }
    }
    Ok(())
}
