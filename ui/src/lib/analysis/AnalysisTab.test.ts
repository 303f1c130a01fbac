// The Analysis tab against the demo backend: gauges, the ranked table and its sorting, risks as
// localized sentences that select people, what-if deltas, introduction paths, recomputation
// after edits, empty states, and names shown as text only.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { i18n } from '../i18n/locale.svelte';
import { freshApp, openAccount, rowWith, teardownApp } from '../../testing/app';

const scrolled = vi.fn();

beforeEach(() => {
  scrolled.mockReset();
  // jsdom has no layout: record scrolling instead
  Element.prototype.scrollIntoView = scrolled;
});
afterEach(teardownApp);

async function openAnalysis(name = 'Northwind'): Promise<void> {
  await openAccount(name);
  await fireEvent.click(screen.getByTestId('tab-analysis'));
  await screen.findByTestId('analysis-panel');
}

async function rows(): Promise<HTMLElement[]> {
  return waitFor(() => {
    const found = screen.getAllByTestId('analysis-row');
    expect(found.length).toBeGreaterThan(0);
    return found;
  });
}

function rowNames(): string[] {
  return screen.getAllByTestId('analysis-row').map((r) => r.querySelector('.person')?.textContent ?? '');
}

function risk(kind: string): HTMLElement {
  const found = screen.getAllByTestId('risk-item').find((r) => r.dataset.kind === kind);
  if (!found) throw new Error(`no ${kind} risk`);
  return found;
}

