// The three browser engines the tests run in, behind one small interface,
// all from Debian's packages:
// - Chromium, through playwright-core (the Chrome DevTools protocol);
// - Firefox ESR, through puppeteer-core over WebDriver BiDi (Firefox's own
//   remote agent: no patched build, no download);
// - WebKitGTK's MiniBrowser (Safari's engine), through WebKitWebDriver,
//   classic WebDriver over HTTP, under Xvfb as MiniBrowser has no headless mode.
//
// A tab offers what the cross-engine tests need and nothing engine-specific:
//   eval(fn, arg)      run fn(arg) in the page; awaits a promise; JSON result
//   type(sel, text)    real keystrokes into the widget's element matching sel
//   key(name)          'Tab' pressed on whatever has focus
//   click(sel)         a real click on the widget's element matching sel
// where sel is a CSS selector inside the (first) widget's shadow root.
import { spawn } from 'node:child_process';
import { freePort } from '../../scripts/web-servers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The engines, each with the program it needs (scripts/setup.sh installs all three). */
export const ENGINES = [
  { name: 'chromium', program: CHROMIUM, launch: launchChromium },
  { name: 'firefox', program: FIREFOX, launch: launchFirefox },
  { name: 'webkit', program: MINIBROWSER, launch: launchWebKit },
];

// The widget's element matching `sel`, found from inside the page.
const inWidget = (sel) => `document.querySelector('social-value-calculator').shadowRoot.querySelector(${JSON.stringify(sel)})`;

async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const version = browser.version();
  return {
    version,
    async open(url) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      const widget = (sel) => page.locator('social-value-calculator').first().locator(sel);
      return {
        eval: (fn, arg) => page.evaluate(fn, arg),
        type: (sel, text) => widget(sel).pressSequentially(text),
        key: (name) => page.keyboard.press(name),
        click: (sel) => widget(sel).click(),
        goto: (to) => page.goto(to),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
  const version = await browser.version();
  return {
    version,
    async open(url) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(url);
      const widget = async (sel) => {
        // Waits for it, as a theme's inputs appear only once its toggle is handled.
        const handle = await page.waitForSelector(`social-value-calculator >>> ${sel}`, { timeout: 5000 }).catch(() => null);
        if (!handle) throw new Error(`no element ${sel} in the widget`);
        return handle;
      };
      return {
        eval: (fn, arg) => page.evaluate(fn, arg),
        type: async (sel, text) => (await widget(sel)).type(text),
        key: (name) => page.keyboard.press(name),
        click: async (sel) => (await widget(sel)).click(),
        goto: (to) => page.goto(to),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function launchWebKit() {
  const port = await freePort();
  // Its own process group, so that closing ends Xvfb and the driver too.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], { detached: true, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  async function wd(method, path, body) {
    const r = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    const j = await r.json();
    if (j.value?.error) throw new Error(`WebDriver ${path}: ${j.value.error}: ${j.value.message}`);
    return j.value;
  }
  for (let i = 0; ; i++) {
    try { await fetch(`${base}/status`); break; } catch (e) { if (i > 100) throw e; await new Promise((ok) => setTimeout(ok, 100)); }
  }
  const session = await wd('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
  });
  const s = `/session/${session.sessionId}`;
  await wd('POST', `${s}/window/rect`, { width: 1280, height: 900 }).catch(() => {});
  const version = session.capabilities.browserVersion;
  // Runs `code` (a function body) with `arg`, awaiting a promise.
  const run = async (code, arg) => {
    const script = `const done = arguments[1];
      Promise.resolve().then(() => (${code})(arguments[0]))
        .then((ok) => done({ ok: ok === undefined ? null : ok }), (e) => done({ err: String(e && e.stack || e) }));`;
    const v = await wd('POST', `${s}/execute/async`, { script, args: [arg ?? null] });
    if (v && 'err' in v) throw new Error(v.err);
    return v?.ok;
  };
  // Waits for the element as Playwright's and Puppeteer's locators do: a
  // theme's inputs appear only after its toggle event (a task of its own in
  // WebKit) has been handled.
  const element = async (sel) => {
    for (let i = 0; i < 50; i++) {
      const el = await wd('POST', `${s}/execute/sync`, { script: `return ${inWidget(sel)};`, args: [] });
      if (el) return Object.values(el)[0];
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`no element ${sel} in the widget`);
  };
  const KEYS = { Tab: '\uE004' };
  return {
    version,
    async open(url) {
      await wd('POST', `${s}/url`, { url });
      return {
        eval: (fn, arg) => run(fn.toString(), arg),
        type: async (sel, text) => wd('POST', `${s}/element/${await element(sel)}/value`, { text }),
        key: async (name) => {
          const active = await wd('POST', `${s}/execute/sync`, {
            script: 'const r = document.querySelector("social-value-calculator")?.shadowRoot; return r?.activeElement ?? document.activeElement;', args: [],
          });
          await wd('POST', `${s}/element/${Object.values(active)[0]}/value`, { text: KEYS[name] });
        },
        click: async (sel) => wd('POST', `${s}/element/${await element(sel)}/click`, {}),
        goto: (to) => wd('POST', `${s}/url`, { url: to }),
        // One window for the whole session: a tab is closed by leaving it.
        close: () => wd('POST', `${s}/url`, { url: 'about:blank' }),
      };
    },
    async close() {
      await wd('DELETE', s).catch(() => {});
      try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}


/** Polls `fn(arg)` in the page until it returns something truthy; returns it. */
export async function until(tab, fn, arg, what = fn.toString(), timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await tab.eval(fn, arg);
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
