// The Analysis tab's logic without the DOM: risk sentences per kind and language, severity
// order, table sorting, the latest-result loader, and number formatting.
import { afterEach, describe, expect, it } from 'vitest';
import type { Risk, RiskKind, StakeholderScore } from '../bindings';
import { formatPercent, formatPointDelta, formatSigned } from '../format';
import { i18n } from '../i18n/locale.svelte';
import { Latest } from './latest.svelte';
import { bySeverity, riskSentence } from './risks';
import { nextSort, sortStakeholders } from './sort';

afterEach(() => i18n.set('en'));

const li = { id: 1, name: 'Li Wei', team: false };
const zhang = { id: 2, name: '张敏', team: false };
const mei = { id: 9, name: 'Mei Chen', team: true };

function r(kind: RiskKind, people: Risk['people'], value: number | null): Risk {
  return { kind, people, value, reason: 'ENGLISH REASON' };
}

describe('risk sentences', () => {
  it.each<[Risk, string, string]>([
    [r('single_threaded', [], 0), 'Single-threaded: nobody at the account is covered at strength 3 or more.', '单线联系：客户方没有任何人与我方的关系强度达到 3 及以上。'],
    [r('single_threaded', [li], 1), 'Single-threaded: only Li Wei is covered at strength 3 or more. If that tie breaks, we lose our way in.', '单线联系：只有Li Wei与我方的关系强度达到 3 及以上。一旦这条关系中断，我们将失去切入点。'],
    [r('uncovered_economic_buyer', [li], 0), 'Li Wei is the economic buyer, and nobody on our team knows them.', 'Li Wei是经济决策者，但我方团队无人与其建立联系。'],
    [r('uncovered_economic_buyer', [li], 0.4), 'Li Wei is the economic buyer, and our best tie is only 40% (covered from 60%).', 'Li Wei是经济决策者，但我方最强的关系仅为 40%（60% 起视为已覆盖）。'],
    [r('uncovered_decider', [zhang], 0.2), '张敏 is a decider, and our best tie is only 20% (covered from 60%).', '张敏是决策者，但我方最强的关系仅为 20%（60% 起视为已覆盖）。'],
    [r('influential_opponent', [li], 0.734), 'Li Wei opposes us and carries weight (influence 0.73).', 'Li Wei反对我们，且影响力较大（影响力 0.73）。'],
    [r('isolated_champion', [li], 0.21), 'Li Wei champions us but has little influence (0.21) and no tie to a decider.', 'Li Wei支持我们，但影响力较小（0.21），且与决策者没有关系。'],
    [r('stale_relationship', [li], 120), 'No contact with Li Wei for 120 days, though they are influential.', '已有 120 天未与Li Wei联系，而此人影响力较大。'],
    [r('stale_relationship', [li], null), 'No contact with Li Wei is recorded, though they are influential.', '没有与Li Wei的联系记录，而此人影响力较大。'],
    [r('unknown_attitude', [zhang], 1), 'We do not know where 张敏 stands, one of the five most influential people.', '尚不清楚张敏的态度，此人位列影响力前五。'],
    [r('unknown_attitude', [li, zhang], 2), 'We do not know where Li Wei and 张敏 stand, among the five most influential people.', '尚不清楚Li Wei和张敏的态度，他们位列影响力前五。'],
    [r('key_person_dependency', [li], 0.3), 'Key-person dependency: without Li Wei, account coverage would fall from 50% to 20%.', '关键人物依赖：如果失去Li Wei，客户覆盖度将从 50% 降至 20%。'],
    [r('key_person_dependency', [mei], 0.3), 'Key-person dependency: if Mei Chen (our team) left, account coverage would fall from 50% to 20%.', '关键人物依赖：如果我方的Mei Chen离开，客户覆盖度将从 50% 降至 20%。'],
  ])('%#: %j', (risk, english, chinese) => {
    i18n.set('en');
    expect(riskSentence(risk, 0.5)).toBe(english);
    i18n.set('zh');
    expect(riskSentence(risk, 0.5)).toBe(chinese);
  });

  it('orders by severity, keeping the backend order within one severity', () => {
    const risks = [
      r('unknown_attitude', [li], 1),
      r('stale_relationship', [li], 100),
      r('uncovered_decider', [zhang], 0),
      r('influential_opponent', [zhang], 0.8),
      r('single_threaded', [], 0),
    ];
    expect(bySeverity(risks).map((x) => x.kind)).toEqual([
      'influential_opponent', 'single_threaded', 'stale_relationship', 'uncovered_decider', 'unknown_attitude',
    ]);
  });
});

