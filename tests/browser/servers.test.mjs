// The embedding guide's server configurations (www/servers/), exactly as
// shipped, on real Debian nginx and Apache started on loopback ports: the
// widget's files come with the right MIME types, compressed, with the
// caching header, and the demo page's calculator renders.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVERS, get, startWebServer } from '../../scripts/web-servers.mjs';
import { WWW, newPage, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Loads the demo page from `port` until the form shows; the paths it fetched. */
async function render(port) {
  const { context, page } = await newPage(env.browser);
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await ready(page);
  assert.deepEqual(page.problems, []);
  await context.close();
  return paths;
}

describe('the guide\'s server configurations, on real servers', () => {
  for (const [name, s] of Object.entries(SERVERS)) {
    test(`${name}: MIME types, compression, caching, and the widget renders`, { skip: !existsSync(s.binary) && `${s.binary} is not installed` }, async () => {
      const server = await startWebServer(name, WWW, 'guide');
      const { port } = server;
      try {
        const files = [
          ['/socval/socval_widget_bg.wasm', /^application\/wasm/],
          ['/socval/socval_widget.js', /^(application|text)\/javascript/],
          ['/socval/socval.js', /^(application|text)\/javascript/],
          ['/socval/outcodes.csv', /^text\/csv/],
          ['/socval/report/socval_report_bg.wasm', /^application\/wasm/],
        ];
        for (const [path, type] of files) {
          const r = await get(port, path);
          assert.equal(r.status, 200, path);
          assert.match(r.headers['content-type'] ?? '', type, `${path}: ${r.headers['content-type']}`);
          assert.ok(s.encodings.includes(r.headers['content-encoding']), `${path} is sent compressed (${r.headers['content-encoding']})`);
          assert.equal(r.headers['cache-control'], 'no-cache', path);
          const raw = readFileSync(join(WWW, path)).length;
          assert.ok(r.bytes < raw * 0.6, `${path}: ${r.bytes} bytes on the wire for ${raw}`);
        }
        // The demo portal, served by this server, renders the calculator,
        // taking every file as the server compresses it (no .gz copies).
        const paths = await render(port);
        assert.deepEqual(paths.filter((p) => p.endsWith('.gz')), []);
      } finally {
        await server.stop();
      }
    });
  }
});

test('from nginx as Debian installs it (gzip for HTML only), the loader fetches the gzip copies and inflates them', { skip: !existsSync(SERVERS.nginx.binary) && 'nginx is not installed' }, async () => {
  const server = await startWebServer('nginx', WWW, 'defaults');
  try {
    const wasm = await get(server.port, '/socval/socval_widget_bg.wasm');
    assert.equal(wasm.headers['content-encoding'], undefined, 'the server sends the wasm uncompressed');
    const paths = await render(server.port);
    assert.ok(paths.includes('/socval/socval_widget_bg.wasm.gz'), 'the gzip copy of the wasm was fetched');
    assert.ok(paths.includes('/socval/outcodes.csv.gz'), 'and of the outward-code table');
  } finally {
    await server.stop();
  }
});

test('the embedding guide shows the very configurations tested here', () => {
  const unescape = (t) => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const guide = unescape(readFileSync(join(WWW, 'embedding.html'), 'utf8'));
  for (const file of ['nginx.conf', 'apache.conf', 'web.config']) {
    assert.ok(guide.includes(readFileSync(join(WWW, 'servers', file), 'utf8')), `${file} is in the guide word for word`);
  }
});
