// User-level actions shared by the header, menus and keyboard shortcuts: each runs one
// backend command, reports a failure in the banner, and re-reads the store.
import { api } from './api';
import { t } from './i18n/locale.svelte';
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
  if (!workspace.history.can_undo) return Promise.resolve();
  return run(() => api.undo());
}

export function redo(): Promise<unknown> {
  if (!workspace.history.can_redo) return Promise.resolve();
  return run(() => api.redo());
}

export async function newWorkspace(): Promise<void> {
  const info = await run(() => api.newWorkspace());
  if (info) view.clear();
}

export async function openWorkspace(): Promise<void> {
  const info = await run(() => api.openWorkspace());
  if (info) view.clear();
}

export async function openRecent(path: string): Promise<void> {
  const info = await run(() => api.openRecent(path));
  if (info) view.clear();
}

export async function saveCopy(): Promise<void> {
  const path = await run(() => api.saveCopy());
  if (path) notices.info(t('menu.savedCopy', { path }));
}

/** Shows, once, why the workspace chosen at start-up could not be opened. */
export async function showStartupError(): Promise<void> {
  try {
    const error = await api.takeStartupError();
    if (error) reportError(error, t('error.startup'));
  } catch (e) {
    reportError(e);
  }
}

export function newAccount(): void {
  if (!workspace.info) return;
  view.openAccountForm('new');
}
