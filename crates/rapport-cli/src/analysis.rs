//! `analyze`, `path`, `what-if` and `portfolio`: read the workspace, run the analyses
//! of `rapport_core::analysis`, print JSON (the documented contract) or a table.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rapport_core::analysis::{
    analyze_account, analyze_portfolio, introduction_paths, what_if, AccountAnalysis, AccountInput,
    IntroPath, PersonRef, PortfolioAnalysis, Removal, WhatIf,
};
use rapport_core::{AccountDetail, TeamMember};
use rapport_store::Workspace;
use serde_json::{json, Value};

use crate::error::CliError;
use crate::output::{money, table};

/// The date an analysis is as of (`--as-of`, the present if none) and the date
/// staleness is measured against (`--today`, else the as-of date, else today).
#[derive(Debug, Clone, Copy)]
pub struct When {
    pub as_of: Option<NaiveDate>,
    pub today: NaiveDate,
}

impl When {
    pub fn new(today: Option<NaiveDate>, as_of: Option<NaiveDate>) -> Self {
        When {
            as_of,
            today: today_or(today.or(as_of)),
        }
    }

    /// The workspace at `path`, or its past state as of the date asked for.
    fn open(self, path: &Path) -> Result<Workspace, CliError> {
        let ws = Workspace::open(path)?;
        Ok(match self.as_of {
            Some(date) => ws.snapshot_as_of(date)?,
            None => ws,
        })
    }
}

/// The account named `name` (exact, else the one differing only in letter case),
/// with the workspace's team.
fn load(path: &Path, name: &str) -> Result<(AccountDetail, Vec<TeamMember>), CliError> {
    load_when(path, name, When::new(None, None))
}

/// [`load`] as of a date: the account must have existed then, under that name.
pub(crate) fn load_when(
    path: &Path,
    name: &str,
    when: When,
) -> Result<(AccountDetail, Vec<TeamMember>), CliError> {
    let ws = when.open(path)?;
    let Some(id) = ws.account_named(name)? else {
        let known = ws.list_accounts()?.into_iter().map(|a| a.name).collect();
        return Err(match when.as_of {
            Some(date) => CliError::UnknownAccountAsOf {
                name: name.to_string(),
                date,
                known,
            },
            None => CliError::UnknownAccount {
                name: name.to_string(),
                known,
            },
        });
    };
    Ok((ws.account_detail(id)?, ws.list_team_members()?))
}

fn today_or(date: Option<NaiveDate>) -> NaiveDate {
    date.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Finds a person by name: exact first, then case-insensitive; stakeholders before
/// team members (team members only when `team` is allowed).
fn find_person(
    detail: &AccountDetail,
    team: &[TeamMember],
    name: &str,
    allow_team: bool,
) -> Result<Removal, CliError> {
    let covering: Vec<&TeamMember> = team
        .iter()
        .filter(|m| {
            detail
                .coverage
                .iter()
                .any(|c| c.fields.team_member_id == m.id)
        })
        .collect();
    let mut candidates: Vec<(String, Removal)> = detail
        .stakeholders
        .iter()
        .map(|s| (s.fields.name.clone(), Removal::Stakeholder(s.id)))
        .collect();
    if allow_team {
        candidates.extend(
            covering
                .iter()
                .map(|m| (m.fields.name.clone(), Removal::TeamMember(m.id))),
        );
    }
    let trimmed = name.trim();
    let exact: Vec<&(String, Removal)> = candidates.iter().filter(|c| c.0 == trimmed).collect();
    let found = if exact.is_empty() {
        let lower = trimmed.to_lowercase();
        candidates
            .iter()
            .filter(|c| c.0.to_lowercase() == lower)
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(one.1),
        [] => {
            let lower = trimmed.to_lowercase();
            let similar: Vec<String> = candidates
                .iter()
                .filter(|c| c.0.to_lowercase().contains(&lower))
                .map(|c| c.0.clone())
                .collect();
            Err(CliError::UnknownPerson {
                name: name.to_string(),
                account: detail.account.fields.name.clone(),
                similar,
            })
        }
        _ => Err(CliError::AmbiguousPerson {
            name: name.to_string(),
            count: found.len(),
        }),
    }
}

fn names(people: &[PersonRef]) -> Vec<String> {
    people.iter().map(|p| p.name.clone()).collect()
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn signed(x: f64) -> String {
    format!("{x:+.2}")
}

fn print_json(out: &mut impl Write, value: &Value) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)?;
    writeln!(out, "{text}")?;
    Ok(())
}

