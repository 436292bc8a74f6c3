// The benchmark's server rows: the demo page served by Debian's nginx and
// Apache, each out of the box and with the embedding guide's configuration,
// loaded on a phone-like profile (4× CPU slowdown, 1.6 Mbit/s down, 750 kbit/s
// up, 150 ms round trip: the profile of issue 14's measurements). Reports the
// first render and the bytes on the wire (headers and bodies, as received)
// up to it. Part of scripts/bench.mjs; alone: node scripts/bench/servers.mjs [runs]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERVERS, startWebServer } from '../web-servers.mjs';

const WWW = join(import.meta.dirname, '..', '..', 'www');
const PHONE = { cpu: 4, latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8 };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

/** One phone-like load of `url`: ms to first render, bytes received by then. */
async function phoneLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: PHONE.latency, downloadThroughput: PHONE.download, uploadThroughput: PHONE.upload,
  });
  let bytes = 0;
  let counting = true;
  cdp.on('Network.loadingFinished', (e) => { if (counting) bytes += e.encodedDataLength; });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('socval:first-render').length > 0, null, { timeout: 120000 });
  counting = false;
  const first = await page.evaluate(() => performance.getEntriesByName('socval:first-render')[0].startTime);
  await context.close();
  return { first, bytes };
}

/** Adds a row per server and configuration through `row(figure, value)`. */
export async function serverRows(browser, runs, row) {
  for (const [name, s] of Object.entries(SERVERS)) {
    if (!existsSync(s.binary)) {
      row(`server: ${name}`, `not installed (${s.binary})`);
      continue;
    }
    for (const variant of ['defaults', 'guide']) {
      const server = await startWebServer(name, WWW, variant);
      const loads = [];
      try {
        for (let i = 0; i < runs; i++) loads.push(await phoneLoad(browser, `http://127.0.0.1:${server.port}/index.html`));
      } finally {
        await server.stop();
      }
      const label = variant === 'guide' ? "the guide's configuration" : "Debian's defaults";
      row(`server: ${name}, ${label}: phone-like first render; bytes on the wire (median of ${runs})`,
        `${Math.round(median(loads.map((l) => l.first))).toLocaleString('en-GB')} ms; ${(median(loads.map((l) => l.bytes)) / 1000).toFixed(0)} kB`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    await serverRows(browser, Number(process.argv[2] ?? 3), (figure, value) => console.log(`${figure.padEnd(100)}  ${value}`));
  } finally {
    await browser.close();
  }
}
