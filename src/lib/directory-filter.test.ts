import { describe, it, expect } from 'vitest';
import Fuse from 'fuse.js';
import {
  prepare, matchText, runDirectory, highlightRanges, fuzzyCandidates, dehydrateFuseIndex, hydrateFuseIndex, FUSE_KEYS, FUSE_OPTIONS,
  type IndexPayload, type SearchDoc, type Fuzzy, type FuseIndexJson,
} from './directory-filter.ts';
import { normalize, normalizeWords, isLatinQuery } from './normalize.ts';
import { emptyState, type DirectoryState } from './directory-state.ts';
import { buildSearchIndex } from './search-index.ts';
import { dataset } from './dataset.ts';

// --- small hand-made index ---------------------------------------------------------------------
const H = ['tsukuba', 'hiroshima', 'osaka'];
const L = ['university', 'department', 'cic', 'strategic'];
const U = ['osaka-dent', 'osaka-eng'];
const doc = (i: string, names: string[], c: string, r: string, g: number[][], extra: Partial<SearchDoc> = {}): SearchDoc => {
  const years = g.map((a) => a[2]!).filter((y) => y > 0);
  return { i, n: names.map(normalizeWords), c, r, g, a: g.filter((a) => a[1]! >= 0).length, ...(years.length ? { f: Math.min(...years) } : {}), ...extra };
};
//           [home, level, year, targets, waiver, ...units]
const docs: SearchDoc[] = [
  doc('bordeaux', ['ボルドー大学', 'Bordeaux University', 'borudo daigaku'], 'FR', 'europe', [[0, 0, 2015, 3, 0], [2, 1, 2010, 2, 1, 0]]),
  doc('bordeaux-montaigne', ['ボルドー・モンテーニュ大学', 'borudo montenyu daigaku'], 'FR', 'europe', [[1, 1, 2018, 2, 0]]),
  doc('uppsala', ['ウプサラ大学', 'upusara daigaku'], 'SE', 'europe', [[0, 0, 2001, 1, 0]]),
  doc('harvard', ['ハーバード大学', 'Harvard University'], 'US', 'north-america', [[2, 0, 2005, 3, 0, 1]]),
  doc('ucla', ['カリフォルニア大学ロサンゼルス校', 'University of California, Los Angeles'], 'US', 'north-america', [[0, 1, 0, 2, 0]], { p: [normalizeWords('工学部')] }),
  doc('gadjah', ['ガジャマダ大学', 'gajamada daigaku'], 'ID', 'southeast-asia', [[1, 1, 2007, 0, 0], [2, 1, 2011, 0, 0, 0], [0, 0, 0, 3, 0]]),
  doc('tmu-only', ['ソウル大学校'], 'KR', 'east-asia', [[0, -1, 0, 2, 0]]),
];
const payload: IndexPayload = {
  v: 1, H, L, U, M: [],
  C: {
    FR: ['フランス', 'france'].map(normalizeWords),
    SE: ['スウェーデン', 'sweden'].map(normalizeWords),
    US: ['アメリカ合衆国', 'United States', '米国', 'アメリカ', 'USA', 'United States of America'].map(normalizeWords),
    ID: ['インドネシア', 'indonesia'].map(normalizeWords),
    KR: ['大韓民国', '韓国', 'South Korea'].map(normalizeWords),
  },
  d: docs,
  x: dehydrateFuseIndex(Fuse.createIndex(FUSE_KEYS, docs).toJSON() as unknown as FuseIndexJson),
};
const prep = prepare(payload);
const fuse = new Fuse(docs, FUSE_OPTIONS, Fuse.parseIndex(hydrateFuseIndex(payload.x, docs) as unknown as Parameters<typeof Fuse.parseIndex>[0]));
const fuzzy: Fuzzy = (q) => fuse.search(q).map((r) => ({ idx: r.refIndex, score: r.score ?? 1 }));
const nameOrder = (i: number) => i; // docs are in "name order" as listed
const run = (over: Partial<DirectoryState>, fz: Fuzzy | undefined = fuzzy) => runDirectory(prep, { ...emptyState(), ...over }, nameOrder, fz);
const ids = (over: Partial<DirectoryState>, fz?: Fuzzy) => run(over, fz).ids;

