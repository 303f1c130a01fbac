// The nine-box grid as the portfolio page draws it: attractiveness rows high → low, relationship
// columns low → high, each cell with its strategy and the accounts the backend placed there.
import type { Level, PortfolioAccount, Strategy } from '../bindings';

export const ATTRACTIVENESS_ROWS: readonly Level[] = ['high', 'medium', 'low'];
export const RELATIONSHIP_COLUMNS: readonly Level[] = ['low', 'medium', 'high'];

/** Where low ends and medium ends on either 1–5 axis (primer 9). */
export const CUTS = [2.33, 3.67] as const;

/** The score range of each level on either axis. */
export const LEVEL_RANGE: Readonly<Record<Level, readonly [number, number]>> = {
  low: [1, CUTS[0]],
  medium: [CUTS[0], CUTS[1]],
  high: [CUTS[1], 5],
};

/** The strategy a cell suggests (the primer's table; mirrors rapport-core's `Strategy::of`). */
export function strategyOf(attractiveness: Level, relationship: Level): Strategy {
  if (attractiveness === 'high' && relationship === 'high') return 'invest_to_grow';
  if (attractiveness === 'high' && relationship === 'low') return 'build_relationship';
  if (attractiveness === 'low' && relationship === 'high') return 'maintain_efficiently';
  if (attractiveness === 'low' && relationship === 'low') return 'minimal_service';
  return 'develop_selectively';
}

export type NineBoxCell = {
  attractiveness: Level;
  relationship: Level;
  strategy: Strategy;
  accounts: PortfolioAccount[];
};

/** The nine cells in reading order (top-left first) and the accounts not placed yet. */
export function nineBoxCells(accounts: readonly PortfolioAccount[]): { rows: NineBoxCell[][]; unplaced: PortfolioAccount[] } {
  const byName = (a: PortfolioAccount, b: PortfolioAccount) => a.name.localeCompare(b.name) || a.account_id - b.account_id;
  const rows = ATTRACTIVENESS_ROWS.map((attractiveness) =>
    RELATIONSHIP_COLUMNS.map((relationship) => ({
      attractiveness,
      relationship,
      strategy: strategyOf(attractiveness, relationship),
      accounts: accounts
        .filter((a) => a.nine_box?.attractiveness === attractiveness && a.nine_box.relationship === relationship)
        .sort(byName),
    })),
  );
  const unplaced = accounts.filter((a) => a.nine_box === null).sort(byName);
  return { rows, unplaced };
}
