import { describe, it, expect } from 'vitest';
import { resolveCountry, countryByCode, countryKey } from './countries.ts';

describe('countries', () => {
  it('resolves Japanese short and formal names, English names and aliases', () => {
    expect(resolveCountry('米国')).toBe('US');
    expect(resolveCountry('アメリカ合衆国')).toBe('US');
    expect(resolveCountry('United States')).toBe('US');
    expect(resolveCountry('英国')).toBe('GB');
    expect(resolveCountry('インドネシア共和国')).toBe('ID');
    expect(resolveCountry('韓国')).toBe('KR');
  });
  it('keeps Hong Kong, Taiwan and Macao as their own codes', () => {
    expect(resolveCountry('香港')).toBe('HK');
    expect(resolveCountry('台湾')).toBe('TW');
    expect(resolveCountry('マカオ')).toBe('MO');
  });
  it('ignores spacing, middle dots and width', () => {
    expect(countryKey('ボスニア・ヘルツェゴビナ')).toBe(countryKey('ボスニア ヘルツェゴビナ'));
    expect(resolveCountry('ボスニア・ヘルツェゴビナ')).toBe('BA');
  });
  it('never guesses: an unknown label is undefined', () => {
    expect(resolveCountry('アトランティス')).toBeUndefined();
  });
  it('every country has a project region', () => {
    expect(countryByCode('FR')?.region).toBe('europe');
    expect(countryByCode('IR')?.region).toBe('middle-east');
    expect(countryByCode('VN')?.region).toBe('southeast-asia');
  });
});
