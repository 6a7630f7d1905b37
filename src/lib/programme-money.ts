/**
 * Money and dates for one programme, as its call states them: the stipend class of its destination
 * (stipend-class.ts) and the monthly stipend for it under both tuition-waiver conditions, the months
 * paid (the call ties them to the length of stay in days, which the programme table does not give:
 * so the call's table and its maximum), the travel-cost cap of its country, and the call's
 * application deadlines, nomination and departures. Every item names its document and lines. Yen
 * are numbers, dates ISO. Comparators sort by deadline and by stipend, unknowns last.
 */
import type { CallFact, Partner, Programme, Source } from '../../scripts/schema/records.ts';
import { dataset } from './dataset.ts';
import { table } from './data.ts';
import { callSchedule, factsOf, linesOf, type CallDate } from './call-facts.ts';
import { classBecause, scheduleLabel, UNKNOWN_CLASS, type Label } from './call-words.ts';
import { checkStipendWording, stipendClassOf, stipendRules, travelRegionOf, type ClassDecision, type StipendClassId, type StipendRules } from './stipend-class.ts';
import { byDeadline, byStipend, type FinderMoney } from './finder.ts';

/** An amount in yen with the lines of the call that state it. */
export interface Yen { yen: number; source: string; lines: number[] }

export interface ProgrammeMoney {
  course: string;
  /** the call the programme is from */
  source: string;
  destination: ClassDecision & {
    /** the class as the call names it (指定都市) and in English (Designated cities) */
    label: Label;
    /** why, in a sentence */
    because: { ja: string; en: string };
    /** the lines of the call's table the decision rests on */
    lines: number[];
  };
  /** the monthly stipend for the class, without and with a tuition waiver; absent when the class is unknown */
  stipend?: { without: Yen & { condition: Label }; with: Yen & { condition: Label } };
  months: {
    /** the call's table of months paid by length of stay (days) */
    byDays: { days: Label; months: number; lines: number[] }[];
    max?: { months: number; lines: number[] };
    source: string;
  };
  /** the travel-cost cap of the destination's country; absent without a country */
  travel?: Yen & { region: Label };
  schedule: {
    /** each entry round's deadline, in order */
    deadlines: (CallDate & { label: { ja: string; en: string } })[];
    /** the nomination of candidates (派遣候補者合格発表) */
    nomination?: CallDate & { label: { ja: string; en: string } };
    /** the month departures start from (YYYY-MM) */
    departureFrom?: { month: string; source: string; lines: number[] };
  };
}

const WITHOUT_WAIVER = '授業料減免適用者を除く';
const WITH_WAIVER = '授業料減免適用者';

function oneValue(list: CallFact[], what: string, file: string): number {
  const values = [...new Set(list.map((f) => f.value))];
  if (values.length !== 1 || typeof values[0] !== 'number') {
    throw new Error(`${file}: ${what} is stated as ${values.map(String).join(' and ')} on lines ${linesOf(list).join(', ')}: ${list.map((f) => `"${f.raw}"`).join(' / ')}`);
  }
  return values[0];
}

