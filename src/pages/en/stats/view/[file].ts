/** The rows of each view of the statistics as CSV: /stats/view/<id>.csv (src/lib/stats-views.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { statsView, viewKeys, viewId } from '../../../../lib/stats-views.ts';
import { chartCsv } from '../../../../lib/stats-charts.ts';

export const getStaticPaths: GetStaticPaths = () => viewKeys().map((k) => ({ params: { file: `${viewId(k)}.csv` }, props: { csv: chartCsv(statsView(k, 'en').chart) } }));

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
