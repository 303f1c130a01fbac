// The portfolio timeline: a lane per account with its movement, sorting, period presets,
// the cursor, opening an account; and the time 500 lanes take (geometry and first render).
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Movement, PortfolioTimeline as Data, Stage, StageChange, Tier, TimelineLane } from '../bindings';
import { i18n } from '../i18n/locale.svelte';
import { STAGES, TIERS } from '../vocab';
import PortfolioTimeline from './PortfolioTimeline.svelte';
import { last12Months, lastQuarter, laneGeometry, presetOf, sortLanes } from './portfolio';
import { isRegression, timeScale, fitWindow } from './scale';

afterEach(() => cleanup());

const TODAY = '2025-06-01';

function lane(id: number, name: string, tier: Tier, revenue: number | null, history: [string, Stage][], movement: Movement, stageAtTo: Stage | null): TimelineLane {
  const stage_changes: StageChange[] = history.map(([date, stage], i) => ({ id: id * 100 + i, fields: { account_id: id, date, stage, evidence: `e${i}` } }));
  const regressions = stage_changes.slice(1).flatMap((c, i) => {
    const from = stage_changes[i]!.fields.stage;
    return isRegression(from, c.fields.stage) ? [{ change_id: c.id, date: c.fields.date, from, to: c.fields.stage, evidence: c.fields.evidence }] : [];
  });
  return { account_id: id, name, tier, annual_revenue: revenue, stage_changes, stage_at_from: null, stage_at_to: stageAtTo, movement, regressions };
}

const LANES: TimelineLane[] = [
  lane(1, 'Northwind', 'strategic', 4_200_000, [['2023-01-01', 'exploratory'], ['2024-05-01', 'cooperative'], ['2025-01-10', 'interdependent']], 'forward', 'interdependent'),
  lane(2, 'Contoso', 'key', 980_000, [['2022-06-01', 'cooperative'], ['2025-02-01', 'basic']], 'back', 'basic'),
  lane(3, 'Adventure Works', 'key', null, [], 'no_stage', null),
  lane(4, 'Tailspin', 'development', 350_000, [['2024-01-01', 'basic']], 'same', 'basic'),
];

function data(lanes = LANES, period = last12Months(TODAY)): Data {
  return { ...period, today: TODAY, lanes };
}

function renderIt(d: Data, cursor: string | null = null) {
  const props = { data: d, cursor, onCursor: vi.fn(), onOpenAccount: vi.fn(), onPeriod: vi.fn() };
  i18n.set('en');
  render(PortfolioTimeline, { props });
  return props;
}

const laneIds = () => screen.getAllByTestId('portfolio-timeline-lane').map((l) => Number(l.dataset.accountId));

