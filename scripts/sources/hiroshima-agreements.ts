/**
 * Hiroshima University, 部局間国際交流協定校一覧 (department-level international exchange agreements).
 *
 * Layout, recognised by content (never by line number):
 * - a title (…一覧), a headline "(55ヶ国・地域 378機関423協定)", an as-of line "2024年5月1日現在" and a
 *   note on how rows are listed;
 * - per region: a heading line (アジア, 欧州, …, 複数国), its count "254機関" or a note
 *   "(機関数には含まない。)", the column labels (国・地域 / 国名, 協定機関名, 部局, 締結年月日);
 * - rows: country cell "インド (10機関)" (empty or missing on continuation rows: after a page break the
 *   cells move left), partner cell, home-unit cell "工学部・先進理工系科学研究科", date "2015.11.09".
 *   A country cell may stand alone ("大韓民国 (26機関)" with empty cells) when its first row went to
 *   the next page; the 複数国 row's country cell lists several countries joined by ・.
 *
 * One row = one agreement record (level `department`). Counting, decided from the document's own words:
 * - "N機関" (per country, per region, and the headline's 378) counts ROWS. Line 9's note says a
 *   university with several department agreements is listed once by name, and the per-country counts
 *   equal the rows even where one university appears with several faculties (インドネシア: アイルランガ大学
 *   four times, 39 rows, "39機関"); so a row is one "機関" (institution or faculty of one).
 * - The 複数国 section's note says it is not included in the institution counts ("機関数には含まない"):
 *   its rows are left out of the headline's institutions and countries/regions. Nothing is forced: if the
 *   headline counts it anyway, the check fails and says so.
 * - "ヶ国・地域" = distinct countries/regions of the counted rows (Hong Kong and Taiwan are their own).
 * - "協定" (agreements) cannot be recomputed: the note says several agreements with one university are
 *   shown as one row with the oldest date only, and no row says how many agreements it stands for.
 *
 * A row whose partner cell names several countries (the 複数国 section) keeps all of them in
 * `countries[]`; its partner mention needs one country and takes the first named, as written — the
 * document names no seat or lead country, so the mention's country is a placeholder and `countries[]`
 * is the fact.
 */
import type { SourceContext } from '../lib/context.ts';
import { clean, despace } from '../lib/text.ts';
import { resolveCountry } from '../lib/countries.ts';
import { resolveUnit } from '../lib/units.ts';
import type { HomeId } from '../lib/homes.ts';
import { parseDate } from '../lib/dates.ts';
import { institutionKind, splitJointInstitutions, splitPartnerUnitInline } from '../lib/partners.ts';
import type { AgreementDraft, ParseResult } from './types.ts';

const HEADLINE = /^\(\s*(\d+)\s*[ヶケかカ箇]国・地域\s*(\d+)\s*機関\s*(\d+)\s*協定\s*\)$/;
const AS_OF = /^(\d{4})年(\d{1,2})月(\d{1,2})日現在$/;
const REGION_COUNT = /^(\d+)\s*機関$/;
const COUNTRY_COUNT = /^(.*?)\s*\(\s*(\d+)\s*機関\s*\)$/;
const PAGE_NUMBER = /^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$|^\d{1,4}\s*\/\s*\d{1,4}$/;
const DATE_CELL = /^\d{4}\s*[./年-]/;
/** The layout writes every date YYYY.MM.DD; anything else is read but reported. */
const DATE_FORMAT = /^\d{4}\.\d{2}\.\d{2}$/;
const COLUMN_LABELS = ['協定機関名', '締結年月日'];
/** A region note that takes the region out of the institution counts: "(機関数には含まない。)". */
const NOT_COUNTED = /含ま(?:ない|れない)|含めない|除く/;

interface Region {
  label: string;
  line: number;
  countLine?: number;
  stated?: number;
  /** False when the region's note says its rows are not in the institution counts. */
  counted: boolean;
  records: AgreementDraft[];
}

interface CountryGroup {
  label: string;
  codes: string[];
  line: number;
  stated?: number;
  region: Region;
  records: AgreementDraft[];
}

