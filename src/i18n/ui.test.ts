import { describe, it, expect } from 'vitest';
import { t, ui } from './ui.ts';

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('en', 'since', { year: 2007 })).toBe('since 2007');
    expect(t('ja', 'since', { year: 2007 })).toBe('2007年から');
  });
  it('chooses the singular or plural form by the locale’s rule, also for formatted numbers', () => {
    expect(t('en', 'agreementCount', { n: 1 })).toBe('1 agreement');
    expect(t('en', 'agreementCount', { n: 2 })).toBe('2 agreements');
    expect(t('en', 'agreementCount', { n: 0 })).toBe('0 agreements');
    expect(t('en', 'partnerCount', { n: '1,234' })).toBe('1,234 institutions');
    expect(t('ja', 'agreementCount', { n: 1 })).toBe('1 件の協定');
  });
  it('has no string with a plural bar in Japanese, and English plural strings have exactly two forms', () => {
    for (const [k, v] of Object.entries(ui.ja)) expect(v.includes('|'), k).toBe(false);
    for (const [k, v] of Object.entries(ui.en)) if (v.includes('|')) expect(v.split('|').length, k).toBe(2);
  });
});
