/** The plotted rows of each chart of /stats/ as CSV: /stats/<chart>.csv, and /stats/<chart>.excel.csv for Excel (src/lib/stats-charts.ts, src/lib/excel-csv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCharts, chartCsv } from '../../lib/stats-charts.ts';
import { csvAndExcel, CSV_HEADERS } from '../../lib/excel-csv.ts';

export const getStaticPaths: GetStaticPaths = () => statsCharts('ja').flatMap((c) => csvAndExcel(`${c.id}.csv`, chartCsv(c))).map(({ file, body }) => ({ params: { file }, props: { body } }));

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit, { headers: CSV_HEADERS });
