// The account form's lifetime-value group: defaults for a new account, the saved values of an
// existing one, what is sent, and `clv.*` errors shown beside their fields (group opened).
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { freshApp, openAccount, teardownApp } from '../../testing/app';

afterEach(teardownApp);

function input(form: HTMLElement, name: string): HTMLInputElement {
  const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}

async function type(form: HTMLElement, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await fireEvent.input(input(form, name), { target: { value } });
}

describe('Account form: lifetime value', () => {
  it('sends the defaults for a new account', async () => {
    const store = freshApp();
    await screen.findAllByTestId('account-item');
    await fireEvent.click(screen.getByTestId('new-account-button'));
    const form = await screen.findByTestId('account-form');
    const group = within(form).getByTestId('clv-group') as HTMLDetailsElement;
    expect(group.open).toBe(false);
    expect(group.querySelector('summary')?.textContent).toBe('Lifetime value');
    expect(input(form, 'clv.retention').value).toBe('0.8');
    expect(input(form, 'clv.discount_rate').value).toBe('0.1');
    expect(input(form, 'clv.horizon_years').value).toBe('10');
    expect(input(form, 'clv.acquisition_cost').value).toBe('0');
    await type(form, { name: 'Fourth Coffee' });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.getByTestId('account-title').textContent).toBe('Fourth Coffee'));
    const saved = store.tables.account!.find((a) => a.fields.name === 'Fourth Coffee')!;
    expect(saved.fields.clv).toEqual({ retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0 });
  });

  it('edits the saved inputs of an account and sends them', async () => {
    const store = freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('edit-account-button'));
    const form = await screen.findByTestId('account-form');
    expect(input(form, 'clv.retention').value).toBe('0.9');
    expect(input(form, 'clv.discount_rate').value).toBe('0.08');
    expect(input(form, 'clv.acquisition_cost').value).toBe('250000');
    await type(form, { 'clv.retention': '0.95', 'clv.horizon_years': '12', 'clv.acquisition_cost': '300,000' });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByTestId('account-form')).toBeNull());
    const saved = store.tables.account!.find((a) => a.fields.name === 'Northwind Telecom')!;
    expect(saved.fields.clv).toEqual({ retention: 0.95, discount_rate: 0.08, horizon_years: 12, acquisition_cost: 300000 });
  });

  it('shows the backend’s clv.* errors beside their fields and opens the group', async () => {
    const store = freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('edit-account-button'));
    const form = await screen.findByTestId('account-form');
    await type(form, { 'clv.retention': '1.5', 'clv.horizon_years': '80', 'clv.acquisition_cost': '-5' });
    await fireEvent.submit(form);
    expect((await screen.findByTestId('field-error-clv.retention')).textContent).toBe('Must be between 0 and 1.');
    expect(screen.getByTestId('field-error-clv.horizon_years').textContent).toBe('Must be between 1 and 50.');
    expect(screen.getByTestId('field-error-clv.acquisition_cost').textContent).toBe('Must be at least 0.');
    expect((within(form).getByTestId('clv-group') as HTMLDetailsElement).open).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(input(form, 'clv.retention')));
    expect(input(form, 'clv.retention').getAttribute('aria-invalid')).toBe('true');
    // nothing was saved
    expect(store.tables.account!.find((a) => a.fields.name === 'Northwind Telecom')!.fields.clv).toMatchObject({ retention: 0.9 });
  });

  it('refuses a horizon that is not a whole number before sending', async () => {
    freshApp();
    await openAccount('Northwind');
    await fireEvent.click(screen.getByTestId('edit-account-button'));
    const form = await screen.findByTestId('account-form');
    await type(form, { 'clv.horizon_years': '2.5', 'clv.discount_rate': 'ten' });
    await fireEvent.submit(form);
    expect((await screen.findByTestId('field-error-clv.horizon_years')).textContent).toBe('Must be between 1 and 50.');
    expect(screen.getByTestId('field-error-clv.discount_rate').textContent).toBe('Enter a number.');
  });
});
