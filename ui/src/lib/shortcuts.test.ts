// Keyboard mapping: app undo/redo only outside text fields; open/new everywhere.
import { describe, expect, it } from 'vitest';
import { isTextEntry, shortcutFor, type KeyPress } from './shortcuts';

function press(key: string, mods: Partial<KeyPress> = {}, target: EventTarget | null = document.body): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target, ...mods };
}

function el(html: string): HTMLElement {
  const host = document.createElement('div');
  const [tag, type] = html.split(':');
  const node = document.createElement(tag ?? 'div');
  if (type) node.setAttribute('type', type);
  host.appendChild(node);
  return node;
}

describe('shortcutFor', () => {
  const cases: [string, KeyPress, ReturnType<typeof shortcutFor>][] = [
    ['Ctrl+Z undoes', press('z', { ctrlKey: true }), 'undo'],
    ['Cmd+Z undoes', press('z', { metaKey: true }), 'undo'],
    ['Shift+Ctrl+Z redoes', press('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['Shift+Cmd+Z redoes', press('z', { metaKey: true, shiftKey: true }), 'redo'],
    ['Ctrl+Y redoes', press('y', { ctrlKey: true }), 'redo'],
    ['Ctrl+O opens', press('o', { ctrlKey: true }), 'open'],
    ['Cmd+N new account', press('n', { metaKey: true }), 'newAccount'],
    ['plain z is typing', press('z'), null],
    ['Ctrl+Alt+Z is not ours', press('z', { ctrlKey: true, altKey: true }), null],
    ['Ctrl+K is not ours', press('k', { ctrlKey: true }), null],
    ['Ctrl+Z in a text input is native', press('z', { ctrlKey: true }, el('input:text')), null],
    ['Ctrl+Z in an untyped input is native', press('z', { ctrlKey: true }, el('input')), null],
    ['Ctrl+Z in a number input is native', press('z', { ctrlKey: true }, el('input:number')), null],
    ['Ctrl+Z in a textarea is native', press('z', { ctrlKey: true }, el('textarea')), null],
    ['Shift+Ctrl+Z in a textarea is native', press('z', { ctrlKey: true, shiftKey: true }, el('textarea')), null],
    ['Ctrl+Y in a textarea is native', press('y', { ctrlKey: true }, el('textarea')), null],
    ['Ctrl+Z on a checkbox undoes', press('z', { ctrlKey: true }, el('input:checkbox')), 'undo'],
    ['Ctrl+Z on a select undoes', press('z', { ctrlKey: true }, el('select')), 'undo'],
    ['Ctrl+Z on a button undoes', press('z', { ctrlKey: true }, el('button')), 'undo'],
    ['Ctrl+O in a text input still opens', press('o', { ctrlKey: true }, el('input:text')), 'open'],
  ];
  for (const [name, input, want] of cases) {
    it(name, () => expect(shortcutFor(input)).toBe(want));
  }
});

describe('isTextEntry', () => {
  it('recognises contenteditable', () => {
    const div = el('div');
    div.setAttribute('contenteditable', 'true');
    expect(isTextEntry(div)).toBe(true);
  });
  it('is false for no target', () => {
    expect(isTextEntry(null)).toBe(false);
  });
});
