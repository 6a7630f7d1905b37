import { describe, it, expect } from 'vitest';
import { identifyPartners, proposeId, readIdentityReference, type IdentityEntry, type IdentityReference } from './identify.ts';
import { readHomeEntries } from './locate-homes.ts';
import type { RorRecord, HipoRecord, GeoCity } from '../lib/registry.ts';

// A small registry: the records and places the fixtures below name (fields as the extracts give them).
const ROR: RorRecord[] = [
  { id: '01znkr924', name: 'Mahidol University', country: 'TH', city: 'Bangkok', lat: 13.75398, lng: 100.50144, website: 'http://www.mahidol.ac.th/en/', status: 'active' },
  { id: '03pcc9z86', name: 'Université de Franche-Comté', country: 'FR', city: 'Besançon', lat: 47.24878, lng: 6.01815, status: 'inactive', successor: ['04asdee31'] },
  { id: '04asdee31', name: 'Université Marie et Louis Pasteur', country: 'FR', city: 'Besançon', lat: 47.24878, lng: 6.01815, website: 'https://www.umlp.fr', status: 'active' },
];
const HIPO: HipoRecord[] = [{ name: 'National Tsinghua University', country: 'TW', domains: ['nthu.edu.tw'], webPages: ['http://www.nthu.edu.tw/'] }];
const CITIES: GeoCity[] = [{ id: 1675151, name: 'Hsinchu', country: 'TW', admin1: '04', lat: 24.80361, lon: 120.96861, population: 404109 }];

function reference(entries: IdentityEntry[]): IdentityReference {
  const hipo = new Map<string, HipoRecord>();
  for (const h of HIPO) for (const d of h.domains) hipo.set(d, h);
  return { entries: entries.map((e) => ({ ...e, file: 'fixture.json' })), ror: new Map(ROR.map((r) => [r.id, r])), hipo, cities: new Map(CITIES.map((c) => [c.id, c])) };
}
const draft = (id: string, country: string, ja: string, aliases = [ja]) => ({ id, name: { ja }, aliases, country, kind: 'university' });

const MAHIDOL: IdentityEntry = { id: 'mahidol-university', formerIds: ['mahidon-daigaku'], country: 'TH', ja: 'マヒドン大学', en: 'Mahidol University', status: 'ror', ror: '01znkr924', reason: 'exact name' };
const NTHU: IdentityEntry = { id: 'national-tsing-hua-university', formerIds: ['guoliqinghua-daxue'], country: 'TW', ja: '国立清華大学', en: 'National Tsing Hua University', status: 'registry', registry: { domain: 'nthu.edu.tw' }, city: { name: 'Hsinchu', geonames: 1675151 }, reason: 'Hipo entry; not in the partial ROR extract' };

