//! The partnership-stage timeline and the "as of" past on the real app window, checked
//! against the file's own history (`rapport_store`'s `account_detail_as_of` on the same
//! demo workspace, whose past goes back two years):
//! - the date cursor moved back a year with its keys: the header badge names that date,
//!   the account's stage is the one of that day, the map draws the people of that day
//!   (the procurement manager who joined four months ago is gone, the CTO who left 232
//!   days ago is back), nothing can be edited, and *Back to today* returns;
//! - screenshots of the timeline, the map as of a year ago, the nine-box, the Pareto
//!   chart and the portfolio timeline (CI artifacts).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Local, Months, NaiveDate};
use rapport_core::model::stage_at;
use rapport_core::AccountDetail;
use rapport_store::Workspace;
use rapport_tests::{artifacts, env, launch, Session, ShotOnFailure};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;
type Res<T> = Result<T, Box<dyn std::error::Error>>;

const ACCOUNT: &str = "Northwind Telecom";
const SHIFT: &str = "\u{E008}";
const ARROW_LEFT: &str = "\u{E012}";

/// The demo workspace at `file`; returns today's and the past's view of the account.
fn demo_file(
    file: &Path,
    today: NaiveDate,
    then: NaiveDate,
) -> Res<(AccountDetail, AccountDetail)> {
    let mut ws = Workspace::create(file)?;
    rapport_store::demo::write_demo(&mut ws, today)?;
    let id = ws.account_named(ACCOUNT)?.ok_or("no demo account")?;
    Ok((ws.account_detail(id)?, ws.account_detail_as_of(id, then)?))
}

fn names(d: &AccountDetail) -> BTreeSet<String> {
    d.stakeholders
        .iter()
        .map(|s| s.fields.name.clone())
        .collect()
}

fn ids(d: &AccountDetail) -> BTreeSet<i64> {
    d.stakeholders.iter().map(|s| s.id).collect()
}

