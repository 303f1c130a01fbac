// The Portfolio page against the demo backend: accounts as bubbles in the right nine-box cells,
// unplaced accounts listed, the Pareto chart and table by revenue and margin with the vital few,
// CLV per account with its sensitivity, stage analytics, the as-of view, and chart export.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../api';
import { asOf } from '../stores/asOf.svelte';
import { freshApp, rowWith, teardownApp } from '../../testing/app';
import { nineBoxCells, strategyOf } from './nineBox';

afterEach(() => {
  asOf.clear();
  teardownApp();
});

async function openPortfolio(): Promise<void> {
  await fireEvent.click(await screen.findByTestId('nav-portfolio'));
  await screen.findByTestId('ninebox-chart');
}

function cell(attractiveness: string, relationship: string): SVGElement {
  const found = screen
    .getAllByTestId('ninebox-cell')
    .find((c) => c.dataset.attractiveness === attractiveness && c.dataset.relationship === relationship);
  if (!found) throw new Error(`no cell ${attractiveness}/${relationship}`);
  return found as unknown as SVGElement;
}

function bubble(name: string): SVGElement {
  const found = screen.queryAllByTestId('ninebox-bubble').find((b) => b.textContent?.includes(name));
  if (!found) throw new Error(`no bubble ${name}`);
  return found as unknown as SVGElement;
}

