/**
 * The spreadsheet variant of every CSV the site publishes: the same bytes with a UTF-8 byte-order
 * mark in front, at `<name>.excel.csv` beside `<name>.csv` (/data/agreements.excel.csv,
 * /data/compare/overlap.excel.csv, /stats/<chart>.excel.csv, …). Excel (Windows, Japanese Windows in
 * particular) reads a CSV without a BOM in the system's legacy code page (Shift_JIS: mojibake) and
 * one with a BOM as UTF-8. The plain CSV stays as it is, for programs (a BOM is one more thing a
 * parser must strip). Line endings stay "\n": Excel reads them, and the two files then differ by
 * the BOM alone. Shared by the routes, the chart and the dataset page, so the rule lives only here.
 */

/** U+FEFF as UTF-8. */
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** `x.csv` → `x.excel.csv` (a path, a URL path or a file name). */
export function excelCsvPath(csvPath: string): string {
  if (!csvPath.endsWith('.csv')) throw new Error(`excelCsvPath: ${csvPath} is no .csv`);
  if (csvPath.endsWith('.excel.csv')) throw new Error(`excelCsvPath: ${csvPath} is an Excel variant already`);
  return `${csvPath.slice(0, -'.csv'.length)}.excel.csv`;
}

/** `x.excel.csv` → `x.csv`: the plain CSV an Excel variant is made from. */
export function plainCsvPath(excelPath: string): string {
  if (!isExcelCsv(excelPath)) throw new Error(`plainCsvPath: ${excelPath} is no .excel.csv`);
  return `${excelPath.slice(0, -'.excel.csv'.length)}.csv`;
}

/** Whether a file name or path is the Excel variant of a CSV. */
export const isExcelCsv = (path: string): boolean => path.endsWith('.excel.csv');

/** The Excel variant's bytes: the BOM, then the CSV's bytes unchanged. A CSV that has a BOM already is an error. */
export function excelCsv(csv: string | Uint8Array): Uint8Array {
  const bytes = typeof csv === 'string' ? new TextEncoder().encode(csv) : csv;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw new Error('excelCsv: the CSV has a byte-order mark already (the plain CSVs must have none)');
  const out = new Uint8Array(UTF8_BOM.length + bytes.length);
  out.set(UTF8_BOM, 0);
  out.set(bytes, UTF8_BOM.length);
  return out;
}

const DATA_CSV = 'data:text/csv;charset=utf-8,';

/** A CSV as a data: URL (for a page that shows a chart but serves no CSV file of it). */
export function csvDataUrl(csv: string): string {
  return `${DATA_CSV}${encodeURIComponent(csv)}`;
}

/**
 * Where the Excel variant of a CSV link points: `<name>.excel.csv` beside a served file, or the same
 * data: URL with the BOM (%EF%BB%BF) in front of the text.
 */
export function excelHref(csvHref: string): string {
  if (csvHref.startsWith(DATA_CSV)) return `${DATA_CSV}%EF%BB%BF${csvHref.slice(DATA_CSV.length)}`;
  if (csvHref.startsWith('data:')) throw new Error(`excelHref: a data: URL not of the form ${DATA_CSV}`);
  const [path, rest = ''] = csvHref.split(/(?=[?#])/, 2) as [string, string?];
  return excelCsvPath(path) + rest;
}

/** Response headers of a CSV of either kind. */
export const CSV_HEADERS = { 'Content-Type': 'text/csv; charset=utf-8' } as const;

/** A CSV file and its Excel variant, as the two files a route serves. */
export function csvAndExcel(file: string, csv: string): { file: string; body: string | Uint8Array }[] {
  return [{ file, body: csv }, { file: excelCsvPath(file), body: excelCsv(csv) }];
}
