/**
 * The static server the browser tests use (tests/static-server.ts): content types, index.html for
 * directories, the trailing-slash redirect, the site's 404 page, HEAD, and nothing outside the root.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accepts, startStaticServer, type StaticServer } from './static-server.ts';

/** A raw request (the path is sent exactly as given, unlike fetch, which normalises it). */
function get(server: StaticServer, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server', () => {
  let parent: string;
  let server: StaticServer;
  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'koryu-static-'));
    const root = join(parent, 'site');
    mkdirSync(join(root, 'partners', 'x'), { recursive: true });
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, 'partners', 'x', 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>not found</title>');
    for (const f of ['a.js', 'a.css', 'a.json', 'a.csv', 'a.svg', 'a.woff2', 'a.txt', 'a.unknownext']) writeFileSync(join(root, f), 'x');
    writeFileSync(join(parent, 'secret.txt'), 'outside the root');
    server = await startStaticServer(root);
  });
  afterAll(() => server.close());

  it('listens on a free 127.0.0.1 port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it.each([
    ['/a.js', 'text/javascript; charset=utf-8'],
    ['/a.css', 'text/css; charset=utf-8'],
    ['/a.json', 'application/json; charset=utf-8'],
    ['/a.csv', 'text/csv; charset=utf-8'],
    ['/a.svg', 'image/svg+xml'],
    ['/a.woff2', 'font/woff2'],
    ['/a.txt', 'text/plain; charset=utf-8'],
    ['/a.unknownext', 'application/octet-stream'],
    ['/', 'text/html; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const r = await get(server, path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
  });

  it('serves index.html for a directory and redirects a directory without its trailing slash', async () => {
    expect((await get(server, '/partners/x/')).body).toContain('<title>x</title>');
    const r = await get(server, '/partners/x?q=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/partners/x/?q=1');
    expect((await get(server, '//partners/x')).headers.location).toBe('/partners/x/');
  });

  it('answers a missing path, or a directory without index.html, with the 404 page and status 404', async () => {
    for (const path of ['/nope/', '/nope.js', '/empty/']) {
      const r = await get(server, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toContain('not found');
    }
  });

  it('serves nothing outside the root', async () => {
    for (const path of ['/%2e%2e%2fsecret.txt', '/..%2fsecret.txt', '/a.txt%00']) {
      const r = await get(server, path);
      expect([403, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('outside the root');
    }
    expect((await get(server, '/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(server, '/a.css', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('1');
    expect(head.body).toBe('');
    expect((await get(server, '/', 'POST')).status).toBe(405);
  });
});

describe('static server: compression and deployment cache headers (used by npm run bench)', () => {
  const text = '<!doctype html><title>home</title>' + 'パートナー '.repeat(500);
  let root: string;
  const servers: StaticServer[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'koryu-static-z-'));
    mkdirSync(join(root, '_astro'));
    writeFileSync(join(root, 'index.html'), text);
    writeFileSync(join(root, '_astro', 'a.123.js'), 'console.log(1);'.repeat(100));
    writeFileSync(join(root, 'a.png'), 'not really a png');
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  /** A raw response body, undecoded. */
  const raw = (server: StaticServer, path: string, acceptEncoding: string) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', fail);
      req.end();
    });

  it('sends gzip or brotli when asked to and accepted, plain otherwise', async () => {
    const gz = await startStaticServer(root, 0, { compression: 'gzip' });
    const br = await startStaticServer(root, 0, { compression: 'br' });
    servers.push(gz, br);
    const g = await raw(gz, '/', 'gzip, deflate, br');
    expect(g.headers['content-encoding']).toBe('gzip');
    expect(g.headers.vary).toBe('Accept-Encoding');
    expect(Number(g.headers['content-length'])).toBe(g.body.length);
    expect(g.body.length).toBeLessThan(Buffer.byteLength(text) / 10);
    expect(gunzipSync(g.body).toString('utf8')).toBe(text);
    const b = await raw(br, '/', 'gzip, deflate, br');
    expect(b.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(b.body).toString('utf8')).toBe(text);
    expect((await raw(br, '/', 'gzip')).headers['content-encoding']).toBeUndefined();
    expect((await raw(gz, '/', 'gzip;q=0, br')).body.toString('utf8')).toBe(text);
    expect((await raw(gz, '/a.png', 'gzip')).headers['content-encoding']).toBeUndefined();
  });

  it("by default compresses nothing and sends no-store; cache: 'deploy' sends the README's policy", async () => {
    const plain = await startStaticServer(root);
    const deploy = await startStaticServer(root, 0, { cache: 'deploy' });
    servers.push(plain, deploy);
    const p = await raw(plain, '/', 'gzip, br');
    expect(p.headers['content-encoding']).toBeUndefined();
    expect(p.headers['cache-control']).toBe('no-store');
    expect((await raw(deploy, '/', '')).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect((await raw(deploy, '/_astro/a.123.js', '')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(deploy, '/a.png', '')).headers['cache-control']).toBe('public, max-age=3600');
    expect((await raw(deploy, '/missing/', '')).headers['cache-control']).toBe('no-store');
  });

  it('reads Accept-Encoding with q-values and *', () => {
    expect(accepts('gzip, deflate, br, zstd', 'br')).toBe(true);
    expect(accepts('gzip;q=0.5', 'gzip')).toBe(true);
    expect(accepts('gzip;q=0', 'gzip')).toBe(false);
    expect(accepts('*', 'br')).toBe(true);
    expect(accepts('*, br;q=0', 'br')).toBe(false);
    expect(accepts(undefined, 'gzip')).toBe(false);
  });
});
