//! The Analysis tab and the Portfolio page on the real app window, against numbers the
//! library computes from the same file: the demo account's coverage, a change after an
//! edit (deleting a coverage tie) and back after undo, the what-if and path pickers,
//! selecting a risk's people, and the nine-box.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rapport_core::analysis::{analyze_account, AccountInput};
use rapport_store::Workspace;
use rapport_tests::{artifacts, env, launch, Session};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The shown account coverage, once it is `want` (within 1e-9), or an error after 20 s.
fn wait_coverage(s: &Session, want: f64) -> Result<f64, Box<dyn std::error::Error>> {
    let started = Instant::now();
    loop {
        let shown = s.execute(
            "const g = document.querySelector('[data-testid=account-coverage]');
             return g ? g.getAttribute('data-value') : null;",
            vec![],
        )?;
        let value = shown.as_str().and_then(|v| v.parse::<f64>().ok());
        if let Some(v) = value {
            if (v - want).abs() < 1e-9 {
                return Ok(v);
            }
        }
        if started.elapsed() > Duration::from_secs(20) {
            return Err(format!("account coverage shows {shown}, expected {want}").into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn analysis_matches_the_library_follows_edits_and_the_pickers_work() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("analysis.rapport");
    let today = chrono::Local::now().date_naive();

    // The expected numbers, from the library on the same file.
    let (before, after_removal, people) = {
        let mut ws = Workspace::create(&file)?;
        rapport_store::demo::write_demo(&mut ws, today)?;
        let id = ws
            .account_named("Northwind Telecom")?
            .ok_or("no Northwind")?;
        let mut detail = ws.account_detail(id)?;
        let team = ws.list_team_members()?;
        let coverage = |d: &rapport_core::AccountDetail| {
            analyze_account(&AccountInput {
                detail: d,
                team: &team,
                today,
            })
            .account_coverage
        };
        let before = coverage(&detail);
        let members: HashMap<i64, &str> = team
            .iter()
            .map(|m| (m.id, m.fields.name.as_str()))
            .collect();
        let persons: HashMap<i64, String> = detail
            .stakeholders
            .iter()
            .map(|p| (p.id, p.fields.name.clone()))
            .collect();
        // Coverage without each tie in turn, keyed by "member → person".
        let mut after = HashMap::new();
        let all = detail.coverage.clone();
        for (i, tie) in all.iter().enumerate() {
            detail.coverage = all.clone();
            detail.coverage.remove(i);
            let key = format!(
                "{} → {}",
                members[&tie.fields.team_member_id], persons[&tie.fields.stakeholder_id]
            );
            after.insert(key, coverage(&detail));
        }
        (before, after, detail.stakeholders.len())
    };

    let s = launch(&env, &dir.path().join("data"), &file)?;
    let item = s.find_with_text("[data-testid=account-item]", "Northwind Telecom")?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", "Northwind Telecom")?;
    s.click_css("[data-testid=tab-analysis]")?;
    s.wait_count("[data-testid=analysis-row]", people)?;
    wait_coverage(&s, before)?;
    s.screenshot(&artifacts().join("analysis.png"))?;

    // Clicking a risk selects its people in the table.
    let risk = s.find("button[data-testid=risk-item]")?;
    s.click(&risk)?;
    s.find("[data-testid=analysis-row][data-selected=true]")?;

    // Paths to the economic buyer are listed by default.
    let paths = s.find_all("[data-testid=path-item]")?;
    assert!(!paths.is_empty(), "paths to the economic buyer");

    // What if our account lead leaves?
    s.select_by_text("[data-testid=whatif-select]", "Sarah Whitfield")?;
    let result = s.find("[data-testid=whatif-result]")?;
    assert!(s.text(&result)?.contains('%'), "the what-if shows coverage");

    // An edit: delete the first coverage tie in the People tab; the analysis follows.
    s.click_css("[data-testid=tab-people]")?;
    let row = s.find("[data-testid=coverage-row]")?;
    let row_text = s.text(&row)?;
    let (key, expected) = after_removal
        .iter()
        .filter(|(k, _)| {
            let mut parts = k.split(" → ");
            let member = parts.next().unwrap_or_default();
            let person = parts.next().unwrap_or_default();
            row_text.contains(member) && row_text.contains(person)
        })
        .max_by_key(|(k, _)| k.len())
        .ok_or_else(|| format!("no expected value for the row {row_text:?}"))?;
    s.click_css("[data-testid=coverage-row] [data-testid=delete-button]")?;
    s.click_css("[data-testid=confirm-ok]")?;
    s.click_css("[data-testid=tab-analysis]")?;
    wait_coverage(&s, *expected).map_err(|e| format!("after deleting {key}: {e}"))?;
    assert!((expected - before).abs() > 1e-12 || key.is_empty());
    // Undo brings the tie and the number back.
    s.click_css("[data-testid=undo-button]")?;
    wait_coverage(&s, before)?;

    // The portfolio's nine-box puts Northwind in "invest to grow".
    s.click_css("[data-testid=nav-portfolio]")?;
    s.find("[data-testid=portfolio-page]")?;
    s.find("[data-testid=ninebox-bubble]")?;
    let inside = s.execute(
        "const cell = document.querySelector(
             '[data-testid=ninebox-cell][data-attractiveness=high][data-relationship=high]');
         const bubble = [...document.querySelectorAll('[data-testid=ninebox-bubble]')]
             .find((b) => b.textContent.includes('Northwind Telecom'));
         if (!cell || !bubble) return null;
         const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((k) => Number(cell.dataset[k]));
         const cx = Number(bubble.dataset.cx), cy = Number(bubble.dataset.cy);
         return cx >= x && cx <= x + w && cy >= y && cy <= y + h;",
        vec![],
    )?;
    assert_eq!(
        inside,
        serde_json::Value::Bool(true),
        "Northwind's bubble sits in the high/high cell"
    );
    assert_eq!(s.find_all("[data-testid=pareto-bar]")?.len(), 4);
    s.screenshot(&artifacts().join("portfolio.png"))?;
    Ok(())
}
