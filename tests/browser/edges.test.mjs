// The rough edges a new user met (issue 10, item 4) and the embedding
// kit's events and attributes (item 5): each with its test, in headless
// Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { field, figure, newPage, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A fresh page at `path` with the widget ready; closed after `f`. */
async function onPage(path, f, options) {
  const { context, page } = await newPage(env.browser, options);
  try {
    await page.goto(`${env.base}/${path}`);
    await ready(page);
    await f(page);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
}

const widget = (page) => page.locator('social-value-calculator');
/** Runs `f` (a function of the shadow root) in the page. */
const inShadow = (page, f, arg) => page.evaluate(([f, arg]) => new Function('r', 'arg', `return (${f})(r, arg)`)(document.querySelector('social-value-calculator').shadowRoot, arg), [f.toString(), arg]);
const activeId = (page) => inShadow(page, (r) => r.activeElement?.id ?? null);

async function contract(page) {
  await field(page, 'contract-value').fill('2000000');
  await field(page, 'contract-duration').fill('3');
}

describe('rough edges a new user meets', () => {
  test('in a two-thirds column of a wide page the widget lays out by its own width: one column, nothing cut off', async () => {
    await onPage('column.html', async (page) => {
      await contract(page);
      await field(page, 'staff-0-postcode').fill('EX4 4QJ');
      await field(page, 'staff-0-amount').fill('600000');
      await figure(page, 'lm3');
      const m = await inShadow(page, (r) => {
        const results = r.querySelector('#results').getBoundingClientRect();
        const form = r.querySelector('form.inputs').getBoundingClientRect();
        const cut = [...r.querySelectorAll('#results table')].filter((t) => t.scrollWidth > t.parentElement.clientWidth + 1).length;
        return { width: results.width, below: results.top >= form.bottom, cut };
      });
      assert.ok(m.width > 500, `the results take the column's width (${m.width} px), not 2/5 of it`);
      assert.ok(m.below, 'the results come under the form, in one column');
      assert.equal(m.cut, 0, 'no table is wider than the results');
    }, { viewport: { width: 1280, height: 900 } });
  });

  test('on a wide widget, the results sit beside the form and the tools under it', async () => {
    await onPage('index.html', async (page) => {
      const m = await inShadow(page, (r) => {
        const box = (s) => r.querySelector(s).getBoundingClientRect();
        return { results: box('#results'), form: box('form.inputs'), tools: box('.tools'), link: getComputedStyle(r.querySelector('.to-results')).display };
      });
      assert.ok(m.results.left >= m.form.right, 'results beside the form');
      assert.ok(m.tools.top >= m.form.bottom && m.tools.left < m.results.left, 'tools under the form');
      assert.equal(m.link, 'none', 'no link to results that are already in view');
    }, { viewport: { width: 1400, height: 900 } });
  });

  test('on a phone, a link near the top goes to the results, which come before the tools', async () => {
    await onPage('index.html', async (page) => {
      const link = widget(page).locator('.to-results a');
      const box = await link.boundingBox();
      assert.ok(box && box.y < 1200, `the link is near the top (${box?.y} px down)`);
      const order = await inShadow(page, (r) => r.querySelector('#results').compareDocumentPosition(r.querySelector('.tools')) & Node.DOCUMENT_POSITION_FOLLOWING);
      assert.ok(order, 'the tools come after the results');
      await link.focus();
      await page.keyboard.press('Enter');
      assert.equal(await activeId(page), 'results-heading', 'focus moves to the results heading');
      const top = await widget(page).locator('#results-heading').boundingBox();
      assert.ok(top.y >= 0 && top.y < 844, 'and the results are on screen');
    }, { viewport: { width: 390, height: 844 }, isMobile: true });
  });

  test('removing a spend line or a commitment line moves focus to its "add" button and says what was removed', async () => {
    await onPage('index.html', async (page) => {
      await widget(page).locator('#staff-add').click();
      await field(page, 'staff-1-label').fill('Second team');
      await widget(page).getByRole('button', { name: 'Remove Group of staff 2' }).click();
      await page.waitForFunction(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id === 'staff-add');
      assert.equal(await widget(page).locator('[data-said]').textContent(), 'Group of staff 2 removed.');
      assert.equal(await field(page, 'staff-1-label').count(), 0);

      await contract(page);
      await widget(page).locator('summary', { hasText: 'Communities' }).click();
      await field(page, 'm-community-volunteering-quantity').fill('100');
      await field(page, 'm-community-volunteering-add').click();
      await field(page, 'more-0-quantity').fill('-5');
      await field(page, 'more-0-attribution').waitFor();
      await field(page, 'more-0-attribution').focus();
      // A further line's error names it as the screen does.
      await widget(page).locator('.error-summary a[href="#more-0-quantity"]').waitFor();
      assert.match(await widget(page).locator('.error-summary a[href="#more-0-quantity"]').textContent(), /^Staff volunteering hours: line 2: must be zero or more/);
      await field(page, 'more-0-quantity').fill('50');
      await widget(page).locator('.error-summary').waitFor({ state: 'detached' });
      // The measure twice: warned in words, without a path.
      await widget(page).locator('.warnings').waitFor();
      const warnings = await widget(page).locator('.warnings').textContent();
      assert.match(warnings, /committed on more than one line/);
      assert.doesNotMatch(warnings, /commitments\[/);
      await widget(page).getByRole('button', { name: /^Remove\W+Staff volunteering hours/ }).click();
      await page.waitForFunction(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id === 'm-community-volunteering-add');
      assert.match(await widget(page).locator('[data-said]').textContent(), /^Staff volunteering hours.* removed\.$/);

      // The same words twice are said twice: the text is drawn anew.
      await widget(page).locator('#staff-add').click();
      await widget(page).locator('#staff-add').click();
      const said = await widget(page).locator('[data-said] span');
      await said.evaluate((e) => { e.dataset.old = '1'; });
      await widget(page).getByRole('button', { name: 'Remove Group of staff 2' }).click();
      await page.waitForFunction(() => !document.querySelector('social-value-calculator').shadowRoot.querySelector('[data-said] span[data-old]'));
      assert.equal(await widget(page).locator('[data-said]').textContent(), 'Group of staff 2 removed.');
      await widget(page).locator('[data-said] span').evaluate((e) => { e.dataset.old = '1'; });
      await widget(page).getByRole('button', { name: 'Remove Group of staff 2' }).click();
      await page.waitForFunction(() => !document.querySelector('social-value-calculator').shadowRoot.querySelector('[data-said] span[data-old]'));
      assert.equal(await widget(page).locator('[data-said]').textContent(), 'Group of staff 2 removed.');
    });
  });

  test('with no spend, LM3 asks for the spend; with spend it has four places everywhere', async () => {
    await onPage('index.html', async (page) => {
      await contract(page);
      await widget(page).locator('[data-figure="lm3-needs-spend"]').waitFor();
      assert.equal(await widget(page).locator('[data-figure="lm3"]').count(), 0, 'no "LM3 1, between 1 and 1"');
      assert.doesNotMatch(await widget(page).locator('#results').textContent(), /between 1 and 1/i);
      await field(page, 'staff-0-postcode').fill('EX4 4QJ');
      await field(page, 'staff-0-amount').fill('500000');
      const lm3 = await figure(page, 'lm3');
      assert.match(lm3, /^\d\.\d{4}$/, lm3);
      const range = await widget(page).locator('#results').textContent();
      const [, low, high] = range.match(/Between (\S+) and (\S+) under/);
      assert.match(low, /^\d\.\d{4}$/);
      assert.match(high, /^\d\.\d{4}$/);
    });
  });

  test('results out of date after an error keep AA contrast: marked stale, said so, and axe finds no contrast problem', async () => {
    await onPage('index.html', async (page) => {
      await contract(page);
      await field(page, 'staff-0-postcode').fill('EX4 4QJ');
      await field(page, 'staff-0-amount').fill('500000');
      await widget(page).locator('[data-figure="lm3"]').waitFor();
      // An error after results: the last results stay, marked out of date.
      await field(page, 'contract-duration').fill('abc');
      await widget(page).locator('#results[data-stale]').waitFor();
      const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
      assert.ok(r.passes.some((p) => p.id === 'color-contrast'), 'contrast was checked in the stale state');
    });
  });

  test('measure search finds units, theme names and everyday words', async () => {
    await onPage('index.html', async (page) => {
      const found = async (q) => {
        await field(page, 'measure-search').fill(q);
        // Drawn in a microtask: wait a frame.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
        return inShadow(page, (r) => [...r.querySelectorAll('.measure')].map((m) => m.id.replace('measure-', '')));
      };
      assert.deepEqual(await found('CO2'), ['environment-carbon'], 'by its unit, tCO2e');
      assert.deepEqual((await found('Environment')).sort(), ['environment-carbon', 'environment-waste'], 'by its theme');
      assert.ok((await found('apprentices')).includes('skills-apprenticeships'));
      assert.ok((await found('recycling')).includes('environment-waste'), 'a word the measures do not use');
      assert.deepEqual(await found('zzz'), []);
    });
  });

  test('an outward code the table does not know is refused alike as the bidder\'s postcode and a spend line\'s', async () => {
    await onPage('index.html', async (page) => {
      await contract(page);
      await field(page, 'supplier-postcode').fill('ZZ9 9ZZ');
      await field(page, 'staff-0-postcode').fill('ZZ9 9ZZ');
      await field(page, 'staff-0-amount').fill('1000');
      await field(page, 'staff-0-label').focus();
      await widget(page).locator('.error-summary').waitFor();
      const summary = await widget(page).locator('.error-summary').textContent();
      assert.match(summary, /Your postcode \(optional\): outward code ZZ9 is not in the UK outward-code table/);
      assert.match(summary, /Group of staff 1: Postcode: outward code ZZ9 is not in the UK outward-code table/);
    });
  });

  test('errors name the field as the screen does, never by its path; a problem with all the spend links to its first amount', async () => {
    await onPage('index.html', async (page) => {
      await field(page, 'contract-value').fill('500000');
      await field(page, 'contract-duration').fill('3');
      await field(page, 'staff-0-postcode').fill('EX4 4QJ');
      await field(page, 'staff-0-amount').fill('900000');
      await widget(page).locator('summary', { hasText: 'Communities' }).click();
      await field(page, 'm-community-volunteering-quantity').fill('-5');
      await field(page, 'contract-value').focus();
      await widget(page).locator('.error-summary').waitFor();
      const links = await inShadow(page, (r) => [...r.querySelectorAll('.error-summary a')].map((a) => [a.getAttribute('href'), a.textContent]));
      const text = links.map(([, t]) => t).join('\n');
      assert.doesNotMatch(text, /commitments\[|spend\.|contract\./, 'no path');
      assert.ok(links.some(([h, t]) => h === '#m-community-volunteering-quantity' && /^Staff volunteering hours: must be zero or more/.test(t)), text);
      const spend = links.find(([, t]) => /more than the contract value/.test(t));
      assert.ok(spend, text);
      assert.equal(spend[0], '#staff-0-amount');
      assert.match(spend[1], /^Group of staff 1: Wages over the contract/);
      await widget(page).locator('.error-summary a[href="#staff-0-amount"]').click();
      assert.equal(await activeId(page), 'staff-0-amount', 'the summary link goes to the field');
      // After a reload the results say what is really missing.
      await page.reload();
      await ready(page);
      const needed = await widget(page).locator('[data-figure="needed"]').textContent();
      assert.doesNotMatch(needed, /Enter the contract value/, 'the contract value is filled in');
      assert.match(needed, /Staff volunteering hours: must be zero or more/);
      assert.equal(await field(page, 'contract-value').inputValue(), '500000');
      const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.deepEqual(r.violations.map((v) => v.id), []);
    });
  });
});

describe('the embedding kit', () => {
  test('socval-ready fires once the form is on screen, with the council', async () => {
    await onPage('journey.html', async (page) => {
      await page.waitForFunction(() => window.__socval.events?.length > 0);
      const events = await page.evaluate(() => window.__socval.events);
      assert.deepEqual(events, [{ type: 'socval-ready', detail: { council: 'Exampleshire County Council' }, target: 'social-value-calculator' }]);
    });
  });

  test('socval-error fires with each problem of a configuration that cannot be used', async () => {
    const { context, page } = await newPage(env.browser);
    try {
      await page.goto(`${env.base}/bad-config.html`);
      await page.waitForFunction(() => window.__socval.events?.length > 0);
      const [e] = await page.evaluate(() => window.__socval.events);
      assert.equal(e.type, 'socval-error');
      assert.match(e.detail.message, /\S/);
      assert.ok(e.detail.problems.some((p) => p.includes('local_area')), JSON.stringify(e.detail.problems));
    } finally {
      await context.close();
    }
  });

  test('no-heading and heading-level fit the widget to the host page\'s outline, and a change keeps the form', async () => {
    await onPage('column.html', async (page) => {
      const outline = () => inShadow(page, (r) => [...r.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter((h) => h.getClientRects().length).map((h) => `${h.localName} ${h.textContent}`));
      let h = await outline();
      assert.ok(!h.some((x) => x.includes('Social value calculator')), `no second title under the page's h1: ${h.join(' | ')}`);
      assert.ok(h.includes('h2 Your results'), h.join(' | '));
      assert.ok(h.includes('h2 Where the money goes (for LM3)'), 'the sections take the title\'s level');
      assert.ok(!h.some((x) => /^h1 /.test(x)), 'nothing at the page\'s own level');
      assert.ok(h.includes('h3 Staff wages'), `a section's parts one level below it: ${h.join(' | ')}`);
      await field(page, 'contract-value').fill('123456');
      await page.waitForTimeout(300);
      await page.evaluate(() => { const el = document.querySelector('social-value-calculator'); el.removeAttribute('no-heading'); el.setAttribute('heading-level', '3'); });
      await page.waitForFunction(() => document.querySelector('social-value-calculator').shadowRoot.querySelector('h3.heading-l'));
      await ready(page);
      h = await outline();
      assert.match(h[0], /^h3 Exampleshire County Council: /, 'the title back, at level 3');
      assert.ok(h.includes('h3 Your results'));
      assert.ok(h.includes('h4 Where the money goes (for LM3)'));
      assert.ok(!h.some((x) => /^h2 /.test(x)), h.join(' | '));
      assert.equal(await field(page, 'contract-value').inputValue(), '123456', 'the form is kept');
    }, { viewport: { width: 1280, height: 900 } });
  });

  test('the embedding guide passes axe, its code blocks reachable by keyboard', async () => {
    const { context, page } = await newPage(env.browser);
    try {
      await page.goto(`${env.base}/embedding.html`);
      const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
      const blocks = await page.evaluate(() => [...document.querySelectorAll('pre')].map((p) => p.tabIndex));
      assert.ok(blocks.length > 10 && blocks.every((t) => t === 0), 'every code block takes focus');
    } finally {
      await context.close();
    }
  });
});
