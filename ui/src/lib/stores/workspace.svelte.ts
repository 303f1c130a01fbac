// A read-through cache of what the backend holds (workspace, accounts, team, history and the
// selected account's detail). It is refreshed after every command and on `workspaceChanged`.
import type {
  AccountDetail, AccountSummary, Factor, HistorySpan, HistoryState, RecentFile, TeamMember, WorkspaceInfo,
} from '../bindings';
import { api, ApiError } from '../api';
import { asOf } from './asOf.svelte';
import { reportError } from './errors.svelte';
import { view } from './view.svelte';

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const NO_HISTORY: HistoryState = { can_undo: false, can_redo: false, undo_label: null, redo_label: null };

class WorkspaceCache {
  loaded = $state(false);
  info = $state<WorkspaceInfo | null>(null);
  accounts = $state<AccountSummary[]>([]);
  teamMembers = $state.raw<TeamMember[]>([]);
  factors = $state<Factor[]>([]);
  recent = $state<RecentFile[]>([]);
  history = $state<HistoryState>(NO_HISTORY);
  /** Replaced whole on every refresh, never changed in place: raw (not a deep proxy), so the
   * map of a 2,000-person account reads its people as plain objects, not through proxies. */
  detail = $state.raw<AccountDetail | null>(null);
  /** The backend's today and the first day the file's history knows (the "as of" cursor's range). */
  span = $state<HistorySpan | null>(null);
  /** The file was opened read-only: every edit is refused (the header says so). */
  fileReadOnly = $derived(this.info?.read_only === true);
  /** Nothing may be edited: a read-only file, or the past shown "as of" a date. The UI offers
   * no editing control while this holds. */
  readOnly = $derived(this.info?.read_only === true || asOf.active);
  /** Counts completed re-reads: views computed from the store (analyses) re-run when it moves. */
  revision = $state(0);

  /** Forgets everything read (a fresh start, e.g. between component tests). */
  reset(): void {
    this.loaded = false;
    this.info = null;
    this.accounts = [];
    this.teamMembers = [];
    this.factors = [];
    this.recent = [];
    this.history = NO_HISTORY;
    this.detail = null;
    this.span = null;
  }

  /** Today's date (`YYYY-MM-DD`) as the backend counts it, else this machine's. */
  get today(): string {
    return this.span?.today ?? localToday();
  }

  #running: Promise<void> | null = null;
  #again = false;

  /** Re-reads everything shown; concurrent calls coalesce into one extra pass. */
  refresh(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#load();
        } while (this.#again);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #load(): Promise<void> {
    try {
      const [info, recent] = await Promise.all([api.workspaceInfo(), api.listRecentFiles()]);
      if (!info) {
        this.info = null;
        this.recent = recent;
        this.accounts = [];
        this.teamMembers = [];
        this.factors = [];
        this.history = NO_HISTORY;
        this.detail = null;
        view.clear();
        return;
      }
      const [accounts, teamMembers, factors, history, span] = await Promise.all([
        api.listAccounts(),
        api.listTeamMembers(),
        api.listFactors(),
        api.historyState(),
        // the range of the "as of" cursor: a backend without history answers with none
        api.historySpan().catch(() => null),
      ]);
      const detail = await this.#fetchDetail(accounts);
      // assign together so the page never shows a mix of old and new
      this.info = info;
      this.recent = recent;
      this.accounts = accounts;
      this.teamMembers = teamMembers;
      this.factors = factors;
      this.history = history;
      this.detail = detail;
      this.span = span;
      this.revision++;
      if (detail === null && view.page.kind === 'account') view.clear();
    } catch (e) {
      reportError(e);
    } finally {
      this.loaded = true;
    }
  }

  /** The selected account's detail; null when none is selected or it no longer exists. */
  async #fetchDetail(accounts: AccountSummary[]): Promise<AccountDetail | null> {
    const id = view.selectedAccountId;
    if (id === null || !accounts.some((a) => a.id === id)) return null;
    try {
      return await api.getAccount(id);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'not_found') return null;
      throw e;
    }
  }
}

export const workspace = new WorkspaceCache();

/** Selects an account and loads its detail. */
export async function selectAccount(id: number): Promise<void> {
  view.selectAccount(id);
  if (workspace.detail?.account.id !== id) workspace.detail = null;
  await workspace.refresh();
}