describe('Analysis tab', () => {
  it('shows the gauges with their numbers as text and as meter values', async () => {
    freshApp();
    await openAnalysis();
    const coverage = await screen.findByTestId('account-coverage');
    const value = Number(coverage.dataset.value);
    expect(value).toBeGreaterThan(0.29);
    expect(value).toBeLessThan(0.3);
    expect(coverage.textContent).toContain('30%');
    const meter = within(coverage).getByRole('meter');
    expect(meter.getAttribute('aria-valuenow')).toBe(String(value));
    expect(meter.getAttribute('aria-valuetext')).toBe('30%');

    const support = screen.getByTestId('support-balance');
    expect(Number(support.dataset.value)).toBeCloseTo(0.0448, 3);
    expect(support.textContent).toContain('+0.04');
    expect(within(support).getByRole('meter').getAttribute('aria-valuemin')).toBe('-1');
  });

  it('ranks stakeholders by blended influence with their scores and badges', async () => {
    freshApp();
    await openAnalysis();
    await rows();
    expect(rowNames()).toEqual(['张敏', 'CTO (new)', 'Margaret Osei', 'Li Wei', '<img src=x onerror=alert(1)>']);
    const li = rowWith('analysis-row', 'Li Wei');
    expect(li.textContent).toContain('0.66'); // blended influence
    expect(li.textContent).toContain('80%'); // coverage
    expect(li.textContent).toContain('Mei Chen'); // covered by
    expect(li.textContent).toContain('Champion');
    expect(li.textContent).toContain('Coach');
    expect(rowWith('analysis-row', 'Margaret Osei').textContent).toContain('Economic buyer');
    expect(rowWith('analysis-row', 'Margaret Osei').textContent).toContain('not covered');
    expect(within(rowWith('analysis-row', '<img')).getByTestId('hidden-influencer').textContent).toContain('Hidden influencer');
    expect(within(rowWith('analysis-row', 'Li Wei')).queryByTestId('hidden-influencer')).toBeNull();
  });

  it('sorts by a column header, flipping on the second click', async () => {
    freshApp();
    await openAnalysis();
    await rows();
    const header = screen.getByTestId('sort-name');
    await fireEvent.click(header);
    expect(rowNames()).toEqual(['<img src=x onerror=alert(1)>', 'CTO (new)', 'Li Wei', 'Margaret Osei', '张敏']);
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    await fireEvent.click(header);
    expect(rowNames()[0]).toBe('张敏');
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    await fireEvent.click(screen.getByTestId('sort-coverage'));
    expect(rowNames().slice(0, 2)).toEqual(['Li Wei', '张敏']);
    expect(screen.getByTestId('sort-blended').closest('th')?.getAttribute('aria-sort')).toBe('none');
  });

  it('writes each risk as a sentence with the names, never the English reason', async () => {
    freshApp();
    await openAnalysis();
    await waitFor(() => expect(screen.getAllByTestId('risk-item').length).toBeGreaterThan(0));
    expect(risk('uncovered_economic_buyer').textContent).toContain('Margaret Osei is the economic buyer, and nobody on our team knows them.');
    expect(risk('uncovered_decider').textContent).toContain('CTO (new) is a decider');
    expect(risk('unknown_attitude').textContent).toContain('We do not know where CTO (new) stands');
    const stale = screen.getAllByTestId('risk-item').filter((r) => r.dataset.kind === 'stale_relationship');
    expect(stale.some((r) => /No contact with Li Wei for \d+ days/.test(r.textContent ?? ''))).toBe(true);
    // the demo backend's English reasons say "not covered well"; they must not appear
    expect(screen.getAllByTestId('risk-item').some((r) => r.textContent?.includes('not covered well'))).toBe(false);
    // most severe first, each with its severity spelled out for screen readers
    expect(screen.getAllByTestId('risk-item')[0]!.dataset.kind).toBe('uncovered_economic_buyer');
    expect(risk('uncovered_economic_buyer').textContent).toContain('High risk');
  });

  it('writes risk sentences in Chinese', async () => {
    freshApp();
    await openAnalysis();
    await waitFor(() => expect(screen.getAllByTestId('risk-item').length).toBeGreaterThan(0));
    i18n.set('zh');
    await waitFor(() => expect(risk('uncovered_economic_buyer').textContent).toContain('Margaret Osei是经济决策者，但我方团队无人与其建立联系。'));
    expect(screen.getByTestId('tab-analysis').textContent?.trim()).toBe('分析');
    i18n.set('en');
  });

  it('selects the people a risk names, highlights and scrolls to them, and toggles off', async () => {
    freshApp();
    await openAnalysis();
    await rows();
    const cto = rowWith('analysis-row', 'CTO (new)');
    const button = risk('unknown_attitude');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(button);
    await waitFor(() => expect(cto.dataset.selected).toBe('true'));
    expect(cto.classList.contains('selected')).toBe(true);
    expect(rowWith('analysis-row', 'Li Wei').dataset.selected).toBe('false');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(scrolled).toHaveBeenCalled());
    expect(scrolled.mock.contexts[0]).toBe(cto);
    expect(screen.getByRole('status').textContent).toContain('Selected: CTO (new)');

    await fireEvent.click(button);
    await waitFor(() => expect(cto.dataset.selected).toBe('false'));

    await fireEvent.click(risk('uncovered_economic_buyer'));
    await waitFor(() => expect(rowWith('analysis-row', 'Margaret Osei').dataset.selected).toBe('true'));
    await fireEvent.click(screen.getByTestId('clear-selection'));
    await waitFor(() => expect(rowWith('analysis-row', 'Margaret Osei').dataset.selected).toBe('false'));
  });

  it('shows what a departure would cost', async () => {
    const store = freshApp();
    await openAnalysis();
    await rows();
    expect(screen.queryByTestId('whatif-result')).toBeNull();
    const mei = store.tables.team_member!.find((m) => m.fields.name === 'Mei Chen')!;
    const select = screen.getByTestId('whatif-select') as HTMLSelectElement;
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Their people', 'Our team']);
    await fireEvent.change(select, { target: { value: `t:${mei.id}` } });
    const result = await screen.findByTestId('whatif-result');
    expect(result.textContent).toContain('If Mei Chen (our team) left:');
    const coverage = within(result).getByTestId('whatif-coverage').textContent ?? '';
    expect(coverage).toContain('30% → 14%');
    expect(coverage).toContain('(-15 pts)');
    expect(within(result).getByTestId('whatif-support').textContent).toContain('+0.04 → +0.04');
    expect(within(result).getByTestId('whatif-roles').textContent).toContain('Influencer');
    const people = within(result).getAllByTestId('whatif-person');
    expect(people[0]!.textContent).toContain('Li Wei');
    expect(people[0]!.textContent).toContain('80% → 0%');
    expect(people[0]!.textContent).toContain('80% → 24%'); // best path
  });

  it('forgets a what-if whose person was deleted', async () => {
    const store = freshApp();
    await openAnalysis();
    await rows();
    const li = store.tables.stakeholder!.find((s) => s.fields.name === 'Li Wei')!;
    const select = screen.getByTestId('whatif-select') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: `s:${li.id}` } });
    expect((await screen.findByTestId('whatif-result')).textContent).toContain('Without Li Wei:');
    await api.deleteStakeholder(li.id);
    await waitFor(() => expect(screen.queryByTestId('whatif-result')).toBeNull());
    await waitFor(() => expect(select.value).toBe(''));
    expect(screen.getAllByTestId('analysis-row')).toHaveLength(4);
  });

  it('lists the best introduction paths, defaulting to the economic buyer', async () => {
    freshApp();
    await openAnalysis();
    await rows();
    const target = screen.getByTestId('path-target-select') as HTMLSelectElement;
    await waitFor(() => expect(target.selectedOptions[0]?.textContent).toBe('Margaret Osei (Economic buyer)'));
    expect((await screen.findByTestId('no-path')).textContent).toContain('No path from our team reaches Margaret Osei yet.');

    const cto = [...target.options].find((o) => o.textContent === 'CTO (new)')!;
    await fireEvent.change(target, { target: { value: cto.value } });
    await waitFor(() => expect(screen.getAllByTestId('path-item')).toHaveLength(2));
    const [best, second] = screen.getAllByTestId('path-item');
    expect(best!.textContent).toMatch(/64%.*Mei Chen.*→.*Li Wei.*→.*CTO \(new\)/);
    expect([...best!.querySelectorAll('.person')].map((p) => p.textContent)).toEqual(['Mei Chen', 'Li Wei', 'CTO (new)']);
    expect(second!.textContent).toContain('Raj Patel');
    expect(second!.textContent).toContain('19%');

    await fireEvent.change(screen.getByTestId('path-count-select'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getAllByTestId('path-item')).toHaveLength(1));
  });

  it('recomputes after an edit, keeping the table up meanwhile', async () => {
    const store = freshApp();
    await openAnalysis();
    await rows();
    await waitFor(() => expect(risk('uncovered_economic_buyer')).toBeTruthy());
    const raj = store.tables.team_member!.find((m) => m.fields.name === 'Raj Patel')!;
    const margaret = store.tables.stakeholder!.find((s) => s.fields.name === 'Margaret Osei')!;
    await api.createCoverage({ team_member_id: raj.id, stakeholder_id: margaret.id, strength: 4, last_contact: null, note: '' });
    await waitFor(() => expect(screen.getAllByTestId('risk-item').some((r) => r.dataset.kind === 'uncovered_economic_buyer')).toBe(false));
    expect(rowWith('analysis-row', 'Margaret Osei').textContent).toContain('Raj Patel');
    await waitFor(() => expect(screen.getAllByTestId('path-item')[0]!.textContent).toContain('Margaret Osei'));
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('shows coverage 0 and the single-threaded risk when our team covers nobody', async () => {
    const store = freshApp();
    const account = store.tables.account!.find((a) => a.fields.name === 'Contoso Logistics')!;
    const base = {
      account_id: account.id, title: '', org_unit_id: null, reports_to: null, dotted_to: null, roles: [], economic_buyer: false,
      coach: false, attitude: 'neutral' as const, power: 3, interest: 3, org_needs: '', personal_wins: '', last_contact: null,
      notes: '', placeholder: false,
    };
    await api.createStakeholder({ ...base, name: 'Ana Silva' });
    await openAnalysis('Contoso');
    const coverage = await screen.findByTestId('account-coverage');
    expect(coverage.dataset.value).toBe('0');
    expect(coverage.textContent).toContain('0%');
    await waitFor(() => expect(risk('single_threaded').textContent).toContain('Single-threaded: nobody at the account is covered'));
    expect((await screen.findByTestId('no-path')).textContent).toContain('Ana Silva');
  });

  it('invites to add people when the account has none', async () => {
    freshApp();
    await openAnalysis('Tailspin');
    const empty = await screen.findByTestId('analysis-empty');
    expect(empty.textContent).toContain('No stakeholders yet');
    expect(screen.queryByTestId('account-coverage')).toBeNull();
    await fireEvent.click(within(empty).getByRole('button'));
    await screen.findByTestId('add-stakeholder-button');
  });

  it('shows markup in names as literal text', async () => {
    freshApp();
    await openAnalysis();
    await rows();
    await fireEvent.click(risk('uncovered_economic_buyer'));
    expect(rowWith('analysis-row', '<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getAllByTestId('faction-item').some((f) => f.textContent?.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(document.querySelector('img')).toBeNull();
  });

  it('lists factions with their mean attitude and total influence', async () => {
    freshApp();
    await openAnalysis();
    const factions = await screen.findAllByTestId('faction-item');
    expect(factions).toHaveLength(2);
    expect(factions[0]!.textContent).toContain('张敏, CTO (new) and Li Wei');
    expect(factions[0]!.textContent).toContain('+1.0');
    expect(factions[0]!.textContent).toContain('supportive');
    expect(factions[1]!.textContent).toContain('-1.5');
    expect(factions[1]!.textContent).toContain('opposed');
  });
});
