import { describe, it, expect } from 'vitest';
import { mergePartners } from './merge-partners.ts';
import type { PartnerMention } from '../sources/types.ts';

const m = (ja: string | undefined, en: string | undefined, country: string, line: number): PartnerMention => ({
  ...(ja ? { ja } : {}), ...(en ? { en } : {}), country, source: { id: 's', line },
});

describe('mergePartners', () => {
  it('merges spellings of one institution in one country, across ja and en', () => {
    const a = m('ボルドー大学', undefined, 'FR', 1);
    const b = m('ボルドー 大学', 'University of Bordeaux', 'FR', 2);
    const c = m(undefined, 'The University of Bordeaux', 'FR', 3);
    const r = mergePartners([a, b, c]);
    expect(r.partners).toHaveLength(1);
    expect(r.partners[0]!.id).toBe('university-of-bordeaux');
    expect(r.idOf.get(a)).toBe(r.idOf.get(c));
    expect(r.partners[0]!.aliases).toContain('ボルドー 大学');
  });
  it('never merges look-alikes: 国立 prefix, 州立, a hospital', () => {
    const r = mergePartners([
      m('清華大学', undefined, 'CN', 1), m('国立清華大学', undefined, 'TW', 2),
      m('アイオワ大学', undefined, 'US', 3), m('アイオワ州立大学', undefined, 'US', 4),
      m('ソウル大学校', undefined, 'KR', 5), m('ソウル大学校病院', undefined, 'KR', 6),
    ]);
    expect(r.partners).toHaveLength(6);
    expect(new Set(r.partners.map((p) => p.id)).size).toBe(6);
  });
  it('the same name in two countries is two partners', () => {
    const r = mergePartners([m('国立大学', undefined, 'TW', 1), m('国立大学', undefined, 'KR', 2)]);
    expect(r.partners).toHaveLength(2);
  });
  it('gives katakana names a romanised reading and slug', () => {
    const r = mergePartners([m('ガジャマダ大学', undefined, 'ID', 1)]);
    expect(r.partners[0]).toMatchObject({ id: 'gajamada-daigaku', reading: 'gajamada大学' });
  });
});
