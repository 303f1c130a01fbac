//! The partnership-stage timeline across the portfolio (primer 9 and 12 over time):
//! one lane per account with its stage changes and how it moved between two dates,
//! each account's quarterly nine-box position (its trail), the portfolio's stage
//! figures at a date, and the shapes the "as of" commands answer with. Pure: the
//! store supplies the accounts (and, for trails, the past snapshots).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::analysis::account::AccountAnalysis;
use crate::analysis::portfolio::axis_score_of;
use crate::analysis::stages::{
    stage_analytics, stage_distribution, Regression, StageAnalytics, StageCount,
};
use crate::model::{
    stage_at, AccountDetail, AccountSummary, Factor, FactorScore, Id, StageChange, TeamMember,
};
use crate::vocab::{FactorAxis, Stage, Tier};

/// How an account's stage at `to` compares with its stage at `from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// A higher stage (or out of disintegration).
    Forward,
    /// A lower stage, or into disintegration.
    Back,
    Same,
    /// No stage at `from`, a stage at `to`.
    Started,
    /// No stage at `to`.
    NoStage,
}

impl Movement {
    /// The move from the stage at `from` to the stage at `to`.
    pub fn between(from: Option<Stage>, to: Option<Stage>) -> Movement {
        match (from, to) {
            (_, None) => Movement::NoStage,
            (None, Some(_)) => Movement::Started,
            (Some(a), Some(b)) if a == b => Movement::Same,
            (Some(a), Some(b)) if a.is_regression_to(b) => Movement::Back,
            (Some(_), Some(_)) => Movement::Forward,
        }
    }
}

/// One account's lane on the portfolio timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TimelineLane {
    pub account_id: Id,
    pub name: String,
    pub tier: Tier,
    pub annual_revenue: f64,
    /// Every stage change, in date order (then id).
    pub stage_changes: Vec<StageChange>,
    pub stage_at_from: Option<Stage>,
    pub stage_at_to: Option<Stage>,
    pub movement: Movement,
    /// Every regression in the account's history up to today.
    pub regressions: Vec<Regression>,
}

/// The portfolio timeline between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PortfolioTimeline {
    pub from: String,
    pub to: String,
    pub today: String,
    /// In the order given (the sidebar's order).
    pub lanes: Vec<TimelineLane>,
}

/// An account's nine-box position at a quarter's end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrailPoint {
    /// The quarter's last day, `YYYY-MM-DD`.
    pub date: String,
    pub attractiveness: f64,
    pub relationship: f64,
}

/// An account's quarterly positions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountTrail {
    pub account_id: Id,
    /// Oldest first; a quarter is left out when the account did not exist then or
    /// one of its axes was unrated.
    pub points: Vec<TrailPoint>,
}

/// The mean time accounts spent in one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageAverage {
    pub stage: Stage,
    /// Mean days over the accounts that spent time (at least a day) in the stage;
    /// `None` when none did.
    pub mean_days: Option<f64>,
    pub accounts: u32,
}

/// A regression, with its account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PortfolioRegression {
    pub account_id: Id,
    pub name: String,
    pub regression: Regression,
}

/// The portfolio's stage figures at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PortfolioStages {
    pub date: String,
    /// Accounts by stage at `date` (as [`stage_distribution`]).
    pub distribution: Vec<StageCount>,
    /// One line per stage in stage order; time counted up to `date`.
    pub average_days: Vec<StageAverage>,
    /// Every regression up to `date`, newest first.
    pub regressions: Vec<PortfolioRegression>,
}

/// How far back the workspace's history reaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistorySpan {
    /// The earliest local date with a history event; `None` without history.
    pub earliest: Option<String>,
    pub today: String,
}

/// One account, everything as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountAsOf {
    pub date: String,
    pub detail: AccountDetail,
    pub team: Vec<TeamMember>,
    pub analysis: AccountAnalysis,
    pub stages: StageAnalytics,
}

