/** Places (semester spots) and the pools of places that courses share. */
import { describe, it, expect } from 'vitest';
import { closePools, courseNumbers, parsePlaces } from './places.ts';

describe('parsePlaces', () => {
  it('reads semester spots', () => {
    expect(parsePlaces('4 semester spots', '10107001')).toEqual({ semesterSpots: 4, names: [], raw: '4 semester spots' }); // line 460
    expect(parsePlaces('2semester spots (up to 1 students per semester)', '50502010-1').semesterSpots).toBe(2); // line 527
    expect(parsePlaces('8 semester spots; 4 students for the fall academic year and 4 for the spring semester', '70702001').semesterSpots).toBe(8); // line 528
  });
  it('gives no number when the cell counts students', () => {
    for (const [raw, course] of [
      ['up to 2 students per a year/a semester', '10108001'], // line 461
      ['3~4 students per Semester', '10113001'], // line 470
      ['2 students for each semester (including 10116015-2, 10116015-3 course)', '10116015-1'], // line 490
      ['Same as the agreement (no more than 5 per semester)', '10116016-1'], // line 500
    ]) expect(parsePlaces(raw!, course!).semesterSpots).toBeUndefined();
  });
  it('names the courses sharing the pool, spaced hyphens included, itself excluded', () => {
    // line 496: "(including 10116015- 1, 10116015- 2, 10116015- 3 course)" on course 10116015-2
    expect(parsePlaces('2 students for each semester (including 10116015- 1, 10116015- 2, 10116015- 3 course)', '10116015-2').names).toEqual(['10116015-1', '10116015-3']);
    // line 482
    expect(courseNumbers('4 semester spots (including 10116014-2, 10116014-3 course) since not exceed 2 students per year')).toEqual(['10116014-2', '10116014-3']);
  });
});

describe('closePools', () => {
  it('one pool is symmetric and transitive; one-sided names are reported', () => {
    // lines 490, 496, 498: -1 names -2 and -3, -2 names -1 and -3, -3 names only -2
    const { sharedWith, problems } = closePools(new Map([
      ['10116015-1', ['10116015-2', '10116015-3']],
      ['10116015-2', ['10116015-1', '10116015-3']],
      ['10116015-3', ['10116015-2']],
    ]));
    expect(sharedWith.get('10116015-3')).toEqual(['10116015-1', '10116015-2']);
    expect(problems).toEqual([{ course: '10116015-3', message: 'does not name course 10116015-1, which says it shares its places with 10116015-3' }]);
  });
  it('a course the table does not list stays in the pool, reported', () => {
    // line 517: 50501004-1 includes 50501004-2, which the annex does not list
    const { sharedWith, problems } = closePools(new Map([['50501004-1', ['50501004-2']]]));
    expect(sharedWith.get('50501004-1')).toEqual(['50501004-2']);
    expect(problems[0]!.message).toMatch(/which the table does not list/);
  });
  it('separate pools stay apart', () => {
    const { sharedWith } = closePools(new Map([['A', ['B']], ['B', ['A']], ['C', []]]));
    expect(sharedWith.get('A')).toEqual(['B']);
    expect(sharedWith.get('C')).toEqual([]);
  });
});
