/**
 * Golden-file comparison for the parsers' tests (one implementation for all). The expected JSON is committed under
 * scripts/sources/__golden__/<name>.json. A mismatch writes <name>-changed.json beside it and
 * fails; regenerating is a deliberate local act (UPDATE_GOLDEN=1) and never happens in CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';

const DIR = fileURLToPath(new URL('../sources/__golden__/', import.meta.url));

export function expectGolden(name: string, value: unknown): void {
  const path = join(DIR, `${name}.json`);
  const changed = join(DIR, `${name}-changed.json`);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const ci = Boolean(process.env.CI);
  if (!ci && process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, text);
    rmSync(changed, { force: true });
    return;
  }
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (text === expected) {
    if (!ci) rmSync(changed, { force: true });
    return;
  }
  if (!ci) writeFileSync(changed, text);
  expect.fail(`${path} differs from the parser's output${ci ? '' : ` (written to ${changed})`}; check it, then regenerate with UPDATE_GOLDEN=1`);
}