/// `rapport analyze --account NAME [--json] [--today DATE] [--as-of DATE]`.
pub fn analyze(
    path: &Path,
    account: &str,
    json: bool,
    when: When,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (detail, team) = load_when(path, account, when)?;
    let r = analyze_account(&AccountInput {
        detail: &detail,
        team: &team,
        today: when.today,
    });
    if json {
        print_json(out, &analysis_json(&r))
    } else {
        analysis_text(out, &r)
    }
}

/// The documented JSON of `analyze`.
pub fn analysis_json(r: &AccountAnalysis) -> Value {
    json!({
        "account": r.account,
        "today": r.today,
        "account_coverage": r.account_coverage,
        "support_balance": r.support_balance,
        "stakeholders": r.stakeholders.iter().map(|s| json!({
            "id": s.id,
            "name": s.name,
            "title": s.title,
            "network_influence": s.network_influence,
            "brokerage": s.brokerage,
            "blended_influence": s.blended_influence,
            "coverage": s.coverage,
            "attitude": s.attitude,
            "power": s.power,
            "roles": s.roles,
            "economic_buyer": s.economic_buyer,
            "hidden_influencer": s.hidden_influencer,
        })).collect::<Vec<_>>(),
        "role_coverage": r.role_coverage.iter().map(|c| json!({
            "role": c.role,
            "holders": names(&c.holders),
            "best_coverage": c.best_coverage,
            "uncovered": c.uncovered,
            "support_balance": c.support_balance,
        })).collect::<Vec<_>>(),
        "risks": r.risks.iter().map(|x| json!({
            "kind": x.kind,
            "people": names(&x.people),
            "reason": x.reason,
            "value": x.value,
        })).collect::<Vec<_>>(),
        "factions": r.factions.iter().map(|f| json!({
            "members": names(&f.members),
            "mean_attitude": f.mean_attitude,
            "total_influence": f.total_influence,
        })).collect::<Vec<_>>(),
        "key_person": r.key_person.as_ref().map(|k| json!({
            "name": k.person.name,
            "team": k.person.team,
            "coverage_drop": k.coverage_drop,
            "flagged": k.flagged,
        })),
    })
}