describe('matchText', () => {
  it('finds the same partner in Japanese, English, romaji and hiragana', () => {
    for (const q of ['ボルドー', 'Bordeaux', 'borudo', 'ぼるどー', 'ＢＯＲＤＥＡＵＸ']) expect(ids({ q })[0], q).toBe('bordeaux');
  });
  it('ranks a whole-name match before a prefix before a contained match, shorter names first', () => {
    expect(ids({ q: 'ボルドー大学' })).toEqual(['bordeaux']);
    expect(ids({ q: 'ボルドー' })).toEqual(['bordeaux', 'bordeaux-montaigne']);
    expect(ids({ q: 'モンテーニュ' })).toEqual(['bordeaux-montaigne']);
  });
  it('matches a Latin query only at a word start, so usa is not Upp·sa·la', () => {
    const tm = matchText(prep, 'sara');
    expect(tm.ranks!.size).toBe(0);
    expect(ids({ q: 'montenyu' })).toEqual(['bordeaux-montaigne']);
  });
  it('a country name or alias as the query gives that country’s partners only (no fuzzy)', () => {
    for (const q of ['USA', 'usa', '米国', 'アメリカ', 'United States', 'united states of america', 'US']) {
      expect(new Set(ids({ q })), q).toEqual(new Set(['harvard', 'ucla']));
    }
    expect(matchText(prep, 'USA', fuzzy).country).toBe('US');
    expect(matchText(prep, 'us', fuzzy).country).toBeNull(); // a lower-case two-letter word is not a country code
  });
  it('always includes exact matches, whatever the fuzzy matcher returns, and adds fuzzy ones after them', () => {
    const none: Fuzzy = () => [];
    expect(ids({ q: 'borudo' }, none)).toEqual(['bordeaux', 'bordeaux-montaigne']);
    expect(ids({ q: 'bordeax' })).toContain('bordeaux'); // misspelt: fuzzy only
    const rank = matchText(prep, 'harvard', () => [{ idx: 0, score: 0 }]).ranks!;
    expect(rank.get(3)!).toBeLessThan(rank.get(0)!);
  });
  it('matches partner units and, for several words, every word somewhere', () => {
    expect(ids({ q: '工学部' })).toEqual(['ucla']);
    expect(ids({ q: 'university bordeaux' })).toContain('bordeaux');
  });
  it('gives no ranks (everything) for an empty query', () => {
    expect(matchText(prep, '  ').ranks).toBeNull();
    expect(ids({})).toEqual(docs.map((d) => d.i));
  });
});

