// The Pareto chart on its own: bars in the data's order, the vital few highlighted, the cumulative
// line ending at 100%, the 80% marker on the right axis, the top-20% share in the caption.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pareto } from '../bindings';
import { i18n } from '../i18n/locale.svelte';
import ParetoChart from './ParetoChart.svelte';

function pareto(values: [number, string, number][]): Pareto {
  const total = values.reduce((s, [, , v]) => s + v, 0);
  let cum = 0;
  const rows = values.map(([account_id, name, value]) => {
    cum += value;
    return { account_id, name, value, share: value / total, cumulative_share: cum / total };
  });
  const top20 = Math.ceil(rows.length * 0.2);
  const vital: number[] = [];
  for (const r of rows) {
    vital.push(r.account_id);
    if (r.cumulative_share >= 0.8) break;
  }
  return { total, rows, top20_count: top20, top20_share: rows[top20 - 1]!.cumulative_share, vital_few: vital };
}

const revenue = pareto([
  [7, 'Alpha', 500],
  [3, 'Beta', 250],
  [9, 'Gamma', 120],
  [1, 'Delta', 80],
  [4, 'Epsilon', 50],
]);
const margin = pareto([
  [3, 'Beta', 90],
  [7, 'Alpha', 60],
  [1, 'Delta', 30],
  [9, 'Gamma', 15],
  [4, 'Epsilon', 5],
]);

beforeEach(() => i18n.set('en'));
afterEach(cleanup);

const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

describe('Pareto chart', () => {
  it('draws one bar per account in the data’s order, tallest first', () => {
    render(ParetoChart, { revenue, margin });
    const bars = screen.getAllByTestId('pareto-bar');
    expect(bars.map((b) => Number(b.dataset.accountId))).toEqual([7, 3, 9, 1, 4]);
    const rects = bars.map((b) => b.querySelector('rect')!);
    const xs = rects.map((r) => num(r, 'x'));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const heights = rects.map((r) => num(r, 'height'));
    expect([...heights].sort((a, b) => b - a)).toEqual(heights);
    expect(heights[0]! / heights[1]!).toBeCloseTo(2, 1);
    expect(bars[0]!.querySelector('title')?.textContent).toBe('1. Alpha: 500 (50.0%; cumulative 50.0%)');
  });

  it('highlights the vital few', () => {
    render(ParetoChart, { revenue, margin });
    const bars = screen.getAllByTestId('pareto-bar');
    expect(bars.map((b) => b.dataset.vital)).toEqual(['true', 'true', 'true', 'false', 'false']);
    expect(bars.map((b) => b.querySelector('rect')!.classList.contains('vital'))).toEqual([true, true, true, false, false]);
  });

  it('ends the cumulative line at 100% and marks 80% on the same axis', () => {
    render(ParetoChart, { revenue, margin });
    const dots = screen.getAllByTestId('pareto-dot');
    expect(dots.map((d) => Number(d.dataset.share))).toEqual([0.5, 0.75, 0.87, 0.95, 1]);
    const ys = dots.map((d) => num(d, 'cy'));
    // the right axis runs 0 % (bottom) to 100 % (top): y falls linearly with the share
    const y = (share: number) => ys[0]! + ((share - 0.5) / (1 - 0.5)) * (ys[4]! - ys[0]!);
    expect(ys[1]).toBeCloseTo(y(0.75), 6);
    const marker = screen.getByTestId('pareto-80').querySelector('line')!;
    expect(num(marker, 'y1')).toBeCloseTo(y(0.8), 6);
    expect(num(marker, 'y2')).toBeCloseTo(y(0.8), 6);
    const path = screen.getByTestId('pareto-cumulative').querySelector('path')!.getAttribute('d')!;
    expect(path.split(/[ML]/).filter(Boolean)).toHaveLength(5);
  });

  it('writes the top-20% share in the caption and switches to margin', async () => {
    render(ParetoChart, { revenue, margin });
    const summary = screen.getByTestId('pareto-summary');
    expect(summary.textContent).toContain('The top 1 of 5 accounts (20%) bring 50% of revenue.');
    expect(summary.textContent).toContain('3 accounts give 80% of revenue');
    await fireEvent.click(screen.getByTestId('pareto-margin'));
    expect(summary.textContent).toContain('bring 45% of margin');
    expect(screen.getAllByTestId('pareto-bar').map((b) => Number(b.dataset.accountId))).toEqual([3, 7, 1, 9, 4]);
    expect(screen.getAllByTestId('pareto-row')).toHaveLength(5);
  });

  it('says so when nothing is recorded, without a chart', () => {
    const empty: Pareto = { total: null, rows: [{ account_id: 1, name: 'A', value: null, share: null, cumulative_share: null }], top20_count: 1, top20_share: null, vital_few: [] };
    render(ParetoChart, { revenue: empty, margin: empty });
    expect(screen.getByTestId('pareto-summary').textContent).toContain('No revenue recorded yet.');
    expect(screen.queryAllByTestId('pareto-bar')).toHaveLength(0);
  });
});
