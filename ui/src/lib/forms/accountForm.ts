// Account form state and its conversion to `AccountFields`, including the per-factor 1–5
// scores ('' = unrated, left out of the list) and the customer-lifetime-value inputs.
import type { AccountFields, ClvInputs, FieldError, Tier } from '../bindings';
import { localFieldError } from './fieldErrors';
import { parseInteger, parseNumber } from './parse';

/** The backend's defaults for a new account (rapport-core `ClvInputs::default`). */
export const CLV_DEFAULTS: ClvInputs = { retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0 };
/** Years the CLV horizon may span. */
export const HORIZON = { min: 1, max: 50 } as const;

export type AccountForm = {
  name: string;
  industry: string;
  region: string;
  tier: Tier;
  annual_revenue: string;
  annual_margin: string;
  /** factor id → '' (unrated) or '1'…'5' */
  scores: Record<number, string>;
  /** CLV inputs as typed: retention and discount rate as fractions 0–1, horizon in whole years. */
  clv_retention: string;
  clv_discount_rate: string;
  clv_horizon_years: string;
  clv_acquisition_cost: string;
  notes: string;
};

export const ACCOUNT_FIELDS = [
  'name', 'industry', 'region', 'tier', 'annual_revenue', 'annual_margin', 'factor_scores', 'notes',
  'clv.retention', 'clv.discount_rate', 'clv.horizon_years', 'clv.acquisition_cost',
] as const;

/** The form fields of the collapsible lifetime-value group (opened when one has an error). */
export const CLV_FIELDS = ['clv.retention', 'clv.discount_rate', 'clv.horizon_years', 'clv.acquisition_cost'] as const;

function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

function clvForm(clv: ClvInputs) {
  return {
    clv_retention: numberText(clv.retention),
    clv_discount_rate: numberText(clv.discount_rate),
    clv_horizon_years: numberText(clv.horizon_years),
    clv_acquisition_cost: numberText(clv.acquisition_cost),
  };
}

export function accountForm(fields: AccountFields | null): AccountForm {
  if (!fields) {
    return {
      name: '', industry: '', region: '', tier: 'key', annual_revenue: '0', annual_margin: '0', scores: {},
      ...clvForm(CLV_DEFAULTS), notes: '',
    };
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
    // an account saved before CLV existed has no inputs yet: show the defaults
    ...clvForm(fields.clv ?? CLV_DEFAULTS),
    notes: fields.notes,
  };
}

/** Parses the CLV inputs; blank rates and horizon are required, a blank cost means none. */
function clvInputs(form: AccountForm): { clv: ClvInputs } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rate = (text: string, field: string): number | null => {
    if (text.trim() === '') {
      errors.push(localFieldError(field, 'required'));
      return null;
    }
    // "80%" is read as 0.8
    const percent = text.trim().endsWith('%');
    const n = parseNumber(percent ? text.trim().slice(0, -1) : text);
    if (n === null) errors.push(localFieldError(field, 'not_a_number'));
    return n !== null && percent ? n / 100 : n;
  };
  const retention = rate(form.clv_retention, 'clv.retention');
  const discount = rate(form.clv_discount_rate, 'clv.discount_rate');
  let horizon: number | null = null;
  if (form.clv_horizon_years.trim() === '') {
    errors.push(localFieldError('clv.horizon_years', 'required'));
  } else {
    const n = parseNumber(form.clv_horizon_years);
    if (n === null) errors.push(localFieldError('clv.horizon_years', 'not_a_number'));
    // the backend holds whole years ≥ 0: anything else cannot even be sent
    else if (!Number.isInteger(n) || n < 0) {
      errors.push({ ...localFieldError('clv.horizon_years', 'out_of_range'), min: HORIZON.min, max: HORIZON.max });
    } else horizon = n;
  }
  const cost = form.clv_acquisition_cost.trim() === '' ? 0 : parseNumber(form.clv_acquisition_cost);
  if (cost === null) errors.push(localFieldError('clv.acquisition_cost', 'not_a_number'));
  if (errors.length > 0 || retention === null || discount === null || horizon === null || cost === null) return { errors };
  return { clv: { retention, discount_rate: discount, horizon_years: horizon, acquisition_cost: cost } };
}

export function accountFields(form: AccountForm): { fields: AccountFields } | { errors: FieldError[] } {
  const revenue = form.annual_revenue.trim() === '' ? 0 : parseNumber(form.annual_revenue);
  const margin = form.annual_margin.trim() === '' ? 0 : parseNumber(form.annual_margin);
  const errors: FieldError[] = [];
  if (revenue === null) errors.push(localFieldError('annual_revenue', 'not_a_number'));
  if (margin === null) errors.push(localFieldError('annual_margin', 'not_a_number'));
  const clv = clvInputs(form);
  if ('errors' in clv) errors.push(...clv.errors);
  if (revenue === null || margin === null || 'errors' in clv) return { errors };
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
      clv: clv.clv,
      notes: form.notes,
    },
  };
}
