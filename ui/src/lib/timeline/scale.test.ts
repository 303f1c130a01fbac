// Timeline geometry: UTC day arithmetic, zoom/pan clamping, ticks per zoom level, stage bands,
// regressions, interaction tick stacking, the cursor's snap to whole days.
import { describe, expect, it } from 'vitest';
import type { Stage, StageChange } from '../bindings';
import { textWidth } from './glyphs';
import {
  addDays, addMonths, clampWindow, currentStage, DAY_MS, dayAtX, dayMs, daysBetween, fitWindow, formatDay, isoDay,
  isRegression, MIN_SPAN_DAYS, panBy, placeTicks, revealDay, stageAt, stageBands, stageMarkers, tickUnit, ticksFor,
  timeScale, xOfDay, zoomAt,
} from './scale';

let nextId = 1;
function change(date: string, stage: Stage, evidence = '', id = nextId++): StageChange {
  return { id, fields: { account_id: 1, date, stage, evidence } };
}
const days = (n: number) => n * DAY_MS;

describe('day arithmetic', () => {
  it('parses and prints UTC days', () => {
    expect(dayMs('1970-01-02')).toBe(DAY_MS);
    expect(isoDay(dayMs('2024-02-29'))).toBe('2024-02-29');
    expect(isoDay(dayMs('2024-02-29') + DAY_MS - 1)).toBe('2024-02-29');
    expect(() => dayMs('2024-2-3')).toThrow();
  });

  it('counts whole days across DST changes and leap days', () => {
    // Europe and the US change clocks in late March / early November; UTC days do not.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('adds months keeping the day where it exists', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-12-01', 1)).toBe('2026-01-01');
  });
});

describe('window', () => {
  const today = '2025-06-01';

  it('fits the data and today with margins, never narrower than four weeks', () => {
    const w = fitWindow(['2023-01-01', '2024-01-01'], today);
    expect(w.start).toBe(dayMs('2023-01-01') - days(30));
    expect(w.end).toBe(dayMs(today) + days(30));
    const empty = fitWindow([], today);
    expect(empty.end - empty.start).toBeGreaterThanOrEqual(days(MIN_SPAN_DAYS));
    expect(empty.start).toBeLessThan(dayMs(today));
    expect(empty.end).toBeGreaterThan(dayMs(today));
  });

  it('includes a future-dated change', () => {
    expect(fitWindow(['2026-01-01'], today).end).toBe(dayMs('2026-01-01') + days(30));
  });

  it('zooms around the pointer and clamps the span', () => {
    const bounds = { start: dayMs('2020-01-01'), end: dayMs('2025-01-01') };
    const pivot = dayMs('2022-01-01');
    const w = { start: dayMs('2021-01-01'), end: dayMs('2023-01-01') };
    const width = 1000;
    const px = ((pivot - w.start) / (w.end - w.start)) * width;
    const z = zoomAt(w, 2, px, width, bounds);
    expect(z.end - z.start).toBeCloseTo((w.end - w.start) / 2, -3);
    expect(z.start + (px / width) * (z.end - z.start)).toBeCloseTo(pivot, -3);
    // Far in: no narrower than four weeks.
    const tight = zoomAt(w, 1e6, px, width, bounds);
    expect(tight.end - tight.start).toBe(days(MIN_SPAN_DAYS));
    // Far out: no wider than the bounds.
    const wide = zoomAt(w, 1e-6, px, width, bounds);
    expect(wide).toEqual(bounds);
  });

  it('pans within the bounds', () => {
    const bounds = { start: dayMs('2020-01-01'), end: dayMs('2025-01-01') };
    const w = { start: dayMs('2021-01-01'), end: dayMs('2022-01-01') };
    const right = panBy(w, -500, 1000, bounds); // drag left → later dates
    expect(right.start - w.start).toBeCloseTo((w.end - w.start) / 2, -3);
    const stop = panBy(w, 1e6, 1000, bounds);
    expect(stop.start).toBe(bounds.start);
    expect(stop.end - stop.start).toBe(w.end - w.start);
  });

  it('clamps a window narrower than the minimum around its centre', () => {
    const bounds = { start: 0, end: days(1000) };
    const c = clampWindow({ start: days(500), end: days(502) }, bounds);
    expect(c.end - c.start).toBe(days(MIN_SPAN_DAYS));
    expect((c.start + c.end) / 2).toBe(days(501));
  });

  it('reveals a day outside the window', () => {
    const bounds = { start: 0, end: days(1000) };
    const w = { start: days(100), end: days(200) };
    expect(revealDay(w, isoDay(days(150)), bounds)).toBe(w);
    const moved = revealDay(w, isoDay(days(300)), bounds);
    expect(moved.end).toBeGreaterThan(days(300));
    expect(moved.end - moved.start).toBe(days(100));
  });
});

