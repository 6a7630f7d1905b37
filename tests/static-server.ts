/**
 * A small static file server (node:http only) for the browser tests: serves the built site (`dist/`)
 * the way a static host would — index.html for directories (redirecting `/dir` to `/dir/`, as the
 * site uses trailing slashes), the site's 404.html with status 404 when it exists, and a correct
 * Content-Type for every file type the site publishes (with `nosniff`, so a wrong type shows up in
 * the browser instead of being guessed around). GET and HEAD only; nothing outside the root is served.
 *
 * Options (all off by default, so the tests see plain files): `compression` ('gzip' or 'br') encodes
 * text responses the client accepts that way, as a CDN would (`Content-Encoding`, `Vary:
 * Accept-Encoding`; each file compressed once and kept: gzip -9, brotli 11, or 9 above 1 MB); `cache: 'deploy'`
 * sends the Cache-Control headers the README's deployment table names instead of `no-store`.
 * `npm run bench` (scripts/bench/) uses both to measure what a reader would download.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.cff': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Types worth compressing (a static host compresses text; images and fonts are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml|javascript)|image\/svg\+xml)/;

export interface StaticServerOptions {
  /** Encode text responses with this Content-Encoding when the request accepts it (default: none). */
  compression?: 'gzip' | 'br';
  /** 'no-store' (default) on everything, or 'deploy': the README's cache policy (hashed assets immutable, pages 5 min, data 1 h). */
  cache?: 'no-store' | 'deploy';
  /** Serve the site under this base path ("/koryu-atlas/", as a project page is): requests outside it are 404. */
  base?: string;
}

/** The README's deployment cache policy for a request path. */
export function deployCacheControl(path: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (path.endsWith('/') || path.endsWith('.html')) return 'public, max-age=300, must-revalidate';
  return 'public, max-age=3600';
}

/** Whether an Accept-Encoding header allows `coding` (q=0 refuses it; `*` allows it). */
export function accepts(header: string | undefined, coding: string): boolean {
  let star = false;
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    if (name === coding) return ok;
    if (name === '*') star = ok;
  }
  return star;
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash) */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const encodedCache = new Map<string, { key: string; body: Buffer }>();

async function encoded(file: string, coding: 'gzip' | 'br', mtimeMs: number, size: number): Promise<Buffer> {
  const id = `${coding}:${file}`;
  const key = `${mtimeMs}:${size}`;
  const hit = encodedCache.get(id);
  if (hit && hit.key === key) return hit.body;
  const raw = await readFile(file);
  const body =
    coding === 'br'
      ? // quality 11 takes minutes on a file of megabytes (the 50× directory); 9 is within a few per cent of it
        brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: raw.length > 1_000_000 ? 9 : 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipSync(raw, { level: 9 });
  encodedCache.set(id, { key, body });
  return body;
}

async function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, options: StaticServerOptions = {}, path = ''): Promise<void> {
  const { size, mtimeMs } = await stat(file);
  const type = contentType(file);
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': options.cache === 'deploy' && status === 200 ? deployCacheControl(path) : 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  const coding = options.compression;
  if (coding && COMPRESSIBLE.test(type)) {
    headers.Vary = 'Accept-Encoding';
    if (accepts(req.headers['accept-encoding'], coding)) {
      const body = await encoded(file, coding, mtimeMs, size);
      res.writeHead(status, { ...headers, 'Content-Encoding': coding, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
  }
  res.writeHead(status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', () => done());
    stream.pipe(res);
  });
}

/** The request handler over `root` (an absolute or relative folder). */
export function staticHandler(root: string, options: StaticServerOptions = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const base = resolve(root);
  const notFound = join(base, '404.html');

  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(req, res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n');
      return;
    }
    // Origin-form targets (`/path`) are appended, not resolved: `//x/y` is a path here, not a host.
    const raw = req.url ?? '/';
    const url = raw.startsWith('/') ? new URL('http://localhost' + raw) : new URL(raw, 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      send(req, res, 400, 'text/plain; charset=utf-8', 'Bad Request\n');
      return;
    }
    const prefix = options.base && options.base !== '/' ? options.base.replace(/\/?$/, '/') : undefined;
    if (prefix) {
      if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) {
        send(req, res, 404, 'text/plain; charset=utf-8', `Not Found (outside ${prefix}): ${url.pathname}\n`);
        return;
      }
      path = path.slice(prefix.length - 1) || '/';
    }
    const target = resolve(base, '.' + (path.startsWith('/') ? path : '/' + path));
    if (path.includes('\0') || (target !== base && !target.startsWith(base + sep))) {
      send(req, res, 403, 'text/plain; charset=utf-8', 'Forbidden\n');
      return;
    }

    const kind = await fileAt(target);
    if (kind === 'dir') {
      if (!url.pathname.endsWith('/')) {
        // Leading slashes collapsed so the Location can never read as another host (`//host/`).
        res.writeHead(301, { Location: url.pathname.replace(/^\/+/, '/') + '/' + url.search, 'Cache-Control': 'no-store', 'Content-Length': 0 });
        res.end();
        return;
      }
      const index = join(target, 'index.html');
      if ((await fileAt(index)) === 'file') return sendFile(req, res, 200, index, options, url.pathname);
    } else if (kind === 'file') {
      return sendFile(req, res, 200, target, options, url.pathname);
    }
    if ((await fileAt(notFound)) === 'file') return sendFile(req, res, 404, notFound, options, url.pathname);
    send(req, res, 404, 'text/plain; charset=utf-8', `Not Found: ${url.pathname}\n`);
  };
}

/** Serves `root` on 127.0.0.1; port 0 (the default) picks a free port. */
export async function startStaticServer(root: string, port = 0, options: StaticServerOptions = {}): Promise<StaticServer> {
  const handle = staticHandler(root, options);
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(req, res, 500, 'text/plain; charset=utf-8', `Internal Server Error: ${(e as Error).message}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((e) => (e ? fail(e) : ok()));
        server.closeAllConnections();
      }),
  };
}
