//! The entities of the domain primer: each is an editable `…Fields` value (what a form
//! or an import supplies) and a saved record pairing it with its database id.

use serde::{Deserialize, Serialize};

use crate::vocab::{
    Attitude, BuyingRole, FactorAxis, InfluenceKind, InteractionKind, Sentiment, Stage, TeamRole,
    Tier,
};

/// Database row id. Ids are SQLite rowids: positive, and far below 2^53, so they cross
/// to TypeScript as plain numbers.
pub type Id = i64;

/// Declares a saved record: an id plus the entity's editable fields.
macro_rules! record {
    ($(#[$meta:meta])* $name:ident($fields:ident)) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub struct $name {
            pub id: Id,
            pub fields: $fields,
        }
    };
}

/// A portfolio axis factor (e.g. "growth potential") with its weight in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FactorFields {
    pub axis: FactorAxis,
    pub name: String,
    /// Relative weight (> 0) in the weighted mean of the axis.
    pub weight: f64,
}
record!(
    /// A saved factor.
    Factor(FactorFields)
);

/// An account's score (1–5) on one factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FactorScore {
    pub factor_id: Id,
    pub score: u8,
}

/// A customer organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountFields {
    pub name: String,
    pub industry: String,
    pub region: String,
    pub tier: Tier,
    /// Yearly revenue with us, in the workspace currency.
    pub annual_revenue: f64,
    /// Yearly margin with us, in the workspace currency.
    pub annual_margin: f64,
    /// Scores on the workspace's factors; factors without a score are unrated.
    pub factor_scores: Vec<FactorScore>,
    /// Inputs of the customer-lifetime-value estimate (the margin is `annual_margin`).
    #[serde(default)]
    pub clv: ClvInputs,
    pub notes: String,
}

/// Inputs of CLV = Σ_{t=1..T} m · r^(t−1) / (1+d)^t − acquisition cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClvInputs {
    /// r: the probability (0–1) that the account stays another year.
    pub retention: f64,
    /// d: the yearly discount rate (0–1).
    pub discount_rate: f64,
    /// T: years counted, 1–50.
    pub horizon_years: u32,
    /// Cost of winning the account, in the workspace currency.
    pub acquisition_cost: f64,
}

impl ClvInputs {
    pub const DEFAULT_RETENTION: f64 = 0.8;
    pub const DEFAULT_DISCOUNT_RATE: f64 = 0.1;
    pub const DEFAULT_HORIZON_YEARS: u32 = 10;
}

impl Default for ClvInputs {
    /// r = 0.8, d = 10%, T = 10 years, no acquisition cost.
    fn default() -> Self {
        ClvInputs {
            retention: Self::DEFAULT_RETENTION,
            discount_rate: Self::DEFAULT_DISCOUNT_RATE,
            horizon_years: Self::DEFAULT_HORIZON_YEARS,
            acquisition_cost: 0.0,
        }
    }
}
record!(
    /// A saved account.
    Account(AccountFields)
);

/// A division or department inside an account; units nest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrgUnitFields {
    pub account_id: Id,
    pub name: String,
    pub parent_id: Option<Id>,
}
record!(
    /// A saved org unit.
    OrgUnit(OrgUnitFields)
);

/// A person at the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StakeholderFields {
    pub account_id: Id,
    pub name: String,
    pub title: String,
    pub org_unit_id: Option<Id>,
    /// Solid reporting line.
    pub reports_to: Option<Id>,
    /// Secondary (dotted) reporting line.
    pub dotted_to: Option<Id>,
    /// Buying roles held, without duplicates.
    pub roles: Vec<BuyingRole>,
    /// The decider with the final budget say (at most one per account).
    pub economic_buyer: bool,
    /// Someone inside who guides us.
    pub coach: bool,
    pub attitude: Attitude,
    /// Formal power 1–5.
    pub power: u8,
    /// Interest in the deal 1–5.
    pub interest: u8,
    pub org_needs: String,
    pub personal_wins: String,
    /// Last contact date `YYYY-MM-DD`, if known.
    pub last_contact: Option<String>,
    pub notes: String,
    /// A known position whose holder we do not know yet ("CFO – unknown").
    pub placeholder: bool,
}
record!(
    /// A saved stakeholder.
    Stakeholder(StakeholderFields)
);

