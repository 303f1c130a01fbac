// Which stakeholders of an account are selected (e.g. the people a risk names), shared by the
// views that highlight people: the Analysis tab's table today, the map later. View state only.

let accountId = $state<number | null>(null);
let ids = $state<readonly number[]>([]);
/** What made the selection (e.g. `risk:2`), so the control that made it can show it is on. */
let source = $state<string | null>(null);

export const selection = {
  get accountId(): number | null {
    return accountId;
  },
  get source(): string | null {
    return source;
  },
  /** The selected stakeholder ids of `account` (none when the selection belongs to another). */
  idsOf(account: number): readonly number[] {
    return accountId === account ? ids : [];
  },
  has(account: number, id: number): boolean {
    return accountId === account && ids.includes(id);
  },
  /** Selects `people` of `account`; selecting again from the same source clears it (a toggle). */
  toggle(account: number, people: readonly number[], from: string): void {
    if (accountId === account && source === from) this.clear();
    else this.select(account, people, from);
  },
  select(account: number, people: readonly number[], from: string | null = null): void {
    accountId = account;
    ids = [...people];
    source = from;
  },
  clear(): void {
    accountId = null;
    ids = [];
    source = null;
  },
};
