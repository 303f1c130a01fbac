//! `timeline`: one account's partnership-stage history (changes with their dates and
//! evidence, regressions marked, the current stage's age), as text or JSON; and the
//! readable form of `portfolio --trails`.

use std::io::Write;
use std::path::Path;

use rapport_core::analysis::{stage_analytics, AccountTrail, StageAnalytics};
use rapport_core::validate::parse_date;
use rapport_core::{AccountDetail, StageChange};
use serde_json::{json, Value};

use crate::analysis::{load_when, When};
use crate::error::CliError;
use crate::output::table;

/// One stage change as the timeline shows it.
struct Line<'a> {
    change: &'a StageChange,
    /// The stage before it (none for the first).
    previous: Option<rapport_core::Stage>,
    regression: bool,
    /// Days until the next change (or until today); `None` for a change dated after today.
    days: Option<i64>,
}

/// The account's changes in date order (then id) with the stage before each, the
/// regressions marked and the days spent (from the spans, which are in the same order
/// and reach up to `today`).
fn lines<'a>(
    detail: &'a AccountDetail,
    stages: &StageAnalytics,
    today: chrono::NaiveDate,
) -> Vec<Line<'a>> {
    let mut ordered: Vec<&StageChange> = detail.stage_changes.iter().collect();
    ordered.sort_by(|a, b| a.fields.date.cmp(&b.fields.date).then(a.id.cmp(&b.id)));
    let mut spans = stages.spans.iter();
    let mut previous = None;
    ordered
        .into_iter()
        .map(|change| {
            let counted = parse_date(&change.fields.date).is_some_and(|d| d <= today);
            let line = Line {
                change,
                previous,
                regression: stages.regressions.iter().any(|r| r.change_id == change.id),
                days: if counted {
                    spans.next().map(|s| s.days)
                } else {
                    None
                },
            };
            previous = Some(change.fields.stage);
            line
        })
        .collect()
}

/// `rapport timeline --account NAME [--json] [--today DATE] [--as-of DATE]`.
pub fn timeline(
    path: &Path,
    account: &str,
    json: bool,
    when: When,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (detail, _) = load_when(path, account, when)?;
    let today = when.today;
    let stages = stage_analytics(&detail.stage_changes, today);
    let rows = lines(&detail, &stages, today);
    let today_s = today.format("%Y-%m-%d").to_string();
    if json {
        let value = json!({
            "account": detail.account.fields.name,
            "account_id": detail.account.id,
            "today": today_s,
            "current": stages.current,
            "since": stages.since,
            "current_age_days": stages.current_age_days,
            "changes": rows.iter().map(|l| json!({
                "id": l.change.id,
                "date": l.change.fields.date,
                "stage": l.change.fields.stage,
                "from": l.previous,
                "evidence": l.change.fields.evidence,
                "days": l.days,
                "regression": l.regression,
                "after_today": l.days.is_none(),
            })).collect::<Vec<Value>>(),
            "regressions": stages.regressions,
            "time_in_stage": stages.time_in_stage,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} — partnership stages (as of {today_s})",
        detail.account.fields.name
    )?;
    if rows.is_empty() {
        writeln!(out, "No stage recorded yet.")?;
        return Ok(());
    }
    writeln!(out)?;
    let table_rows: Vec<[String; 4]> = rows
        .iter()
        .map(|l| {
            let stage = l.change.fields.stage.to_string();
            [
                l.change.fields.date.clone(),
                if l.regression {
                    format!("{stage} ▼ regression")
                } else {
                    stage
                },
                l.days.map_or("after today".into(), |d| d.to_string()),
                l.change.fields.evidence.clone(),
            ]
        })
        .collect();
    table(
        out,
        &["DATE", "STAGE", "DAYS", "EVIDENCE"],
        &table_rows,
        &[false, false, true, false],
    )?;
    writeln!(out)?;
    if let (Some(stage), Some(since), Some(age)) =
        (stages.current, &stages.since, stages.current_age_days)
    {
        writeln!(out, "Current stage: {stage} since {since} ({age} days).")?;
    }
    match stages.regressions.len() {
        0 => writeln!(out, "No regressions.")?,
        n => writeln!(
            out,
            "{n} regression(s): {}.",
            stages
                .regressions
                .iter()
                .map(|r| format!("{} {} → {}", r.date, r.from, r.to))
                .collect::<Vec<_>>()
                .join("; ")
        )?,
    }
    Ok(())
}

/// The readable form of the trails: one line per account, its positions oldest first
/// as (attractiveness, relationship).
pub fn trails_text(
    out: &mut impl Write,
    trails: &[AccountTrail],
    names: &dyn Fn(rapport_core::Id) -> String,
) -> Result<(), CliError> {
    writeln!(
        out,
        "Quarterly positions (attractiveness, relationship), oldest first:"
    )?;
    for trail in trails {
        let points: Vec<String> = trail
            .points
            .iter()
            .map(|p| {
                format!(
                    "{} ({:.2}, {:.2})",
                    p.date, p.attractiveness, p.relationship
                )
            })
            .collect();
        let shown = if points.is_empty() {
            "not placed in these quarters".to_string()
        } else {
            points.join(" → ")
        };
        writeln!(out, "  {}: {shown}", names(trail.account_id))?;
    }
    Ok(())
}
