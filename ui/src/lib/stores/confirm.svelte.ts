// One in-app confirmation dialog at a time (deletes ask before acting); resolved by ConfirmDialog.
type Pending = { message: string; okLabel: string; resolve: (ok: boolean) => void };

let pending = $state<Pending | null>(null);

export const confirmation = {
  get pending(): Pending | null {
    return pending;
  },
  answer(ok: boolean): void {
    const p = pending;
    pending = null;
    p?.resolve(ok);
  },
};

/** Asks the user to confirm; resolves true on OK, false on Cancel/Escape. */
export function askConfirm(message: string, okLabel: string): Promise<boolean> {
  confirmation.answer(false);
  return new Promise((resolve) => {
    pending = { message, okLabel, resolve };
  });
}
