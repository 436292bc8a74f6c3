// The supplier journey, the first minute without false errors and the
// hostile host page, in each of the three engines (see engines.mjs):
// Chromium, Firefox ESR and WebKitGTK (Safari's engine).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINES, until } from './engines.mjs';
import { startServer } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.close());

// Page-side helpers, passed to tab.eval (each must stand alone).
const FORM_READY = () => !!document.querySelector('social-value-calculator')?.shadowRoot?.querySelector('#contract-value');
const FIGURE = (name) => document.querySelector('social-value-calculator').shadowRoot.querySelector(`[data-figure="${name}"]`)?.textContent.trim() ?? null;
const STATE = () => {
  const r = document.querySelector('social-value-calculator').shadowRoot;
  return {
    summary: r.querySelector('.error-summary')?.textContent ?? null,
    // GOV.UK's markup: the alert is inside the summary, which has no label of its own.
    alert: r.querySelector('.error-summary > [role="alert"]')?.textContent ?? null,
    labelled: r.querySelector('.error-summary')?.hasAttribute('aria-labelledby') ?? null,
    announced: r.querySelector('[role="status"][aria-atomic="true"]')?.textContent ?? '',
    results: r.querySelector('#results')?.textContent ?? '',
    invalid: [...r.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id),
    problems: window.__socval.problems,
  };
};
// What the form holds and shows, to say why a wait for a figure failed.
const FORM = () => {
  const r = document.querySelector('social-value-calculator').shadowRoot;
  return {
    fields: Object.fromEntries([...r.querySelectorAll('input, select')].filter((e) => e.value && e.type !== 'checkbox' && e.type !== 'radio').map((e) => [e.id, e.value])),
    figures: Object.fromEntries([...r.querySelectorAll('[data-figure]')].map((e) => [e.dataset.figure, e.textContent.trim()])),
    results: r.querySelector('#results')?.textContent.slice(0, 300) ?? null,
    problems: window.__socval?.problems,
  };
};
/** `until`, saying what the form held if it times out. */
async function untilShown(tab, fn, arg, what) {
  try {
    return await until(tab, fn, arg, what);
  } catch (e) {
    const seen = await tab.eval(FORM).catch((why) => `(the page did not answer: ${why})`);
    throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
  }
}

// Marks the widget's `tag` element whose text contains `text`, for a click.
const MARK = ([tag, text]) => {
  const r = document.querySelector('social-value-calculator').shadowRoot;
  r.querySelectorAll('[data-test-target]').forEach((e) => e.removeAttribute('data-test-target'));
  const el = [...r.querySelectorAll(tag)].find((e) => e.textContent.includes(text));
  el?.setAttribute('data-test-target', '');
  return !!el;
};

// Engines that have drawn the widget once.
const warm = new WeakSet();

/** Opens a test page with empty storage (WebKit keeps one session for all
 * tests). Storage is cleared from a page without the widget, which would
 * save its draft again as it is left. An engine's first page may wait a
 * minute for the form: on a fresh machine the first start fills the
 * engine's caches (fonts, compiled code), and CI once saw WebKit take over
 * 15 seconds there; later pages wait 15. */
async function open(browser, path) {
  const tab = await browser.open(`${server.base}/blank.html`);
  await tab.eval(() => localStorage.clear());
  const t0 = Date.now();
  await tab.goto(`${server.base}/${path}`);
  try {
    await until(tab, FORM_READY, null, 'the form', warm.has(browser) ? 15000 : 60000);
    if (!warm.has(browser)) console.log(`# ${browser.version}: the first form drawn ${Date.now() - t0} ms after navigation began`);
    warm.add(browser);
  } catch (e) {
    // Which stage the loader reached, and what the page said: a failure here
    // should tell where the time went.
    const seen = await tab.eval(LOADING).catch((why) => `(the page did not answer: ${why})`);
    throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
  }
  return tab;
}

// The loader's User Timing marks, our files fetched, and the widget's box.
const LOADING = () => ({
  ready: document.readyState,
  defined: !!customElements.get('social-value-calculator'),
  marks: performance.getEntriesByType('mark').map((m) => `${m.name}@${Math.round(m.startTime)}`),
  fetched: performance.getEntriesByType('resource').map((r) => `${r.name.replace(location.origin, '')}@${Math.round(r.responseEnd)}`),
  shadow: document.querySelector('social-value-calculator')?.shadowRoot?.innerHTML.slice(0, 300) ?? null,
  problems: window.__socval?.problems,
});

