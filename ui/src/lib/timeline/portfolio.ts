// Geometry of the portfolio timeline (one lane per account): lane order, period presets, and
// each lane's stage bands and regression markers in pixels. Pure, so that it can be timed and
// tested without a DOM; the component only draws what this returns.
import type { TimeScale } from '../charts/scales';
import type { Movement, Regression, Stage, TimelineLane } from '../bindings';
import { TIERS } from '../vocab';
import { textWidth } from './glyphs';
import { addDays, addMonths, fitWindow, stageBands, stageNumber, xOfDay, type Window } from './scale';

export type LaneSort = 'tier' | 'stage' | 'revenue' | 'name';
export const LANE_SORTS: readonly LaneSort[] = ['tier', 'stage', 'revenue', 'name'];

/** Stage rank for sorting: higher is further along; disintegrating and no stage last. */
function stageRank(stage: Stage | null): number {
  if (stage === null) return -1;
  if (stage === 'disintegrating') return 0;
  return stageNumber(stage);
}

/** Lanes in the chosen order; ties by name, then id, so the order is stable. */
export function sortLanes(lanes: readonly TimelineLane[], key: LaneSort, locale: string): TimelineLane[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: TimelineLane, b: TimelineLane) => collator.compare(a.name, b.name) || a.account_id - b.account_id;
  const primary: (a: TimelineLane, b: TimelineLane) => number = {
    tier: (a: TimelineLane, b: TimelineLane) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier),
    stage: (a: TimelineLane, b: TimelineLane) => stageRank(b.stage_at_to) - stageRank(a.stage_at_to),
    revenue: (a: TimelineLane, b: TimelineLane) => (b.annual_revenue ?? -Infinity) - (a.annual_revenue ?? -Infinity) || 0,
    name: () => 0,
  }[key];
  return [...lanes].sort((a, b) => primary(a, b) || byName(a, b));
}

export type PeriodPreset = 'quarter' | 'year' | 'custom';

/** The last complete calendar quarter before `today`. */
export function lastQuarter(today: string): { from: string; to: string } {
  const month = Number(today.slice(5, 7)) - 1;
  const start = `${today.slice(0, 4)}-${String(Math.floor(month / 3) * 3 + 1).padStart(2, '0')}-01`;
  return { from: addMonths(start, -3), to: addDays(start, -1) };
}

/** The twelve months up to today. */
export function last12Months(today: string): { from: string; to: string } {
  return { from: addMonths(today, -12), to: today };
}

/** Which preset a period is, or custom. */
export function presetOf(from: string, to: string, today: string): PeriodPreset {
  const q = lastQuarter(today);
  if (q.from === from && q.to === to) return 'quarter';
  const y = last12Months(today);
  if (y.from === from && y.to === to) return 'year';
  return 'custom';
}

/** The window that shows every lane's history, the period and today. */
export function portfolioWindow(lanes: readonly TimelineLane[], from: string, to: string, today: string): Window {
  const dates = [from, to];
  for (const lane of lanes) for (const c of lane.stage_changes) dates.push(c.fields.date);
  return fitWindow(dates, today);
}

export interface LaneBand {
  x: number;
  w: number;
  stage: Stage;
  /** The stage name when it fits, its number when that fits, else empty. */
  label: string;
}

export interface LaneMark {
  x: number;
  regression: Regression;
  /** Inside the chosen period. */
  inPeriod: boolean;
}

/** All lanes' bands as one path per stage (a few elements however many lanes there are). */
export function bandPaths(geometry: readonly LaneGeometry[], inset: number, height: number): { stage: Stage; d: string }[] {
  const parts = new Map<Stage, string[]>();
  for (const g of geometry) {
    for (const b of g.bands) {
      let list = parts.get(b.stage);
      if (!list) parts.set(b.stage, (list = []));
      list.push(`M${b.x.toFixed(1)},${g.y + inset}h${b.w.toFixed(1)}v${height}h${(-b.w).toFixed(1)}Z`);
    }
  }
  return [...parts].map(([stage, list]) => ({ stage, d: list.join('') }));
}

export interface LaneGeometry {
  lane: TimelineLane;
  y: number;
  bands: LaneBand[];
  regressions: LaneMark[];
  movement: Movement;
}

/**
 * Pixel geometry of every lane: row `i` at `top + i * rowHeight`, bands clipped to [x0, x1],
 * labels chosen by the width available (`stageName` gives the translated name).
 */
export function laneGeometry(
  lanes: readonly TimelineLane[],
  scale: TimeScale,
  options: { today: string; from: string; to: string; top: number; rowHeight: number; stageName: (s: Stage) => string; fontPx?: number },
): LaneGeometry[] {
  const [x0, x1] = scale.range() as [number, number];
  const px = options.fontPx ?? 12;
  const clip = (x: number) => Math.min(Math.max(x, x0), x1);
  const names = new Map<Stage, string>();
  const nameOf = (s: Stage) => {
    let n = names.get(s);
    if (n === undefined) names.set(s, (n = options.stageName(s)));
    return n;
  };
  return lanes.map((lane, i) => {
    const bands: LaneBand[] = [];
    // Consecutive spans of the same stage (a re-confirmed stage) read as one band here.
    const spans: { stage: Stage; from: string; to: string }[] = [];
    for (const b of stageBands(lane.stage_changes, options.today)) {
      const last = spans[spans.length - 1];
      if (last && last.stage === b.stage && last.to === b.from) last.to = b.to;
      else spans.push({ stage: b.stage, from: b.from, to: b.to });
    }
    for (const b of spans) {
      const a = clip(xOfDay(scale, b.from));
      const w = clip(xOfDay(scale, b.to)) - a;
      if (w <= 0) continue;
      const name = nameOf(b.stage);
      const label = w >= textWidth(name, px) + 10 ? name : w >= 14 ? String(stageNumber(b.stage)) : '';
      bands.push({ x: a, w, stage: b.stage, label });
    }
    const regressions = lane.regressions.map((r) => ({
      x: xOfDay(scale, r.date),
      regression: r,
      inPeriod: r.date >= options.from && r.date <= options.to,
    }));
    return { lane, y: options.top + i * options.rowHeight, bands, regressions, movement: lane.movement };
  });
}
