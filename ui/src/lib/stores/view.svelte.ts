// View state only (what is selected and shown); data lives in the backend store.
export type Tab = 'map' | 'timeline' | 'people' | 'analysis';
export type Page = { kind: 'account'; id: number } | { kind: 'team' } | { kind: 'none' };

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
  clear(): void {
    accountFormOpen = null;
    page = { kind: 'none' };
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
