/**
 * The GitHub Pages workflow (.github/workflows/deploy.yml), as far as it can be tested here: it
 * parses, it has the shape Pages needs (install with npm ci, build with SITE_URL from the Pages
 * base URL, upload dist/, deploy), and its build job's commands, run locally in a fresh clone with
 * the SITE_URL Pages would give a project page, build a site whose every link resolves under that
 * path. The GitHub-hosted actions themselves (checkout, setup-node, upload, deploy) cannot run here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it, expect, afterAll } from 'vitest';
import yaml from 'js-yaml';
import { checkLinks } from '../scripts/check-links.ts';

const ROOT = resolve(import.meta.dirname, '..');
interface Step { uses?: string; run?: string; id?: string; name?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface Workflow {
  on: { push?: { branches?: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string | string[]; environment?: { name: string } }>;
}
const wf = yaml.load(readFileSync(join(ROOT, '.github/workflows/deploy.yml'), 'utf8')) as Workflow;
const build = wf.jobs.build!.steps;
/** The base URL GitHub Pages gives a project page (steps.pages.outputs.base_url). */
const PAGES_BASE_URL = 'https://owner.github.io/koryu-atlas';

describe('the GitHub Pages workflow', () => {
  it('builds on pushes to main with the permissions Pages needs', () => {
    expect(wf.on.push?.branches).toEqual(['main']);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
  it('checks out, sets up Node ≥ 22.12, installs with npm ci, builds with SITE_URL from the Pages base URL, uploads dist/', () => {
    expect(build.find((s) => s.uses?.startsWith('actions/checkout@'))).toBeDefined();
    const node = build.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(Number(node?.with?.['node-version'])).toBeGreaterThanOrEqual(23);
    const runs = build.filter((s) => s.run);
    expect(runs.map((s) => s.run!.split(' ').slice(0, 2).join(' '))).toEqual(['npm ci', 'npm run']);
    expect(runs[1]!.run).toBe('npm run build');
    expect(runs[1]!.env?.SITE_URL).toBe('${{ steps.pages.outputs.base_url }}/');
    expect(build.find((s) => s.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/);
    const upload = build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    // the upload comes after the build
    expect(build.indexOf(upload!)).toBeGreaterThan(build.indexOf(runs[1]!));
  });
  it('deploys the uploaded artifact after the build, to the github-pages environment', () => {
    const deploy = wf.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'koryu-deploy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('its build commands, run in a fresh clone, build a site whose every link resolves under the project path', () => {
    execFileSync('git', ['clone', '--quiet', ROOT, dir]);
    for (const step of build.filter((s) => s.run)) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace('${{ steps.pages.outputs.base_url }}', PAGES_BASE_URL)]));
      const r = spawnSync('bash', ['-c', step.run!], { cwd: dir, env: { ...process.env, ...env, CI: 'true' }, encoding: 'utf8' });
      expect(r.status, `${step.name ?? step.run}:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
    }
    const dist = join(dir, 'dist');
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(readFileSync(join(dist, 'partners/index.html'), 'utf8')).toContain('href="/koryu-atlas/en/partners/"');
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain(`<loc>${PAGES_BASE_URL}/partners/</loc>`);
    const links = checkLinks(dist, '/koryu-atlas/', 'https://owner.github.io');
    expect(links.broken).toEqual([]);
    expect(links.pages).toBeGreaterThan(1000);
  }, 600_000);
});
