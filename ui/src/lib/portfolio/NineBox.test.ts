// The nine-box chart on its own: bubbles placed by their scores (cell boundaries at 2.33 and
// 3.67), area by revenue, labels as text, trails drawn from the oldest quarter end to the bubble.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Level, PortfolioAccount, Strategy } from '../bindings';
import { i18n } from '../i18n/locale.svelte';
import NineBox from './NineBox.svelte';
import { CUTS, strategyOf } from './nineBox';
import type { AccountTrail } from './types';

const level = (score: number): Level => (score < CUTS[0] ? 'low' : score < CUTS[1] ? 'medium' : 'high');

function account(id: number, name: string, attractiveness: number | null, relationship: number | null, revenue: number | null = 100): PortfolioAccount {
  const placed = attractiveness !== null && relationship !== null;
  const a = placed ? level(attractiveness) : 'low';
  const r = placed ? level(relationship) : 'low';
  return {
    account_id: id, name, tier: 'key', annual_revenue: revenue, annual_margin: null, attractiveness, relationship,
    nine_box: placed ? { attractiveness: a, relationship: r, strategy: strategyOf(a, r) as Strategy } : null,
    clv: null, clv_retention_down: null, clv_retention_up: null,
    clv_inputs: { retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0 },
    stage: null, stage_age_days: null, regressions: 0, stakeholder_count: 0, account_coverage: null, support_balance: null, risk_count: 0,
  };
}

beforeEach(() => i18n.set('en'));
afterEach(cleanup);

function cellRect(a: string, r: string) {
  const c = screen.getAllByTestId('ninebox-cell').find((el) => el.dataset.attractiveness === a && el.dataset.relationship === r)!;
  const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((k) => Number(c.dataset[k])) as [number, number, number, number];
  return { x, y, w, h };
}

function bubbleOf(id: number): HTMLElement {
  return screen.getAllByTestId('ninebox-bubble').find((b) => b.dataset.accountId === String(id))!;
}

