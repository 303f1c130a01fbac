// Turns the backend's structured field errors into translated text keyed by form field name
// (built from code + min/max, never from the English `message`).
import type { AppError, FieldError } from '../bindings';
import { t } from '../i18n/locale.svelte';

/** Amounts of money may not exceed this in size (rapport-core `MAX_AMOUNT`). */
const AMOUNT_LIMIT = 1e15;

/** Field name as the form uses it: `fields.roles[2]` → `roles`. */
export function fieldKey(field: string): string {
  return field.replace(/^fields\./, '').replace(/\[\d+\]$/, '').replace(/\[\d+\]\..*$/, '');
}

export function fieldErrorText(e: Pick<FieldError, 'code' | 'min' | 'max'>): string {
  switch (e.code) {
    case 'required':
      return t('fieldError.required');
    case 'too_long':
      return e.max !== null ? t('fieldError.too_long', { max: e.max }) : t('fieldError.generic');
    case 'out_of_range': {
      // the backend's amount limit (±10^15) is no bound a person needs to read
      const min = e.min !== null && e.min > -AMOUNT_LIMIT ? e.min : null;
      const max = e.max !== null && e.max < AMOUNT_LIMIT ? e.max : null;
      if (min !== null && max !== null) return t('fieldError.out_of_range', { min, max });
      if (min !== null) return t('fieldError.out_of_range_min', { min });
      if (max !== null) return t('fieldError.out_of_range_max', { max });
      return t('fieldError.out_of_range_plain');
    }
    case 'invalid_date':
    case 'not_a_number':
    case 'duplicate':
    case 'self_reference':
    case 'cycle':
    case 'unknown_reference':
    case 'conflict':
      return t(`fieldError.${e.code}`);
    default:
      return t('fieldError.generic');
  }
}

export type FieldErrorMap = Record<string, string>;

/** The first error per field, translated. */
export function fieldErrorMap(errors: readonly FieldError[]): FieldErrorMap {
  const map: FieldErrorMap = {};
  for (const e of errors) {
    const key = fieldKey(e.field);
    if (!(key in map)) map[key] = fieldErrorText(e);
  }
  return map;
}

/** Splits errors into those the form shows beside a field and the rest (shown at the top). */
export function splitFieldErrors(
  error: AppError,
  shownFields: readonly string[],
): { byField: FieldErrorMap; other: string[] } {
  const all = fieldErrorMap(error.fields);
  const byField: FieldErrorMap = {};
  const other: string[] = [];
  for (const [key, text] of Object.entries(all)) {
    if (shownFields.includes(key)) byField[key] = text;
    else other.push(text);
  }
  return { byField, other };
}

/** A client-side field error in the backend's shape (e.g. a number that does not parse). */
export function localFieldError(field: string, code: FieldError['code']): FieldError {
  return { field, code, min: null, max: null, message: '' };
}
