// Shared set-up for component tests: a fresh demo backend and view state, the app rendered,
// and helpers to reach an account page.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import App from '../App.svelte';
import { forgetResults } from '../lib/analysis/results.svelte';
import { installDemoBackend } from '../lib/demo/backend';
import { i18n } from '../lib/i18n/locale.svelte';
import { notices } from '../lib/stores/errors.svelte';
import { recovery } from '../lib/stores/recovery.svelte';
import { view } from '../lib/stores/view.svelte';
import { workspace } from '../lib/stores/workspace.svelte';

type DemoStore = ReturnType<typeof installDemoBackend>;

/** Renders the app on a fresh demo backend; `prepare` sets the backend up before the first read
 * (e.g. a start-up file that could not be opened). */
export function freshApp(options: { seed?: boolean; prepare?: (store: DemoStore) => void } = {}) {
  localStorage.clear();
  localStorage.setItem('rapport.language', 'en');
  i18n.set('en');
  view.clear();
  view.setTab('people');
  workspace.reset();
  forgetResults();
  notices.dismiss();
  recovery.close();
  const store = installDemoBackend(options);
  options.prepare?.(store);
  render(App);
  return store;
}

export function teardownApp(): void {
  cleanup();
  clearMocks();
}

/** Opens an account by (part of) its name and waits for its page. */
export async function openAccount(name: string): Promise<void> {
  const items = await screen.findAllByTestId('account-item');
  const item = items.find((i) => i.textContent?.includes(name));
  if (!item) throw new Error(`no account ${name}`);
  await fireEvent.click(item);
  await screen.findByTestId('account-title');
}

export function rowWith(testid: string, text: string): HTMLElement {
  const row = screen.getAllByTestId(testid).find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no ${testid} containing ${text}`);
  return row;
}
