/** Stage 1, parse: each source through the parser its manifest `kind` names; every line accounted for. */
import { SourceContext, type Problem } from '../lib/context.ts';
import { splitLines } from '../lib/text.ts';
import type { SourceMeta } from '../lib/manifest.ts';
import { PARSERS } from '../sources/registry.ts';
import type { ParseResult } from '../sources/types.ts';

export interface Parsed {
  meta: SourceMeta;
  ctx: SourceContext;
  result: ParseResult;
}

export function parseSources(sources: SourceMeta[]): { parsed: Parsed[]; contexts: SourceContext[]; errors: Problem[] } {
  const contexts: SourceContext[] = [];
  const parsed: Parsed[] = [];
  const errors: Problem[] = [];
  for (const meta of sources) {
    const ctx = new SourceContext(meta, splitLines(meta.text));
    contexts.push(ctx);
    const at = { severity: 'error' as const, source: meta.id, file: meta.file, line: 0, raw: '' };
    if (meta.expectedSha256 && meta.expectedSha256 !== meta.sha256) {
      errors.push({ ...at, message: `sha256 ${meta.sha256} differs from the manifest's ${meta.expectedSha256}: raw documents are never edited — add a new manifest entry for a new version` });
    }
    const parser = PARSERS[meta.kind];
    if (!parser) {
      errors.push({ ...at, message: `unknown kind "${meta.kind}" (known: ${Object.keys(PARSERS).sort().join(', ')})` });
      continue;
    }
    let result: ParseResult = {};
    try {
      result = parser(ctx);
    } catch (e) {
      errors.push({ ...at, message: `parser crashed: ${(e as Error).stack ?? e}` });
    }
    for (const n of ctx.unexplainedLines()) ctx.unaccounted(n);
    parsed.push({ meta, ctx, result });
  }
  return { parsed, contexts, errors };
}
