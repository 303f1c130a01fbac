// Translates an undo/redo action label ("delete stakeholder Li Wei") for button tooltips.
import type { ActionLabel, HistoryState } from './bindings';
import { t } from './i18n/locale.svelte';

export function actionLabelText(label: ActionLabel): string {
  return t('history.label', {
    verb: t(`verb.${label.verb}`),
    entity: t(`entity.${label.entity}`),
    name: label.name,
  }).trim();
}

export function undoTooltip(h: HistoryState): string {
  return h.can_undo && h.undo_label
    ? t('history.undoWith', { label: actionLabelText(h.undo_label) })
    : h.can_undo
      ? t('history.undo')
      : t('history.nothingToUndo');
}

export function redoTooltip(h: HistoryState): string {
  return h.can_redo && h.redo_label
    ? t('history.redoWith', { label: actionLabelText(h.redo_label) })
    : h.can_redo
      ? t('history.redo')
      : t('history.nothingToRedo');
}
