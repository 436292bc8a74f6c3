// Debian's nginx and Apache, started on a loopback port to serve www/, each
// either as Debian configures it out of the box ("defaults") or with the
// embedding guide's configuration from www/servers/ ("guide"). Used by the
// server test (tests/browser/servers.test.mjs) and the benchmark's server
// rows (scripts/bench.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free loopback port. */
export const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** One request, with the body's bytes as sent (not decompressed). */
export const get = (port, path) => new Promise((resolve, reject) => {
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

// What each server adds inside its site, per variant. Debian's defaults are
// those of /etc/nginx/nginx.conf (gzip on, for text/html only) and of the
// modules Debian's apache2 enables (mime, deflate with its deflate.conf).
const NGINX_DEFAULTS = 'sendfile on;\n    default_type application/octet-stream;\n    gzip on;';
const nginx = (www, variant) => (dir, port) => `daemon off;
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
    root ${www};
    ${variant === 'guide' ? `include ${www}/servers/nginx.conf;` : NGINX_DEFAULTS}
  }
}
`;
const apache = (www, variant) => (dir, port) => `ServerRoot /etc/apache2
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
DocumentRoot ${www}
<Directory ${www}>
  Require all granted
</Directory>
${variant === 'guide' ? `Include ${www}/servers/apache.conf` : 'Include /etc/apache2/mods-available/mime.conf\nInclude /etc/apache2/mods-available/deflate.conf'}
`;

/** The servers: binary, configuration for (www, variant), arguments, and the encodings the guide's configuration sends. */
export const SERVERS = {
  nginx: { binary: '/usr/sbin/nginx', config: nginx, args: (conf) => ['-c', conf], encodings: ['br'] },
  apache: { binary: '/usr/sbin/apache2', config: apache, args: (conf) => ['-X', '-f', conf], encodings: ['gzip', 'br'] },
};

/**
 * Starts `name` serving `www` with `variant` ('guide' or 'defaults') on a
 * free loopback port; resolves to { port, stop }.
 */
export async function startWebServer(name, www, variant = 'guide') {
  const s = SERVERS[name];
  const dir = mkdtempSync(join(tmpdir(), `socval-${name}-`));
  const port = await freePort();
  const conf = join(dir, `${name}.conf`);
  writeFileSync(conf, s.config(www, variant)(dir, port));
  const proc = spawn(s.binary, s.args(conf), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (c) => { stderr += c; });
  const stop = async () => {
    proc.kill('SIGTERM');
    await new Promise((r) => { proc.once('exit', r); setTimeout(r, 3000); });
  };
  try {
    await until(port);
  } catch (e) {
    await stop();
    const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    throw new Error(`${e.message}\n${stderr}\n${log}`);
  }
  return { port, stop };
}
