/**
 * A small static file server (node:http only) for the browser tests: serves the built site (`dist/`)
 * the way a static host would — index.html for directories (redirecting `/dir` to `/dir/`, as the
 * site uses trailing slashes), the site's 404.html with status 404 when it exists, and a correct
 * Content-Type for every file type the site publishes (with `nosniff`, so a wrong type shows up in
 * the browser instead of being guessed around). GET and HEAD only; nothing outside the root is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
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

async function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string): Promise<void> {
  const { size } = await stat(file);
  res.writeHead(status, {
    'Content-Type': contentType(file),
    'Content-Length': size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
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
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
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
      if ((await fileAt(index)) === 'file') return sendFile(req, res, 200, index);
    } else if (kind === 'file') {
      return sendFile(req, res, 200, target);
    }
    if ((await fileAt(notFound)) === 'file') return sendFile(req, res, 404, notFound);
    send(req, res, 404, 'text/plain; charset=utf-8', `Not Found: ${url.pathname}\n`);
  };
}

/** Serves `root` on 127.0.0.1; port 0 (the default) picks a free port. */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const handle = staticHandler(root);
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