function score(id: number, name: string, blended: number, coverage: number, attitude: StakeholderScore['attitude']): StakeholderScore {
  return {
    id, name, title: '', network_influence: blended / 2, brokerage: 0, blended_influence: blended, coverage, covered_by: null,
    attitude, power: 3, roles: [], economic_buyer: false, coach: false, placeholder: false, hidden_influencer: false, faction: null,
    last_touch: null,
  };
}

describe('stakeholder sorting', () => {
  const ranked = [
    score(1, 'Zed', 0.9, 0.2, 'opponent'),
    score(2, 'amy', 0.7, 0.8, 'unknown'),
    score(3, 'Bo', 0.5, 0.8, 'champion'),
    score(4, 'Cy', 0.3, 0, 'neutral'),
  ];
  const names = (key: Parameters<typeof nextSort>[1], direction: 'ascending' | 'descending') =>
    sortStakeholders(ranked, { key, direction }, 'en').map((s) => s.name);

  it('sorts text case-insensitively and numbers with ties in ranked order', () => {
    expect(names('name', 'ascending')).toEqual(['amy', 'Bo', 'Cy', 'Zed']);
    expect(names('coverage', 'descending')).toEqual(['amy', 'Bo', 'Zed', 'Cy']);
    expect(names('attitude', 'descending')).toEqual(['Bo', 'Cy', 'amy', 'Zed']);
  });

  it('starts text columns A→Z and numbers highest first, and flips on a second click', () => {
    expect(nextSort({ key: 'blended', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'brokerage')).toEqual({ key: 'brokerage', direction: 'descending' });
    expect(nextSort({ key: 'brokerage', direction: 'descending' }, 'brokerage')).toEqual({ key: 'brokerage', direction: 'ascending' });
  });
});

describe('Latest', () => {
  it('keeps the previous result while a run is under way, and ignores a slower older run', async () => {
    const latest = new Latest<string>();
    await latest.run(async () => 'first');
    let finishSlow: (v: string) => void = () => undefined;
    const slow = latest.run(() => new Promise<string>((resolve) => (finishSlow = resolve)));
    expect(latest.loading).toBe(true);
    expect(latest.value).toBe('first');
    await latest.run(async () => 'newest');
    finishSlow('stale');
    await slow;
    expect(latest.value).toBe('newest');
    expect(latest.loading).toBe(false);
  });

  it('lets the caller handle an expected failure', async () => {
    const latest = new Latest<string>();
    let seen: unknown = null;
    await latest.run(
      async () => Promise.reject(new Error('gone')),
      (e) => {
        seen = e;
        return true;
      },
    );
    expect((seen as Error).message).toBe('gone');
    expect(latest.value).toBeNull();
  });
});

describe('formatting', () => {
  it('signs support balances and never shows −0.00', () => {
    expect(formatSigned(0.234, 2, 'en-GB')).toBe('+0.23');
    expect(formatSigned(-0.41, 2, 'en-GB')).toBe('-0.41');
    expect(formatSigned(-0.001, 2, 'en-GB')).toBe('0.00');
    expect(formatSigned(null)).toBe('');
  });

  it('formats shares as percentages and deltas in points', () => {
    expect(formatPercent(0.4567, 0, 'en-GB')).toBe('46%');
    expect(formatPercent(0.4567, 1, 'zh-CN')).toBe('45.7%');
    expect(formatPointDelta(-0.154, 'en-GB')).toBe('-15');
    expect(formatPointDelta(0.2, 'en-GB')).toBe('+20');
  });
});
