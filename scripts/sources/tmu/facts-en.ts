/**
 * A call fact in English, where it can be said (the fact's `en`): the time of day (正午 → noon), a
 * range of days (8 日 ～ 31 日 → 8–31 days), a list of countries (through the country table), and the
 * region classes, areas, column conditions and scholarship words that data/reference/call-english.json
 * translates with a reason. Text the table does not hold gets no English (pages mark it lang="ja").
 */
import type { CallFact } from '../../schema/records.ts';
import { readReference } from '../../lib/reference.ts';
import { countryByCode, resolveCountry } from '../../lib/countries.ts';
import { clean } from '../../lib/text.ts';

/** Compared without any whitespace: the call's two copies of a table space their cells differently (L328 "10 万円", L1216 "10万円"). */
const despace = (s: string) => clean(s).replace(/\s+/g, '');

type Fact = Omit<CallFact, 'id' | 'home' | 'source'>;
export type FactEn = NonNullable<CallFact['en']>;

interface CallEnglish {
  regions: { ja: string; en: string; reason: string; areas?: { ja: string; en: string } }[];
  texts: { ja: string; en: string; reason: string }[];
}
let table: { regions: Map<string, CallEnglish['regions'][number]>; texts: Map<string, string> } | undefined;
function load() {
  if (table) return table;
  const ref = readReference<CallEnglish>('call-english.json');
  for (const e of [...ref.regions, ...ref.texts]) if (!e.reason?.trim()) throw new Error(`data/reference/call-english.json: "${e.ja}" needs a reason`);
  table = { regions: new Map(ref.regions.map((r) => [despace(r.ja), r])), texts: new Map(ref.texts.map((x) => [despace(x.ja), x.en])) };
  return table;
}

/** 正午 → noon; 12:10~12:45 → 12:10–12:45. */
export function timeEn(time: string): string | undefined {
  if (time === '正午') return 'noon';
  const m = /^(\d{1,2}:\d{2})~(\d{1,2}:\d{2})$/.exec(time);
  return m ? `${m[1]}–${m[2]}` : undefined;
}

/** "8 日 ~ 31 日" → "8–31 days"; "342 日 ~ 365 日 (366 日*)" and "342日~365(366*)日" → "342–365 days (366*)". */
export function daysEn(condition: string): string | undefined {
  const m = /^(\d+)日[~～〜](\d+)(?:日)?(?:\((\d+)(?:日)?\*\))?(?:日)?$/.exec(despace(condition));
  return m ? `${m[1]}–${m[2]} days${m[3] ? ` (${m[3]}*)` : ''}` : undefined;
}

/** "アフガニスタン、インド、…" → "Afghanistan, India, …" when every name is a known country. */
export function countriesEn(list: string): string | undefined {
  const names = list.split(/[、,]/).map((s) => s.trim()).filter(Boolean);
  const codes = names.map((n) => resolveCountry(n));
  if (names.length < 2 || codes.some((c) => !c)) return undefined;
  return codes.map((c) => countryByCode(c!)?.name.en ?? c).join(', ');
}

export function factEnglish(f: Fact): FactEn | undefined {
  const { regions, texts } = load();
  const en: FactEn = {};
  const text = (s: string | undefined) => (s === undefined ? undefined : texts.get(despace(s)));
  if (f.time && timeEn(f.time)) en.time = timeEn(f.time);
  const what = text(f.what);
  if (what) en.what = what;
  if (f.region) {
    const r = regions.get(despace(f.region));
    if (r) {
      en.region = r.en;
      // the areas of a stipend class: the row after the class and its two amounts
      const areas = f.key === 'stipend' ? f.raw.replace(/^\S+\s+\d+\s*万円\s+\d+\s*万円\s*/, '') : undefined;
      if (areas && r.areas && despace(areas) === despace(r.areas.ja)) en.areas = r.areas.en;
    }
  }
  if (f.condition) {
    const c = text(f.condition) ?? (f.key === 'stipend-months' ? daysEn(f.condition) : f.key === 'travel-cap' ? countriesEn(f.condition) : undefined);
    if (c) en.condition = c;
  }
  // a text value: the value itself, or the cell after the label (a number read from "15名程度（…）")
  const rest = f.raw.startsWith(f.what) ? f.raw.slice(f.what.length).trim() : undefined;
  const value = (typeof f.value === 'string' ? text(f.value) : undefined) ?? text(rest);
  if (value) en.value = value;
  return Object.keys(en).length ? en : undefined;
}