/// A directed tie: `from` influences `to`'s view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InfluenceFields {
    pub account_id: Id,
    pub from_id: Id,
    pub to_id: Id,
    /// 1–5; weight w = strength / 5.
    pub strength: u8,
    pub kind: InfluenceKind,
    pub note: String,
}
record!(
    /// A saved influence tie.
    Influence(InfluenceFields)
);

/// A person on our side; team members belong to the workspace and may cover
/// stakeholders in several accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamMemberFields {
    pub name: String,
    pub role: TeamRole,
}
record!(
    /// A saved team member.
    TeamMember(TeamMemberFields)
);

/// A tie from one of our team members to a stakeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CoverageFields {
    pub team_member_id: Id,
    pub stakeholder_id: Id,
    /// 1–5; weight w = strength / 5.
    pub strength: u8,
    pub last_contact: Option<String>,
    pub note: String,
}
record!(
    /// A saved coverage tie.
    Coverage(CoverageFields)
);

/// A dated touchpoint with an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InteractionFields {
    pub account_id: Id,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub kind: InteractionKind,
    pub stakeholder_ids: Vec<Id>,
    pub team_member_ids: Vec<Id>,
    pub summary: String,
    pub sentiment: Sentiment,
}
record!(
    /// A saved interaction.
    Interaction(InteractionFields)
);

/// The account's partnership stage from `date` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageChangeFields {
    pub account_id: Id,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub stage: Stage,
    pub evidence: String,
}
record!(
    /// A saved stage change.
    StageChange(StageChangeFields)
);

/// Everything the app shows about one account, read in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountDetail {
    pub account: Account,
    pub org_units: Vec<OrgUnit>,
    pub stakeholders: Vec<Stakeholder>,
    pub influences: Vec<Influence>,
    /// Coverage ties whose stakeholder belongs to this account.
    pub coverage: Vec<Coverage>,
    pub interactions: Vec<Interaction>,
    /// Ordered by date.
    pub stage_changes: Vec<StageChange>,
}

/// A line of the accounts sidebar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountSummary {
    pub id: Id,
    pub name: String,
    pub tier: Tier,
    pub industry: String,
    pub region: String,
    pub annual_revenue: f64,
    pub annual_margin: f64,
    pub stakeholder_count: u32,
    /// The current stage (last change), if any.
    pub stage: Option<Stage>,
}

/// The stage at date `t` is the last change at or before `t` (dates are ISO strings,
/// which order correctly as text).
pub fn stage_at<'a>(
    changes: impl IntoIterator<Item = &'a StageChange>,
    date: &str,
) -> Option<Stage> {
    changes
        .into_iter()
        .filter(|c| c.fields.date.as_str() <= date)
        .max_by(|a, b| a.fields.date.cmp(&b.fields.date).then(a.id.cmp(&b.id)))
        .map(|c| c.fields.stage)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(id: Id, date: &str, stage: Stage) -> StageChange {
        StageChange {
            id,
            fields: StageChangeFields {
                account_id: 1,
                date: date.into(),
                stage,
                evidence: String::new(),
            },
        }
    }

    #[test]
    fn stage_at_takes_the_last_change_at_or_before_the_date() {
        let changes = [
            change(1, "2023-01-10", Stage::Exploratory),
            change(2, "2024-03-01", Stage::Cooperative),
            change(3, "2023-06-01", Stage::Basic),
        ];
        assert_eq!(stage_at(&changes, "2022-12-31"), None);
        assert_eq!(stage_at(&changes, "2023-01-10"), Some(Stage::Exploratory));
        assert_eq!(stage_at(&changes, "2023-12-31"), Some(Stage::Basic));
        assert_eq!(stage_at(&changes, "2026-01-01"), Some(Stage::Cooperative));
    }
}
