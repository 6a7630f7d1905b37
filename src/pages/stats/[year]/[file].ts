/** The plotted rows of each chart of /stats/<year>/ as CSV, when the data has several years. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCharts, statsYears, chartCsv } from '../../../lib/stats-charts.ts';

export const getStaticPaths: GetStaticPaths = () => {
  const years = statsYears();
  return years.length > 1 ? years.flatMap((y) => statsCharts('ja', y).map((c) => ({ params: { year: String(y), file: `${c.id}.csv` }, props: { csv: chartCsv(c) } }))) : [];
};

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
