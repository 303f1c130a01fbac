// View state only (what is selected and shown); data lives in the backend store.
import { asOf } from './asOf.svelte';
import { selection } from './selection.svelte';

export type Tab = 'map' | 'timeline' | 'people' | 'analysis';
export type Page = { kind: 'account'; id: number } | { kind: 'team' } | { kind: 'portfolio' } | { kind: 'none' };

let page = $state<Page>({ kind: 'none' });
let tab = $state<Tab>('people');
let accountFormOpen = $state<'new' | 'edit' | null>(null);

export const view = {
  get page(): Page {
    return page;
  },
  get tab(): Tab {
    return tab;
  },
  get accountForm(): 'new' | 'edit' | null {
    return accountFormOpen;
  },
  get selectedAccountId(): number | null {
    return page.kind === 'account' ? page.id : null;
  },
  selectAccount(id: number): void {
    if (page.kind !== 'account' || page.id !== id) accountFormOpen = null;
    page = { kind: 'account', id };
  },
  showTeam(): void {
    accountFormOpen = null;
    page = { kind: 'team' };
  },
  showPortfolio(): void {
    accountFormOpen = null;
    page = { kind: 'portfolio' };
  },
  /** Back to no page (e.g. another workspace was opened: ids now mean other things). */
  clear(): void {
    accountFormOpen = null;
    asOf.clear();
    page = { kind: 'none' };
    selection.clear();
  },
  setTab(next: Tab): void {
    tab = next;
  },
  openAccountForm(mode: 'new' | 'edit'): void {
    accountFormOpen = mode;
  },
  closeAccountForm(): void {
    accountFormOpen = null;
  },
};
