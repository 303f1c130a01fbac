// Form logic: parsing, field-error mapping and translation, and building the Fields values.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError, StakeholderFields } from '../bindings';
import { i18n } from '../i18n/locale.svelte';
import { stakeholderFields, stakeholderForm } from '../people/stakeholderForm';
import { accountFields, accountForm } from './accountForm';
import { fieldErrorMap, fieldErrorText, fieldKey, splitFieldErrors } from './fieldErrors';
import { dateOrNull, idOrNull, parseInteger, parseNumber, todayIso } from './parse';

afterEach(() => i18n.set('en'));

describe('parse', () => {
  it.each([
    ['42', 42],
    [' 1,200,000 ', 1200000],
    ['1 200.50', 1200.5],
    ['-3.5', -3.5],
    ['', null],
    ['abc', null],
    ['12abc', null],
    ['1e3', 1000],
  ])('parseNumber(%j) = %j', (text, want) => expect(parseNumber(text)).toBe(want));

  it('parseInteger rejects fractions', () => {
    expect(parseInteger('4')).toBe(4);
    expect(parseInteger('4.5')).toBeNull();
  });

  it('idOrNull maps blank to null and ids to numbers', () => {
    expect(idOrNull('')).toBeNull();
    expect(idOrNull('17')).toBe(17);
    expect(idOrNull('x')).toBeNull();
  });

  it('dateOrNull maps blank to null', () => {
    expect(dateOrNull('   ')).toBeNull();
    expect(dateOrNull(' 2024-05-01 ')).toBe('2024-05-01');
  });

  it('todayIso pads month and day', () => {
    expect(todayIso(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
});

describe('field errors', () => {
  it('normalises backend field paths', () => {
    expect(fieldKey('name')).toBe('name');
    expect(fieldKey('fields.power')).toBe('power');
    expect(fieldKey('roles[2]')).toBe('roles');
    expect(fieldKey('factor_scores[0].score')).toBe('factor_scores');
  });

  it('translates from code and bounds, not from the English message', () => {
    const e = { code: 'out_of_range' as const, min: 1, max: 5 };
    expect(fieldErrorText(e)).toBe('Must be between 1 and 5.');
    i18n.set('zh');
    expect(fieldErrorText(e)).toBe('必须介于 1 和 5 之间。');
    expect(fieldErrorText({ code: 'required', min: null, max: null })).toBe('此项为必填项。');
  });

  it('handles one-sided ranges and too_long', () => {
    expect(fieldErrorText({ code: 'out_of_range', min: 0, max: null })).toBe('Must be at least 0.');
    expect(fieldErrorText({ code: 'too_long', min: null, max: 200 })).toBe('Too long: at most 200 characters.');
  });

  it('keeps the first error per field and splits unknown fields out', () => {
    const err: AppError = {
      kind: 'validation',
      message: 'invalid',
      fields: [
        { field: 'name', code: 'required', min: null, max: null, message: 'name is required' },
        { field: 'name', code: 'too_long', min: null, max: 10, message: 'x' },
        { field: 'power', code: 'out_of_range', min: 1, max: 5, message: 'x' },
        { field: 'account_id', code: 'unknown_reference', min: null, max: null, message: 'x' },
      ],
    };
    expect(fieldErrorMap(err.fields)).toEqual({
      name: 'This field is required.',
      power: 'Must be between 1 and 5.',
      account_id: 'The chosen item no longer exists.',
    });
    const split = splitFieldErrors(err, ['name', 'power']);
    expect(split.byField).toEqual({ name: 'This field is required.', power: 'Must be between 1 and 5.' });
    expect(split.other).toEqual(['The chosen item no longer exists.']);
  });
});

describe('stakeholder form', () => {
  const saved: StakeholderFields = {
    account_id: 7, name: 'Li Wei', title: 'CTO', org_unit_id: 3, reports_to: null, dotted_to: 9,
    roles: ['decider', 'influencer'], economic_buyer: true, coach: false, attitude: 'sceptic',
    power: 5, interest: 4, org_needs: 'Uptime', personal_wins: 'Promotion', last_contact: '2024-03-01',
    notes: '', placeholder: false,
  };

  it('round-trips saved fields (roles in canonical order)', () => {
    const built = stakeholderFields(stakeholderForm(saved), 7);
    expect(built).toEqual({ fields: { ...saved, roles: ['influencer', 'decider'] } });
  });

  it('maps blanks to null and parses numbers', () => {
    const form = stakeholderForm(null);
    form.name = '  Zhang San ';
    form.power = ' 2 ';
    form.interest = '5';
    form.org_unit_id = '';
    form.reports_to = '12';
    form.last_contact = '';
    form.roles = ['buyer', 'user', 'buyer'];
    const built = stakeholderFields(form, 3);
    expect('fields' in built && built.fields).toMatchObject({
      account_id: 3, name: 'Zhang San', power: 2, interest: 5, org_unit_id: null, reports_to: 12,
      dotted_to: null, last_contact: null, roles: ['user', 'buyer'], attitude: 'unknown', placeholder: false,
    });
  });

  it('reports numbers that do not parse as field errors without saving', () => {
    const form = stakeholderForm(null);
    form.power = 'high';
    form.interest = '';
    const built = stakeholderFields(form, 3);
    expect('errors' in built && built.errors.map((e) => [e.field, e.code])).toEqual([
      ['power', 'not_a_number'],
      ['interest', 'required'],
    ]);
  });
});

describe('account form', () => {
  it('builds fields with factor scores, dropping unrated ones', () => {
    const form = accountForm(null);
    form.name = 'Northwind';
    form.annual_revenue = '1,500,000';
    form.annual_margin = '';
    form.scores = { 4: '5', 2: '', 1: '3' };
    expect(accountFields(form)).toEqual({
      fields: {
        name: 'Northwind', industry: '', region: '', tier: 'key', annual_revenue: 1500000, annual_margin: 0,
        factor_scores: [{ factor_id: 1, score: 3 }, { factor_id: 4, score: 5 }],
        clv: { retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0 },
        notes: '',
      },
    });
  });

  it('starts a new account with the default lifetime-value inputs', () => {
    const form = accountForm(null);
    expect([form.clv_retention, form.clv_discount_rate, form.clv_horizon_years, form.clv_acquisition_cost]).toEqual(['0.8', '0.1', '10', '0']);
  });

  it('shows the defaults for an account saved without lifetime-value inputs', () => {
    const form = accountForm({
      name: 'Old', industry: '', region: '', tier: 'key', annual_revenue: 1, annual_margin: 1, factor_scores: [], notes: '',
    });
    expect(form.clv_horizon_years).toBe('10');
  });

  it.each([
    [{ clv_retention: '85%' }, { retention: 0.85 }],
    [{ clv_discount_rate: ' 0.075 ' }, { discount_rate: 0.075 }],
    [{ clv_horizon_years: '7' }, { horizon_years: 7 }],
    [{ clv_acquisition_cost: '' }, { acquisition_cost: 0 }],
    [{ clv_acquisition_cost: '12,500' }, { acquisition_cost: 12500 }],
  ])('reads the lifetime-value input %j', (input, want) => {
    const form = { ...accountForm(null), name: 'X', ...input };
    const built = accountFields(form);
    expect('fields' in built && built.fields.clv).toEqual({ retention: 0.8, discount_rate: 0.1, horizon_years: 10, acquisition_cost: 0, ...want });
  });

  it.each([
    [{ clv_retention: '' }, 'clv.retention', 'required'],
    [{ clv_discount_rate: 'ten' }, 'clv.discount_rate', 'not_a_number'],
    [{ clv_horizon_years: '2.5' }, 'clv.horizon_years', 'out_of_range'],
    [{ clv_horizon_years: '-1' }, 'clv.horizon_years', 'out_of_range'],
    [{ clv_acquisition_cost: 'free' }, 'clv.acquisition_cost', 'not_a_number'],
  ])('refuses the lifetime-value input %j locally', (input, field, code) => {
    const built = accountFields({ ...accountForm(null), name: 'X', ...input });
    expect('errors' in built && built.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
  });

  it('rejects revenue that is not a number', () => {
    const form = accountForm(null);
    form.annual_revenue = 'lots';
    const built = accountFields(form);
    expect('errors' in built && built.errors[0]?.field).toBe('annual_revenue');
  });
});
