//! File → Workspace settings… on the real app window: the portfolio factors of each nine-box
//! axis edited in place (a weight changed and its shares recomputed, bad input refused beside
//! its field and never sent), a factor added and taken back with Ctrl+Z after the dialog
//! closed with Escape; the file holds exactly the saved change. A screenshot of the dialog is
//! a CI artifact.

use std::path::Path;
use std::time::{Duration, Instant};

use rapport_core::{Factor, FactorAxis};
use rapport_store::Workspace;
use rapport_tests::{artifacts, env, keys, launch, Session, ShotOnFailure};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;
type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The demo's factors once the app has let go of the file (it keeps an exclusive lock while
/// it runs; the session has just been deleted).
fn stored_factors(file: &Path) -> Res<Vec<Factor>> {
    let started = Instant::now();
    loop {
        match Workspace::open_read_only(file) {
            Ok(ws) => return Ok(ws.list_factors()?),
            Err(e) if started.elapsed() > Duration::from_secs(15) => {
                return Err(format!("the file stays locked after the app quit: {e}").into())
            }
            Err(_) => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

/// Each attractiveness row as (id, name, weight, share text), in the dialog's order.
fn rows(s: &Session) -> Res<Vec<Value>> {
    let v = s.execute(
        "return [...document.querySelectorAll('[data-testid=factor-row][data-axis=attractiveness]')].map(r => ({
           id: Number(r.dataset.id),
           name: r.querySelector('[data-testid=factor-name]').value,
           weight: r.querySelector('[data-testid=factor-weight]').value,
           share: r.querySelector('[data-testid=factor-share]').textContent.trim(),
           weightError: r.querySelector('[data-testid=factor-weight-error]')?.textContent.trim() ?? '',
           nameError: r.querySelector('[data-testid=factor-name-error]')?.textContent.trim() ?? '',
         }));",
        vec![],
    )?;
    Ok(v.as_array().cloned().unwrap_or_default())
}

fn wait_rows(s: &Session, what: &str, ready: impl Fn(&[Value]) -> bool) -> Res<Vec<Value>> {
    let started = Instant::now();
    loop {
        let r = rows(s)?;
        if ready(&r) {
            return Ok(r);
        }
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("the settings never showed {what}: {r:?}").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Types `text` into the field `field` of the factor row `id` and presses Enter.
fn enter(s: &Session, id: i64, field: &str, text: &str) -> TestResult {
    let css = format!("[data-testid=factor-row][data-id=\"{id}\"] [data-testid={field}]");
    s.fill(&css, text)?;
    let input = s.find(&css)?;
    s.send_keys(&input, keys::ENTER)?;
    Ok(())
}

#[test]
fn factors_are_edited_checked_added_and_undone_in_the_workspace_settings() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("settings.rapport");
    let before = {
        let mut ws = Workspace::create(&file)?;
        rapport_store::demo::write_demo(&mut ws, chrono::Local::now().date_naive())?;
        ws.list_factors()?
    };
    let attractiveness: Vec<&Factor> = before
        .iter()
        .filter(|f| f.fields.axis == FactorAxis::Attractiveness)
        .collect();
    assert!(
        attractiveness.len() >= 2,
        "the demo has attractiveness factors"
    );

    let changed = {
        let s = launch(&env, &dir.path().join("data"), &file)?;
        let shot = ShotOnFailure::new(&s, artifacts().join("failed-settings.png"));
        s.click_css("[data-testid=file-menu]")?;
        s.click_css("[data-testid=workspace-settings-button]")?;
        s.find("[data-testid=workspace-settings]")?;
        let first = wait_rows(&s, "the factors", |r| r.len() == attractiveness.len())?;
        let id = first[0]["id"].as_i64().ok_or("no factor id")?;
        let other = first[1]["id"].as_i64().ok_or("no second factor")?;

        // a weight changed: saved, and every share of the axis follows
        let shares_before: Vec<Value> = first.iter().map(|r| r["share"].clone()).collect();
        enter(&s, id, "factor-weight", "10")?;
        let after = wait_rows(&s, "the new weight's shares", |r| {
            r.iter().map(|x| x["share"].clone()).collect::<Vec<_>>() != shares_before
        })?;
        let share = |r: &Value| -> f64 {
            r["share"]
                .as_str()
                .unwrap_or_default()
                .trim_end_matches('%')
                .trim()
                .parse()
                .unwrap_or(f64::NAN)
        };
        let total: f64 = after.iter().map(share).sum();
        assert!(
            (total - 100.0).abs() < 0.5,
            "the shares add up to 100 %: {after:?}"
        );
        assert!(
            after.iter().skip(1).all(|r| share(&after[0]) > share(r)),
            "the weight of 10 has the biggest share: {after:?}"
        );

        // bad input is refused beside its field, and nothing is sent
        enter(&s, other, "factor-weight", "0")?;
        wait_rows(&s, "the weight refused", |r| {
            r.iter().any(|x| {
                x["id"] == other && !x["weightError"].as_str().unwrap_or_default().is_empty()
            })
        })?;
        let weight = after[1]["weight"].as_str().unwrap_or_default().to_string();
        enter(&s, other, "factor-weight", &weight)?;
        wait_rows(&s, "the weight put back", |r| {
            r.iter().any(|x| {
                x["id"] == other && x["weightError"].as_str().unwrap_or_default().is_empty()
            })
        })?;
        let taken = after[0]["name"].as_str().unwrap_or_default().to_string();
        enter(&s, other, "factor-name", &taken)?;
        wait_rows(&s, "the repeated name refused", |r| {
            r.iter().any(|x| {
                x["id"] == other && !x["nameError"].as_str().unwrap_or_default().is_empty()
            })
        })?;
        std::thread::sleep(Duration::from_millis(300));
        s.screenshot(&artifacts().join("workspace-settings.png"))?;

        // a factor added, the dialog closed with Escape, the addition undone with Ctrl+Z
        s.click_css("[data-testid=factor-add-attractiveness]")?;
        wait_rows(&s, "the added factor", |r| {
            r.len() == attractiveness.len() + 1
        })?;
        let focused = s.execute(
            "return document.activeElement && document.activeElement.dataset.testid;",
            vec![],
        )?;
        assert_eq!(
            focused,
            json!("factor-name"),
            "the new factor's name has the cursor"
        );
        let name = s.find("[data-testid=factor-row]:last-of-type [data-testid=factor-name]")?;
        s.send_keys(&name, keys::ESCAPE)?;
        s.wait_for("the dialog to close", || {
            let open = s.execute(
                "return !!document.querySelector('[data-testid=workspace-settings]');",
                vec![],
            )?;
            Ok((open == json!(false)).then_some(()))
        })?;
        s.ctrl_key("z")?;
        s.click_css("[data-testid=file-menu]")?;
        s.click_css("[data-testid=workspace-settings-button]")?;
        wait_rows(&s, "the addition undone", |r| {
            r.len() == attractiveness.len()
        })?;
        shot.passed();
        id
    }; // the session ends: the app quits

    // the file: the one weight saved, nothing else changed
    let stored = stored_factors(&file)?;
    assert_eq!(stored.len(), before.len(), "the added factor was undone");
    for f in &stored {
        let was = before
            .iter()
            .find(|b| b.id == f.id)
            .ok_or("a factor appeared")?;
        if f.id == changed {
            assert_eq!(f.fields.weight, 10.0, "the new weight is saved");
        } else {
            assert_eq!(f.fields, was.fields, "{} is unchanged", was.fields.name);
        }
    }
    Ok(())
}
