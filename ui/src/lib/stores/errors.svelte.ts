// The app-wide error banner: non-field errors from any command land here, keyed by kind.
import type { AppError } from '../bindings';
import { toAppError } from '../api';

export type Notice = { kind: 'error'; error: AppError; context?: string } | { kind: 'info'; text: string };

let current = $state<Notice | null>(null);

export const notices = {
  get current(): Notice | null {
    return current;
  },
  dismiss(): void {
    current = null;
  },
  info(text: string): void {
    current = { kind: 'info', text };
  },
};

/** Shows any thrown value as a translated error banner; `context` (already translated) says
 * what was being done. */
export function reportError(e: unknown, context?: string): void {
  current = { kind: 'error', error: toAppError(e), context };
}
