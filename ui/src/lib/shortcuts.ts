// Maps key presses to app commands. Undo/redo yield to native text undo inside text fields.

export type ShortcutAction = 'undo' | 'redo' | 'open' | 'newAccount';

/** The parts of a KeyboardEvent the mapping looks at (so tests can pass plain objects). */
export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
};

const NON_TEXT_INPUT_TYPES = new Set([
  'button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit',
]);

/** True when the element edits text, so the browser's own undo should handle Ctrl+Z. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  if (tag === 'input') return !NON_TEXT_INPUT_TYPES.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  return el.isContentEditable === true || el.getAttribute?.('contenteditable') === 'true';
}

/** Returns the app action for a key press, or null to let the event through. */
export function shortcutFor(e: KeyPress): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const inText = isTextEntry(e.target);
  if (key === 'z') {
    if (inText) return null;
    return e.shiftKey ? 'redo' : 'undo';
  }
  if (key === 'y' && !e.shiftKey) return inText ? null : 'redo';
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 'n' && !e.shiftKey) return 'newAccount';
  return null;
}
