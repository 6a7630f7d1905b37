/**
 * For tests of "a new document needs no code change": the dataset built from the real manifest plus
 * a copy of one of its documents, changed by the test (a later fiscal year, a later call), into a
 * temporary directory. `use()` points the site's data loader at it (KORYU_DATA_DIR, modules reset);
 * `restore()` points it back and removes the directory. The pipeline's output is returned for the
 * test to judge (a copy may carry its original's errata as errors).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { vi } from 'vitest';
import type { Source } from '../../scripts/schema/records.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface FixtureDataset {
  dir: string;
  /** the pipeline run (status, stdout, stderr) */
  run: SpawnSyncReturns<string>;
  use(): void;
  restore(): void;
}

/**
 * Builds the real manifest's documents plus a copy of the source `from` picks: `text` rewrites its
 * text, `entry` its manifest entry (without the original's checksum), `file` names the copy.
 */
export function fixtureDataset(opts: {
  prefix: string;
  from: (s: Source) => boolean;
  file: string;
  text: (original: string) => string;
  entry: (original: Omit<Source, 'sha256'>) => Record<string, unknown>;
}): FixtureDataset {
  const dir = mkdtempSync(join(tmpdir(), opts.prefix));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'data/raw/sources.json'), 'utf8')) as (Source & { sha256?: string })[];
  const original = manifest.find(opts.from);
  if (!original) throw new Error('fixtureDataset: no source in data/raw/sources.json matches');
  writeFileSync(join(dir, opts.file), opts.text(readFileSync(join(ROOT, 'data/raw', original.file), 'utf8')));
  const { sha256: _sha, ...rest } = original;
  const entries = [
    ...manifest.map((s) => ({ ...s, file: join(ROOT, 'data/raw', s.file) })),
    { ...opts.entry(rest), file: opts.file },
  ];
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(entries, null, 1));
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build-data.ts'), '--manifest', join(dir, 'sources.json'), '--out', join(dir, 'build')], { cwd: ROOT, encoding: 'utf8' });
  const before = process.env.KORYU_DATA_DIR;
  return {
    dir, run,
    use() {
      process.env.KORYU_DATA_DIR = join(dir, 'build');
      vi.resetModules();
    },
    restore() {
      if (before === undefined) delete process.env.KORYU_DATA_DIR; else process.env.KORYU_DATA_DIR = before;
      vi.resetModules();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
