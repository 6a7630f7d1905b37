/**
 * Web Worker of the partner directory: fuzzy matches (src/lib/fuzzy.ts) off the main thread.
 * Messages in: { type: 'init', json } (the search index as text), { type: 'search', q } (a
 * normalised query). Out: { type: 'results', q, results }.
 */
import { createFuzzy } from '../lib/fuzzy.ts';
import type { Fuzzy, IndexPayload } from '../lib/directory-filter.ts';

let fuzzy: Fuzzy | undefined;
self.onmessage = (e: MessageEvent<{ type: 'init'; json: string } | { type: 'search'; q: string }>) => {
  const m = e.data;
  if (m.type === 'init') fuzzy = createFuzzy(JSON.parse(m.json) as IndexPayload);
  else if (m.type === 'search') self.postMessage({ type: 'results', q: m.q, results: fuzzy ? fuzzy(m.q) : [] });
};