/// An account with its stage changes: what the timeline views read. Implemented by
/// the full [`AccountDetail`] and by the lighter [`AccountStages`] (the sidebar line
/// and the stage changes only, which the store reads in a fraction of the time).
pub trait StageHistory {
    fn account_id(&self) -> Id;
    fn name(&self) -> &str;
    fn tier(&self) -> Tier;
    fn annual_revenue(&self) -> f64;
    fn stage_changes(&self) -> &[StageChange];
}

impl StageHistory for AccountDetail {
    fn account_id(&self) -> Id {
        self.account.id
    }
    fn name(&self) -> &str {
        &self.account.fields.name
    }
    fn tier(&self) -> Tier {
        self.account.fields.tier
    }
    fn annual_revenue(&self) -> f64 {
        self.account.fields.annual_revenue
    }
    fn stage_changes(&self) -> &[StageChange] {
        &self.stage_changes
    }
}

/// An account's sidebar line with its stage changes.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountStages {
    pub account: AccountSummary,
    pub stage_changes: Vec<StageChange>,
}

impl StageHistory for AccountStages {
    fn account_id(&self) -> Id {
        self.account.id
    }
    fn name(&self) -> &str {
        &self.account.name
    }
    fn tier(&self) -> Tier {
        self.account.tier
    }
    fn annual_revenue(&self) -> f64 {
        self.account.annual_revenue
    }
    fn stage_changes(&self) -> &[StageChange] {
        &self.stage_changes
    }
}

/// `YYYY-MM-DD`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The stage changes in date order, then id (dates that do not parse sort as text,
/// which for `YYYY-MM-DD` is the same order).
fn ordered(changes: &[StageChange]) -> Vec<StageChange> {
    let mut out = changes.to_vec();
    out.sort_by(|a, b| a.fields.date.cmp(&b.fields.date).then(a.id.cmp(&b.id)));
    out
}

/// One lane per account (in the order given) between `from` and `to`; regressions
/// are counted up to `today`.
pub fn portfolio_timeline<A: StageHistory>(
    accounts: &[A],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> PortfolioTimeline {
    let (from_s, to_s) = (format_date(from), format_date(to));
    let lanes = accounts
        .iter()
        .map(|a| {
            let changes = a.stage_changes();
            let stage_at_from = stage_at(changes, &from_s);
            let stage_at_to = stage_at(changes, &to_s);
            TimelineLane {
                account_id: a.account_id(),
                name: a.name().to_string(),
                tier: a.tier(),
                annual_revenue: a.annual_revenue(),
                stage_changes: ordered(changes),
                stage_at_from,
                stage_at_to,
                movement: Movement::between(stage_at_from, stage_at_to),
                regressions: stage_analytics(changes, today).regressions,
            }
        })
        .collect();
    PortfolioTimeline {
        from: from_s,
        to: to_s,
        today: format_date(today),
        lanes,
    }
}

/// The last day of the calendar quarter holding `date`.
fn quarter_end(date: NaiveDate) -> NaiveDate {
    let last_month = (date.month0() / 3) * 3 + 3;
    let first_of_next = if last_month == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), last_month + 1, 1)
    };
    first_of_next
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// The ends of the last `n` calendar quarters completed before `today` (their last
/// day earlier than `today`), oldest first.
pub fn quarter_ends(today: NaiveDate, n: u32) -> Vec<NaiveDate> {
    let mut ends = Vec::with_capacity(n as usize);
    // The quarter before today's: its end is the day before today's quarter began.
    let mut end = quarter_end(today);
    if end >= today {
        // Today's quarter is not complete: step back to the previous one.
        let start = quarter_start(end);
        match start.pred_opt() {
            Some(prev) => end = prev,
            None => return ends,
        }
    }
    for _ in 0..n {
        ends.push(end);
        match quarter_start(end).pred_opt() {
            Some(prev) => end = prev,
            None => break,
        }
    }
    ends.reverse();
    ends
}

/// The first day of the quarter holding `date`.
fn quarter_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), (date.month0() / 3) * 3 + 1, 1).unwrap_or(date)
}

