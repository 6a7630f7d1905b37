/** The comparisons as CSV: /data/compare/overlap.csv, countries.csv, <a>-<b>-shared.csv, <a>-<b>-countries.csv (src/lib/compare-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { compareCsvFiles } from '../../../lib/compare-data.ts';

export const getStaticPaths: GetStaticPaths = () => compareCsvFiles().map((f) => ({ params: { file: f.file }, props: { csv: f.csv() } }));

export const GET: APIRoute = ({ props }) => new Response((props as { csv: string }).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
