/**
 * The pipeline command's contract on bad input: each problem is a clear error naming the file,
 * line and raw text, outputs are still written, and the exit status is non-zero.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RAW = join(ROOT, 'data/raw');
const manifest = JSON.parse(readFileSync(join(RAW, 'sources.json'), 'utf8')) as { id: string; file: string; kind: string }[];

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-data.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'koryu-'));
}
function withManifest(entries: unknown): { dir: string; manifest: string; out: string } {
  const dir = tmp();
  const m = join(dir, 'sources.json');
  writeFileSync(m, typeof entries === 'string' ? entries : JSON.stringify(entries));
  return { dir, manifest: m, out: join(dir, 'out') };
}
/** The Osaka entry of the manifest, without its checksum unless a test asks for it (tests edit copies of the file). */
const entry = (over: Record<string, unknown> = {}) => {
  const { sha256: _sha, ...rest } = manifest.find((m) => m.id === 'osaka-2021')! as Record<string, unknown>;
  return { ...rest, file: join(RAW, 'osaka-department-agreements.txt'), ...over };
};

describe('npm run data on bad input', () => {
  it('a missing manifest is an error naming it', () => {
    const r = run(['--manifest', '/nonexistent/sources.json', '--out', tmp()]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/\/nonexistent\/sources\.json: manifest not found/);
  });
  it('a manifest that is not JSON is an error naming it', () => {
    const t = withManifest('[{"id": ');
    const r = run(['--manifest', t.manifest, '--out', t.out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`${t.manifest}: not valid JSON`);
  });
  it('an invalid manifest entry names the entry and the field', () => {
    const t = withManifest([{ ...entry(), asOf: '1 May 2024', home: 'kyoto' }]);
    const r = run(['--manifest', t.manifest, '--out', t.out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/entry 0\.asOf/);
    expect(r.err).toMatch(/entry 0\.home/);
  });
  it('a missing source file names the entry and the path', () => {
    const t = withManifest([entry({ file: 'no-such-file.txt' })]);
    const r = run(['--manifest', t.manifest, '--out', t.out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/entry 0 \("osaka-2021"\): file not found: .*no-such-file\.txt/);
  });
  it('an unknown kind is an error that lists the known kinds; the report is still written', () => {
    const t = withManifest([entry({ kind: 'kyoto-brochure' })]);
    const r = run(['--manifest', t.manifest, '--out', t.out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/unknown kind "kyoto-brochure" \(known: .*osaka-department-agreements/);
    expect(existsSync(join(t.out, 'validation.json'))).toBe(true);
  });
  it('a line that fits no shape is reported with file, line and raw text', () => {
    const t = withManifest([entry({ file: 'osaka.txt' })]);
    const lines = readFileSync(join(RAW, 'osaka-department-agreements.txt'), 'utf8').split('\n');
    lines.splice(10, 0, 'ZZZ garbage row that is no agreement ZZZ');
    writeFileSync(join(t.dir, 'osaka.txt'), lines.join('\n'));
    const r = run(['--manifest', t.manifest, '--out', t.out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/error: osaka\.txt:11: .*\n\s+\| ZZZ garbage row that is no agreement ZZZ/);
    const v = JSON.parse(readFileSync(join(t.out, 'validation.json'), 'utf8'));
    expect(v.errors.some((e: { line: number; raw: string }) => e.line === 11 && e.raw.includes('ZZZ'))).toBe(true);
  });
});

describe('unmapped labels', () => {
  it('an unmapped country label and an unmapped unit label are errors naming file, line and raw text', () => {
    const t = withManifest([entry({ file: 'osaka.txt' })]);
    const lines = readFileSync(join(RAW, 'osaka-department-agreements.txt'), 'utf8').split('\n');
    // line 4 of osaka-2021: "アジア ⇥ イラン ⇥ シャリフ工科大学 ⇥ 基礎工学部 基礎工学研究科 ⇥ 2017/12/27 ⇥ 5"
    expect(lines[3]).toContain('イラン');
    lines[3] = lines[3]!.replace('イラン', 'アトランティス');
    // line 5: "アジア ⇥ インド ⇥ インド工科大学ハイデラバード校 ⇥ 工学研究科 ⇥ 2012/10/24 ⇥ 5"
    expect(lines[4]).toContain('工学研究科');
    lines[4] = lines[4]!.replace('工学研究科', '架空研究科');
    writeFileSync(join(t.dir, 'osaka.txt'), lines.join('\n'));
    const r = run(['--manifest', t.manifest, '--out', t.out]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/error: osaka\.txt:4: .*アトランティス.*\n\s+\| .*アトランティス/);
    expect(r.err).toMatch(/error: osaka\.txt:5: .*架空研究科.*\n\s+\| .*架空研究科/);
  });
});

describe('determinism', () => {
  let a: string, b: string;
  beforeAll(() => {
    a = tmp(); b = tmp();
    run(['--out', a]);
    run(['--out', b]);
  });
  it('two runs write byte-identical outputs', () => {
    const files = readdirSync(a, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(a.length + 1)).sort();
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });
});

it('a raw file that differs from its manifest checksum is an error', () => {
  const original = manifest.find((m) => m.id === 'osaka-2021')! as Record<string, unknown>;
  const t = withManifest([entry({ file: 'osaka.txt', sha256: original.sha256 })]);
  writeFileSync(join(t.dir, 'osaka.txt'), readFileSync(join(RAW, 'osaka-department-agreements.txt'), 'utf8').replace('2017/12/27', '2017/12/28'));
  const r = run(['--manifest', t.manifest, '--out', t.out]);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/error: osaka\.txt: sha256 [0-9a-f]{64} differs from the manifest's/);
});
