// The embedding guide's server configurations (www/servers/), exactly as
// shipped, on real Debian nginx and Apache started on loopback ports: the
// widget's files come with the right MIME types, compressed, with the
// caching header, and the demo page's calculator renders.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WWW, newPage, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** One request, with the body's bytes as sent (not decompressed). */
const get = (port, path) => new Promise((resolve, reject) => {
  const req = request({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
    let bytes = 0;
    res.on('data', (c) => { bytes += c.length; });
    res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes }));
  });
  req.on('error', reject);
  req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  req.end();
});

async function until(port) {
  for (let i = 0; i < 100; i += 1) {
    try { if ((await get(port, '/index.html')).status === 200) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no server on port ${port}`);
}

const SERVERS = {
  nginx: {
    binary: '/usr/sbin/nginx',
    config: (dir, port) => `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
include /etc/nginx/modules-enabled/*.conf;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${WWW};
    include ${WWW}/servers/nginx.conf;
  }
}
`,
    args: (conf) => ['-c', conf],
    encodings: ['br'],
  },
  apache: {
    binary: '/usr/sbin/apache2',
    config: (dir, port) => `ServerRoot /etc/apache2
ServerName localhost
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule filter_module /usr/lib/apache2/modules/mod_filter.so
LoadModule deflate_module /usr/lib/apache2/modules/mod_deflate.so
LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
User www-data
Group www-data
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
Mutex file:${dir} default
Listen 127.0.0.1:${port}
TypesConfig /etc/mime.types
DocumentRoot ${WWW}
<Directory ${WWW}>
  Require all granted
</Directory>
Include ${WWW}/servers/apache.conf
`,
    args: (conf) => ['-X', '-f', conf],
    encodings: ['gzip', 'br'],
  },
};

describe('the guide\'s server configurations, on real servers', () => {
  for (const [name, s] of Object.entries(SERVERS)) {
    test(`${name}: MIME types, compression, caching, and the widget renders`, { skip: !existsSync(s.binary) && `${s.binary} is not installed` }, async () => {
      const dir = mkdtempSync(join(tmpdir(), `socval-${name}-`));
      const port = await freePort();
      const conf = join(dir, `${name}.conf`);
      writeFileSync(conf, s.config(dir, port));
      const proc = spawn(s.binary, s.args(conf), { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (c) => { stderr += c; });
      try {
        await until(port).catch((e) => { throw new Error(`${e.message}\n${stderr}\n${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`); });
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
        // The demo portal, served by this server, renders the calculator.
        const { context, page } = await newPage(env.browser);
        await page.goto(`http://127.0.0.1:${port}/index.html`);
        await ready(page);
        assert.deepEqual(page.problems, []);
        await context.close();
      } finally {
        proc.kill('SIGTERM');
        await new Promise((r) => { proc.once('exit', r); setTimeout(r, 3000); });
      }
    });
  }
});

test('the embedding guide shows the very configurations tested here', () => {
  const unescape = (t) => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const guide = unescape(readFileSync(join(WWW, 'embedding.html'), 'utf8'));
  for (const file of ['nginx.conf', 'apache.conf', 'web.config']) {
    assert.ok(guide.includes(readFileSync(join(WWW, 'servers', file), 'utf8')), `${file} is in the guide word for word`);
  }
});
