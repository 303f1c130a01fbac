// The Portfolio page against the demo backend: accounts in the right nine-box cells, unplaced
// accounts listed, Pareto by revenue and margin with the vital few, CLV per account, updates.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../api';
import { freshApp, rowWith, teardownApp } from '../../testing/app';
import { nineBoxCells, strategyOf } from './nineBox';

afterEach(teardownApp);

async function openPortfolio(): Promise<void> {
  await fireEvent.click(await screen.findByTestId('nav-portfolio'));
  await screen.findByTestId('ninebox');
}

function cell(attractiveness: string, relationship: string): HTMLElement {
  const found = screen
    .getAllByTestId('ninebox-cell')
    .find((c) => c.dataset.attractiveness === attractiveness && c.dataset.relationship === relationship);
  if (!found) throw new Error(`no cell ${attractiveness}/${relationship}`);
  return found;
}

describe('nine-box logic', () => {
  it.each([
    ['high', 'high', 'invest_to_grow'],
    ['high', 'low', 'build_relationship'],
    ['low', 'high', 'maintain_efficiently'],
    ['low', 'low', 'minimal_service'],
    ['high', 'medium', 'develop_selectively'],
    ['medium', 'medium', 'develop_selectively'],
    ['medium', 'low', 'develop_selectively'],
  ] as const)('A %s, R %s → %s', (a, r, strategy) => expect(strategyOf(a, r)).toBe(strategy));

  it('lays out attractiveness rows high→low and relationship columns low→high', () => {
    const { rows } = nineBoxCells([]);
    expect(rows.map((row) => row.map((c) => `${c.attractiveness}/${c.relationship}`))).toEqual([
      ['high/low', 'high/medium', 'high/high'],
      ['medium/low', 'medium/medium', 'medium/high'],
      ['low/low', 'low/medium', 'low/high'],
    ]);
  });
});

describe('Portfolio page', () => {
  it('places accounts in their nine-box cells and lists the unplaced', async () => {
    freshApp();
    await openPortfolio();
    const cells = screen.getAllByTestId('ninebox-cell');
    expect(cells).toHaveLength(9);
    expect(cells.slice(0, 3).map((c) => c.dataset.relationship)).toEqual(['low', 'medium', 'high']);
    expect(cells.map((c) => c.dataset.attractiveness).filter((_, i) => i % 3 === 0)).toEqual(['high', 'medium', 'low']);

    const contoso = cell('low', 'high');
    expect(contoso.textContent).toContain('Maintain efficiently');
    expect(within(contoso).getByTestId('ninebox-account').textContent).toContain('Contoso Logistics');
    const tailspin = cell('high', 'low');
    expect(tailspin.textContent).toContain('Build the relationship');
    expect(tailspin.textContent).toContain('Tailspin Airlines');
    expect(cell('high', 'high').textContent).toContain('Invest to grow');
    expect(within(cell('high', 'high')).queryAllByTestId('ninebox-account')).toHaveLength(0);

    const unplaced = screen.getByTestId('ninebox-unplaced');
    expect(unplaced.textContent).toContain('Not placed: rate the factors in the account form');
    expect(unplaced.textContent).toContain('Northwind Telecom');
  });

  it('opens an account from its cell', async () => {
    freshApp();
    await openPortfolio();
    await fireEvent.click(within(cell('low', 'high')).getByTestId('ninebox-account'));
    await waitFor(() => expect(screen.getByTestId('account-title').textContent).toBe('Contoso Logistics'));
    expect(screen.getByTestId('nav-portfolio').getAttribute('aria-current')).toBeNull();
  });

  it('moves an account once both axes are rated', async () => {
    const store = freshApp();
    await openPortfolio();
    const northwind = store.tables.account!.find((a) => a.fields.name === 'Northwind Telecom')!;
    await api.updateAccount(northwind.id, {
      ...(northwind.fields as unknown as Parameters<typeof api.updateAccount>[1]),
      factor_scores: [{ factor_id: 9001, score: 4 }, { factor_id: 9002, score: 5 }, { factor_id: 9003, score: 4 }],
    });
    await waitFor(() => expect(cell('high', 'high').textContent).toContain('Northwind Telecom'));
    expect(screen.queryByTestId('ninebox-unplaced')).toBeNull();
  });

  it('shows the Pareto table by revenue and by margin with the vital few', async () => {
    freshApp();
    await openPortfolio();
    const rows = () => screen.getAllByTestId('pareto-row');
    expect(rows().map((r) => r.querySelector('.name')?.textContent?.trim())).toEqual([
      'Northwind Telecom', 'Contoso Logistics', 'Tailspin Airlines',
    ]);
    expect(rows().map((r) => r.dataset.vital)).toEqual(['true', 'true', 'false']);
    expect(rows()[0]!.textContent).toContain('4,200,000');
    expect(rows()[0]!.textContent).toContain('75.9%');
    expect(rows()[1]!.textContent).toContain('93.7%');
    expect(rows()[0]!.textContent).toContain('Vital few');
    const summary = screen.getByTestId('pareto-summary');
    expect(summary.textContent).toContain('The top 1 of 3 accounts (20%) bring 76% of revenue.');
    expect(summary.textContent).toContain('2 accounts give 80% of revenue');

    await fireEvent.click(screen.getByTestId('pareto-margin'));
    expect(screen.getByTestId('pareto-margin').getAttribute('aria-pressed')).toBe('true');
    expect(summary.textContent).toContain('of margin');
    expect(rows()[0]!.textContent).toContain('1,150,000');
  });

  it('lists lifetime value with its inputs and each account’s health', async () => {
    freshApp();
    await openPortfolio();
    const rows = screen.getAllByTestId('clv-row');
    expect(rows).toHaveLength(3);
    const northwind = rowWith('clv-row', 'Northwind Telecom');
    expect(rows[0]).toBe(northwind); // highest CLV first
    // 1,150,000 · Σ 0.9^(t−1)/1.08^t over 10 years − 250,000
    let clv = -250000;
    for (let t = 1; t <= 10; t++) clv += (1150000 * 0.9 ** (t - 1)) / 1.08 ** t;
    expect(northwind.textContent).toContain(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(clv));
    expect(northwind.textContent).toContain('90%');
    expect(northwind.textContent).toContain('8%');
    expect(northwind.textContent).toContain('10 years');
    expect(northwind.textContent).toContain('250,000');
    expect(northwind.textContent).toContain('Cooperative');
    // Contoso was saved without inputs: the defaults apply
    const contoso = rowWith('clv-row', 'Contoso Logistics');
    expect(contoso.textContent).toContain('80%');
    expect(contoso.textContent).toContain('10%');
    expect(contoso.querySelectorAll('td')[8]?.textContent?.trim()).toBe('—'); // no people, no coverage
  });

  it('shows markup in account names as text', async () => {
    const store = freshApp();
    const contoso = store.tables.account!.find((a) => a.fields.name === 'Contoso Logistics')!;
    await api.updateAccount(contoso.id, {
      ...(contoso.fields as unknown as Parameters<typeof api.updateAccount>[1]),
      name: '<img src=x onerror=alert(1)>',
    });
    await openPortfolio();
    await waitFor(() => expect(cell('low', 'high').textContent).toContain('<img src=x onerror=alert(1)>'));
    expect(document.querySelector('img')).toBeNull();
  });
});
