/**
 * The charts of the /stats/ page: for each, its data (from the pure functions of stats.ts), the
 * plotted rows as a table and CSV, the SVG (charts.ts), the words (title, subtitle with what is
 * counted, where, when and the source lines) and the data-quality notes (stats.ts `shortfalls`).
 * Used by the page (src/views/StatsView.astro) and by the CSV endpoint (src/pages/stats/[file].ts),
 * so a chart, its table and its download always show the same rows. Build time only.
 */
import * as Plot from '@observablehq/plot';
import type { Agreement, Check, Conference, Country, DegreeProgramme, Flow, Home, Unit, Visit } from '../../scripts/schema/records.ts';
import { table, validation } from './data.ts';
import { REGIONS } from '../../scripts/lib/countries.ts';
import { renderPlot, renderChoropleth, rowsToCsv, seriesColours, OKABE_ITO, type LegendEntry } from './charts.ts';
import { csvDataUrl } from './excel-csv.ts';
import {
  fiscalYears, flowsByGroup, balance, rankUnits, categoryBreakdown, agreementsOverTime, listEnds, thinTail, shortfalls, totalsByYear,
  degreeProgrammesByStartYear, conferencesSummary, visitsByMonth, unitFlows, tableCells, refsOf, statedTotal, POPULATIONS, DIRECTIONS,
  type UnitFlowSummary, type ListEnd, type Ref, type Population, type Direction, type ValidationReport,
} from './stats.ts';
import type { Locale } from '../i18n/ui.ts';
import { formatNumber, formatDate, formatMonth, lineRuns, localePath, sourceHref } from './site.ts';

export type ColumnFormat = 'year' | 'month';

/**
 * What a note tells the reader, each styled its own way: `confirm` — the figures agree with the
 * document (quiet); `caveat` — how to read them, what they leave out; `erratum` — the document itself
 * is wrong or damaged here (a warning).
 */
export type NoteKind = 'confirm' | 'caveat' | 'erratum';

/**
 * A visible note under a chart, with an optional link (its text defaults to “validation report”).
 * `page`: a caveat true of every chart on the page (one fiscal year only), said once at the top of
 * the page (PageNotes.astro) rather than under each chart.
 */
export interface ChartNote { kind: NoteKind; text: string; href?: string; linkText?: string; page?: true }

export interface ChartDef {
  id: string;
  title: string;
  subtitle: string;
  svg: string;
  columns: string[];
  rows: (string | number | null)[][];
  notes: ChartNote[];
  sources: Ref[];
  /**
   * per column, how the table view writes its values where plain number formatting would be wrong:
   * `year` as written (1985, not 1,985), `month` (YYYY-MM) in the locale's convention; the CSV keeps
   * the values as they are
   */
  formats?: (ColumnFormat | undefined)[];
  /** words of another language inside the title, subtitle and notes (a unit with no English name), marked with their `lang` */
  foreign?: { text: string; lang: string }[];
  /** per row, a site path (without the locale prefix) its first cell links to in the table view */
  rowLinks?: (string | undefined)[];
  /** colour key, written in HTML beside the chart */
  legend?: LegendEntry[];
  /** said under the table instead of rows of zeros: where the data stops (“No data after Aug 2021”) */
  tableFoot?: string;
}

export const WORDS = {
  ja: {
    student: '学生', staff: '教職員等', inbound: '受入', outbound: '派遣', region: '地域', country: '国・地域', unit: '組織',
    count: '人数', inboundN: '受入', outboundN: '派遣', net: '差（受入−派遣）', year: '年', newN: '新規', cumulative: '累計', home: '大学',
    category: '区分', unknown: '国・地域不明など', fy: (y: number) => `${y}年度`,
    short: (n: number, line: number) => `この表の各行の合計は、資料自身が示す合計（${line}行目）より ${n} 人少なくなっています（資料の誤りとして記録）。`,
    notOnMap: (xs: string) => `地図の縮尺では描けない国・地域（表には含む）: ${xs}`,
    asOf: (d: string) => `（${d} 現在の人数）`,
    hk: '中国には香港を含みます（資料の表記「中国（香港含む）」）。',
    oneYear: (y: string) => `${y}のデータのみです（年度比較は、2年度目の資料を追加すると表示されます）。`,
    listAsOf: (name: string, month: string) => `${name}の一覧は${month}時点`,
    noDataAfter: (month: string) => `${month}以降のデータはありません（一覧の時点）。`,
    listsEnd: (xs: string) => `各大学の一覧は時点が異なります（${xs}）。一覧の時点より後の年は、その大学の協定を含みません。終わりの年の減少は協定の減少を意味しません。`,
    thin: (name: string, t: { from: number; to: number; count: number; before: { from: number; to: number; median: number } }, month: string) =>
      `${name}の一覧（${month}時点）には、${t.from}〜${t.to}年に締結された協定が${t.count}件しかありません（${t.before.from}〜${t.before.to}年は年に${t.before.median}件程度）。一覧が最後の数年まで更新されていないと読めます。締結が止まったことを示すものではありません。`,
  },
  en: {
    student: 'students', staff: 'staff', inbound: 'inbound', outbound: 'outbound', region: 'Region', country: 'Country/region', unit: 'Unit',
    count: 'People', inboundN: 'Inbound', outboundN: 'Outbound', net: 'Net (in − out)', year: 'Year', newN: 'New', cumulative: 'Cumulative', home: 'University',
    category: 'Category', unknown: 'country not given', fy: (y: number) => `FY${y}`,
    short: (n: number, line: number) => `The rows of this table add up to ${n} fewer than the total the document itself states (line ${line}); recorded as an erratum of the document.`,
    notOnMap: (xs: string) => `Too small to draw at this scale (in the table): ${xs}`,
    asOf: (d: string) => ` (head count on ${d})`,
    hk: 'China includes Hong Kong (the document prints “中国（香港含む）”).',
    oneYear: (y: string) => `One fiscal year only (${y}); a year-over-year view appears when a second year’s document is added.`,
    listAsOf: (name: string, month: string) => `${name}: list as of ${month}`,
    noDataAfter: (month: string) => `No data after ${month} (the list’s as-of date).`,
    listsEnd: (xs: string) => `The universities’ lists end at different dates (${xs}). A year after a list’s date holds none of that university’s agreements: a fall in the last years is not a fall in agreements.`,
    thin: (name: string, t: { from: number; to: number; count: number; before: { from: number; to: number; median: number } }, month: string) =>
      `${name}’s list (as of ${month}) has ${t.count} ${t.count === 1 ? 'agreement' : 'agreements'} signed in ${t.from}–${t.to}, against a median of ${t.before.median} a year in ${t.before.from}–${t.before.to}. That reads as a list not kept up to date in its last years, not as a university that stopped signing.`,
  },
} as const;

/** The finer categories of the tables by unit, in words. */
export const CATEGORY_LABELS: Readonly<Record<string, { ja: string; en: string }>> = {
  'employed-researcher': { ja: '雇用：研究員', en: 'Employed: researchers' },
  'employed-faculty': { ja: '雇用：教員', en: 'Employed: faculty' },
  'employed-other': { ja: '雇用：その他', en: 'Employed: other' },
  'own-funds': { ja: '自機関資金', en: 'The university’s own funds' },
  'external-funds': { ja: '外部資金', en: 'External funds' },
  'other-funds': { ja: 'その他の資金', en: 'Other funds' },
  regular: { ja: '正規生', en: 'Regular students' },
  'non-regular': { ja: '非正規生', en: 'Non-regular students' },
  total: { ja: '計', en: 'Total' },
};

