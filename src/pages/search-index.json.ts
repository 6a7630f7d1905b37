/** The directory's search index (src/lib/search-index.ts), written to dist/search-index.json at build. */
import type { APIRoute } from 'astro';
import { searchIndex } from '../lib/search-index.ts';

export const GET: APIRoute = () =>
  new Response(searchIndex().json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
