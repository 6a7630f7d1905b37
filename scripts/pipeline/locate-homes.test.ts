import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { HOMES } from '../lib/homes.ts';
import type { RorRecord, GeoCity } from '../lib/registry.ts';
import { REFERENCE_DIR } from '../lib/reference.ts';
import { locateHomes, readHomeEntries } from './locate-homes.ts';
import { readIdentityReference } from './identify.ts';

// The vendored files, read here without the pipeline's readers.
const vendored = <T>(name: string): T[] => (JSON.parse(readFileSync(`${REFERENCE_DIR}registries/${name}`, 'utf8')) as { records: T[] }).records;
const ror = new Map(vendored<RorRecord>('ror.json').map((r) => [r.id, r]));
const geonames = new Map(vendored<GeoCity>('geonames.json').map((c) => [c.id, c]));
const built = JSON.parse(readFileSync(new URL('../../data/build/homes.json', import.meta.url), 'utf8')) as { id: string; ror: string | null; location: { lat: number; lon: number; precision: string } | null }[];

describe('home universities located by their ROR records (data/reference/homes.json)', () => {
  it('every home has one entry with a reason that names its ROR id', () => {
    const entries = readHomeEntries();
    expect(entries.map((e) => e.id).sort()).toEqual(HOMES.map((h) => h.id).sort());
    for (const e of entries) expect(e.reason, e.id).toContain(e.ror);
  });

  it("each home's published location is its ROR record's place, the GeoNames city the record names (within 0.01°, about 1 km)", () => {
    expect(built.length).toBe(HOMES.length);
    for (const h of built) {
      const r = ror.get(h.ror ?? '');
      expect(r, `${h.id}: ROR ${h.ror} is vendored`).toBeDefined();
      expect(r!.country).toBe('JP');
      expect(h.location, h.id).toEqual({ lat: r!.lat, lon: r!.lng, precision: 'registry' });
      const place = geonames.get(r!.geonamesId ?? -1);
      expect(place, `${h.id}: GeoNames ${r!.geonamesId} is vendored`).toBeDefined();
      expect(place!.country).toBe('JP');
      expect(Math.abs(place!.lat - h.location!.lat), h.id).toBeLessThan(0.01);
      expect(Math.abs(place!.lon - h.location!.lon), h.id).toBeLessThan(0.01);
      // the reason names the place the location is
      const entry = readHomeEntries().find((e) => e.id === h.id)!;
      expect(entry.reason, h.id).toContain(`GeoNames ${place!.id} ${place!.name}`);
    }
  });

  it('a home without an entry, or with a ROR id that is not vendored, is an error naming it', () => {
    const { ror: all } = readIdentityReference();
    const missing = locateHomes([HOMES[0]!], all, []);
    expect(missing.homes[0]!.location).toBeNull();
    expect(missing.errors.map((e) => e.message).join('\n')).toMatch(/no entry for the home university tsukuba/);
    const stale = locateHomes([HOMES[0]!], all, [{ id: 'tsukuba', ror: '0zzzzzz00', reason: 'a reason long enough' }]);
    expect(stale.errors[0]!.message).toMatch(/ROR 0zzzzzz00 \(tsukuba\) is not among the vendored records/);
    expect(stale.errors[0]!.file).toBe('data/reference/homes.json');
  });
});
