// Account form state and its conversion to `AccountFields`, including the per-factor 1–5
// scores ('' = unrated, left out of the list).
import type { AccountFields, FieldError, Tier } from '../bindings';
import { localFieldError } from './fieldErrors';
import { parseInteger, parseNumber } from './parse';

export type AccountForm = {
  name: string;
  industry: string;
  region: string;
  tier: Tier;
  annual_revenue: string;
  annual_margin: string;
  /** factor id → '' (unrated) or '1'…'5' */
  scores: Record<number, string>;
  notes: string;
};

export const ACCOUNT_FIELDS = [
  'name', 'industry', 'region', 'tier', 'annual_revenue', 'annual_margin', 'factor_scores', 'notes',
] as const;

export function accountForm(fields: AccountFields | null): AccountForm {
  if (!fields) {
    return { name: '', industry: '', region: '', tier: 'key', annual_revenue: '0', annual_margin: '0', scores: {}, notes: '' };
  }
  const scores: Record<number, string> = {};
  for (const s of fields.factor_scores) scores[s.factor_id] = String(s.score);
  return {
    name: fields.name,
    industry: fields.industry,
    region: fields.region,
    tier: fields.tier,
    annual_revenue: fields.annual_revenue === null ? '' : String(fields.annual_revenue),
    annual_margin: fields.annual_margin === null ? '' : String(fields.annual_margin),
    scores,
    notes: fields.notes,
  };
}

export function accountFields(form: AccountForm): { fields: AccountFields } | { errors: FieldError[] } {
  const revenue = form.annual_revenue.trim() === '' ? 0 : parseNumber(form.annual_revenue);
  const margin = form.annual_margin.trim() === '' ? 0 : parseNumber(form.annual_margin);
  const errors: FieldError[] = [];
  if (revenue === null) errors.push(localFieldError('annual_revenue', 'not_a_number'));
  if (margin === null) errors.push(localFieldError('annual_margin', 'not_a_number'));
  if (revenue === null || margin === null) return { errors };
  const factor_scores = Object.entries(form.scores)
    .map(([id, text]) => ({ factor_id: Number(id), score: parseInteger(text) }))
    .filter((s): s is { factor_id: number; score: number } => s.score !== null)
    .sort((a, b) => a.factor_id - b.factor_id);
  return {
    fields: {
      name: form.name.trim(),
      industry: form.industry.trim(),
      region: form.region.trim(),
      tier: form.tier,
      annual_revenue: revenue,
      annual_margin: margin,
      factor_scores,
      notes: form.notes,
    },
  };
}
