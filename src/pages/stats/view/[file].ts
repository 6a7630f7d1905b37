/** The rows of each view of the statistics as CSV: /stats/view/<id>.csv, and <id>.excel.csv for Excel (src/lib/stats-views.ts, src/lib/excel-csv.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsView, viewKeys, viewId } from '../../../lib/stats-views.ts';
import { chartCsv } from '../../../lib/stats-charts.ts';
import { csvAndExcel, CSV_HEADERS } from '../../../lib/excel-csv.ts';

export const getStaticPaths: GetStaticPaths = () => viewKeys().flatMap((k) => csvAndExcel(`${viewId(k)}.csv`, chartCsv(statsView(k, 'ja').chart))).map(({ file, body }) => ({ params: { file }, props: { body } }));

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit, { headers: CSV_HEADERS });
