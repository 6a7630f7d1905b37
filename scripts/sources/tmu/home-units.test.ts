/** TMU's "<<Only available for …>>" restrictions, resolved through data/reference/units/tmu.json. */
import { describe, it, expect } from 'vitest';
import { parseHomeUnits, resolveTmuUnit } from './home-units.ts';

describe('parseHomeUnits', () => {
  it('"Faculties or Graduate schools of A, B and C": both units of each subject', () => {
    // line 461 (10108001)
    expect(parseHomeUnits('<<Only available for Faculties or Graduate schools of Science, Urban Environmental Sciences and System Design>> - fees')?.units).toEqual([
      'tmu-science-faculty', 'tmu-science-graduate-school',
      'tmu-urban-environmental-sciences-faculty', 'tmu-urban-environmental-sciences-graduate-school',
      'tmu-systems-design-faculty', 'tmu-systems-design-graduate-school',
    ]);
  });
  it('"(for undergraduates, X)" gives the faculty of the subject before it; "Law and Politics" is one subject', () => {
    // line 500 (10116016-1)
    const r = parseHomeUnits('<ul style="list-style-type: none"> <<Only available for Faculties or Graduate schools of Humanities, Law and Politics and Management (for undergraduates, Economics and Business Administration)>>');
    expect(r?.units).toEqual([
      'tmu-humanities-and-social-sciences-faculty', 'tmu-humanities-graduate-school',
      'tmu-law-faculty', 'tmu-law-and-politics-graduate-school',
      'tmu-economics-and-business-administration-faculty', 'tmu-management-graduate-school',
    ]);
    expect(r?.unmapped).toEqual([]);
  });
  it('"undergraduate students in general, but, for graduate students, ONLY … Graduate school of Management"', () => {
    // line 472 (10113003)
    const r = parseHomeUnits('<<Only available for TMU undergraduate students in general, but, for graduate students, ONLY available from Graduate school of Management >>');
    expect(r?.units).toContain('tmu-health-sciences-faculty');
    expect(r?.units).toContain('tmu-management-graduate-school');
    expect(r?.units).not.toContain('tmu-science-graduate-school');
  });
  it('"the students at the Faculty of A or the department of B at the Faculty of C" and "Faculty of A or B"', () => {
    // line 546 (70707016); line 547 (70707017)
    expect(parseHomeUnits('学部 << Available for the students at the Faculty of Economics and Business Administration or the department of Mathematical Sciences at the Faculty of Science.>>')?.units)
      .toEqual(['tmu-economics-and-business-administration-faculty', 'tmu-mathematical-sciences-department']);
    expect(parseHomeUnits('<< Available for the students at Faculty of Economics and Business Administration or System Design.>>')?.units)
      .toEqual(['tmu-economics-and-business-administration-faculty', 'tmu-systems-design-faculty']);
  });
  it('an unknown name is reported, never guessed', () => {
    const r = parseHomeUnits('<<Only available for Faculties or Graduate schools of Astrology>>');
    expect(r?.units).toEqual([]);
    expect(r?.unmapped).toEqual(['Astrology']);
    expect(parseHomeUnits('no restriction here')).toBeUndefined();
  });
  it('resolves labels case-insensitively', () => {
    expect(resolveTmuUnit('Graduate school of Management')).toBe('tmu-management-graduate-school');
  });
});
