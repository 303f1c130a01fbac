// The portfolio factors as the settings dialog edits them: the checks the backend makes (so
// invalid input is never sent), each factor's share of its axis, and a free name for a new one.
import type { Factor, FactorAxis, FactorFields, FieldError } from '../bindings';
import { localFieldError } from '../forms/fieldErrors';

/** The axes, in the order the dialog lists them. */
export const AXES: readonly FactorAxis[] = ['attractiveness', 'relationship'];

/** Longest factor name (rapport-core `MAX_NAME`). */
export const MAX_NAME = 200;
/** Largest weight; a weight must be greater than 0. */
export const MAX_WEIGHT = 100;

/** The fields' problems as the backend would report them; `others` are the axis's other factors. */
export function factorProblems(fields: FactorFields, others: readonly Factor[]): FieldError[] {
  const errors: FieldError[] = [];
  const name = fields.name.trim();
  if (name === '') errors.push(localFieldError('name', 'required'));
  else if ([...fields.name].length > MAX_NAME) errors.push({ ...localFieldError('name', 'too_long'), max: MAX_NAME });
  else if (others.some((f) => f.fields.axis === fields.axis && f.fields.name.trim().toLowerCase() === name.toLowerCase())) {
    errors.push(localFieldError('name', 'duplicate'));
  }
  const w = fields.weight ?? Number.NaN;
  if (!Number.isFinite(w) || w <= 0 || w > MAX_WEIGHT) {
    errors.push({ ...localFieldError('weight', 'out_of_range'), min: 0, max: MAX_WEIGHT });
  }
  return errors;
}

/** Each factor's weight over its axis's total (0–1), by factor id. */
export function shares(factors: readonly Factor[]): Map<number, number> {
  const totals = new Map<FactorAxis, number>();
  const weight = (f: Factor) => f.fields.weight ?? 0;
  for (const f of factors) totals.set(f.fields.axis, (totals.get(f.fields.axis) ?? 0) + weight(f));
  return new Map(factors.map((f) => [f.id, weight(f) / (totals.get(f.fields.axis) || 1)]));
}

/** `base`, or `base 2`, `base 3`… — the first not yet used on the axis. */
export function freeName(base: string, axis: FactorAxis, factors: readonly Factor[]): string {
  const used = new Set(factors.filter((f) => f.fields.axis === axis).map((f) => f.fields.name.trim().toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} ${i}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
