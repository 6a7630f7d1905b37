import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallFact, Country, Programme } from '../../scripts/schema/records.ts';
import { readFinderState, writeFinderState, profileQuery, emptyFilters } from './finder-state.ts';
import { showProgrammes, requirementKey, STATUS_ORDER, type FinderProgramme } from './finder.ts';
import { programmesMoney, finderMoney } from './programme-money.ts';
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

describe('showProgrammes: destination class, stipend, deadline and best status first', () => {
  // money as the page embeds it (ProgrammesView), from the call's tables (programme-money.ts)
  const money = programmesMoney();
  const withMoney: FinderProgramme[] = progs.map((p) => ({ ...p, money: finderMoney(money.get(p.id)) }));
  const of = (id: string) => withMoney.find((p) => p.id === id)!;

  it('class=designated keeps only the designated cities: London (70707016, L328)', () => {
    const ids = showProgrammes(withMoney, readFinderState('?class=designated'), mins).ids;
    expect(ids).toContain('70707016');
    expect(ids.every((id) => of(id).money!.class === 'designated')).toBe(true);
    // Bayreuth (70711006-1) is Class A (L329), Óbuda (70723001, Hungary) Class B (L330, excepted from A)
    expect(showProgrammes(withMoney, readFinderState('?class=a'), mins).ids).toContain('70711006-1');
    expect(showProgrammes(withMoney, readFinderState('?class=b'), mins).ids).toContain('70723001');
    expect(showProgrammes(withMoney, readFinderState('?class=a'), mins).ids).not.toContain('70723001');
  });

  it('sort=stipend: highest monthly stipend first (L328 ¥100,000, L329 ¥80,000, L330 ¥70,000, L331 ¥60,000), then the amount with a waiver, then course', () => {
    const ids = showProgrammes(withMoney, readFinderState('?sort=stipend'), mins).ids;
    const yen = ids.map((id) => of(id).money!.stipend ?? -1);
    expect(yen).toEqual([...yen].sort((a, b) => b - a));
    expect(ids[0]).toBe('70707016');
    expect(new Set(yen)).toEqual(new Set([100000, 80000, 70000, 60000]));
  });

  it('sort=deadline: the first deadline, then course; every programme of this call shares L179 (22 Oct 2024), so course order', () => {
    const ids = showProgrammes(withMoney, readFinderState('?sort=deadline'), mins).ids;
    expect(new Set(ids.map((id) => of(id).money!.deadline))).toEqual(new Set(['2024-10-22']));
    expect(ids).toEqual([...ids].sort());
    // a programme with an earlier deadline would come first; one with none last
    const early = { ...of('70707016'), id: '99999998', money: { ...of('70707016').money!, deadline: '2024-10-01' } };
    const none = { ...of('70707016'), id: '00000001', money: { ...of('70707016').money!, deadline: null } };
    const r = showProgrammes([...withMoney, early, none], readFinderState('?sort=deadline'), mins).ids;
    expect(r[0]).toBe('99999998');
    expect(r.at(-1)).toBe('00000001');
  });

  it('by default (sort=match) a profile puts the programmes it can apply to first: eligible, conditional, unknown, short, ineligible', () => {
    const r = showProgrammes(withMoney, readFinderState('?gpa=3.2&ielts=6.5&ieltsSection=6&region=europe'), mins);
    const ranks = r.ids.map((id) => STATUS_ORDER.indexOf(r.verdicts.get(id)!.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(r.verdicts.get(r.ids[0]!)!.status).toBe('eligible');
    // without a profile the default is course order
    expect(showProgrammes(withMoney, readFinderState(''), mins).ids).toEqual(withMoney.map((p) => p.id).sort());
  });
});
