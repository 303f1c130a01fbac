// The Timeline tab against the demo backend: the chart above the tables, a marker opening the
// stage change's edit form, double-click adding at a date, the cursor making the past read-only.
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { freshApp, openAccount, teardownApp } from '../../testing/app';
import { asOf } from '../stores/asOf.svelte';

afterEach(() => {
  asOf.clear();
  teardownApp();
});

async function openTimeline(): Promise<void> {
  await openAccount('Northwind');
  await fireEvent.click(screen.getByTestId('tab-timeline'));
  await screen.findByTestId('timeline-chart');
}

describe('Timeline tab', () => {
  it('draws a marker per stage change and no coming-soon note', async () => {
    const store = freshApp();
    await openTimeline();
    const changes = store.tables.stage_change!.filter((c) => (c.fields as { account_id: number }).account_id === (store.tables.account!.find((a) => a.fields.name === 'Northwind Telecom')!.id));
    expect(screen.getAllByTestId('timeline-stage-marker')).toHaveLength(changes.length);
    expect(screen.getAllByTestId('stage-change-row')).toHaveLength(changes.length);
    expect(screen.queryByText(/coming release/)).toBeNull();
  });

  it('opens the edit form of the clicked marker', async () => {
    freshApp();
    await openTimeline();
    const marker = screen.getAllByTestId('timeline-stage-marker').at(-1)!;
    await fireEvent.click(marker);
    const form = await screen.findByTestId('stage-change-form');
    expect(form.textContent).toContain('Edit stage change');
    expect((form.querySelector('input[name=date]') as HTMLInputElement).value).toBe('2024-05-20');
  });

  it('opens the create form prefilled with the double-clicked day', async () => {
    freshApp();
    await openTimeline();
    await fireEvent.dblClick(screen.getAllByTestId('timeline-stage-band')[0]!, { clientX: 300 });
    const form = await screen.findByTestId('stage-change-form');
    expect(form.textContent).toContain('New stage change');
    expect((form.querySelector('input[name=date]') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('removes a focused marker or tick with Delete, after asking, undoably', async () => {
    const store = freshApp();
    await openTimeline();
    const ticks = screen.getAllByTestId('timeline-interaction-tick');
    const tickId = Number(ticks[0]!.dataset.id);
    await fireEvent.keyDown(ticks[0]!, { key: 'Backspace' });
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryAllByTestId('timeline-interaction-tick')).toHaveLength(ticks.length - 1));
    expect(store.tables.interaction!.some((i) => i.id === tickId)).toBe(false);

    const markers = screen.getAllByTestId('timeline-stage-marker');
    const id = Number(markers.at(-1)!.dataset.id);
    await fireEvent.keyDown(markers.at(-1)!, { key: 'Delete' });
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getAllByTestId('timeline-stage-marker')).toHaveLength(markers.length - 1));
    expect(store.tables.stage_change!.some((c) => c.id === id)).toBe(false);
    // and Undo brings it back
    await fireEvent.click(screen.getByTestId('undo-button'));
    await waitFor(() => expect(screen.getAllByTestId('timeline-stage-marker')).toHaveLength(markers.length));

    // nothing is removed while the past is shown
    await fireEvent.keyDown(screen.getByTestId('timeline-cursor'), { key: 'ArrowLeft' });
    await waitFor(() => expect(asOf.date).not.toBeNull());
    await fireEvent.keyDown(screen.getAllByTestId('timeline-stage-marker')[0]!, { key: 'Delete' });
    expect(screen.queryByTestId('confirm-ok')).toBeNull();
  });

  it('hides editing while the cursor is in the past, and returns with Today', async () => {
    freshApp();
    await openTimeline();
    expect(screen.getByTestId('add-stage-change-button')).toBeTruthy();
    await fireEvent.keyDown(screen.getByTestId('timeline-cursor'), { key: 'ArrowLeft' });
    await waitFor(() => expect(asOf.date).not.toBeNull());
    expect(screen.queryByTestId('add-stage-change-button')).toBeNull();
    expect(screen.queryByTestId('add-interaction-button')).toBeNull();
    expect(screen.queryAllByTestId('edit-button')).toHaveLength(0);
    await fireEvent.click(screen.getAllByTestId('timeline-stage-marker')[0]!);
    expect(screen.queryByTestId('stage-change-form')).toBeNull();

    await fireEvent.click(screen.getByTestId('timeline-cursor-today'));
    expect(asOf.date).toBeNull();
    expect(screen.getByTestId('add-stage-change-button')).toBeTruthy();
  });
});
