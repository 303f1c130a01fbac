// The one-account stage timeline chart on its own: bands and markers match the data,
// regressions are marked, clicks open editing, the cursor moves by keyboard, evidence
// containing markup stays text.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountDetail, Interaction, StageChange } from '../bindings';
import { i18n } from '../i18n/locale.svelte';
import TimelineChart from './TimelineChart.svelte';

afterEach(() => cleanup());

const TODAY = '2025-06-01';

function detailWith(changes: [string, StageChange['fields']['stage'], string][], interactions: [string, Interaction['fields']['kind']][] = []): AccountDetail {
  return {
    account: { id: 7, fields: { name: 'Fabrikam', industry: '', region: '', tier: 'key', annual_revenue: null, annual_margin: null, factor_scores: [], notes: '' } },
    org_units: [],
    stakeholders: [],
    influences: [],
    coverage: [],
    interactions: interactions.map(([date, kind], i) => ({
      id: 100 + i,
      fields: { account_id: 7, date, kind, stakeholder_ids: [], team_member_ids: [], summary: `Talk ${i}`, sentiment: 'neutral' },
    })),
    stage_changes: changes.map(([date, stage, evidence], i) => ({ id: i + 1, fields: { account_id: 7, date, stage, evidence } })),
  };
}

function renderChart(detail: AccountDetail, extra: Partial<Record<string, unknown>> = {}) {
  const props = {
    detail,
    today: TODAY,
    cursor: null as string | null,
    onCursor: vi.fn(),
    readOnly: false,
    onEditStage: vi.fn(),
    onEditInteraction: vi.fn(),
    onAddStage: vi.fn(),
    onAddInteraction: vi.fn(),
    ...extra,
  };
  i18n.set('en');
  render(TimelineChart, { props });
  return props;
}

const HISTORY: [string, StageChange['fields']['stage'], string][] = [
  ['2023-01-10', 'exploratory', 'First workshop'],
  ['2023-09-01', 'cooperative', 'Preferred supplier'],
  ['2024-03-15', 'basic', 'Champion left'],
  ['2024-11-01', 'cooperative', 'New sponsor'],
];

