// A small static file server for www/: the right MIME types (application/wasm),
// the strict Content Security Policy the embedding guide documents, no caching.
// Usage: node scripts/static-server.mjs [port] [root]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8',
};

/** Starts serving `root` on 127.0.0.1:`port` (0 = any free port); resolves to the server.
 * `cache` is the Cache-Control of its files (the benchmark's repeat visit
 * serves them as a release folder would be: immutable); with `gzip`, a file
 * with a `.gz` copy beside it is sent as that copy with `Content-Encoding:
 * gzip` to a browser that accepts it, as the embedding guide's nginx
 * configuration does (`gzip_static on`). */
export function serve(root, port = 0, extraRoutes = {}, { cache = 'no-store', gzip = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (extraRoutes[url.pathname]) {
      const [type, body] = extraRoutes[url.pathname];
      res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP, 'cache-control': 'no-store' });
      return res.end(body);
    }
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) { res.writeHead(403); return res.end(); }
    if (url.pathname.endsWith('/')) path = join(path, 'index.html');
    try {
      const zipped = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
        ? await readFile(`${path}.gz`).catch(() => undefined) : undefined;
      const body = zipped ?? await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'cache-control': path.endsWith('.html') && cache !== 'no-store' ? 'no-cache' : cache,
        ...(gzip ? { vary: 'accept-encoding' } : {}),
        ...(zipped ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8000);
  const server = await serve(process.argv[3] ?? 'www', port);
  console.log(`Serving www/ on http://localhost:${server.address().port} (Ctrl-C to stop)`);
}