/** The cell whose rectangle holds the bubble's centre. */
function cellOf(b: SVGElement): { attractiveness: string; relationship: string } {
  const cx = Number(b.dataset.cx);
  const cy = Number(b.dataset.cy);
  const hit = screen.getAllByTestId('ninebox-cell').find((c) => {
    const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((k) => Number(c.dataset[k]));
    return cx >= x! && cx <= x! + w! && cy >= y! && cy <= y! + h!;
  });
  if (!hit) throw new Error('bubble outside the grid');
  return { attractiveness: hit.dataset.attractiveness!, relationship: hit.dataset.relationship! };
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
  it('places accounts as bubbles in their nine-box cells and lists the unplaced', async () => {
    freshApp();
    await openPortfolio();
    const cells = screen.getAllByTestId('ninebox-cell');
    expect(cells).toHaveLength(9);
    expect(cells.slice(0, 3).map((c) => c.dataset.relationship)).toEqual(['low', 'medium', 'high']);
    expect(cells.map((c) => c.dataset.attractiveness).filter((_, i) => i % 3 === 0)).toEqual(['high', 'medium', 'low']);

    expect(cell('low', 'high').textContent).toContain('Maintain efficiently');
    expect(cell('high', 'low').textContent).toContain('Build the relationship');
    expect(cell('high', 'high').textContent).toContain('Invest to grow');

    // the bubble sits in the cell the backend placed the account in
    const portfolio = await api.analyzePortfolio();
    const bubbles = screen.getAllByTestId('ninebox-bubble');
    expect(bubbles).toHaveLength(portfolio.accounts.filter((a) => a.nine_box).length);
    for (const b of bubbles) {
      const account = portfolio.accounts.find((a) => a.account_id === Number(b.dataset.accountId))!;
      expect(cellOf(b as unknown as SVGElement)).toEqual({ attractiveness: account.nine_box!.attractiveness, relationship: account.nine_box!.relationship });
    }
    expect(cellOf(bubble('Contoso Logistics'))).toEqual({ attractiveness: 'low', relationship: 'high' });
    expect(cellOf(bubble('Tailspin Airlines'))).toEqual({ attractiveness: 'high', relationship: 'low' });
    // area by revenue: Contoso (980,000) is larger than Tailspin (350,000)
    expect(Number(bubble('Contoso Logistics').dataset.r)).toBeGreaterThan(Number(bubble('Tailspin Airlines').dataset.r));
    expect(bubble('Contoso Logistics').getAttribute('aria-label')).toContain('Contoso Logistics');

    const unplaced = screen.getByTestId('ninebox-unplaced');
    expect(unplaced.textContent).toContain('Not placed: rate the factors in the account form');
    expect(unplaced.textContent).toContain('Northwind Telecom');
    expect(screen.queryAllByTestId('ninebox-bubble').some((b) => b.textContent?.includes('Northwind'))).toBe(false);
  });

  it('opens an account from its bubble, by click or keyboard', async () => {
    freshApp();
    await openPortfolio();
    await fireEvent.click(bubble('Contoso Logistics'));
    await waitFor(() => expect(screen.getByTestId('account-title').textContent).toBe('Contoso Logistics'));
    expect(screen.getByTestId('nav-portfolio').getAttribute('aria-current')).toBeNull();

    await openPortfolio();
    await fireEvent.keyDown(bubble('Tailspin Airlines'), { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('account-title').textContent).toBe('Tailspin Airlines'));
  });

  it('moves an account once both axes are rated', async () => {
    const store = freshApp();
    await openPortfolio();
    const northwind = store.tables.account!.find((a) => a.fields.name === 'Northwind Telecom')!;
    await api.updateAccount(northwind.id, {
      ...(northwind.fields as unknown as Parameters<typeof api.updateAccount>[1]),
      factor_scores: [{ factor_id: 9001, score: 4 }, { factor_id: 9002, score: 5 }, { factor_id: 9003, score: 4 }],
    });
    await waitFor(() => expect(cellOf(bubble('Northwind Telecom'))).toEqual({ attractiveness: 'high', relationship: 'high' }));
    expect(screen.queryByTestId('ninebox-unplaced')).toBeNull();
  });

  it('offers trails (none recorded in the demo yet)', async () => {
    freshApp();
    await openPortfolio();
    const toggle = screen.getByTestId('ninebox-trails-toggle');
    await waitFor(() => expect(toggle.hasAttribute('disabled')).toBe(false));
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryAllByTestId('ninebox-trail')).toHaveLength(0);
    expect(screen.getByTestId('ninebox-no-trails')).toBeTruthy();
  });

  it('draws the trails the backend sends, cut to the as-of date', async () => {
    const store = freshApp();
    const contoso = store.tables.account!.find((a) => a.fields.name === 'Contoso Logistics')!.id;
    const internals = (window as unknown as { __TAURI_INTERNALS__: { invoke: (cmd: string, args?: unknown, options?: unknown) => Promise<unknown> } }).__TAURI_INTERNALS__;
    const invoke = internals.invoke.bind(internals);
    internals.invoke = (cmd, args, options) =>
      cmd === 'portfolio_trails'
        ? Promise.resolve([{ account_id: contoso, points: [
            { date: '2024-03-31', attractiveness: 3, relationship: 2 },
            { date: '2024-06-30', attractiveness: 2.5, relationship: 3 },
            { date: '2024-09-30', attractiveness: 2, relationship: 4 },
          ] }])
        : invoke(cmd, args, options);
    await openPortfolio();
    const toggle = screen.getByTestId('ninebox-trails-toggle');
    await waitFor(() => expect(toggle.hasAttribute('disabled')).toBe(false));
    await fireEvent.click(toggle);
    const trail = await screen.findByTestId('ninebox-trail');
    expect(trail.dataset.accountId).toBe(String(contoso));
    expect(trail.dataset.points).toBe('4'); // three quarter ends and today's bubble
    asOf.set('2024-07-15');
    await screen.findByTestId('portfolio-as-of');
    await waitFor(() => expect(screen.getByTestId('ninebox-trail').dataset.points).toBe('3'));
    expect(screen.getByTestId('ninebox-trails-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('draws the Pareto chart and table by revenue and by margin with the vital few', async () => {
    freshApp();
    await openPortfolio();
    const chart = screen.getByTestId('pareto-chart');
    const bars = () => within(chart).getAllByTestId('pareto-bar');
    const rows = () => screen.getAllByTestId('pareto-row');
    const names = ['Northwind Telecom', 'Contoso Logistics', 'Tailspin Airlines'];
    expect(rows().map((r) => r.querySelector('.name')?.textContent?.trim())).toEqual(names);
    expect(bars().map((b) => b.getAttribute('aria-label')?.split(':')[0])).toEqual(names.map((n, i) => `${i + 1}. ${n}`));
    expect(bars().map((b) => b.dataset.vital)).toEqual(['true', 'true', 'false']);
    expect(rows().map((r) => r.dataset.vital)).toEqual(['true', 'true', 'false']);
    expect(rows()[0]!.textContent).toContain('4,200,000');
    expect(rows()[0]!.textContent).toContain('75.9%');
    expect(rows()[1]!.textContent).toContain('93.7%');
    expect(rows()[0]!.textContent).toContain('Vital few');
    const dots = within(chart).getAllByTestId('pareto-dot');
    expect(Number(dots[dots.length - 1]!.dataset.share)).toBeCloseTo(1, 9);
    const summary = screen.getByTestId('pareto-summary');
    expect(summary.textContent).toContain('The top 1 of 3 accounts (20%) bring 76% of revenue.');
    expect(summary.textContent).toContain('2 accounts give 80% of revenue');

    await fireEvent.click(screen.getByTestId('pareto-margin'));
    expect(screen.getByTestId('pareto-margin').getAttribute('aria-pressed')).toBe('true');
    expect(chart.dataset.measure).toBe('margin');
    expect(summary.textContent).toContain('of margin');
    expect(rows()[0]!.textContent).toContain('1,150,000');
    expect(bars()[0]!.dataset.value).toBe('1150000');
  });

  it('lists lifetime value with its inputs, its sensitivity and each account’s health', async () => {
    freshApp();
    await openPortfolio();
    const rows = screen.getAllByTestId('clv-row');
    expect(rows).toHaveLength(3);
    const northwind = rowWith('clv-row', 'Northwind Telecom');
    expect(rows[0]).toBe(northwind); // highest CLV first
    // 1,150,000 · Σ r^(t−1)/1.08^t over 10 years − 250,000
    const clv = (r: number) => {
      let sum = -250000;
      for (let t = 1; t <= 10; t++) sum += (1150000 * r ** (t - 1)) / 1.08 ** t;
      return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(sum);
    };
    expect(northwind.textContent).toContain(clv(0.9));
    expect(within(northwind).getByTestId('clv-down').textContent).toContain(clv(0.8));
    expect(within(northwind).getByTestId('clv-up').textContent).toContain(clv(1));
    expect(within(northwind).getByTestId('clv-range')).toBeTruthy();
    expect(northwind.textContent).toContain('90%');
    expect(northwind.textContent).toContain('8%');
    expect(northwind.textContent).toContain('10 years');
    expect(northwind.textContent).toContain('250,000');
    expect(northwind.textContent).toContain('Cooperative');
    // Contoso was saved without inputs: the defaults apply
    const contoso = rowWith('clv-row', 'Contoso Logistics');
    expect(contoso.textContent).toContain('80%');
    expect(contoso.textContent).toContain('10%');
    expect(contoso.querySelectorAll('td')[10]?.textContent?.trim()).toBe('—'); // no people, no coverage
  });

  it('shows stage analytics from the backend', async () => {
    freshApp();
    await openPortfolio();
    const section = await screen.findByTestId('stage-analytics');
    const stages = await api.portfolioStages(new Date().toISOString().slice(0, 10));
    const bars = within(section).getAllByTestId('stage-distribution-bar');
    for (const d of stages.distribution.filter((x) => x.stage !== null || x.count > 0)) {
      expect(bars.find((b) => b.dataset.stage === (d.stage ?? ''))?.dataset.count).toBe(String(d.count));
    }
    expect(within(section).getAllByTestId('stage-average-bar')).toHaveLength(stages.average_days.length);
  });

  it('shows the portfolio as of a date, read-only, until back to today', async () => {
    freshApp();
    await openPortfolio();
    expect(screen.queryByTestId('portfolio-as-of')).toBeNull();
    asOf.set('2024-06-30');
    const banner = await screen.findByTestId('portfolio-as-of');
    expect(banner.textContent).toContain('As of 30 Jun 2024 — read-only');
    await screen.findByTestId('ninebox-chart');
    await waitFor(() => expect(within(screen.getByTestId('stage-analytics')).getByText('As of 30 Jun 2024')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('portfolio-as-of-clear'));
    expect(asOf.date).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('portfolio-as-of')).toBeNull());
  });

  it('exports a chart as SVG through the backend’s save dialog', async () => {
    const store = freshApp();
    await openPortfolio();
    const chart = screen.getByTestId('pareto-chart');
    await fireEvent.click(within(chart).getByTestId('chart-export'));
    await fireEvent.click(within(chart).getByTestId('chart-export-svg'));
    await waitFor(() => expect(store.exports).toHaveLength(1));
    const saved = store.exports[0]!;
    expect(saved.format).toBe('svg');
    expect(saved.name).toMatch(/^Demo-pareto-\d{4}-\d{2}-\d{2}-revenue\.svg$/);
    const doc = new DOMParser().parseFromString(saved.data, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain('Northwind Telecom');
    expect((await within(chart).findByTestId('chart-export-notice')).textContent).toContain(`Saved /home/demo/${saved.name}`);
  });

  it('shows markup in account names as text, on screen and in an export', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const store = freshApp();
    const contoso = store.tables.account!.find((a) => a.fields.name === 'Contoso Logistics')!;
    await api.updateAccount(contoso.id, {
      ...(contoso.fields as unknown as Parameters<typeof api.updateAccount>[1]),
      name: evil,
    });
    await openPortfolio();
    await waitFor(() => expect(cellOf(bubble(evil))).toEqual({ attractiveness: 'low', relationship: 'high' }));
    expect(document.querySelector('img')).toBeNull();

    const chart = screen.getByTestId('ninebox-chart').closest('figure')!;
    await fireEvent.click(within(chart as HTMLElement).getByTestId('chart-export'));
    await fireEvent.click(within(chart as HTMLElement).getByTestId('chart-export-svg'));
    await waitFor(() => expect(store.exports).toHaveLength(1));
    const svg = store.exports[0]!.data;
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain(evil);
    expect(doc.querySelector('img, script, foreignObject')).toBeNull();
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.toLowerCase().startsWith('on')).toBe(false);
    }
  });
});
