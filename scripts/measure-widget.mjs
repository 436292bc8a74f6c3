// Measures the embedded widget: transfer sizes (gzip, brotli), time from
// navigation to the widget's first render, and the time one recalculation
// takes, in headless Chromium on localhost. Medians over several runs.
// Usage: node scripts/measure-widget.mjs [runs]   (after scripts/build-www.sh)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const runs = Number(process.argv[2] ?? 10);
const www = join(import.meta.dirname, '..', 'www');
const files = ['socval/socval_widget_bg.wasm', 'socval/socval_widget.js', 'socval/socval.js', 'examples/exampleshire.json', 'socval/outcodes.csv'];
const kb = (n) => (n / 1024).toFixed(1);
console.log('Transfer size (KiB)            raw    gzip  brotli');
let total = [0, 0, 0];
for (const f of files) {
  const b = readFileSync(join(www, f));
  const g = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`  ${f.padEnd(28)} ${kb(b.length).padStart(6)} ${kb(g).padStart(7)} ${kb(br).padStart(7)}`);
  if (!f.endsWith('.csv')) total = [total[0] + b.length, total[1] + g, total[2] + br];
}
console.log(`  ${'total without the csv'.padEnd(28)} ${kb(total[0]).padStart(6)} ${kb(total[1]).padStart(7)} ${kb(total[2]).padStart(7)}   (CSS is compiled into the wasm; the csv loads only when a council's local area needs it, as Exampleshire's does)`);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const server = await serve(www, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
for (const rate of [1, 4]) {
  const firstRender = [];
  const recalc = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(`${base}/index.html`);
    await page.locator('social-value-calculator').locator('#contract-value').waitFor();
    firstRender.push(await page.evaluate(() => performance.getEntriesByName('socval:first-render')[0]?.startTime));
    await page.locator('social-value-calculator').locator('#import-file').setInputFiles(join(www, 'examples', 'exampleshire-proposal.json'));
    await page.locator('social-value-calculator').locator('[data-figure="gross"]').waitFor();
    for (let k = 0; k < 5; k++) {
      await page.locator('social-value-calculator').locator('#contract-value').fill(String(2000000 + k));
      await page.waitForTimeout(250);
    }
    recalc.push(...(await page.evaluate(() => performance.getEntriesByName('socval:recalculate').map((e) => e.duration))));
    await context.close();
  }
  console.log(`CPU ${rate}x: first render ${median(firstRender).toFixed(1)} ms after navigation (median of ${runs}); ` +
    `recalculation p50 ${median(recalc).toFixed(2)} ms, p95 ${pct(recalc, 0.95).toFixed(2)} ms (${recalc.length} samples, 6 commitments, 6 spend lines)`);
}
const version = browser.version();
await browser.close();
server.close();
console.log(`Chromium ${version} headless, localhost, ${new Date().toISOString()}`);
