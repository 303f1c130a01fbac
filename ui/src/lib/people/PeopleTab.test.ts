// The People, Timeline and Team screens against the demo backend: every entity can be created
// through its form (native selects carry ids), and pickers offer only valid choices.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { freshApp, openAccount, rowWith, teardownApp } from '../../testing/app';

afterEach(teardownApp);

async function fill(form: HTMLElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const el = form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);
    if (!el) throw new Error(`no field ${name}`);
    if (el instanceof HTMLSelectElement) await fireEvent.change(el, { target: { value } });
    else await fireEvent.input(el, { target: { value } });
  }
}

function optionTexts(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.textContent?.trim() ?? '');
}

describe('People tab', () => {
  it('offers every unit but the unit itself and its sub-units as parent', async () => {
    freshApp();
    await openAccount('Northwind');
    const tech = rowWith('org-unit-row', 'Technology');
    await fireEvent.click(within(tech).getByTestId('edit-button'));
    const form = await screen.findByTestId('org-unit-form');
    const parent = form.querySelector<HTMLSelectElement>('select[name=parent_id]')!;
    expect(optionTexts(parent)).toEqual(['None (top level)', 'Finance & Procurement']);
  });

  it('nests a new org unit under its parent', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('add-org-unit-button'));
    const form = await screen.findByTestId('org-unit-form');
    const finance = [...form.querySelectorAll<HTMLOptionElement>('select[name=parent_id] option')].find((o) =>
      o.textContent?.includes('Finance'),
    )!;
    await fill(form, { name: 'Procurement', parent_id: finance.value });
    await fireEvent.submit(form);
    await waitFor(() => {
      const row = screen.getAllByTestId('org-unit-row').find((r) => r.querySelector('.name')?.textContent?.trim().startsWith('└ Procurement'));
      expect(row?.style.getPropertyValue('--depth')).toBe('1');
    });
  });

  it('creates an influence tie with person pickers and lists both names', async () => {
    freshApp();
    await openAccount('Northwind');
    const before = (await screen.findAllByTestId('influence-row')).length;
    await fireEvent.click(screen.getByTestId('add-influence-button'));
    const form = await screen.findByTestId('influence-form');
    const ids = Object.fromEntries(
      [...form.querySelectorAll<HTMLOptionElement>('select[name=from_id] option')].map((o) => [o.textContent?.trim(), o.value]),
    );
    await fill(form, { from_id: ids['Margaret Osei']!, to_id: ids['张敏']!, strength: '5', kind: 'rival', note: 'Budget fight' });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.getAllByTestId('influence-row')).toHaveLength(before + 1));
    const row = rowWith('influence-row', 'Budget fight');
    expect(row.textContent).toContain('Margaret Osei');
    expect(row.textContent).toContain('张敏');
    expect(row.textContent).toContain('Rival');
  });

  it('asks for both people before saving an influence tie', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('add-influence-button'));
    const form = await screen.findByTestId('influence-form');
    await fireEvent.submit(form);
    expect((await screen.findByTestId('field-error-from_id')).textContent).toBe('This field is required.');
    expect(screen.getByTestId('field-error-to_id')).toBeTruthy();
  });

  it('records coverage from a team member to a stakeholder', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('add-coverage-button'));
    const form = await screen.findByTestId('coverage-form');
    const member = [...form.querySelectorAll<HTMLOptionElement>('select[name=team_member_id] option')].find((o) => o.textContent === 'Raj Patel')!;
    const person = [...form.querySelectorAll<HTMLOptionElement>('select[name=stakeholder_id] option')].find((o) => o.textContent === 'Margaret Osei')!;
    await fill(form, { team_member_id: member.value, stakeholder_id: person.value, strength: '2', last_contact: '2025-02-03' });
    await fireEvent.submit(form);
    await waitFor(() => expect(rowWith('coverage-row', 'Margaret Osei').textContent).toContain('Raj Patel'));
  });

  it('edits a stakeholder with every field pre-filled', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(within(rowWith('stakeholder-row', 'Li Wei')).getByTestId('edit-button'));
    const form = await screen.findByTestId('stakeholder-form');
    const value = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
    expect(value('title')).toBe('Chief Architect');
    expect(value('power')).toBe('3');
    expect(value('last_contact')).toBe('2025-01-14');
    expect(form.querySelector<HTMLInputElement>('[name=coach]')!.checked).toBe(true);
    const roles = [...form.querySelectorAll<HTMLInputElement>('[name=roles]')].filter((c) => c.checked).map((c) => c.value);
    expect(roles).toEqual(['user', 'influencer']);
    const reportsTo = form.querySelector<HTMLSelectElement>('select[name=reports_to]')!;
    expect(optionTexts(reportsTo)).not.toContain('Li Wei');
    expect(reportsTo.selectedOptions[0]?.textContent).toBe('CTO (new)');
    await fill(form, { attitude: 'supporter', last_contact: '' });
    await fireEvent.submit(form);
    await waitFor(() => expect(rowWith('stakeholder-row', 'Li Wei').textContent).toContain('Supporter'));
  });

  it('marks placeholders as unknown people', async () => {
    freshApp();
    await openAccount('Northwind');
    const row = await waitFor(() => rowWith('stakeholder-row', 'CTO (new)'));
    expect(row.classList.contains('placeholder')).toBe(true);
    expect(row.textContent).toContain('unknown person');
  });
});

