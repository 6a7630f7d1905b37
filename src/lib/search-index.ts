/**
 * The partner directory's search index, built once per site build and served as
 * /search-index.json (src/pages/search-index.json.ts). The page fetches it on first use; it is not
 * part of the page's JavaScript. One index serves both languages: it holds normalised keys and
 * facet data, no display text.
 *
 * Per partner: normalised name keys (ja, en, the romanised reading, every alias, the romanised
 * reading of every kana alias, and for Chinese-speaking places the id, itself pinyin), the partner units its agreements name, its country (whose
 * ja/en names and every alias from data/reference/ sit once in a shared table), and its agreements
 * as compact tuples for the facets. Plus a prebuilt Fuse index of the name and unit keys.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Fuse from 'fuse.js';
import { dataset, type Dataset } from './dataset.ts';
import { LEVELS, yearOf } from './select.ts';
import { partnerRegion } from './partner-region.ts';
import { normalizeWords } from './normalize.ts';
import { withBase } from './site.ts';
import { FUSE_KEYS, dehydrateFuseIndex, type FuseIndexJson, type AgreementTuple, type IndexPayload, type SearchDoc } from './directory-filter.ts';
import { romanize, hasKana } from '../../scripts/lib/kana.ts';
import { CHINESE } from '../../scripts/lib/merge-partners.ts';

interface CountryRef { code: string; name: { ja: string; en: string }; aliases: string[] }
interface CountryAliasRef { label: string; code: string | null }

// Resolved from the project root, where astro runs (as src/lib/data.ts does).
const readRef = <T,>(name: string): T => JSON.parse(readFileSync(resolve('data/reference', name), 'utf8')) as T;

/** Distinct normalised keys, in order; empty ones dropped. */
function keys(texts: Iterable<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    if (!t) continue;
    const k = normalizeWords(t);
    const f = k.replace(/ /g, '');
    if (f === '' || seen.has(f)) continue;
    seen.add(f);
    out.push(k);
  }
  return out;
}

export function buildSearchIndex(d: Dataset): IndexPayload {
  const H = d.homes.map((h) => h.id);
  const L = [...LEVELS] as string[];
  const unitIds = new Set<string>();
  for (const a of d.agreements) for (const u of a.homeUnits) unitIds.add(u);
  const U = [...unitIds].sort();
  const hIdx = new Map<string, number>(H.map((h, i) => [h, i]));
  const uIdx = new Map(U.map((u, i) => [u, i]));

  const countryRefs = readRef<CountryRef[]>('countries.json');
  const aliasRefs = readRef<CountryAliasRef[]>('country-aliases.json');
  const used = new Set(d.partners.flatMap((p) => (p.country ? [p.country] : [])));
  const C: Record<string, string[]> = {};
  for (const code of [...used].sort()) {
    const ref = countryRefs.find((c) => c.code === code);
    const built = d.countryByCode.get(code);
    C[code] = keys([
      ref?.name.ja, ref?.name.en, built?.name.ja, built?.name.en, ...(ref?.aliases ?? []),
      ...aliasRefs.filter((a) => a.code === code).map((a) => a.label),
    ]);
  }

  // City of each placed partner (the partner map's marks are one per city: src/lib/partner-map.ts).
  const cityKey = (p: Dataset['partners'][number]) => (p.location && p.city ? `${p.country}|${p.city}` : undefined);
  const M = [...new Set(d.partners.map(cityKey).filter((k): k is string => !!k))].sort();
  const mIdx = new Map(M.map((k, i) => [k, i]));

  const docs: SearchDoc[] = d.partners.map((p) => {
    const ags = d.agreementsByPartner.get(p.id) ?? [];
    const g: AgreementTuple[] = ags.map((a) => [
      hIdx.get(a.home) ?? -1,
      L.indexOf(a.level),
      yearOf(a) ?? 0,
      (a.targets?.researchers ? 1 : 0) | (a.targets?.students ? 2 : 0),
      a.tuitionWaiver !== undefined && a.tuitionWaiver.max !== 0 ? 1 : 0,
      ...a.homeUnits.map((u) => uIdx.get(u)!),
    ]);
    // Homes linked by a programme (students), a degree programme or a strategic partnership.
    const links = new Set<string>();
    for (const x of d.programmesByPartner.get(p.id) ?? []) links.add(`${x.home}:2`);
    for (const x of d.degreesByPartner.get(p.id) ?? []) links.add(`${x.home}:0`);
    for (const x of d.strategicByPartner.get(p.id) ?? []) links.add(`${x.home}:0`);
    for (const l of [...links].sort()) {
      const [home, t] = l.split(':');
      g.push([hIdx.get(home!) ?? -1, -1, 0, Number(t), 0]);
    }
    const years = ags.map(yearOf).filter((y): y is number => y !== undefined);
    // In China, Taiwan, Hong Kong and Macao the former id is pinyin too, made where no reading
    // could be (北京高压科学研究センター: beijinggaoyakexueyanjiusenta), so `beijing` finds every
    // Beijing partner. Elsewhere former ids mix readings and pinyin of kanji, which would only add
    // noise. The registry's other names (native-language labels, former names, acronyms: "ETH
    // Zürich", "SOAS", "RMIT") and the name the agreements were signed under find it too.
    const names = [p.name.ja, p.name.en, p.reading, ...p.aliases, ...(p.otherNames ?? []), p.signedAs?.en, ...(p.country && CHINESE.has(p.country) ? p.formerIds : [])];
    const readings = [p.name.ja, ...p.aliases].filter(hasKana).map(romanize);
    const units = keys(ags.map((a) => a.partnerUnit));
    const doc: SearchDoc = {
      i: p.id,
      n: keys([...names, ...readings]),
      ...(units.length ? { p: units } : {}),
      c: p.country ?? '',
      r: partnerRegion(d.countryByCode, p.country),
      g,
      a: ags.length,
      ...(years.length ? { f: Math.min(...years) } : {}),
      ...(cityKey(p) ? { k: mIdx.get(cityKey(p)!)! } : {}),
    };
    return doc;
  });

  const x = dehydrateFuseIndex(Fuse.createIndex(FUSE_KEYS, docs).toJSON() as unknown as FuseIndexJson);
  return { v: 1, H, L, U, C, M, d: docs, x };
}

let cached: { json: string; hash: string } | undefined;

/** The index as JSON and a short content hash (for a cache-busting URL). */
export function searchIndex(): { json: string; hash: string } {
  if (!cached) {
    const json = JSON.stringify(buildSearchIndex(dataset()));
    cached = { json, hash: createHash('sha256').update(json).digest('hex').slice(0, 12) };
  }
  return cached;
}

/** Where the page fetches the index from (same file for both languages). */
export function searchIndexUrl(): string {
  return `${withBase('/search-index.json')}?v=${searchIndex().hash}`;
}