describe('runDirectory facets', () => {
  it('combines facets on the same agreement (home and level and year together)', () => {
    expect(ids({ home: 'osaka', level: 'department' })).toEqual(['bordeaux', 'gadjah']);
    expect(ids({ home: 'osaka', level: 'university' })).toEqual(['harvard']);
    expect(ids({ home: 'tsukuba', level: 'department' })).toEqual(['ucla']);
    expect(ids({ home: 'tsukuba', from: '2010' })).toEqual(['bordeaux']);
    expect(ids({ from: '2006', to: '2012' })).toEqual(['bordeaux', 'gadjah']);
  });
  it('a home linked only by a programme counts for the home filter, not for level or year', () => {
    expect(ids({ home: 'tsukuba' })).toContain('tmu-only');
    expect(ids({ home: 'tsukuba', level: 'university' })).not.toContain('tmu-only');
  });
  it('filters by country, region, unit, target and waiver, and combines with the query', () => {
    expect(ids({ country: 'US' })).toEqual(['harvard', 'ucla']);
    expect(ids({ region: 'europe', q: 'borudo' })).toEqual(['bordeaux', 'bordeaux-montaigne']);
    expect(ids({ region: 'europe', q: 'borudo', home: 'hiroshima' })).toEqual(['bordeaux-montaigne']);
    expect(ids({ unit: 'osaka-dent' })).toEqual(['bordeaux', 'gadjah']);
    expect(ids({ unit: 'osaka-eng' })).toEqual(['harvard']);
    expect(ids({ target: 'researchers' })).toEqual(['bordeaux', 'uppsala', 'harvard', 'gadjah']);
    expect(ids({ waiver: 'yes' })).toEqual(['bordeaux']);
    expect(ids({ waiver: 'yes', home: 'tsukuba' })).toEqual([]);
  });
  it('counts each option as if it were chosen, keeping the other filters', () => {
    const r = run({ home: 'osaka' });
    expect(r.counts.home.get('osaka')).toBe(3);
    expect(r.counts.home.get('tsukuba')).toBe(5); // the home facet ignores its own choice
    expect(r.counts.level.get('department')).toBe(2);
    expect(r.counts.level.get('university')).toBe(1);
    expect(r.counts.country.get('US')).toBe(1);
    expect(r.counts.waiver.get('yes')).toBe(1);
    const q = run({ q: 'borudo' });
    expect(q.counts.home.get('hiroshima')).toBe(1);
    expect(q.counts.country.get('US')).toBeUndefined();
  });
  it('an option the index does not know matches nothing (a stale link shows the empty state)', () => {
    expect(ids({ home: 'nowhere' })).toEqual([]);
  });
  it('sorts by name, first year or number of agreements; by relevance when there is a query', () => {
    expect(ids({ sort: 'year' })).toEqual(['uppsala', 'harvard', 'gadjah', 'bordeaux', 'bordeaux-montaigne', 'ucla', 'tmu-only']);
    expect(ids({ sort: 'agreements' }).slice(0, 2)).toEqual(['gadjah', 'bordeaux']); // 3 agreements, then 2
    expect(ids({ q: 'ボルドー', sort: 'name' })).toEqual(['bordeaux', 'bordeaux-montaigne']);
  });
});

describe('highlightRanges', () => {
  it('marks the query in the displayed text, through the normalisation', () => {
    expect(highlightRanges('Bordeaux University', ['bordeaux'])).toEqual([[0, 8]]);
    expect(highlightRanges('Université de Bordeaux', ['universite'])).toEqual([[0, 10]]);
    expect(highlightRanges('ボルドー大学', ['ボルド'])).toEqual([[0, 4]]);
    expect(highlightRanges('ぼるどー大学', ['ボルド'])).toEqual([[0, 4]]);
  });
  it('marks a romaji query in a Japanese name through its reading', () => {
    expect(highlightRanges('ボルドー大学', ['borudo'])).toEqual([[0, 4]]);
    expect(highlightRanges('ガジャマダ大学', ['gajamada'])).toEqual([[0, 5]]);
  });
  it('merges overlapping ranges of several terms and returns nothing without terms', () => {
    expect(highlightRanges('Bordeaux University', ['bordeauxuniversity', 'bordeaux', 'university'])).toEqual([[0, 19]]);
    expect(highlightRanges('Bordeaux University', [])).toEqual([]);
  });
});

