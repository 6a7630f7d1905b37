import { describe, it, expect } from 'vitest';
import { readState, writeState, hasState, emptyState } from './directory-state.ts';

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