fn wait_value(s: &Session, what: &str, script: &str, ready: impl Fn(&Value) -> bool) -> Res<Value> {
    let started = Instant::now();
    loop {
        let v = s.execute(script, vec![])?;
        if ready(&v) {
            return Ok(v);
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("never saw {what}: {v}").into());
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// Waits until the map, laid out, draws exactly `want` (by stakeholder id); the error
/// names what it drew instead.
fn wait_people(s: &Session, want: &BTreeSet<i64>, what: &str) -> TestResult {
    let started = Instant::now();
    loop {
        let v = s.execute(
            "const m = window.__rapportMap; if (!m) return null; const x = m.summary();
             return x.busy ? null : x.nodes.filter(n => n.kind === 'stakeholder').map(n => n.ref);",
            vec![],
        )?;
        let drawn: BTreeSet<i64> = v
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_i64)
            .collect();
        if v.is_array() && &drawn == want {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("the map never drew {what}: want {want:?}, drew {v}").into());
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn stage_shown(s: &Session) -> Res<String> {
    s.find("[data-testid=account-stage]")?;
    Ok(s.execute(
        "return document.querySelector('[data-testid=account-stage]').dataset.stage;",
        vec![],
    )?
    .as_str()
    .unwrap_or_default()
    .to_string())
}

fn scroll_to(s: &Session, testid: &str) -> TestResult {
    s.execute(
        &format!("document.querySelector('[data-testid={testid}]').scrollIntoView({{ block: 'start' }});"),
        vec![],
    )?;
    std::thread::sleep(Duration::from_millis(300));
    Ok(())
}

#[test]
fn the_cursor_a_year_back_shows_the_account_as_it_was() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let today = Local::now().date_naive();
    let months_ago = |n: u32| {
        today
            .checked_sub_months(Months::new(n))
            .ok_or("no such date")
    };
    let (half, year) = (months_ago(6)?, months_ago(12)?);
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("timeline.rapport");
    let (now, past_half) = demo_file(&file, today, half)?;
    let past_year = {
        let ws = Workspace::open_read_only(&file)?;
        let id = ws.account_named(ACCOUNT)?.ok_or("no demo account")?;
        ws.account_detail_as_of(id, year)?
    };
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();

    // the demo's story, so the test means what it says: the procurement manager joined four
    // months ago, the CTO left 232 days ago, the stage regressed 245 days ago and recovered
    assert!(names(&now).contains("Daniel Fischer"));
    assert!(
        !names(&past_half).contains("Daniel Fischer")
            && !names(&past_year).contains("Daniel Fischer")
    );
    assert!(!names(&now).contains("Richard Hale") && names(&past_year).contains("Richard Hale"));
    let stage_now = stage_at(&now.stage_changes, &day(today));
    let stage_half = stage_at(&past_half.stage_changes, &day(half));
    let stage_year = stage_at(&past_year.stage_changes, &day(year));
    assert_ne!(
        stage_now, stage_half,
        "six months ago the account had regressed"
    );

    let s = launch(&env, &dir.path().join("data"), &file)?;
    let shot = ShotOnFailure::new(&s, artifacts().join("failed-timeline.png"));
    let item = s.find_with_text("[data-testid=account-item]", ACCOUNT)?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", ACCOUNT)?;
    let wire = |v: Option<rapport_core::Stage>| {
        v.and_then(|st| serde_json::to_value(st).ok())
            .and_then(|x| x.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    assert_eq!(stage_shown(&s)?, wire(stage_now));

    // the timeline: a marker per stage change, the regression marked
    s.click_css("[data-testid=tab-timeline]")?;
    s.find("[data-testid=timeline-chart]")?;
    let markers = s.find_all("[data-testid=timeline-stage-marker]")?;
    assert_eq!(
        markers.len(),
        now.stage_changes.len(),
        "a marker per stage change"
    );
    let regressions = s.find_all("[data-testid=timeline-stage-marker][data-regression=true]")?;
    assert!(!regressions.is_empty(), "the regression is marked");
    scroll_to(&s, "timeline-chart")?;
    s.screenshot(&artifacts().join("timeline.png"))?;

    // back six months, then a year, with the cursor's keys (Shift+← is a month)
    for (months, then, past, stage) in [
        (6, half, &past_half, stage_half),
        (6, year, &past_year, stage_year),
    ] {
        s.click_css("[data-testid=tab-timeline]")?;
        let cursor = s.find("[data-testid=timeline-cursor]")?;
        s.execute(
            "document.querySelector('[data-testid=timeline-cursor]').focus();",
            vec![],
        )?;
        s.send_keys(&cursor, &format!("{SHIFT}{}", ARROW_LEFT.repeat(months)))?;
        wait_value(
            &s,
            &format!("the as-of badge at {then}"),
            "const e = document.querySelector('[data-testid=as-of-badge]'); return e && e.dataset.date;",
            |v| v.as_str() == Some(day(then).as_str()),
        )?;
        s.find("[data-testid=as-of-banner]")?;
        wait_value(
            &s,
            &format!("the stage of {then}"),
            "const e = document.querySelector('[data-testid=account-stage]'); return e && e.dataset.stage;",
            |v| v.as_str() == Some(wire(stage).as_str()),
        )?;
        if then == year {
            scroll_to(&s, "timeline-chart")?;
            s.screenshot(&artifacts().join("timeline-as-of.png"))?;
        }
        // the map of that day: the people then, read-only
        s.click_css("[data-testid=tab-map]")?;
        s.find("[data-testid=map-canvas]")?;
        wait_people(&s, &ids(past), &format!("the people of {then}"))?;
    }
    assert!(
        s.find_all("[data-testid=map-path-select]")?.is_empty(),
        "no path overlay on the past"
    );
    assert!(
        s.find_all("[data-testid=edit-account-button]")?.is_empty(),
        "the past cannot be edited"
    );
    assert_eq!(
        s.execute(
            "return document.querySelector('[data-testid=map-relayout]').disabled;",
            vec![]
        )?,
        Value::Bool(true)
    );
    s.execute(
        "document.querySelector('[data-testid=map-canvas]').scrollIntoView({ block: 'end' });",
        vec![],
    )?;
    std::thread::sleep(Duration::from_millis(400));
    s.screenshot(&artifacts().join("map-as-of.png"))?;

    // the comparison with today names who joined and who left
    s.click_css("[data-testid=as-of-compare]")?;
    s.find_with_text("[data-testid=compare-added]", "Daniel Fischer")?;
    s.find_with_text("[data-testid=compare-removed]", "Richard Hale")?;

    // back to today
    s.click_css("[data-testid=as-of-clear]")?;
    wait_value(
        &s,
        "today's map",
        "return document.querySelector('[data-testid=as-of-banner]') === null;",
        |v| v == &Value::Bool(true),
    )?;
    wait_people(&s, &ids(&now), "today's people")?;
    s.find("[data-testid=edit-account-button]")?;
    assert_eq!(stage_shown(&s)?, wire(stage_now));
    shot.passed();
    Ok(())
}

#[test]
fn the_portfolio_charts_draw_every_account() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let today = Local::now().date_naive();
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("portfolio.rapport");
    let accounts = {
        let mut ws = Workspace::create(&file)?;
        rapport_store::demo::write_demo(&mut ws, today)?;
        ws.list_accounts()?.len()
    };

    let s = launch(&env, &dir.path().join("data"), &file)?;
    let shot = ShotOnFailure::new(&s, artifacts().join("failed-portfolio.png"));
    s.click_css("[data-testid=nav-portfolio]")?;
    s.find("[data-testid=ninebox-chart]")?;
    let bubbles = s.find_all("[data-testid=ninebox-bubble]")?;
    assert!(!bubbles.is_empty() && bubbles.len() <= accounts);
    s.click_css("[data-testid=ninebox-trails-toggle]")?;
    wait_value(
        &s,
        "nine-box trails",
        "return document.querySelectorAll('[data-testid=ninebox-trail]').length;",
        |v| v.as_u64().unwrap_or(0) > 0,
    )?;
    scroll_to(&s, "ninebox-chart")?;
    s.screenshot(&artifacts().join("nine-box.png"))?;

    let bars = s.find_all("[data-testid=pareto-bar]")?;
    assert_eq!(bars.len(), accounts, "a Pareto bar per account");
    scroll_to(&s, "pareto-chart")?;
    s.screenshot(&artifacts().join("pareto.png"))?;

    let lanes = s.find_all("[data-testid=portfolio-timeline-lane]")?;
    assert_eq!(lanes.len(), accounts, "a timeline lane per account");
    scroll_to(&s, "portfolio-timeline")?;
    s.screenshot(&artifacts().join("portfolio-timeline.png"))?;
    shot.passed();
    Ok(())
}
