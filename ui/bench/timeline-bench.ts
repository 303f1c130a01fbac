// In-page half of the portfolio timeline benchmark (bench/timeline.mjs drives it): a generated
// portfolio of N accounts with five years of stage changes, drawn by the real
// PortfolioTimeline component. Reports mount → first paint, and re-sorting → next paint.
import { flushSync, mount, unmount } from 'svelte';
import '../src/app.css';
import type { PortfolioTimeline as Data, Stage, StageChange, Tier, TimelineLane } from '../src/lib/bindings';
import PortfolioTimeline from '../src/lib/timeline/PortfolioTimeline.svelte';

const STAGES: Stage[] = ['exploratory', 'basic', 'cooperative', 'interdependent', 'integrated', 'disintegrating'];
const TIERS: Tier[] = ['strategic', 'key', 'development', 'standard'];
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32), so every run draws the same portfolio. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generate(accounts: number, today: string): Data {
  const rnd = random(7);
  const end = Date.parse(`${today}T00:00:00Z`);
  const start = end - 5 * 365 * DAY;
  let changeId = 1;
  const lanes: TimelineLane[] = [];
  for (let a = 0; a < accounts; a++) {
    const changes: StageChange[] = [];
    let at = start + Math.floor(rnd() * 400) * DAY;
    let stage = 0;
    while (at < end) {
      changes.push({ id: changeId++, fields: { account_id: a + 1, date: iso(at), stage: STAGES[stage]!, evidence: `Evidence ${changeId}` } });
      at += Math.floor(60 + rnd() * 400) * DAY;
      // mostly forward, sometimes back, rarely disintegrating
      const r = rnd();
      stage = r < 0.03 ? 5 : r < 0.2 ? Math.max(0, Math.min(4, stage) - 1) : Math.min(4, Math.min(4, stage) + 1);
    }
    const regressions = changes.slice(1).flatMap((c, i) => {
      const from = changes[i]!.fields.stage;
      const to = c.fields.stage;
      const back = to === 'disintegrating' ? from !== 'disintegrating' : STAGES.indexOf(to) < STAGES.indexOf(from);
      return back ? [{ change_id: c.id, date: c.fields.date, from, to, evidence: c.fields.evidence }] : [];
    });
    lanes.push({
      account_id: a + 1,
      name: `Account ${a + 1}`,
      tier: TIERS[Math.floor(rnd() * TIERS.length)]!,
      annual_revenue: Math.round(rnd() * 5_000_000),
      stage_changes: changes,
      stage_at_from: changes.length > 1 ? changes[changes.length - 2]!.fields.stage : null,
      stage_at_to: changes.at(-1)?.fields.stage ?? null,
      movement: 'same',
      regressions,
    });
  }
  return { from: iso(end - 365 * DAY), to: today, today, lanes };
}

const nextPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

export type TimelineRun = { accounts: number; changes: number; mount: number; firstPaint: number; resort: number; lanes: number; svgNodes: number };

async function run(accounts: number): Promise<TimelineRun> {
  const today = '2026-11-23';
  const data = generate(accounts, today);
  const target = document.getElementById('bench')!;
  await nextPaint();
  const t0 = performance.now();
  const app = mount(PortfolioTimeline, {
    target,
    props: { data, cursor: null, onCursor: () => {}, onOpenAccount: () => {}, onPeriod: () => {} },
  });
  flushSync();
  const mounted = performance.now();
  const painted = await nextPaint();
  const lanes = target.querySelectorAll('[data-testid=portfolio-timeline-lane]').length;
  const svgNodes = target.querySelectorAll('svg *').length;

  const sort = target.querySelector<HTMLSelectElement>('[data-testid=portfolio-timeline-sort]');
  let resort = Number.NaN;
  if (sort) {
    const t1 = performance.now();
    sort.value = 'revenue';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    resort = (await nextPaint()) - t1;
  }
  unmount(app);
  return {
    accounts,
    changes: data.lanes.reduce((n, l) => n + l.stage_changes.length, 0),
    mount: mounted - t0,
    firstPaint: painted - t0,
    resort,
    lanes,
    svgNodes,
  };
}

(window as unknown as { __timelineBench: typeof run }).__timelineBench = run;
