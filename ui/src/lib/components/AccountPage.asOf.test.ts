// An account shown "as of" a past date against the demo backend: the banner and header badge,
// every editing control gone (the past is read-only), the comparison with today, the way back;
// and the confidence cue of the stakeholder table following the threshold.
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../format';
import { asOf } from '../stores/asOf.svelte';
import { preferences } from '../stores/preferences.svelte';
import { workspace } from '../stores/workspace.svelte';
import { freshApp, openAccount, teardownApp } from '../../testing/app';

afterEach(async () => {
  asOf.clear();
  await preferences.setConfidenceDays(180);
  teardownApp();
});

describe('the past, as of a date', () => {
  it('is read-only, says so, compares with today and goes back', async () => {
    freshApp();
    await openAccount('Northwind');
    expect(screen.getByTestId('edit-account-button')).toBeTruthy();

    asOf.set('2025-01-15', workspace.today);
    const banner = await screen.findByTestId('as-of-banner');
    expect(banner.textContent).toContain('Northwind');
    expect(screen.getByTestId('as-of-badge')).toBeTruthy();
    expect(screen.queryByTestId('edit-account-button')).toBeNull();
    expect(screen.queryByTestId('delete-account-button')).toBeNull();

    await fireEvent.click(screen.getByTestId('tab-analysis'));
    await screen.findByTestId('analysis-paths-today');
    expect(screen.queryByTestId('path-target-select')).toBeNull();

    await fireEvent.click(screen.getByTestId('as-of-compare'));
    const panel = await screen.findByTestId('compare-panel');
    await waitFor(() => expect(panel.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByTestId('compare-coverage').textContent).not.toBe('');
    expect(panel.textContent).toContain(formatDate(workspace.today));
    // another later date to compare with
    await fireEvent.change(screen.getByTestId('compare-to'), { target: { value: '2025-06-30' } });
    await waitFor(() => expect(screen.getByTestId('compare-panel').textContent).toContain(formatDate('2025-06-30')));
    // a date before the as-of date is not a comparison: today stays
    await fireEvent.change(screen.getByTestId('compare-to'), { target: { value: '2024-01-01' } });
    await waitFor(() => expect(screen.getByTestId('compare-panel').textContent).toContain(formatDate(workspace.today)));

    await fireEvent.click(screen.getByTestId('as-of-today'));
    await waitFor(() => expect(screen.queryByTestId('as-of-banner')).toBeNull());
    expect(screen.queryByTestId('as-of-badge')).toBeNull();
    expect(screen.getByTestId('edit-account-button')).toBeTruthy();
  });

  it('treats today (or later) as no past at all', () => {
    asOf.set(workspace.today, workspace.today);
    expect(asOf.date).toBeNull();
    expect(() => asOf.set('15/01/2025')).toThrow();
  });
});

describe('confidence cue', () => {
  it('marks stakeholders not confirmed within the threshold', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('tab-analysis'));
    await waitFor(() => expect(screen.getAllByTestId('analysis-row').length).toBeGreaterThan(0));
    const stale = () => screen.getAllByTestId('analysis-row').filter((r) => r.dataset.stale === 'true').length;
    await preferences.setConfidenceDays(3650);
    const few = stale();
    await preferences.setConfidenceDays(1);
    await waitFor(() => expect(stale()).toBeGreaterThan(few));
    expect(screen.getAllByTestId('stale-mark').length).toBe(stale());
  });
});
