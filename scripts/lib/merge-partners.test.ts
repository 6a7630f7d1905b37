import { identifyPartners } from '../pipeline/identify.ts';
import { describe, it, expect, beforeAll, vi } from 'vitest';
import { mergePartners, aliasGroupReach, readPartnerReference } from './merge-partners.ts';
import { runPipeline, type PipelineResult } from '../pipeline/index.ts';
import { MANIFEST } from './testing.ts';
import { jaKey, enKey } from './partners.ts';
import type { PartnerMention } from '../sources/types.ts';
import type { Partner } from '../schema/records.ts';

// Records the mentions the pipeline hands to mergePartners; the merge itself is the real one.
const captured = vi.hoisted(() => ({ mentions: undefined as PartnerMention[] | undefined }));
vi.mock('./merge-partners.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./merge-partners.ts')>();
  return {
    ...real,
    mergePartners: (mentions: PartnerMention[], ...rest: [] | [import('./merge-partners.ts').PartnerReference]) => {
      captured.mentions = mentions;
      return real.mergePartners(mentions, ...rest);
    },
  };
});

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
  it('shows the first name of a reviewed alias group, as spelled in a source', () => {
    const ref = { aliases: [{ country: 'ID', names: ['IPB大学', 'ポゴール農科大学'], reason: 'test' }], distinct: [] };
    const r = mergePartners([m('ポゴール農科大学', undefined, 'ID', 1), m('ポゴール農科大学', undefined, 'ID', 2), m('IPB大学', undefined, 'ID', 3)], ref);
    expect(r.partners).toHaveLength(1);
    expect(r.partners[0]!.name).toEqual({ ja: 'IPB大学' });
    // without the group: two partners, the misreading shown where it stands alone
    expect(mergePartners([m('ポゴール農科大学', undefined, 'ID', 1), m('IPB大学', undefined, 'ID', 3)], { aliases: [], distinct: [] }).partners).toHaveLength(2);
  });
  it('a distinct pair that a group would merge is an error', () => {
    const ref = {
      aliases: [{ country: 'KR', names: ['ソウル大学校', 'ソウル市立大学校'], reason: 'wrong' }],
      distinct: [{ country: 'KR', a: 'ソウル大学校', b: 'ソウル市立大学校', reason: 'SNU is not the University of Seoul' }],
    };
    const r = mergePartners([m('ソウル大学校', undefined, 'KR', 1), m('ソウル市立大学校', undefined, 'KR', 2)], ref);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('SNU is not the University of Seoul');
  });
  it('aliasGroupReach counts the partners a group joins without itself, and its names that match nothing', () => {
    const ref = {
      aliases: [
        { country: 'ID', names: ['IPB大学', 'ポゴール農科大学'], reason: 'joins two' },
        { country: 'ID', names: ['IPB大学', 'IPB University'], reason: 'a name no mention has' },
        { country: 'ID', names: ['ポゴール農科大学', 'IPB大学'], reason: 'the same join again' },
      ],
      distinct: [],
    };
    const reach = aliasGroupReach([m('ポゴール農科大学', undefined, 'ID', 1), m('IPB大学', undefined, 'ID', 2)], ref);
    expect(reach.map((x) => x.partners)).toEqual([1, 1, 1]);
    expect(reach[1]!.unmatched).toEqual(['IPB University']);
    const alone = aliasGroupReach([m('ポゴール農科大学', undefined, 'ID', 1), m('IPB大学', undefined, 'ID', 2)], { aliases: [ref.aliases[0]!], distinct: [] });
    expect(alone[0]!.partners).toBe(2);
  });
  it('shows a reviewed spelling for a misprint no source spells right, keeping the printed one as an alias', () => {
    const spellings = [{ country: 'FR', printed: 'ボワティエ大学', shown: 'ポワティエ大学', reason: 'test' }];
    const r = mergePartners([m('ボワティエ 大学', undefined, 'FR', 1)], { aliases: [], distinct: [], spellings });
    expect(r.errors).toEqual([]);
    expect(r.partners[0]).toMatchObject({ id: 'powatie-daigaku', name: { ja: 'ポワティエ大学' }, reading: 'powatie daigaku' });
    expect(r.partners[0]!.aliases).toEqual(['ボワティエ 大学', 'ポワティエ大学']);
    // an entry that names no partner is an error, not a silent no-op
    const stale = mergePartners([m('リヨン大学', undefined, 'FR', 1)], { aliases: [], distinct: [], spellings });
    expect(stale.errors.join('\n')).toMatch(/partner-spellings\.json: "ボワティエ大学" \(FR\)/);
  });
  it('gives katakana names a romanised reading and slug', () => {
    const r = mergePartners([m('ガジャマダ大学', undefined, 'ID', 1)]);
    expect(r.partners[0]).toMatchObject({ id: 'gajamada-daigaku', reading: 'gajamada daigaku', readingLang: 'ja-Latn' });
  });
});

