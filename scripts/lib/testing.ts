/** Test helpers: a SourceContext over a real document of the manifest, or over a slice of one. */
import { fileURLToPath } from 'node:url';
import { readManifest, type SourceMeta } from './manifest.ts';
import { SourceContext } from './context.ts';
import { splitLines } from './text.ts';

export const MANIFEST = fileURLToPath(new URL('../../data/raw/sources.json', import.meta.url));

let sources: SourceMeta[] | undefined;
export function sourceMeta(id: string): SourceMeta {
  sources ??= readManifest(MANIFEST);
  const s = sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source "${id}" in ${MANIFEST}`);
  return s;
}

/** Context over the whole document `id` of the project's manifest. */
export function contextFor(id: string): SourceContext {
  const meta = sourceMeta(id);
  return new SourceContext(meta, splitLines(meta.text));
}

/**
 * Context over lines [from, to] of document `id`, every other line blanked, so line numbers stay
 * those of the real document: golden tests on slices say exactly which lines they cover.
 */
export function sliceContext(id: string, from: number, to: number): SourceContext {
  const meta = sourceMeta(id);
  const lines = splitLines(meta.text).map((l, i) => (i + 1 >= from && i + 1 <= to ? l : ''));
  return new SourceContext(meta, lines);
}
