//! The foundation, end to end on the real app window: create an account, two people
//! and a tie; undo and redo the tie; a refused form writes nothing; quit, relaunch on
//! the same file, and find everything. Runs only when `RAPPORT_E2E` is set (by
//! `scripts/e2e.sh`, which starts Xvfb and tauri-driver).

use rapport_tests::{artifacts, env, launch, Session};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn open_account_people(s: &Session, name: &str) -> TestResult {
    let item = s.find_with_text("[data-testid=account-item]", name)?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", name)?;
    s.click_css("[data-testid=tab-people]")?;
    s.find("[data-testid=add-stakeholder-button]")?;
    Ok(())
}

fn add_person(s: &Session, name: &str, title: &str) -> TestResult {
    s.click_css("[data-testid=add-stakeholder-button]")?;
    s.fill("[data-testid=stakeholder-form] [name=name]", name)?;
    s.fill("[data-testid=stakeholder-form] [name=title]", title)?;
    s.click_css("[data-testid=stakeholder-form] [data-testid=form-save]")?;
    s.find_with_text("[data-testid=stakeholder-row]", name)?;
    Ok(())
}

#[test]
fn create_undo_redo_restart_and_find_everything() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let data_dir = dir.path().join("data");
    let file = dir.path().join("e2e.rapport");

    {
        let s = launch(&env, &data_dir, &file)?;
        assert!(s.title()?.contains("e2e.rapport") || s.title()?.contains("Rapport"));

        // A new account through the form.
        s.click_css("[data-testid=new-account-button]")?;
        s.fill("[data-testid=account-form] [name=name]", "E2E Holdings")?;
        s.click_css("[data-testid=account-form] [data-testid=form-save]")?;
        open_account_people(&s, "E2E Holdings")?;

        add_person(&s, "Ada Quist", "Chief Technology Officer")?;
        add_person(&s, "Bo Reyes", "Head of Procurement")?;

        // A refused form: the error shows beside the field and nothing is added.
        s.click_css("[data-testid=add-stakeholder-button]")?;
        s.fill("[data-testid=stakeholder-form] [name=name]", "Nobody")?;
        s.fill("[data-testid=stakeholder-form] [name=power]", "9")?;
        s.click_css("[data-testid=stakeholder-form] [data-testid=form-save]")?;
        s.find("[data-testid=field-error-power]")?;
        s.click_css("[data-testid=stakeholder-form] [data-testid=form-cancel]")?;
        s.wait_count("[data-testid=stakeholder-row]", 2)?;

        // An influence tie between the two.
        s.click_css("[data-testid=add-influence-button]")?;
        s.select_by_text(
            "[data-testid=influence-form] select[name=from_id]",
            "Ada Quist",
        )?;
        s.select_by_text(
            "[data-testid=influence-form] select[name=to_id]",
            "Bo Reyes",
        )?;
        s.fill("[data-testid=influence-form] [name=strength]", "4")?;
        s.click_css("[data-testid=influence-form] [data-testid=form-save]")?;
        let row = s.find("[data-testid=influence-row]")?;
        let text = s.text(&row)?;
        assert!(
            text.contains("Ada Quist") && text.contains("Bo Reyes"),
            "{text}"
        );

        s.click_css("[data-testid=undo-button]")?;
        s.wait_count("[data-testid=influence-row]", 0)?;
        s.click_css("[data-testid=redo-button]")?;
        s.wait_count("[data-testid=influence-row]", 1)?;
        s.screenshot(&artifacts().join("account-page.png"))?;
    } // the session ends: the app quits

    let s = launch(&env, &data_dir, &file)?;
    open_account_people(&s, "E2E Holdings")?;
    s.find_with_text("[data-testid=stakeholder-row]", "Ada Quist")?;
    s.find_with_text("[data-testid=stakeholder-row]", "Bo Reyes")?;
    s.wait_count("[data-testid=stakeholder-row]", 2)?;
    let row = s.find("[data-testid=influence-row]")?;
    assert!(s.text(&row)?.contains("Ada Quist"));
    s.screenshot(&artifacts().join("after-restart.png"))?;
    Ok(())
}

#[test]
fn first_start_opens_the_demo_workspace() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let data_dir = dir.path().join("data");
    let args = vec![
        "--data-dir".to_string(),
        data_dir.to_string_lossy().into_owned(),
    ];
    let s = Session::start(&env.driver, &env.app, &args)?;
    let item = s.find_with_text("[data-testid=account-item]", "Northwind Telecom")?;
    s.click(&item)?;
    s.click_css("[data-testid=tab-people]")?;
    let rows = s.wait_for("the demo's people", || {
        let rows = s.find_all("[data-testid=stakeholder-row]")?;
        Ok((rows.len() >= 25).then_some(rows))
    })?;
    assert!(rows.len() >= 25);
    s.screenshot(&artifacts().join("demo-people.png"))?;
    Ok(())
}