describe('nine-box chart', () => {
  it('puts each bubble at its scores, inside its cell, just either side of the cuts', () => {
    const accounts = [
      account(1, 'Low-low', 1, 1),
      account(2, 'Just below', 2.32, 3.66),
      account(3, 'Just above', 2.34, 3.68),
      account(4, 'Top right', 5, 5),
      account(5, 'Middle', 3, 3),
    ];
    render(NineBox, { accounts });
    const grid = { left: cellRect('low', 'low').x, right: cellRect('high', 'high').x + cellRect('high', 'high').w, top: cellRect('high', 'high').y, bottom: cellRect('low', 'low').y + cellRect('low', 'low').h };
    for (const a of accounts) {
      const b = bubbleOf(a.account_id);
      const cx = Number(b.dataset.cx);
      const cy = Number(b.dataset.cy);
      const cell = cellRect(a.nine_box!.attractiveness, a.nine_box!.relationship);
      expect(cx, a.name).toBeGreaterThanOrEqual(cell.x);
      expect(cx, a.name).toBeLessThanOrEqual(cell.x + cell.w);
      expect(cy, a.name).toBeGreaterThanOrEqual(cell.y);
      expect(cy, a.name).toBeLessThanOrEqual(cell.y + cell.h);
      // linear in the score: 1 at the left/bottom edge, 5 at the right/top edge
      expect(cx).toBeCloseTo(grid.left + ((a.relationship! - 1) / 4) * (grid.right - grid.left), 6);
      expect(cy).toBeCloseTo(grid.bottom - ((a.attractiveness! - 1) / 4) * (grid.bottom - grid.top), 6);
    }
    // the cuts are the cell edges
    expect(cellRect('low', 'medium').x).toBeCloseTo(grid.left + ((2.33 - 1) / 4) * (grid.right - grid.left), 6);
    expect(cellRect('medium', 'low').y).toBeCloseTo(grid.bottom - ((3.67 - 1) / 4) * (grid.bottom - grid.top), 6);
    expect(screen.getAllByTestId('ninebox-cell').find((c) => c.dataset.strategy === 'invest_to_grow')?.textContent).toContain('Invest to grow');
  });

  it('sizes bubbles by revenue (area) and labels them with their names as text', () => {
    render(NineBox, { accounts: [account(1, 'Big', 4, 4, 400), account(2, 'Small', 2, 2, 100), account(3, 'None', 3, 3, null)] });
    const r = (id: number) => Number(bubbleOf(id).dataset.r);
    expect(r(1) / r(2)).toBeCloseTo(2, 5); // area ∝ revenue: 4× the revenue, 2× the radius
    expect(r(3)).toBeGreaterThan(0);
    expect(bubbleOf(1).querySelector('text')?.textContent).toBe('Big');
    expect(bubbleOf(1).getAttribute('aria-label')).toContain('Big: attractiveness 4.0, relationship 4.0');
    expect(bubbleOf(1).querySelector('title')?.textContent).toContain('Big');
  });

  it('lists accounts without scores and gives them no bubble', () => {
    render(NineBox, { accounts: [account(1, 'Placed', 4, 4), account(2, 'Unrated', null, 3)] });
    expect(screen.getAllByTestId('ninebox-bubble')).toHaveLength(1);
    expect(screen.getByTestId('ninebox-unplaced').textContent).toContain('Unrated');
  });

  it('draws trails from the oldest quarter end to the bubble when asked', async () => {
    const accounts = [account(1, 'Mover', 4.5, 4.5), account(2, 'Still', 2, 2), account(3, 'Unrated', null, null)];
    const trails: AccountTrail[] = [
      { account_id: 1, points: [
        { date: '2025-03-31', attractiveness: 2, relationship: 1.5 },
        { date: '2025-06-30', attractiveness: null, relationship: 3 },
        { date: '2025-09-30', attractiveness: 3.5, relationship: 3 },
      ] },
      { account_id: 2, points: [] },
      { account_id: 3, points: [{ date: '2025-09-30', attractiveness: 3, relationship: 3 }] },
    ];
    render(NineBox, { accounts, trails });
    expect(screen.queryAllByTestId('ninebox-trail')).toHaveLength(0);
    const toggle = screen.getByTestId('ninebox-trails-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    const drawn = screen.getAllByTestId('ninebox-trail');
    expect(drawn.map((t) => t.dataset.accountId)).toEqual(['1', '3']);
    const mover = drawn[0]!;
    // two rated quarter ends (the unrated one is skipped) and the bubble
    expect(mover.dataset.points).toBe('3');
    const dots = [...mover.querySelectorAll('[data-testid="ninebox-trail-dot"]')];
    expect(dots).toHaveLength(2);
    const lines = [...mover.querySelectorAll('line')];
    expect(lines).toHaveLength(2);
    // the last segment ends at the bubble's centre
    const b = bubbleOf(1);
    expect(Number(lines[1]!.getAttribute('x2'))).toBeCloseTo(Number(b.dataset.cx), 6);
    expect(Number(lines[1]!.getAttribute('y2'))).toBeCloseTo(Number(b.dataset.cy), 6);
    // older is fainter
    const opacities = dots.map((d) => Number(d.getAttribute('opacity')));
    expect(opacities[0]).toBeLessThan(opacities[1]!);
    expect(Number(lines[0]!.getAttribute('opacity'))).toBeLessThan(Number(lines[1]!.getAttribute('opacity')));
    // a past position sits where its scores say
    const low = cellRect('low', 'low');
    expect(Number(dots[0]!.getAttribute('cx'))).toBeGreaterThan(low.x);
    expect(Number(dots[0]!.getAttribute('cx'))).toBeLessThan(low.x + low.w);
    expect(dots[0]!.querySelector('title')?.textContent).toContain('Mover on');

    await fireEvent.click(toggle);
    expect(screen.queryAllByTestId('ninebox-trail')).toHaveLength(0);
  });

  it('disables the trails toggle when the past cannot be loaded', () => {
    render(NineBox, { accounts: [account(1, 'A', 3, 3)], trails: null });
    expect(screen.getByTestId('ninebox-trails-toggle').hasAttribute('disabled')).toBe(true);
  });

  it('fans out accounts on the very same spot', () => {
    render(NineBox, { accounts: [account(1, 'Twin A', 3, 3), account(2, 'Twin B', 3, 3)] });
    const a = bubbleOf(1);
    const b = bubbleOf(2);
    expect(Math.hypot(Number(a.dataset.cx) - Number(b.dataset.cx), Number(a.dataset.cy) - Number(b.dataset.cy))).toBeGreaterThan(5);
  });
});
