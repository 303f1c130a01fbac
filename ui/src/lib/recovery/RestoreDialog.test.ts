// File → Restore from backup…: the backups of the open workspace, newest first, with local date,
// time and size in the UI's language; choosing one and confirming restores it (and the state before
// is backed up first, so it can be restored again).
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/locale.svelte';
import { freshApp, teardownApp } from '../../testing/app';

afterEach(teardownApp);

async function openRestoreDialog(): Promise<HTMLElement> {
  await screen.findAllByTestId('account-item');
  await fireEvent.click(screen.getByTestId('file-menu'));
  await fireEvent.click(screen.getByTestId('menu-restore-backup'));
  return screen.findByTestId('restore-dialog');
}

function accountNames(): string[] {
  return screen.getAllByTestId('account-item').map((i) => i.querySelector('.name')?.textContent ?? '');
}

describe('RestoreDialog', () => {
  it('lists the backups newest first with date, time and size', async () => {
    const store = freshApp();
    const dialog = await openRestoreDialog();
    const rows = await within(dialog).findAllByTestId('backup-row');
    expect(rows).toHaveLength(2);
    const [newest, older] = store.backups.map((b) => b.info);
    expect(newest!.taken_at > older!.taken_at).toBe(true);
    const time = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
    expect(rows[0]!.textContent).toContain(time(newest!.taken_at));
    expect(rows[0]!.textContent).toContain('09:30:00');
    expect(rows[0]!.textContent).toContain('48 kB');
    expect(rows[1]!.textContent).toContain(time(older!.taken_at));
    expect(rows[1]!.textContent).toContain('1.3 MB');
    expect(within(dialog).getByText(/Automatic backups of Demo\.rapport/)).toBeTruthy();
  });

  it('formats the list in Chinese when the UI is in Chinese', async () => {
    freshApp({ prepare: (store) => (store.preferences = { language: 'zh', theme: 'system' }) });
    await waitFor(() => expect(i18n.locale).toBe('zh'));
    const dialog = await openRestoreDialog();
    const rows = await within(dialog).findAllByTestId('backup-row');
    expect(rows[0]!.textContent).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(within(dialog).getByRole('heading').textContent).toBe('从备份恢复');
    i18n.set('en');
  });

  it('restores the chosen backup after confirmation, and the restore can be undone', async () => {
    const store = freshApp();
    store.insert('account', { name: 'Added after the backup', tier: 'key', industry: '', region: '' });
    const dialog = await openRestoreDialog();
    await waitFor(() => expect(accountNames()).toContain('Added after the backup'));
    const ok = within(dialog).getByTestId('restore-ok') as HTMLButtonElement;
    expect(ok.disabled).toBe(true);
    const rows = await within(dialog).findAllByTestId('backup-row');
    await fireEvent.click(rows[0]!.querySelector('input')!);
    expect(ok.disabled).toBe(false);

    // Cancelling the confirmation changes nothing.
    await fireEvent.click(ok);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Replace everything in Demo.rapport');
    await fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(accountNames()).toContain('Added after the backup');

    await fireEvent.click(ok);
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryByTestId('restore-dialog')).toBeNull());
    await waitFor(() => expect(accountNames()).not.toContain('Added after the backup'));
    expect(screen.getByTestId('notice').textContent).toContain('Restored the backup of');

    // The state before the restore heads the list now; restoring it brings the account back.
    const again = await openRestoreDialog();
    const listed = await within(again).findAllByTestId('backup-row');
    expect(listed).toHaveLength(3);
    await fireEvent.click(listed[0]!.querySelector('input')!);
    await fireEvent.click(within(again).getByTestId('restore-ok'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    await waitFor(() => expect(accountNames()).toContain('Added after the backup'));
  });

  it('shows why a backup could not be restored and stays open', async () => {
    const store = freshApp();
    const dialog = await openRestoreDialog();
    const rows = await within(dialog).findAllByTestId('backup-row');
    await fireEvent.click(rows[1]!.querySelector('input')!);
    store.backups.pop(); // gone from the backend's list meanwhile
    await fireEvent.click(within(dialog).getByTestId('restore-ok'));
    await fireEvent.click(await screen.findByTestId('confirm-ok'));
    const error = await within(dialog).findByTestId('restore-error');
    expect(error.textContent).toContain('This backup cannot be restored; nothing was changed.');
    expect(error.textContent).toContain('That action is not allowed here.');
    expect(screen.getByTestId('restore-dialog')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('restore-dialog')).toBeNull();
  });

  it('says so when there are no backups yet', async () => {
    const store = freshApp();
    store.backups = [];
    const dialog = await openRestoreDialog();
    expect((await within(dialog).findByTestId('no-backups')).textContent).toBe('There are no backups of this file yet.');
    expect((within(dialog).getByTestId('restore-ok') as HTMLButtonElement).disabled).toBe(true);
  });
});
