// NOT the real analysis engine (that is rapport-core, in Rust): a small TypeScript version of the
// primer's analyses for the in-memory demo backend only (`npm run dev` in a browser, component
// tests), so that the Analysis tab and the Portfolio page render internally consistent numbers.
// This file: analyses 9–12 across the portfolio (nine-box, Pareto, CLV, stages today).
import type {
  AccountDetail, ClvInputs, Factor, Level, Pareto, PortfolioAccount, PortfolioAnalysis, Stage, StageChange, StageCount,
  Strategy, TeamMember,
} from '../bindings';
import { analyzeAccount } from './accountAnalysis';
import { days, todayIso } from './network';

const STAGES: readonly Stage[] = ['exploratory', 'basic', 'cooperative', 'interdependent', 'integrated', 'disintegrating'];
export const CLV_DEFAULTS: ClvInputs = { retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0 };

function level(score: number): Level {
  return score < 2.33 ? 'low' : score >= 3.67 ? 'high' : 'medium';
}

function strategy(a: Level, r: Level): Strategy {
  if (a === 'high' && r === 'high') return 'invest_to_grow';
  if (a === 'high' && r === 'low') return 'build_relationship';
  if (a === 'low' && r === 'high') return 'maintain_efficiently';
  if (a === 'low' && r === 'low') return 'minimal_service';
  return 'develop_selectively';
}

export function clv(margin: number, inputs: ClvInputs): number {
  let total = 0;
  let retained = 1;
  let discount = 1;
  for (let t = 1; t <= inputs.horizon_years; t++) {
    discount *= 1 + (inputs.discount_rate ?? 0);
    total += (margin * retained) / discount;
    retained *= inputs.retention ?? 0;
  }
  return total - (inputs.acquisition_cost ?? 0);
}

function pareto(items: { id: number; name: string; value: number }[]): Pareto {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name) || a.id - b.id);
  const total = sorted.reduce((s, i) => s + i.value, 0);
  const positive = total > 0;
  let running = 0;
  let reached = false;
  const vital_few: number[] = [];
  const rows = sorted.map((i) => {
    running += i.value;
    if (positive && !reached) {
      vital_few.push(i.id);
      reached = running / total >= 0.8 - 1e-12;
    }
    return { account_id: i.id, name: i.name, value: i.value, share: positive ? i.value / total : null, cumulative_share: positive ? running / total : null };
  });
  const top20_count = items.length === 0 ? 0 : Math.ceil(items.length / 5);
  const top20_share = positive ? sorted.slice(0, top20_count).reduce((s, i) => s + i.value, 0) / total : null;
  return { total, rows, top20_count, top20_share, vital_few };
}

function stageState(changes: StageChange[], today: string) {
  const ordered = changes.filter((c) => c.fields.date <= today).sort((a, b) => a.fields.date.localeCompare(b.fields.date) || a.id - b.id);
  let regressions = 0;
  ordered.forEach((c, i) => {
    const prev = ordered[i - 1]?.fields.stage;
    if (!prev) return;
    const to = c.fields.stage;
    if ((to === 'disintegrating' && prev !== 'disintegrating') || (to !== 'disintegrating' && prev !== 'disintegrating' && STAGES.indexOf(to) < STAGES.indexOf(prev))) regressions++;
  });
  const last = ordered.at(-1);
  return { stage: last?.fields.stage ?? null, age: last ? days(last.fields.date, today) : null, regressions };
}

export function analyzePortfolio(details: AccountDetail[], team: readonly TeamMember[], factors: readonly Factor[], today = todayIso()): PortfolioAnalysis {
  const axis = (detail: AccountDetail, which: Factor['fields']['axis']) => {
    let num = 0;
    let den = 0;
    for (const s of detail.account.fields.factor_scores) {
      const f = factors.find((x) => x.id === s.factor_id && x.fields.axis === which);
      if (f) {
        num += (f.fields.weight ?? 0) * s.score;
        den += f.fields.weight ?? 0;
      }
    }
    return den > 0 ? num / den : null;
  };
  const accounts: PortfolioAccount[] = details.map((d) => {
    const f = d.account.fields;
    const analysis = analyzeAccount(d, team, today);
    const stages = stageState(d.stage_changes, today);
    const a = axis(d, 'attractiveness');
    const r = axis(d, 'relationship');
    const inputs = f.clv ?? CLV_DEFAULTS;
    return {
      account_id: d.account.id,
      name: f.name,
      tier: f.tier,
      annual_revenue: f.annual_revenue,
      annual_margin: f.annual_margin,
      attractiveness: a,
      relationship: r,
      nine_box: a !== null && r !== null ? { attractiveness: level(a), relationship: level(r), strategy: strategy(level(a), level(r)) } : null,
      clv: clv(f.annual_margin ?? 0, inputs),
      clv_retention_down: clv(f.annual_margin ?? 0, { ...inputs, retention: Math.min(1, Math.max(0, (inputs.retention ?? 0) - 0.1)) }),
      clv_retention_up: clv(f.annual_margin ?? 0, { ...inputs, retention: Math.min(1, Math.max(0, (inputs.retention ?? 0) + 0.1)) }),
      clv_inputs: inputs,
      stage: stages.stage,
      stage_age_days: stages.age,
      regressions: stages.regressions,
      stakeholder_count: d.stakeholders.length,
      account_coverage: analysis.account_coverage,
      support_balance: analysis.support_balance,
      risk_count: analysis.risks.length,
    };
  });
  const by = (key: 'annual_revenue' | 'annual_margin') =>
    pareto(details.map((d) => ({ id: d.account.id, name: d.account.fields.name, value: d.account.fields[key] ?? 0 })));
  const stages: StageCount[] = [...STAGES, null].map((stage) => {
    const ids = accounts.filter((a) => a.stage === stage).map((a) => a.account_id);
    return { stage, count: ids.length, accounts: ids };
  });
  return { today, accounts, revenue: by('annual_revenue'), margin: by('annual_margin'), stages };
}
