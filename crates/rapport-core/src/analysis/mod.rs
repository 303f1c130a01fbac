//! The analyses of the domain primer (1–12), pure and deterministic.
//!
//! `graph` holds the hot algorithms on compact adjacency arrays; `network` turns an
//! account's records into dense indices; `account` runs the per-account analyses
//! (1–8) on it, `paths` finds introduction paths, `portfolio` the portfolio ones
//! (9–11), `stages` the stage analytics (12) and `timeline` the portfolio's
//! stages and nine-box positions over time.

pub mod account;
pub mod compare;
pub mod graph;
mod leave_one_out;
pub mod network;
mod paths;
pub mod portfolio;
pub mod stages;
pub mod timeline;

pub use account::{
    account_headline, analyze_account, introduction_paths, what_if, AccountAnalysis,
    AccountHeadline, AccountInput, AnalysisError, Faction, IntroPath, KeyPerson, PersonRef, Risk,
    RiskKind, RoleCoverage, StakeholderDelta, StakeholderScore, WhatIf,
};
pub use compare::{
    compare_accounts, AccountComparison, AccountState, AttitudeChange, Delta, TieChange,
};
pub use network::{weight, Removal};
pub use portfolio::{
    analyze_portfolio, clv, clv_with_retention_shift, pareto, Level, NineBox, Pareto, ParetoRow,
    PortfolioAccount, PortfolioAnalysis, Strategy,
};
pub use stages::{
    stage_analytics, stage_distribution, Regression, StageAnalytics, StageCount, StageSpan,
    StageTime,
};
pub use timeline::{
    portfolio_stages, portfolio_timeline, portfolio_trails, quarter_ends, AccountAsOf,
    AccountStages, AccountTrail, HistorySpan, Movement, PortfolioRegression, PortfolioStages,
    PortfolioTimeline, QuarterState, StageAverage, StageHistory, TimelineLane, TrailPoint,
};
