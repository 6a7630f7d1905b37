/**
 * The pipeline command: `npm run data -- [--manifest FILE] [--out DIR]`
 * (defaults data/raw/sources.json and data/build). Prints one summary line per source and every
 * error with file, line and raw text. Writes every output and the report even when there are
 * errors, and exits non-zero when any line is unexplained or any check has status `error`.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runPipeline } from './pipeline/index.ts';
import { writeOutputs } from './lib/output.ts';
import { ManifestError } from './lib/manifest.ts';
import type { Problem } from './lib/context.ts';

process.env.TZ = 'Asia/Tokyo';

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return `${p.severity}: ${where}: ${p.message}${p.raw ? `\n    | ${p.raw.replace(/\t/g, ' ⇥ ')}` : ''}`;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      manifest: { type: 'string', default: 'data/raw/sources.json' },
      out: { type: 'string', default: 'data/build' },
      quiet: { type: 'boolean', default: false },
      warnings: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const started = performance.now();
  let result;
  try {
    result = runPipeline(resolve(values.manifest!));
  } catch (e) {
    if (e instanceof ManifestError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  writeOutputs(resolve(values.out!), result);
  const v = result.validation;
  for (const s of result.summaries) console.log(s);
  for (const p of v.errors) console.error(formatProblem(p));
  if (values.warnings) for (const p of v.warnings) console.error(formatProblem(p));
  const recs = Object.entries(v.summary.records).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${result.ok ? 'ok' : 'FAILED'}: ${recs}; checks ${v.summary.checks.ok} ok, ${v.summary.checks.erratum} erratum, ${v.summary.checks.error} error; ${v.summary.errors} error(s), ${v.summary.warnings} warning(s) → ${values.out} (${Math.round(performance.now() - started)} ms)`);
  return result.ok ? 0 : 1;
}

process.exitCode = main();
