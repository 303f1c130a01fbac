// Stakeholder form state (strings as the inputs hold them) and its conversion to and from
// `StakeholderFields`: blank selects → null ids, blank date → null, typed numbers parsed.
import type { Attitude, BuyingRole, FieldError, StakeholderFields } from '../bindings';
import { localFieldError } from '../forms/fieldErrors';
import { dateOrNull, idOrNull, idText, parseInteger } from '../forms/parse';
import { ROLES } from '../vocab';

export type StakeholderForm = {
  name: string;
  title: string;
  org_unit_id: string;
  reports_to: string;
  dotted_to: string;
  roles: BuyingRole[];
  economic_buyer: boolean;
  coach: boolean;
  attitude: Attitude;
  power: string;
  interest: string;
  org_needs: string;
  personal_wins: string;
  last_contact: string;
  notes: string;
  placeholder: boolean;
};

export const STAKEHOLDER_FIELDS = [
  'name', 'title', 'org_unit_id', 'reports_to', 'dotted_to', 'roles', 'economic_buyer', 'coach',
  'attitude', 'power', 'interest', 'org_needs', 'personal_wins', 'last_contact', 'notes', 'placeholder',
] as const;

export function stakeholderForm(fields: StakeholderFields | null): StakeholderForm {
  if (!fields) {
    return {
      name: '', title: '', org_unit_id: '', reports_to: '', dotted_to: '', roles: [],
      economic_buyer: false, coach: false, attitude: 'unknown', power: '3', interest: '3',
      org_needs: '', personal_wins: '', last_contact: '', notes: '', placeholder: false,
    };
  }
  return {
    name: fields.name,
    title: fields.title,
    org_unit_id: idText(fields.org_unit_id),
    reports_to: idText(fields.reports_to),
    dotted_to: idText(fields.dotted_to),
    roles: [...fields.roles],
    economic_buyer: fields.economic_buyer,
    coach: fields.coach,
    attitude: fields.attitude,
    power: String(fields.power),
    interest: String(fields.interest),
    org_needs: fields.org_needs,
    personal_wins: fields.personal_wins,
    last_contact: fields.last_contact ?? '',
    notes: fields.notes,
    placeholder: fields.placeholder,
  };
}

/** Builds the fields to save, or the client-side errors (numbers that do not parse). */
export function stakeholderFields(
  form: StakeholderForm,
  accountId: number,
): { fields: StakeholderFields } | { errors: FieldError[] } {
  const power = parseInteger(form.power);
  const interest = parseInteger(form.interest);
  const errors: FieldError[] = [];
  if (power === null) errors.push(localFieldError('power', form.power.trim() ? 'not_a_number' : 'required'));
  if (interest === null) errors.push(localFieldError('interest', form.interest.trim() ? 'not_a_number' : 'required'));
  if (power === null || interest === null) return { errors };
  return {
    fields: {
      account_id: accountId,
      name: form.name.trim(),
      title: form.title.trim(),
      org_unit_id: idOrNull(form.org_unit_id),
      reports_to: idOrNull(form.reports_to),
      dotted_to: idOrNull(form.dotted_to),
      // canonical order, no duplicates
      roles: ROLES.filter((r) => form.roles.includes(r)),
      economic_buyer: form.economic_buyer,
      coach: form.coach,
      attitude: form.attitude,
      power,
      interest,
      org_needs: form.org_needs,
      personal_wins: form.personal_wins,
      last_contact: dateOrNull(form.last_contact),
      notes: form.notes,
      placeholder: form.placeholder,
    },
  };
}