/**
 * The real pipeline: what the reviewed tables (data/reference/partner-aliases.json,
 * partner-distinct.json, partner-whole-names.json) do to the mentions of all five sources. The
 * mentions are taken from the pipeline's own call of mergePartners (the mock above only records
 * them), so these tests see exactly what the pipeline merged.
 */
describe('partners of the real sources', () => {
  let r: PipelineResult;
  let mentions: PartnerMention[];
  type Row = { partner?: string; partners?: string[]; members?: string[]; home: string; source: { id: string; line: number } };
  const refsOf = (id: string): string[] => {
    const out: string[] = [];
    for (const t of ['agreements', 'programmes', 'degree-programmes', 'strategic-partnerships'] as const) {
      for (const row of r.tables[t] as Row[]) {
        if ([row.partner, ...(row.partners ?? []), ...(row.members ?? [])].includes(id)) out.push(`${row.source.id}:L${row.source.line}`);
      }
    }
    return out;
  };
  const partners = () => r.tables.partners as Partner[];
  /** The one partner of a country that has this spelling among its aliases. */
  const partnerNamed = (country: string, name: string): Partner => {
    const found = partners().filter((p) => p.country === country && p.aliases.includes(name));
    expect(found.map((p) => p.id), `${country} ${name}`).toHaveLength(1);
    return found[0]!;
  };

  beforeAll(() => {
    captured.mentions = undefined;
    r = runPipeline(MANIFEST);
    mentions = captured.mentions!;
  });

  it('Gadjah Mada is one partner with agreements from hiroshima, osaka and tsukuba', () => {
    const p = partnerNamed('ID', 'ガジャマダ大学');
    const refs = refsOf(p.id);
    // hiroshima-2024 L34–39: ガジャマダ大学獣医学部 … 文化研究学部 (faculties split off)
    for (let n = 34; n <= 39; n++) expect(refs).toContain(`hiroshima-2024:L${n}`);
    // osaka-2021 L42: ガジャマダ大学 (歯学部); tsukuba-fy2023 L588: ガジャマダ大学 (全学)
    expect(refs).toContain('osaka-2021:L42');
    expect(refs).toContain('tsukuba-fy2023:L588');
  });

  it('misreadings, typos, translations and English names join their institution', () => {
    const cases: { country: string; names: string[]; refs: string[] }[] = [
      // IPB University: ポゴール (hiroshima-2024 L59, osaka-2021 L50) misreads ボゴール; IPB大学 (tsukuba-fy2023 L582)
      { country: 'ID', names: ['IPB大学', 'ポゴール農科大学'], refs: ['hiroshima-2024:L59', 'osaka-2021:L50', 'tsukuba-fy2023:L582'] },
      // Seoul National University in four spellings, UTokyo's ソウル国立大学 （SNU） at utokyo-sp L280
      { country: 'KR', names: ['ソウル大学校', '国立ソウル大学', '国立ソウル大学校', 'ソウル国立大学'], refs: ['osaka-2021:L63', 'hiroshima-2024:L68', 'hiroshima-2024:L70', 'tsukuba-fy2023:L556', 'utokyo-sp:L280'] },
      // UBC: プリティッシュ (osaka-2021 L592, hiroshima-2024 L431) misreads ブリティッシュ (osaka-2021 L392)
      { country: 'CA', names: ['ブリティッシュ・コロンビア大学', 'プリティッシュ・コロンビア大学'], refs: ['osaka-2021:L392', 'osaka-2021:L592', 'hiroshima-2024:L431', 'tsukuba-fy2023:L681'] },
      // Ruhr-Universität Bochum: hiroshima-2024 L318 (kept whole), osaka-2021 L514 (ルール・ポーfum), tsukuba-fy2023 L792
      { country: 'DE', names: ['ルール大学ボーフム', 'ルール・ポーfum大学', 'ボーフム大学'], refs: ['hiroshima-2024:L318', 'osaka-2021:L514', 'tsukuba-fy2023:L792'] },
      // Karolinska Institutet: hiroshima-2024 L305, osaka-2021 L457, UTokyo's Stockholm group (utokyo-sp L296)
      { country: 'SE', names: ['カロリンスカ研究所', 'カロリンスカ大学', 'Karolinska Institutet'], refs: ['hiroshima-2024:L305', 'osaka-2021:L457', 'utokyo-sp:L296'] },
      // VNU Hanoi: UTokyo's ベトナム国家大学ハノイ校 (L361), バトナム (tsukuba-fy2023 L636), ハノイ国家大学 (osaka-2021 L287)
      { country: 'VN', names: ['ベトナム国家大学ハノイ校', 'バトナム国家大学ハノイ校', 'ハノイ国家大学'], refs: ['utokyo-sp:L361', 'tsukuba-fy2023:L636', 'osaka-2021:L287'] },
      // Kumoh: osaka-2021 L90–91; tmu-2024-autumn L471 misreads 金烏 as 釜山 beside the English name
      { country: 'KR', names: ['金烏工科大学校', '金烏工科大学', '釜山工科大学校', 'Kumoh National Institute of Technology'], refs: ['osaka-2021:L90', 'osaka-2021:L91', 'tmu-2024-autumn:L471'] },
      // UKM: tmu-2024-autumn L463 gives マレーシア国民大学 with Universiti Kebangsaan Malaysia; tsukuba-fy2023 L649 transcribes it
      { country: 'MY', names: ['マレーシア国民大学', 'ケバンサアン・マレーシア大学', 'Universiti Kebangsaan Malaysia'], refs: ['tmu-2024-autumn:L463', 'tsukuba-fy2023:L649', 'hiroshima-2024:L270'] },
      // El Colegio de México: osaka-2021 L390, tsukuba-fy2023 L736 and UTokyo's Chile–Mexico group (utokyo-sp L432)
      { country: 'MX', names: ['メキシコ大学院大学', 'El Colegio de México'], refs: ['osaka-2021:L390', 'tsukuba-fy2023:L736', 'utokyo-sp:L432'] },
    ];
    for (const c of cases) {
      const ids = new Set(c.names.map((n) => partnerNamed(c.country, n).id));
      expect(ids.size, c.names.join(' / ')).toBe(1);
      const refs = refsOf([...ids][0]!);
      for (const ref of c.refs) expect(refs, c.names[0]).toContain(ref);
    }
  });

  it('shows the reviewed spelling, never the misreading', () => {
    // the first name of the alias group, as written in tsukuba-fy2023 L582, not ポゴール (two mentions)
    expect(partnerNamed('ID', 'ポゴール農科大学').name.ja).toBe('IPB大学');
    // tsukuba-fy2023 L1046 / utokyo-sp L361, not バトナム
    expect(partnerNamed('VN', 'バトナム国家大学ホーチミン校').name.ja).toBe('ベトナム国家大学ホーチミン校');
    expect(partnerNamed('KR', '釜山工科大学校').name).toEqual({ ja: '金烏工科大学校', en: 'Kumoh National Institute of Technology' });
  });

  it('a reviewed whole name is its own partner: SOAS is not the University of London', () => {
    // osaka-2021 L433, L581: ロンドン大学東洋アフリカ研究学院; hiroshima-2024 L293: ロンドン大学教育学研究院…
    const soas = partnerNamed('GB', 'ロンドン大学東洋アフリカ研究学院');
    const london = partnerNamed('GB', 'ロンドン大学');
    expect(soas.id).not.toBe(london.id);
    expect(refsOf(soas.id).sort()).toEqual(['osaka-2021:L433', 'osaka-2021:L581']);
    expect(refsOf(london.id)).toEqual(['hiroshima-2024:L293']);
  });

  it('reviewed distinct pairs stay apart', () => {
    const { distinct } = readPartnerReference();
    expect(distinct.length).toBeGreaterThan(0);
    for (const d of distinct) {
      const a = partners().filter((p) => p.country === d.country && p.aliases.some((n) => jaKeyOrEn(n) === jaKeyOrEn(d.a)));
      const b = partners().filter((p) => p.country === d.country && p.aliases.some((n) => jaKeyOrEn(n) === jaKeyOrEn(d.b)));
      for (const p of a) expect(b.map((q) => q.id), `${d.a} / ${d.b}`).not.toContain(p.id);
    }
    // the look-alikes the review found, both sides present in the sources
    expect(partnerNamed('KR', 'ソウル大学校').id).not.toBe(partnerNamed('KR', 'ソウル市立大学校').id);
    expect(partnerNamed('KR', '釜山大学校').id).not.toBe(partnerNamed('KR', '釜山工科大学校').id);
    expect(partnerNamed('BE', 'ルーヴァン・カトリック大学').id).not.toBe(partnerNamed('BE', 'ルーヴェン・カトリック大学').id);
    expect(partnerNamed('KR', '韓国基礎科学研究所').id).not.toBe(partnerNamed('KR', '基礎科学研究所').id);
    expect(partnerNamed('TW', '国立清華大学').country).toBe('TW');
    expect(partnerNamed('CN', '清華大学').country).toBe('CN');
  });

  it('every alias group merges at least two partners that would otherwise be apart, and every name it lists occurs', () => {
    expect(mentions.length).toBeGreaterThan(0);
    const reach = aliasGroupReach(mentions);
    expect(reach.length).toBeGreaterThan(0);
    for (const { group, partners: n, unmatched } of reach) {
      expect(unmatched, group.names.join(' / ')).toEqual([]);
      expect(n, `dead alias group: ${group.names.join(' / ')}`).toBeGreaterThanOrEqual(2);
      expect(group.reason.length, group.names[0]).toBeGreaterThan(20);
    }
    // and each group ends as one partner
    for (const { group } of reach) {
      const ids = new Set(group.names.map((n) => partnerNamed(group.country, n).id));
      expect(ids.size, group.names.join(' / ')).toBe(1);
    }
  });

  it('no two partners in one country share a Japanese matching key', () => {
    const seen = new Map<string, string>();
    for (const p of partners()) for (const n of p.aliases) {
      if (!/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(n)) continue;
      const k = `${p.country}|${jaKey(n)}`;
      const other = seen.get(k);
      if (other !== undefined) expect(other, `${k} is in ${other} and ${p.id}`).toBe(p.id);
      seen.set(k, p.id);
    }
  });

  it('merging raises no error and the partner count is what the mentions and tables make', () => {
    expect(r.validation.errors.filter((e) => e.file === 'data/reference')).toEqual([]);
    const again = mergePartners(mentions);
    expect(identifyPartners(again.partners).partners.map((p) => p.id)).toEqual(partners().map((p) => p.id));
    // without the reviewed groups there are more partners: each group removed at least one
    const bare = mergePartners(mentions, { aliases: [], distinct: readPartnerReference().distinct });
    expect(bare.partners.length).toBeGreaterThanOrEqual(partners().length + readPartnerReference().aliases.length);
  });
});

