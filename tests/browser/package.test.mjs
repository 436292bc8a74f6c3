// The release package (scripts/package.sh): every file is in its checksum
// list and manifest with the right hash, the npm layout points at files that
// exist, the types accept what the CLI and the widget really produce (and
// refuse what they never would), and the packaged folder, served from a
// versioned path of another site, renders the calculator with no request
// outside that path.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '../../scripts/static-server.mjs';
import { ROOT, WWW, cli, newPage, ready, start } from './harness.mjs';

const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
let out;
let pkg;
before(() => {
  out = mkdtempSync(join(tmpdir(), 'socval-package-'));
  execFileSync('bash', [join(ROOT, 'scripts', 'package.sh'), '--no-build', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  pkg = join(out, `socval-${version}`);
});
after(() => rmSync(out, { recursive: true, force: true }));

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the release package', () => {
  test('every file is in SHA256SUMS and the manifest, with its hash and size', () => {
    const sums = new Map(readFileSync(join(pkg, 'SHA256SUMS'), 'utf8').trimEnd().split('\n').map((l) => {
      const m = l.match(/^([0-9a-f]{64}) {2}(.+)$/);
      assert.ok(m, `a sha256sum line: ${l}`);
      return [m[2], m[1]];
    }));
    const all = files(pkg).map((f) => relative(pkg, f)).filter((f) => f !== 'SHA256SUMS').sort();
    assert.deepEqual([...sums.keys()].sort(), all);
    for (const [path, hash] of sums) assert.equal(hash, sha256(join(pkg, path)), path);
    // What the browser fetches, as built: the package holds the same bytes.
    for (const f of files(join(WWW, 'socval'))) {
      assert.equal(sums.get(join('socval', relative(join(WWW, 'socval'), f))), sha256(f), f);
    }
    const manifest = JSON.parse(readFileSync(join(pkg, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, version);
    assert.deepEqual(manifest.files.map((f) => f.path).sort(), all.filter((f) => f !== 'manifest.json'));
    for (const f of manifest.files) {
      assert.equal(f.sha256, sums.get(f.path), f.path);
      assert.equal(f.bytes, readFileSync(join(pkg, f.path)).length, f.path);
    }
    for (const f of manifest.firstRender) assert.ok(sums.has(f), `first-render file ${f} is packaged`);
    const [tgzHash, tgzName] = readFileSync(join(out, `socval-${version}.tgz.sha256`), 'utf8').trim().split(/ {2}/);
    assert.equal(tgzName, `socval-${version}.tgz`);
    assert.equal(tgzHash, sha256(join(out, tgzName)));
  });

  test('the npm package: its exports exist and the tarball holds every file', () => {
    const meta = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    assert.equal(meta.version, version);
    assert.equal(meta.type, 'module');
    const targets = Object.values(meta.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)));
    for (const t of targets) {
      const path = t.includes('*') ? t.replace('*', 'config') : t;
      assert.ok(existsSync(join(pkg, path)), `${t} exists`);
    }
    assert.ok(existsSync(join(pkg, meta.types)));
    const listed = execFileSync('tar', ['-tzf', join(out, `socval-${version}.tgz`)]).toString().trim().split('\n')
      .filter((p) => !p.endsWith('/')).map((p) => p.replace(/^package\//, '')).sort();
    assert.deepEqual(listed, files(pkg).map((f) => relative(pkg, f)).sort());
  });

  test('the types accept the CLI\'s real results and the example files, and refuse wrong ones', () => {
    const ex = (name) => join(WWW, 'examples', name);
    const lines = [
      `import type { SocvalConfig, SocvalProposal, SocvalResult, GapResult } from './socval-${version}/types/index.js';`,
      `export const exampleshire: SocvalConfig = ${readFileSync(ex('exampleshire.json'), 'utf8')};`,
      `export const northmoor: SocvalConfig = ${readFileSync(ex('northmoor.json'), 'utf8')};`,
      `export const proposal: SocvalProposal = ${readFileSync(ex('exampleshire-proposal.json'), 'utf8')};`,
      `export const result: SocvalResult = ${JSON.stringify(cli(ex('exampleshire.json'), ex('exampleshire-proposal.json')))};`,
      `export const northmoorResult: SocvalResult = ${JSON.stringify(cli(ex('northmoor.json'), ex('northmoor-proposal.json')))};`,
      `export const gap: GapResult.Gap = ${JSON.stringify(cli(ex('exampleshire.json'), ex('exampleshire-proposal.json'), 'gap'))};`,
      'const el = document.querySelector(\'social-value-calculator\');',
      'el?.addEventListener(\'socval-result\', (e) => { const pv: number = e.detail.totals.present_value; return pv; });',
      'el?.addEventListener(\'socval-ready\', (e) => { const council: string = e.detail.council; return council; });',
      'el?.addEventListener(\'socval-error\', (e) => { const p: string[] = e.detail.problems; return p; });',
      '// @ts-expect-error: a result has no such field',
      'el?.addEventListener(\'socval-result\', (e) => e.detail.no_such_field);',
      // The example config with its council, and nothing else, taken out.
      'const { council: _council, ...withoutCouncil } = exampleshire;',
      '// @ts-expect-error: a configuration needs its council',
      'export const noCouncil: SocvalConfig = withoutCouncil;',
      '// @ts-expect-error: a total is a number',
      `export const wrong: SocvalResult = { ...result, totals: { ...result.totals, present_value: '1' } };`,
    ];
    writeFileSync(join(out, 'consumer.ts'), lines.join('\n'));
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    // An unused @ts-expect-error is itself an error, so each refusal is checked.
    execFileSync(tsc, ['--noEmit', '--strict', '--lib', 'es2022,dom', '--target', 'es2022', '--module', 'nodenext',
      '--moduleResolution', 'nodenext', join(out, 'consumer.ts')], { cwd: out, stdio: ['ignore', 'inherit', 'inherit'] });
  });
});

describe('the packaged folder on another site, at a versioned path', () => {
  let env;
  let site;
  before(async () => {
    env = await start();
    const at = `/vendor/socval/${version}/`;
    const page = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A council page</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="${at}socval.js"></script></head>
<body><main><h1>Social value</h1><social-value-calculator config-src="/procurement/council.json"></social-value-calculator></main></body></html>`;
    // The site holds the package's folder at `at`, and nothing else of ours.
    cpSync(join(pkg, 'socval'), join(out, 'site', at), { recursive: true });
    site = await serve(join(out, 'site'), 0, {
      '/council.html': ['text/html; charset=utf-8', page],
      '/procurement/council.json': ['application/json', readFileSync(join(WWW, 'examples', 'exampleshire.json'))],
      '/favicon.svg': ['image/svg+xml', readFileSync(join(WWW, 'favicon.svg'))],
    });
    site.at = at;
  });
  after(async () => { site?.close(); await env?.close(); });

  test('renders, fires socval-ready, and fetches only from its own folder', async () => {
    const { context, page } = await newPage(env.browser);
    const paths = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    await page.addInitScript(() => document.addEventListener('socval-ready', (e) => { window.__ready = e.detail; }));
    await page.goto(`http://127.0.0.1:${site.address().port}/council.html`);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.__ready), { council: 'Exampleshire County Council' });
    assert.deepEqual(page.problems, []);
    const outside = paths.filter((p) => !p.startsWith(site.at) && !['/council.html', '/procurement/council.json', '/favicon.svg'].includes(p));
    assert.deepEqual(outside, []);
    assert.ok(paths.includes(`${site.at}socval_widget_bg.wasm`));
    await context.close();
  });
});