describe('Timeline tab', () => {
  it('adds a stage change and updates the current stage everywhere', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('tab-timeline'));
    await fireEvent.click(await screen.findByTestId('add-stage-change-button'));
    const form = await screen.findByTestId('stage-change-form');
    await fill(form, { date: '2025-03-01', stage: 'interdependent', evidence: 'Joint plan signed' });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.getAllByTestId('stage-change-row')).toHaveLength(3));
    expect(screen.getAllByTestId('stage-change-row')[0]!.textContent).toContain('Joint plan signed');
    expect(rowWith('account-item', 'Northwind').textContent).toContain('Interdependent');
  });

  it('rejects an impossible date beside the date field', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('tab-timeline'));
    await fireEvent.click(await screen.findByTestId('add-stage-change-button'));
    const form = await screen.findByTestId('stage-change-form');
    await fill(form, { date: 'yesterday' });
    await fireEvent.submit(form);
    expect((await screen.findByTestId('field-error-date')).textContent).toBe('Enter a valid date (YYYY-MM-DD).');
  });

  it('logs an interaction with people from both sides', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('tab-timeline'));
    await fireEvent.click(await screen.findByTestId('add-interaction-button'));
    const form = await screen.findByTestId('interaction-form');
    await fill(form, { date: '2025-02-10', kind: 'call', summary: 'Pricing call', sentiment: 'negative' });
    const box = [...form.querySelectorAll<HTMLInputElement>('[name=stakeholder_ids]')].find((c) =>
      c.parentElement?.textContent?.includes('Margaret Osei'),
    )!;
    await fireEvent.click(box);
    await fireEvent.submit(form);
    await waitFor(() => expect(rowWith('interaction-row', 'Pricing call').textContent).toContain('Margaret Osei'));
    expect(rowWith('interaction-row', 'Pricing call').textContent).toContain('Negative');
  });
});

describe('Team', () => {
  it('creates, renames and deletes a team member', async () => {
    freshApp();
    await fireEvent.click(await screen.findByTestId('team-nav'));
    await fireEvent.click(await screen.findByTestId('add-team-member-button'));
    let form = await screen.findByTestId('team-member-form');
    await fill(form, { name: 'Ana Ruiz', role: 'executive_sponsor' });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByTestId('team-member-form')).toBeNull());
    expect(rowWith('team-member-row', 'Ana Ruiz').textContent).toContain('Executive sponsor');

    await fireEvent.click(within(rowWith('team-member-row', 'Ana Ruiz')).getByTestId('edit-button'));
    form = await screen.findByTestId('team-member-form');
    expect(form.querySelector<HTMLSelectElement>('[name=role]')!.value).toBe('executive_sponsor');
    await fill(form, { name: 'Ana Ruiz-Lopez' });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByTestId('team-member-form')).toBeNull());
    expect(rowWith('team-member-row', 'Ana Ruiz-Lopez')).toBeTruthy();

    await fireEvent.click(within(rowWith('team-member-row', 'Ana Ruiz-Lopez')).getByTestId('delete-button'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryAllByTestId('team-member-row').some((r) => r.textContent?.includes('Ana'))).toBe(false));
  });
});