const lines = (refs: readonly Ref[]) => [...new Set(refs.map((r) => r.line))].sort((a, b) => a - b);
const span = (refs: readonly Ref[]) => { const l = lines(refs); return l.length ? (l.length === 1 ? `${l[0]}` : `${l[0]}–${l[l.length - 1]}`) : ''; };
/** "出典 <source> <first>–<last>行目" / "Source: <source> lines <first>–<last>": the end of a chart's subtitle. */
export const citeLines = (refs: readonly Ref[], locale: Locale, fallback = '') => {
  const id = refs[0]?.id ?? fallback;
  return locale === 'ja' ? `出典 ${id} ${span(refs)}行目` : `Source: ${id} ${lines(refs).length === 1 ? 'line' : 'lines'} ${span(refs)}`;
};
/** The home university the statistics are of, by name (homes.json). */
export const homeName = (id: string | undefined, locale: Locale) => table<Home>('homes').find((h) => h.id === id)?.name[locale] ?? id ?? '';

/**
 * The visible notes of a chart whose rows come from `refs`: where a table falls short of its own
 * stated total (the checks of this direction's column where there are any, the table's grand total,
 * both directions together, only otherwise), linked to the validation report; and the rows printed
 * with a cell missing, the likely reason, linked to their source line.
 */
export function dataNotes(report: ValidationReport, refs: readonly Ref[], direction: Direction, locale: Locale): ChartNote[] {
  const W = WORDS[locale];
  const ja = locale === 'ja';
  const found = shortfalls(report, refs, { direction });
  const checks = found.checks.filter((c) => c.shortBy > 0);
  const own = checks.filter((c) => c.id.includes(direction));
  const missing = found.warnings.filter((w) => /counts for \d+ columns/.test(w.message));
  return [
    ...(own.length ? own : checks).map((c) => ({ kind: 'erratum' as const, text: W.short(c.shortBy, c.line), href: localePath(locale, '/data/validation/') })),
    ...missing.map((w) => {
      // the parser names the cell it read the row without ('read without its "合計 (派遣)" cell')
      const cell = w.message.match(/without its "([^"]+)" cell/)?.[1];
      return {
        kind: 'erratum' as const,
        text: ja
          ? `${w.line}行目は列の数よりセルが1つ少なく印字されています。${cell ? `欠けているのは「${cell}」のセル（合計の欄）と読み、人数は印字されている内訳から数えています。` : ''}`
          : `Line ${w.line} is printed with one cell fewer than the table has columns.${cell ? ` The missing cell is read as “${cell}”, a total column; the counts come from the printed cells.` : ''}`,
        href: sourceHref(locale, { id: w.source, line: w.line }),
        linkText: ja ? `${w.line}行目` : `line ${w.line}`,
      };
    }),
  ];
}

/** The statistics' validation report (checks and warnings of data/build/validation.json). */
export const report = (): ValidationReport => {
  const v = validation<{ checks: Check[]; warnings: { source: string; file: string; line: number; message: string; raw?: string }[] }>();
  return { checks: v.checks, warnings: v.warnings };
};

/** The fiscal years the statistics cover, ascending (one page per year when there are several). */
export function statsYears(): number[] {
  return fiscalYears(table<Flow>('flows'));
}

/** Every chart of the page for one locale and fiscal year (the latest by default), in page order. */
/** An as-of date as a position on a year axis whose year Y spans [Y + offset, Y + offset + 1). */
function yearPosition(iso: string, offset: number): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  return y + offset + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/**
 * Marks for where each list stops on a chart by year: a dashed rule at its as-of date and its label
 * above the frame, staggered so that two close dates stay readable (the chart's marginTop leaves
 * 13 px per label).
 */