describe('identifyPartners', () => {
  it('gives a partner its entry: published id, former ids, English name, ROR id, website, registry place', () => {
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学')], reference([MAHIDOL]));
    expect(r.errors).toEqual([]);
    expect(r.partners[0]).toMatchObject({
      id: 'mahidol-university', formerIds: ['mahidon-daigaku'], name: { ja: 'マヒドン大学', en: 'Mahidol University' },
      ror: '01znkr924', website: 'http://www.mahidol.ac.th/en/', city: 'Bangkok',
      location: { lat: 13.75398, lon: 100.50144, precision: 'registry' }, identity: { status: 'ror' },
    });
    expect(r.idOf.get('mahidon-daigaku')).toBe('mahidol-university');
  });

  it('places a partner without a registry place at its reviewed GeoNames city, with the Hipo website', () => {
    const r = identifyPartners([draft('guoliqinghua-daxue', 'TW', '国立清華大学')], reference([NTHU]));
    expect(r.errors).toEqual([]);
    expect(r.partners[0]).toMatchObject({ ror: null, website: 'http://www.nthu.edu.tw/', city: 'Hsinchu', location: { lat: 24.80361, lon: 120.96861, precision: 'city' }, identity: { status: 'registry' } });
  });

  it('matches an entry through any alias, spelling variants folded (ヴ/ブ, ・)', () => {
    const r = identifyPartners([draft('x', 'TH', 'マヒドン・ダイガク', ['マヒドン・ダイガク', 'マヒドン大学'])], reference([MAHIDOL]));
    expect(r.errors).toEqual([]);
    expect(r.partners[0]!.id).toBe('mahidol-university');
  });

  it('matches within the country only: an entry of TW never identifies a partner of CN', () => {
    const r = identifyPartners([draft('guoliqinghua-daxue', 'CN', '国立清華大学')], reference([NTHU]));
    expect(r.partners).toEqual([]);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/国立清華大学 \(CN.*has no identity entry/);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/stale identity entry/);
  });

  it('a network with no country (country null, scope international) matches by name whatever country its mention is listed under, and has no country and no place', () => {
    const net: IdentityEntry = { id: 'some-network', formerIds: ['n'], country: null, ja: '某国際ネットワーク', en: 'Some Network', status: 'reviewed', scope: 'international', reason: 'a network of ten countries, no seat' };
    const r = identifyPartners([draft('n', 'AU', '某国際ネットワーク')], reference([net]));
    expect(r.errors).toEqual([]);
    expect(r.partners[0]).toMatchObject({ id: 'some-network', country: null, scope: 'international', city: null, location: null });
  });

  it('an entry with no country and no international scope is malformed', () => {
    const bad: IdentityEntry = { id: 'some-school', formerIds: ['s'], country: null, ja: '某学校', en: 'Some School', status: 'reviewed', reason: 'r' };
    const r = identifyPartners([draft('s', 'TH', '某学校')], reference([bad]));
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/malformed: it needs ja and a country code \(null only with scope international\)/);
  });

  it('names the closest unmatched entries of the country for a partner with no entry', () => {
    const r = identifyPartners([draft('mahidon', 'TH', 'マヒドン医科大学')], reference([MAHIDOL]));
    expect(r.errors[0]!.message).toMatch(/closest unmatched entries of TH: マヒドン大学 → Mahidol University/);
  });

  it('is an error when one ROR id identifies two partners', () => {
    const other: IdentityEntry = { ...MAHIDOL, id: 'mahidol-2', formerIds: ['m2'], ja: 'マヒドール大学' };
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学'), draft('m2', 'TH', 'マヒドール大学')], reference([MAHIDOL, other]));
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/ROR 01znkr924 is the identity of 2 partners/);
  });

  it('is an error when the registry record is in another country', () => {
    const wrong: IdentityEntry = { ...MAHIDOL, country: 'LA' };
    const r = identifyPartners([draft('mahidon-daigaku', 'LA', 'マヒドン大学')], reference([wrong]));
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/ROR 01znkr924 \(Mahidol University\) is in TH, the partner in LA/);
  });

  it('is an error when a record is missing from the vendored registry', () => {
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学')], reference([{ ...MAHIDOL, ror: '0abcdef12' }]));
    expect(r.errors[0]!.message).toMatch(/ROR 0abcdef12 is not among the vendored records/);
  });

  it('is an error when an entry has no id, proposing one', () => {
    const { id: _, ...noId } = MAHIDOL;
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学')], reference([noId]));
    expect(r.errors[0]!.message).toMatch(/no id.*propose "mahidol-university"/);
  });

  it('is an error when two entries take one id, or an id is another partner\'s former id', () => {
    const twin: IdentityEntry = { ...NTHU, id: 'mahidol-university' };
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学'), draft('g', 'TW', '国立清華大学')], reference([MAHIDOL, twin]));
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/id mahidol-university is also the id of/);
    const thief: IdentityEntry = { ...NTHU, id: 'mahidon-daigaku' };
    const r2 = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学'), draft('g', 'TW', '国立清華大学')], reference([MAHIDOL, thief]));
    expect(r2.errors.map((e) => e.message).join('\n')).toMatch(/is a former id of マヒドン大学/);
  });

  it('warns about an inactive ROR record, naming its successor', () => {
    const e: IdentityEntry = { id: 'fc', formerIds: ['f'], country: 'FR', ja: 'フランシュ＝コンテ大学', en: 'Université de Franche-Comté', status: 'ror', ror: '03pcc9z86', reason: 'r' };
    const r = identifyPartners([draft('f', 'FR', 'フランシュ＝コンテ大学')], reference([e]));
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]!.message).toMatch(/inactive; its successor is 04asdee31/);
  });

  it('keeps the name the agreements were signed under beside the current institution', () => {
    const e: IdentityEntry = { id: 'universite-marie-et-louis-pasteur', formerIds: ['f'], country: 'FR', ja: 'フランシュ＝コンテ大学', en: 'Université Marie et Louis Pasteur', status: 'ror', ror: '04asdee31', signedAs: { en: 'Université de Franche-Comté', ror: '03pcc9z86' }, reason: 'r' };
    const r = identifyPartners([draft('f', 'FR', 'フランシュ＝コンテ大学')], reference([e]));
    expect(r.warnings).toEqual([]);
    expect(r.partners[0]).toMatchObject({ name: { en: 'Université Marie et Louis Pasteur' }, signedAs: { en: 'Université de Franche-Comté', ror: '03pcc9z86' }, ror: '04asdee31' });
  });

  it('reports identity coverage: counts by status, every partner without a registry record with its reason', () => {
    const rev: IdentityEntry = { id: 'some-hospital', formerIds: ['h'], country: 'TW', ja: '某病院', en: 'Some Hospital', status: 'reviewed', city: { name: 'Hsinchu', geonames: 1675151 }, reason: 'a hospital: no registry record' };
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学'), draft('h', 'TW', '某病院'), draft('g', 'TW', '国立清華大学')], reference([MAHIDOL, rev, NTHU]));
    expect(r.report.byStatus).toEqual({ ror: 1, registry: 1, reviewed: 1, unidentified: 0 });
    expect(r.report.withRegistry).toBe(2);
    expect(r.report.withLocation).toBe(3);
    expect(r.report.withoutRegistry.map((w) => [w.partner, w.reason])).toEqual([['national-tsing-hua-university', NTHU.reason], ['some-hospital', rev.reason]]);
  });
});

