// The IPC stand-in of the map benchmark: answers, through `mockIPC` from
// `@tauri-apps/api/mocks`, the commands the workspace store and the map send, with the
// generated account. `analyze_account` returns the precomputed analysis (the Rust engine's
// time is not what this benchmark measures). Read-only: a write would be a bug in the bench.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AccountSummary, HistoryState, WorkspaceInfo } from '../src/lib/bindings';
import type { GeneratedAccount } from './generate';

export const WORKSPACE: WorkspaceInfo = { path: '/bench/Bench.rapport', file_name: 'Bench.rapport', schema_version: 4, read_only: false };

const NO_HISTORY: HistoryState = { can_undo: false, can_redo: false, undo_label: null, redo_label: null };

/** Every command seen (name → count), for the driver's sanity checks. */
export const calls = new Map<string, number>();

export function installBenchBackend(g: GeneratedAccount): void {
  const { detail, team, analysis } = g;
  const f = detail.account.fields;
  const summary: AccountSummary = {
    id: detail.account.id, name: f.name, tier: f.tier, industry: f.industry, region: f.region,
    annual_revenue: f.annual_revenue, annual_margin: f.annual_margin, stakeholder_count: detail.stakeholders.length, stage: null,
  };
  const handle = (cmd: string, args: Record<string, unknown>): unknown => {
    switch (cmd) {
      case 'workspace_info':
        return WORKSPACE;
      case 'list_recent_files':
        return [{ path: WORKSPACE.path, file_name: WORKSPACE.file_name }];
      case 'list_accounts':
        return [summary];
      case 'list_team_members':
        return team;
      case 'list_factors':
        return [];
      case 'history_state':
        return NO_HISTORY;
      case 'get_preferences':
        return { language: 'en', theme: 'light' };
      case 'get_account':
        if (args.id !== detail.account.id) throw { kind: 'not_found', message: `account ${String(args.id)} not found`, fields: [] };
        return detail;
      case 'analyze_account':
        return analysis;
      case 'map_positions':
        return [];
      case 'introduction_paths':
        return [];
    }
    throw { kind: 'internal', message: `the map benchmark does not answer ${cmd}`, fields: [] };
  };
  mockIPC(
    (cmd, payload) => {
      calls.set(cmd, (calls.get(cmd) ?? 0) + 1);
      if (cmd.startsWith('plugin:')) return null;
      try {
        // what Tauri does: the answer arrives as freshly parsed JSON, never shared objects
        return Promise.resolve(structuredClone(handle(cmd, (payload ?? {}) as Record<string, unknown>)));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    { shouldMockEvents: true },
  );
}
