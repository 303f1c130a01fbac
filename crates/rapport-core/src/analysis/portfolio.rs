//! Portfolio analyses (primer 9–11): nine-box placement and strategy, Pareto by
//! revenue and margin, customer lifetime value; plus each account's headline numbers.

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::analysis::account::{account_headline, AccountInput};
use crate::analysis::stages::{stage_analytics, stage_distribution, StageCount};
use crate::model::{Account, AccountDetail, ClvInputs, Factor, FactorScore, Id, TeamMember};
use crate::vocab::{FactorAxis, Stage, Tier};

/// Cuts of the nine-box axes: below 2.33 is low, from 3.67 on is high.
pub const LOW_CUT: f64 = 2.33;
pub const HIGH_CUT: f64 = 3.67;

/// A nine-box axis band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    /// Band of a 1–5 axis score.
    pub fn of(score: f64) -> Level {
        if score < LOW_CUT {
            Level::Low
        } else if score >= HIGH_CUT {
            Level::High
        } else {
            Level::Medium
        }
    }
}

/// The strategy a nine-box cell suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// High attractiveness, high relationship.
    InvestToGrow,
    /// High attractiveness, low relationship: selective investment.
    BuildRelationship,
    /// Low attractiveness, high relationship: maintain efficiently, harvest.
    MaintainEfficiently,
    /// Low attractiveness, low relationship: minimal service or withdraw.
    MinimalService,
    /// The middle cells.
    DevelopSelectively,
}

impl Strategy {
    /// The strategy of a cell (attractiveness band, relationship band).
    pub fn of(attractiveness: Level, relationship: Level) -> Strategy {
        match (attractiveness, relationship) {
            (Level::High, Level::High) => Strategy::InvestToGrow,
            (Level::High, Level::Low) => Strategy::BuildRelationship,
            (Level::Low, Level::High) => Strategy::MaintainEfficiently,
            (Level::Low, Level::Low) => Strategy::MinimalService,
            _ => Strategy::DevelopSelectively,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Strategy::InvestToGrow => "invest_to_grow",
            Strategy::BuildRelationship => "build_relationship",
            Strategy::MaintainEfficiently => "maintain_efficiently",
            Strategy::MinimalService => "minimal_service",
            Strategy::DevelopSelectively => "develop_selectively",
        }
    }
}

/// An account's nine-box cell.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NineBox {
    pub attractiveness: Level,
    pub relationship: Level,
    pub strategy: Strategy,
}

/// Weighted mean of the account's scores on the factors of `axis` (unrated factors
/// are left out); `None` when no factor of the axis is rated.
pub fn axis_score(account: &Account, factors: &[Factor], axis: FactorAxis) -> Option<f64> {
    axis_score_of(&account.fields.factor_scores, factors, axis)
}

/// [`axis_score`] of a list of factor scores.
pub fn axis_score_of(scores: &[FactorScore], factors: &[Factor], axis: FactorAxis) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for score in scores {
        if let Some(f) = factors
            .iter()
            .find(|f| f.id == score.factor_id && f.fields.axis == axis)
        {
            num += f.fields.weight * f64::from(score.score);
            den += f.fields.weight;
        }
    }
    (den > 0.0).then(|| num / den)
}

/// CLV = Σ_{t=1..T} m · r^(t−1) / (1+d)^t − acquisition cost.
pub fn clv(margin: f64, inputs: &ClvInputs) -> f64 {
    let mut total = 0.0;
    let mut retained = 1.0;
    let mut discount = 1.0;
    for _ in 1..=inputs.horizon_years {
        discount *= 1.0 + inputs.discount_rate;
        total += margin * retained / discount;
        retained *= inputs.retention;
    }
    total - inputs.acquisition_cost
}

/// The retention step of the CLV sensitivity view.
pub const RETENTION_SHIFT: f64 = 0.10;

/// CLV with the retention moved by `shift` (the result clamped to 0–1), the other
/// inputs unchanged.
pub fn clv_with_retention_shift(margin: f64, inputs: &ClvInputs, shift: f64) -> f64 {
    let shifted = ClvInputs {
        retention: (inputs.retention + shift).clamp(0.0, 1.0),
        ..inputs.clone()
    };
    clv(margin, &shifted)
}

/// One line of a Pareto table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ParetoRow {
    pub account_id: Id,
    pub name: String,
    pub value: f64,
    /// value / total (`None` when the total is not positive).
    pub share: Option<f64>,
    pub cumulative_share: Option<f64>,
}

/// Accounts sorted by a value, with the 80/20 figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Pareto {
    pub total: f64,
    /// Highest value first.
    pub rows: Vec<ParetoRow>,
    /// ⌈20% of the accounts⌉.
    pub top20_count: u32,
    /// Share of the total from those top accounts.
    pub top20_share: Option<f64>,
    /// The smallest set of accounts (the top ones) giving at least 80% of the total.
    pub vital_few: Vec<Id>,
}

