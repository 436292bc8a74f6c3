// End-to-end tests of the embedded widget in headless Chromium.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, WWW, cli, field, figure, newPage, number, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const RECORD_RESULTS = () => document.addEventListener('socval-result', (e) => { (window.__results ??= []).push(e.detail); });

async function openExampleshire(options) {
  const { context, page } = await newPage(env.browser, options);
  await page.addInitScript(RECORD_RESULTS);
  await page.goto(`${env.base}/index.html`);
  await ready(page);
  return { context, page };
}

/** Waits until a figure no longer reads `before` (a number). */
async function changed(page, name, before) {
  await page.waitForFunction(([name, before]) => {
    const el = document.querySelector('social-value-calculator').shadowRoot.querySelector(`[data-figure="${name}"]`);
    return el && Number(el.textContent.replace(/[£,%\s]/g, '')) !== before;
  }, [name, before]);
}

/** Waits until a figure reads `value` (a number). */
async function reads(page, name, value) {
  await page.waitForFunction(([name, value]) => {
    const el = document.querySelector('social-value-calculator').shadowRoot.querySelector(`[data-figure="${name}"]`);
    return el && Number(el.textContent.replace(/[£,%\s]/g, '')) === value;
  }, [name, value]);
}

/** Runs `f` with a fresh page, then closes its context. */
async function plainPage(f) {
  const { context, page } = await newPage(env.browser);
  try { await f(page); } finally { await context.close(); }
}

async function fillContract(page, value = '2000000', years = '3') {
  await field(page, 'contract-value').fill(value);
  await field(page, 'contract-duration').fill(years);
}

