//! The buying-centre map on the real app window: the drawn nodes and ties equal the
//! account's people and ties in the file (read from the Cytoscape instance through the
//! map's read-only test hook), both layouts and the projector theme as screenshots.

use std::time::{Duration, Instant};

use rapport_store::Workspace;
use rapport_tests::{artifacts, env, launch, Session};
use serde_json::Value;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The map's summary once `ready` accepts it (layout done), or an error after 20 s.
fn wait_map(
    s: &Session,
    what: &str,
    ready: impl Fn(&Value) -> bool,
) -> Result<Value, Box<dyn std::error::Error>> {
    let started = Instant::now();
    loop {
        let v = s.execute(
            "return window.__rapportMap ? window.__rapportMap.summary() : null;",
            vec![],
        )?;
        if !v.is_null() && !v["busy"].as_bool().unwrap_or(true) && ready(&v) {
            return Ok(v);
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("map never showed {what}: {v}").into());
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn open_map(s: &Session, account: &str) -> TestResult {
    let item = s.find_with_text("[data-testid=account-item]", account)?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", account)?;
    s.click_css("[data-testid=tab-map]")?;
    s.find("[data-testid=map-canvas]")?;
    Ok(())
}

#[test]
fn the_map_draws_every_person_and_tie_in_both_layouts() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("map.rapport");
    let today = chrono::Local::now().date_naive();
    let (people, ties, covering) = {
        let mut ws = Workspace::create(&file)?;
        rapport_store::demo::write_demo(&mut ws, today)?;
        let id = ws
            .account_named("Northwind Telecom")?
            .ok_or("no Northwind")?;
        let d = ws.account_detail(id)?;
        let mut team: Vec<i64> = d.coverage.iter().map(|c| c.fields.team_member_id).collect();
        team.sort();
        team.dedup();
        (
            d.stakeholders.len(),
            d.influences.len() + d.coverage.len(),
            team.len(),
        )
    };

    let s = launch(&env, &dir.path().join("data"), &file)?;
    open_map(&s, "Northwind Telecom")?;
    s.click_css("[data-testid=map-layout-network]")?;
    let v = wait_map(&s, "the network", |v| {
        v["layout"] == "network" && v["nodes"].as_array().is_some_and(|n| !n.is_empty())
    })?;
    let nodes = v["nodes"].as_array().ok_or("nodes")?;
    let edges = v["edges"].as_array().ok_or("edges")?;
    assert_eq!(
        nodes.iter().filter(|n| n["kind"] == "stakeholder").count(),
        people
    );
    assert_eq!(
        nodes.iter().filter(|n| n["kind"] == "team").count(),
        covering
    );
    assert_eq!(edges.len(), ties, "influence + coverage ties");
    std::thread::sleep(Duration::from_millis(700));
    s.screenshot(&artifacts().join("map-network.png"))?;

    s.click_css("[data-testid=map-layout-org_chart]")?;
    wait_map(&s, "the org chart", |v| v["layout"] == "org_chart")?;
    std::thread::sleep(Duration::from_millis(900));
    s.screenshot(&artifacts().join("map-org-chart.png"))?;

    s.select_by_text("[data-testid=theme-select]", "Projector (high contrast)")?;
    std::thread::sleep(Duration::from_millis(900));
    s.screenshot(&artifacts().join("map-projector.png"))?;
    Ok(())
}
