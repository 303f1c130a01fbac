//! Disk full, end to end on the real window: the workspace is capped a few pages above
//! its size (`RAPPORT_TEST_MAX_PAGES`, the same `max_page_count` SQLite enforces when a
//! disk fills), a new account with long notes does not fit, and the app says the disk is
//! full, keeps what the user typed in the open form, lists only what is stored, and the
//! file holds nothing of the failed action.

use rapport_store::Workspace;
use rapport_tests::{artifacts, env, launch_with, Session};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn sidebar_names(s: &Session) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let v = s.execute(
        "return [...document.querySelectorAll('[data-testid=account-item]')].map(e => e.textContent);",
        vec![],
    )?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

#[test]
fn a_full_disk_refuses_the_edit_says_so_and_shows_what_is_stored() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("full.rapport");
    let today = chrono::Local::now().date_naive();
    let accounts_before = {
        let mut ws = Workspace::create(&file)?;
        rapport_store::demo::write_demo(&mut ws, today)?;
        ws.list_accounts()?.len()
    };
    // closed and checkpointed: the file is exactly its pages
    let pages = std::fs::metadata(&file)?.len() / 4096;
    let cap = (pages + 2).to_string();

    {
        let s = launch_with(
            &env,
            &dir.path().join("data"),
            &file,
            &[("RAPPORT_TEST_MAX_PAGES", cap.as_str())],
        )?;
        let before = sidebar_names(&s)?;
        assert_eq!(before.len(), accounts_before);

        s.click_css("[data-testid=new-account-button]")?;
        s.fill(
            "[data-testid=account-form] [name=name]",
            "Overflow Holdings",
        )?;
        // 20,000 characters (the most a note may hold) of three-byte text: ~60 KB,
        // more than the two free pages
        s.execute(
            "const t = document.querySelector('[data-testid=account-form] textarea[name=notes]');
             t.value = '满'.repeat(20000);
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )?;
        s.click_css("[data-testid=account-form] [data-testid=form-save]")?;
        let banner = s.find_with_text("[data-testid=error-banner]", "disk is full")?;
        let text = s.text(&banner)?;
        assert!(
            text.contains("your last change was not saved"),
            "the banner says what happened: {text:?}"
        );
        s.screenshot(&artifacts().join("disk-full.png"))?;
        // nothing the user typed is lost: the form is still open with it
        let kept = s.execute(
            "const f = document.querySelector('[data-testid=account-form]');
             return f ? [f.querySelector('[name=name]').value, f.querySelector('textarea[name=notes]').value.length] : null;",
            vec![],
        )?;
        assert_eq!(kept, serde_json::json!(["Overflow Holdings", 20000]));
        s.click_css("[data-testid=account-form] [data-testid=form-cancel]")?;
        // the sidebar shows what is stored: no new account
        let after = sidebar_names(&s)?;
        assert_eq!(after, before, "the refused account is not listed");
        assert!(!after.iter().any(|n| n.contains("Overflow")));
    }

    let ws = Workspace::open(&file)?;
    assert_eq!(ws.integrity_check()?, "ok");
    let names: Vec<String> = ws.list_accounts()?.into_iter().map(|a| a.name).collect();
    assert_eq!(
        names.len(),
        accounts_before,
        "nothing of the failed action is stored: {names:?}"
    );
    assert!(!names.iter().any(|n| n.contains("Overflow")));
    Ok(())
}
