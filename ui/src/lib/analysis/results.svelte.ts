// The last analysis results, kept across tab and page switches so that coming back to the
// Analysis tab or the Portfolio page shows the previous numbers at once while they recompute.
// Each result remembers the workspace file it came from: ids repeat across files.
import type { AccountAnalysis, PortfolioAnalysis } from '../bindings';
import { Latest } from './latest.svelte';

export type FromWorkspace<T> = { workspace: string | null; result: T };

export const accountAnalysis = new Latest<FromWorkspace<AccountAnalysis>>();
export const portfolioAnalysis = new Latest<FromWorkspace<PortfolioAnalysis>>();

/** Forgets every kept result (a fresh start, e.g. between component tests). */
export function forgetResults(): void {
  accountAnalysis.clear();
  portfolioAnalysis.clear();
}
