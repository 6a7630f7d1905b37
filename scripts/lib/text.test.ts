import { describe, it, expect } from 'vitest';
import { clean, despace, parseCount, parseDecimal, stripHtml, extractLinks, slugify, splitLines, cellsOf } from './text.ts';

describe('text', () => {
  it('splitLines(text) drops only the final empty line', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\n\nb')).toEqual(['a', '', 'b']);
  });
  it('clean(s) applies NFKC and collapses whitespace', () => {
    expect(clean('  中国（香港含む）　１２３ ')).toBe('中国(香港含む) 123');
  });
  it('despace(s) joins spaced-out CJK characters but keeps Latin words apart', () => {
    expect(despace('人 文 学 類')).toBe('人文学類');
    expect(despace('大 学 院 (旧) 計')).toBe('大学院(旧)計');
    expect(despace('研究者 学 生')).toBe('研究者学生');
    expect(despace('IUTAM Symposium on Nonlinear dynamics')).toBe('IUTAM Symposium on Nonlinear dynamics');
  });
  it('parseCount(s) reads thousands separators and full-width digits, and nothing else', () => {
    expect(parseCount('1,156')).toBe(1156);
    expect(parseCount('２，１３３')).toBe(2133);
    expect(parseCount(' 0 ')).toBe(0);
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('12a')).toBeUndefined();
    expect(parseCount(undefined)).toBeUndefined();
  });
  it('parseDecimal(s) reads scores', () => {
    expect(parseDecimal('6.5')).toBe(6.5);
    expect(parseDecimal('３．０')).toBe(3);
    expect(parseDecimal('6.5以上')).toBeUndefined();
  });
  it('stripHtml(s) keeps text and drops tags', () => {
    expect(stripHtml('<a href="https://x.example/">Apply</a> &amp; more<br>next')).toBe('Apply & more next');
  });
  it('extractLinks(s) finds hrefs and bare URLs once each', () => {
    expect(extractLinks('<a href="https://a.example/p">x</a> see https://a.example/p and https://b.example/q.')).toEqual(['https://a.example/p', 'https://b.example/q']);
  });
  it('slugify(s) folds accents and punctuation', () => {
    expect(slugify('Université de Bordeaux')).toBe('universite-de-bordeaux');
    expect(slugify('Texas A&M University')).toBe('texas-a-and-m-university');
    expect(slugify('University of Wrocław')).toBe('university-of-wroclaw');
    expect(slugify('Københavns Universitet')).toBe('kobenhavns-universitet');
  });
  it('cellsOf(line) keeps only non-empty cleaned cells', () => {
    expect(cellsOf(' \tインド\t33\t\t32 ')).toEqual(['インド', '33', '32']);
  });
});