/// The portfolio as it was at one quarter's end: each account that existed then with
/// its factor scores, and the factors (with their weights) of the time.
#[derive(Debug, Clone, Copy)]
pub struct QuarterState<'a> {
    pub date: NaiveDate,
    pub scores: &'a HashMap<Id, Vec<FactorScore>>,
    pub factors: &'a [Factor],
}

/// Each account of `accounts` (in that order) with its position at each quarter end
/// of `quarters` (given oldest first).
pub fn portfolio_trails(accounts: &[Id], quarters: &[QuarterState<'_>]) -> Vec<AccountTrail> {
    accounts
        .iter()
        .map(|&id| AccountTrail {
            account_id: id,
            points: quarters
                .iter()
                .filter_map(|q| {
                    let scores = q.scores.get(&id)?;
                    let a = axis_score_of(scores, q.factors, FactorAxis::Attractiveness)?;
                    let r = axis_score_of(scores, q.factors, FactorAxis::Relationship)?;
                    Some(TrailPoint {
                        date: format_date(q.date),
                        attractiveness: a,
                        relationship: r,
                    })
                })
                .collect(),
        })
        .collect()
}

/// The distribution by stage at `date`, the mean time in each stage and every
/// regression up to `date`.
pub fn portfolio_stages<A: StageHistory>(accounts: &[A], date: NaiveDate) -> PortfolioStages {
    let date_s = format_date(date);
    let distribution = stage_distribution(
        accounts.iter().map(|a| (a.account_id(), a.stage_changes())),
        &date_s,
    );
    let analytics: Vec<(&A, StageAnalytics)> = accounts
        .iter()
        .map(|a| (a, stage_analytics(a.stage_changes(), date)))
        .collect();
    let average_days = Stage::ALL
        .iter()
        .map(|&stage| {
            let days: Vec<i64> = analytics
                .iter()
                .filter_map(|(_, a)| a.time_in_stage.iter().find(|t| t.stage == stage))
                .map(|t| t.days)
                .filter(|&d| d > 0)
                .collect();
            StageAverage {
                stage,
                mean_days: (!days.is_empty())
                    .then(|| days.iter().sum::<i64>() as f64 / days.len() as f64),
                accounts: days.len() as u32,
            }
        })
        .collect();
    let mut regressions: Vec<PortfolioRegression> = analytics
        .iter()
        .flat_map(|(account, a)| {
            a.regressions.iter().map(|r| PortfolioRegression {
                account_id: account.account_id(),
                name: account.name().to_string(),
                regression: r.clone(),
            })
        })
        .collect();
    regressions.sort_by(|a, b| {
        b.regression
            .date
            .cmp(&a.regression.date)
            .then(b.regression.change_id.cmp(&a.regression.change_id))
    });
    PortfolioStages {
        date: date_s,
        distribution,
        average_days,
        regressions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Account, AccountFields, ClvInputs, FactorFields, FactorScore, StageChangeFields,
    };

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn change(id: Id, account: Id, date: &str, stage: Stage) -> StageChange {
        StageChange {
            id,
            fields: StageChangeFields {
                account_id: account,
                date: date.into(),
                stage,
                evidence: format!("e{id}"),
            },
        }
    }

    fn detail(id: Id, name: &str, changes: Vec<StageChange>, scores: &[(Id, u8)]) -> AccountDetail {
        AccountDetail {
            account: Account {
                id,
                fields: AccountFields {
                    name: name.into(),
                    industry: String::new(),
                    region: String::new(),
                    tier: Tier::Key,
                    annual_revenue: 100.0 * id as f64,
                    annual_margin: 10.0,
                    factor_scores: scores
                        .iter()
                        .map(|&(factor_id, score)| FactorScore { factor_id, score })
                        .collect(),
                    clv: ClvInputs::default(),
                    notes: String::new(),
                },
            },
            org_units: vec![],
            stakeholders: vec![],
            influences: vec![],
            coverage: vec![],
            interactions: vec![],
            stage_changes: changes,
        }
    }

    fn factor(id: Id, axis: FactorAxis, weight: f64) -> Factor {
        Factor {
            id,
            fields: FactorFields {
                axis,
                name: format!("f{id}"),
                weight,
            },
        }
    }

    #[test]
    fn movement_between_stages() {
        use Stage::*;
        assert_eq!(Movement::between(None, None), Movement::NoStage);
        assert_eq!(Movement::between(None, Some(Basic)), Movement::Started);
        assert_eq!(Movement::between(Some(Basic), Some(Basic)), Movement::Same);
        assert_eq!(
            Movement::between(Some(Basic), Some(Cooperative)),
            Movement::Forward
        );
        assert_eq!(
            Movement::between(Some(Cooperative), Some(Basic)),
            Movement::Back
        );
        assert_eq!(
            Movement::between(Some(Exploratory), Some(Disintegrating)),
            Movement::Back,
            "into disintegration is back even from stage 1"
        );
        assert_eq!(
            Movement::between(Some(Disintegrating), Some(Basic)),
            Movement::Forward
        );
    }

    #[test]
    fn lanes_keep_order_sort_changes_and_compare_the_two_dates() {
        let a = detail(
            7,
            "Zeta",
            vec![
                change(3, 7, "2024-06-01", Stage::Basic),
                change(1, 7, "2024-01-01", Stage::Exploratory),
                change(2, 7, "2024-03-01", Stage::Cooperative),
            ],
            &[],
        );
        let b = detail(
            2,
            "Alpha",
            vec![change(9, 2, "2024-05-01", Stage::Basic)],
            &[],
        );
        let t = portfolio_timeline(
            &[a, b],
            day("2024-04-01"),
            day("2024-07-01"),
            day("2024-12-31"),
        );
        assert_eq!(t.from, "2024-04-01");
        assert_eq!(t.today, "2024-12-31");
        let ids: Vec<Id> = t.lanes.iter().map(|l| l.account_id).collect();
        assert_eq!(ids, vec![7, 2], "the order given, not by name");
        let zeta = &t.lanes[0];
        let order: Vec<Id> = zeta.stage_changes.iter().map(|c| c.id).collect();
        assert_eq!(order, vec![1, 2, 3]);
        assert_eq!(zeta.stage_at_from, Some(Stage::Cooperative));
        assert_eq!(zeta.stage_at_to, Some(Stage::Basic));
        assert_eq!(zeta.movement, Movement::Back);
        assert_eq!(zeta.regressions.len(), 1);
        assert_eq!(zeta.regressions[0].change_id, 3);
        let alpha = &t.lanes[1];
        assert_eq!(alpha.stage_at_from, None);
        assert_eq!(alpha.movement, Movement::Started);
        assert_eq!(alpha.annual_revenue, 200.0);
    }

    #[test]
    fn regressions_after_today_are_not_counted() {
        let a = detail(
            1,
            "A",
            vec![
                change(1, 1, "2024-01-01", Stage::Cooperative),
                change(2, 1, "2025-01-01", Stage::Basic),
            ],
            &[],
        );
        let t = portfolio_timeline(
            std::slice::from_ref(&a),
            day("2024-01-01"),
            day("2024-02-01"),
            day("2024-06-01"),
        );
        assert!(t.lanes[0].regressions.is_empty());
        assert_eq!(
            t.lanes[0].stage_changes.len(),
            2,
            "the lane shows every change"
        );
        assert_eq!(t.lanes[0].movement, Movement::Same);
    }

    #[test]
    fn quarter_ends_are_completed_quarters_oldest_first() {
        let q = quarter_ends(day("2026-11-23"), 4);
        let s: Vec<String> = q.into_iter().map(format_date).collect();
        assert_eq!(s, ["2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"]);
        // A quarter's last day is not completed before itself.
        let q = quarter_ends(day("2026-09-30"), 2);
        assert_eq!(q, vec![day("2026-03-31"), day("2026-06-30")]);
        let q = quarter_ends(day("2026-10-01"), 1);
        assert_eq!(q, vec![day("2026-09-30")]);
        let q = quarter_ends(day("2026-01-01"), 2);
        assert_eq!(q, vec![day("2025-09-30"), day("2025-12-31")]);
        assert!(quarter_ends(day("2026-01-01"), 0).is_empty());
        assert_eq!(quarter_ends(day("2026-05-15"), 40).len(), 40);
    }

    #[test]
    fn trails_skip_quarters_without_the_account_or_a_rated_axis() {
        let factors = [
            factor(1, FactorAxis::Attractiveness, 1.0),
            factor(2, FactorAxis::Relationship, 1.0),
            factor(3, FactorAxis::Relationship, 3.0),
        ];
        let scores = |list: &[(Id, u8)]| -> Vec<FactorScore> {
            list.iter()
                .map(|&(factor_id, score)| FactorScore { factor_id, score })
                .collect()
        };
        // Relationship unrated in Q1.
        let q1: HashMap<Id, Vec<FactorScore>> = [(1, scores(&[(1, 4)]))].into();
        let q2: HashMap<Id, Vec<FactorScore>> = [
            (1, scores(&[(1, 4), (2, 1), (3, 5)])),
            (2, scores(&[(1, 2), (2, 2)])),
        ]
        .into();
        let quarters = [
            QuarterState {
                date: day("2026-03-31"),
                scores: &q1,
                factors: &factors,
            },
            QuarterState {
                date: day("2026-06-30"),
                scores: &q2,
                factors: &factors,
            },
        ];
        let trails = portfolio_trails(&[2, 1, 99], &quarters);
        assert_eq!(trails.len(), 3);
        assert_eq!(trails[0].account_id, 2);
        assert_eq!(trails[0].points.len(), 1, "B did not exist in Q1");
        assert_eq!(trails[1].points.len(), 1, "A was unrated in Q1");
        let p = &trails[1].points[0];
        assert_eq!(p.date, "2026-06-30");
        assert_eq!(p.attractiveness, 4.0);
        // (1·1 + 3·5) / 4 = 4.0
        assert!((p.relationship - 4.0).abs() < 1e-12);
        assert!(trails[2].points.is_empty());
    }

    #[test]
    fn stages_at_a_date_averages_and_newest_regressions_first() {
        let a = detail(
            1,
            "A",
            vec![
                change(1, 1, "2024-01-01", Stage::Basic),
                change(2, 1, "2024-01-11", Stage::Cooperative),
                change(3, 1, "2024-02-10", Stage::Basic),
                change(6, 1, "2024-12-01", Stage::Disintegrating),
            ],
            &[],
        );
        let b = detail(
            2,
            "B",
            vec![
                change(4, 2, "2024-01-01", Stage::Cooperative),
                change(5, 2, "2024-01-21", Stage::Disintegrating),
            ],
            &[],
        );
        let c = detail(3, "C", vec![change(7, 3, "2024-03-01", Stage::Basic)], &[]);
        let s = portfolio_stages(&[a, b, c], day("2024-03-01"));
        assert_eq!(s.date, "2024-03-01");
        let basic = s
            .distribution
            .iter()
            .find(|l| l.stage == Some(Stage::Basic));
        assert_eq!(basic.map(|l| l.accounts.clone()), Some(vec![1, 3]));
        let avg = |stage: Stage| {
            s.average_days
                .iter()
                .find(|a| a.stage == stage)
                .cloned()
                .expect("line")
        };
        // Basic: A 10 + 20 (Feb 10 → Mar 1) = 30 days; C entered today: 0, not counted.
        assert_eq!(avg(Stage::Basic).accounts, 1);
        assert_eq!(avg(Stage::Basic).mean_days, Some(30.0));
        // Cooperative: A 30, B 20.
        assert_eq!(avg(Stage::Cooperative).accounts, 2);
        assert_eq!(avg(Stage::Cooperative).mean_days, Some(25.0));
        assert_eq!(avg(Stage::Integrated).mean_days, None);
        assert_eq!(s.average_days.len(), Stage::ALL.len());
        // Regressions up to the date, newest first; A's disintegration is later.
        let r: Vec<(Id, Id)> = s
            .regressions
            .iter()
            .map(|r| (r.account_id, r.regression.change_id))
            .collect();
        assert_eq!(r, vec![(1, 3), (2, 5)]);
        assert_eq!(s.regressions[0].name, "A");
    }
}