function listEndMarks(ends: readonly ListEnd[], label: (e: ListEnd) => string, offset: number): Plot.Markish[] {
  return ends.flatMap((e, i) => [
    Plot.ruleX([yearPosition(e.asOf, offset)], { stroke: '#5b6670', strokeDasharray: '4 3' }),
    Plot.text([label(e)], { x: yearPosition(e.asOf, offset), frameAnchor: 'top', lineAnchor: 'bottom', dy: -4 - 13 * i, dx: 3, textAnchor: 'end', fill: 'currentColor', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
  ]);
}

export function statsCharts(locale: Locale, year?: number): ChartDef[] {
  const W = WORDS[locale];
  const ja = locale === 'ja';
  /** inbound and outbound, in every chart that shows both: one scale, so they never swap colours */
  const inOut = seriesColours([W.inboundN, W.outboundN]);
  const flows = table<Flow>('flows');
  const countries = table<Country>('countries');
  const units = table<Unit>('units');
  const agreements = table<Agreement>('agreements');
  const ends = listEnds(agreements, table<{ id: string; asOf: string }>('sources'));
  const agreementHome = new Map(table<{ id: string; home: string }>('sources').map((x) => [x.id, x.home]));
  const homeLabel = (id: string) => homeName(id, locale);
  const month = (e: ListEnd) => formatMonth(locale, e.asOf.slice(0, 7));
  /** a caveat for each list whose last years are thin (Osaka: 2019–2021) */
  const thinNotes = (rows: readonly { group: string; year: number; count: number }[], shown: readonly ListEnd[]): ChartNote[] => shown.flatMap((e) => {
    const t = thinTail(rows.filter((r) => r.group === e.home), e.year);
    return t ? [{ kind: 'caveat' as const, text: W.thin(homeLabel(e.home), t, month(e)) }] : [];
  });
  const rep = report();
  const years = fiscalYears(flows);
  const fy = year ?? years[years.length - 1]!;
  const source = flows.find((f) => f.fiscalYear === fy)?.source.id ?? '';
  const home = homeName(flows.find((f) => f.fiscalYear === fy)?.home, locale);
  const cite = (refs: readonly Ref[]) => citeLines(refs, locale, source);
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name[locale] ?? code;
  const regionName = (id: string) => REGIONS.find((r) => r.id === id)?.name[locale] ?? (id === 'unknown' ? W.unknown : id);
  const n = (x: number) => formatNumber(locale, x);
  const yearNote: ChartNote[] = years.length === 1 ? [{ kind: 'caveat', text: W.oneYear(W.fy(fy)), page: true }] : [];
  const hkNote: ChartNote = { kind: 'caveat', text: W.hk, page: true };
  const out: ChartDef[] = [];

  const shortNotes = (refs: Ref[], direction: Direction) => dataNotes(rep, refs, direction, locale);
  // Units printed in the table but missing from units.json get no page.
  const unitHref = (id: string) => (units.some((u) => u.id === id) ? `/units/${id}/` : undefined);

  // `first` heads the table's first column (the bars' labels: region, country, unit or category);
  // a row's `href` (a site path without the locale) links its label in the table.
  const bars = (id: string, title: string, subtitle: string, rows: { label: string; value: number; sources: Ref[]; href?: string }[], first: string, extraNotes: ChartNote[] = [], color = OKABE_ITO[0]!) => {
    const data = rows.map((r) => ({ ...r, tip: `${r.label}: ${n(r.value)}` }));
    const svg = renderPlot({
      width: 760,
      height: Math.max(120, 26 * data.length + 40),
      marginLeft: Math.min(260, 14 + Math.max(...data.map((d) => d.label.length)) * (ja ? 12 : 7)),
      x: { label: W.count, grid: true },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(data, { x: 'value', y: 'label', fill: color, title: 'tip' }),
        Plot.text(data, { x: 'value', y: 'label', text: (d: { value: number }) => n(d.value), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    }, { label: title, description: subtitle });
    const allRefs = rows.flatMap((r) => r.sources);
    out.push({ id, title, subtitle, svg, columns: [first, W.count], rows: rows.map((r) => [r.label, r.value]), ...(rows.some((r) => r.href) ? { rowLinks: rows.map((r) => r.href) } : {}), notes: [...extraNotes, ...yearNote], sources: allRefs });
  };

  // --- year over year, when there is more than one year -----------------------------------------
  if (years.length > 1) {
    const series = (['student', 'staff'] as Population[]).flatMap((population) => (['inbound', 'outbound'] as Direction[]).map((direction) => ({ population, direction })));
    const data = series.flatMap(({ population, direction }) => totalsByYear(flows, { population, direction, table: 'country' }).map((r) => ({
      series: `${population === 'student' ? W.student : W.staff} ${W[direction]}`, year: String(r.fiscalYear), value: r.value, sources: r.sources,
    })));
    const yoy = seriesColours(years.map((y) => W.fy(y)));
    const title = ja ? '年度ごとの受入・派遣の推移' : 'Year over year: inbound and outbound';
    const subtitle = ja ? `${years.map(W.fy).join('、')}、国・地域別の表の合計。出典 ${[...new Set(data.flatMap((d) => d.sources.map((x) => x.id)))].join('、')}` : `${years.map(W.fy).join(', ')}, totals of the tables by country. Sources: ${[...new Set(data.flatMap((d) => d.sources.map((x) => x.id)))].join(', ')}`;
    const svg = renderPlot({
      width: 760, height: 300, marginBottom: 40,
      x: { label: null, domain: data.map((d) => d.series).filter((x, i, a) => a.indexOf(x) === i), tickRotate: 0 },
      fx: { label: null }, y: { label: W.count, grid: true },
      color: yoy.color,
      marks: [Plot.barY(data, { fx: 'series', x: 'year', y: 'value', fill: (d: { year: string }) => W.fy(Number(d.year)), ariaLabel: (d: { year: string }) => W.fy(Number(d.year)), title: (d: { series: string; year: string; value: number }) => `${d.series} ${d.year}: ${n(d.value)}` }), Plot.ruleY([0])],
    }, { label: title, description: subtitle });
    out.push({ id: 'year-over-year', title, subtitle, svg, columns: [ja ? '系列' : 'Series', W.year, W.count], formats: [undefined, 'year'], rows: data.map((d) => [d.series, Number(d.year), d.value]), notes: [], legend: yoy.legend(), sources: data.flatMap((d) => d.sources) });
  }

  // --- students and staff by region, both directions ------------------------------------------
  for (const population of ['student', 'staff'] as Population[]) {
    for (const direction of ['outbound', 'inbound'] as Direction[]) {
      const rows = flowsByGroup(flows, countries, { population, direction, fiscalYear: fy, by: 'region' }).filter((r) => r.value > 0);
      const refs = rows.flatMap((r) => r.sources);
      const asOf = rows.find((r) => r.asOf)?.asOf;
      const who = population === 'student' ? W.student : W.staff;
      const title = ja ? `${who}の${W[direction]}（地域別）` : `${who[0]!.toUpperCase()}${who.slice(1)} ${W[direction]} by region`;
      const subtitle = ja
        ? `${W.fy(fy)}、${home}の国・地域別の表を地域ごとに合計${asOf ? W.asOf(formatDate(locale, asOf)) : ''}。${cite(refs)}`
        : `${W.fy(fy)}, ${home}, the table by country summed by region${asOf ? W.asOf(formatDate(locale, asOf)) : ''}. ${cite(refs)}`;
      bars(`${population}-${direction}-region`, title, subtitle, rows.map((r) => ({ label: regionName(r.region), value: r.value, sources: r.sources })), W.region, [...shortNotes(refs, direction), ...(rows.some((r) => r.countries.includes('CN')) ? [hkNote] : [])]);
    }
  }

  // --- the map and top countries of outbound students -----------------------------------------
  for (const direction of ['outbound', 'inbound'] as Direction[]) {
    const byCountry = flowsByGroup(flows, countries, { population: 'student', direction, fiscalYear: fy, by: 'country' }).filter((r) => r.value > 0);
    const refs = byCountry.flatMap((r) => r.sources);
    const values = new Map(byCountry.filter((r) => r.country).map((r) => [r.country!, r.value]));
    const title = ja ? `${W.student}の${W[direction]}（国・地域別の地図）` : `Students ${W[direction]} by country (map)`;
    const subtitle = ja ? `${W.fy(fy)}、${home}。濃いほど人数が多い（平方根の尺度）。${cite(refs)}` : `${W.fy(fy)}, ${home}; darker is more (square-root scale). ${cite(refs)}`;
    const { svg, notOnMap } = renderChoropleth(values, { label: title, description: subtitle }, { label: W.count });
    out.push({
      id: `student-${direction}-map`, title, subtitle, svg,
      columns: [W.country, W.count],
      rows: byCountry.map((r) => [r.country ? countryName(r.country) : (r.label ?? W.unknown), r.value]),
      notes: [...shortNotes(refs, direction), ...(notOnMap.length ? [{ kind: 'caveat' as const, text: W.notOnMap(notOnMap.map(countryName).join(ja ? '、' : ', ')) }] : []), hkNote, ...yearNote],
      sources: refs,
    });
  }

  // --- students: top countries, ranked -------------------------------------------------------------
  for (const direction of ['outbound', 'inbound'] as Direction[]) {
    const rows = flowsByGroup(flows, countries, { population: 'student', direction, fiscalYear: fy, by: 'country' }).filter((r) => r.value > 0 && r.country).slice(0, 20);
    const refs = rows.flatMap((r) => r.sources);
    const title = ja ? `${W.student}の${W[direction]}が多い国・地域（上位20）` : `Top 20 countries, students ${W[direction]}`;
    const subtitle = ja ? `${W.fy(fy)}、${home}の国・地域別の表。${cite(refs)}` : `${W.fy(fy)}, ${home}, the table by country. ${cite(refs)}`;
    bars(`student-${direction}-countries`, title, subtitle, rows.map((r) => ({ label: countryName(r.country!), value: r.value, sources: r.sources, href: `/countries/${r.country!.toLowerCase()}/` })), W.country, [hkNote], OKABE_ITO[direction === 'outbound' ? 1 : 0]);
  }
  {
    const rows = balance(flows, countries, { population: 'student', fiscalYear: fy, by: 'country' }).filter((r) => r.inbound + r.outbound > 0).sort((a, b) => (b.inbound + b.outbound) - (a.inbound + a.outbound)).slice(0, 25);
    const refs = rows.flatMap((r) => r.sources);
    const title = ja ? '学生の受入と派遣（国・地域別、上位25）' : 'Students: inbound and outbound by country (top 25)';
    const subtitle = ja ? `${W.fy(fy)}、${home}（受入は12月1日現在の在籍者数、派遣は年度内の人数）。${cite(refs)}` : `${W.fy(fy)}, ${home} (inbound: enrolled on 1 December; outbound: over the year). ${cite(refs)}`;
    const label = (r: { key: string }) => (r.key.startsWith('unknown') ? W.unknown : countryName(r.key));
    const data = rows.flatMap((r) => [
      { c: label(r), kind: W.inboundN, value: r.inbound, tip: `${label(r)} — ${W.inboundN}: ${n(r.inbound)}` },
      { c: label(r), kind: W.outboundN, value: r.outbound, tip: `${label(r)} — ${W.outboundN}: ${n(r.outbound)}` },
    ]);
    const svg = renderPlot({
      width: 760, height: 22 * rows.length + 60, marginLeft: ja ? 130 : 150,
      x: { label: W.count, grid: true, type: 'sqrt' }, y: { label: null, domain: rows.map(label) },
      color: inOut.color, symbol: { domain: [W.inboundN, W.outboundN], range: ['circle', 'square'] },
      marks: [
        Plot.ruleY(rows, { y: label, x1: 'inbound', x2: 'outbound', stroke: '#9aa4ae' }),
        Plot.dot(data, { x: 'value', y: 'c', fill: 'kind', r: 4, symbol: 'kind', ariaLabel: 'kind', title: 'tip' }),
      ],
    }, { label: title, description: subtitle });
    out.push({ id: 'student-balance-country', title, subtitle, svg, columns: [W.country, W.inboundN, W.outboundN, W.net], rows: rows.map((r) => [label(r), r.inbound, r.outbound, r.net]),
      notes: [{ kind: 'caveat', text: ja ? '横軸は平方根の尺度です。' : 'Square-root axis.' }, ...yearNote], legend: inOut.legend(['circle', 'square']), sources: refs });
  }

  // --- inbound vs outbound per region -----------------------------------------------------------
  for (const population of ['student', 'staff'] as Population[]) {
    const rows = balance(flows, countries, { population, fiscalYear: fy, by: 'region' }).filter((r) => r.inbound + r.outbound > 0);
    const data = rows.flatMap((r) => [
      { region: regionName(r.key), kind: W.inboundN, value: r.inbound, tip: `${regionName(r.key)} — ${W.inboundN}: ${n(r.inbound)}` },
      { region: regionName(r.key), kind: W.outboundN, value: r.outbound, tip: `${regionName(r.key)} — ${W.outboundN}: ${n(r.outbound)}` },
    ]);
    const who = population === 'student' ? W.student : W.staff;
    const title = ja ? `${who}の受入と派遣（地域別）` : `${who[0]!.toUpperCase()}${who.slice(1)}: inbound and outbound by region`;
    const refs = rows.flatMap((r) => r.sources);
    const subtitle = ja ? `${W.fy(fy)}、${home}${population === 'student' ? '（受入は12月1日現在の在籍者数、派遣は年度内の人数）' : ''}。${cite(refs)}` : `${W.fy(fy)}, ${home}${population === 'student' ? ' (inbound: enrolled on 1 December; outbound: over the year)' : ''}. ${cite(refs)}`;
    const svg = renderPlot({
      width: 760, height: 30 * rows.length + 60, marginLeft: ja ? 120 : 180,
      x: { label: W.count, grid: true, zero: true }, y: { label: null, domain: rows.map((r) => regionName(r.key)) },
      color: inOut.color, symbol: { domain: [W.inboundN, W.outboundN], range: ['circle', 'square'] },
      marks: [
        Plot.ruleY(rows, { y: (r: { key: string }) => regionName(r.key), x1: 'inbound', x2: 'outbound', stroke: '#9aa4ae' }),
        Plot.dot(data, { x: 'value', y: 'region', fill: 'kind', r: 5, symbol: 'kind', ariaLabel: 'kind', title: 'tip' }),
      ],
    }, { label: title, description: subtitle });
    out.push({ id: `${population}-balance-region`, title, subtitle, svg, columns: [W.region, W.inboundN, W.outboundN, W.net], rows: rows.map((r) => [regionName(r.key), r.inbound, r.outbound, r.net]), notes: yearNote, legend: inOut.legend(['circle', 'square']), sources: refs });
  }

  // --- units that send the most students ---------------------------------------------------------
  {
    const rows = rankUnits(flows, units, { population: 'student', direction: 'outbound', fiscalYear: fy }).filter((r) => r.value > 0).slice(0, 15);
    const refs = rows.flatMap((r) => r.sources);
    const title = ja ? '学生を最も多く派遣している組織（上位15）' : 'Units sending the most students abroad (top 15)';
    const subtitle = ja ? `${W.fy(fy)}、${home}の組織別の表（資料に印字された組織ごと）。${cite(refs)}` : `${W.fy(fy)}, ${home}, the table by unit (each unit as printed). ${cite(refs)}`;
    bars('student-outbound-units', title, subtitle, rows.map((r) => ({ label: (ja ? r.name.ja : r.name.en ?? r.name.ja), value: r.value, sources: r.sources, href: unitHref(r.id) })), W.unit, [{ kind: 'caveat', text: ja ? '組織と派遣先の国・地域を掛け合わせた表は資料にありません。派遣先は上の地域別・国別のグラフを見てください。' : 'The document has no table crossing units and countries: see the charts by region and country above for where students go.' }], OKABE_ITO[2]);
  }

  // --- units with their hierarchy: every printed count rolled up to the top groups ------------------
  {
    const top = rankUnits(flows, units, { population: 'student', direction: 'outbound', fiscalYear: fy, depth: 0 }).filter((r) => r.value > 0);
    const refs = top.flatMap((r) => r.sources);
    const title = ja ? '学生の派遣（組織の大きな区分ごと）' : 'Students sent abroad by division (units rolled up)';
    const subtitle = ja ? `${W.fy(fy)}、${home}の組織別の表を上位の区分（学群・大学院・系…）に合計。${cite(refs)}` : `${W.fy(fy)}, ${home}, the table by unit summed up to its top divisions. ${cite(refs)}`;
    bars('student-outbound-divisions', title, subtitle, top.map((r) => ({ label: ja ? r.name.ja : r.name.en ?? r.name.ja, value: r.value, sources: r.sources, href: unitHref(r.id) })), W.unit, [], OKABE_ITO[2]);
  }

  // --- finer categories ---------------------------------------------------------------------------
  for (const [population, direction] of [['staff', 'inbound'], ['staff', 'outbound'], ['student', 'inbound']] as [Population, Direction][]) {
    const rows = categoryBreakdown(flows, { population, direction, fiscalYear: fy, by: 'total' }).filter((r) => r.category !== 'total');
    if (rows.length === 0) continue;
    const refs = rows.flatMap((r) => r.sources);
    const who = population === 'student' ? W.student : W.staff;
    const title = ja ? `${who}の${W[direction]}（区分別）` : `${who[0]!.toUpperCase()}${who.slice(1)} ${W[direction]} by category`;
    const subtitle = ja ? `${W.fy(fy)}、${home}の組織別の表の区分ごとの合計。${cite(refs)}` : `${W.fy(fy)}, ${home}, totals of the categories of the table by unit. ${cite(refs)}`;
    bars(`${population}-${direction}-categories`, title, subtitle, rows.map((r) => ({ label: CATEGORY_LABELS[r.category]?.[locale] ?? r.category, value: r.value, sources: r.sources })), W.category, [], OKABE_ITO[3]);
  }

  // --- agreements over time per home ---------------------------------------------------------------
  {
    const ot = agreementsOverTime(agreements, countries, { by: 'home', until: (h) => ends.get(h)?.year });
    const data = ot.rows;
    const homes = [...new Set(data.map((r) => r.group))];
    const shownEnds = homes.map((h) => ends.get(h)!);
    const lastRow = (h: string) => data.filter((r) => r.group === h).at(-1)!;
    const title = ja ? '協定の累計（締結年別・大学別）' : 'Agreements over time, cumulative, by university';
    const srcs = table<{ id: string; asOf: string }>('sources').filter((x) => ot.rows.some((r) => r.count > 0 && r.sources.some((y) => y.id === x.id)));
    const asOf = srcs.map((x) => `${x.id} (${x.asOf})`).join(', ');
    const subtitle = ja
      ? `各大学の一覧（時点: ${asOf}）に載っている協定を締結年で数えた累計（過去に存在した協定の数ではありません）`
      : `Agreements in each university’s list (as of: ${asOf}), counted by year signed — not how many existed at the time`;
    const byHome = seriesColours(homes.map(homeLabel));
    const svg = renderPlot({
      width: 760, height: 320, marginLeft: 50, marginRight: 170,
      x: { label: W.year, tickFormat: 'd' }, y: { label: W.cumulative, grid: true },
      color: byHome.color,
      marks: [
        ...shownEnds.map((e) => Plot.text([lastRow(e.home)], { x: 'year', y: 'cumulative', text: () => W.listAsOf(homeLabel(e.home), month(e)), dx: 6, textAnchor: 'start', fill: 'currentColor', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' })),
        Plot.line(data, { x: 'year', y: 'cumulative', stroke: (r: { group: string }) => homeLabel(r.group), ariaLabel: (r: { group: string }) => homeLabel(r.group), strokeWidth: 2 }),
        Plot.dot(data.filter((r) => r.count > 0), { x: 'year', y: 'cumulative', fill: (r: { group: string }) => homeLabel(r.group), ariaLabel: (r: { group: string }) => homeLabel(r.group), r: 2.5, title: (r: { group: string; year: number; count: number; cumulative: number }) => `${homeLabel(r.group)} ${r.year}: +${r.count} (${r.cumulative})` }),
      ],
    }, { label: title, description: subtitle });
    const undated = ot.undated.map((u) => `${homeLabel(u.group)} ${n(u.count)}`).join(ja ? '、' : ', ');
    out.push({
      id: 'agreements-over-time', title, subtitle, svg,
      columns: [W.year, W.home, W.newN, W.cumulative], formats: ['year'],
      rows: data.filter((r) => r.count > 0).map((r) => [r.year, homeLabel(r.group), r.count, r.cumulative]),
      notes: [
        { kind: 'caveat', text: W.listsEnd(shownEnds.map((e) => W.listAsOf(homeLabel(e.home), month(e))).join(ja ? '、' : '; ')) },
        ...thinNotes(data, shownEnds),
        { kind: 'caveat', text: ja ? `締結年の記載がない協定: ${undated}` : `Agreements without a year: ${undated}` },
      ],
      tableFoot: shownEnds.map((e) => `${homeLabel(e.home)}: ${W.noDataAfter(month(e))}`).join(' '),
      legend: byHome.legend(),
      sources: ot.rows.flatMap((r) => r.sources),
    });
  }
  // --- new agreements per year, by region and by level ------------------------------------------------
  for (const by of ['region', 'level'] as const) {
    const ot = agreementsOverTime(agreements, countries, { by });
    const data = ot.rows.filter((r) => r.count > 0);
    const LEVEL: Record<string, { ja: string; en: string }> = { university: { ja: '全学協定', en: 'University-wide' }, department: { ja: '部局間協定', en: 'Department-level' }, cic: { ja: 'CiC', en: 'CiC' }, strategic: { ja: '戦略的', en: 'Strategic' } };
    const groupName = (g: string) => (by === 'level' ? (LEVEL[g]?.[locale] ?? g) : g === 'multiple' ? (ja ? '複数地域' : 'several regions') : regionName(g));
    const groups = [...new Set(data.map((r) => r.group))];
    const scale = seriesColours(groups.map(groupName));
    const homesIn = [...new Set(data.flatMap((r) => r.sources.map((x) => agreementHome.get(x.id)!)))];
    const shownEnds = [...ends.values()].filter((e) => homesIn.includes(e.home)).sort((a, b) => b.asOf.localeCompare(a.asOf));
    const title = ja ? `新規協定の数（締結年別・${by === 'region' ? '地域別' : '種類別'}）` : `New agreements per year, by ${by === 'region' ? 'region' : 'level'}`;
    const srcs = [...new Set(data.flatMap((r) => r.sources.map((x) => x.id)))];
    const subtitle = ja ? `各大学の一覧に載っている協定の締結年（${srcs.join('、')}）` : `Year signed of the agreements in the universities’ lists (${srcs.join(', ')})`;
    const svg = renderPlot({
      width: 760, height: 300, marginTop: 24 + 13 * shownEnds.length, x: { label: W.year, tickFormat: 'd' }, y: { label: W.newN, grid: true },
      color: scale.color,
      marks: [Plot.rectY(data, { x: 'year', interval: 1, y: 'count', fill: (r: { group: string }) => groupName(r.group), ariaLabel: (r: { group: string }) => groupName(r.group), title: (r: { group: string; year: number; count: number }) => `${groupName(r.group)} ${r.year}: ${r.count}` }), Plot.ruleY([0]),
        ...listEndMarks(shownEnds, (e) => W.listAsOf(homeLabel(e.home), month(e)), 0)],
    }, { label: title, description: subtitle });
    out.push({ id: `agreements-per-year-${by}`, title, subtitle, svg, columns: [W.year, by === 'region' ? W.region : W.category, W.newN, W.cumulative], formats: ['year'], rows: data.map((r) => [r.year, groupName(r.group), r.count, r.cumulative]),
      notes: [{ kind: 'caveat', text: W.listsEnd(shownEnds.map((e) => W.listAsOf(homeLabel(e.home), month(e))).join(ja ? '、' : '; ')) }],
      tableFoot: shownEnds.map((e) => `${homeLabel(e.home)}: ${W.noDataAfter(month(e))}`).join(' '),
      legend: scale.legend(), sources: data.flatMap((r) => r.sources) });
  }

  // --- degree programmes, conferences, visits --------------------------------------------------------
  {
    const dp = degreeProgrammesByStartYear(table<DegreeProgramme>('degree-programmes'));
    const rows = dp.rows.filter((r) => r.count > 0);
    const kind = (k: string) => (k === 'double' ? (ja ? 'ダブル・ディグリー' : 'Double degree') : k === 'joint' ? (ja ? 'ジョイント・ディグリー' : 'Joint degree') : k);
    const refs = rows.flatMap((r) => r.sources);
    const kinds = seriesColours(['double', 'joint'].map(kind));
    const title = ja ? '学位プログラムの開始年度' : 'Degree programmes by year started';
    const subtitle = ja ? `${home}のダブル・ディグリー／ジョイント・ディグリー（資料が示す最も早い開始年度）。${cite(refs)}` : `${home}’s double and joint degree programmes (the earliest start year the document gives). ${cite(refs)}`;
    const svg = renderPlot({
      width: 760, height: 240, x: { label: W.year, tickFormat: 'd', type: 'band' }, y: { label: ja ? 'プログラム数' : 'Programmes', grid: true },
      color: kinds.color,
      marks: [Plot.barY(rows, { x: 'year', y: 'count', fill: (r: { group: string }) => kind(r.group), ariaLabel: (r: { group: string }) => kind(r.group), title: (r: { group: string; year: number; count: number }) => `${kind(r.group)} ${r.year}: ${r.count}` }), Plot.ruleY([0])],
    }, { label: title, description: subtitle });
    out.push({ id: 'degree-programmes-start', title, subtitle, svg, columns: [W.year, W.category, ja ? 'プログラム数' : 'Programmes'], formats: ['year'], rows: rows.map((r) => [r.year, kind(r.group), r.count]),
      notes: [], legend: kinds.legend(), sources: refs });
  }
  {
    const cs = conferencesSummary(table<Conference>('conferences'), { fiscalYear: fy });
    if (cs.byMonth.length) {
      const refs = cs.byMonth.flatMap((r) => r.sources);
      const title = ja ? '国際会議の開催（月別）' : 'International conferences held, by month';
      const subtitle = ja ? `${W.fy(fy)}、${home}が開催した国際会議の数（開始月）。${cite(refs)}` : `${W.fy(fy)}, international conferences hosted by the ${home}, by month they began. ${cite(refs)}`;
      const svg = renderPlot({
        width: 760, height: 240, x: { label: null, type: 'band', tickFormat: (m: string) => formatMonth(locale, m) }, y: { label: ja ? '件数' : 'Conferences', grid: true },
        marks: [Plot.barY(cs.byMonth, { x: 'month', y: 'count', fill: OKABE_ITO[4], title: (r: { month: string; count: number; participants: number }) => `${formatMonth(locale, r.month)}: ${n(r.count)} (${ja ? '参加者' : 'participants'} ${n(r.participants)})` }), Plot.ruleY([0])],
      }, { label: title, description: subtitle });
      out.push({ id: 'conferences-by-month', title, subtitle, svg, columns: [ja ? '月' : 'Month', ja ? '件数' : 'Conferences', ja ? '参加者' : 'Participants', ja ? 'うち外国人' : 'Of them foreign'], formats: ['month'],
        rows: cs.byMonth.map((r) => [r.month, r.count, r.participants, r.foreignParticipants]),
        notes: [{ kind: 'caveat', text: ja ? `形式別: ${cs.byFormat.map((f) => `${f.format} ${f.count}件`).join('、')}。参加者数は資料の記載のまま（1件の大規模なシンポジウムが大半を占め、外国人参加者が参加者を上回る行もあります）。` : `By format: ${cs.byFormat.map((f) => `${f.formatEn ?? f.format} ${f.count}`).join(', ')}. Participants as printed (one large symposium outweighs the rest, and a few rows state more foreign participants than participants).` }],
        sources: refs });
    }
  }
  {
    const vm = visitsByMonth(table<Visit>('visits'), { fiscalYear: fy });
    if (vm.length) {
      const refs = vm.flatMap((r) => r.sources);
      const title = ja ? '外国からの公式訪問（月別）' : 'Official visits received, by month';
      const subtitle = ja ? `${W.fy(fy)}、${home}が受けた公式訪問の件数。${cite(refs)}` : `${W.fy(fy)}, official visits to the ${home}. ${cite(refs)}`;
      const svg = renderPlot({
        width: 760, height: 240, x: { label: null, type: 'band', tickFormat: (m: string) => formatMonth(locale, m) }, y: { label: ja ? '件数' : 'Visits', grid: true },
        marks: [Plot.barY(vm, { x: 'month', y: 'count', fill: OKABE_ITO[5], title: (r: { month: string; count: number; persons: number }) => `${formatMonth(locale, r.month)}: ${n(r.count)} (${ja ? '人数' : 'persons'} ${n(r.persons)})` }), Plot.ruleY([0])],
      }, { label: title, description: subtitle });
      out.push({ id: 'visits-by-month', title, subtitle, svg, columns: [ja ? '月' : 'Month', ja ? '件数' : 'Visits', ja ? '人数' : 'Persons'], formats: ['month'], rows: vm.map((r) => [r.month, r.count, r.persons]), notes: [], sources: refs });
    }
  }
  return out;
}

/** A chart's rows as CSV (its columns as the header). */
export function chartCsv(c: ChartDef): string {
  return rowsToCsv(c.columns, c.rows);
}

/** A chart's CSV as a data: URL, for a page that shows one chart and serves no CSV file of it. */
export function chartCsvDataUrl(c: ChartDef): string {
  return csvDataUrl(chartCsv(c));
}

/** "line" or "lines", for an English subtitle citing these refs. */
const linesWord = (refs: readonly Ref[]) => (lines(refs).length === 1 ? 'line' : 'lines');

/**
 * The small bar chart of a country's or a unit's page: one bar per population and direction, its
 * value written beside it; whole people on the axis, however small the counts.
 */
function flowBars(rows: readonly { label: string; value: number }[], title: string, subtitle: string, locale: Locale): string {
  const n = (x: number) => formatNumber(locale, x);
  const data = rows.map((r) => ({ ...r, tip: `${r.label}: ${n(r.value)}` }));
  const max = Math.max(0, ...data.map((d) => d.value));
  return renderPlot({
    width: 640, height: 26 * data.length + 50, marginLeft: locale === 'ja' ? 110 : 130,
    x: { label: WORDS[locale].count, grid: true, ticks: Math.max(1, Math.min(10, max)), tickFormat: (v: number) => (Number.isInteger(v) ? n(v) : '') },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'value', y: 'label', fill: OKABE_ITO[0], title: 'tip' }),
      Plot.text(data, { x: 'value', y: 'label', text: (d: { value: number }) => n(d.value), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.ruleX([0]),
    ],
  }, { label: title, description: subtitle });
}

/**
 * One country's exchange flows for its page: students and staff, inbound and outbound, from the
 * tables by country of the latest fiscal year; undefined when no table names the country.
 */
export function countryFlowsChart(code: string, locale: Locale): ChartDef | undefined {
  const W = WORDS[locale];
  const ja = locale === 'ja';
  const flows = table<Flow>('flows');
  const countries = table<Country>('countries');
  const years = fiscalYears(flows);
  if (years.length === 0) return undefined;
  const fy = years[years.length - 1]!;
  const rows: { label: string; value: number; sources: Ref[] }[] = [];
  for (const population of ['student', 'staff'] as Population[]) {
    for (const direction of ['inbound', 'outbound'] as Direction[]) {
      const r = flowsByGroup(flows, countries, { population, direction, fiscalYear: fy, by: 'country' }).find((x) => x.country === code);
      if (r) rows.push({ label: flowLabel(locale, population, direction), value: r.value, sources: r.sources });
    }
  }
  if (rows.length === 0) return undefined;
  const refs = rows.flatMap((r) => r.sources);
  const source = refs[0]?.id ?? '';
  const home = homeName(flows.find((f) => f.fiscalYear === fy)?.home, locale);
  const name = countries.find((c) => c.code === code)?.name[locale] ?? code;
  const title = ja ? `${name}との交流（${home}、${W.fy(fy)}）` : `Exchange with ${name} (${home}, ${W.fy(fy)})`;
  const subtitle = ja ? `国・地域別の表の${name}の行。出典 ${source} ${lineRanges(refs, locale)}行目` : `The ${name} rows of the tables by country. Source: ${source} ${linesWord(refs)} ${lineRanges(refs, locale)}`;
  const svg = flowBars(rows, title, subtitle, locale);
  return { id: `country-${code.toLowerCase()}-flows`, title, subtitle, svg, columns: [W.category, W.count], rows: rows.map((r) => [r.label, r.value]), notes: [], sources: refs };
}


/** Line numbers as ranges: "31–32, 315–316, 318" (ja: "31–32・315–316・318"). */
export function lineRanges(refs: readonly Ref[], locale: Locale): string {
  return lineRuns(refs).map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(locale === 'ja' ? '・' : ', ');
}

const FLOW_LABEL = {
  ja: (p: Population, d: Direction) => `${WORDS.ja[p]}・${WORDS.ja[d]}`,
  en: (p: Population, d: Direction) => `${p === 'student' ? 'Students' : 'Staff'} ${WORDS.en[d]}`,
} as const;

/** A population and direction in words: 学生・受入 / Students inbound. */
export const flowLabel = (locale: Locale, population: Population, direction: Direction): string => FLOW_LABEL[locale](population, direction);

/**
 * One organisational unit's exchange flows for its page: students and staff, inbound and outbound,
 * of the unit and every unit under it (stats.ts `unitFlows`), from the tables by unit of the latest
 * fiscal year; undefined when no table counts the unit or anything under it.
 */
export function unitFlowsChart(unitId: string, locale: Locale): { chart: ChartDef; summary: UnitFlowSummary } | undefined {
  const W = WORDS[locale];
  const ja = locale === 'ja';
  const flows = table<Flow>('flows');
  const units = table<Unit>('units');
  const years = fiscalYears(flows.filter((f) => f.unit !== undefined));
  const fy = years.at(-1);
  if (fy === undefined) return undefined;
  const summary = unitFlows(flows, units, unitId, fy);
  if (!summary) return undefined;
  const unit = units.find((u) => u.id === unitId);
  const uname = (id: string, fallback?: { ja: string; en?: string }) => {
    const x = units.find((u) => u.id === id)?.name ?? fallback;
    return (ja ? x?.ja : x?.en ?? x?.ja) ?? id;
  };
  const name = uname(unitId);
  const apartValues = (x: UnitFlowSummary['countedHere'][number]) => x.cells.map((r) => `${flowLabel(locale, r.population, r.direction)} ${formatNumber(locale, r.value)}`).join(ja ? '、' : ', ');
  const refs = summary.totals.flatMap((r) => r.sources);
  const source = refs[0]?.id ?? '';
  const home = homeName(unit?.home, locale);
  const asOf = summary.totals.find((r) => r.asOf)?.asOf;
  const hasChildren = summary.children.length > 0;
  const oneLine = lines(refs).length === 1;
  const rows = summary.totals.map((r) => ({ label: flowLabel(locale, r.population, r.direction), value: r.value, sources: r.sources }));
  const title = ja ? `${name}の交流（${home}、${W.fy(fy)}）` : `Exchange of the ${name} (${home}, ${W.fy(fy)})`;
  const what = ja
    ? `組織別の表の${hasChildren ? `${name}とその下の組織の行の合計` : oneLine ? `${name}の行` : `${name}の行（${lines(refs).length}行）の合計`}${asOf ? `（留学生は${formatDate(locale, asOf)}現在の人数）` : ''}`
    : `${hasChildren ? `The rows of the ${name} and every unit under it, summed,` : oneLine ? `The ${name} row` : `The ${lines(refs).length} rows of the ${name}, summed,`} in the tables by unit${asOf ? ` (international students: head count on ${formatDate(locale, asOf)})` : ''}`;
  const subtitle = ja ? `${what}。出典 ${source} ${lineRanges(refs, locale)}行目` : `${what}. Source: ${source} ${linesWord(refs)} ${lineRanges(refs, locale)}`;
  // A unit printed with rows of its own as well as sub-units: say so, whatever its own counts are.
  const ownRefs = hasChildren ? summary.totals.flatMap((r) => r.ownSources) : [];
  const notes = [
    ...(ownRefs.length ? [{ kind: 'caveat' as const, text: ja
      ? `${name}自身も表に行があり（${lineRanges(ownRefs, locale)}行目）、その人数も下の組織の人数とともに合計しています。`
      : `The ${name} also has rows of its own (${linesWord(ownRefs)} ${lineRanges(ownRefs, locale)}); they are added to the units under it.` }] : []),
    ...summary.countedElsewhere.map((x) => {
      const refsX = x.cells.flatMap((r) => r.sources);
      const nameX = uname(x.id, x.name);
      const group = uname(x.countedIn);
      return x.id === unitId
        ? { kind: 'caveat' as const, text: ja
          ? `資料はこの組織の行（${lineRanges(refsX, locale)}行目）を${group}の小計に数えています。ここでは${uname(unit?.parent ?? '')}の下に置いています。`
          : `The document counts this unit’s ${linesWord(refsX) === 'line' ? 'row' : 'rows'} (${linesWord(refsX)} ${lineRanges(refsX, locale)}) in the ${group} subtotal; here it sits under the ${uname(unit?.parent ?? '')}.` }
        : { kind: 'caveat' as const, text: ja
          ? `この合計には${nameX}（${lineRanges(refsX, locale)}行目: ${apartValues(x)}）を含みます。資料はこの行を${group}の小計に数えているため、資料の小計とは異なります。`
          : `These figures include the ${nameX} (${linesWord(refsX)} ${lineRanges(refsX, locale)}: ${apartValues(x)}), which the document counts in the ${group} subtotal, so they differ from the document’s subtotals.` };
    }),
    ...summary.countedHere.map((x) => {
      const refsX = x.cells.flatMap((r) => r.sources);
      const parentX = uname(units.find((u) => u.id === x.id)?.parent ?? '');
      return { kind: 'caveat' as const, text: ja
        ? `資料の${name}の小計には${uname(x.id, x.name)}（${lineRanges(refsX, locale)}行目: ${apartValues(x)}）も含まれますが、ここでは${parentX}の下に置いているため、この合計には含みません。`
        : `The document’s subtotal for the ${name} also counts the ${uname(x.id, x.name)} (${linesWord(refsX)} ${lineRanges(refsX, locale)}: ${apartValues(x)}), which sits under the ${parentX} here and is not in these figures.` };
    }),
    ...[...new Map(summary.totals.flatMap((r) => dataNotes(report(), r.sources, r.direction, locale)).map((x) => [x.text, x])).values()],
    ...(years.length === 1 ? [{ kind: 'caveat' as const, text: W.oneYear(W.fy(fy)), page: true as const }] : []),
  ];
  const svg = flowBars(rows, title, subtitle, locale);
  // English pages name a unit with no English name in Japanese: mark those words.
  const foreign = ja ? [] : [...new Set([unitId, unit?.parent ?? '', ...summary.countedElsewhere.map((x) => x.countedIn), ...summary.countedHere.map((x) => x.id)])]
    .map((id) => units.find((u) => u.id === id)).filter((u): u is Unit => u !== undefined && !u.name.en).map((u) => ({ text: u.name.ja, lang: 'ja' }));
  const chart: ChartDef = { id: `unit-flows`, title, subtitle, svg, columns: [W.category, W.count], rows: rows.map((r) => [r.label, r.value]), notes, sources: refs, ...(foreign.length ? { foreign } : {}) };
  return { chart, summary };
}

/**
 * A home university's charts for its page: its people received and sent (the totals of its tables
 * by unit, the latest fiscal year; only where its documents have such tables), and its agreements
 * by year signed (new and cumulative; undated agreements counted in a note).
 */
export function homeCharts(homeId: string, locale: Locale): ChartDef[] {
  const W = WORDS[locale];
  const ja = locale === 'ja';
  const out: ChartDef[] = [];
  const home = homeName(homeId, locale);
  const n = (x: number) => formatNumber(locale, x);

  const flows = table<Flow>('flows').filter((f) => f.home === homeId);
  const fy = fiscalYears(flows.filter((f) => f.unit !== undefined)).at(-1);
  if (fy !== undefined) {
    const rows: { label: string; value: number; sources: Ref[]; direction: Direction }[] = [];
    for (const population of POPULATIONS) {
      for (const direction of DIRECTIONS) {
        const cells = tableCells(flows, { population, direction, fiscalYear: fy, home: homeId, table: 'unit' });
        if (cells.length) rows.push({ label: flowLabel(locale, population, direction), value: cells.reduce((a, f) => a + f.count, 0), sources: refsOf(cells), direction });
      }
    }
    const refs = rows.flatMap((r) => r.sources);
    const asOf = flows.find((f) => f.fiscalYear === fy && f.unit !== undefined && f.asOf)?.asOf;
    const title = ja ? `${home}の交流の人数（${W.fy(fy)}）` : `People received and sent abroad, ${home} (${W.fy(fy)})`;
    const subtitle = ja
      ? `組織別の表の全組織の合計${asOf ? `（留学生は${formatDate(locale, asOf)}現在の人数）` : ''}。出典 ${refs[0]?.id ?? ''} ${lineRanges(refs, locale)}行目`
      : `The tables by unit, every unit summed${asOf ? ` (international students: head count on ${formatDate(locale, asOf)})` : ''}. Source: ${refs[0]?.id ?? ''} ${linesWord(refs)} ${lineRanges(refs, locale)}`;
    // Each sum against the document's own 合計 row, where it states one.
    const totals = rows.map((r) => ({ r, c: statedTotal(report(), r.sources, r.value) }));
    const agree = totals.filter((x) => x.c !== undefined);
    const notes: ChartNote[] = [
      ...agree.map(({ r, c }) => ({
        kind: 'confirm' as const,
        text: ja ? `${r.label} ${n(r.value)} は資料自身の合計と一致します:` : `${r.label}: ${n(r.value)}, equal to the document’s own total on`,
        href: sourceHref(locale, { id: c!.source, line: c!.line }),
        linkText: ja ? `${c!.line}行目` : `line ${c!.line}`,
      })),
      ...[...new Map(rows.flatMap((r) => dataNotes(report(), r.sources, r.direction, locale)).map((x) => [x.text, x])).values()],
      ...(fiscalYears(table<Flow>('flows')).length === 1 ? [{ kind: 'caveat' as const, text: W.oneYear(W.fy(fy)), page: true as const }] : []),
    ];
    out.push({ id: `home-flows`, title, subtitle, svg: flowBars(rows, title, subtitle, locale), columns: [W.category, W.count], rows: rows.map((r) => [r.label, r.value]), notes, sources: refs });
  }

  const agreements = table<Agreement>('agreements').filter((a) => a.home === homeId);
  const end = listEnds(agreements, table<{ id: string; asOf: string }>('sources')).get(homeId);
  // the series runs to the year of the list's as-of date and stops there: after it, no data (not zeros)
  const ot = agreementsOverTime(agreements, table<Country>('countries'), { by: 'all', until: () => end?.year });
  if (ot.rows.length > 0) {
    const undated = ot.undated.reduce((a, u) => a + u.count, 0);
    const dated = ot.rows.reduce((a, r) => a + r.count, 0);
    const src = table<{ id: string; asOf: string; home?: string }>('sources').filter((s) => ot.rows.some((r) => r.sources.some((x) => x.id === s.id)));
    const srcText = ja ? src.map((s) => `${s.id}（${formatDate(locale, s.asOf)}現在）`).join('、') : src.map((s) => `${s.id} (as of ${formatDate(locale, s.asOf)})`).join(', ');
    const notes: ChartNote[] = [
      { kind: 'confirm', text: ja ? `締結年の分かる協定 ${n(dated)} 件を数えています。` : `Counts the ${n(dated)} agreements with a year signed.` },
      ...(end ? [thinTail(ot.rows, end.year)].filter((t) => t !== undefined).map((t) => ({ kind: 'caveat' as const, text: W.thin(home, t, formatMonth(locale, end.asOf.slice(0, 7))), page: true as const })) : []),
      ...(undated ? [{ kind: 'caveat' as const, text: ja ? `締結年の記載がない協定 ${n(undated)} 件はこのグラフに含みません。` : `${n(undated)} agreements without a year signed are not in this chart.` }] : []),
    ];
    const data = ot.rows;
    const sources = data.flatMap((r) => r.sources);
    const endMarks = (offset: number) => (end ? listEndMarks([end], (e) => W.listAsOf(home, formatMonth(locale, e.asOf.slice(0, 7))), offset) : []);
    const tableFoot = end ? { tableFoot: W.noDataAfter(formatMonth(locale, end.asOf.slice(0, 7))) } : {};
    const tip = (r: { year: number; count: number; cumulative: number }) => ja ? `${r.year}年: 新規 ${n(r.count)}、累計 ${n(r.cumulative)}` : `${r.year}: ${n(r.count)} new, ${n(r.cumulative)} in all`;
    {
      const title = ja ? `${home}の新規協定（締結年別）` : `New agreements of ${home} per year signed`;
      const subtitle = ja ? `${srcText}に載っている協定を締結年で数えたもの` : `The agreements listed in ${srcText}, counted by year signed`;
      const svg = renderPlot({
        width: 760, height: 240, marginTop: 38,
        x: { label: W.year, tickFormat: 'd', type: 'linear' }, y: { label: W.newN, grid: true },
        marks: [
          Plot.rectY(data, { x1: (r: { year: number }) => r.year - 0.4, x2: (r: { year: number }) => r.year + 0.4, y: 'count', fill: OKABE_ITO[0], title: tip }),
          Plot.ruleY([0]),
          ...endMarks(-0.5),
        ],
      }, { label: title, description: subtitle });
      out.push({ id: 'home-agreements-new', title, subtitle, svg, columns: [W.year, W.newN], formats: ['year'], rows: data.map((r) => [r.year, r.count]), notes, sources, ...tableFoot });
    }
    {
      const title = ja ? `${home}の協定の累計（締結年別）` : `Agreements of ${home} over time, cumulative`;
      const subtitle = ja
        ? `${srcText}に載っている協定の、締結年までの累計（過去に存在した協定の数ではありません）`
        : `The agreements listed in ${srcText}, summed up to each year signed — not how many existed at the time`;
      const svg = renderPlot({
        width: 760, height: 240, marginTop: 38,
        x: { label: W.year, tickFormat: 'd', type: 'linear' }, y: { label: W.cumulative, grid: true },
        marks: [
          Plot.lineY(data, { x: 'year', y: 'cumulative', stroke: OKABE_ITO[1], strokeWidth: 2 }),
          Plot.dot(data.filter((r) => r.count > 0), { x: 'year', y: 'cumulative', fill: OKABE_ITO[1], r: 2.5, title: tip }),
          Plot.ruleY([0]),
          ...endMarks(-0.5),
        ],
      }, { label: title, description: subtitle });
      out.push({ id: 'home-agreements-cumulative', title, subtitle, svg, columns: [W.year, W.cumulative], formats: ['year'], rows: data.map((r) => [r.year, r.cumulative]), notes, sources, ...tableFoot });
    }
  }
  return out;
}
