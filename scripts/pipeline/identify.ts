/**
 * Stage 4, identify: every merged partner is joined with its reviewed identity
 * (data/reference/partner-identities/*.json) and the registry records it names, vendored in
 * data/reference/registries/ (ROR, the Hipo university-domains list, GeoNames places). A partner
 * gets its published id, official English name, ROR id, website, city, location and identity status
 * from there; the id it had before identities existed stays among its `formerIds`.
 *
 * Errors, each naming the entry: a partner with no entry (with the closest unmatched entries of its
 * country), a partner matched by two entries, an entry matching no partner (stale), an entry
 * without a valid id, a registry id or place missing from the vendored records, a registry country
 * that disagrees with the partner's, one ROR id (or domain) on two partners, two partners with one
 * id. An inactive ROR record is a warning naming its successor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../lib/context.ts';
import { REFERENCE_DIR } from '../lib/reference.ts';
import { jaKey } from '../lib/partners.ts';
import { slugify } from '../lib/text.ts';
import { rorNames, type RorRecord, type HipoRecord, type GeoCity } from '../lib/registry.ts';
import type { Partner } from '../schema/records.ts';
import { nameKey, type DraftPartner } from '../lib/merge-partners.ts';
import { cmp, type IdentityReport } from './types.ts';

export type IdentityStatus = 'ror' | 'registry' | 'reviewed' | 'unidentified';

/** One reviewed entry of data/reference/partner-identities/. */
export interface IdentityEntry {
  /** The partner's published id: a slug of the English name (scripts/reference/identity-ids.ts assigns it); stable once published. */
  id?: string;
  /** Ids the partner was published under before; their URLs send readers on. */
  formerIds: string[];
  /**
   * The partner's country (ISO code); null for a network spanning countries with no seat (then
   * `scope` is international, and the entry matches the partner by name whatever country its
   * mentions are listed under).
   */
  country: string | null;
  /** The partner's Japanese name as the data shows it (matched with spelling variants folded). */
  ja: string;
  /** Official English name. */
  en: string;
  status: IdentityStatus;
  /** ROR id, with status `ror`. */
  ror?: string;
  /** The Hipo list's entry, by one of its domains, with status `registry`. */
  registry?: { domain: string };
  /** A reviewed city (partners without a registry place): its GeoNames name and id. */
  city?: { name: string; geonames: number };
  /** The name (and ROR record) the agreements were signed under, where the institution has since merged or been renamed. */
  signedAs?: { en: string; ror?: string };
  /** An organisation spanning countries. */
  scope?: 'international';
  /** Why this is the institution: the evidence, source lines where context decided it. */
  reason: string;
}

export interface IdentityReference {
  entries: (IdentityEntry & { file: string })[];
  ror: Map<string, RorRecord>;
  /** Hipo entries by each of their domains */
  hipo: Map<string, HipoRecord>;
  cities: Map<number, GeoCity>;
}

export const IDENTITY_DIR = 'partner-identities';
export const REGISTRY_DIR = 'registries';

const readJson = <T>(path: string): T => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
};

export function readIdentityReference(dir = REFERENCE_DIR): IdentityReference {
  const idDir = join(dir, IDENTITY_DIR);
  const entries = readdirSync(idDir).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => readJson<IdentityEntry[]>(join(idDir, f)).map((e) => ({ ...e, file: `data/reference/${IDENTITY_DIR}/${f}` })));
  const reg = (f: string) => readJson<{ records: unknown[] }>(join(dir, REGISTRY_DIR, f)).records;
  const ror = new Map((reg('ror.json') as RorRecord[]).map((r) => [r.id, r]));
  const hipo = new Map<string, HipoRecord>();
  for (const h of reg('hipo.json') as HipoRecord[]) for (const d of h.domains) hipo.set(d, h);
  const cities = new Map((reg('geonames.json') as GeoCity[]).map((c) => [c.id, c]));
  return { entries, ror, hipo, cities };
}