interface Headline {
  line: number;
  countries: number;
  institutions: number;
  agreements: number;
}

/**
 * Splits a ・ list into the longest runs of parts that `lookup` knows, since a name may itself contain
 * ・ (ブルネイ・ダルサラーム国, ナノデバイス・バイオ融合科学研究所). Parts nothing knows are returned as unmapped.
 */
function longestRuns<T>(parts: string[], lookup: (label: string) => T | undefined): { found: T[]; unmapped: string[] } {
  const found: T[] = [];
  const unmapped: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = parts.length;
    for (; j > i; j--) {
      const hit = lookup(parts.slice(i, j).join('・'));
      if (hit !== undefined) {
        found.push(hit);
        break;
      }
    }
    if (j > i) i = j;
    else unmapped.push(parts[i++]!);
  }
  return { found, unmapped };
}

/** Country codes of a country cell: one name, or several joined by ・ (the 複数国 row). */
export function resolveCountries(label: string): { codes: string[]; unmapped: string[] } {
  const { found, unmapped } = longestRuns(label.split(/[・･]/).map((p) => p.trim()), resolveCountry);
  return { codes: unmapped.length ? [] : found, unmapped };
}

/** Unit ids of a home-unit cell "工学部・先進理工系科学研究科", through data/reference/units/<home>.json. */
export function resolveHomeUnits(home: HomeId, cell: string): { ids: string[]; unmapped: string[] } {
  const parts = despace(cell).split(/[・･、,]/).map((p) => p.trim()).filter(Boolean);
  const { found, unmapped } = longestRuns(parts, (label) => resolveUnit(home, label));
  return { ids: [...new Set(found.flat())], unmapped };
}

function filledCells(ctx: SourceContext, n: number): string[] {
  return ctx.cells(n).map(clean).filter((c) => c !== '');
}

/** The next line after n that is not blank, or undefined. */
function nextFilled(ctx: SourceContext, n: number): number | undefined {
  for (let m = n + 1; m <= ctx.lineCount; m++) if (clean(ctx.raw(m)) !== '') return m;
  return undefined;
}

function isColumnLabels(cells: string[]): boolean {
  return COLUMN_LABELS.every((l) => cells.some((c) => despace(c) === l));
}

/** A row read but not yet final: the next line may continue its wrapped cells. */
interface PendingRow {
  lines: number[];
  partnerCell: string;
  unitsCell: string;
  dateCell: string;
  group: CountryGroup;
  region: Region;
}

