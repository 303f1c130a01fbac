//! The buying-centre map on the real app window, checked against the file through the
//! map's read-only test hook `window.__rapportMap` (what Cytoscape draws) and
//! `rapport_store`/`rapport_core` on the same file:
//! - every person and tie of the demo account in both layouts, with screenshots of both
//!   and of the projector theme;
//! - a tie drawn with the keyboard, undone with Ctrl+Z and redone, and one drawn by
//!   dragging the tie handle, both found in the file afterwards;
//! - the introduction-path overlay equals the library's best path;
//! - SVG and PNG exports of the whole map (through the `RAPPORT_TEST_SAVE_DIR` seam);
//! - a person named by markup is text on the map, in the edit panel and in the SVG.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rapport_core::analysis::{introduction_paths, AccountInput};
use rapport_core::{AccountDetail, Attitude, BuyingRole, StakeholderFields, TeamMember};
use rapport_store::Workspace;
use rapport_tests::{artifacts, env, keys, launch, launch_with, Session, ShotOnFailure};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;
type Res<T> = Result<T, Box<dyn std::error::Error>>;

const ACCOUNT: &str = "Northwind Telecom";

/// Names that are markup: the first would open an alert, the second set `window.__xss`.
const MARKUP_NAMES: [&str; 2] = [
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=window.__xss=1>",
];

/// The demo account as the file holds it.
struct Demo {
    detail: AccountDetail,
    team: Vec<TeamMember>,
}

impl Demo {
    fn stakeholder_ids(&self) -> BTreeSet<i64> {
        self.detail.stakeholders.iter().map(|s| s.id).collect()
    }
    fn stakeholder(&self, name: &str) -> Res<i64> {
        Ok(self
            .detail
            .stakeholders
            .iter()
            .find(|s| s.fields.name == name)
            .ok_or_else(|| format!("no {name:?} in {ACCOUNT}"))?
            .id)
    }
    fn name_of(&self, node: &str) -> String {
        let id: i64 = node[1..].parse().unwrap_or_default();
        if node.starts_with('t') {
            self.team
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.fields.name.clone())
                .unwrap_or_default()
        } else {
            self.detail
                .stakeholders
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.fields.name.clone())
                .unwrap_or_default()
        }
    }
}

/// A new workspace at `file` holding the demo, plus one person per name in `extra` in
/// the demo account; returns the account as stored.
fn demo_file(file: &Path, extra: &[&str]) -> Res<Demo> {
    let today = chrono::Local::now().date_naive();
    let mut ws = Workspace::create(file)?;
    rapport_store::demo::write_demo(&mut ws, today)?;
    let id = ws.account_named(ACCOUNT)?.ok_or("no demo account")?;
    for name in extra {
        ws.create_stakeholder(&StakeholderFields {
            account_id: id,
            name: (*name).into(),
            title: (*name).into(),
            org_unit_id: None,
            reports_to: None,
            dotted_to: None,
            roles: vec![BuyingRole::User],
            economic_buyer: false,
            coach: false,
            attitude: Attitude::Neutral,
            power: 2,
            interest: 3,
            org_needs: String::new(),
            personal_wins: String::new(),
            last_contact: None,
            notes: (*name).into(),
            placeholder: false,
        })?;
    }
    Ok(Demo {
        detail: ws.account_detail(id)?,
        team: ws.list_team_members()?,
    })
}

