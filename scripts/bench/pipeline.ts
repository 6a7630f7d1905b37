/**
 * `npm run bench` (scripts/bench/index.ts), section "pipeline": the pipeline's speed and size as
 * figures (never as pass/fail tests).
 * Runs the real manifest and synthetic manifests that repeat every source k times (distinct ids,
 * same files), each in a fresh process, and prints wall time and peak RSS per run so growth can be
 * read off (it should be linear in input size). Targets: real sources < 1 s and < 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
function synthetic(k: number): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'data/raw/sources.json'), 'utf8')) as { id: string; file: string }[];
  const dir = mkdtempSync(join(tmpdir(), 'koryu-bench-'));
  const entries = Array.from({ length: k }, (_, i) =>
    manifest.map((m) => ({ ...m, id: k === 1 ? m.id : `${m.id}-x${i}`, file: join(ROOT, 'data/raw', m.file) })),
  ).flat();
  const path = join(dir, 'sources.json');
  writeFileSync(path, JSON.stringify(entries));
  return path;
}

const child = `
const t0 = performance.now();
const { runPipeline } = await import(${JSON.stringify(join(ROOT, 'scripts/pipeline/index.ts'))});
const { writeOutputs } = await import(${JSON.stringify(join(ROOT, 'scripts/lib/output.ts'))});
const t1 = performance.now();
const r = runPipeline(process.argv[1]);
const t2 = performance.now();
writeOutputs(process.argv[2], r);
const t3 = performance.now();
const lines = Object.values(r.validation.coverage).reduce((n, c) => n + c.lines, 0);
const records = Object.values(r.validation.summary.records).reduce((n, c) => n + c, 0);
console.log(JSON.stringify({ load: t1 - t0, parse: t2 - t1, write: t3 - t2, lines, records, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
`;

function once(manifestPath: string) {
  const out = mkdtempSync(join(tmpdir(), 'koryu-bench-out-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, manifestPath, out], { encoding: 'utf8', cwd: ROOT });
  const wall = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0 && !r.stdout.trim()) throw new Error(r.stderr);
  return { wall, ...JSON.parse(r.stdout.trim().split('\n').pop()!) } as { wall: number; load: number; parse: number; write: number; lines: number; records: number; maxRssMB: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the pipeline benchmark, printing its table through `print` as each scale finishes; returns every run. */
export function pipelineBench(print: (line: string) => void = console.log): { scale: number; runs: ReturnType<typeof once>[] }[] {
  const all: { scale: number; runs: ReturnType<typeof once>[] }[] = [];
  print('pipeline (each run in a fresh Node process; times in ms, median of runs)');
  print('scale    lines  records   parse+merge   write   process wall   peak RSS');
  for (const [k, runs] of [[1, 5], [10, 3], [50, 1]] as const) {
    const path = synthetic(k);
    const rs = Array.from({ length: runs }, () => once(path));
    rmSync(dirname(path), { recursive: true, force: true });
    all.push({ scale: k, runs: rs });
    const f = (x: number) => x.toFixed(0).padStart(8);
    print(`${String(k).padStart(3)}× ${String(rs[0]!.lines).padStart(8)} ${String(rs[0]!.records).padStart(8)} ${f(median(rs.map((r) => r.parse)))}      ${f(median(rs.map((r) => r.write)))} ${f(median(rs.map((r) => r.wall)))}       ${median(rs.map((r) => r.maxRssMB)).toFixed(0).padStart(5)} MB`);
  }
  print('targets: 1× under 1000 ms wall and under 300 MB; parse time growing linearly with scale');
  return all;
}
