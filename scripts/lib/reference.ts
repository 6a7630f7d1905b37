/** Loads committed reference tables from data/reference/ (mappings are data, with reasons). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REFERENCE_DIR = fileURLToPath(new URL('../../data/reference/', import.meta.url));

export function readReference<T>(name: string): T {
  const path = join(REFERENCE_DIR, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