/// Pareto analysis of `(id, name, value)`.
pub fn pareto(items: &[(Id, &str, f64)]) -> Pareto {
    let mut sorted: Vec<&(Id, &str, f64)> = items.iter().collect();
    sorted.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then_with(|| a.1.cmp(b.1))
            .then(a.0.cmp(&b.0))
    });
    let total: f64 = sorted.iter().map(|i| i.2).sum();
    let positive = total > 0.0;
    let mut running = 0.0;
    let mut rows = Vec::with_capacity(sorted.len());
    let mut vital_few = Vec::new();
    let mut reached = false;
    for &&(id, name, value) in &sorted {
        running += value;
        if positive && !reached {
            vital_few.push(id);
            // A tiny tolerance so that exactly 80% counts despite rounding.
            reached = running / total >= 0.8 - 1e-12;
        }
        rows.push(ParetoRow {
            account_id: id,
            name: name.to_string(),
            value,
            share: positive.then(|| value / total),
            cumulative_share: positive.then(|| running / total),
        });
    }
    let top20_count = if items.is_empty() {
        0
    } else {
        items.len().div_ceil(5)
    };
    let top20_share =
        positive.then(|| sorted.iter().take(top20_count).map(|i| i.2).sum::<f64>() / total);
    Pareto {
        total,
        rows,
        top20_count: top20_count as u32,
        top20_share,
        vital_few,
    }
}

/// One account in the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PortfolioAccount {
    pub account_id: Id,
    pub name: String,
    pub tier: Tier,
    pub annual_revenue: f64,
    pub annual_margin: f64,
    /// Weighted mean of the attractiveness factor scores (1–5).
    pub attractiveness: Option<f64>,
    /// Weighted mean of the relationship factor scores (1–5).
    pub relationship: Option<f64>,
    /// `None` until both axes have a rated factor.
    pub nine_box: Option<NineBox>,
    pub clv: f64,
    /// CLV with the retention 0.10 lower (clamped to 0–1), other inputs unchanged.
    pub clv_retention_down: f64,
    /// CLV with the retention 0.10 higher (clamped to 0–1), other inputs unchanged.
    pub clv_retention_up: f64,
    pub clv_inputs: ClvInputs,
    pub stage: Option<Stage>,
    pub stage_age_days: Option<i64>,
    pub regressions: u32,
    pub stakeholder_count: u32,
    pub account_coverage: f64,
    pub support_balance: f64,
    pub risk_count: u32,
}

/// The portfolio page's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PortfolioAnalysis {
    pub today: String,
    /// In the order given (the sidebar's order).
    pub accounts: Vec<PortfolioAccount>,
    pub revenue: Pareto,
    pub margin: Pareto,
    /// Accounts by stage today.
    pub stages: Vec<StageCount>,
}

