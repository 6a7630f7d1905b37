/**
 * The comparisons as CSV: /data/compare/overlap.csv, countries.csv, <a>-<b>-shared.csv,
 * <a>-<b>-countries.csv (src/lib/compare-data.ts), and each as <name>.excel.csv for Excel (src/lib/excel-csv.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { compareCsvFiles } from '../../../lib/compare-data.ts';
import { csvAndExcel, CSV_HEADERS } from '../../../lib/excel-csv.ts';

export const getStaticPaths: GetStaticPaths = () => compareCsvFiles().flatMap((f) => csvAndExcel(f.file, f.csv())).map(({ file, body }) => ({ params: { file }, props: { body } }));

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit, { headers: CSV_HEADERS });
