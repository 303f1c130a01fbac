//! Crash safety: a child process saves a deterministic stream of user actions to a real
//! workspace file and is killed with SIGKILL at random moments; after every kill the
//! file must open, pass `PRAGMA integrity_check`, and hold exactly the actions the child
//! reported as saved, or one more (saved, then killed before it could say so), never
//! part of one. The next child carries on with the same file.
//!
//! How the test knows what the file must hold: it performs the same steps of the same
//! stream on a second file (`expected`), which is never killed, and compares the two
//! files row by row, every table (history included) and every column but the history's
//! timestamps and change order (see `durability::compare::NONDETERMINISTIC`).
//!
//! `RAPPORT_CRASH_ITERATIONS` (default 200) sets the number of kills and
//! `RAPPORT_CRASH_SEED` the seed (decimal or 0x-hex) of the actions and kill moments.

#![cfg(unix)]

mod durability;

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use durability::compare::{differences, NONDETERMINISTIC};
use durability::stream::{self, Outcome, Rng};
use durability::CHILD;
use rapport_store::Workspace;

const DEFAULT_ITERATIONS: u64 = 200;
const DEFAULT_SEED: u64 = 0x5241_5050_0006;

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => {
            let text = text.trim();
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("{name}={text:?} is not a number"))
        }
        Err(_) => default,
    }
}

/// Kills the child if the test fails while it runs, so no process outlives the test.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What one child said before it was killed.
struct Run {
    /// Complete step lines (`committed …` / `refused …`), in order.
    steps: Vec<String>,
    /// The child's stderr, for failure messages.
    stderr: String,
}

/// Starts a child that continues the stream after step `from`, waits until it has
/// reported a random number (0–6) of steps, lets it run a random 0–4 ms more, and kills
/// it with SIGKILL.
fn run_and_kill(path: &Path, seed: u64, from: u64, kills: &mut Rng) -> Run {
    let child = Command::new(CHILD)
        .args(["stream", &path.to_string_lossy(), &seed.to_string()])
        .arg(from.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the crash child");
    let mut child = Running(child);
    let mut stdout = BufReader::new(child.0.stdout.take().expect("stdout"));
    let wait_for = kills.below(7);
    let delay = Duration::from_micros(kills.below(4000));

    let mut text = String::new();
    let mut seen = 0;
    while seen < wait_for {
        let before = text.len();
        if stdout.read_line(&mut text).expect("read child") == 0 {
            break; // The child ended by itself; reported below.
        }
        if stream::step_of(text[before..].trim_end()).is_some() {
            seen += 1;
        }
    }
    std::thread::sleep(delay);
    child.0.kill().expect("SIGKILL");
    let status = child.0.wait().expect("reap child");
    stdout.read_to_string(&mut text).expect("read child");
    let mut stderr = String::new();
    if let Some(mut err) = child.0.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    assert_eq!(
        status.signal(),
        Some(9),
        "the child was to die by SIGKILL but ended with {status}; stderr:\n{stderr}"
    );
    // A line without its newline was cut by the kill and is not a report.
    let complete = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => "",
    };
    let steps = complete
        .lines()
        .filter(|l| stream::step_of(l).is_some())
        .map(str::to_string)
        .collect();
    Run { steps, stderr }
}

/// Performs steps `from + 1 ..= to` on the expected file and checks each against what
/// the child reported for it (`reported`, starting at step `from + 1`; may be shorter).
fn replay(expected: &Path, seed: u64, from: u64, to: u64, reported: &[String]) {
    let mut ws = Workspace::open(expected).expect("open the expected file");
    for step in from + 1..=to {
        let outcome: Outcome = stream::perform(&mut ws, seed, step)
            .unwrap_or_else(|e| panic!("step {step} failed on the expected file: {e}"));
        if let Some(line) = reported.get((step - from - 1) as usize) {
            assert_eq!(
                &outcome.line(step),
                line,
                "the child and the replay disagree on step {step} (seed {seed:#x})"
            );
        }
    }
}

#[derive(Debug, Default)]
struct Tally {
    kills: u64,
    /// The file held exactly the reported actions.
    exact: u64,
    /// The file held one saved action more than reported.
    one_more: u64,
    /// Kills before the child reported anything in its run.
    silent: u64,
    steps: u64,
    refused: u64,
}

