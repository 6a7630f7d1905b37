/** The plotted rows of each chart of /en/stats/ as CSV (English headers), and each for Excel (src/lib/excel-csv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCharts, chartCsv } from '../../../lib/stats-charts.ts';
import { csvAndExcel, CSV_HEADERS } from '../../../lib/excel-csv.ts';

export const getStaticPaths: GetStaticPaths = () => statsCharts('en').flatMap((c) => csvAndExcel(`${c.id}.csv`, chartCsv(c))).map(({ file, body }) => ({ params: { file }, props: { body } }));

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit, { headers: CSV_HEADERS });
