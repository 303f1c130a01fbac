// Guards the catalogues: every key present and non-empty in every language, placeholders matching.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { catalogues, i18n, interpolate, localeFromLanguageTag, t } from './locale.svelte';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  const enKeys = Object.keys(en).sort();

  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name} has exactly the English keys`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(enKeys);
    });
    it(`${name} has no empty message`, () => {
      const empty = Object.entries(catalogue).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(empty).toEqual([]);
    });
    it(`${name} uses the same placeholders as English`, () => {
      const mismatched = Object.entries(catalogue)
        .filter(([k, v]) => placeholders(v).join() !== placeholders(en[k as keyof typeof en]).join())
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    });
  }

  it('Chinese is really translated (most messages differ from English)', () => {
    const same = Object.keys(en).filter((k) => zh[k as keyof typeof en] === en[k as keyof typeof en]);
    expect(same.length).toBeLessThan(5);
  });
});

describe('t()', () => {
  it('interpolates parameters and keeps unknown ones visible', () => {
    expect(interpolate('Hello {name}, {n} new', { name: 'Mei', n: 3 })).toBe('Hello Mei, 3 new');
    expect(interpolate('{missing} stays', {})).toBe('{missing} stays');
  });

  it('switches language reactively by locale', () => {
    i18n.set('en');
    expect(t('sidebar.people', { count: 4 })).toBe('4 people');
    i18n.set('zh');
    expect(t('sidebar.people', { count: 4 })).toBe('4 人');
    expect(t('attitude.champion')).toBe('拥护者');
    i18n.set('en');
  });

  it('maps OS language tags', () => {
    expect(localeFromLanguageTag('zh-CN')).toBe('zh');
    expect(localeFromLanguageTag('zh-Hant-TW')).toBe('zh');
    expect(localeFromLanguageTag('en-US')).toBe('en');
    expect(localeFromLanguageTag('de')).toBe('en');
    expect(localeFromLanguageTag(undefined)).toBe('en');
  });
});
