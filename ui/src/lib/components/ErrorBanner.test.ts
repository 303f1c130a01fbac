// A full disk: the action that could not be saved is reported in plain words, the form keeps
// what was typed, and every view shows what is really stored.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/locale.svelte';
import { freshApp, openAccount, teardownApp } from '../../testing/app';

afterEach(teardownApp);

describe('ErrorBanner', () => {
  it('says the disk is full and that the last change was not saved', async () => {
    const store = freshApp();
    await openAccount('Northwind Telecom');
    const before = (await screen.findAllByTestId('stakeholder-row')).length;
    store.diskFull = true;
    await fireEvent.click(screen.getByTestId('add-stakeholder-button'));
    const form = await screen.findByTestId('stakeholder-form');
    const name = form.querySelector<HTMLInputElement>('input[name=name]')!;
    const save = within(form).getByTestId('form-save') as HTMLButtonElement;
    await fireEvent.input(name, { target: { value: 'Not saved' } });
    await fireEvent.click(save);
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('The disk is full; your last change was not saved.');
    await waitFor(() => expect(save.disabled).toBe(false));
    expect(name.value).toBe('Not saved');
    const rows = screen.getAllByTestId('stakeholder-row');
    expect(rows).toHaveLength(before);
    expect(rows.some((r) => r.textContent?.includes('Not saved'))).toBe(false);

    i18n.set('zh');
    await waitFor(() => expect(screen.getByTestId('error-banner').textContent).toContain('磁盘已满；您的上一次更改没有保存。'));
    i18n.set('en');

    // With room again, the same form saves.
    store.diskFull = false;
    await fireEvent.click(save);
    await waitFor(() => expect(screen.queryByTestId('stakeholder-form')).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId('stakeholder-row')).toHaveLength(before + 1));
  });
});