/** The money and dates of one programme; `facts` may hold every call's facts (the programme's own call is used). */
export function programmeMoney(p: Programme, partner: Pick<Partner, 'country' | 'city' | 'cityGeonames'> | undefined, facts: readonly CallFact[], source: Pick<Source, 'id' | 'file'>, rules: StipendRules, regionOf: (code: string) => string | undefined, countryName: (code: string) => { ja: string; en: string } | undefined): ProgrammeMoney {
  const mine = factsOf(facts, source.id);
  const dest = partner ? { country: partner.country, city: partner.city, cityGeonames: partner.cityGeonames } : { country: p.country ?? null };
  const decision = stipendClassOf(dest, rules, regionOf);
  const rowsOf = (id: StipendClassId) => mine.filter((f) => f.key === 'stipend' && f.region === rules.classes.find((c) => c.id === id)!.region);
  const label = (id: string): Label => {
    const c = rules.classes.find((x) => x.id === id);
    const f = c ? rowsOf(c.id)[0] : undefined;
    return f ? { ja: f.region!, ...(f.en?.region ? { en: f.en.region } : {}) } : { ja: id };
  };
  const country = dest.country ? countryName(dest.country) : undefined;
  const destination = {
    ...decision,
    label: decision.class === 'unknown' ? { ...UNKNOWN_CLASS } : label(decision.class),
    because: classBecause(decision, country, label),
    lines: linesOf(decision.rows.flatMap(rowsOf)),
  };

  let stipend: ProgrammeMoney['stipend'];
  if (decision.class !== 'unknown') {
    const rows = rowsOf(decision.class);
    const part = (condition: string): Yen & { condition: Label } => {
      const list = rows.filter((f) => f.condition === condition);
      if (list.length === 0) throw new Error(`${source.file}: the stipend of ${label(decision.class).ja} (lines ${linesOf(rows).join(', ')}) has no amount for ${condition}`);
      const en = list[0]!.en?.condition;
      return { yen: oneValue(list, `the stipend of ${label(decision.class).ja} for ${condition}`, source.file), source: source.id, lines: linesOf(list), condition: { ja: condition, ...(en ? { en } : {}) } };
    };
    stipend = { without: part(WITHOUT_WAIVER), with: part(WITH_WAIVER) };
  }

  const monthFacts = mine.filter((f) => f.key === 'stipend-months' && typeof f.value === 'number');
  const byMonths = new Map<number, CallFact[]>();
  for (const f of monthFacts) byMonths.set(f.value as number, [...(byMonths.get(f.value as number) ?? []), f]);
  const byDays = [...byMonths.entries()].sort((a, b) => a[0] - b[0]).map(([months, list]) => {
    const f = list[0]!;
    return { days: { ja: f.condition ?? '', ...(f.en?.condition ? { en: f.en.condition } : {}) }, months, lines: linesOf(list) };
  });
  const maxFacts = mine.filter((f) => f.key === 'stipend-max-months');
  const months = { byDays, ...(maxFacts.length ? { max: { months: oneValue(maxFacts, 'the most months of stipend', source.file), lines: linesOf(maxFacts) } } : {}), source: source.id };

  let travel: ProgrammeMoney['travel'];
  const tr = travelRegionOf(dest.country, rules);
  if (tr) {
    const list = mine.filter((f) => f.key === 'travel-cap' && f.region === tr.region);
    if (list.length === 0) throw new Error(`${source.file}: the call states no travel cap for ${tr.region}`);
    const en = list[0]!.en?.region;
    travel = { yen: oneValue(list, `the travel cap of ${tr.region}`, source.file), source: source.id, lines: linesOf(list), region: { ja: tr.region, ...(en ? { en } : {}) } };
  }

  const s = callSchedule(facts, source.id);
  const nomination = s.dates.get('final-result');
  return {
    course: p.id,
    source: source.id,
    destination,
    ...(stipend ? { stipend } : {}),
    months,
    ...(travel ? { travel } : {}),
    schedule: {
      deadlines: s.rounds.map((r) => ({ ...r.deadline, label: scheduleLabel(r.deadline.key) })),
      ...(nomination ? { nomination: { ...nomination, label: scheduleLabel('final-result') } } : {}),
      ...(s.departureFrom ? { departureFrom: s.departureFrom } : {}),
    },
  };
}

/** Tie-break: course number. */
const byCourse = (a: ProgrammeMoney, b: ProgrammeMoney) => (a.course < b.course ? -1 : a.course > b.course ? 1 : 0);

/** The few figures of a programme's money the finder's list sorts and filters by (what its page embeds). */
export function finderMoney(m: ProgrammeMoney | undefined): FinderMoney {
  return { class: m?.destination.class ?? 'unknown', stipend: m?.stipend?.without.yen ?? null, stipendWith: m?.stipend?.with.yen ?? null, deadline: m?.schedule.deadlines[0]?.date ?? null };
}

/** Earliest application deadline (the first round's) first; a programme without one last (the finder's order, finder.ts byDeadline). */
export function compareByDeadline(a: ProgrammeMoney, b: ProgrammeMoney): number {
  return byDeadline(finderMoney(a), finderMoney(b)) || byCourse(a, b);
}

/** Highest monthly stipend first (without a waiver, then with one); an unknown class last (finder.ts byStipend). */
export function compareByStipend(a: ProgrammeMoney, b: ProgrammeMoney): number {
  return byStipend(finderMoney(a), finderMoney(b)) || byCourse(a, b);
}

/**
 * Every programme's money and dates from the dataset (build time), keyed by course number. The
 * stipend rules are first held to the wording of each call the programmes come from.
 */
export function programmesMoney(): Map<string, ProgrammeMoney> {
  const d = dataset();
  const facts = table<CallFact>('call-facts');
  const rules = stipendRules();
  const checked = new Set<string>();
  const out = new Map<string, ProgrammeMoney>();
  for (const p of d.programmes) {
    const source = d.sources.find((s) => s.id === p.source.id);
    if (!source || source.kind !== rules.kind) continue;
    if (!checked.has(source.id)) { checkStipendWording(rules, facts, source); checked.add(source.id); }
    const regionOf = (code: string) => d.countryByCode.get(code)?.region;
    const countryName = (code: string) => d.countryByCode.get(code)?.name;
    out.set(p.id, programmeMoney(p, d.partnerById.get(p.partner), facts, source, rules, regionOf, countryName));
  }
  return out;
}
