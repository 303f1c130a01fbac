// Sorting of the ranked stakeholder table by any of its columns (stable, ties broken by the
// backend's ranking so that the order never jumps between recomputations).
import type { Attitude, StakeholderScore } from '../bindings';

export type SortKey = 'name' | 'title' | 'blended' | 'network' | 'brokerage' | 'coverage' | 'attitude';
export type SortDirection = 'ascending' | 'descending';
export type Sort = { key: SortKey; direction: SortDirection };

/** The backend's ranking: blended influence, highest first. */
export const DEFAULT_SORT: Sort = { key: 'blended', direction: 'descending' };

const ATTITUDE_SCORE: Record<Attitude, number> = {
  champion: 2,
  supporter: 1,
  neutral: 0,
  unknown: 0,
  sceptic: -1,
  opponent: -2,
};

const TEXT_KEYS: readonly SortKey[] = ['name', 'title'];

/** Text columns start A→Z, numbers start highest first. */
export function firstDirection(key: SortKey): SortDirection {
  return TEXT_KEYS.includes(key) ? 'ascending' : 'descending';
}

/** The sort after clicking `key`: the same column flips, another starts in its natural order. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: firstDirection(key) };
}

function num(v: number | null): number {
  return v === null || !Number.isFinite(v) ? -Infinity : v;
}

function compare(a: StakeholderScore, b: StakeholderScore, key: SortKey, collator: Intl.Collator): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'title':
      return collator.compare(a.title, b.title);
    case 'blended':
      return num(a.blended_influence) - num(b.blended_influence);
    case 'network':
      return num(a.network_influence) - num(b.network_influence);
    case 'brokerage':
      return num(a.brokerage) - num(b.brokerage);
    case 'coverage':
      return num(a.coverage) - num(b.coverage);
    case 'attitude':
      // unknown sorts just below neutral: it scores 0 but is a gap in knowledge
      return ATTITUDE_SCORE[a.attitude] - ATTITUDE_SCORE[b.attitude] || (a.attitude === 'unknown' ? -1 : 0) - (b.attitude === 'unknown' ? -1 : 0);
  }
}

/** `rows` (in the backend's ranked order) sorted by `sort`; ties keep the ranked order. */
export function sortStakeholders(rows: readonly StakeholderScore[], sort: Sort, locale: string): StakeholderScore[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, rank) => ({ row, rank }))
    .sort((a, b) => sign * compare(a.row, b.row, sort.key, collator) || a.rank - b.rank)
    .map((x) => x.row);
}