fn analysis_text(out: &mut impl Write, r: &AccountAnalysis) -> Result<(), CliError> {
    writeln!(out, "{} (as of {})", r.account, r.today)?;
    writeln!(
        out,
        "Account coverage {}   Support balance {}",
        pct(r.account_coverage),
        signed(r.support_balance)
    )?;
    writeln!(out)?;
    if r.stakeholders.is_empty() {
        writeln!(out, "No stakeholders yet.")?;
        return Ok(());
    }
    let rows: Vec<[String; 7]> = r
        .stakeholders
        .iter()
        .map(|s| {
            [
                s.name.clone(),
                format!("{:.2}", s.blended_influence),
                format!("{:.3}", s.network_influence),
                format!("{:.3}", s.brokerage),
                pct(s.coverage),
                s.attitude.to_string(),
                if s.hidden_influencer {
                    "hidden influencer".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    table(
        out,
        &[
            "STAKEHOLDER",
            "INFLUENCE",
            "NETWORK",
            "BROKERAGE",
            "COVERAGE",
            "ATTITUDE",
            "",
        ],
        &rows,
        &[false, true, true, true, true, false, false],
    )?;
    writeln!(out)?;
    let rows: Vec<[String; 4]> = r
        .role_coverage
        .iter()
        .map(|c| {
            [
                c.role.to_string(),
                pct(c.best_coverage),
                if c.uncovered {
                    "uncovered".into()
                } else {
                    String::new()
                },
                names(&c.holders).join(", "),
            ]
        })
        .collect();
    table(
        out,
        &["ROLE", "BEST COVERAGE", "", "HELD BY"],
        &rows,
        &[false, true, false, false],
    )?;
    writeln!(out)?;
    if r.risks.is_empty() {
        writeln!(out, "No risks flagged.")?;
    } else {
        writeln!(out, "Risks:")?;
        for x in &r.risks {
            writeln!(out, "  - {}: {}", x.kind.code(), x.reason)?;
        }
    }
    if !r.factions.is_empty() {
        writeln!(out)?;
        writeln!(out, "Factions:")?;
        for (i, f) in r.factions.iter().enumerate() {
            writeln!(
                out,
                "  {}. attitude {}, influence {:.2}: {}",
                i + 1,
                signed(f.mean_attitude),
                f.total_influence,
                names(&f.members).join(", ")
            )?;
        }
    }
    Ok(())
}

/// `rapport path --account NAME --to PERSON [--k N] [--json]`.
pub fn path(
    path: &Path,
    account: &str,
    to: &str,
    k: usize,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (detail, team) = load(path, account)?;
    let target = match find_person(&detail, &team, to, false)? {
        Removal::Stakeholder(id) => id,
        Removal::TeamMember(_) => {
            return Err(CliError::Internal(
                "a team member was returned where only stakeholders were searched".into(),
            ))
        }
    };
    let input = AccountInput {
        detail: &detail,
        team: &team,
        today: today_or(None),
    };
    let paths = introduction_paths(&input, target, k)?;
    if json {
        return print_json(out, &paths_json(&paths));
    }
    if paths.is_empty() {
        writeln!(
            out,
            "No introduction path to {to}: nobody on our team reaches them through the ties recorded."
        )?;
        return Ok(());
    }
    for (i, p) in paths.iter().enumerate() {
        writeln!(
            out,
            "{}. {}  (strength {:.3})",
            i + 1,
            names(&p.people).join(" → "),
            p.strength
        )?;
    }
    Ok(())
}

/// The documented JSON of `path`: `[{ "people": [...], "strength": f64 }]`, best first.
pub fn paths_json(paths: &[IntroPath]) -> Value {
    Value::Array(
        paths
            .iter()
            .map(|p| json!({ "people": names(&p.people), "strength": p.strength }))
            .collect(),
    )
}

/// `rapport what-if --account NAME --without PERSON [--json]`.
pub fn what_if_command(
    path: &Path,
    account: &str,
    without: &str,
    json: bool,
    today: Option<NaiveDate>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let (detail, team) = load(path, account)?;
    let removal = find_person(&detail, &team, without, true)?;
    let w = what_if(
        &AccountInput {
            detail: &detail,
            team: &team,
            today: today_or(today),
        },
        removal,
    )?;
    if json {
        print_json(out, &what_if_json(&w))
    } else {
        what_if_text(out, &w)
    }
}

pub fn what_if_json(w: &WhatIf) -> Value {
    json!({
        "removed": w.removed.name,
        "removed_is_team_member": w.removed.team,
        "account_coverage_before": w.account_coverage_before,
        "account_coverage_after": w.account_coverage_after,
        "account_coverage_delta": w.account_coverage_after - w.account_coverage_before,
        "support_balance_before": w.support_balance_before,
        "support_balance_after": w.support_balance_after,
        "support_balance_delta": w.support_balance_after - w.support_balance_before,
        "newly_uncovered_roles": w.newly_uncovered_roles,
        "stakeholders": w.stakeholders.iter().map(|d| json!({
            "name": d.person.name,
            "blended_influence_before": d.blended_before,
            "blended_influence_after": d.blended_after,
            "coverage_before": d.coverage_before,
            "coverage_after": d.coverage_after,
            "best_path_before": d.best_path_before,
            "best_path_after": d.best_path_after,
        })).collect::<Vec<_>>(),
    })
}

fn what_if_text(out: &mut impl Write, w: &WhatIf) -> Result<(), CliError> {
    writeln!(out, "Without {}:", w.removed.name)?;
    writeln!(
        out,
        "  account coverage {} → {} ({})",
        pct(w.account_coverage_before),
        pct(w.account_coverage_after),
        signed(w.account_coverage_after - w.account_coverage_before)
    )?;
    writeln!(
        out,
        "  support balance  {} → {} ({})",
        signed(w.support_balance_before),
        signed(w.support_balance_after),
        signed(w.support_balance_after - w.support_balance_before)
    )?;
    if !w.newly_uncovered_roles.is_empty() {
        let roles: Vec<String> = w
            .newly_uncovered_roles
            .iter()
            .map(|r| r.to_string())
            .collect();
        writeln!(out, "  newly uncovered roles: {}", roles.join(", "))?;
    }
    let changed: Vec<[String; 4]> = w
        .stakeholders
        .iter()
        .filter(|d| {
            (d.blended_after - d.blended_before).abs() > 5e-3
                || d.coverage_after != d.coverage_before
                || (d.best_path_after - d.best_path_before).abs() > 5e-3
        })
        .take(10)
        .map(|d| {
            [
                d.person.name.clone(),
                format!("{:.2} → {:.2}", d.blended_before, d.blended_after),
                format!("{} → {}", pct(d.coverage_before), pct(d.coverage_after)),
                format!("{:.2} → {:.2}", d.best_path_before, d.best_path_after),
            ]
        })
        .collect();
    if changed.is_empty() {
        writeln!(out, "  nobody else changes noticeably")?;
        return Ok(());
    }
    writeln!(out)?;
    table(
        out,
        &["STAKEHOLDER", "INFLUENCE", "COVERAGE", "BEST PATH"],
        &changed,
        &[false, true, true, true],
    )
}

/// `rapport portfolio [--json] [--today DATE] [--as-of DATE] [--trails [--quarters N]]`.
/// The trails reach back from the as-of date (else `--today`, else today) and follow
/// the accounts of the portfolio shown.
pub fn portfolio(
    path: &Path,
    json: bool,
    when: When,
    trails: Option<u32>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let ws = Workspace::open(path)?;
    let past = when.as_of.map(|date| ws.snapshot_as_of(date)).transpose()?;
    let view = past.as_ref().unwrap_or(&ws);
    let details = view.all_account_details()?;
    let team = view.list_team_members()?;
    let factors = view.list_factors()?;
    let p = analyze_portfolio(&details, &team, &factors, when.today);
    let trails = match trails {
        Some(quarters) => {
            let ids: Vec<rapport_core::Id> = details.iter().map(|d| d.account.id).collect();
            let from = when.as_of.unwrap_or(when.today);
            Some(ws.portfolio_trails_of(&ids, quarters, from)?)
        }
        None => None,
    };
    if json {
        // The portfolio's own fields in their order, then `trails` if asked for.
        #[derive(serde::Serialize)]
        struct WithTrails<'a> {
            #[serde(flatten)]
            portfolio: &'a PortfolioAnalysis,
            #[serde(skip_serializing_if = "Option::is_none")]
            trails: Option<&'a [rapport_core::analysis::AccountTrail]>,
        }
        let text = serde_json::to_string_pretty(&WithTrails {
            portfolio: &p,
            trails: trails.as_deref(),
        })?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    portfolio_text(out, &p)?;
    if let Some(trails) = trails {
        writeln!(out)?;
        let name = |id: rapport_core::Id| {
            details
                .iter()
                .find(|d| d.account.id == id)
                .map_or_else(|| id.to_string(), |d| d.account.fields.name.clone())
        };
        crate::timeline::trails_text(out, &trails, &name)?;
    }
    Ok(())
}

fn portfolio_text(out: &mut impl Write, p: &PortfolioAnalysis) -> Result<(), CliError> {
    if p.accounts.is_empty() {
        writeln!(out, "No accounts.")?;
        return Ok(());
    }
    let score = |x: Option<f64>| x.map_or("-".into(), |v| format!("{v:.2}"));
    let rows: Vec<[String; 9]> = p
        .accounts
        .iter()
        .map(|a| {
            [
                a.name.clone(),
                score(a.attractiveness),
                score(a.relationship),
                a.nine_box
                    .map_or("not placed".into(), |b| b.strategy.code().replace('_', " ")),
                money(a.annual_revenue),
                money(a.clv),
                a.stage.map_or("-".into(), |s| s.to_string()),
                pct(a.account_coverage),
                a.risk_count.to_string(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "ACCOUNT",
            "ATTRACT.",
            "RELATION.",
            "STRATEGY",
            "REVENUE",
            "CLV",
            "STAGE",
            "COVERAGE",
            "RISKS",
        ],
        &rows,
        &[false, true, true, false, true, true, false, true, true],
    )?;
    writeln!(out)?;
    for (label, pareto) in [("revenue", &p.revenue), ("margin", &p.margin)] {
        match pareto.top20_share {
            Some(share) => writeln!(
                out,
                "Top 20% of accounts ({}) bring {} of {label}; {} account(s) give 80%.",
                pareto.top20_count,
                pct(share),
                pareto.vital_few.len()
            )?,
            None => writeln!(out, "No positive {label} recorded.")?,
        }
    }
    Ok(())
}
