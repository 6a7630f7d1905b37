/** The plotted rows of each chart of /stats/<year>/ as CSV, and each for Excel, when the data has several years. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCharts, statsYears, chartCsv } from '../../../lib/stats-charts.ts';
import { csvAndExcel, CSV_HEADERS } from '../../../lib/excel-csv.ts';

export const getStaticPaths: GetStaticPaths = () => {
  const years = statsYears();
  return years.length > 1 ? years.flatMap((y) => statsCharts('ja', y).flatMap((c) => csvAndExcel(`${c.id}.csv`, chartCsv(c))).map(({ file, body }) => ({ params: { year: String(y), file }, props: { body } }))) : [];
};

export const GET: APIRoute = ({ props }) => new Response((props as { body: string | Uint8Array }).body as BodyInit, { headers: CSV_HEADERS });
