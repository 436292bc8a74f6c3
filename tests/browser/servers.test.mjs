// The embedding guide's server configurations (www/servers/), exactly as
// shipped, on real Debian nginx and Apache started on loopback ports: the
// widget's files come with the right MIME types, compressed, with the
// caching header, and the demo page's calculator renders.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SERVERS, get, startWebServer } from '../../scripts/web-servers.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { WWW, field, newPage, ready, start } from './harness.mjs';

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

test('a .gz copy that is not gzip (a page in its place, or already inflated) leaves the file as it came', async () => {
  const server = await serve(WWW, 0, {
    '/socval/socval_widget_bg.wasm.gz': ['text/plain; charset=utf-8', 'Not found, but said with a 200'],
    '/socval/outcodes.csv.gz': ['text/csv; charset=utf-8', readFileSync(join(WWW, 'socval', 'outcodes.csv'), 'utf8')],
  });
  try {
    const { context, page } = await newPage(env.browser);
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await ready(page);
    // The outward-code table arrived whole: a staff postcode is placed.
    await field(page, 'contract-value').fill('100000');
    await field(page, 'contract-duration').fill('1');
    await field(page, 'staff-0-postcode').fill('EX4 4QJ');
    await field(page, 'staff-0-amount').fill('1000');
    await page.locator('social-value-calculator').locator('.spend-line', { hasText: 'Counts as local' }).waitFor();
    assert.deepEqual(page.problems, []);
    await context.close();
  } finally {
    server.close();
  }
});

test('the embedding guide shows the very configurations tested here', () => {
  const unescape = (t) => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const guide = unescape(readFileSync(join(WWW, 'embedding.html'), 'utf8'));
  for (const file of ['nginx.conf', 'apache.conf', 'web.config']) {
    assert.ok(guide.includes(readFileSync(join(WWW, 'servers', file), 'utf8')), `${file} is in the guide word for word`);
  }
});
