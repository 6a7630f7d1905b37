/**
 * Prints one closing line for the whole suite from vitest's JSON reports
 * (.cache/test-results/{unit,e2e}.json) and the link checker's (links.json: one test per build checked): "tests: N passed, N failed, N skipped".
 * Exits non-zero when a report is missing or any test failed.
 */
import { readFileSync, existsSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
let ok = true;
for (const name of ['unit', 'links', 'e2e']) {
  const path = `.cache/test-results/${name}.json`;
  if (!existsSync(path)) {
    console.error(`test-summary: ${path} is missing (did the ${name} tests run?)`);
    ok = false;
    continue;
  }
  const r = JSON.parse(readFileSync(path, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = ok && failed === 0 ? 0 : 1;