describe('identifyPartners: what the review of the stage found', () => {
  it('a partner matched by two entries is that error alone: neither entry is called stale', () => {
    const twin: IdentityEntry = { ...MAHIDOL, id: 'mahidol-2', formerIds: ['m2'], ja: 'マヒドン・ダイガク' };
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学', ['マヒドン大学', 'マヒドン・ダイガク'])], reference([MAHIDOL, twin]));
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/matches 2 identity entries/);
    expect(r.errors.map((e) => e.message).join('\n')).not.toMatch(/stale/);
  });
  it('one Hipo record on two partners is an error even when the entries name two of its domains', () => {
    const hipo = new Map<string, HipoRecord>();
    const rec: HipoRecord = { name: 'National Tsinghua University', country: 'TW', domains: ['nthu.edu.tw', 'mx.nthu.edu.tw'], webPages: ['http://www.nthu.edu.tw/'] };
    for (const d of rec.domains) hipo.set(d, rec);
    const other: IdentityEntry = { ...NTHU, id: 'nthu-2', formerIds: ['n2'], ja: '清華', registry: { domain: 'mx.nthu.edu.tw' } };
    const ref = { ...reference([NTHU, other]), hipo };
    const r = identifyPartners([draft('guoliqinghua-daxue', 'TW', '国立清華大学'), draft('n2', 'TW', '清華')], ref);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/registry entry National Tsinghua University is the identity of 2 partners/);
  });
  it('a malformed entry (a status typo, no formerIds) is an error naming its file, never passed through', () => {
    const typo = { ...MAHIDOL, status: 'Ror' } as unknown as IdentityEntry;
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学')], reference([typo]));
    expect(r.errors[0]).toMatchObject({ file: 'fixture.json' });
    expect(r.errors[0]!.message).toMatch(/malformed: status "Ror" is none of/);
    expect(r.partners).toEqual([]);
  });
  it('two entries claiming one former id is an error (its old URL could send readers to only one)', () => {
    const claim: IdentityEntry = { ...NTHU, formerIds: ['mahidon-daigaku'] };
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学'), draft('g', 'TW', '国立清華大学')], reference([MAHIDOL, claim]));
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/former id mahidon-daigaku is also a former id of マヒドン大学/);
  });
  it('partners at one place get one city name (the registry and the gazetteer spell some cities differently)', () => {
    const CITY: GeoCity = { id: 1, name: 'Bangkok Metropolis', country: 'TH', admin1: '40', lat: 13.75398, lon: 100.50144, population: 1 };
    const other: IdentityEntry = { id: 'thai-school', formerIds: ['t'], country: 'TH', ja: 'タイ学校', en: 'Thai School', status: 'reviewed', city: { name: 'Bangkok Metropolis', geonames: 1 }, reason: 'a school in no registry' };
    const ref = { ...reference([MAHIDOL, other]), cities: new Map([[1, CITY]]) };
    const r = identifyPartners([draft('mahidon-daigaku', 'TH', 'マヒドン大学'), draft('t', 'TH', 'タイ学校')], ref);
    expect(r.partners.map((p) => p.city)).toEqual(['Bangkok', 'Bangkok']);
  });
});

describe('proposeId', () => {
  it('slugs the English name, adding the city, then the country, only when taken', () => {
    expect(proposeId('Mahidol University', 'Bangkok', 'TH', new Set())).toBe('mahidol-university');
    expect(proposeId('Soochow University', 'Taipei', 'TW', new Set(['soochow-university']))).toBe('soochow-university-taipei');
    expect(proposeId("King's College London", 'London', 'GB', new Set())).toBe('kings-college-london');
  });
});

describe('the committed identities', () => {
  const ref = readIdentityReference();
  it('every entry states a reason and an English name without Japanese script', () => {
    for (const e of ref.entries) {
      expect(e.reason.length, `${e.file} ${e.ja}`).toBeGreaterThan(10);
      expect(e.en, `${e.file} ${e.ja}`).not.toMatch(/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u);
    }
  });
  it('every vendored record is named by some entry (nothing vendored that the project does not use)', () => {
    // the home universities' ROR records (data/reference/homes.json) and the places those records name are vendored too
    const homes = readHomeEntries();
    const rors = new Set([...ref.entries.flatMap((e) => [e.ror, e.signedAs?.ror]), ...homes.map((h) => h.ror)].filter(Boolean));
    for (const id of ref.ror.keys()) expect(rors.has(id), id).toBe(true);
    const cities = new Set([...ref.entries.map((e) => e.city?.geonames), ...homes.map((h) => ref.ror.get(h.ror)?.geonamesId)]);
    for (const id of ref.cities.keys()) expect(cities.has(id), String(id)).toBe(true);
  });
});