describe('portfolio logic', () => {
  it('sorts by tier, stage, revenue and name with stable ties', () => {
    const ids = (key: Parameters<typeof sortLanes>[1]) => sortLanes(LANES, key, 'en').map((l) => l.account_id);
    expect(ids('tier')).toEqual([1, 3, 2, 4]);
    expect(ids('stage')).toEqual([1, 2, 4, 3]);
    expect(ids('revenue')).toEqual([1, 2, 4, 3]);
    expect(ids('name')).toEqual([3, 2, 1, 4]);
  });

  it('knows the presets', () => {
    expect(lastQuarter('2025-06-01')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(lastQuarter('2025-01-15')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(last12Months('2025-06-01')).toEqual({ from: '2024-06-01', to: '2025-06-01' });
    expect(presetOf('2025-01-01', '2025-03-31', '2025-06-01')).toBe('quarter');
    expect(presetOf('2024-06-01', '2025-06-01', '2025-06-01')).toBe('year');
    expect(presetOf('2024-06-02', '2025-06-01', '2025-06-01')).toBe('custom');
  });
});

describe('PortfolioTimeline', () => {
  it('draws a lane per account with its movement and regression markers', () => {
    renderIt(data());
    const lanes = screen.getAllByTestId('portfolio-timeline-lane');
    expect(lanes).toHaveLength(4);
    expect(lanes.map((l) => l.dataset.movement)).toEqual(['forward', 'no_stage', 'back', 'same']);
    expect(lanes[0]!.textContent).toContain('↑');
    expect(lanes[2]!.textContent).toContain('↓');
    expect(lanes[3]!.textContent).toContain('=');
    expect(lanes[2]!.getAttribute('aria-label')).toBe('Contoso: moved back');
    expect(screen.getAllByTestId('portfolio-timeline-regression')).toHaveLength(1);
  });

  it('re-sorts lanes from the select', async () => {
    renderIt(data());
    expect(laneIds()).toEqual([1, 3, 2, 4]);
    await fireEvent.change(screen.getByTestId('portfolio-timeline-sort'), { target: { value: 'name' } });
    expect(laneIds()).toEqual([3, 2, 1, 4]);
    await fireEvent.change(screen.getByTestId('portfolio-timeline-sort'), { target: { value: 'revenue' } });
    expect(laneIds()).toEqual([1, 2, 4, 3]);
  });

  it('opens an account from its lane name', async () => {
    const props = renderIt(data());
    await fireEvent.click(screen.getByRole('button', { name: 'Open Contoso' }));
    expect(props.onOpenAccount).toHaveBeenCalledWith(2);
  });

  it('picks a period preset and a custom period', async () => {
    const props = renderIt(data());
    const period = screen.getByTestId('portfolio-timeline-period') as HTMLSelectElement;
    expect(period.value).toBe('year');
    await fireEvent.change(period, { target: { value: 'quarter' } });
    expect(props.onPeriod).toHaveBeenLastCalledWith('2025-01-01', '2025-03-31');
    await fireEvent.change(period, { target: { value: 'custom' } });
    await fireEvent.input(screen.getByTestId('portfolio-timeline-from'), { target: { value: '2024-02-01' } });
    await fireEvent.input(screen.getByTestId('portfolio-timeline-to'), { target: { value: '2023-12-01' } });
    await fireEvent.submit(screen.getByTestId('portfolio-timeline-to').closest('form')!);
    expect(props.onPeriod).toHaveBeenLastCalledWith('2023-12-01', '2024-02-01');
  });

  it('moves the cursor by keyboard and returns to today', async () => {
    const props = renderIt(data(), '2025-01-10');
    const cursor = screen.getByTestId('timeline-cursor');
    await fireEvent.keyDown(cursor, { key: 'ArrowLeft' });
    expect(props.onCursor).toHaveBeenLastCalledWith('2025-01-09');
    await fireEvent.keyDown(cursor, { key: 'ArrowRight', shiftKey: true });
    expect(props.onCursor).toHaveBeenLastCalledWith('2025-02-10');
    await fireEvent.click(screen.getByTestId('timeline-cursor-today'));
    expect(props.onCursor).toHaveBeenLastCalledWith(null);
  });

  it('shows account names as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    renderIt(data([lane(9, evil, 'key', 1, [['2024-01-01', 'basic']], 'same', 'basic')]));
    const l = screen.getByTestId('portfolio-timeline-lane');
    expect(l.querySelector('img')).toBeNull();
    expect(l.textContent).toContain('<img');
  });

  it('handles 500 lanes quickly', () => {
    const tiers = TIERS;
    const lanes: TimelineLane[] = [];
    for (let i = 0; i < 500; i++) {
      const history: [string, Stage][] = [];
      let month = i % 12;
      for (let k = 0; k < 4 + (i % 4); k++) {
        month += 5 + ((i * 7 + k * 3) % 9);
        const y = 2019 + Math.floor(month / 12);
        history.push([`${y}-${String((month % 12) + 1).padStart(2, '0')}-01`, STAGES[(i + k * 2) % 6]!]);
      }
      lanes.push(lane(i + 1, `Account ${i + 1}`, tiers[i % 4]!, (i * 7919) % 1_000_000, history.filter(([d]) => d <= TODAY), 'same', 'basic'));
    }
    const d = data(lanes);
    const scale = timeScale(fitWindow(lanes.flatMap((l) => l.stage_changes.map((c) => c.fields.date)), TODAY), 190, 1200);
    const g0 = performance.now();
    const geometry = laneGeometry(sortLanes(lanes, 'tier', 'en'), scale, { today: TODAY, from: d.from, to: d.to, top: 0, rowHeight: 26, stageName: (s) => s });
    const geometryMs = performance.now() - g0;
    const r0 = performance.now();
    renderIt(d);
    const renderMs = performance.now() - r0;
    expect(screen.getAllByTestId('portfolio-timeline-lane')).toHaveLength(500);
    expect(geometry.reduce((n, g) => n + g.bands.length, 0)).toBeGreaterThan(1500);
    console.log(`500 lanes: geometry ${geometryMs.toFixed(1)} ms, first render (jsdom) ${renderMs.toFixed(0)} ms`);
    expect(geometryMs).toBeLessThan(1000);
    // jsdom is far slower than a browser (Chromium: see the report); this only catches blow-ups.
    expect(renderMs).toBeLessThan(20000);
    console.log(`500 lanes: ${document.querySelectorAll('svg *').length} SVG nodes`);
  }, 30_000);
});