describe('ticks', () => {
  const at = (from: string, to: string) => ({ start: dayMs(from), end: dayMs(to) });

  it('picks years → quarters → months → weeks → days as the view narrows', () => {
    expect(tickUnit(at('2000-01-01', '2025-01-01'), 800)).toBe('years');
    expect(tickUnit(at('2020-01-01', '2025-01-01'), 800)).toBe('year');
    expect(tickUnit(at('2023-01-01', '2025-01-01'), 800)).toBe('quarter');
    expect(tickUnit(at('2024-01-01', '2025-01-01'), 1000)).toBe('month');
    expect(tickUnit(at('2024-01-01', '2024-04-01'), 1000)).toBe('week');
    expect(tickUnit(at('2024-01-01', '2024-01-29'), 2000)).toBe('day');
  });

  it('labels ticks in the locale, marking year starts', () => {
    const w = at('2024-10-15', '2025-03-15');
    const en = ticksFor(w, 1000, 'en-GB');
    expect(en.map((t) => t.date)).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01']);
    expect(en.map((t) => t.label)).toEqual(['Nov', 'Dec', 'Jan 2025', 'Feb', 'Mar']);
    expect(en.filter((t) => t.major).map((t) => t.date)).toEqual(['2025-01-01']);
    const zh = ticksFor(w, 1000, 'zh-CN');
    expect(zh[0]!.label).toBe('11月');
    expect(zh[2]!.label).toBe('2025年1月');
    expect(en[0]!.x).toBeCloseTo(((dayMs('2024-11-01') - w.start) / (w.end - w.start)) * 1000);
  });

  it('labels day ticks with the day, the first of a month with the month', () => {
    const ticks = ticksFor(at('2025-01-28', '2025-02-04'), 1000, 'en-GB');
    expect(ticks.find((t) => t.date === '2025-01-30')!.label).toBe('30');
    expect(ticks.find((t) => t.date === '2025-02-01')!.label).toBe('1 Feb');
  });

  it.each(['en-GB', 'zh-CN'])('never lets %s labels run into the next tick', (locale) => {
    for (const width of [320, 480, 700, 900, 1300]) {
      for (const [from, to] of [['2021-01-01', '2025-06-01'], ['2024-01-01', '2025-03-01'], ['2025-01-01', '2025-03-15'], ['2025-01-01', '2025-01-29']] as const) {
        const ticks = ticksFor(at(from, to), width, locale, 54);
        for (let i = 1; i < ticks.length; i++) {
          expect(ticks[i]!.x - ticks[i - 1]!.x, `${locale} ${width}px ${from}..${to} ${ticks[i - 1]!.label}`).toBeGreaterThan(textWidth(ticks[i - 1]!.label, 12.5) + 6);
        }
      }
    }
  });

  it('formats a full day', () => {
    expect(formatDay('2025-02-03', 'en-GB')).toBe('3 Feb 2025');
    expect(formatDay('2025-02-03', 'zh-CN')).toBe('2025年2月3日');
  });
});

