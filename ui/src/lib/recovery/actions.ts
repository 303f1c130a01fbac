// The recovery actions of the dialogs: restore a backup of the open workspace, and the choices
// for a file that could not be opened. Each asks before replacing anything and re-reads the
// store; a failure is returned for the dialog to show (the banner is behind it).
import type { AppError, BackupInfo } from '../bindings';
import { api, toAppError } from '../api';
import { formatDateTime } from '../format';
import { t } from '../i18n/locale.svelte';
import { askConfirm } from '../stores/confirm.svelte';
import { notices } from '../stores/errors.svelte';
import { recovery } from '../stores/recovery.svelte';
import { view } from '../stores/view.svelte';
import { workspace } from '../stores/workspace.svelte';

/** After a refused open: shows the choices dialog if the backend kept the refusal (damaged, not a
 * workspace, newer, read-only) and it is the one in `error`; false when there is none to show. */
export async function offerRecovery(error: AppError): Promise<boolean> {
  try {
    const failure = await api.openFailure();
    if (!failure || failure.error.kind !== error.kind) return false;
    recovery.show({ kind: 'failure', failure });
    return true;
  } catch {
    return false;
  }
}

/** Runs a recovery command; on success closes the dialog and says `done`. A refusal that
 * comes with choices shows them (a read-only file may turn out damaged); any other failure is
 * returned. Returns null on success. */
async function attempt<T>(command: () => Promise<T>, done: (result: T) => string, opens: boolean): Promise<AppError | null> {
  try {
    const result = await command();
    recovery.close();
    if (opens) view.clear();
    notices.info(done(result));
    return null;
  } catch (e) {
    const error = toAppError(e);
    return opens && (await offerRecovery(error)) ? null : error;
  } finally {
    await workspace.refresh();
  }
}

export function showRestoreDialog(): void {
  if (workspace.info && !workspace.readOnly) recovery.show({ kind: 'restore' });
}

/** Restores a backup of the open workspace, after confirmation. */
export async function restoreBackup(backup: BackupInfo): Promise<AppError | null> {
  const date = formatDateTime(backup.taken_at);
  const file = workspace.info?.file_name ?? '';
  if (!(await askConfirm(t('recovery.restore.confirm', { file, date }), t('recovery.restore.ok')))) return null;
  return attempt(() => api.restoreBackup(backup.path), () => t('recovery.restore.done', { date }), false);
}

/** Opens the file that could not be opened as a read-only session. */
export function openFailedReadOnly(): Promise<AppError | null> {
  return attempt(() => api.openReadOnly(), () => t('recovery.readOnly.hint'), true);
}

/** Puts a backup in place of the damaged file that could not be opened, after confirmation. */
export async function restoreFailedFile(file: string, backup: BackupInfo): Promise<AppError | null> {
  const date = formatDateTime(backup.taken_at);
  if (!(await askConfirm(t('recovery.restore.confirmDamaged', { file, date }), t('recovery.restore.ok')))) return null;
  return attempt(
    () => api.restoreFailedFile(backup.path),
    (r) => t('recovery.restore.doneDamaged', { date, path: r.damaged_copy }),
    true,
  );
}

/** Saves a byte copy of the damaged file where the user chooses (native dialog). Returns the
 * copy's path, null if cancelled, or the failure. */
export async function copyFailedFile(): Promise<{ path: string | null } | { error: AppError }> {
  try {
    return { path: await api.copyFailedFile() };
  } catch (e) {
    return { error: toAppError(e) };
  }
}
