// Component-level checks of the whole shell against the in-memory demo backend: data shows as
// literal text (no HTML injection), validation errors land beside fields, deletes confirm and undo.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { freshApp, openAccount, rowWith, teardownApp } from './testing/app';

afterEach(teardownApp);

describe('App', () => {
  it('lists accounts and opens one on the People tab', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    expect(screen.getByTestId('account-title').textContent).toBe('Northwind Telecom');
    const rows = await screen.findAllByTestId('stakeholder-row');
    expect(rows.map((r) => r.querySelector('td')?.textContent?.trim())).toContain('Li Wei');
    expect(screen.getAllByTestId('influence-row').some((r) => /Li Wei.*→.*CTO \(new\)/.test(r.textContent ?? ''))).toBe(true);
    expect(rowWith('coverage-row', 'Mei Chen').textContent).toContain('Li Wei');
  });

  it('shows markup in names as literal text', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    const rows = await screen.findAllByTestId('stakeholder-row');
    expect(rows.some((r) => r.textContent?.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(document.querySelector('img')).toBeNull();
  });

  it('keeps the form open with a translated error beside the field', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    await fireEvent.click(screen.getByTestId('add-stakeholder-button'));
    const form = await screen.findByTestId('stakeholder-form');
    const name = form.querySelector<HTMLInputElement>('input[name=name]')!;
    expect(document.activeElement).toBe(name);
    await fireEvent.input(name, { target: { value: 'Wang Fang' } });
    const power = form.querySelector<HTMLInputElement>('input[name=power]')!;
    await fireEvent.input(power, { target: { value: '9' } });
    await fireEvent.click(within(form).getByTestId('form-save'));
    const error = await screen.findByTestId('field-error-power');
    expect(error.textContent).toBe('Must be between 1 and 5.');
    expect(screen.getByTestId('stakeholder-form')).toBeTruthy();
    expect(name.value).toBe('Wang Fang');
    await waitFor(() => expect(document.activeElement).toBe(power));

    await fireEvent.input(power, { target: { value: '4' } });
    await fireEvent.click(within(form).getByTestId('form-save'));
    await waitFor(() => expect(screen.queryByTestId('stakeholder-form')).toBeNull());
    await waitFor(() => expect(rowWith('stakeholder-row', 'Wang Fang')).toBeTruthy());
  });

  it('deletes after confirmation and undoes with a labelled button', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    const before = (await screen.findAllByTestId('stakeholder-row')).length;
    await fireEvent.click(within(rowWith('stakeholder-row', 'Li Wei')).getByTestId('delete-button'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(before - 1));
    const undo = screen.getByTestId('undo-button');
    await waitFor(() => expect(undo.getAttribute('title')).toBe('Undo: delete stakeholder Li Wei'));
    await fireEvent.click(undo);
    await waitFor(() => expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(before));
    await waitFor(() => expect(screen.getByTestId('redo-button').getAttribute('title')).toBe('Redo: delete stakeholder Li Wei'));
  });

  it('cancelling the confirmation deletes nothing', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    const before = (await screen.findAllByTestId('stakeholder-row')).length;
    await fireEvent.click(within(screen.getAllByTestId('stakeholder-row')[0]!).getByTestId('delete-button'));
    await fireEvent.click(await screen.findByTestId('confirm-cancel'));
    expect(screen.queryByTestId('confirm-ok')).toBeNull();
    expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(before);
  });

  it('switches the interface to Chinese', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    await fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'zh' } });
    await waitFor(() => expect(screen.getByTestId('tab-people').textContent?.trim()).toBe('人员'));
    expect(localStorage.getItem('rapport.language')).toBe('zh');
  });

  it('switches the theme and remembers it', async () => {
    freshApp();
    await screen.findAllByTestId('account-item');
    await fireEvent.change(screen.getByTestId('theme-select'), { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('rapport.theme')).toBe('dark');
    await fireEvent.change(screen.getByTestId('theme-select'), { target: { value: 'system' } });
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('undoes with Ctrl+Z, but not while typing in a text field', async () => {
    freshApp();
    await openAccount('Northwind Telecom');
    const count = (await screen.findAllByTestId('stakeholder-row')).length - 1;
    await fireEvent.click(within(rowWith('stakeholder-row', 'Li Wei')).getByTestId('delete-button'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(count));
    expect(screen.getByTestId('undo-button').hasAttribute('disabled')).toBe(false);

    await fireEvent.click(screen.getByTestId('add-stakeholder-button'));
    const name = (await screen.findByTestId('stakeholder-form')).querySelector('input[name=name]')!;
    await fireEvent.keyDown(name, { key: 'z', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(count);

    await fireEvent.keyDown(name, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('stakeholder-form')).toBeNull());
    await fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(count + 1));
  });

  it('creates an account with Ctrl+N and shows it selected', async () => {
    freshApp();
    await screen.findAllByTestId('account-item');
    await fireEvent.keyDown(document.body, { key: 'n', ctrlKey: true });
    const form = await screen.findByTestId('account-form');
    await fireEvent.input(form.querySelector('input[name=name]')!, { target: { value: 'Fabrikam' } });
    await fireEvent.input(form.querySelector('input[name=annual_revenue]')!, { target: { value: '1,250,000' } });
    await fireEvent.submit(form);
    await waitFor(() => expect(screen.getByTestId('account-title').textContent).toBe('Fabrikam'));
    expect(screen.getByText('1,250,000')).toBeTruthy();
    expect(rowWith('account-item', 'Fabrikam').getAttribute('aria-current')).toBe('page');
  });

  it('refuses an account without a name, showing the error beside the name', async () => {
    freshApp();
    await screen.findAllByTestId('account-item');
    await fireEvent.click(screen.getByTestId('new-account-button'));
    const form = await screen.findByTestId('account-form');
    await fireEvent.click(within(form).getByTestId('form-save'));
    expect((await screen.findByTestId('field-error-name')).textContent).toBe('This field is required.');
    await fireEvent.click(within(form).getByTestId('form-cancel'));
    await waitFor(() => expect(screen.queryByTestId('account-form')).toBeNull());
  });
});
