// Which recovery dialog is open (view state only): the open workspace's backups (File → Restore
// from backup…), or the choices for a file that could not be opened, or that file's backups.
import type { OpenFailure } from '../bindings';

export type RecoveryDialog =
  | { kind: 'restore' }
  | { kind: 'failure'; failure: OpenFailure }
  | { kind: 'restoreFailed'; failure: OpenFailure };

let dialog = $state<RecoveryDialog | null>(null);

export const recovery = {
  get dialog(): RecoveryDialog | null {
    return dialog;
  },
  show(next: RecoveryDialog): void {
    dialog = next;
  },
  close(): void {
    dialog = null;
  },
};
