/**
 * The facts of one call for applications (data/build/call-facts.json) as the finder uses them: the
 * latest call of a kind in the manifest, and its dates — when it opens, each entry round's deadline,
 * the nomination of candidates, the departures — each with every line that states it. Pure: the
 * tables come in as arguments (call-status.ts and programme-money.ts load them at build time).
 */
import type { CallFact, Source } from '../../scripts/schema/records.ts';

/** TMU's exchange call: the kind of document the finder's programmes and money come from. */
export const CALL_KIND = 'tmu-exchange-call';

/**
 * The newest call of a kind in the manifest: latest `asOf`, then latest fiscal year, then the later
 * manifest entry. Found by kind, never by id, so a newer call added to data/raw/sources.json
 * replaces the current one with no code change.
 */
export function latestCall(sources: readonly Source[], kind: string = CALL_KIND): Source | undefined {
  let best: { s: Source; i: number } | undefined;
  sources.forEach((s, i) => {
    if (s.kind !== kind) return;
    if (!best) { best = { s, i }; return; }
    const c = s.asOf.localeCompare(best.s.asOf) || (s.fiscalYear ?? 0) - (best.s.fiscalYear ?? 0) || i - best.i;
    if (c > 0) best = { s, i };
  });
  return best?.s;
}

/** The facts one document states. */
export function factsOf(facts: readonly CallFact[], sourceId: string): CallFact[] {
  return facts.filter((f) => f.source.id === sourceId);
}

/** Every line a set of facts is stated on, sorted, once each. */
export function linesOf(list: readonly CallFact[]): number[] {
  return [...new Set(list.map((f) => f.source.line))].sort((a, b) => a - b);
}

/** A date the call gives, with the lines that state it. */
export interface CallDate {
  key: string;
  /** ISO date */
  date: string;
  source: string;
  /** every line that states the date */
  lines: number[];
  /** the line that states it most directly: the deadline's own fact, else the first line */
  line: number;
}

/** One entry round (第1次エントリー, 第2次エントリー, …): its period and its deadline. */
export interface EntryRound {
  /** the round's key prefix: first, second, … (first-entry, first-entry-deadline) */
  round: string;
  opens?: CallDate;
  deadline: CallDate;
}

/** The dates of a call: its entry rounds in order, the first date, the last deadline, and after. */
export interface CallSchedule {
  source: string;
  rounds: EntryRound[];
  /** the first day of the first entry round: applications can be made from then */
  opens?: CallDate;
  /** the last day of the last entry round */
  lastDeadline?: CallDate;
  /** other dates of the call, by key (info-session, final-result, interview, …): the earliest each */
  dates: Map<string, CallDate>;
  /** the month departures start from (YYYY-MM), where the call gives one */
  departureFrom?: { month: string; source: string; lines: number[] };
}

const ROUND = /^(.+)-entry(-deadline)?$/;

/**
 * The schedule of one call from its facts. An entry round's deadline is its `-entry-deadline` fact,
 * else the last day of its `-entry` period (the lines of both are cited when they agree); the call
 * opens on the first day of its earliest round.
 */
export function callSchedule(facts: readonly CallFact[], sourceId: string): CallSchedule {
  const mine = factsOf(facts, sourceId).filter((f) => f.topic === 'schedule');
  const byRound = new Map<string, { periods: CallFact[]; deadlines: CallFact[] }>();
  const others = new Map<string, CallFact[]>();
  for (const f of mine) {
    const m = f.key ? ROUND.exec(f.key) : null;
    if (m && f.date) {
      const r = byRound.get(m[1]!) ?? { periods: [], deadlines: [] };
      (m[2] ? r.deadlines : r.periods).push(f);
      byRound.set(m[1]!, r);
    } else if (f.key && f.date) {
      others.set(f.key, [...(others.get(f.key) ?? []), f]);
    }
  }
  const at = (key: string, date: string, list: CallFact[]): CallDate => {
    const lines = linesOf(list);
    const own = linesOf(list.filter((f) => f.key === key));
    return { key, date, source: sourceId, lines, line: own[0] ?? lines[0]! };
  };
  const rounds: EntryRound[] = [];
  for (const [round, { periods, deadlines }] of byRound) {
    const ends = [...deadlines.map((f) => f.date!), ...periods.map((f) => f.endDate ?? f.date!)];
    if (ends.length === 0) continue;
    // the stated deadline wins over a period's end (they agree in the calls seen so far)
    const end = deadlines.length ? deadlines.map((f) => f.date!).sort().at(-1)! : ends.sort().at(-1)!;
    const stating = [...deadlines.filter((f) => f.date === end), ...periods.filter((f) => (f.endDate ?? f.date) === end)];
    const starts = periods.map((f) => f.date!).sort();
    const start = starts[0];
    rounds.push({
      round,
      ...(start ? { opens: at(`${round}-entry`, start, periods.filter((f) => f.date === start)) } : {}),
      deadline: at(`${round}-entry-deadline`, end, stating),
    });
  }
  rounds.sort((a, b) => (a.opens?.date ?? a.deadline.date).localeCompare(b.opens?.date ?? b.deadline.date) || a.deadline.date.localeCompare(b.deadline.date));
  const dates = new Map<string, CallDate>();
  for (const [key, list] of others) {
    const first = list.map((f) => f.date!).sort()[0]!;
    dates.set(key, at(key, first, list.filter((f) => f.date === first)));
  }
  const dep = mine.filter((f) => f.key === 'departure-from' && typeof f.value === 'string');
  const lastDeadline = rounds.map((r) => r.deadline).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const opens = rounds.map((r) => r.opens).filter((x): x is CallDate => !!x).sort((a, b) => a.date.localeCompare(b.date))[0];
  return {
    source: sourceId,
    rounds,
    ...(opens ? { opens } : {}),
    ...(lastDeadline ? { lastDeadline } : {}),
    dates,
    ...(dep.length ? { departureFrom: { month: String(dep[0]!.value), source: sourceId, lines: linesOf(dep) } } : {}),
  };
}