/// Analyses every account (in parallel) and the portfolio as a whole.
pub fn analyze_portfolio(
    details: &[AccountDetail],
    team: &[TeamMember],
    factors: &[Factor],
    today: NaiveDate,
) -> PortfolioAnalysis {
    let accounts: Vec<PortfolioAccount> = details
        .par_iter()
        .map(|detail| {
            let analysis = account_headline(&AccountInput {
                detail,
                team,
                today,
            });
            let stages = stage_analytics(&detail.stage_changes, today);
            let account = &detail.account;
            let attractiveness = axis_score(account, factors, FactorAxis::Attractiveness);
            let relationship = axis_score(account, factors, FactorAxis::Relationship);
            let nine_box = attractiveness.zip(relationship).map(|(a, r)| {
                let (a, r) = (Level::of(a), Level::of(r));
                NineBox {
                    attractiveness: a,
                    relationship: r,
                    strategy: Strategy::of(a, r),
                }
            });
            PortfolioAccount {
                account_id: account.id,
                name: account.fields.name.clone(),
                tier: account.fields.tier,
                annual_revenue: account.fields.annual_revenue,
                annual_margin: account.fields.annual_margin,
                attractiveness,
                relationship,
                nine_box,
                clv: clv(account.fields.annual_margin, &account.fields.clv),
                clv_retention_down: clv_with_retention_shift(
                    account.fields.annual_margin,
                    &account.fields.clv,
                    -RETENTION_SHIFT,
                ),
                clv_retention_up: clv_with_retention_shift(
                    account.fields.annual_margin,
                    &account.fields.clv,
                    RETENTION_SHIFT,
                ),
                clv_inputs: account.fields.clv.clone(),
                stage: stages.current,
                stage_age_days: stages.current_age_days,
                regressions: stages.regressions.len() as u32,
                stakeholder_count: detail.stakeholders.len() as u32,
                account_coverage: analysis.account_coverage,
                support_balance: analysis.support_balance,
                risk_count: analysis.risks.len() as u32,
            }
        })
        .collect();
    let revenue: Vec<(Id, &str, f64)> = details
        .iter()
        .map(|d| {
            (
                d.account.id,
                d.account.fields.name.as_str(),
                d.account.fields.annual_revenue,
            )
        })
        .collect();
    let margin: Vec<(Id, &str, f64)> = details
        .iter()
        .map(|d| {
            (
                d.account.id,
                d.account.fields.name.as_str(),
                d.account.fields.annual_margin,
            )
        })
        .collect();
    let date = today.format("%Y-%m-%d").to_string();
    let stages = stage_distribution(
        details
            .iter()
            .map(|d| (d.account.id, d.stage_changes.as_slice())),
        &date,
    );
    PortfolioAnalysis {
        today: date,
        accounts,
        revenue: pareto(&revenue),
        margin: pareto(&margin),
        stages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_cut_at_2_33_and_3_67() {
        assert_eq!(Level::of(1.0), Level::Low);
        assert_eq!(Level::of(2.329), Level::Low);
        assert_eq!(Level::of(2.33), Level::Medium);
        assert_eq!(Level::of(7.0 / 3.0), Level::Medium);
        assert_eq!(Level::of(11.0 / 3.0), Level::Medium);
        assert_eq!(Level::of(3.67), Level::High);
        assert_eq!(Level::of(5.0), Level::High);
    }

    #[test]
    fn strategies_follow_the_primer() {
        use Level::*;
        assert_eq!(Strategy::of(High, High), Strategy::InvestToGrow);
        assert_eq!(Strategy::of(High, Low), Strategy::BuildRelationship);
        assert_eq!(Strategy::of(Low, High), Strategy::MaintainEfficiently);
        assert_eq!(Strategy::of(Low, Low), Strategy::MinimalService);
        for (a, r) in [
            (High, Medium),
            (Medium, High),
            (Medium, Medium),
            (Medium, Low),
            (Low, Medium),
        ] {
            assert_eq!(Strategy::of(a, r), Strategy::DevelopSelectively);
        }
    }

    #[test]
    fn clv_by_hand() {
        // m = 100, r = 0.5, d = 0.25, T = 2: 100/1.25 + 100·0.5/1.5625 − 10 = 80 + 32 − 10.
        let inputs = ClvInputs {
            retention: 0.5,
            discount_rate: 0.25,
            horizon_years: 2,
            acquisition_cost: 10.0,
        };
        assert!((clv(100.0, &inputs) - 102.0).abs() < 1e-12);
        // Defaults: r = 0.8, d = 0.1, T = 10, no acquisition cost.
        let d = ClvInputs::default();
        let by_sum: f64 = (1..=10)
            .map(|t| 1000.0 * 0.8f64.powi(t - 1) / 1.1f64.powi(t))
            .sum();
        assert!((clv(1000.0, &d) - by_sum).abs() < 1e-9);
    }

    #[test]
    fn clv_sensitivity_moves_retention_by_a_tenth_and_clamps() {
        // m = 100, r = 0.5 ± 0.1, d = 0.25, T = 2, cost 10.
        let inputs = ClvInputs {
            retention: 0.5,
            discount_rate: 0.25,
            horizon_years: 2,
            acquisition_cost: 10.0,
        };
        // r = 0.4: 80 + 100·0.4/1.5625 − 10 = 80 + 25.6 − 10.
        let down = clv_with_retention_shift(100.0, &inputs, -RETENTION_SHIFT);
        assert!((down - 95.6).abs() < 1e-9, "{down}");
        // r = 0.6: 80 + 38.4 − 10.
        let up = clv_with_retention_shift(100.0, &inputs, RETENTION_SHIFT);
        assert!((up - 108.4).abs() < 1e-9, "{up}");
        let high = ClvInputs {
            retention: 0.95,
            ..inputs.clone()
        };
        let at_one = ClvInputs {
            retention: 1.0,
            ..inputs.clone()
        };
        assert_eq!(
            clv_with_retention_shift(100.0, &high, RETENTION_SHIFT),
            clv(100.0, &at_one)
        );
        let low = ClvInputs {
            retention: 0.05,
            ..inputs
        };
        // r clamped to 0: only the first year counts: 80 − 10.
        assert!((clv_with_retention_shift(100.0, &low, -RETENTION_SHIFT) - 70.0).abs() < 1e-9);
    }

    #[test]
    fn pareto_by_hand() {
        let items = [
            (1, "a", 10.0),
            (2, "b", 50.0),
            (3, "c", 30.0),
            (4, "d", 5.0),
            (5, "e", 5.0),
        ];
        let p = pareto(&items);
        assert_eq!(p.total, 100.0);
        let order: Vec<Id> = p.rows.iter().map(|r| r.account_id).collect();
        assert_eq!(order, vec![2, 3, 1, 4, 5]);
        assert_eq!(p.rows[1].cumulative_share, Some(0.8));
        assert_eq!(p.top20_count, 1);
        assert_eq!(p.top20_share, Some(0.5));
        assert_eq!(p.vital_few, vec![2, 3], "50 + 30 reaches exactly 80%");
        let empty = pareto(&[]);
        assert_eq!((empty.top20_count, empty.top20_share), (0, None));
        let zero = pareto(&[(1, "a", 0.0)]);
        assert_eq!(zero.rows[0].share, None);
        assert!(zero.vital_few.is_empty());
    }
}
