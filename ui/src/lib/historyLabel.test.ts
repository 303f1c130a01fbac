// Undo/redo tooltips read as sentences in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryState } from './bindings';
import { i18n } from './i18n/locale.svelte';
import { redoTooltip, undoTooltip } from './historyLabel';

afterEach(() => i18n.set('en'));

const state: HistoryState = {
  can_undo: true,
  can_redo: true,
  undo_label: { verb: 'delete', entity: 'stakeholder', name: 'Li Wei' },
  redo_label: { verb: 'update', entity: 'org_unit', name: 'Network' },
};

describe('history tooltips', () => {
  it('names the action in English', () => {
    expect(undoTooltip(state)).toBe('Undo: delete stakeholder Li Wei');
    expect(redoTooltip(state)).toBe('Redo: edit org unit Network');
  });

  it('names the action in Chinese', () => {
    i18n.set('zh');
    expect(undoTooltip(state)).toBe('撤销：删除利益相关者“Li Wei”');
  });

  it('says when there is nothing to undo', () => {
    const none: HistoryState = { can_undo: false, can_redo: false, undo_label: null, redo_label: null };
    expect(undoTooltip(none)).toBe('Nothing to undo');
    expect(redoTooltip(none)).toBe('Nothing to redo');
  });
});
