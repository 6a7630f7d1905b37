/**
 * Build-time access to the dataset written by the pipeline (data/build/). Pages read only this;
 * nothing here is shipped to the browser. Each table is read once per build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Resolved from the project root (where astro runs): bundling moves this module, so no import.meta.url.
const BUILD = resolve(process.env.KORYU_DATA_DIR ?? 'data/build') + '/';
const cache = new Map<string, unknown>();

export function table<T = Record<string, unknown>>(name: string): T[] {
  if (!cache.has(name)) {
    try {
      cache.set(name, JSON.parse(readFileSync(`${BUILD}${name}.json`, 'utf8')));
    } catch (e) {
      throw new Error(`data/build/${name}.json could not be read — run \`npm run data\` first (${(e as Error).message})`);
    }
  }
  return cache.get(name) as T[];
}

export function validation<T = Record<string, unknown>>(): T {
  if (!cache.has('validation')) cache.set('validation', JSON.parse(readFileSync(`${BUILD}validation.json`, 'utf8')));
  return cache.get('validation') as T;
}
