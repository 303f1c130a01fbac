// The delete flow every list shares: confirm in-app, delete, report failures, re-read.
import { askConfirm } from './stores/confirm.svelte';
import { reportError } from './stores/errors.svelte';
import { workspace } from './stores/workspace.svelte';
import { t } from './i18n/locale.svelte';

export async function confirmAndDelete(message: string, remove: () => Promise<unknown>): Promise<boolean> {
  if (!(await askConfirm(message, t('common.delete')))) return false;
  try {
    await remove();
    return true;
  } catch (e) {
    reportError(e);
    return false;
  } finally {
    await workspace.refresh();
  }
}