/** Character-bigram similarity, for naming the closest entries of a partner that has none. */
function dice(a: string, b: string): number {
  const grams = (s: string) => { const g = new Map<string, number>(); for (let i = 0; i < s.length - 1; i++) { const k = s.slice(i, i + 2); g.set(k, (g.get(k) ?? 0) + 1); } return g; };
  const ga = grams(a), gb = grams(b);
  let common = 0;
  for (const [k, n] of ga) common += Math.min(n, gb.get(k) ?? 0);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return (2 * common) / total;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A slug for an English name that no other entry takes: the name's slug, then with the city, then
 * with the country code (the issue's "add the city or country only where two share a name").
 */
/** The slug of an English name that ids are made from (apostrophes dropped: kings-college-london). */
export const idSlug = (en: string) => slugify(en.replace(/['’‘]/g, ''));

export function proposeId(en: string, city: string | undefined, country: string, taken: Set<string>): string {
  const base = idSlug(en);
  for (const c of [base, city ? `${base}-${slugify(city)}` : '', `${base}-${country.toLowerCase()}`]) if (c && !taken.has(c)) return c;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export interface IdentifyResult {
  partners: Partner[];
  /** published id for each merged partner's draft id */
  idOf: Map<string, string>;
  errors: Problem[];
  warnings: Problem[];
  report: IdentityReport;
}

export function identifyPartners(drafts: DraftPartner[], ref: IdentityReference = readIdentityReference()): IdentifyResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (file: string, raw: string, message: string) => errors.push({ severity: 'error', source: '', file, line: 0, raw, message });
  const entryRaw = (e: IdentityEntry) => `${e.country ?? 'international'} ${e.ja} → ${e.en}${e.id ? ` (${e.id})` : ''}`;

  // Entries of the wrong shape are reported and left out (a typo must never pass as a status).
  const STATUSES: IdentityStatus[] = ['ror', 'registry', 'reviewed', 'unidentified'];
  const entries = ref.entries.filter((e) => {
    const wrong = !Array.isArray(e.formerIds) ? 'formerIds is not a list'
      : !STATUSES.includes(e.status) ? `status "${String(e.status)}" is none of ${STATUSES.join(', ')}`
        : typeof e.reason !== 'string' || e.reason.trim() === '' ? 'it gives no reason'
          : typeof e.en !== 'string' || e.en.trim() === '' ? 'it gives no English name'
            : typeof e.ja !== 'string' || (e.country === null ? e.scope !== 'international' : !/^[A-Z]{2}$/.test(String(e.country))) ? 'it needs ja and a country code (null only with scope international)' : '';
    if (wrong) err(e.file, `${String(e.country)} ${String(e.ja)}`, `identity entry is malformed: ${wrong}`);
    return !wrong;
  });

  // Entries by country + name key.
  // An entry with no country (a network spanning countries) matches by name alone: key "*|…".
  const byKey = new Map<string, (IdentityEntry & { file: string })[]>();
  for (const e of entries) {
    const k = `${e.country ?? '*'}|${nameKey(e.ja)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), e]);
  }
  for (const [, es] of byKey) if (es.length > 1) for (const e of es.slice(1)) err(e.file, entryRaw(e), `two identity entries share the name ${e.ja} (${e.country}): one partner, one entry — put every former id in one entry's formerIds`);

  // Ids: present, well formed, unique, never another partner's former id.
  const ids = new Map<string, IdentityEntry>();
  const former = new Map<string, IdentityEntry>();
  for (const e of entries) for (const f of e.formerIds) {
    const other = former.get(f);
    if (other && other !== e) err(e.file, entryRaw(e), `former id ${f} is also a former id of ${other.ja} (${other.country}): its old URL could send readers to only one of them`);
    former.set(f, e);
  }
  const taken = new Set(entries.flatMap((e) => [e.id ?? '', ...e.formerIds]).filter(Boolean));
  for (const e of entries) {
    if (!e.id || !SLUG.test(e.id)) { err(e.file, entryRaw(e), `identity entry has ${e.id ? `a malformed id "${e.id}"` : 'no id'}: run node scripts/reference/identity-ids.ts --write (it would propose "${proposeId(e.en, e.city?.name, e.country ?? 'int', taken)}")`); continue; }
    const other = ids.get(e.id);
    if (other) err(e.file, entryRaw(e), `id ${e.id} is also the id of ${other.ja} (${other.country}): two partners never share an id`);
    ids.set(e.id, e);
    const f = former.get(e.id);
    if (f && f !== e) err(e.file, entryRaw(e), `id ${e.id} is a former id of ${f.ja} (${f.country}), whose old URLs send readers there`);
  }

  // Join partners with their entries.
  const used = new Set<IdentityEntry>();
  const partners: Partner[] = [];
  const idOf = new Map<string, string>();
  const byRor = new Map<string, string[]>();
  const byDomain = new Map<string, string[]>();
  const withoutRegistry: IdentityReport['withoutRegistry'] = [];
  const unmatchedIn = (country: string) => entries.filter((e) => e.country === country && !drafts.some((d) => d.country === country && partnerKeys(d).has(nameKey(e.ja))));
  for (const d of drafts) {
    const keys = partnerKeys(d);
    const found = [...new Set([...keys].flatMap((k) => [...(byKey.get(`${d.country}|${k}`) ?? []), ...(byKey.get(`*|${k}`) ?? [])]))];
    if (found.length === 0) {
      const close = unmatchedIn(d.country).map((e) => ({ e, s: dice(jaKey(e.ja), jaKey(d.name.ja)) })).sort((a, b) => b.s - a.s).slice(0, 3);
      err(`data/reference/${IDENTITY_DIR}/`, `${d.country} ${d.name.ja}`, `partner ${d.name.ja} (${d.country}; aliases ${d.aliases.join(', ')}) has no identity entry: review it and add one${close.length ? `; closest unmatched entries of ${d.country}: ${close.map(({ e, s }) => `${e.ja} → ${e.en} (${s.toFixed(2)})`).join('; ')}` : ''}`);
      continue;
    }
    if (found.length > 1) {
      for (const f of found) used.add(f); // they match: not stale, only too many
      err(found[1]!.file, entryRaw(found[1]!), `partner ${d.name.ja} (${d.country}) matches ${found.length} identity entries (${found.map((e) => e.en).join(' | ')}): a merged partner has one entry, its former ids all in formerIds`);
      continue;
    }
    const e = found[0]!;
    used.add(e);
    if (!e.id || !SLUG.test(e.id)) continue;
    idOf.set(d.id, e.id);
    const p = identityOf(d, e, ref, err, warnings);
    if (p.ror) byRor.set(p.ror, [...(byRor.get(p.ror) ?? []), e.id]);
    // one Hipo record on two partners, whichever of its domains each entry names
    if (e.registry) { const k = ref.hipo.get(e.registry.domain)?.name ?? e.registry.domain; byDomain.set(k, [...(byDomain.get(k) ?? []), e.id]); }
    if (p.identity.status !== 'ror') withoutRegistry.push({ partner: p.id, name: p.name.en, country: p.country, status: p.identity.status, reason: e.reason });
    partners.push(p);
  }
  for (const e of entries) if (!used.has(e)) err(e.file, entryRaw(e), `stale identity entry: it matches no partner of this run (no partner ${e.country ? `of ${e.country} ` : ''}is named ${e.ja}) — remove it, or correct its ja name`);
  for (const [id, ps] of byRor) if (ps.length > 1) err(`data/reference/${IDENTITY_DIR}/`, id, `ROR ${id} is the identity of ${ps.length} partners (${ps.join(', ')}): if they are one institution, merge them (partner-aliases.json) and keep one entry; otherwise one identity is wrong`);
  for (const [rec, ps] of byDomain) if (ps.length > 1) err(`data/reference/${IDENTITY_DIR}/`, rec, `registry entry ${rec} is the identity of ${ps.length} partners (${ps.join(', ')})`);

  // One place, one name: ROR and the gazetteer spell some cities differently (Xi'an / Xi’an,
  // Astana / Nur-Sultan) at the very same GeoNames coordinates; the name most partners there have
  // is used for all of them (ties: the first in code-point order), so a map draws one mark.
  const at = (p: Partner) => (p.location ? `${p.country}|${p.location.lat.toFixed(4)},${p.location.lon.toFixed(4)}` : '');
  const names = new Map<string, Map<string, number>>();
  for (const p of partners) if (p.city && p.location) { const m = names.get(at(p)) ?? new Map<string, number>(); m.set(p.city, (m.get(p.city) ?? 0) + 1); names.set(at(p), m); }
  for (const p of partners) {
    const m = p.city && p.location ? names.get(at(p)) : undefined;
    if (m && m.size > 1) p.city = [...m].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0];
  }

  partners.sort((a, b) => cmp(a.id, b.id));
  const byStatus: Record<string, number> = { ror: 0, registry: 0, reviewed: 0, unidentified: 0 };
  for (const p of partners) byStatus[p.identity.status] = (byStatus[p.identity.status] ?? 0) + 1;
  return {
    partners, idOf, errors, warnings,
    report: {
      byStatus,
      withRegistry: partners.filter((p) => p.ror || p.identity.status === 'registry').length,
      withLocation: partners.filter((p) => p.location).length,
      withoutRegistry: withoutRegistry.sort((a, b) => cmp(a.status, b.status) || cmp(a.country ?? '', b.country ?? '') || cmp(a.partner, b.partner)),
    },
  };
}

/** The name keys of a draft partner: its shown name and every alias. */
function partnerKeys(d: DraftPartner): Set<string> {
  return new Set([d.name.ja, ...(d.name.en ? [d.name.en] : []), ...d.aliases].map(nameKey));
}

function identityOf(d: DraftPartner, e: IdentityEntry & { file: string }, ref: IdentityReference, err: (file: string, raw: string, message: string) => void, warnings: Problem[]): Partner {
  const raw = `${e.country ?? 'international'} ${e.ja} → ${e.en} (${e.id})`;
  let ror: RorRecord | undefined;
  let hipo: HipoRecord | undefined;
  let city: GeoCity | undefined;
  if (e.status === 'ror') {
    ror = e.ror ? ref.ror.get(e.ror) : undefined;
    if (!ror) err(e.file, raw, `ROR ${e.ror ?? '(none given)'} is not among the vendored records (data/reference/${REGISTRY_DIR}/ror.json): run scripts/reference/reduce-registries.ts`);
    else {
      if (ror.country !== d.country && e.scope !== 'international') err(e.file, raw, `ROR ${ror.id} (${ror.name}) is in ${ror.country}, the partner in ${d.country}`);
      if (ror.status !== 'active') warnings.push({ severity: 'warning', source: '', file: e.file, line: 0, raw, message: `ROR ${ror.id} (${ror.name}) is ${ror.status}${ror.successor?.length ? `; its successor is ${ror.successor.join(', ')}` : ''}: the identity should name the current institution, with the old record in signedAs` });
    }
  } else if (e.ror) err(e.file, raw, `a ror id goes with status "ror" (this entry's status is ${e.status})`);
  if (e.status === 'registry') {
    hipo = e.registry ? ref.hipo.get(e.registry.domain) : undefined;
    if (!hipo) err(e.file, raw, `registry domain ${e.registry?.domain ?? '(none given)'} is not among the vendored Hipo entries (data/reference/${REGISTRY_DIR}/hipo.json)`);
    else if (hipo.country !== d.country && e.scope !== 'international') err(e.file, raw, `Hipo entry ${hipo.name} (${e.registry!.domain}) is in ${hipo.country}, the partner in ${d.country}`);
  }
  if (e.signedAs?.ror && !ref.ror.has(e.signedAs.ror)) err(e.file, raw, `signedAs ROR ${e.signedAs.ror} is not among the vendored records`);
  if (e.city) {
    city = ref.cities.get(e.city.geonames);
    if (!city) err(e.file, raw, `city GeoNames ${e.city.geonames} (${e.city.name}) is not among the vendored places (data/reference/${REGISTRY_DIR}/geonames.json)`);
    else if (city.name !== e.city.name) err(e.file, raw, `city GeoNames ${city.id} is ${city.name}, the entry says ${e.city.name}`);
    else if (city.country !== d.country && e.scope !== 'international') err(e.file, raw, `city ${city.name} (GeoNames ${city.id}) is in ${city.country}, the partner in ${d.country}`);
  } else if ((e.status === 'registry' || e.status === 'reviewed') && e.country !== null) {
    // (a network with no seat has no place)
    if (!ror) err(e.file, raw, `an entry without a registry place needs a reviewed city (GeoNames name and id: scripts/reference/city-lookup.ts)`);
  }
  const website = ror?.website ?? hipo?.webPages[0] ?? null;
  // a network with no country has no place either, whatever its registry record says
  const location = e.country === null ? null : ror ? { lat: ror.lat, lon: ror.lng, precision: 'registry' as const } : city ? { lat: city.lat, lon: city.lon, precision: 'city' as const } : null;
  // The evidence names its registry record first, unless the reviewed reason already does.
  const evidence = e.status === 'ror' && ror && !e.reason.includes(ror.id) ? `ROR ${ror.id} (${ror.name}, ${ror.city}): ${e.reason}`
    : e.status === 'registry' && hipo && !e.reason.includes(e.registry!.domain) ? `Hipo university-domains list: ${hipo.name} (${e.registry!.domain}): ${e.reason}`
      : e.reason;
  const registryNames = ror ? rorNames(ror) : hipo ? [hipo.name] : [];
  const otherNames = [...new Set(registryNames)].filter((n) => n !== e.en).sort();
  const { id: _draftId, ...rest } = d;
  return {
    ...rest,
    id: e.id!,
    // a network with no seat has no country, whatever country its mentions are listed under
    country: e.country === null ? null : d.country,
    formerIds: [...e.formerIds].sort(),
    name: { ja: d.name.ja, en: e.en },
    ...(e.signedAs ? { signedAs: e.signedAs } : {}),
    ...(e.scope ? { scope: e.scope } : {}),
    ...(otherNames.length ? { otherNames } : {}),
    ror: ror?.id ?? null,
    ...(ror?.wikidata ? { wikidata: ror.wikidata } : {}),
    website,
    city: ror?.city ?? city?.name ?? null,
    // the GeoNames place the city and location are: what a call's designated cities are matched on (src/lib/stipend-class.ts)
    ...(e.country === null ? {} : ror?.geonamesId ? { cityGeonames: ror.geonamesId } : city ? { cityGeonames: city.id } : {}),
    location,
    identity: { status: e.status, evidence },
  };
}