describe('the embedded widget', () => {
  test('loads nothing but its own files and the council config, and sets no cookie', async () => {
    const { context, page } = await newPage(env.browser);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url())));
    await page.goto(`${env.base}/index.html`);
    await ready(page);
    await fillContract(page);
    await figure(page, 'ratio');
    const paths = requests.map((u) => (u.origin === env.base ? u.pathname : u.href)).sort();
    const allowed = ['/index.html', '/portal.css', '/favicon.svg', '/socval/socval.js', '/socval/socval_widget.js',
      '/socval/socval_widget_bg.wasm', '/socval/outcodes.csv', '/examples/exampleshire.json',
      // The report module, fetched once there is a result to report.
      '/socval/report/socval_report.js', '/socval/report/socval_report_bg.wasm', '/socval/outcodes-split.csv',
      // This test server compresses nothing, so the loader fetches the gzip copies beside them.
      '/socval/socval_widget_bg.wasm.gz', '/socval/outcodes.csv.gz', '/socval/report/socval_report_bg.wasm.gz', '/socval/outcodes-split.csv.gz'];
    for (const p of paths) assert.ok(allowed.includes(p), `unexpected request: ${p}`);
    assert.ok(paths.includes('/socval/socval_widget_bg.wasm') && paths.includes('/examples/exampleshire.json'));
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('drawn in two stages, the results first, and nothing in the widget moves, wide or narrow', async () => {
    // Wide, the form and the results side by side: the rest of the form is
    // drawn after the first paint, beside the results. Narrow, in one
    // column, the rest would go above the results: it is drawn before the
    // first paint, so nothing the supplier sees moves.
    // Tall, so that everything the first stage draws is in view.
    for (const viewport of [{ width: 1280, height: 1600 }, { width: 600, height: 1600 }]) {
      const { context, page } = await newPage(env.browser, { viewport });
      await page.addInitScript(() => {
        // What moved inside the widget. (The host page's own content below
        // it moves once as the widget grows past the height it holds,
        // `--socval-min-height`, which the embedder sets.)
        window.__shifts = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) {
            // A node in the shadow root is not shown to the page: no node.
            for (const s of e.sources) if (!s.node || s.node.getRootNode() !== document) window.__shifts.push(`${s.previousRect.y} -> ${s.currentRect.y}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        window.__ready = new Promise((r, no) => {
          document.addEventListener('socval-ready', r);
          document.addEventListener('socval-error', (e) => no(new Error(e.detail.message)));
          setTimeout(() => no(new Error('no socval-ready in 15 s')), 15000);
        });
        // Whether the commitments were drawn with the first render.
        const mark = performance.mark.bind(performance);
        performance.mark = (name, ...rest) => {
          if (name === 'socval:first-render') {
            window.__firstDrew = !!document.querySelector('social-value-calculator')?.shadowRoot?.getElementById('measure-search');
          }
          return mark(name, ...rest);
        };
      });
      await page.goto(`${env.base}/index.html`);
      await page.evaluate(() => window.__ready);
      // A frame after the whole form is drawn, so that any shift is seen.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
      const narrow = viewport.width < 900;
      assert.equal(await page.evaluate(() => window.__firstDrew), narrow,
        `${viewport.width}px: the commitments ${narrow ? 'with' : 'after'} the first render`);
      assert.ok(await field(page, 'measure-search').isVisible(), `${viewport.width}px: the whole form is drawn`);
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], `${viewport.width}px: nothing in the widget moved`);
      assert.deepEqual(page.problems, []);
      await context.close();
    }
  });

  test('a supplier journey: empty form to results, live', async () => {
    const { context, page } = await openExampleshire();
    const results = page.locator('social-value-calculator').locator('#results');
    assert.match(await results.textContent(), /Enter the contract value/);
    await fillContract(page);
    // Carbon's value depends on the year it is saved: fix the start year.
    await field(page, 'contract-start').fill('2027');
    await page.locator('social-value-calculator').locator('summary', { hasText: 'Environment' }).click();
    await field(page, 'm-environment-carbon-quantity').fill('120');
    await page.locator('social-value-calculator').locator('summary', { hasText: 'Communities' }).click();
    await field(page, 'm-community-volunteering-quantity').fill('400');
    await field(page, 'staff-0-label').fill('Site team');
    await field(page, 'staff-0-postcode').fill('EX4 4QJ');
    await field(page, 'staff-0-amount').fill('600000');
    // Carbon: 40 t in each of 2027, 2028, 2029 at DESNZ's value for that year in 2022 prices,
    // × 107.4922 ÷ 93.1910 (GDP deflators) into 2026 prices: £324.630112, £329.578460, £334.596017.
    // 40 × (324.630112 + 329.578460 + 334.596017) + 400 h × £12.71 = £39,552.18 + £5,084.00 = £44,636.18
    await page.locator('social-value-calculator').locator('[data-figure="gross"]', { hasText: '£44,636.18' }).waitFor();
    assert.equal(await figure(page, 'ratio'), '2.23%');
    // R2 = £600,000 local wages; R3 = 45.4% of it = £272,400; LM3 = (2,000,000 + 600,000 + 272,400) / 2,000,000
    assert.equal(await figure(page, 'lm3'), '1.4362');
    assert.match(await page.locator('social-value-calculator').locator('.spend-line').first().textContent(), /Counts as local/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the figures the browser shows equal the CLI\'s for the same files', async () => {
    for (const council of ['exampleshire', 'northmoor']) {
      const { context, page } = await newPage(env.browser);
      await page.addInitScript(RECORD_RESULTS);
      await page.goto(`${env.base}/${council === 'exampleshire' ? 'index' : council}.html`);
      await ready(page);
      await field(page, 'import-file').setInputFiles(join(WWW, 'examples', `${council}-proposal.json`));
      const want = cli(`www/examples/${council}.json`, `www/examples/${council}-proposal.json`);
      const money = (x) => `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      await page.locator('social-value-calculator').locator('[data-figure="gross"]', { hasText: money(want.totals.gross) }).waitFor();
      assert.equal(await figure(page, 'adjusted'), money(want.totals.adjusted));
      assert.equal(await figure(page, 'present-value'), money(want.totals.present_value));
      assert.equal(number(await figure(page, 'ratio')), want.ratio.percent);
      assert.equal(Number(await figure(page, 'lm3')), want.lm3.lm3);
      for (const r of ['round1', 'round2', 'round3']) assert.equal(await figure(page, r), money(want.lm3[r]));
      // The event carries the whole result: identical to the CLI's but for the
      // order of commitments (the widget lists them in framework order).
      // The report comes from the lazily loaded report module: wait for it.
      await page.waitForFunction((want) => window.__results?.at(-1)?.totals.gross === want, want.totals.gross);
      const got = await page.evaluate(() => window.__results.at(-1));
      const byMeasure = (ms) => ms.map(({ commitment, ...m }) => m).sort((a, b) => a.measure.localeCompare(b.measure));
      assert.deepEqual(got.totals, want.totals);
      assert.deepEqual(got.themes, want.themes);
      assert.deepEqual(got.lm3, want.lm3);
      assert.deepEqual(got.score, want.score);
      assert.deepEqual(got.ratio, want.ratio);
      assert.deepEqual(byMeasure(got.measures), byMeasure(want.measures));
      assert.deepEqual(page.problems, []);
      await context.close();
    }
  });

  test('a file that repeats a measure opens with every line, and gives the CLI\'s figures', async () => {
    const { context, page } = await openExampleshire();
    const w = page.locator('social-value-calculator');
    const dir = mkdtempSync(join(tmpdir(), 'socval-'));
    const p = JSON.parse(readFileSync(join(WWW, 'examples', 'exampleshire-proposal.json'), 'utf8'));
    const again = { ...p.commitments.find((c) => c.measure === 'community-volunteering'), quantity: 250, note: 'Second site' };
    p.commitments.push(again);
    writeFileSync(join(dir, 'repeated.json'), JSON.stringify(p));
    const want = cli('www/examples/exampleshire.json', join(dir, 'repeated.json'));
    const money = (x) => `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    await field(page, 'import-file').setInputFiles(join(dir, 'repeated.json'));
    await w.locator('[data-figure="present-value"]', { hasText: money(want.totals.present_value) }).waitFor();
    assert.equal(await figure(page, 'gross'), money(want.totals.gross));
    // Both lines are on screen, each with its own quantity and note.
    assert.equal(await field(page, 'm-community-volunteering-quantity').inputValue(), '400');
    assert.equal(await field(page, 'more-0-quantity').inputValue(), '250');
    assert.equal(await field(page, 'more-0-note').inputValue(), 'Second site');
    assert.match(await w.locator('.warnings').textContent(), /added up/);
    // Exported, it holds both; a line added by hand counts too, and removing it puts focus nearby.
    const [d] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: /Download your proposal/ }).click()]);
    const exported = JSON.parse(readFileSync(await d.path(), 'utf8'));
    assert.deepEqual(exported.commitments.filter((c) => c.measure === 'community-volunteering').map((c) => c.quantity), [400, 250]);
    await w.locator('#m-community-volunteering-add').click();
    await field(page, 'more-1-quantity').fill('100');
    await w.locator('[data-figure="gross"]', { hasText: money(want.totals.gross + 100 * 12.71) }).waitFor();
    await w.locator('.commitment-line[data-more]').nth(1).getByRole('button', { name: /Remove/ }).click();
    await w.locator('[data-figure="gross"]', { hasText: money(want.totals.gross) }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id), 'm-community-volunteering-add');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a file the form cannot hold is refused whole, with the limit or rule named, and nothing typed is lost', async () => {
    const { context, page } = await openExampleshire();
    const w = page.locator('social-value-calculator');
    await field(page, 'contract-value').fill('123456');
    const dir = mkdtempSync(join(tmpdir(), 'socval-'));
    const good = JSON.parse(readFileSync(join(WWW, 'examples', 'exampleshire-proposal.json'), 'utf8'));
    const cases = [
      ['many.json', JSON.stringify({ ...good, commitments: Array(240000).fill({ measure: 'community-volunteering', quantity: 1 }) }), /240000 commitments, and the calculator opens at most 1000/],
      ['unknown.json', JSON.stringify({ ...good, commitments: [{ measure: 'made-up', quantity: 1 }] }), /commitments\[0\]\.measure: "made-up" is not a measure this council offers/],
      ['truncated.json', JSON.stringify(good).slice(0, 200), /is not valid JSON/],
      ['binary.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]), /is not valid JSON/],
      ['version.json', JSON.stringify({ ...good, schema_version: 2 }), /schema_version: the file is in format version 2/],
      ['old.json', JSON.stringify({ ...good, framework: { id: 'socval-open', version: '2025.1' } }), /version "2025.1", but this council uses "socval-open" version "2026.1"/],
      ['framework.json', JSON.stringify({ ...good, framework: { id: 'another', version: '1' } }), /made for framework "another"/],
      ['nested.json', `{"schema_version":1,"bidder":${'['.repeat(100000)}${']'.repeat(100000)}}`, /could not be opened/],
      ['deep.json', `${'['.repeat(100000)}${']'.repeat(100000)}`, /could not be opened/],
      ['huge.json', `{"bidder":"${'x'.repeat(33 * 1024 * 1024)}"}`, /the limit is 33554432 bytes/],
    ];
    for (const [name, body, why] of cases) {
      writeFileSync(join(dir, name), body);
      await field(page, 'import-file').setInputFiles(join(dir, name));
      await w.locator('.notice[data-problem]', { hasText: why }).waitFor({ timeout: 20000 });
      assert.equal(await field(page, 'contract-value').inputValue(), '123456', `${name}: what was typed stays`);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('markup and formulas in an opened file are shown as text', async () => {
    const { context, page } = await openExampleshire();
    await page.addInitScript(() => { window.alert = () => { window.__alerted = true; }; });
    await page.reload();
    await ready(page);
    const markup = '<img src=x onerror="window.__alerted=true">';
    const p = JSON.parse(readFileSync(join(WWW, 'examples', 'exampleshire-proposal.json'), 'utf8'));
    p.bidder = `${markup}<script>window.__alerted=true</script>`;
    for (const c of p.commitments) c.note = markup;
    p.spend.staff[0].label = '=HYPERLINK("http://x")';
    const dir = mkdtempSync(join(tmpdir(), 'socval-'));
    writeFileSync(join(dir, 'markup.json'), JSON.stringify(p));
    await field(page, 'import-file').setInputFiles(join(dir, 'markup.json'));
    await figure(page, 'gross');
    assert.equal(await field(page, 'bidder').inputValue(), p.bidder);
    assert.equal(await field(page, 'staff-0-label').inputValue(), '=HYPERLINK("http://x")');
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => [document.querySelector('social-value-calculator').shadowRoot.querySelectorAll('img, script').length, window.__alerted ?? false]);
    assert.deepEqual(found, [0, false]);
    await context.close();
  });

  test('a draft survives a reload; start again clears it', async () => {
    const { context, page } = await openExampleshire();
    await fillContract(page, '750000', '2.5');
    await field(page, 'supplier-postcode').fill('not a postcode');
    await page.waitForTimeout(400);
    await page.reload();
    await ready(page);
    assert.equal(await field(page, 'contract-value').inputValue(), '750000');
    assert.equal(await field(page, 'contract-duration').inputValue(), '2.5');
    assert.equal(await field(page, 'supplier-postcode').inputValue(), 'not a postcode', 'nothing typed is lost, even when invalid');
    assert.match(await page.locator('social-value-calculator').locator('.notice').textContent(), /restored/);
    page.once('dialog', (d) => d.accept());
    await page.locator('social-value-calculator').getByRole('button', { name: 'Start again' }).click();
    await page.waitForTimeout(300);
    await page.reload();
    await ready(page);
    assert.equal(await field(page, 'contract-value').inputValue(), '');
    await context.close();
  });

  test('what was typed just before leaving the page is in the draft', async () => {
    const { context, page } = await openExampleshire();
    await fillContract(page, '123456', '3');
    // No pause for the timed save: hiding the page on reload must save it.
    await page.reload();
    await ready(page);
    assert.equal(await field(page, 'contract-value').inputValue(), '123456');
    assert.equal(await field(page, 'contract-duration').inputValue(), '3');
    await context.close();
  });

  test('a damaged or old draft gives a notice and a fresh form, not a crash', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.base}/embedding.html`);
    await page.evaluate(() => localStorage.setItem('socval:draft:Exampleshire County Council:socval-open:exampleshire', '{"version": 0, "form": 42'));
    await page.goto(`${env.base}/index.html`);
    await ready(page);
    assert.match(await page.locator('social-value-calculator').locator('.notice').textContent(), /could not be restored/);
    assert.equal(await field(page, 'contract-value').inputValue(), '');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('export then import gives the same proposal', async () => {
    const { context, page } = await openExampleshire();
    await field(page, 'import-file').setInputFiles(join(WWW, 'examples', 'exampleshire-proposal.json'));
    await figure(page, 'gross');
    const download = async () => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.locator('social-value-calculator').getByRole('button', { name: /Download your proposal/ }).click()]);
      return JSON.parse(readFileSync(await d.path(), 'utf8'));
    };
    const first = await download();
    assert.equal(first.contract.value, 2000000);
    assert.equal(first.commitments.length, 6);
    page.once('dialog', (d) => d.accept());
    await page.locator('social-value-calculator').getByRole('button', { name: 'Start again' }).click();
    assert.equal(await field(page, 'contract-value').inputValue(), '');
    const dir = mkdtempSync(join(tmpdir(), 'socval-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify(first));
    await field(page, 'import-file').setInputFiles(join(dir, 'p.json'));
    await figure(page, 'gross');
    assert.deepEqual(await download(), first);
    // And the CSV of results downloads too.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('social-value-calculator').getByRole('button', { name: /Download results/ }).click()]);
    // UTF-8 with a byte order mark, CRLF rows, quoted text (src/csv.rs).
    const bytes = readFileSync(await csv.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /^\uFEFFsection,item,gross,adjusted,present_value,detail\r\n"summary",/);
    await context.close();
  });

  test('an opened proposal lists what is recorded without a value, and a bad file loses nothing', async () => {
    const { context, page } = await openExampleshire();
    const w = page.locator('social-value-calculator');
    await field(page, 'import-file').setInputFiles(join(WWW, 'examples', 'exampleshire-proposal.json'));
    const recorded = w.locator('[data-figure="recorded"]');
    // The list is drawn by the lazily loaded module, just after the figures.
    await recorded.locator('li').first().waitFor();
    const text = await recorded.textContent();
    assert.match(text, /Recorded, not valued/);
    assert.match(text, /Local people employed on the contract, 37\.5 FTE-years: no openly licensed value exists/);
    assert.match(text, /Apprenticeship weeks, 156 weeks/);
    // Files the core refuses: a second document after the first, an array. The
    // message names the problem and the form keeps what was there.
    const dir = mkdtempSync(join(tmpdir(), 'socval-'));
    const good = readFileSync(join(WWW, 'examples', 'exampleshire-proposal.json'), 'utf8');
    for (const [name, body, why] of [['array.json', '[1, 2, 3]', /must be a JSON object/], ['bom.json', `\uFEFF${good.replace('2000000', '1500000')}`, null]]) {
      writeFileSync(join(dir, name), body);
      await field(page, 'import-file').setInputFiles(join(dir, name));
      if (why) {
        await w.getByText(why).waitFor();
        assert.equal(await field(page, 'contract-value').inputValue(), '2000000');
      } else {
        // A byte order mark, as Windows editors write, is accepted.
        await page.waitForFunction(() => document.querySelector('social-value-calculator').shadowRoot.getElementById('contract-value').value === '1500000');
      }
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('works inside a host page with hostile global CSS', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.base}/hostile.html`);
    await ready(page);
    const input = field(page, 'contract-value');
    assert.ok(await input.isVisible(), 'inputs stay visible');
    const box = await input.boundingBox();
    assert.ok(box.height > 20 && box.height < 80, `input height ${box.height}px is sane`);
    const size = await input.evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(size, '16px', 'the host font size does not leak in');
    await fillContract(page);
    assert.equal(await figure(page, 'ratio'), '0%');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('two widgets on one page work independently', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.base}/two.html`);
    await ready(page, '#first');
    await ready(page, '#second');
    await field(page, 'contract-value', '#first').fill('100000');
    await field(page, 'contract-duration', '#first').fill('1');
    await figure(page, 'ratio', '#first');
    assert.equal(await field(page, 'contract-value', '#second').inputValue(), '');
    assert.match(await page.locator('#second').locator('h2').first().textContent(), /Northmoor/);
    assert.match(await page.locator('#first').locator('h2').first().textContent(), /Exampleshire/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('trustworthy numbers in the widget: sharing, local-only delivery, priority areas, a bidder outside', async () => {
    const { context, page } = await openExampleshire();
    const w = page.locator('social-value-calculator');
    await fillContract(page, '1000000', '1');
    // A shared initiative: three projects share 300 volunteering hours, so a
    // third of what the council's rules allow counts here.
    await w.locator('summary', { hasText: 'Communities' }).click();
    await field(page, 'm-community-volunteering-quantity').fill('300');
    const whole = number(await figure(page, 'adjusted'));
    assert.ok(whole > 0);
    await field(page, 'm-community-volunteering-shared-by').fill('3');
    await changed(page, 'adjusted', whole);
    assert.ok(Math.abs(number(await figure(page, 'adjusted')) - whole / 3) <= 0.01);
    // A share owed to partners can only lower the figure: 0% gives back the whole, never more.
    await field(page, 'm-community-volunteering-shared-by').fill('');
    await field(page, 'm-community-volunteering-attribution').fill('0');
    await reads(page, 'adjusted', whole);
    // A measure that counts only local delivery asks where, and says so until told.
    await w.locator('summary', { hasText: 'Jobs and skills' }).click();
    await field(page, 'm-jobs-local-quantity').fill('2');
    await w.locator('.warnings', { hasText: 'give the postcode where it is delivered' }).waitFor();
    await field(page, 'm-jobs-local-postcode').fill('BS1 4DJ');
    await w.locator('.warnings', { hasText: 'is outside Exampleshire' }).waitFor();
    await field(page, 'm-jobs-local-postcode').fill('EX4 4QJ');
    await page.waitForFunction(() => !/give the postcode where it is delivered|is outside Exampleshire/
      .test(document.querySelector('social-value-calculator').shadowRoot.querySelector('#results').textContent));
    // Priority-area spend is its own figure, never in LM3; a bidder outside the area is told what reaches it.
    await field(page, 'supplier-postcode').fill('BS1 4DJ');
    await field(page, 'staff-0-postcode').fill('EX4 4QJ');
    await field(page, 'staff-0-amount').fill('100000');
    await figure(page, 'local-share-of-pound');
    const lm3 = Number(await figure(page, 'lm3'));
    await field(page, 'suppliers-0-postcode').fill('PL1 1AA');
    await field(page, 'suppliers-0-amount').fill('50000');
    assert.match(await figure(page, 'priority-spend'), /£50,000\.00 is spent in the council's priority areas/);
    assert.equal(Number(await figure(page, 'lm3')), lm3);
    assert.match(await figure(page, 'local-share-of-pound'), /outside the local area/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('no false errors: a field not reached is not in error until the user asks for a download', async () => {
    const { context, page } = await openExampleshire();
    const w = page.locator('social-value-calculator');
    await field(page, 'contract-value').pressSequentially('100000');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    assert.equal(await w.locator('.error-summary').count(), 0);
    assert.match(await w.locator('#results').textContent(), /To see results:Enter the contract length/);
    // Downloading needs a complete form: every problem shows, and focus goes to the list.
    await w.getByRole('button', { name: 'Download your proposal (JSON)' }).click();
    await w.locator('.error-summary', { hasText: 'Enter the contract length' }).waitFor();
    // Focus follows once the list is drawn (Yew may yield mid-render on a busy machine).
    await page.waitForFunction(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id === 'error-summary', null, { timeout: 2000 });
    assert.equal(await field(page, 'contract-duration').getAttribute('aria-invalid'), 'true');
    await context.close();
  });

  test('asking for a download on an empty form shows what it needs', async () => {
    const { context, page } = await openExampleshire();
    const w = page.locator('social-value-calculator');
    await w.getByRole('button', { name: 'Download your proposal (JSON)' }).click();
    await w.locator('.error-summary', { hasText: 'Enter the contract value' }).waitFor();
    assert.match(await w.locator('.error-summary').textContent(), /Enter the contract length/);
    await context.close();
  });

  test('a restored draft shows what is wrong with its values at once, not what it lacks', async () => {
    const { context, page } = await openExampleshire();
    await field(page, 'contract-value').fill('lots');
    await page.waitForTimeout(400);
    await page.reload();
    await ready(page);
    const summary = page.locator('social-value-calculator').locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /Contract value: enter an amount/);
    assert.doesNotMatch(await summary.textContent(), /contract length/, 'the empty length, never reached, is not an error');
    await context.close();
  });

  test('bad input: a field-named error, a summary link that moves focus, nothing lost', async () => {
    const { context, page } = await openExampleshire();
    await fillContract(page, 'lots', '3');
    const summary = page.locator('social-value-calculator').locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /Contract value: enter an amount in pounds/);
    await summary.getByRole('link').first().click();
    assert.equal(await page.evaluate(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id), 'contract-value');
    assert.equal(await field(page, 'contract-value').inputValue(), 'lots');
    assert.equal(await field(page, 'contract-value').getAttribute('aria-invalid'), 'true');
    // A rule the core checks: named by field, shown at the input.
    await field(page, 'contract-value').fill('100000');
    await field(page, 'contract-duration').fill('99');
    await summary.getByText(/at most 50 years/).waitFor();
    await context.close();
  });

  test('no axe-core violations (WCAG 2.2 AA) when empty, with errors and with results', async () => {
    const { context, page } = await openExampleshire();
    const check = async (state) => {
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(r.violations.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      return r.passes.length;
    };
    assert.ok((await check('empty')) > 10);
    await fillContract(page, 'abc', '-1');
    await page.locator('social-value-calculator').locator('.error-summary').waitFor();
    await check('errors');
    await field(page, 'import-file').setInputFiles(join(WWW, 'examples', 'exampleshire-proposal.json'));
    await figure(page, 'gross');
    await page.locator('social-value-calculator').locator('summary', { hasText: 'Jobs and skills' }).click();
    await field(page, 'm-jobs-local-per-year').waitFor({ state: 'attached' });
    await check('results');
    await context.close();
  });

  test('a keyboard-only journey reaches results, with visible focus', async () => {
    const { context, page } = await openExampleshire();
    const active = () => page.evaluate(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id ?? '');
    let guard = 0;
    while ((await active()) !== 'contract-value' && guard++ < 40) await page.keyboard.press('Tab');
    assert.equal(await active(), 'contract-value', 'Tab reaches the first input');
    const outline = await field(page, 'contract-value').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineColor);
    assert.match(outline, /solid rgb\(255, 221, 0\)/, 'the focus indicator is GOV.UK yellow');
    await page.keyboard.type('500000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    // The start year (carbon's value depends on the year): select what is there and replace it.
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'contract-start');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2027');
    await figure(page, 'ratio');
    // Open a theme with the keyboard and commit to a measure.
    guard = 0;
    while (!(await page.evaluate(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.textContent?.includes('Environment'))) && guard++ < 60) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // A theme's inputs render once it is open (closed themes render none): wait
    // for them as a person would, then carry on with the keyboard.
    await field(page, 'm-environment-carbon-quantity').waitFor({ state: 'attached' });
    guard = 0;
    while ((await active()) !== 'm-environment-carbon-quantity' && guard++ < 20) await page.keyboard.press('Tab');
    assert.equal(await active(), 'm-environment-carbon-quantity');
    await page.keyboard.type('10');
    // 10 t over 2 years from 2027: 5 t at DESNZ's 2027 value and 5 t at its 2028 value,
    // each in 2026 prices (× 107.4922 ÷ 93.1910): 5 × (£324.630112 + £329.578460) = £3,271.04
    await page.locator('social-value-calculator').locator('[data-figure="gross"]', { hasText: '£3,271.04' }).waitFor();
    // Announced politely once typing pauses (the live region waits a second).
    await page.locator('social-value-calculator').locator('[aria-live="polite"][role="status"]', { hasText: 'Social value £3,271.04' }).waitFor({ timeout: 5000 });
    await context.close();
  });
});

describe('embedding details', () => {
  test('an inline JSON configuration works, and the widget adds no globals', async () => {
    const config = readFileSync(join(WWW, 'examples', 'northmoor.json'), 'utf8');
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.base}/embedding.html`);
    const before = await page.evaluate(() => Object.keys(window).sort());
    await page.evaluate(async (cfg) => {
      const el = document.createElement('social-value-calculator');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = cfg;
      el.append(script);
      document.querySelector('main').prepend(el);
      await import('/socval/socval.js');
    }, config);
    await ready(page);
    assert.match(await page.locator('social-value-calculator').locator('h2').first().textContent(), /Northmoor/);
    const after = await page.evaluate(() => Object.keys(window).sort());
    assert.deepEqual(after, before, 'no new globals on window');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('before the summary is drawn, printing leaves the results panel', async () => {
    // The summary comes from the lazy module; until it is drawn (or where it
    // cannot load), the print stylesheet still prints the live results.
    const { context, page } = await openExampleshire();
    await page.route('**/report/**', (route) => route.abort());
    await fillContract(page);
    await figure(page, 'gross');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await field(page, 'contract-value').isVisible(), false, 'the form is not printed');
    assert.ok(await page.locator('social-value-calculator').locator('[data-figure="gross"]').isVisible(), 'the results are');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
    await context.close();
  });

  test('a browser that cannot run the calculator shows a message, never an empty box', async () => {
    // JavaScript runs but WebAssembly is off (as in Lockdown Mode): the element says so.
    const { context, page } = await newPage(env.browser);
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(`${env.base}/index.html`);
    await page.locator('social-value-calculator').locator('[role="alert"]', { hasText: 'needs WebAssembly' }).waitFor({ timeout: 10000 });
    await context.close();
    await plainPage(async (page) => {
      // Too old for the loader: the element never starts, and after a few
      // seconds the page's own message inside it shows.
      await page.goto(`${env.base}/old.html`);
      const fallback = page.locator('social-value-calculator > .socval-fallback');
      assert.equal(await fallback.isVisible(), false, 'hidden while the calculator might still be loading');
      await page.waitForTimeout(4500);
      assert.ok(await fallback.isVisible(), 'shown once it is clear the calculator will not start');
      // A browser that runs it never shows the message.
      await page.goto(`${env.base}/index.html`);
      await ready(page);
      await page.waitForTimeout(4500);
      assert.equal(await fallback.isVisible(), false);
    });
  });

  test('theming through custom properties reaches inside', async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(`${env.base}/northmoor.html`);
    await ready(page);
    await field(page, 'contract-value').fill('100000');
    await field(page, 'contract-duration').fill('1');
    const panel = page.locator('social-value-calculator').locator('.panel');
    await panel.waitFor();
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(95, 42, 122)');
    assert.match(await panel.evaluate((el) => getComputedStyle(el).fontFamily), /Georgia/);
    await context.close();
  });
});
