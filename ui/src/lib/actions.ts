// User-level actions shared by the header, menus and keyboard shortcuts: each runs one
// backend command, reports a failure in the banner, and re-reads the store.
import { api, toAppError } from './api';
import { t } from './i18n/locale.svelte';
import { offerRecovery } from './recovery/actions';
import { notices, reportError } from './stores/errors.svelte';
import { view } from './stores/view.svelte';
import { workspace } from './stores/workspace.svelte';

async function run<T>(command: () => Promise<T>): Promise<T | undefined> {
  try {
    return await command();
  } catch (e) {
    reportError(e);
    return undefined;
  } finally {
    await workspace.refresh();
  }
}

export function undo(): Promise<unknown> {
  if (!workspace.history.can_undo || workspace.readOnly) return Promise.resolve();
  return run(() => api.undo());
}

export function redo(): Promise<unknown> {
  if (!workspace.history.can_redo || workspace.readOnly) return Promise.resolve();
  return run(() => api.redo());
}

export async function newWorkspace(): Promise<void> {
  const info = await run(() => api.newWorkspace());
  if (info) view.clear();
}

/** Runs a command that opens a workspace: a refusal with choices (damaged, not a workspace,
 * newer, read-only) opens the recovery dialog; any other failure goes to the banner. */
async function openWith(command: () => Promise<unknown>): Promise<void> {
  try {
    if (await command()) view.clear();
  } catch (e) {
    const error = toAppError(e);
    if (!(await offerRecovery(error))) reportError(error);
  } finally {
    await workspace.refresh();
  }
}

export function openWorkspace(): Promise<void> {
  return openWith(() => api.openWorkspace());
}

export function openRecent(path: string): Promise<void> {
  return openWith(() => api.openRecent(path));
}

export async function saveCopy(): Promise<void> {
  const path = await run(() => api.saveCopy());
  if (path) notices.info(t('menu.savedCopy', { path }));
}

/** Shows, once, why the workspace chosen at start-up could not be opened. */
export async function showStartupError(): Promise<void> {
  try {
    const error = await api.takeStartupError();
    if (error && !(await offerRecovery(error))) reportError(error, t('error.startup'));
  } catch (e) {
    reportError(e);
  }
}

export function newAccount(): void {
  if (!workspace.info || workspace.readOnly) return;
  view.openAccountForm('new');
}
