import { describe, it, expect } from 'vitest';
import { localePath, formatDate, formatMonth, formatNumber, otherLocale, sourceHref } from './site.ts';
import { t } from '../i18n/ui.ts';

describe('site helpers', () => {
  it('localePath puts English under /en/ and leaves Japanese unprefixed', () => {
    expect(localePath('ja', '/partners/')).toBe('/partners/');
    expect(localePath('en', '/partners/')).toBe('/en/partners/');
    expect(localePath('en', '/')).toBe('/en/');
    expect(otherLocale('ja')).toBe('en');
  });
  it('formats dates and numbers in each convention', () => {
    expect(formatDate('ja', '2015-11-09')).toBe('2015年11月9日');
    expect(formatDate('en', '2015-11-09')).toBe('9 Nov 2015');
    expect(formatMonth('ja', '2023-04')).toBe('2023年4月');
    expect(formatMonth('en', '2024-03')).toBe('Mar 2024');
    expect(formatNumber('ja', 1156)).toBe('1,156');
  });
  it('sourceHref links to a line anchor', () => {
    expect(sourceHref('en', { id: 'osaka-2021', line: 12 })).toBe('/en/sources/osaka-2021/#L12');
  });
  it('t fills placeholders', () => {
    expect(t('ja', 'results', { n: 3 })).toBe('3 件');
    expect(t('en', 'agreementsWith', { name: 'X' })).toBe('Agreements with X');
  });
});
