/**
 * The call's status on an injected day, against the dates of tmu-2024-autumn: the first entry
 * 1–22 Oct 2024 (L177, deadline L179), the second entry 25 Oct – 1 Nov 2024 (L191, deadline L193).
 * Then the newest call of the kind wins: a manifest with a copy of the call a year later (dates and
 * title moved to 2025) makes it the call shown, with no code change.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { CallFact, Source } from '../../scripts/schema/records.ts';
import { table } from './data.ts';
import { dataset } from './dataset.ts';
import { buildDate, callStatus, isoDay } from './call-status.ts';
import { latestCall } from './call-facts.ts';
import { fixtureDataset, type FixtureDataset } from './fixture-dataset.ts';

const facts = table<CallFact>('call-facts');
const call = dataset().sources.find((s) => s.id === 'tmu-2024-autumn')!;
const on = (day: string) => callStatus(call, facts, day);

describe('the build date', () => {
  it('is KORYU_BUILD_DATE when set', () => {
    expect(buildDate({ KORYU_BUILD_DATE: '2024-10-15' })).toBe('2024-10-15');
  });
  it('is today in Japan otherwise: 16:00 UTC on 31 Oct is already 1 Nov in Tokyo', () => {
    expect(buildDate({}, new Date('2024-10-31T16:00:00Z'))).toBe('2024-11-01');
    expect(buildDate({}, new Date('2024-10-31T14:59:00Z'))).toBe('2024-10-31');
  });
  it('refuses a value that is not a day, naming the variable', () => {
    expect(() => buildDate({ KORYU_BUILD_DATE: '2024-02-30' })).toThrow(/KORYU_BUILD_DATE: "2024-02-30" is not a date/);
    expect(() => buildDate({ KORYU_BUILD_DATE: '1 Nov 2024' })).toThrow(/KORYU_BUILD_DATE/);
    expect(() => isoDay('2024-11-01', 'x')).not.toThrow();
  });
});

describe('the status of tmu-2024-autumn', () => {
  it('upcoming before the first entry opens (1 Oct 2024, L177; also L11, L241)', () => {
    const s = on('2024-09-30');
    expect(s.status).toBe('upcoming');
    expect(s.opens).toMatchObject({ key: 'first-entry', date: '2024-10-01', lines: [11, 177, 241], line: 11 });
    expect(s.sentence.en).toBe('This call opens on 1 Oct 2024; applications close on 22 Oct 2024.');
    expect(s.sentence.ja).toBe('この募集の受付は2024年10月1日に始まります（締切 2024年10月22日）。');
  });

  it('open from the first day to the first deadline (22 Oct 2024, L179), both inclusive', () => {
    for (const day of ['2024-10-01', '2024-10-22']) {
      const s = on(day);
      expect(s.status, day).toBe('open');
      expect(s.round!.deadline).toMatchObject({ key: 'first-entry-deadline', date: '2024-10-22', line: 179 });
      expect(s.sentence.en, day).toBe('This call is open: the first entry closes on 22 Oct 2024, the last on 1 Nov 2024.');
    }
  });

  it('between the rounds (23–24 Oct 2024) says when the next entry opens (the second entry period, L189–191)', () => {
    for (const day of ['2024-10-23', '2024-10-24']) {
      const s = on(day);
      expect(s.status, day).toBe('open');
      expect(s.round!.opens?.date, day).toBe('2024-10-25');
      expect(s.sentence.en, day).toBe('The first entry of this call closed on 22 Oct 2024; the next entry runs from 25 Oct 2024 to 1 Nov 2024 (see the call for what it accepts).');
    }
    // from the day it opens, the later entry is open
    expect(on('2024-10-25').sentence.en).toBe('The first entry of this call closed on 22 Oct 2024; a later entry is open until 1 Nov 2024 (see the call for what it accepts).');
  });

  it('open, in its second round, until the last deadline (1 Nov 2024, L193)', () => {
    const s = on('2024-11-01');
    expect(s.status).toBe('open');
    expect(s.round!.deadline).toMatchObject({ key: 'second-entry-deadline', date: '2024-11-01', lines: [15, 191, 193, 243] });
    expect(s.sentence.en).toBe('The first entry of this call closed on 22 Oct 2024; a later entry is open until 1 Nov 2024 (see the call for what it accepts).');
    expect(s.against.en).toBe("Eligibility is checked against this call's requirements.");
  });

  it('closed after it: "This call closed on 1 Nov 2024" (the second entry deadline, L193)', () => {
    const s = on('2024-11-02');
    expect(s.status).toBe('closed');
    expect(s.lastDeadline).toMatchObject({ key: 'second-entry-deadline', date: '2024-11-01', lines: [15, 191, 193, 243], line: 193 });
    expect(s.sentence.en).toBe('This call closed on 1 Nov 2024; the requirements below are from that call and may change.');
    expect(s.sentence.ja).toBe('この募集は2024年11月1日に締め切られました。以下の要件はこの募集のもので、変わることがあります。');
    expect(s.against.en).toBe('Eligibility is checked against the requirements of that closed call.');
    expect(s.rounds.map((r) => r.deadline.date)).toEqual(['2024-10-22', '2024-11-01']);
  });

  it('a call with no deadline is an error naming its file', () => {
    expect(() => callStatus(call, facts.filter((f) => f.topic !== 'schedule'), '2024-11-02')).toThrow(/tmu-2024-autumn-exchange-call\.txt: .*no application deadline/);
  });
});

describe('the latest call of the kind', () => {
  const base = { home: 'tmu', kind: 'tmu-exchange-call', title: 't', publisher: 'p', file: 'f', sha256: 'x', lineCount: 1 } as const;
  it('is the one with the latest asOf, wherever the manifest lists it; other kinds do not count', () => {
    const a = { ...base, id: 'b-older', asOf: '2024-10-01' };
    const b = { ...base, id: 'a-newer', asOf: '2025-04-01' };
    const other = { ...base, id: 'z', kind: 'tsukuba-factbook-exchange', asOf: '2026-01-01' };
    expect(latestCall([b, a, other] as Source[])!.id).toBe('a-newer');
    expect(latestCall([a, b, other] as Source[])!.id).toBe('a-newer');
    expect(latestCall([other] as Source[])).toBeUndefined();
  });
});

describe('a newer call added to the manifest', () => {
  let fixture: FixtureDataset | undefined;

  beforeAll(() => {
    // the same call a year later: its title's fiscal year and every dated year moved on by one
    fixture = fixtureDataset({
      prefix: 'koryu-call-',
      from: (s) => s.kind === 'tmu-exchange-call',
      file: 'tmu-next.txt',
      text: (t) => t.replaceAll('2025年', '2026年').replaceAll('2024年', '2025年').replaceAll('2024 年度', '2025 年度'),
      entry: (s) => ({ ...s, id: 'tmu-next-autumn', asOf: '2025-10-01', title: `${s.title} (fixture: a year later)` }),
    });
    expect(fixture.run.status, fixture.run.stderr + fixture.run.stdout).toBe(0);
    fixture.use();
  }, 120_000);

  afterAll(() => fixture?.restore());

  it('replaces the current one: its dates decide the status', async () => {
    const { currentCallStatus } = await import('./call-status.ts');
    const open = currentCallStatus('2025-10-05')!;
    expect(open.call.id).toBe('tmu-next-autumn');
    expect(open.status).toBe('open');
    const closed = currentCallStatus('2025-11-02')!;
    expect(closed.status).toBe('closed');
    expect(closed.sentence.en).toBe('This call closed on 1 Nov 2025; the requirements below are from that call and may change.');
    // the copy's second entry deadline is on the same line as the original's (L193)
    expect(closed.lastDeadline.lines).toContain(193);
    expect(currentCallStatus('2025-09-01')!.status).toBe('upcoming');
  });
});
