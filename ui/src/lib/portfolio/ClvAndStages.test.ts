// Lifetime value with its sensitivity to retention, and the stage analytics view, on their own.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortfolioAccount } from '../bindings';
import { i18n } from '../i18n/locale.svelte';
import ClvTable from './ClvTable.svelte';
import StageAnalytics from './StageAnalytics.svelte';
import type { PortfolioStages } from './types';

const { opened } = vi.hoisted(() => ({ opened: [] as number[] }));
vi.mock('../stores/workspace.svelte', () => ({
  selectAccount: (id: number) => {
    opened.push(id);
    return Promise.resolve();
  },
}));

function account(id: number, name: string, clv: number | null, down: number | null, up: number | null): PortfolioAccount {
  return {
    account_id: id, name, tier: 'key', annual_revenue: 1000, annual_margin: 100, attractiveness: null, relationship: null, nine_box: null,
    clv, clv_retention_down: down, clv_retention_up: up,
    clv_inputs: { retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0 },
    stage: null, stage_age_days: null, regressions: 0, stakeholder_count: 0, account_coverage: null, support_balance: null, risk_count: 0,
  };
}

beforeEach(() => {
  i18n.set('en');
  opened.length = 0;
});
afterEach(cleanup);

describe('CLV sensitivity', () => {
  it('shows CLV at retention −10 and +10 points with a range bar marking the base', () => {
    render(ClvTable, { accounts: [account(1, 'Small', 1000, 600, 1500), account(2, 'Large', 5000, 3000, 8000), account(3, 'No margin', null, null, null)] });
    const headers = [...document.querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers.slice(6, 9)).toEqual(['CLV at −10 pts', 'CLV', 'CLV at +10 pts']);
    const rows = screen.getAllByTestId('clv-row');
    expect(rows.map((r) => r.dataset.id)).toEqual(['2', '1', '3']);
    expect(within(rows[0]!).getByTestId('clv-down').textContent?.trim()).toBe('3,000');
    expect(within(rows[0]!).getByTestId('clv-up').textContent?.trim()).toBe('8,000');
    expect(within(rows[2]!).getByTestId('clv-down').textContent?.trim()).toBe('—');
    expect(within(rows[2]!).queryByTestId('clv-range')).toBeNull();

    // one scale for all rows, relative to each CLV (the mark)
    const span = (row: HTMLElement) => within(row).getByTestId('clv-range-span');
    const base = (row: HTMLElement) => Number(within(row).getByTestId('clv-range-base').getAttribute('x1'));
    const x1 = (row: HTMLElement) => Number(span(row).getAttribute('x1'));
    const x2 = (row: HTMLElement) => Number(span(row).getAttribute('x2'));
    for (const row of rows.slice(0, 2)) {
      expect(base(row)).toBeGreaterThan(x1(row));
      expect(base(row)).toBeLessThan(x2(row));
    }
    expect(base(rows[0]!)).toBeCloseTo(base(rows[1]!), 6);
    // Large: −40% … +60%; Small: −40% … +50%
    expect(base(rows[0]!) - x1(rows[0]!)).toBeCloseTo(base(rows[1]!) - x1(rows[1]!), 6);
    expect((x2(rows[0]!) - base(rows[0]!)) / (x2(rows[1]!) - base(rows[1]!))).toBeCloseTo(6 / 5, 6);
    expect(within(rows[0]!).getByTestId('clv-range').getAttribute('aria-label')).toBe(
      'Large: 3,000 with retention 10 points lower, 5,000 as is, 8,000 with retention 10 points higher',
    );
  });
});

const stages: PortfolioStages = {
  date: '2025-06-30',
  distribution: [
    { stage: 'exploratory', count: 1, accounts: [4] },
    { stage: 'basic', count: 0, accounts: [] },
    { stage: 'cooperative', count: 3, accounts: [1, 2, 3] },
    { stage: 'interdependent', count: 0, accounts: [] },
    { stage: 'integrated', count: 0, accounts: [] },
    { stage: 'disintegrating', count: 1, accounts: [5] },
    { stage: null, count: 2, accounts: [6, 7] },
  ],
  average_days: [
    { stage: 'exploratory', mean_days: 120.4, accounts: 4 },
    { stage: 'basic', mean_days: 300, accounts: 2 },
    { stage: 'cooperative', mean_days: 60, accounts: 3 },
    { stage: 'interdependent', mean_days: null, accounts: 0 },
    { stage: 'integrated', mean_days: null, accounts: 0 },
    { stage: 'disintegrating', mean_days: 10, accounts: 1 },
  ],
  regressions: [
    { account_id: 5, name: '<img src=x onerror=alert(1)>', regression: { change_id: 11, date: '2025-05-02', from: 'cooperative', to: 'disintegrating', evidence: 'Lost the framework tender' } },
    { account_id: 2, name: 'Contoso', regression: { change_id: 12, date: '2025-06-01', from: 'interdependent', to: 'cooperative', evidence: '' } },
  ],
};

describe('stage analytics', () => {
  it('draws the distribution and the average days as bars', () => {
    render(StageAnalytics, { stages });
    const dist = screen.getAllByTestId('stage-distribution-bar');
    expect(dist.map((d) => [d.dataset.stage, d.dataset.count])).toEqual([
      ['exploratory', '1'], ['basic', '0'], ['cooperative', '3'], ['interdependent', '0'], ['integrated', '0'], ['disintegrating', '1'], ['', '2'],
    ]);
    const width = (g: HTMLElement) => Number(g.querySelector('rect.bar')?.getAttribute('width') ?? 0);
    expect(width(dist[2]!) / width(dist[0]!)).toBeCloseTo(3, 5);
    expect(dist[6]!.textContent).toContain('No stage yet');

    const avg = screen.getAllByTestId('stage-average-bar');
    expect(avg.map((a) => a.dataset.stage)).toEqual(['exploratory', 'basic', 'cooperative', 'interdependent', 'integrated', 'disintegrating']);
    expect(avg[0]!.textContent).toContain('120 days (4 acc.)');
    expect(avg[3]!.textContent).toContain('—');
    expect(width(avg[1]!) / width(avg[2]!)).toBeCloseTo(5, 5);
    expect(screen.getByText('As of 30 Jun 2025')).toBeTruthy();
  });

  it('lists regressions newest first, names as text, and opens the account', async () => {
    render(StageAnalytics, { stages });
    const items = screen.getAllByTestId('stage-regression');
    expect(items.map((i) => i.dataset.accountId)).toEqual(['2', '5']);
    expect(items[1]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(items[1]!.textContent).toContain('Cooperative');
    expect(items[1]!.textContent).toContain('Disintegrating');
    expect(items[1]!.textContent).toContain('Lost the framework tender');
    expect(document.querySelector('img')).toBeNull();
    await fireEvent.click(within(items[1]!).getByRole('button'));
    expect(opened).toEqual([5]);
  });
});
