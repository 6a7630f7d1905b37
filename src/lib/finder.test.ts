import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallFact, Country, Programme } from '../../scripts/schema/records.ts';
import { readFinderState, writeFinderState, profileQuery, emptyFilters } from './finder-state.ts';
import { showProgrammes, requirementKey, type FinderProgramme } from './finder.ts';
import { callMinimums } from './eligibility.ts';

const read = <T,>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../data/build/${name}.json`), 'utf8')) as T;
const countries = new Map(read<Country[]>('countries').map((c) => [c.code, c]));
const progs: FinderProgramme[] = read<Programme[]>('programmes').map((p) => ({ ...p, region: countries.get(p.country)?.region ?? 'unknown' }));
const mins = callMinimums(read<CallFact[]>('call-facts'), 'tmu');
const byId = new Map(progs.map((p) => [p.id, p]));

describe('finder state in the URL', () => {
  it('reads the DATA-MODEL keys and writes them back in a fixed order', () => {
    const s = readFinderState('?gpa=3&ielts=6&level=undergraduate&ieltsSection=5.5&de=b2&hsk=4&country=de&sort=ielts&list=70711006-1,10108003&status=eligible,short');
    expect(s.profile).toEqual({ level: 'undergraduate', gpa: 3, gpaScale: 4, ielts: 6, ieltsSection: 5.5, cefr: { de: 'B2' }, hsk: 4 });
    expect(s.filters).toMatchObject({ country: 'DE', sort: 'ielts', status: ['eligible', 'short'] });
    expect(s.list).toEqual(['70711006-1', '10108003']);
    expect(writeFinderState(s)).toBe('?level=undergraduate&gpa=3&ielts=6&ieltsSection=5.5&de=B2&hsk=4&country=DE&status=eligible,short&sort=ielts&list=70711006-1,10108003');
    expect(readFinderState(writeFinderState(s))).toEqual(s);
  });
  it('drops malformed values instead of guessing', () => {
    const s = readFinderState('?gpa=5&ielts=6.3&toefl=130&toeflSection=40&level=phd&de=B7&hsk=0&sort=x&status=maybe&places=-1&list=<script>');
    expect(s.profile).toEqual({ gpaScale: 4, cefr: {} });
    expect(s.filters).toEqual(emptyFilters());
    expect(s.list).toEqual([]);
  });
  it('takes a GPA on another scale (gpaScale) and a comma decimal', () => {
    expect(readFinderState('?gpa=3,5&gpaScale=5').profile).toMatchObject({ gpa: 3.5, gpaScale: 5 });
    expect(profileQuery(readFinderState('?gpa=3.5&gpaScale=5&country=DE').profile)).toBe('?gpa=3.5&gpaScale=5');
  });
});

describe('showProgrammes', () => {
  it('shows every programme in course order and marks nothing without a profile', () => {
    const r = showProgrammes(progs, readFinderState(''), mins);
    expect(r.ids).toEqual(progs.map((p) => p.id).sort());
    expect(r.verdicts.size).toBe(0);
  });
  it('filters by country, language of instruction, re-recruitment and places', () => {
    const de = showProgrammes(progs, readFinderState('?country=DE'), mins).ids;
    expect(de.length).toBeGreaterThan(0);
    expect(de.every((id) => byId.get(id)!.country === 'DE')).toBe(true);
    const german = showProgrammes(progs, readFinderState('?lang=de'), mins).ids;
    expect(german.map((id) => byId.get(id)!.language)).toEqual(german.map(() => 'German'));
    const rerec = showProgrammes(progs, readFinderState('?rerec=1'), mins).ids;
    expect(rerec.length).toBe(progs.filter((p) => p.reRecruitment).length);
    const many = showProgrammes(progs, readFinderState('?places=6'), mins).ids;
    expect(many.every((id) => (byId.get(id)!.places.semesterSpots ?? 0) >= 6)).toBe(true);
  });
  it('with a profile, keeps the statuses asked for', () => {
    const r = showProgrammes(progs, readFinderState('?level=graduate&gpa=3&ielts=6&ieltsSection=5.5&status=ineligible'), mins);
    expect(r.ids.length).toBeGreaterThan(0);
    for (const id of r.ids) expect(r.verdicts.get(id)!.status).toBe('ineligible');
    expect(r.ids.length).toBe(progs.filter((p) => !p.levels.graduate).length);
  });
  it('sorts by requirement (nothing asked first, unreadable last) and by places (most first)', () => {
    const ielts = showProgrammes(progs, readFinderState('?sort=ielts'), mins).ids.map((id) => requirementKey(byId.get(id)!, 'ielts', 'undergraduate'));
    expect(ielts).toEqual([...ielts].sort((a, b) => a - b));
    // L511 (10122006-2) asks IELTS 6.5 for undergraduates; L463 (10108003) asks 6
    expect(requirementKey(byId.get('10122006-2')!, 'ielts', 'undergraduate')).toBe(6.5);
    expect(requirementKey(byId.get('10108003')!, 'ielts', 'undergraduate')).toBe(6);
    // L462 (10108002) is conditional on the faculty
    expect(requirementKey(byId.get('10108002')!, 'ielts', 'undergraduate')).toBe(Infinity);
    const places = showProgrammes(progs, readFinderState('?sort=places'), mins).ids.map((id) => byId.get(id)!.places.semesterSpots ?? -1);
    expect(places).toEqual([...places].sort((a, b) => b - a));
  });
});
