// When a file cannot be opened (at start-up, with Open… or from the recent list), a dialog names
// the file and the problem and offers what makes sense: Open read-only, Restore from backup…,
// Make a copy…, Cancel. A read-only session shows a badge and offers no edits.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError, OpenFailure } from '../bindings';
import { demoBackup } from '../demo/backend';
import { freshApp, openAccount, teardownApp } from '../../testing/app';

afterEach(teardownApp);

const PATH = '/home/demo/Plan.rapport';

function refusal(kind: AppError['kind'], choices: Partial<OpenFailure> = {}): OpenFailure {
  return {
    path: PATH,
    file_name: 'Plan.rapport',
    error: { kind, message: `${PATH}: ${kind}`, fields: [] },
    can_open_read_only: false,
    can_recover: false,
    backups: [],
    ...choices,
  };
}

/** Starts the app as if the start-up file was refused with `failure`. */
function startRefused(failure: OpenFailure) {
  return freshApp({
    prepare: (store) => {
      store.open = false;
      store.startupError = failure.error;
      store.openFailure = failure;
    },
  });
}

function buttons(dialog: HTMLElement): string[] {
  return within(dialog)
    .getAllByRole('button')
    .map((b) => b.textContent?.trim() ?? '');
}

describe('OpenFailureDialog', () => {
  it('offers a read-only file read-only, and the session shows a badge and no edits', async () => {
    const store = startRefused(refusal('read_only', { can_open_read_only: true }));
    const dialog = await screen.findByTestId('open-failure-dialog');
    expect(within(dialog).getByRole('heading').textContent).toBe('Cannot open Plan.rapport');
    expect(within(dialog).getByTestId('failure-path').textContent).toBe(PATH);
    expect(within(dialog).getByTestId('failure-problem').textContent).toContain('The file is read-only');
    expect(buttons(dialog)).toEqual(['Cancel', 'Open read-only']);
    expect(screen.queryByTestId('error-banner')).toBeNull();

    await fireEvent.click(within(dialog).getByTestId('failure-read-only'));
    await waitFor(() => expect(screen.queryByTestId('open-failure-dialog')).toBeNull());
    expect((await screen.findByTestId('read-only-badge')).textContent?.trim()).toBe('Read-only');
    expect(screen.queryByTestId('new-account-button')).toBeNull();
    expect((screen.getByTestId('undo-button') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('redo-button') as HTMLButtonElement).disabled).toBe(true);
    await openAccount('Northwind Telecom');
    await screen.findAllByTestId('stakeholder-row');
    expect(screen.queryAllByTestId('edit-button')).toHaveLength(0);
    expect(screen.queryAllByTestId('delete-button')).toHaveLength(0);
    expect(screen.queryByTestId('add-stakeholder-button')).toBeNull();
    await fireEvent.click(screen.getByTestId('file-menu'));
    expect((screen.getByTestId('menu-restore-backup') as HTMLButtonElement).disabled).toBe(true);
    expect(store.readOnly).toBe(true);
  });

  it('offers a damaged file a rescue copy and its backups, and restores one in its place', async () => {
    const backups = [demoBackup(new Date(2026, 10, 20, 9, 0, 0), 80_000, 'Plan-1')];
    startRefused(refusal('corrupt', { can_recover: true, backups }));
    const dialog = await screen.findByTestId('open-failure-dialog');
    expect(within(dialog).getByTestId('failure-problem').textContent).toContain('The file is damaged');
    expect(buttons(dialog)).toEqual(['Cancel', 'Make a copy…', 'Restore from backup…']);

    await fireEvent.click(within(dialog).getByTestId('failure-copy'));
    expect((await within(dialog).findByTestId('copy-saved')).textContent).toBe(
      'Copy saved to /home/demo/Rescue copy.rapport',
    );

    await fireEvent.click(within(dialog).getByTestId('failure-restore'));
    const restore = await screen.findByTestId('restore-dialog');
    expect(restore.textContent).toContain('in place of the damaged file');
    const rows = within(restore).getAllByTestId('backup-row');
    expect(rows[0]!.textContent).toContain('20 Nov 2026, 09:00:00');
    await fireEvent.click(rows[0]!.querySelector('input')!);
    await fireEvent.click(within(restore).getByTestId('restore-ok'));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('damaged Plan.rapport');
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryByTestId('restore-dialog')).toBeNull());
    expect((await screen.findByTestId('notice')).textContent).toContain('Plan.damaged-20261124-083000.rapport');
    expect(await screen.findAllByTestId('account-item')).not.toHaveLength(0);
    expect(screen.queryByTestId('read-only-badge')).toBeNull();
  });

  it('says when a file that is not a workspace has no backups, and Cancel leaves everything', async () => {
    const store = startRefused(refusal('not_a_workspace', { can_recover: true }));
    const dialog = await screen.findByTestId('open-failure-dialog');
    expect(within(dialog).getByTestId('failure-problem').textContent).toContain('not a Rapport workspace');
    expect(within(dialog).getByTestId('failure-no-backups')).toBeTruthy();
    expect((within(dialog).getByTestId('failure-restore') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(dialog).getByTestId('failure-cancel'));
    expect(screen.queryByTestId('open-failure-dialog')).toBeNull();
    expect(store.open).toBe(false);
    expect(screen.getByText('No workspace is open')).toBeTruthy();
  });

  it('offers a newer file read-only only when this version can read it', async () => {
    startRefused(refusal('newer_schema'));
    let dialog = await screen.findByTestId('open-failure-dialog');
    expect(within(dialog).getByTestId('failure-problem').textContent).toContain('cannot read it safely');
    expect(buttons(dialog)).toEqual(['Cancel']);
    teardownApp();

    startRefused(refusal('newer_schema', { can_open_read_only: true }));
    dialog = await screen.findByTestId('open-failure-dialog');
    expect(within(dialog).getByTestId('failure-problem').textContent).toContain('can show it read-only');
    expect(buttons(dialog)).toEqual(['Cancel', 'Open read-only']);
  });

  it('opens from the recent list with the same choices, and other refusals stay in the banner', async () => {
    const store = freshApp();
    await screen.findAllByTestId('account-item');
    const failure = refusal('corrupt', { can_recover: true });
    store.refuseOpen = failure.error;
    store.openFailure = failure;
    await fireEvent.click(screen.getByTestId('file-menu'));
    await fireEvent.click(screen.getByTestId('recent-file'));
    expect(await screen.findByTestId('open-failure-dialog')).toBeTruthy();
    expect(screen.queryByTestId('error-banner')).toBeNull();
    await fireEvent.click(screen.getByTestId('failure-cancel'));

    store.refuseOpen = { kind: 'locked', message: 'in use', fields: [] };
    store.openFailure = null;
    await fireEvent.click(screen.getByTestId('file-menu'));
    await fireEvent.click(screen.getByTestId('recent-file'));
    expect((await screen.findByTestId('error-banner')).textContent).toContain('in use by another program');
    expect(screen.queryByTestId('open-failure-dialog')).toBeNull();
  });
});