describe('the real index (data/build)', () => {
  const real = buildSearchIndex(dataset());
  const rp = prepare(real);
  const rf = new Fuse(real.d, FUSE_OPTIONS, Fuse.parseIndex(hydrateFuseIndex(real.x, real.d) as unknown as Parameters<typeof Fuse.parseIndex>[0]));
  const rfuzzy: Fuzzy = (q) => rf.search(q).map((r) => ({ idx: r.refIndex, score: r.score ?? 1 }));
  const rids = (q: string) => runDirectory(rp, { ...emptyState(), q }, (i) => i, rfuzzy).ids;
  const d = dataset();

  it('the shipped Fuse index, once its texts are put back, is exactly Fuse.createIndex(...).toJSON()', () => {
    const full = Fuse.createIndex(FUSE_KEYS, real.d).toJSON();
    expect(hydrateFuseIndex(real.x, real.d)).toEqual(JSON.parse(JSON.stringify(full)));
  });
  it('fuzzyCandidates keeps every doc Fuse would find (and far fewer than all)', () => {
    const queries = ['bordeaux', 'bordeax', 'borudo', 'ボルド', 'gajamada', 'gadjah', 'harvard', 'havard', 'tsinghua', 'ソウル大学', 'university of tokyo',
      'munchen', 'sorbone', 'カリフォルニア', 'モナシュ', 'kyoto', 'national taiwan', 'ナショナル', 'indonesia', 'univ', 'abc', 'ａｂｃ', 'x'.repeat(40)].map(normalize);
    const sizes: number[] = [];
    for (const q of queries) {
      const candidates = new Set(fuzzyCandidates(rp, q));
      sizes.push(candidates.size);
      for (const r of rf.search(q)) expect(candidates.has(r.refIndex), `${q}: ${real.d[r.refIndex]!.i}`).toBe(true);
    }
    // A query made of the word every English name has ("univ", "university of tokyo") keeps most
    // docs; any other keeps well under two thirds (the prefilter's point: Fuse looks at fewer).
    const generic = new Set(['univ', 'universityoftokyo', 'x'.repeat(40)]);
    expect(Math.max(...sizes.filter((_, i) => !generic.has(queries[i]!)))).toBeLessThan(real.d.length * 0.6);
  });
  it('Bordeaux, ボルドー and borudo find ボルドー大学 first', () => {
    const p = d.partners.find((x) => x.aliases.includes('ボルドー大学'))!;
    for (const q of ['Bordeaux', 'ボルドー', 'borudo']) expect(rids(q)[0], q).toBe(p.id);
  });
  it('USA, 米国, アメリカ and United States give exactly the US partners', () => {
    const us = new Set(d.partners.filter((p) => p.country === 'US').map((p) => p.id));
    expect(us.size).toBeGreaterThan(0);
    for (const q of ['USA', '米国', 'アメリカ', 'United States']) {
      const got = rids(q);
      expect(got.filter((id) => !us.has(id)), q).toEqual([]);
      expect(new Set(got), q).toEqual(us);
    }
  });
  it('ガジャマダ and gajamada find Gadjah Mada first', () => {
    const p = d.partners.find((x) => x.name.ja.startsWith('ガジャマダ'))!;
    expect(rids('ガジャマダ')[0]).toBe(p.id);
    expect(rids('gajamada')[0]).toBe(p.id);
  });
  it('the haystack prefilter ranks exactly as a plain scan of every doc and key would', () => {
    // The obvious, slow matcher the module comment describes: every doc, every key.
    const scan = (raw: string): Map<number, number> => {
      const q = normalize(raw);
      const latin = isLatinQuery(q);
      const words = raw.split(/[\s\u3000]+/).map(normalize).filter((w) => w !== '');
      const country = rp.countryByKey.get(q) ?? null;
      const wordStarts = (k: string) => { const out = [0]; let f = 0; for (const ch of k) { if (ch === ' ') out.push(f); else f++; } return out; };
      const tierOf = (spaced: string, t: string, l: boolean) => {
        const f = spaced.replace(/ /g, '');
        if (f === t) return 0;
        if (f.startsWith(t)) return 1;
        if (l) return wordStarts(spaced).some((w) => w > 0 && f.startsWith(t, w)) ? 2 : -1;
        return f.includes(t) ? 2 : -1;
      };
      const best = (xs: string[] | undefined, t: string, l: boolean) => {
        let tier = -1, len = 0;
        for (const k of xs ?? []) {
          const x = tierOf(k, t, l);
          // ranking length: the key without the words every institution name has (university, of, de…)
          const GENERIC = ['university', 'universite', 'universidad', 'universitat', 'universita', 'universiteit', 'universitas', 'universiti', 'universidade', 'universitet', 'of', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'del', 'der', 'and'];
          const n = k.split(' ').filter((w) => !GENERIC.includes(w)).join('').length || k.replace(/ /g, '').length;
          if (x >= 0 && (tier < 0 || x < tier || (x === tier && n < len))) { tier = x; len = n; }
        }
        return { tier, len };
      };
      const out = new Map<number, number>();
      real.d.forEach((doc, i) => {
        let rank = Infinity;
        const nm = best(doc.n, q, latin);
        // a whole country name asks for that country: another name counts only when equal to it
        if (nm.tier >= 0 && (country === null || nm.tier === 0)) rank = nm.tier * 1000 + Math.min(nm.len, 999);
        const c = best(real.C[doc.c], q, latin);
        if (doc.c === country || c.tier === 0) rank = Math.min(rank, 3000);
        else if (c.tier > 0) rank = Math.min(rank, 4000);
        if (rank === Infinity && best(doc.p, q, latin).tier >= 0) rank = 4500;
        if (rank === Infinity && words.length > 1 && words.every((w) => {
          const l = isLatinQuery(w);
          return best(doc.n, w, l).tier >= 0 || best(doc.p, w, l).tier >= 0 || best(real.C[doc.c], w, l).tier >= 0;
        })) rank = 5000;
        if (rank !== Infinity) out.set(i, rank);
      });
      return out;
    };
    const queries = ['ボルドー', 'bor', 'b', 'ア', '国', '大学', 'univ', 'university of', 'national taiwan', 'united s', 'United States', '米国', 'usa', 'sa',
      'beijing', 'qinghua', 'ガジャマダ', '工学部', 'faculty of', 'tokyo daigaku', 'ソウル 大学', 'seoul national', 'インドネシア', 'indo', 'de', 'x'];
    for (const q of queries) expect(matchText(rp, q).ranks, q).toEqual(scan(q));
  });
  it('pinyin finds Chinese partners written in kanji: beijing, qinghua, xiamen', () => {
    // The Beijing institutions are every partner whose Japanese name starts with 北京.
    const beijing = d.partners.filter((x) => x.name.ja.startsWith('北京')).map((x) => x.id);
    expect(beijing.length).toBeGreaterThan(5);
    expect(new Set(rids('beijing').slice(0, beijing.length))).toEqual(new Set(beijing));
    expect(rids('qinghua')[0]).toBe(d.partners.find((x) => x.name.ja === '清華大学')!.id);
    expect(rids('xiamen')[0]).toBe(d.partners.find((x) => x.name.ja === '廈門大学')!.id);
  });
});

