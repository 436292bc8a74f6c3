// Cymraeg (issue 10, item 3): the fictional Welsh council's page in Welsh
// from end to end, axe-clean in each state; the page switching language
// with the form kept; the element's own `lang`; and an English page that
// never fetches the Welsh catalogue.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, field, figure, newPage, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeClean(page, state) {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `axe, ${state}`);
}

// The report module's Welsh, and a template's words before its first value.
const reportWelsh = Object.fromEntries(readFileSync(join(ROOT, 'crates', 'socval-report', 'i18n', 'cy.txt'), 'utf8')
  .split('\n').filter((l) => l.includes(' = ') && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf(' = ')), l.slice(l.indexOf(' = ') + 3)]));
const opening = (key) => reportWelsh[key].split('{')[0];

const shadowText = (page, selector) => page.locator('social-value-calculator').locator(selector).first().textContent();

describe('a Welsh council in Welsh', () => {
  test('the journey in Welsh: labels, errors, results and warnings, axe-clean throughout, with only our files fetched', async () => {
    const { context, page } = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
    const paths = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${env.base}/dyffryn-teg.html`);
      await ready(page);
      assert.equal(await shadowText(page, 'h2'), 'Cyngor Bwrdeistref Sirol Dyffryn Teg: Amcangyfrif eich gwerth cymdeithasol');
      assert.equal(await page.locator('social-value-calculator').locator('.socval').getAttribute('lang'), 'cy');
      assert.equal(await shadowText(page, 'label[for="contract-value"]'), 'Gwerth y contract');
      assert.match(await shadowText(page, '.theme-group__title'), /Swyddi a sgiliau/);
      await axeClean(page, 'the empty form');

      // An error, named by its Welsh label, in the summary and at the field.
      await field(page, 'contract-value').fill('dau gant');
      await field(page, 'contract-duration').focus();
      const summary = await shadowText(page, '.error-summary');
      assert.match(summary, /Mae problem wedi codi/);
      assert.match(summary, /Gwerth y contract/);
      assert.match(await shadowText(page, '#contract-value-error'), /^Gwall:/);
      await axeClean(page, 'with an error');

      await field(page, 'contract-value').fill('500000');
      await field(page, 'contract-duration').fill('2');
      await page.locator('social-value-calculator').locator('.theme-group__summary').first().click();
      await field(page, 'm-jobs-local-quantity').fill('2');
      // Delivered outside Dyffryn Teg: the core's warning, in Welsh, naming the area in Welsh.
      await field(page, 'm-jobs-local-postcode').fill('EX1 1AA');
      await field(page, 'staff-0-postcode').fill('CF10 1AA');
      await field(page, 'staff-0-amount').fill('200000');
      await figure(page, 'lm3');
      assert.equal(await shadowText(page, '#results-heading'), 'Eich canlyniadau');
      const warnings = await page.locator('social-value-calculator').locator('#results').textContent();
      assert.match(warnings, /nid yw EX1 1AA o fewn Dyffryn Teg/);
      // The council's own Welsh band label, and the place of a spend line in Welsh.
      assert.match(warnings, /Annerbyniol/);
      assert.match(await page.locator('social-value-calculator').locator('form').textContent(), /Yn cyfrif fel lleol/);
      assert.doesNotMatch(warnings, /\{[a-z_]+\}/, 'no placeholder left unfilled');
      await axeClean(page, 'with results');

      assert.ok(paths.includes('/socval/cy.txt'), 'the Welsh catalogue is fetched');
      const ours = paths.filter((p) => !p.startsWith('/socval/') && !p.startsWith('/examples/'));
      assert.deepEqual([...new Set(ours)].sort(), ['/dyffryn-teg.html', '/dyffryn-teg.js', '/favicon.svg', '/portal.css']);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('the page switches to English and back: the widget follows, what was typed stays, axe-clean in English', async () => {
    const { context, page } = await newPage(env.browser);
    try {
      await page.goto(`${env.base}/dyffryn-teg.html`);
      await ready(page);
      await field(page, 'bidder').fill('Caffi Ŵyn Cyf');
      await field(page, 'contract-value').fill('120000');
      await page.locator('#switch-language').click();
      await page.locator('social-value-calculator').locator('h2', { hasText: 'Dyffryn Teg County Borough Council: Estimate your social value' }).waitFor({ timeout: 10000 });
      assert.equal(await page.locator('social-value-calculator').locator('.socval').getAttribute('lang'), 'en-GB');
      assert.equal(await field(page, 'bidder').inputValue(), 'Caffi Ŵyn Cyf');
      assert.equal(await field(page, 'contract-value').inputValue(), '120000');
      assert.equal(await shadowText(page, 'label[for="contract-value"]'), 'Contract value');
      await axeClean(page, 'switched to English');
      await page.locator('#switch-language').click();
      await page.locator('social-value-calculator').locator('h2', { hasText: 'Amcangyfrif eich gwerth cymdeithasol' }).waitFor({ timeout: 10000 });
      assert.equal(await field(page, 'contract-value').inputValue(), '120000');
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test("the element's own lang wins over the page's; an English page never fetches the Welsh catalogue", async () => {
    const { context, page } = await newPage(env.browser);
    const paths = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${env.base}/index.html`);
      await ready(page);
      assert.equal(await page.locator('social-value-calculator').locator('.socval').getAttribute('lang'), 'en-GB');
      assert.ok(!paths.includes('/socval/cy.txt'), 'English needs no catalogue fetched');
      await field(page, 'contract-value').fill('75000');
      await page.evaluate(() => document.querySelector('social-value-calculator').setAttribute('lang', 'cy'));
      await page.locator('social-value-calculator').locator('h2', { hasText: 'Amcangyfrif eich gwerth cymdeithasol' }).waitFor({ timeout: 10000 });
      assert.equal(await field(page, 'contract-value').inputValue(), '75000');
      // The Exampleshire configuration has no Welsh texts: its own name stays.
      assert.match(await shadowText(page, 'h2'), /^Exampleshire County Council: /);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });

  test('the working, the printed summary and the scenarios panel in Welsh, axe-clean; in English after a switch', async () => {
    const { context, page } = await newPage(env.browser, { viewport: { width: 1280, height: 900 } });
    const paths = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    const w = page.locator('social-value-calculator');
    try {
      await page.goto(`${env.base}/dyffryn-teg.html`);
      await ready(page);
      await field(page, 'contract-value').fill('500000');
      await field(page, 'contract-duration').fill('2');
      await w.locator('.theme-group__summary').first().click();
      await field(page, 'm-jobs-local-quantity').fill('2');
      await field(page, 'm-jobs-local-postcode').fill('CF10 1AA');
      await field(page, 'staff-0-postcode').fill('CF10 1AA');
      await field(page, 'staff-0-amount').fill('200000');
      await figure(page, 'lm3');
      const ratio = w.locator('[data-working="ratio"] .working');
      await ratio.waitFor({ state: 'attached', timeout: 15000 });
      assert.equal(await ratio.getAttribute('lang'), 'cy');
      assert.ok((await ratio.textContent()).startsWith(opening('work.ratio')), await ratio.textContent());
      for (const d of await w.locator('details[data-working]').all()) await d.evaluate((e) => { e.open = true; });
      const working = (await w.locator('[data-working] .working').allTextContents()).join('\n');
      assert.ok(working.includes(opening('work.round1')), 'LM3 round 1 in Welsh');
      assert.ok(working.includes(opening('work.weighting')), 'the score explained in Welsh');
      assert.doesNotMatch(working, /\{[a-z_]+\}/, 'no placeholder left unfilled');
      assert.doesNotMatch(working, /Social value ratio|Round 1|Gross:|Present value/, 'no English working');
      await axeClean(page, 'the working open, in Welsh');

      // The printed summary.
      const summary = w.locator('.print-summary .working');
      await summary.waitFor({ state: 'attached' });
      assert.equal(await summary.getAttribute('lang'), 'cy');
      assert.ok((await summary.textContent()).includes(opening('work.summary_heading')));

      // The scenarios panel, opened by keyboard, then worded again in English with the page.
      await w.locator('.scenarios-slot summary').focus();
      await page.keyboard.press('Enter');
      await field(page, 'scenario-name').waitFor({ timeout: 15000 });
      assert.equal(await w.locator('.scenarios').getAttribute('lang'), 'cy');
      assert.equal(await w.locator('label[for="scenario-name"]').textContent(), reportWelsh['report.name_label']);
      await field(page, 'scenario-name').fill('Cynllun A');
      await w.locator('.scenarios button[data-action="save"]').click();
      await w.locator('.scenarios [data-compare] table').waitFor();
      await axeClean(page, 'the scenarios panel, in Welsh');

      await page.locator('#switch-language').click();
      await w.locator('[data-working="ratio"] .working[lang="en-GB"]').waitFor({ timeout: 10000 });
      assert.match(await w.locator('[data-working="ratio"] .working').textContent(), /^Social value ratio = /);
      await w.locator('.scenarios[lang="en-GB"]').waitFor({ timeout: 10000 });
      assert.equal(await w.locator('label[for="scenario-name"]').textContent(), 'Name for the current answers');
      assert.match(await w.locator('.scenarios [data-compare]').textContent(), /Scenarios compared/);
      assert.deepEqual(page.problems, []);
    } finally {
      await context.close();
    }
  });
});
