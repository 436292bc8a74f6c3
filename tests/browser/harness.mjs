// Shared set-up for the browser tests: a static server for www/ (with the
// strict CSP the embedding guide documents), Debian's Chromium, and helpers
// that reach into the widget's shadow root.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const TODAY = new Date().toISOString().slice(0, 10);

const hostilePage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Hostile host page</title>
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="hostile.css">
<script type="module" src="socval/socval.js"></script></head>
<body><main><h1>A page with hostile CSS</h1>
<social-value-calculator config-src="examples/exampleshire.json"></social-value-calculator>
</main></body></html>`;
// Everything a careless or hostile host stylesheet might do.
const hostileCss = `* { all: unset !important; }
html { font-size: 48px !important; }
input, button, select, label { display: none !important; visibility: hidden !important; }
div, section, form { opacity: 0.01 !important; color: red !important; font-size: 60px !important; }
social-value-calculator { font-size: 72px; color: yellow; }`;
const twoPage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Two calculators</title>
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="portal.css">
<script type="module" src="socval/socval.js"></script></head>
<body><main><h1>Two calculators on one page</h1>
<social-value-calculator id="first" config-src="examples/exampleshire.json"></social-value-calculator>
<social-value-calculator id="second" config-src="examples/northmoor.json"></social-value-calculator>
</main></body></html>`;

const columnPage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Social value calculator</title>
<link rel="icon" href="favicon.svg"><link rel="stylesheet" href="portal.css"><link rel="stylesheet" href="column.css">
<script type="module" src="socval/socval.js"></script></head>
<body><main class="width-container"><div class="two-thirds"><h1>Social value calculator</h1>
<social-value-calculator config-src="examples/exampleshire.json" no-heading></social-value-calculator>
</div></main></body></html>`;
const badConfigPage = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A council config with problems</title>
<link rel="icon" href="favicon.svg"><script type="module" src="socval/socval.js"></script></head>
<body><main><h1>A configuration with problems</h1>
<social-value-calculator><script type="application/json">{"schema_version": 1, "council": {"name": ""}, "framework": {"builtin": "socval-open"}}</script></social-value-calculator>
</main></body></html>`;

// For the tests that drive every engine, which have no init scripts: a
// classic script that runs before the widget's module and records what a
// test needs to see (problems, results, the globals before the widget).
const recorder = `window.__socval = { globals: Object.keys(window), problems: [], results: [] };
addEventListener('error', (e) => __socval.problems.push(String(e.message)));
addEventListener('unhandledrejection', (e) => __socval.problems.push(String(e.reason)));
document.addEventListener('securitypolicyviolation', (e) => __socval.problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
document.addEventListener('socval-result', (e) => __socval.results.push(e.detail));
for (const type of ['socval-ready', 'socval-error']) document.addEventListener(type, (e) => (__socval.events ??= []).push({ type, detail: e.detail, target: e.target.localName }));
const consoleError = console.error;
console.error = (...a) => { __socval.problems.push(a.map(String).join(' ')); consoleError.apply(console, a); };`;
const recorded = (html) => html.replace('<head>', '<head><script src="/record.js"></script>');

/** Starts the static server with the test pages; returns { base, close }. */
export async function startServer() {
  const server = await serve(WWW, 0, {
    '/hostile.html': ['text/html; charset=utf-8', recorded(hostilePage)],
    '/hostile.css': ['text/css; charset=utf-8', hostileCss],
    '/two.html': ['text/html; charset=utf-8', twoPage],
    '/record.js': ['text/javascript; charset=utf-8', recorder],
    // The demo page as a browser too old for the loader meets it: the script never defines the element.
    '/old.html': ['text/html; charset=utf-8', readFileSync(join(WWW, 'index.html'), 'utf8').replaceAll('socval/socval.js', 'socval/not-there.js')],
    // A GOV.UK page's two-thirds column on a wide screen, whose h1 names the service.
    '/column.html': ['text/html; charset=utf-8', recorded(columnPage)],
    '/column.css': ['text/css; charset=utf-8', '.width-container { max-width: 960px; margin: 0 auto; } .two-thirds { width: 66.66%; }'],
    // A configuration with problems, inline.
    '/bad-config.html': ['text/html; charset=utf-8', recorded(badConfigPage)],
    '/blank.html': ['text/html; charset=utf-8', '<!doctype html><html lang="en-GB"><title>Blank</title><p>No calculator here.</p></html>'],
    '/journey.html': ['text/html; charset=utf-8', recorded(readFileSync(join(WWW, 'index.html'), 'utf8'))],
  });
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Starts the server and the browser; returns { base, browser, close }. */
export async function start() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return { base: server.base, browser, close: async () => { await browser.close(); server.close(); } };
}

/** A fresh page (own context: own storage) that fails the test on any console error or CSP violation. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(e.message));
  return { context, page };
}

/** The element with `id` inside the (first, or given) widget's shadow root. */
export function field(page, id, widget = 'social-value-calculator') {
  return page.locator(widget).locator(`#${id}`);
}

/** Waits until the widget has rendered its form. */
export async function ready(page, widget = 'social-value-calculator') {
  await page.locator(widget).locator('#contract-value').waitFor({ state: 'attached', timeout: 15000 });
}

/** Waits for results to show the given figure (text of [data-figure=name]) to change from `before`. */
export async function figure(page, name, widget = 'social-value-calculator') {
  const loc = page.locator(widget).locator(`[data-figure="${name}"]`);
  await loc.waitFor({ timeout: 10000 });
  return (await loc.textContent()).trim();
}

/** "£1,234.56" → 1234.56; "12.5%" → 12.5. */
export function number(text) {
  return Number(text.replace(/[£,%\s]/g, ''));
}

/** The CLI's result for a config and proposal file (JSON). */
export function cli(config, proposal, command = 'calc') {
  const bin = join(ROOT, 'target', 'debug', 'socval');
  const out = execFileSync(bin, [command, '--config', config, '--proposal', proposal, '--format', 'json', '--today', TODAY], { cwd: ROOT });
  return JSON.parse(out.toString());
}

export function example(name) {
  return readFileSync(join(WWW, 'examples', name), 'utf8');
}