describe('the browser engine (src/scripts/directory-engine.ts) and the worker\'s fuzzy matcher (src/lib/fuzzy.ts) on the real index', () => {
  it('gives the same results for a query whatever was typed before it', async () => {
    const { createEngine } = await import('../scripts/directory-engine.ts');
    const { createFuzzy } = await import('./fuzzy.ts');
    const real = buildSearchIndex(dataset());
    const order = new Map(real.d.map((x, i) => [x.i, i]));
    // The page: exact matches from the engine, fuzzy ones computed by the worker and handed over.
    const fresh = () => {
      const e = createEngine(real, order);
      const f = createFuzzy(real);
      return (q: string) => {
        const fq = e.fuzzyQuery(q);
        if (fq !== null && !e.hasFuzzy(fq)) e.setFuzzy(fq, f(fq));
        return e.run({ ...emptyState(), q }, true).ids;
      };
    };
    // The last one is longer than 32 characters: Fuse then runs over every record, not a subset.
    const queries = ['mahidol', 'qinghua', 'bordeax', 'ソウル', 'university of', 'havard', 'tokyo', 'national university of science and technology'];
    const alone = new Map(queries.map((q) => [q, fresh()(q)]));
    const search = fresh();
    for (const before of queries) {
      for (const q of queries) {
        search(before);
        expect(search(q), `${q} after ${before}`).toEqual(alone.get(q));
      }
    }
    // and the fuzzy matches do arrive: a misspelling finds the partner
    expect(alone.get('bordeax')!.length).toBeGreaterThan(0);
  });
  it('without the worker\'s matches a query gives its exact matches only', async () => {
    const { createEngine } = await import('../scripts/directory-engine.ts');
    const real = buildSearchIndex(dataset());
    const e = createEngine(real, new Map(real.d.map((x, i) => [x.i, i])));
    // 'bordeax' matches nothing exactly; only the worker's fuzzy matches find ボルドー大学
    expect(e.run({ ...emptyState(), q: 'bordeax' }, true).ids).toEqual([]);
  });
});