describe('TimelineChart', () => {
  it('draws a band per span and a marker per change, interactions as ticks', () => {
    renderChart(detailWith(HISTORY, [['2024-01-05', 'meeting'], ['2024-02-01', 'email'], ['2024-02-01', 'call']]));
    expect(screen.getAllByTestId('timeline-stage-band').map((b) => b.dataset.stage)).toEqual(['exploratory', 'cooperative', 'basic', 'cooperative']);
    const markers = screen.getAllByTestId('timeline-stage-marker');
    expect(markers.map((m) => m.dataset.id)).toEqual(['1', '2', '3', '4']);
    expect(screen.getAllByTestId('timeline-interaction-tick')).toHaveLength(3);
    expect(screen.getByTestId('timeline-current').textContent).toContain('Cooperative for 212 days');
  });

  it('marks regressions in data, glyph colour and accessible name', () => {
    renderChart(detailWith([...HISTORY, ['2025-05-01', 'disintegrating', '']]));
    const markers = screen.getAllByTestId('timeline-stage-marker');
    expect(markers.map((m) => m.dataset.regression)).toEqual(['false', 'false', 'true', 'false', 'true']);
    expect(markers[2]!.getAttribute('aria-label')).toBe('15 Mar 2024: regression, Cooperative → Basic');
    expect(markers[2]!.querySelector('path')!.getAttribute('fill')).toBe('var(--danger)');
    expect(markers[4]!.getAttribute('aria-label')).toContain('regression');
  });

  it('shows nothing but the empty chart without data', () => {
    renderChart(detailWith([]));
    expect(screen.queryAllByTestId('timeline-stage-marker')).toHaveLength(0);
    expect(screen.queryAllByTestId('timeline-stage-band')).toHaveLength(0);
    expect(screen.getByTestId('timeline-current').textContent).toContain('No stage recorded yet');
    expect(screen.getByTestId('timeline-cursor')).toBeTruthy();
  });

  it('opens editing on marker click, Enter, tick click; not when read-only', async () => {
    const props = renderChart(detailWith(HISTORY, [['2024-01-05', 'meeting']]));
    const markers = screen.getAllByTestId('timeline-stage-marker');
    await fireEvent.click(markers[2]!);
    expect(props.onEditStage).toHaveBeenCalledWith(3);
    await fireEvent.keyDown(markers[0]!, { key: 'Enter' });
    expect(props.onEditStage).toHaveBeenCalledWith(1);
    await fireEvent.click(screen.getByTestId('timeline-interaction-tick'));
    expect(props.onEditInteraction).toHaveBeenCalledWith(100);
    cleanup();

    const ro = renderChart(detailWith(HISTORY), { readOnly: true });
    await fireEvent.click(screen.getAllByTestId('timeline-stage-marker')[0]!);
    expect(ro.onEditStage).not.toHaveBeenCalled();
  });

  it('moves the cursor by keyboard: days, months, to today', async () => {
    const props = renderChart(detailWith(HISTORY), { cursor: '2024-03-15' });
    const cursor = screen.getByTestId('timeline-cursor');
    expect(cursor.getAttribute('aria-valuetext')).toBe('15 Mar 2024');
    await fireEvent.keyDown(cursor, { key: 'ArrowLeft' });
    expect(props.onCursor).toHaveBeenLastCalledWith('2024-03-14');
    await fireEvent.keyDown(cursor, { key: 'ArrowRight' });
    expect(props.onCursor).toHaveBeenLastCalledWith('2024-03-16');
    await fireEvent.keyDown(cursor, { key: 'ArrowRight', shiftKey: true });
    expect(props.onCursor).toHaveBeenLastCalledWith('2024-04-15');
    await fireEvent.keyDown(cursor, { key: 'Home' });
    expect(props.onCursor).toHaveBeenLastCalledWith('2023-01-10');
    await fireEvent.keyDown(cursor, { key: 'End' });
    expect(props.onCursor).toHaveBeenLastCalledWith(null);
    await fireEvent.click(screen.getByTestId('timeline-cursor-today'));
    expect(props.onCursor).toHaveBeenLastCalledWith(null);
  });

  it('keeps the cursor at or before today', async () => {
    const props = renderChart(detailWith(HISTORY));
    const cursor = screen.getByTestId('timeline-cursor');
    expect(cursor.dataset.date).toBe(TODAY);
    await fireEvent.keyDown(cursor, { key: 'ArrowRight' });
    expect(props.onCursor).toHaveBeenLastCalledWith(null);
    await fireEvent.keyDown(cursor, { key: 'ArrowLeft' });
    expect(props.onCursor).toHaveBeenLastCalledWith('2025-05-31');
  });

  it('shows evidence with markup as text on hover', async () => {
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>';
    renderChart(detailWith([['2024-01-01', 'basic', evil]]));
    const marker = screen.getByTestId('timeline-stage-marker');
    await fireEvent.mouseEnter(marker);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain(evil);
    expect(tip.querySelector('img')).toBeNull();
    expect(tip.querySelector('b')).toBeNull();
    await fireEvent.mouseLeave(marker);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('zooms with the buttons and fits back', async () => {
    renderChart(detailWith(HISTORY));
    const axisLabels = () => [...document.querySelectorAll('.axis text')].map((n) => n.textContent);
    const before = axisLabels();
    for (let i = 0; i < 6; i++) await fireEvent.click(screen.getByTestId('timeline-zoom-in'));
    expect(axisLabels()).not.toEqual(before);
    await fireEvent.click(screen.getByTestId('timeline-fit'));
    expect(axisLabels()).toEqual(before);
    await fireEvent.click(screen.getByTestId('timeline-zoom-out'));
    expect(axisLabels()).toEqual(before); // already at the widest
  });

  it('adds a stage change at the double-clicked day', async () => {
    const props = renderChart(detailWith(HISTORY));
    const band = screen.getAllByTestId('timeline-stage-band')[1]!;
    await fireEvent.dblClick(band, { clientX: 400 });
    expect(props.onAddStage).toHaveBeenCalledTimes(1);
    expect(props.onAddStage.mock.calls[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('speaks Chinese', () => {
    renderChart(detailWith(HISTORY));
    i18n.set('zh');
    return Promise.resolve().then(() => {
      expect(screen.getByTestId('timeline-fit').textContent).toBe('全部');
      expect(screen.getByTestId('timeline-current').textContent).toContain('合作');
      i18n.set('en');
    });
  });
});