function jaKeyOrEn(name: string): string {
  return /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(name) ? `ja:${jaKey(name)}` : `en:${enKey(name)}`;
}

describe('readingOf', () => {
  it('reads katakana and the common institution words, and gives up on other kanji', async () => {
    const { readingOf } = await import('./merge-partners.ts');
    expect(readingOf('ボルドー大学')).toEqual({ text: 'borudo daigaku', lang: 'ja-Latn' });
    expect(readingOf('ソウル大学校', 'KR')).toEqual({ text: 'souru daigakko', lang: 'ja-Latn' });
    expect(readingOf('ミシガン州立大学', 'US')).toEqual({ text: 'mishigan shuritsu daigaku', lang: 'ja-Latn' });
    // Korean institutions written in kanji: no Japanese dictionary, no reading.
    expect(readingOf('高麗大学校', 'KR')).toBeUndefined();
    // Without a country nothing says the characters are Chinese.
    expect(readingOf('北京大学')).toBeUndefined();
  });
  it('reads Han-only names of institutions in China, Taiwan, Hong Kong and Macao in pinyin', async () => {
    const { readingOf } = await import('./merge-partners.ts');
    expect(readingOf('北京大学', 'CN')).toEqual({ text: 'běi jīng dà xué', lang: 'zh-Latn-pinyin' });
    // Japanese character forms (華, 広) are read as their Chinese counterparts.
    expect(readingOf('清華大学', 'CN')?.text).toBe('qīng huá dà xué');
    expect(readingOf('國立臺灣大学', 'TW')?.text).toBe('guó lì tái wān dà xué');
    // Japanese forms pinyin-pro misreads unless simplified (names from the built partner table).
    expect(readingOf('重慶大学', 'CN')?.text).toBe('chóng qìng dà xué');
    expect(readingOf('廈門大学', 'CN')?.text).toBe('xià mén dà xué');
    expect(readingOf('国立台湾芸術大学', 'TW')?.text).toBe('guó lì tái wān yì shù dà xué');
    expect(readingOf('応用物理・計算数学研究所', 'CN')?.text).toBe('yìng yòng wù lǐ jì suàn shù xué yán jiū suǒ');
    // Mixed with katakana: no pinyin; and other kanji keep the Japanese route from reading it.
    expect(readingOf('北京高压科学研究センター', 'CN')).toBeUndefined();
  });
});