export function parseHiroshimaAgreements(ctx: SourceContext): ParseResult {
  const { id: sourceId, home } = ctx.source;
  const agreements: AgreementDraft[] = [];
  const regions: Region[] = [];
  const groups: CountryGroup[] = [];
  let headline: Headline | undefined;
  let region: Region | undefined;
  let group: CountryGroup | undefined;
  let pending: PendingRow | undefined;

  const startGroup = (label: string, line: number, stated: number | undefined): CountryGroup | undefined => {
    if (!region) {
      ctx.error(line, `country cell "${label}" before any region heading`);
      return undefined;
    }
    const { codes, unmapped } = resolveCountries(label);
    if (unmapped.length) ctx.error(line, `country "${unmapped.join('", "')}" is not mapped: add it to data/reference/country-aliases.json`);
    const g: CountryGroup = { label, codes, line, stated, region, records: [] };
    groups.push(g);
    return g;
  };

  /** The pending row becomes a record; its problems are reported now that its cells are complete. */
  const finish = (row: PendingRow): void => {
    const n = row.lines[0]!;
    const split = splitPartnerUnitInline(row.partnerCell);
    const joint = splitJointInstitutions(split.name);
    if (joint) ctx.warn(n, `the partner cell names ${joint.length} institutions jointly (${joint.join(', ')}): kept as one partner mention, as written`);
    const units = resolveHomeUnits(home, row.unitsCell);
    for (const u of units.unmapped) ctx.error(n, `home unit "${u}" is not in data/reference/units/${home}.json`);
    const date = parseDate(row.dateCell);
    if (!date.iso) ctx.warn(n, `date "${row.dateCell}": ${date.problem}; kept as dateRaw only`);
    else if (!DATE_FORMAT.test(row.dateCell)) ctx.warn(n, `date "${row.dateCell}" is not written YYYY.MM.DD like the other rows: read as ${date.iso}, but the cell may be cut short`);
    const source = { id: sourceId, line: n, ...(row.lines.length > 1 ? { lines: row.lines } : {}) };
    const record: AgreementDraft = {
      id: `${sourceId}-L${n}`,
      home,
      partner: {
        ja: split.name,
        country: row.group.codes[0]!,
        kind: joint ? 'consortium' : institutionKind(split.name),
        source: { ...source },
      },
      partnerName: row.partnerCell,
      ...(split.unit ? { partnerUnit: split.unit } : {}),
      countries: [...row.group.codes],
      regionLabel: row.region.label,
      level: 'department',
      homeUnits: units.ids,
      homeUnitsRaw: row.unitsCell,
      ...(date.iso ? { signedOn: date.iso } : {}),
      ...(date.all.length > 1 ? { dates: date.all } : {}),
      dateRaw: row.dateCell,
      source,
    };
    agreements.push(record);
    row.group.records.push(record);
    row.region.records.push(record);
    ctx.record(row.lines);
  };

  /**
   * A line of one or two cells and no date right under a row may be the rest of its wrapped cells:
   * one cell continues the home-unit cell, two continue the partner and the home-unit cells. It is
   * taken as such only when the joined home-unit cell then maps completely to units.
   */
  const continues = (n: number, cells: string[]): boolean => {
    if (!pending || pending.lines[pending.lines.length - 1] !== n - 1) return false;
    if (cells.length > 2 || cells.some((c) => DATE_CELL.test(c))) return false;
    const units = `${pending.unitsCell}${cells[cells.length - 1]}`;
    if (resolveHomeUnits(home, units).unmapped.length) return false;
    if (cells.length === 2) pending.partnerCell = clean(`${pending.partnerCell} ${cells[0]}`);
    pending.unitsCell = units;
    pending.lines.push(n);
    return true;
  };

  const readRow = (n: number, cells: string[]): void => {
    // Cells are read from the right: date, units, partner, then the country cell when there is one
    // (after a page break the empty country cell is dropped and the others move left).
    const [dateCell, unitsCell, partnerCell, countryCell, ...extra] = [...cells].reverse();
    if (extra.length || !dateCell || !unitsCell || !partnerCell || !DATE_CELL.test(dateCell)) {
      ctx.error(n, 'expected an agreement row: [country (N機関)], partner institution, home units, date signed (YYYY.MM.DD)');
      return;
    }
    if (!region) {
      ctx.error(n, 'agreement row before any region heading');
      return;
    }
    if (countryCell !== undefined) {
      const m = COUNTRY_COUNT.exec(countryCell);
      group = startGroup(m ? m[1]! : countryCell, n, m ? Number(m[2]) : undefined);
    }
    if (!group) {
      ctx.error(n, 'agreement row without a country: no country cell since the region heading');
      return;
    }
    if (group.codes.length === 0) {
      ctx.error(n, `agreement row under the unmapped country "${group.label}" (line ${group.line})`);
      return;
    }
    pending = { lines: [n], partnerCell, unitsCell, dateCell, group, region };
  };

  const readSingle = (n: number, t: string): void => {
    const h = HEADLINE.exec(t);
    if (h) {
      headline = { line: n, countries: Number(h[1]), institutions: Number(h[2]), agreements: Number(h[3]) };
      return; // marked by its checks at the end
    }
    const asOf = AS_OF.exec(t);
    if (asOf) {
      ctx.layout(n, 'as-of date');
      const iso = `${asOf[1]}-${asOf[2]!.padStart(2, '0')}-${asOf[3]!.padStart(2, '0')}`;
      if (iso !== ctx.source.asOf) ctx.warn(n, `the document is as of ${iso}, the manifest says ${ctx.source.asOf}`);
      return;
    }
    const count = REGION_COUNT.exec(t);
    if (count) {
      if (region && region.stated === undefined && region.records.length === 0) {
        region.stated = Number(count[1]);
        region.countLine = n;
      } else ctx.error(n, 'institution count "N機関" that does not follow a region heading');
      return;
    }
    if (PAGE_NUMBER.test(t)) {
      ctx.layout(n, 'page number');
      return;
    }
    const country = COUNTRY_COUNT.exec(t);
    if (country) {
      // A country cell alone: its first row went to the next page.
      group = startGroup(country[1]!, n, Number(country[2]));
      return;
    }
    if (t.includes('。')) {
      ctx.note(n);
      if (region && region.records.length === 0 && NOT_COUNTED.test(t)) region.counted = false;
      return;
    }
    if (/一覧$/.test(t) && regions.length === 0) {
      ctx.layout(n, 'title');
      return;
    }
    const next = nextFilled(ctx, n);
    const nextText = next === undefined ? '' : clean(ctx.raw(next));
    const opensRegion = next !== undefined && (REGION_COUNT.test(nextText) || /^\(.*\)$/.test(nextText) || isColumnLabels(filledCells(ctx, next)));
    if (opensRegion && !/\d/.test(t)) {
      region = { label: despace(t), line: n, counted: true, records: [] };
      regions.push(region);
      group = undefined;
      ctx.layout(n, 'region heading');
      return;
    }
    ctx.error(n, 'expected a region heading, a count "N機関", a country "国名 (N機関)", a note or an agreement row');
  };

  for (let n = 1; n <= ctx.lineCount; n++) {
    const cells = filledCells(ctx, n);
    if (cells.length === 0) continue; // blank: layout (page breaks show as blank lines)
    if (continues(n, cells)) continue;
    if (pending) finish(pending);
    pending = undefined;
    if (isColumnLabels(cells)) ctx.layout(n, 'column labels');
    else if (cells.length === 1) readSingle(n, cells[0]!);
    else readRow(n, cells);
  }
  if (pending) finish(pending);

  // Stated counts, recomputed from the records.
  for (const g of groups) {
    if (g.stated === undefined) continue;
    ctx.check({
      key: 'institutions',
      line: g.line,
      what: `${g.label}: institutions listed under the country (one per row)`,
      stated: g.stated,
      computed: g.records.length,
      from: g.records.map((r) => r.source.line),
    });
  }
  for (const r of regions) {
    if (r.stated === undefined || r.countLine === undefined) continue;
    ctx.check({
      key: 'institutions',
      line: r.countLine,
      what: `${r.label}: institutions listed in the region (one per row)`,
      stated: r.stated,
      computed: r.records.length,
      from: r.records.map((x) => x.source.line),
    });
  }
  if (headline) {
    const counted = regions.filter((r) => r.counted).flatMap((r) => r.records);
    const left = regions.filter((r) => !r.counted).map((r) => r.label);
    const aside = left.length ? `, without ${left.join(', ')} (its note: not in the institution counts)` : '';
    ctx.check({
      key: 'countries',
      line: headline.line,
      what: `countries/regions: distinct countries of the rows${aside}`,
      stated: headline.countries,
      computed: new Set(counted.flatMap((r) => r.countries)).size,
    });
    ctx.check({
      key: 'institutions',
      line: headline.line,
      what: `institutions: rows of all regions${aside}`,
      stated: headline.institutions,
      computed: counted.length,
      from: counted.map((r) => r.source.line),
    });
    ctx.cannotVerify({
      key: 'agreements',
      line: headline.line,
      what: 'agreements',
      stated: headline.agreements,
      reason: `the list shows ${agreements.length} rows, but its note says a university with several department-level agreements is listed once, with the oldest date only, and no row says how many agreements it stands for`,
    });
  }

  const seen = new Set<string>();
  const sourceRegions: { country: string; label: string }[] = [];
  for (const g of groups) {
    if (g.codes.length !== 1 || !g.region.counted) continue;
    const key = `${g.codes[0]}|${g.region.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sourceRegions.push({ country: g.codes[0]!, label: g.region.label });
  }
  return { agreements, sourceRegions };
}