/// The account as the file holds it once the app has let go of it (the app keeps an
/// exclusive lock while it runs; the session has just been deleted).
fn stored(file: &Path) -> Res<AccountDetail> {
    let started = Instant::now();
    loop {
        match Workspace::open_read_only(file) {
            Ok(ws) => {
                let id = ws.account_named(ACCOUNT)?.ok_or("no demo account")?;
                return Ok(ws.account_detail(id)?);
            }
            Err(e) if started.elapsed() > Duration::from_secs(15) => {
                return Err(format!("the file stays locked after the app quit: {e}").into())
            }
            Err(_) => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

fn summary(s: &Session) -> Res<Value> {
    Ok(s.execute(
        "return window.__rapportMap ? window.__rapportMap.summary() : null;",
        vec![],
    )?)
}

/// The map's summary once `ready` accepts it (layout done), or an error after 20 s.
fn wait_map(s: &Session, what: &str, ready: impl Fn(&Value) -> bool) -> Res<Value> {
    let started = Instant::now();
    loop {
        let v = summary(s)?;
        if !v.is_null() && !v["busy"].as_bool().unwrap_or(true) && ready(&v) {
            return Ok(v);
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("map never showed {what}: {v}").into());
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// Waits until nothing moves: no layout running, and the node positions and the
/// viewport unchanged over four polls (animations of nodes and of the view are done).
/// Returns the summary.
fn wait_still(s: &Session, what: &str) -> Res<Value> {
    let started = Instant::now();
    let mut last = Value::Null;
    let mut same = 0;
    loop {
        let v = s.execute(
            "const m = window.__rapportMap;
             if (!m) return null;
             const x = m.summary();
             if (x.busy) return null;
             return [x.layout, x.nodes.map(n => [n.id, Math.round(n.x), Math.round(n.y)]),
                     m.frame('view')];",
            vec![],
        )?;
        if !v.is_null() && v == last {
            same += 1;
            if same >= 3 {
                return summary(s);
            }
        } else {
            same = 0;
        }
        last = v;
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("the map never stood still ({what})").into());
        }
        std::thread::sleep(Duration::from_millis(150));
    }
}

fn open_map(s: &Session) -> TestResult {
    let item = s.find_with_text("[data-testid=account-item]", ACCOUNT)?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", ACCOUNT)?;
    s.click_css("[data-testid=tab-map]")?;
    s.find("[data-testid=map-canvas]")?;
    Ok(())
}

/// Scrolls the page so the whole map stage is in the window (at the app's default size
/// the account header and the toolbars push its lower part below the fold).
fn show_stage(s: &Session) -> TestResult {
    s.execute(
        "document.querySelector('[data-testid=map-canvas]').scrollIntoView({ block: 'end' });",
        vec![],
    )?;
    Ok(())
}

fn nodes_of<'a>(v: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    v["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |n| n["kind"] == kind)
}

fn edges_of<'a>(v: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    v["edges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |e| e["kind"] == kind)
}

fn refs(items: impl Iterator<Item = Value>) -> BTreeSet<i64> {
    items.filter_map(|x| x["ref"].as_i64()).collect()
}

/// The drawn people, team, influence and coverage ties equal the file's, by id and
/// by ends.
fn assert_drawn_equals_file(v: &Value, demo: &Demo, layout: &str) {
    let d = &demo.detail;
    assert_eq!(
        refs(nodes_of(v, "stakeholder").cloned()),
        demo.stakeholder_ids(),
        "{layout}: people"
    );
    let covering: BTreeSet<i64> = d.coverage.iter().map(|c| c.fields.team_member_id).collect();
    assert_eq!(
        refs(nodes_of(v, "team").cloned()),
        covering,
        "{layout}: team members who cover someone"
    );
    let influences: BTreeSet<(i64, String, String)> = d
        .influences
        .iter()
        .map(|i| {
            (
                i.id,
                format!("s{}", i.fields.from_id),
                format!("s{}", i.fields.to_id),
            )
        })
        .collect();
    let coverage: BTreeSet<(i64, String, String)> = d
        .coverage
        .iter()
        .map(|c| {
            (
                c.id,
                format!("t{}", c.fields.team_member_id),
                format!("s{}", c.fields.stakeholder_id),
            )
        })
        .collect();
    let ends = |kind: &str| -> BTreeSet<(i64, String, String)> {
        edges_of(v, kind)
            .map(|e| {
                (
                    e["ref"].as_i64().unwrap_or_default(),
                    e["source"].as_str().unwrap_or_default().to_string(),
                    e["target"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(ends("influence"), influences, "{layout}: influence ties");
    assert_eq!(ends("coverage"), coverage, "{layout}: coverage ties");
    assert_eq!(
        edges_of(v, "influence").count() + edges_of(v, "coverage").count(),
        d.influences.len() + d.coverage.len(),
        "{layout}: influence + coverage ties"
    );
}

#[test]
fn the_map_draws_every_person_and_tie_in_both_layouts() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("map.rapport");
    let demo = demo_file(&file, &[])?;

    let s = launch(&env, &dir.path().join("data"), &file)?;
    let shot = ShotOnFailure::new(&s, artifacts().join("failed-map-layouts.png"));
    open_map(&s)?;
    show_stage(&s)?;

    s.click_css("[data-testid=map-layout-network]")?;
    wait_map(&s, "the network", |v| v["layout"] == "network")?;
    let v = wait_still(&s, "the network")?;
    assert_drawn_equals_file(&v, &demo, "network");
    assert_eq!(
        edges_of(&v, "reports").count() + edges_of(&v, "dotted").count(),
        0,
        "the network draws no reporting lines"
    );
    std::thread::sleep(Duration::from_millis(300));
    s.screenshot(&artifacts().join("map-network.png"))?;

    s.click_css("[data-testid=map-layout-org_chart]")?;
    wait_map(&s, "the org chart", |v| v["layout"] == "org_chart")?;
    let v = wait_still(&s, "the org chart")?;
    assert_drawn_equals_file(&v, &demo, "org chart");
    let reporting = demo
        .detail
        .stakeholders
        .iter()
        .filter(|p| p.fields.reports_to.is_some())
        .count();
    assert_eq!(
        edges_of(&v, "reports").count(),
        reporting,
        "the org chart draws every solid reporting line"
    );
    let groups = v["groups"].as_array().map_or(0, Vec::len);
    assert!(groups > 0, "the org chart boxes people by unit: {v}");
    std::thread::sleep(Duration::from_millis(300));
    s.screenshot(&artifacts().join("map-org-chart.png"))?;

    // Back in the org chart after the network, people sit in their units' boxes and
    // units in their parents'.
    let parents = s.execute(
        "const cy = document.querySelector('[data-testid=map-canvas]')._cyreg.cy;
         return Object.fromEntries(cy.nodes().map(n =>
             [n.id(), n.parent().nonempty() ? n.parent().id() : null]));",
        vec![],
    )?;
    let mut wrong = Vec::new();
    for p in &demo.detail.stakeholders {
        let want = p.fields.org_unit_id.map(|u| format!("u{u}"));
        let got = parents[format!("s{}", p.id)].as_str().map(str::to_string);
        if got != want {
            wrong.push(format!("{}: in {got:?}, not {want:?}", p.fields.name));
        }
    }
    for u in &demo.detail.org_units {
        let want = u.fields.parent_id.map(|p| format!("u{p}"));
        let got = parents[format!("u{}", u.id)].as_str().map(str::to_string);
        if got != want {
            wrong.push(format!("unit {}: in {got:?}, not {want:?}", u.fields.name));
        }
    }

    s.select_by_value("[data-testid=theme-select]", "projector")?;
    s.wait_for("the projector theme", || {
        let theme = s.execute("return document.documentElement.dataset.theme;", vec![])?;
        Ok((theme == "projector").then_some(()))
    })?;
    show_stage(&s)?;
    wait_still(&s, "the projector theme")?;
    std::thread::sleep(Duration::from_millis(500));
    s.screenshot(&artifacts().join("map-projector.png"))?;

    // A person selected in the org chart is still selected in the network (the switch takes
    // the unit boxes away, and used to take their people's selection with them).
    let (picked, x, y) = demo
        .detail
        .stakeholders
        .iter()
        .filter(|p| p.fields.org_unit_id.is_some())
        .find_map(|p| {
            let id = format!("s{}", p.id);
            let at = s
                .execute(
                    "return window.__rapportMap.clientPoint(arguments[0]);",
                    vec![json!(id)],
                )
                .ok()?;
            let (x, y) = (at["x"].as_f64()?, at["y"].as_f64()?);
            (hit(&s, x, y).ok()? == "map-canvas").then_some((id, x, y))
        })
        .ok_or("no person in a unit is in view")?;
    s.drag((x, y), (x, y), 1)?; // a click
    wait_map(&s, "the person clicked selected", |v| {
        v["selected"] == json!([picked])
    })?;
    s.click_css("[data-testid=map-layout-network]")?;
    wait_map(&s, "the network again", |v| v["layout"] == "network")?;
    let v = wait_still(&s, "the network again")?;
    assert_eq!(
        v["selected"],
        json!([picked]),
        "the selection survives the switch to the network"
    );

    // (checked last, so that the screenshots above are taken either way)
    assert!(
        wrong.is_empty(),
        "org chart after the network: {} misplaced: {wrong:#?}",
        wrong.len()
    );
    shot.passed();
    Ok(())
}

/// What the pointer would hit at a window point: the test id of the nearest element
/// that has one (the map canvas for a person drawn on it), or its tag name.
fn hit(s: &Session, x: f64, y: f64) -> Res<String> {
    let v = s.execute(
        "const e = document.elementFromPoint(arguments[0], arguments[1]);
         if (!e) return '';
         const t = e.closest('[data-testid]');
         return t ? t.dataset.testid : e.tagName;",
        vec![json!(x), json!(y)],
    )?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// The influence ties drawn from `source` to `target` (node ids).
fn ties_between(v: &Value, source: &str, target: &str) -> Vec<i64> {
    edges_of(v, "influence")
        .filter(|e| e["source"] == source && e["target"] == target)
        .filter_map(|e| e["ref"].as_i64())
        .collect()
}

#[test]
fn ties_drawn_with_the_keyboard_and_by_dragging_undo_and_reach_the_file() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("ties.rapport");
    let demo = demo_file(&file, &[])?;
    let before = demo.detail.influences.len();

    let (keyboard_tie, dragged_tie) = {
        let s = launch(&env, &dir.path().join("data"), &file)?;
        let shot = ShotOnFailure::new(&s, artifacts().join("failed-map-ties.png"));
        open_map(&s)?;
        show_stage(&s)?;
        wait_still(&s, "the org chart")?;
        let canvas = s.find("[data-testid=map-canvas]")?;

        // An arrow key selects the first person in reading order; T starts a tie.
        s.send_keys(&canvas, keys::ARROW_RIGHT)?;
        let v = wait_map(&s, "a selection", |v| {
            v["selected"].as_array().is_some_and(|a| a.len() == 1)
        })?;
        let source = v["selected"][0].as_str().ok_or("selected id")?.to_string();
        assert!(source.starts_with('s'), "a person is selected: {source}");
        s.send_keys(&canvas, "t")?;
        s.find("[data-testid=map-tie-form]")?;
        // A target the source does not influence yet.
        let options = s.execute(
            "return [...document.querySelectorAll('[data-testid=map-tie-target] option')]
                 .map(o => [o.value, o.text]);",
            vec![],
        )?;
        let (target, target_name) = options
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|o| Some((o[0].as_str()?.to_string(), o[1].as_str()?.to_string())))
            .find(|(id, _)| !id.is_empty() && ties_between(&v, &source, id).is_empty())
            .ok_or("no person left to tie to")?;
        assert_ne!(
            target, source,
            "the source is not offered as its own target"
        );
        s.select_by_text("[data-testid=map-tie-target]", &target_name)?;
        // A digit sets the strength (outside the select, whose keys choose options).
        let create = s.find("[data-testid=map-tie-create]:not([disabled])")?;
        s.send_keys(&create, "4")?;
        s.wait_for("strength 4", || {
            let v = s.execute(
                "const r = document.querySelector('[data-testid=map-tie-form] input[name=strength]:checked');
                 return r ? r.value : null;",
                vec![],
            )?;
            Ok((v == "4").then_some(()))
        })?;
        s.click(&create)?;
        let v = wait_map(&s, "the new tie", |v| {
            ties_between(v, &source, &target).len() == 1
        })?;
        assert_eq!(
            edges_of(&v, "influence").count(),
            before + 1,
            "one influence tie more"
        );
        s.wait_count("[data-testid=map-tie-form]", 0)?;

        // Ctrl+Z (the map has the focus back) takes it away; Redo brings it back.
        s.wait_for("the map to have the focus back", || {
            let focused = s.execute(
                "return document.activeElement && document.activeElement.dataset.testid;",
                vec![],
            )?;
            Ok((focused == "map-canvas").then_some(()))
        })?;
        s.ctrl_key("z")?;
        let v = wait_map(&s, "the tie undone", |v| {
            ties_between(v, &source, &target).is_empty()
        })?;
        assert_eq!(edges_of(&v, "influence").count(), before);
        s.click_css("[data-testid=redo-button]")?;
        let v = wait_map(&s, "the tie redone", |v| {
            ties_between(v, &source, &target).len() == 1
        })?;
        let keyboard_tie = (
            source.clone(),
            target.clone(),
            ties_between(&v, &source, &target)[0],
        );

        // A drag from the tie handle of a selected person onto another person, both
        // where the pointer really reaches them (not under the overview or the legend).
        s.send_keys(&canvas, "f")?; // zoom to fit
        show_stage(&s)?;
        let mut picked = None;
        for _ in 0..12 {
            s.send_keys(&canvas, keys::ARROW_DOWN)?;
            let v = wait_still(&s, "a person selected")?;
            let Some(from) = v["selected"][0].as_str().map(str::to_string) else {
                continue;
            };
            // Hover the person first, as a hand would: the handle follows the pointer
            // to whichever person it is over.
            let centre = s.execute(
                "return window.__rapportMap.clientPoint(arguments[0]);",
                vec![json!(from)],
            )?;
            let (Some(cx), Some(cy)) = (centre["x"].as_f64(), centre["y"].as_f64()) else {
                continue;
            };
            if hit(&s, cx, cy)? != "map-canvas" {
                s.send_keys(&canvas, keys::ARROW_RIGHT)?;
                continue;
            }
            s.pointer_move(cx, cy)?;
            let handle = s.wait_for("the tie handle", || {
                let h = s.execute("return window.__rapportMap.handlePoint();", vec![])?;
                Ok(h["x"].as_f64().zip(h["y"].as_f64()))
            })?;
            let (hx, hy) = handle;
            if hit(&s, hx, hy)? != "map-tie-handle" {
                s.send_keys(&canvas, keys::ARROW_RIGHT)?;
                continue;
            }
            let mut drop = None;
            for n in nodes_of(&v, "stakeholder") {
                let id = n["id"].as_str().unwrap_or_default();
                if id == from || !ties_between(&v, &from, id).is_empty() {
                    continue;
                }
                let p = s.execute(
                    "return window.__rapportMap.clientPoint(arguments[0]);",
                    vec![json!(id)],
                )?;
                let (x, y) = (
                    p["x"].as_f64().unwrap_or(-1.0),
                    p["y"].as_f64().unwrap_or(-1.0),
                );
                if (x - hx).hypot(y - hy) > 60.0 && hit(&s, x, y)? == "map-canvas" {
                    drop = Some((id.to_string(), x, y));
                    break;
                }
            }
            if let Some(drop) = drop {
                picked = Some((from, (hx, hy), drop));
                break;
            }
        }
        let (from, handle, drop) = picked.ok_or("no person in view to draw a tie from and to")?;
        let (to, x, y) = drop;
        s.drag(handle, (x, y), 8)?;
        let form = s.find("[data-testid=map-tie-form]")?;
        let text = s.text(&form)?;
        assert!(
            text.contains(&demo.name_of(&from)) && text.contains(&demo.name_of(&to)),
            "the dragged tie goes from {from} to {to}: {text:?}"
        );
        assert!(
            s.find_all("[data-testid=map-tie-target]")?.is_empty(),
            "a dropped tie already has its target"
        );
        let create = s.find("[data-testid=map-tie-create]")?;
        s.send_keys(&create, "2")?;
        s.click(&create)?;
        let v = wait_map(&s, "the dragged tie", |v| {
            ties_between(v, &from, &to).len() == 1
        })?;
        assert_eq!(edges_of(&v, "influence").count(), before + 2);
        s.screenshot(&artifacts().join("map-ties.png"))?;
        shot.passed();
        (
            keyboard_tie,
            (from.clone(), to.clone(), ties_between(&v, &from, &to)[0]),
        )
    }; // the session ends: the app quits

    // The file holds both ties, with the strengths chosen by digit.
    let d = stored(&file)?;
    assert_eq!(d.influences.len(), before + 2, "two new ties in the file");
    for ((from, to, id), strength) in [(keyboard_tie, 4), (dragged_tie, 2)] {
        let tie = d
            .influences
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(|| format!("tie {id} ({from} → {to}) is not in the file"))?;
        assert_eq!(format!("s{}", tie.fields.from_id), from);
        assert_eq!(format!("s{}", tie.fields.to_id), to);
        assert_eq!(tie.fields.strength, strength, "tie {from} → {to}");
    }
    Ok(())
}

#[test]
fn the_path_overlay_is_the_librarys_best_introduction() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("path.rapport");
    let demo = demo_file(&file, &[])?;
    let target_name = "CTO – unknown";
    let target = demo.stakeholder(target_name)?;
    let expected = introduction_paths(
        &AccountInput {
            detail: &demo.detail,
            team: &demo.team,
            today: chrono::Local::now().date_naive(),
        },
        target,
        1,
    )?;
    let best = expected.first().ok_or("the library finds no path")?;
    let want: Vec<Value> = best
        .people
        .iter()
        .map(|p| json!({ "id": p.id, "team": p.team }))
        .collect();

    let s = launch(&env, &dir.path().join("data"), &file)?;
    let shot = ShotOnFailure::new(&s, artifacts().join("failed-map-path.png"));
    open_map(&s)?;
    wait_still(&s, "the org chart")?;
    s.select_by_text("[data-testid=map-path-select]", target_name)?;
    let v = wait_map(&s, "the path", |v| !v["path"].is_null())?;
    assert_eq!(v["path"]["people"], Value::Array(want), "path people");
    let strength = v["path"]["strength"].as_f64().ok_or("path strength")?;
    assert!(
        (strength - best.strength).abs() < 1e-9,
        "{strength} vs {}",
        best.strength
    );
    assert_eq!(
        best.people.last().map(|p| (p.id, p.team)),
        Some((target, false)),
        "the path ends at the target"
    );

    let caption = s.find("[data-testid=map-path-caption]")?;
    let text = s.text(&caption)?;
    let names: Vec<&str> = best.people.iter().map(|p| p.name.as_str()).collect();
    assert!(
        text.contains(&names.join(" → ")),
        "the caption names the path: {text:?}"
    );
    assert!(
        text.contains(&format!("{:.2}", best.strength)),
        "the caption gives the strength {:.2}: {text:?}",
        best.strength
    );
    // Every person on the path has a highlighted node.
    let on_map: BTreeSet<String> = v["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["id"].as_str().map(str::to_string))
        .collect();
    for p in &best.people {
        let id = format!("{}{}", if p.team { 't' } else { 's' }, p.id);
        assert!(on_map.contains(&id), "{id} ({}) is on the map", p.name);
    }
    show_stage(&s)?;
    wait_still(&s, "the path")?;
    s.screenshot(&artifacts().join("map-path.png"))?;

    // Choosing no one takes the overlay away.
    s.select_by_text("[data-testid=map-path-select]", "—")?;
    wait_map(&s, "no path", |v| v["path"].is_null())?;
    s.wait_count("[data-testid=map-path-caption]", 0)?;
    shot.passed();
    Ok(())
}

/// Waits for the only file in `dir` ending in `.ext` and returns its bytes once its
/// size stops changing.
fn saved_file(dir: &Path, ext: &str) -> Res<(PathBuf, Vec<u8>)> {
    let started = Instant::now();
    let mut last: Option<u64> = None;
    loop {
        let found: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        if let [path] = found.as_slice() {
            let len = std::fs::metadata(path)?.len();
            if len > 0 && last == Some(len) {
                return Ok((path.clone(), std::fs::read(path)?));
            }
            last = Some(len);
        }
        if found.len() > 1 {
            return Err(format!("several .{ext} files saved: {found:?}").into());
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("no .{ext} file saved in {}", dir.display()).into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Text of every `<text>` element of an SVG, whitespace removed (the exporter wraps
/// long names over several lines).
fn svg_texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .flat_map(|d| d.text().unwrap_or_default().chars())
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// No markup name may have run: no alert open, `window.__xss` unset, no `<img>` made.
fn assert_inert(s: &Session, where_: &str) -> TestResult {
    assert_eq!(s.alert_text()?, None, "{where_}: an alert opened");
    let v = s.execute(
        "return { xss: window.__xss === undefined ? null : String(window.__xss),
                  imgs: document.querySelectorAll('img[src=\"x\"]').length };",
        vec![],
    )?;
    assert!(v["xss"].is_null(), "{where_}: a payload ran: {v}");
    assert_eq!(v["imgs"], 0, "{where_}: an <img> was made from a name: {v}");
    Ok(())
}

#[test]
fn exports_and_markup_names_stay_text_on_the_map_the_panel_and_the_svg() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("export.rapport");
    let demo = demo_file(&file, &MARKUP_NAMES)?;
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves)?;
    let saves_text = saves.to_string_lossy().into_owned();

    let s = launch_with(
        &env,
        &dir.path().join("data"),
        &file,
        &[("RAPPORT_TEST_SAVE_DIR", saves_text.as_str())],
    )?;
    let shot = ShotOnFailure::new(&s, artifacts().join("failed-map-export.png"));
    open_map(&s)?;
    let v = wait_still(&s, "the org chart")?;
    assert_drawn_equals_file(&v, &demo, "org chart");
    assert_inert(&s, "the map")?;
    for name in MARKUP_NAMES {
        let id = format!("s{}", demo.stakeholder(name)?);
        let node = nodes_of(&v, "stakeholder")
            .find(|n| n["id"] == id.as_str())
            .ok_or_else(|| format!("{name:?} is not on the map"))?;
        assert_eq!(node["name"], name, "the node's name is the literal text");
    }

    // The edit panel, reached with the keyboard: find the person, Enter on the map.
    let name = MARKUP_NAMES[0];
    let id = format!("s{}", demo.stakeholder(name)?);
    s.fill("[data-testid=map-search]", name)?;
    s.find_with_text("[data-testid=map-matches]", "1 found")?;
    let search = s.find("[data-testid=map-search]")?;
    s.send_keys(&search, keys::ENTER)?;
    wait_map(&s, "the person found", |v| v["selected"] == json!([id]))?;
    let canvas = s.find("[data-testid=map-canvas]")?;
    s.send_keys(&canvas, keys::ENTER)?;
    s.find("[data-testid=stakeholder-form]")?;
    let shown = s.execute(
        "const f = document.querySelector('[data-testid=stakeholder-form]');
         return [f.querySelector('[name=name]').value, f.querySelector('[name=title]').value];",
        vec![],
    )?;
    assert_eq!(
        shown,
        json!([name, name]),
        "the panel shows the literal name"
    );
    assert_inert(&s, "the edit panel")?;
    s.click_css("[data-testid=stakeholder-form] [data-testid=form-cancel]")?;
    s.wait_count("[data-testid=stakeholder-form]", 0)?;
    // Escape in the search empties it and gives the map the focus back.
    let search = s.find("[data-testid=map-search]")?;
    s.send_keys(&search, keys::ESCAPE)?;
    s.wait_count("[data-testid=map-matches]", 0)?;
    let v = wait_still(&s, "the map after the panel")?;
    assert!(v["dimmed"].as_array().is_some_and(Vec::is_empty));

    // SVG of the whole map: well-formed, every name as text, no element from a name.
    s.click_css("[data-testid=map-export]")?;
    s.click_css("[data-testid=map-export-svg-whole]")?;
    let (svg_path, svg) = saved_file(&saves, "svg")?;
    let svg = String::from_utf8(svg)?;
    let doc = roxmltree::Document::parse(&svg)
        .map_err(|e| format!("{} is not XML: {e}", svg_path.display()))?;
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let texts = svg_texts(&doc);
    for p in &demo.detail.stakeholders {
        let want = squeeze(&p.fields.name);
        assert!(
            texts.iter().any(|t| t.contains(&want)),
            "the SVG shows {:?} as text",
            p.fields.name
        );
    }
    let foreign: Vec<String> = doc
        .descendants()
        .filter(|n| n.is_element())
        .filter(|n| {
            !matches!(
                n.tag_name().name(),
                "svg"
                    | "title"
                    | "rect"
                    | "g"
                    | "text"
                    | "tspan"
                    | "path"
                    | "circle"
                    | "line"
                    | "polygon"
                    | "ellipse"
            ) || n
                .attributes()
                .any(|a| a.name().to_lowercase().starts_with("on"))
        })
        .map(|n| format!("{:?}", n.tag_name()))
        .collect();
    assert!(foreign.is_empty(), "unexpected SVG elements: {foreign:?}");
    assert!(!svg.contains("<img"), "a name became an element");

    // PNG at 2×: the frame of the whole map, doubled.
    let frame = s.execute("return window.__rapportMap.frame('whole');", vec![])?;
    s.click_css("[data-testid=map-export]")?;
    s.click_css("[data-testid=map-export-png2-whole]")?;
    let (_, png) = saved_file(&saves, "png")?;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&png[12..16], b"IHDR");
    let width = u32::from_be_bytes(png[16..20].try_into()?);
    let height = u32::from_be_bytes(png[20..24].try_into()?);
    let w = frame["w"].as_f64().ok_or("frame width")?;
    let h = frame["h"].as_f64().ok_or("frame height")?;
    assert_eq!(
        (width, height),
        ((w * 2.0).round() as u32, (h * 2.0).round() as u32),
        "PNG size for the frame {frame}"
    );
    assert_inert(&s, "after the exports")?;
    std::fs::copy(&svg_path, artifacts().join("map-export.svg"))?;
    shot.passed();
    Ok(())
}
