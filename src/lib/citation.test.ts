import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
describe('CITATION.cff and the changelog', () => {
  const version = (JSON.parse(readFileSync(resolve(root, 'data/build/datapackage.json'), 'utf8')) as { version: string }).version;
  it('CITATION.cff cites the version the pipeline derives from the sources (update it when a source changes)', () => {
    const cff = readFileSync(resolve(root, 'CITATION.cff'), 'utf8');
    expect(cff).toMatch(/^cff-version: 1\.2\.0$/m);
    expect(/^version: "([^"]+)"$/m.exec(cff)?.[1]).toBe(version);
  });
  it('the changelog has an entry for the current version', () => {
    expect(readFileSync(resolve(root, 'data/CHANGELOG.md'), 'utf8')).toContain(`## ${version} `);
  });
});
