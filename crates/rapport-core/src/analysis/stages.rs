//! Stage analytics (primer 12): time spent in each stage, the current stage's age,
//! regressions, and the distribution of accounts by stage at a date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{stage_at, Id, StageChange};
use crate::validate::parse_date;
use crate::vocab::Stage;

/// A period an account spent in one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageSpan {
    pub stage: Stage,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    /// The next change's date; `None` while it is the current stage.
    pub to: Option<String>,
    /// Whole days from `from` to `to` (or to today for the current stage).
    pub days: i64,
}

/// Total days in one stage, over all its periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageTime {
    pub stage: Stage,
    pub days: i64,
}

/// A move to a lower stage, or into disintegration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Regression {
    pub change_id: Id,
    pub date: String,
    pub from: Stage,
    pub to: Stage,
    pub evidence: String,
}

/// One account's stage history, analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageAnalytics {
    /// The stage today (changes dated after today are not counted yet).
    pub current: Option<Stage>,
    /// When the current stage began.
    pub since: Option<String>,
    /// Days in the current stage, up to today.
    pub current_age_days: Option<i64>,
    /// Periods in date order, up to today.
    pub spans: Vec<StageSpan>,
    /// Days per stage (every stage, zero when never reached), in stage order.
    pub time_in_stage: Vec<StageTime>,
    pub regressions: Vec<Regression>,
}

/// Analyses an account's stage changes (in any order) as of `today`.
pub fn stage_analytics(changes: &[StageChange], today: NaiveDate) -> StageAnalytics {
    let mut ordered: Vec<(&StageChange, NaiveDate)> = changes
        .iter()
        .filter_map(|c| parse_date(&c.fields.date).map(|d| (c, d)))
        .filter(|(_, d)| *d <= today)
        .collect();
    ordered.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.id.cmp(&b.0.id)));

    let mut spans = Vec::with_capacity(ordered.len());
    let mut regressions = Vec::new();
    for (i, (change, start)) in ordered.iter().enumerate() {
        let next = ordered.get(i + 1);
        let end = next.map_or(today, |(_, d)| *d);
        spans.push(StageSpan {
            stage: change.fields.stage,
            from: change.fields.date.clone(),
            to: next.map(|(c, _)| c.fields.date.clone()),
            days: (end - *start).num_days(),
        });
        if i > 0 {
            let previous = ordered[i - 1].0.fields.stage;
            if previous.is_regression_to(change.fields.stage) {
                regressions.push(Regression {
                    change_id: change.id,
                    date: change.fields.date.clone(),
                    from: previous,
                    to: change.fields.stage,
                    evidence: change.fields.evidence.clone(),
                });
            }
        }
    }
    let time_in_stage = Stage::ALL
        .iter()
        .map(|&stage| StageTime {
            stage,
            days: spans
                .iter()
                .filter(|s| s.stage == stage)
                .map(|s| s.days)
                .sum(),
        })
        .collect();
    let last = spans.last();
    StageAnalytics {
        current: last.map(|s| s.stage),
        since: last.map(|s| s.from.clone()),
        current_age_days: last.map(|s| s.days),
        spans,
        time_in_stage,
        regressions,
    }
}

/// How many accounts were in a stage at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageCount {
    /// `None`: no stage recorded yet at that date.
    pub stage: Option<Stage>,
    pub count: u32,
    pub accounts: Vec<Id>,
}

/// The distribution of accounts by stage at `date` (`YYYY-MM-DD`): one line per
/// stage in order, then the accounts without a stage yet.
pub fn stage_distribution<'a>(
    accounts: impl IntoIterator<Item = (Id, &'a [StageChange])>,
    date: &str,
) -> Vec<StageCount> {
    let mut lines: Vec<StageCount> = Stage::ALL
        .iter()
        .map(|&s| Some(s))
        .chain(std::iter::once(None))
        .map(|stage| StageCount {
            stage,
            count: 0,
            accounts: Vec::new(),
        })
        .collect();
    for (id, changes) in accounts {
        let stage = stage_at(changes, date);
        if let Some(line) = lines.iter_mut().find(|l| l.stage == stage) {
            line.count += 1;
            line.accounts.push(id);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StageChangeFields;

    fn change(id: Id, date: &str, stage: Stage) -> StageChange {
        StageChange {
            id,
            fields: StageChangeFields {
                account_id: 1,
                date: date.into(),
                stage,
                evidence: format!("e{id}"),
            },
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn time_in_stage_current_age_and_regressions_by_hand() {
        let changes = [
            change(3, "2024-03-01", Stage::Basic),
            change(1, "2024-01-01", Stage::Exploratory),
            change(2, "2024-02-01", Stage::Cooperative),
            change(4, "2030-01-01", Stage::Integrated),
        ];
        let a = stage_analytics(&changes, day("2024-03-11"));
        // Jan: 31 days exploratory; Feb 2024: 29 days cooperative; 10 days basic.
        assert_eq!(a.current, Some(Stage::Basic));
        assert_eq!(a.since.as_deref(), Some("2024-03-01"));
        assert_eq!(a.current_age_days, Some(10));
        let days: Vec<i64> = a.time_in_stage.iter().map(|t| t.days).collect();
        assert_eq!(days, vec![31, 10, 29, 0, 0, 0]);
        assert_eq!(a.regressions.len(), 1);
        assert_eq!(a.regressions[0].from, Stage::Cooperative);
        assert_eq!(a.regressions[0].to, Stage::Basic);
        assert_eq!(a.spans.len(), 3, "the future change is not counted yet");
    }

    #[test]
    fn no_changes_means_no_stage() {
        let a = stage_analytics(&[], day("2024-01-01"));
        assert_eq!(a.current, None);
        assert_eq!(a.current_age_days, None);
        assert!(a.time_in_stage.iter().all(|t| t.days == 0));
    }

    #[test]
    fn distribution_at_a_date() {
        let one = [change(1, "2024-01-01", Stage::Basic)];
        let two = [
            change(2, "2023-01-01", Stage::Basic),
            change(3, "2024-06-01", Stage::Cooperative),
        ];
        let dist = stage_distribution([(10, &one[..]), (20, &two[..])], "2024-03-01");
        assert_eq!(dist[1].stage, Some(Stage::Basic));
        assert_eq!(dist[1].count, 2);
        let dist = stage_distribution([(10, &one[..]), (20, &two[..])], "2023-06-01");
        assert_eq!(dist[1].accounts, vec![20]);
        assert_eq!(dist[6].stage, None);
        assert_eq!(dist[6].accounts, vec![10]);
    }
}
