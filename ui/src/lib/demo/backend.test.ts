// The demo backend's "workspace over time" commands: the stage timeline and stage figures are
// computed from the dated stage changes; the as-of answers are today's state (no history).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { commands } from '../bindings';
import { installDemoBackend } from './backend';
import { todayIso } from './network';

type Store = ReturnType<typeof installDemoBackend>;

function ok<T>(r: { status: 'ok'; data: T } | { status: 'error'; error: unknown }): T {
  if (r.status !== 'ok') throw new Error(JSON.stringify(r.error));
  return r.data;
}

function account(store: Store, name: string, stages: [string, string][]): number {
  const id = store.insert('account', {
    name, industry: '', region: '', tier: 'key', annual_revenue: 10, annual_margin: 1, factor_scores: [], notes: '',
  });
  for (const [date, stage] of stages) store.insert('stage_change', { account_id: id, date, stage, evidence: `${name} ${date}` });
  return id;
}

describe('demo backend over time', () => {
  let store: Store;
  let a: number;
  let b: number;
  beforeEach(() => {
    store = installDemoBackend({ seed: false });
    a = account(store, 'A', [['2024-01-01', 'basic'], ['2024-01-11', 'cooperative'], ['2024-02-10', 'basic']]);
    b = account(store, 'B', [['2024-01-01', 'cooperative'], ['2024-01-21', 'disintegrating']]);
  });
  afterEach(() => clearMocks());

  it('computes lanes, movements and regressions between two dates', async () => {
    const t = ok(await commands.portfolioTimeline('2024-01-05', '2024-03-01'));
    expect(t.lanes.map((l) => l.account_id)).toEqual([a, b]);
    expect(t.lanes[0]!.stage_at_from).toBe('basic');
    expect(t.lanes[0]!.movement).toBe('same');
    expect(t.lanes[1]!.movement).toBe('back');
    expect(t.lanes[0]!.regressions.map((r) => r.to)).toEqual(['basic']);
    expect(t.today).toBe(todayIso());
  });

  it('computes the stage figures at a date, newest regression first', async () => {
    const s = ok(await commands.portfolioStages('2024-03-01'));
    expect(s.distribution.find((l) => l.stage === 'basic')!.accounts).toEqual([a]);
    const coop = s.average_days.find((l) => l.stage === 'cooperative')!;
    expect(coop).toEqual({ stage: 'cooperative', mean_days: 25, accounts: 2 });
    expect(s.regressions.map((r) => r.name)).toEqual(['A', 'B']);
  });

  it('refuses bad dates and ranges with a validation error naming the value', async () => {
    const bad = await commands.portfolioTimeline('2024-03-01', '2024-02-01');
    expect(bad.status === 'error' && bad.error.kind).toBe('validation');
    const future = await commands.portfolioStages('9999-01-01');
    expect(future.status === 'error' && future.error.message).toContain('9999-01-01');
    const malformed = await commands.accountAsOf(a, '2024-02-30');
    expect(malformed.status === 'error' && malformed.error.kind).toBe('validation');
    const trails = await commands.portfolioTrails(41);
    expect(trails.status === 'error' && trails.error.kind).toBe('validation');
  });

  it('answers as-of questions with today\'s state and no history', async () => {
    expect(ok(await commands.historySpan()).earliest).toBeNull();
    expect(ok(await commands.portfolioTrails(8))).toEqual([{ account_id: a, points: [] }, { account_id: b, points: [] }]);
    const then = ok(await commands.accountAsOf(a, '2024-01-15'));
    expect(then.stages.current).toBe('cooperative');
    const missing = await commands.accountAsOf(9999, '2024-01-15');
    expect(missing.status === 'error' && missing.error.kind).toBe('not_found');
    const cmp = ok(await commands.compareAccount(b, '2024-01-10', '2024-02-01'));
    expect([cmp.stage_before, cmp.stage_after]).toEqual(['cooperative', 'disintegrating']);
  });
});