#[test]
fn every_reported_action_survives_sigkill_and_nothing_is_half_saved() {
    let iterations = env_number("RAPPORT_CRASH_ITERATIONS", DEFAULT_ITERATIONS);
    let seed = env_number("RAPPORT_CRASH_SEED", DEFAULT_SEED);
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let actual = dir.path().join("actual.rapport");
    let expected = dir.path().join("expected.rapport");
    drop(Workspace::create(&actual).expect("create"));
    drop(Workspace::create(&expected).expect("create"));
    let diff = differences(&actual, &expected, NONDETERMINISTIC).expect("compare");
    assert!(diff.is_empty(), "two new workspaces differ: {diff:#?}");

    let mut kills = Rng::new(seed ^ 0x6B69_6C6C);
    let mut tally = Tally::default();
    // Steps the actual file holds.
    let mut done = 0u64;
    for iteration in 0..iterations {
        let run = run_and_kill(&actual, seed, done, &mut kills);
        tally.kills += 1;
        for (i, line) in run.steps.iter().enumerate() {
            assert_eq!(
                stream::step_of(line),
                Some(done + 1 + i as u64),
                "steps out of order: {:?}\nstderr:\n{}",
                run.steps,
                run.stderr
            );
            if line.starts_with("refused") {
                tally.refused += 1;
            }
        }
        if run.steps.is_empty() {
            tally.silent += 1;
        }
        let reported = done + run.steps.len() as u64;
        replay(&expected, seed, done, reported, &run.steps);

        {
            let ws = Workspace::open(&actual).unwrap_or_else(|e| {
                panic!("iteration {iteration}: the file does not open after SIGKILL: {e}")
            });
            assert_eq!(
                ws.integrity_check().expect("integrity_check"),
                "ok",
                "iteration {iteration}"
            );
        }
        let diff = differences(&actual, &expected, NONDETERMINISTIC).expect("compare");
        done = if diff.is_empty() {
            tally.exact += 1;
            reported
        } else {
            // Saved but killed before it said so: the file must then hold exactly one
            // more step.
            replay(&expected, seed, reported, reported + 1, &[]);
            let diff_next = differences(&actual, &expected, NONDETERMINISTIC).expect("compare");
            assert!(
                diff_next.is_empty(),
                "iteration {iteration} (seed {seed:#x}): after step {reported} the file holds \
                 neither the {reported} reported steps nor one more.\n\
                 against {reported} steps: {diff:#?}\nagainst {} steps: {diff_next:#?}\n\
                 child stderr:\n{}",
                reported + 1,
                run.stderr
            );
            tally.one_more += 1;
            reported + 1
        };
    }
    tally.steps = done;

    // The survivor is a working workspace: undo, redo and a new action all work.
    let mut ws = Workspace::open(&actual).expect("open");
    if ws.history_state().expect("history").can_undo {
        ws.undo().expect("undo");
        ws.redo().expect("redo");
    }
    stream::perform(&mut ws, seed, done + 1).expect("one more step");
    assert_eq!(ws.integrity_check().expect("check"), "ok");

    eprintln!(
        "crash: seed {seed:#x}: {} kills survived in {iterations} iterations ({} exact, {} with one \
         unreported saved action, {} before the first report); {} steps ({} refused) in {:.1?}",
        tally.kills,
        tally.exact,
        tally.one_more,
        tally.silent,
        tally.steps,
        tally.refused,
        started.elapsed()
    );
    assert_eq!(tally.kills, iterations);
}

/// `Workspace::create` builds the file under a temporary name and links it into place
/// when complete. Killed at random moments during a create, the chosen path holds
/// either no file or a whole workspace with its default factors.
#[test]
fn a_kill_during_create_leaves_no_file_or_a_whole_workspace() {
    let mut kills = Rng::new(DEFAULT_SEED);
    // How long a create takes here, to aim the kills inside it.
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let out = Command::new(CHILD)
        .args([
            "create",
            &dir.path().join("timing.rapport").to_string_lossy(),
        ])
        .output()
        .expect("run child");
    assert!(out.status.success());
    let span = started.elapsed().as_micros() as u64;
    let mut broken = Vec::new();
    for i in 0..40 {
        let path = dir.path().join(format!("new-{i}.rapport"));
        let mut child = Running(
            Command::new(CHILD)
                .args(["create", &path.to_string_lossy()])
                .stdout(Stdio::null())
                .spawn()
                .expect("start child"),
        );
        std::thread::sleep(Duration::from_micros(kills.below(span)));
        child.0.kill().expect("SIGKILL");
        let _ = child.0.wait();
        if !path.exists() {
            continue;
        }
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        match Workspace::open(&path) {
            Ok(ws) => {
                let factors = ws.list_factors().map(|f| f.len());
                if factors.as_ref().ok() != Some(&8) {
                    broken.push(format!("{i}: opens with {factors:?} factors of 8"));
                }
            }
            Err(e) => broken.push(format!("{i}: {size} bytes, refused: {e}")),
        }
    }
    assert!(
        broken.is_empty(),
        "a create of {span} µs killed at random moments left {} broken files of 40:\n{}",
        broken.len(),
        broken.join("\n")
    );
}
