/**
 * Words of the call's money and dates, in both languages: the schedule's labels, why a destination
 * is in its stipend class, and the call status sentences. Names of classes, conditions and regions
 * are not here: they come from the call's facts (`region`, `condition` and their `en`, through
 * data/reference/call-english.json) and from the rules of data/reference/stipend-classes.json.
 */
import type { Locale } from '../i18n/ui.ts';
import type { ClassDecision } from './stipend-class.ts';

export interface Label { ja: string; en?: string }

/** The label of a schedule fact's key (call-facts.json `key`). */
export const SCHEDULE_LABEL: Record<string, { ja: string; en: string }> = {
  'info-session': { ja: '応募説明会', en: 'Information session' },
  'first-entry': { ja: '第1次エントリー', en: 'First entry period' },
  'first-entry-deadline': { ja: '第1次エントリー締切', en: 'First entry deadline' },
  'entry-status': { ja: 'エントリー状況の発表', en: 'Entry status published' },
  'second-entry': { ja: '第2次エントリー', en: 'Second entry period' },
  'second-entry-deadline': { ja: '第2次エントリー締切', en: 'Second entry deadline' },
  'language-test': { ja: '学内語学試験（英語以外）', en: 'Internal language test (languages other than English)' },
  'first-selection-result': { ja: '第1次選考の合格発表', en: 'First selection results' },
  interview: { ja: '第2次選考（面接）', en: 'Second selection (interview)' },
  'final-result': { ja: '派遣候補者の合格発表', en: 'Final results (nomination of candidates)' },
  orientation: { ja: '合格者オリエンテーション', en: 'Orientation for successful applicants' },
  'departure-from': { ja: '渡航時期', en: 'Departures' },
};

/** The label of an entry round's deadline or opening key; a round the table does not name is said by its key. */
export function scheduleLabel(key: string): { ja: string; en: string } {
  return SCHEDULE_LABEL[key] ?? { ja: key, en: key };
}

/** The programme table's course kinds (Programme.courseKind), in words. */
export const COURSE_KIND_LABEL: Record<string, { ja: string; en: string }> = {
  regular: { ja: '正規課程', en: 'Regular courses' },
  'language-only': { ja: '語学のみ', en: 'Language courses only' },
  'language+regular': { ja: '語学 + 正規課程', en: 'Language, then regular courses' },
};

/** A stipend class that could not be decided. */
export const UNKNOWN_CLASS = { ja: '区分不明', en: 'Class not known' } as const;

/** Why a destination is in its class, in a sentence; `label` names a class by its id (from the call's facts). */
export function classBecause(d: ClassDecision, country: { ja: string; en: string } | undefined, label: (id: string) => Label): { ja: string; en: string } {
  const c = country ?? { ja: '（国不明）', en: '(no country)' };
  const L = (id: string) => ({ ja: label(id).ja, en: label(id).en ?? label(id).ja });
  const cls = d.class === 'unknown' ? UNKNOWN_CLASS : L(d.class);
  switch (d.rule) {
    case 'designated-city': {
      const city = d.cities![0]!;
      return { ja: `${city.ja}は${cls.ja}に挙げられています`, en: `${city.name} is one of the ${cls.en.toLowerCase()}` };
    }
    case 'excepted': {
      const from = L(d.excepted!.from);
      return { ja: `${d.excepted!.ja}は${from.ja}から除かれているため${cls.ja}です`, en: `${c.en} is excepted from ${from.en}, so it is ${cls.en}` };
    }
    case 'region':
      return { ja: `${c.ja}は${d.callRegion!.ja}に含まれるため${cls.ja}です`, en: `${c.en} is in ${d.callRegion!.en}: ${cls.en}` };
    case 'otherwise':
      return { ja: `${c.ja}は指定都市・ほかの地域のいずれにも当たらないため${cls.ja}です`, en: `${c.en} is in no other class: ${cls.en}` };
    case 'unsettled':
      return { ja: `募集要項の文言では${c.ja}の区分が決まりません`, en: `The call's wording does not settle the class of ${c.en}` };
    case 'city-unknown':
      return { ja: `協定校の所在都市が不明で、${c.ja}には指定都市（${d.cities!.map((x) => x.ja).join('、')}）があります`, en: `The partner's city is not known, and ${c.en} has a designated city (${d.cities!.map((x) => x.name).join(', ')})` };
    case 'no-country':
      return { ja: '協定校の国が一つに定まりません', en: 'The partner has no single country' };
  }
}

/** The call status sentences; dates come formatted. */
export const STATUS_WORDS = {
  heading: { ja: '募集の状況', en: 'Status of the call' },
  closed: {
    ja: (last: string) => `この募集は${last}に締め切られました。以下の要件はこの募集のもので、変わることがあります。`,
    en: (last: string) => `This call closed on ${last}; the requirements below are from that call and may change.`,
  },
  upcoming: {
    ja: (opens: string, deadline: string) => `この募集の受付は${opens}に始まります（締切 ${deadline}）。`,
    en: (opens: string, deadline: string) => `This call opens on ${opens}; applications close on ${deadline}.`,
  },
  open: {
    ja: (deadline: string) => `この募集は受付中です（締切 ${deadline}）。`,
    en: (deadline: string) => `This call is open until ${deadline}.`,
  },
  openRounds: {
    ja: (first: string, last: string) => `この募集は受付中です。第1次エントリーの締切は${first}、最終の締切は${last}です。`,
    en: (first: string, last: string) => `This call is open: the first entry closes on ${first}, the last on ${last}.`,
  },
  openLater: {
    ja: (closed: string, last: string) => `この募集の第1次エントリーは${closed}に締め切られました。${last}まで次のエントリーを受け付けています（内容は募集要項を参照）。`,
    en: (closed: string, last: string) => `The first entry of this call closed on ${closed}; a later entry is open until ${last} (see the call for what it accepts).`,
  },
  between: {
    ja: (closed: string, opens: string, last: string) => `この募集の第1次エントリーは${closed}に締め切られました。次のエントリーは${opens}から${last}までです（内容は募集要項を参照）。`,
    en: (closed: string, opens: string, last: string) => `The first entry of this call closed on ${closed}; the next entry runs from ${opens} to ${last} (see the call for what it accepts).`,
  },
  against: {
    closed: { ja: '判定は締め切られたこの募集の要件に対するものです。', en: 'Eligibility is checked against the requirements of that closed call.' },
    current: { ja: '判定はこの募集の要件に対するものです。', en: "Eligibility is checked against this call's requirements." },
  },
  builtOn: {
    ja: (date: string) => `このページを作成した日（${date}）と募集要項の日程を比べています。`,
    en: (date: string) => `Compared with the day this page was built, ${date}.`,
  },
  opens: { ja: '受付開始', en: 'Applications open' },
  /** the call's status beside each programme's deadline */
  chip: {
    closed: { ja: '締切済み', en: 'closed' },
    open: { ja: '受付中', en: 'open' },
    upcoming: { ja: '受付前', en: 'not yet open' },
  },
} as const;

export function pick<T>(locale: Locale, x: { ja: T; en: T }): T {
  return x[locale];
}