/** Replaces a field's text by typing, as a user would. */
async function retype(tab, id, text) {
  await tab.eval((id) => { document.querySelector('social-value-calculator').shadowRoot.getElementById(id).value = ''; }, id);
  await tab.type(`#${id}`, text);
}

async function clickText(tab, tag, text) {
  assert.ok(await tab.eval(MARK, [tag, text]), `a ${tag} reading "${text}"`);
  await tab.click('[data-test-target]');
}

// The announcement waits for typing to pause (app.rs, ANNOUNCE_AFTER_MS = 1000).
const settle = () => new Promise((ok) => setTimeout(ok, 1300));

for (const engine of ENGINES) {
  describe(`in ${engine.name}`, () => {
    let browser;
    before(async () => {
      browser = await engine.launch();
      console.log(`# ${engine.name} ${browser.version}`);
    });
    after(async () => { await browser?.close(); });

    test('typing the first field and moving on shows no error and announces no problem', async () => {
      const tab = await open(browser, 'journey.html');
      await tab.type('#contract-value', '2000000');
      await tab.key('Tab');
      await settle();
      const s = await tab.eval(STATE);
      assert.equal(s.summary, null, 'no error summary for fields not yet reached');
      assert.doesNotMatch(s.announced, /problem/i);
      assert.deepEqual(s.invalid, []);
      // The results say, in neutral words, what they still need.
      assert.match(s.results, /To see results:.*contract length/);
      assert.deepEqual(s.problems, []);
      await tab.close();
    });

    test('a required field touched and left empty shows its error', async () => {
      const tab = await open(browser, 'journey.html');
      await tab.type('#contract-value', '2000000');
      await tab.key('Tab');
      // Focus is now on the contract length: leave it empty.
      assert.equal(await tab.eval(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id), 'contract-duration');
      await tab.key('Tab');
      await settle();
      const s = await tab.eval(STATE);
      assert.match(s.summary ?? '', /There is a problem.*Enter the contract length/);
      assert.deepEqual(s.invalid, ['contract-duration']);
      assert.match(s.alert ?? '', /^There is a problem.*Enter the contract length/, 'read out by the summary\'s alert');
      assert.equal(s.labelled, false);
      assert.doesNotMatch(s.announced, /problem/i, 'said once, by the alert, not again by the results region');
      await tab.close();
    });

    test('the supplier journey: contract, commitments, a spend line, results, export and print', async () => {
      const tab = await open(browser, 'journey.html');
      await tab.type('#contract-value', '2000000');
      await tab.type('#contract-duration', '3');
      // Carbon's value depends on the year it is saved: fix the start year.
      await retype(tab, 'contract-start', '2027');
      await clickText(tab, 'summary', 'Environment');
      await tab.type('#m-environment-carbon-quantity', '120');
      await clickText(tab, 'summary', 'Communities');
      await tab.type('#m-community-volunteering-quantity', '400');
      await tab.type('#staff-0-label', 'Site team');
      await tab.type('#staff-0-postcode', 'EX4 4QJ');
      await tab.type('#staff-0-amount', '600000');
      // The same figures as the Chromium journey in widget.test.mjs, worked there.
      await untilShown(tab, (want) => document.querySelector('social-value-calculator').shadowRoot.querySelector('[data-figure="gross"]')?.textContent.trim() === want, '£44,636.18', 'gross £44,636.18');
      assert.equal(await tab.eval(FIGURE, 'ratio'), '2.23%');
      // The staff line was typed last: its figure may take a moment more.
      await untilShown(tab, (want) => document.querySelector('social-value-calculator').shadowRoot.querySelector('[data-figure="lm3"]')?.textContent.trim() === want, '1.4362', 'LM3 1.4362');
      assert.match(await tab.eval(() => document.querySelector('social-value-calculator').shadowRoot.querySelector('.spend-line').textContent), /Counts as local/);
      // The socval-result event carries the full report, from the lazily loaded module.
      const event = await until(tab, () => window.__socval.results.find((r) => r.lm3.lm3 === 1.4362), null, 'a socval-result event');
      assert.equal(event.totals.gross, 44636.18);

      // Export: the files the browser would save, caught as they are made.
      await tab.eval(() => {
        window.__files = [];
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.__files.push(blob); return make.call(URL, blob); };
      });
      // One at a time, so that a click the engine's driver lost is named.
      await clickText(tab, 'button', 'Download your proposal (JSON)');
      await until(tab, () => window.__files.length === 1, null, 'the proposal file');
      await clickText(tab, 'button', 'Download results (CSV)');
      // Bytes, not Blob.text(), which drops a byte order mark.
      const files = await until(tab, async () => window.__files.length === 2 && Promise.all(window.__files.map(async (b) => {
        const bytes = new Uint8Array(await b.arrayBuffer());
        return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, text: new TextDecoder().decode(bytes) };
      })), null, 'two files');
      const proposal = JSON.parse(files[0].text);
      assert.deepEqual(proposal.commitments.map((c) => [c.measure, c.quantity]), [['community-volunteering', 400], ['environment-carbon', 120]]);
      assert.equal(proposal.spend.staff[0].amount, 600000);
      assert.ok(files[1].bom, 'the CSV starts with a byte order mark');
      assert.match(files[1].text, /44636\.18/);

      // Print media: the widget's print rules, applied as printing would.
      // Once the lazy module has drawn the summary for a bid, it is the
      // whole printout: the form, the tools and the live panel are not.
      await until(tab, () => !!document.querySelector('social-value-calculator').shadowRoot.querySelector('.print-summary .working'), null, 'the printed summary');
      const printed = await tab.eval(() => {
        const r = document.querySelector('social-value-calculator').shadowRoot;
        const rules = r.adoptedStyleSheets.flatMap((s) => [...s.cssRules])
          .filter((x) => x instanceof CSSMediaRule && x.media.mediaText === 'print')
          .flatMap((x) => [...x.cssRules].map((c) => c.cssText));
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(rules.join('\n'));
        r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
        const shown = (sel) => { const e = r.querySelector(sel); return !!e && e.getClientRects().length > 0; };
        const summary = r.querySelector('.print-summary')?.textContent ?? '';
        const out = { rules: rules.length, form: shown('#contract-value'), tools: shown('.tools'), panel: shown('[data-figure="lm3"]'), summary: shown('.print-summary'), gross: summary.includes('£44,636.18'), lm3: summary.includes('1.4362') };
        r.adoptedStyleSheets = r.adoptedStyleSheets.slice(0, -1);
        return out;
      });
      assert.ok(printed.rules > 3, 'the print rules are parsed');
      assert.deepEqual({ ...printed, rules: 0 }, { rules: 0, form: false, tools: false, panel: false, summary: true, gross: true, lm3: true });
      assert.deepEqual((await tab.eval(STATE)).problems, []);
      await tab.close();
    });

    test('a host page with hostile CSS: the form stays usable, and no globals are added', async () => {
      const tab = await open(browser, 'hostile.html');
      const looks = await tab.eval(() => {
        const input = document.querySelector('social-value-calculator').shadowRoot.querySelector('#contract-value');
        const box = input.getBoundingClientRect();
        return { height: box.height, size: getComputedStyle(input).fontSize, visible: getComputedStyle(input).visibility };
      });
      assert.ok(looks.height > 20 && looks.height < 80, `input height ${looks.height}px is sane`);
      assert.equal(looks.size, '16px', 'the host font size does not leak in');
      assert.equal(looks.visible, 'visible');
      await tab.type('#contract-value', '2000000');
      await tab.type('#contract-duration', '3');
      await until(tab, FIGURE, 'ratio', 'a ratio');
      assert.equal(await tab.eval(FIGURE, 'ratio'), '0%');
      const added = await tab.eval(() => Object.keys(window).filter((k) => !window.__socval.globals.includes(k) && k !== '__socval'));
      assert.deepEqual(added, [], 'no new globals on window');
      assert.deepEqual((await tab.eval(STATE)).problems, []);
      await tab.close();
    });
  });
}
