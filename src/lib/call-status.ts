/**
 * Whether the call the finder shows is upcoming, open or closed on a given day (the day the site
 * is built): before the first day of its first entry round → `upcoming`; from then until its last
 * application deadline (inclusive) → `open`; after it → `closed`. The call is the latest of its kind
 * in the manifest (call-facts.ts latestCall), so a newer call replaces it with no code change.
 * The day is an argument; at build time it is KORYU_BUILD_DATE (YYYY-MM-DD) or else today in Japan,
 * where the call's dates are.
 */
import type { Locale } from '../i18n/ui.ts';
import type { CallFact, Source } from '../../scripts/schema/records.ts';
import { CALL_KIND, callSchedule, latestCall, type CallDate, type EntryRound } from './call-facts.ts';
import { STATUS_WORDS } from './call-words.ts';
import { formatDate } from './site.ts';
import { dataset } from './dataset.ts';
import { table } from './data.ts';

export type CallStatusId = 'upcoming' | 'open' | 'closed';

export interface CallStatus {
  status: CallStatusId;
  /** the day compared (ISO) */
  today: string;
  call: Pick<Source, 'id' | 'title' | 'asOf' | 'file'>;
  /** the first day applications can be made */
  opens?: CallDate;
  rounds: EntryRound[];
  /** the last application deadline: the call is closed after it */
  lastDeadline: CallDate;
  /** while open: the round whose deadline is next */
  round?: EntryRound;
  /** the sentence for the top of the finder, per language */
  sentence: Record<Locale, string>;
  /** how the finder's eligibility is to be labelled: against this call, or against that closed one */
  against: Record<Locale, string>;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD that exists, or an error naming where it came from. */
export function isoDay(s: string, from: string): string {
  const m = ISO.exec(s.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== s.trim()) throw new Error(`${from}: "${s}" is not a date (YYYY-MM-DD)`);
  return s.trim();
}

/** The day the site is built: KORYU_BUILD_DATE when set, else today in Japan (Asia/Tokyo). */
export function buildDate(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const set = env.KORYU_BUILD_DATE;
  if (set !== undefined && set.trim() !== '') return isoDay(set, 'KORYU_BUILD_DATE');
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The status of a call on a day, from its schedule facts. */
export function callStatus(call: Pick<Source, 'id' | 'title' | 'asOf' | 'file'>, facts: readonly CallFact[], today: string): CallStatus {
  isoDay(today, 'the day compared');
  const s = callSchedule(facts, call.id);
  if (!s.lastDeadline) throw new Error(`${call.file}: the call ${call.id} states no application deadline (no *-entry or *-entry-deadline schedule fact): its status cannot be told`);
  const last = s.lastDeadline;
  const opens = s.opens;
  const d = (locale: Locale, x: CallDate) => formatDate(locale, x.date);
  let status: CallStatusId;
  let round: EntryRound | undefined;
  const sentence = {} as Record<Locale, string>;
  if (today > last.date) {
    status = 'closed';
    for (const l of ['ja', 'en'] as const) sentence[l] = STATUS_WORDS.closed[l](d(l, last));
  } else if (opens && today < opens.date) {
    status = 'upcoming';
    const first = s.rounds[0]!.deadline;
    for (const l of ['ja', 'en'] as const) sentence[l] = STATUS_WORDS.upcoming[l](d(l, opens), d(l, first));
  } else {
    status = 'open';
    round = s.rounds.find((r) => today <= r.deadline.date)!;
    const first = s.rounds[0]!.deadline;
    for (const l of ['ja', 'en'] as const) {
      // between two rounds: the next one has not opened yet
      const next = round.opens && today < round.opens.date ? round.opens : undefined;
      sentence[l] = s.rounds.length === 1 ? STATUS_WORDS.open[l](d(l, last))
        : today <= first.date ? STATUS_WORDS.openRounds[l](d(l, first), d(l, last))
          : next ? STATUS_WORDS.between[l](d(l, first), d(l, next), d(l, last))
            : STATUS_WORDS.openLater[l](d(l, first), d(l, last));
    }
  }
  const against = status === 'closed' ? STATUS_WORDS.against.closed : STATUS_WORDS.against.current;
  return {
    status, today,
    call: { id: call.id, title: call.title, asOf: call.asOf, file: call.file },
    ...(opens ? { opens } : {}),
    rounds: s.rounds,
    lastDeadline: last,
    ...(round ? { round } : {}),
    sentence,
    against: { ja: against.ja, en: against.en },
  };
}

/** The status of the latest call of the finder's kind on the build day (build time); undefined without such a call. */
export function currentCallStatus(today: string = buildDate(), kind: string = CALL_KIND): CallStatus | undefined {
  const call = latestCall(dataset().sources, kind);
  return call ? callStatus(call, table<CallFact>('call-facts'), today) : undefined;
}
