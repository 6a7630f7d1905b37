/** Portfolio comparison on small hand-made relations: every function's counts worked out by hand. */
import { describe, it, expect } from 'vitest';
import { memberships, intersections, coverage, sharedByAtLeast, comparePair, pairsOf, pairId } from './compare.ts';
import type { Relation } from './relations.ts';

const r = (home: string, partner: string, extra: Partial<Relation> = {}): Relation => ({ kind: 'agreement', home, partner, record: `${home}-${partner}-${extra.year ?? ''}`, level: 'department', units: [], source: { id: 's', line: 1 }, ...extra });
// p1: a, b, c · p2: a, b · p3: a · p4: b · p5: c (twice)
const rels = [r('a', 'p1', { year: 2010 }), r('b', 'p1'), r('c', 'p1'), r('a', 'p2', { year: 2001 }), r('a', 'p2', { year: 1999, level: 'university' }), r('b', 'p2', { kind: 'programme', level: undefined }), r('a', 'p3', { year: 2020 }), r('b', 'p4'), r('c', 'p5'), r('c', 'p5')];
const m = memberships(rels);

describe('compare', () => {
  it('pair ids are alphabetical, every pair once', () => {
    expect(pairId('tsukuba', 'osaka')).toBe('osaka-tsukuba');
    expect(pairsOf(['c', 'a', 'b'])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(pairsOf(['a', 'b', 'c', 'd', 'e'])).toHaveLength(10);
  });
  it('intersections are exclusive: each partner in one bar; largest first', () => {
    const bars = intersections(m, ['a', 'b', 'c']);
    expect(bars.map((b) => [b.homes.join(''), b.partners])).toEqual([['abc', ['p1']], ['ab', ['p2']], ['a', ['p3']], ['b', ['p4']], ['c', ['p5']]]);
    // chosen a, b only: p1 now counts under ab; c's own partner drops out
    expect(intersections(m, ['a', 'b']).map((b) => [b.homes.join(''), b.partners.length])).toEqual([['ab', 2], ['a', 1], ['b', 1]]);
  });
  it('coverage counts each home’s partners per key', () => {
    const cov = coverage(m, ['a', 'c'], (p) => (p === 'p5' ? 'x' : 'y'));
    expect(Object.fromEntries(cov.get('a')!)).toEqual({ y: 3 });
    expect(Object.fromEntries(cov.get('c')!)).toEqual({ y: 1, x: 1 });
  });
  it('sharedByAtLeast', () => {
    expect(sharedByAtLeast(m, ['a', 'b', 'c'], 3).map((x) => x.partner)).toEqual(['p1']);
    expect(sharedByAtLeast(m, ['a', 'b', 'c'], 2).map((x) => x.partner)).toEqual(['p1', 'p2']);
  });
  it('comparePair: shared, only one, levels, first years (by each partner’s first relation)', () => {
    const c = comparePair(rels, 'a', 'b');
    expect(c.shared.map((s) => s.partner)).toEqual(['p1', 'p2']);
    expect(c.shared[1]!.a).toHaveLength(2);
    expect(c.onlyA).toEqual(['p3']);
    expect(c.onlyB).toEqual(['p4']);
    expect(c.a).toMatchObject({ partners: 3, relations: 4, firstYear: 1999, medianFirstYear: 2010, undated: 0 });
    expect([...c.a.firstYears]).toEqual([[1999, 1], [2010, 1], [2020, 1]]);
    expect(c.b).toMatchObject({ partners: 3, relations: 3, undated: 3 });
    expect(c.b.firstYear).toBeUndefined();
    expect(c.a.levels.department).toEqual({ relations: 3, partners: 3 });
    expect(c.a.levels.university).toEqual({ relations: 1, partners: 1 });
    expect(c.b.levels.programme).toEqual({ relations: 1, partners: 1 });
  });
});