describe('stage bands and markers', () => {
  const today = '2025-06-01';

  it('has no bands or markers without changes', () => {
    expect(stageBands([], today)).toEqual([]);
    expect(stageMarkers([], today)).toEqual([]);
    expect(currentStage([], today)).toBeNull();
  });

  it('runs a single change to today (inclusive)', () => {
    const c = change('2025-01-01', 'basic');
    expect(stageBands([c], today)).toEqual([{ stage: 'basic', from: '2025-01-01', to: '2025-06-02', changeId: c.id, current: true }]);
    expect(currentStage([c], today)).toEqual({ stage: 'basic', since: '2025-01-01', days: 151 });
  });

  it('makes a band per span from unordered changes', () => {
    const a = change('2023-01-01', 'exploratory');
    const b = change('2024-01-01', 'cooperative');
    const c = change('2023-06-01', 'basic');
    const bands = stageBands([a, b, c], today);
    expect(bands.map((x) => [x.stage, x.from, x.to, x.current])).toEqual([
      ['exploratory', '2023-01-01', '2023-06-01', false],
      ['basic', '2023-06-01', '2024-01-01', false],
      ['cooperative', '2024-01-01', '2025-06-02', true],
    ]);
  });

  it('lets the last of same-day changes win, keeping a marker for each', () => {
    const a = change('2024-01-01', 'basic', '', 10);
    const b = change('2024-01-01', 'cooperative', '', 11);
    const c = change('2024-01-01', 'basic', '', 12);
    const bands = stageBands([c, a, b], today);
    expect(bands).toHaveLength(1);
    expect(bands[0]!.stage).toBe('basic');
    expect(bands[0]!.changeId).toBe(12);
    const markers = stageMarkers([c, b, a], today);
    expect(markers.map((m) => [m.id, m.from, m.regression])).toEqual([
      [10, null, false],
      [11, 'basic', false],
      [12, 'cooperative', true],
    ]);
  });

  it('keeps a future-dated change out of the bands but marks it', () => {
    const a = change('2025-01-01', 'cooperative');
    const f = change('2025-09-01', 'interdependent');
    const bands = stageBands([a, f], today);
    expect(bands).toHaveLength(1);
    expect(bands[0]!.to).toBe('2025-06-02');
    const markers = stageMarkers([a, f], today);
    expect(markers[1]!.future).toBe(true);
    expect(markers[0]!.future).toBe(false);
    expect(currentStage([a, f], today)!.stage).toBe('cooperative');
    expect(stageAt([a, f], '2025-09-01')!.id).toBe(f.id);
    expect(stageAt([a, f], '2024-12-31')).toBeNull();
  });

  it('gives a change dated today a one-day band', () => {
    const bands = stageBands([change(today, 'basic')], today);
    expect(bands).toEqual([expect.objectContaining({ from: today, to: '2025-06-02', current: true })]);
  });

  it.each([
    ['basic', 'cooperative', false],
    ['cooperative', 'basic', true],
    ['integrated', 'disintegrating', true],
    ['exploratory', 'disintegrating', true],
    ['disintegrating', 'basic', false],
    ['disintegrating', 'disintegrating', false],
    ['basic', 'basic', false],
    [null, 'disintegrating', false],
  ] as const)('regression %s → %s: %s', (from, to, want) => expect(isRegression(from, to)).toBe(want));
});

describe('cursor and interaction ticks', () => {
  const w = { start: dayMs('2025-01-01'), end: dayMs('2025-01-11') }; // 10 days over 1000 px
  const scale = timeScale(w, 0, 1000);

  it('snaps x to the nearest whole day and back', () => {
    expect(dayAtX(scale, 0)).toBe('2025-01-01');
    expect(dayAtX(scale, 149)).toBe('2025-01-02');
    expect(dayAtX(scale, 151)).toBe('2025-01-03');
    expect(xOfDay(scale, '2025-01-06')).toBe(500);
  });

  it('places interactions at their day centre, stacking the crowded ones', () => {
    const item = (id: number, date: string) => ({ id, fields: { date } });
    const placed = placeTicks([item(1, '2025-01-03'), item(2, '2025-01-03'), item(3, '2025-01-05'), item(4, '2024-01-01')], scale, 1000);
    expect(placed.map((p) => [p.item.id, p.x, p.row])).toEqual([
      [1, 250, 0],
      [2, 250, 1],
      [3, 450, 0],
    ]);
    expect(placeTicks([], scale, 1000)).toEqual([]);
  });
});
