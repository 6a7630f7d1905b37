import { describe, it, expect } from 'vitest';
import { readState, parseState, writeState, hasState, emptyState, type DirectoryState } from './directory-state.ts';
import { noticeText } from './url-state.ts';

describe('directory URL state', () => {
  it('round-trips every key in a fixed order, leaving empty values out', () => {
    const s = { ...emptyState(), q: 'ボルドー', home: 'osaka', country: 'FR', region: 'europe', level: 'department', unit: 'osaka-dent', from: '2010', to: '2020', target: 'students', waiver: 'yes', sort: 'year' };
    const qs = writeState(s);
    expect(qs.startsWith('?q=')).toBe(true);
    expect(readState(qs)).toEqual(s);
    expect(writeState(emptyState())).toBe('');
    expect(writeState({ ...emptyState(), home: 'tsukuba' })).toBe('?home=tsukuba');
  });
  it('drops malformed values and ignores unknown keys', () => {
    expect(readState('?from=20&to=abcd&target=aliens&waiver=1&sort=random&utm=x')).toEqual(emptyState());
  });
  it('hasState is false for an empty or blank query', () => {
    expect(hasState(readState(''))).toBe(false);
    expect(hasState(readState('?q=+'))).toBe(false);
    expect(hasState(readState('?q=usa'))).toBe(true);
  });
});

describe('parseState: addresses that forgive, and say so', () => {
  // What the directory's form offers (a few of its options).
  const vocab = { home: ['tsukuba', 'osaka'], country: ['TH', 'FR', 'US'], region: ['europe', 'southeast-asia'], level: ['university', 'department', 'cic', 'strategic'], unit: ['osaka-engineering-graduate-school'] };
  const cases: [string, Partial<DirectoryState>, { key: string; value: string; why: string }[]][] = [
    ['?country=th', { country: 'TH' }, []],
    ['?home=Osaka&region=Europe&level=CiC', { home: 'osaka', region: 'europe', level: 'cic' }, []],
    ['?target=Students&waiver=YES&sort=Name', { target: 'students', waiver: 'yes', sort: 'name' }, []],
    ['?country=zz', {}, [{ key: 'country', value: 'zz', why: 'unknown' }]],
    ['?country=th&home=kyoto', { country: 'TH' }, [{ key: 'home', value: 'kyoto', why: 'unknown' }]],
    ['?from=20x4&to=2020', { to: '2020' }, [{ key: 'from', value: '20x4', why: 'malformed' }]],
    ['?unit=nope&level=global', {}, [{ key: 'level', value: 'global', why: 'unknown' }, { key: 'unit', value: 'nope', why: 'unknown' }]],
    ['?target=aliens&waiver=1&sort=random', {}, [{ key: 'target', value: 'aliens', why: 'unknown' }, { key: 'waiver', value: '1', why: 'unknown' }, { key: 'sort', value: 'random', why: 'unknown' }]],
    ['?q=Bordeaux&utm_source=x', { q: 'Bordeaux' }, []],
  ];
  for (const [qs, state, problems] of cases) {
    it(`${qs} → ${JSON.stringify(state)}${problems.length ? `, naming ${problems.map((p) => `${p.key}=${p.value}`).join(', ')}` : ''}`, () => {
      const r = parseState(qs, vocab);
      expect(r.state).toEqual({ ...emptyState(), ...state });
      expect(r.problems).toEqual(problems);
    });
  }
  it('the notice names each problem in the page\'s words', () => {
    const { problems } = parseState('?country=zz&from=20x4', vocab);
    expect(noticeText(problems, { lead: 'Not used from this address:', unknown: '{key}={value} (no such value here)', malformed: '{key}={value} (not valid)', sep: '; ' }))
      .toBe('Not used from this address: country=zz (no such value here); from=20x4 (not valid)');
  });
});
