/** The plotted rows of each chart of /stats/ as CSV: /stats/<chart>.csv (src/lib/stats-charts.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsCharts, chartCsv } from '../../lib/stats-charts.ts';

export const getStaticPaths: GetStaticPaths = () => statsCharts('ja').map((c) => ({ params: { file: `${c.id}.csv` }, props: { csv: chartCsv(c) } }));

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
