// Runs a form's save command: on a validation error the form stays open with its input and
// shows the errors beside the fields; any other error goes to the banner, and the store is re-read.
import type { FieldError } from '../bindings';
import { ApiError, toAppError } from '../api';
import { reportError } from '../stores/errors.svelte';
import { workspace } from '../stores/workspace.svelte';
import { splitFieldErrors, fieldErrorMap, type FieldErrorMap } from './fieldErrors';

export type SaveOutcome = { ok: true } | { ok: false; byField: FieldErrorMap; other: string[] };

/** Saves, or reports local (client-side) errors without calling the backend. */
export async function saveForm(
  build: () => { errors: FieldError[] } | { save: () => Promise<unknown> },
  shownFields: readonly string[],
): Promise<SaveOutcome> {
  const built = build();
  if ('errors' in built) {
    return { ok: false, byField: fieldErrorMap(built.errors), other: [] };
  }
  try {
    await built.save();
  } catch (e) {
    const err = e instanceof ApiError ? e.appError : toAppError(e);
    if (err.kind === 'validation' && err.fields.length > 0) {
      return { ok: false, ...splitFieldErrors(err, shownFields) };
    }
    reportError(err);
    // e.g. a full disk: the form keeps the input, every view shows what is really stored
    await workspace.refresh();
    return { ok: false, byField: {}, other: [] };
  }
  await workspace.refresh();
  return { ok: true };
}
