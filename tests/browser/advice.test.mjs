// The advice-session features (issue 9) in headless Chromium: the working
// behind every figure and "what it would take", in the CLI's own words.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, TODAY, WWW, cli, example, field, newPage, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const CONFIG = 'www/examples/exampleshire.json';
const PROPOSAL = 'www/examples/exampleshire-proposal.json';
const PANELS = ['ratio', 'totals', 'themes', 'lm3', 'score'];

/** `socval calc` as a terminal shows it: its lines, trimmed, without list dashes. */
function tableLines() {
  const out = execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['calc', '--config', CONFIG, '--proposal', PROPOSAL, '--today', TODAY], { cwd: ROOT });
  return new Set(out.toString().split('\n').map((l) => l.trim().replace(/^- /, '')));
}

/** The demo with the example proposal opened and its working drawn. */
async function openedExample() {
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/index.html`);
  await ready(page);
  await field(page, 'import-file').setInputFiles(join(WWW, 'examples', 'exampleshire-proposal.json'));
  const w = page.locator('social-value-calculator');
  await w.locator('[data-working="gap"] .working').waitFor({ timeout: 15000 });
  return { context, page, w };
}

/**
 * The README's screenshots, written when SCREENSHOTS=1
 * (`SCREENSHOTS=1 node --test tests/browser/advice.test.mjs`).
 */
async function screenshots(w) {
  if (!process.env.SCREENSHOTS) return;
  for (const key of ['ratio', 'totals']) await w.locator(`details[data-working="${key}"]`).evaluate((d) => { d.open = true; });
  const page = w.page();
  await page.setViewportSize({ width: 1100, height: 1400 });
  const shot = async (name, from, to) => {
    await w.locator(from).first().evaluate((e) => e.scrollIntoView());
    const [a, b] = [await w.locator(from).first().boundingBox(), await w.locator(to).first().boundingBox()];
    const clip = { x: a.x - 8, y: a.y - 8, width: a.width + 16, height: b.y + b.height - a.y + 16 };
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', `${name}.png`), clip });
  };
  await shot('working', '.results .panel', 'details[data-working="totals"]');
  await shot('gap', 'h3:text("What it would take")', '[data-working="gap"]');
}

/** The text of each paragraph and list item of a drawn panel. */
const pieces = (w, key) => w.locator(`[data-working="${key}"] .working`).locator('p, li, h4').allTextContents();

describe('the working behind every figure', () => {
  test('each figure opens its working by keyboard, in the words of the CLI', async () => {
    const { context, page, w } = await openedExample();
    const report = cli(CONFIG, PROPOSAL);
    const lines = tableLines();
    for (const key of PANELS) {
      const details = w.locator(`details[data-working="${key}"]`);
      assert.equal(await details.evaluate((d) => d.open), false, `${key} starts closed`);
      await details.locator('summary').focus();
      await page.keyboard.press('Enter');
      assert.equal(await details.evaluate((d) => d.open), true, `${key} opens with Enter`);
      // Each disclosure has its own accessible name.
      assert.match(await details.locator('summary').textContent(), new RegExp(`How is this calculated\\? \\(.+\\)`));
    }
    // Ratio, totals (with their sources) and score: every line is a line of `socval calc`'s table.
    for (const key of ['ratio', 'totals', 'score']) {
      const got = await pieces(w, key);
      assert.ok(got.length >= 1, key);
      for (const t of got) assert.ok(lines.has(t.trim()), `${key}: "${t}" is not in the CLI's table`);
    }
    // The ratio names its basis and the figure the CLI gives.
    const ratio = (await pieces(w, 'ratio')).join(' ');
    assert.match(ratio, /value after adjustments £49,835\.50 ÷ contract value £2,000,000\.00 × 100 = 2\.49%/);
    assert.equal(report.ratio.percent, 2.49);
    // Gross, adjusted and present value are defined where they are shown.
    const totals = (await pieces(w, 'totals')).join(' ');
    for (const word of ['Gross value:', 'Value after adjustments:', 'Present value:']) assert.ok(totals.includes(word), word);
    // Each commitment's arithmetic, under its theme, is the report's.
    const themes = new Set((await pieces(w, 'themes')).map((t) => t.trim()));
    for (const m of report.measures) for (const { text: step } of m.working) assert.ok(themes.has(step), `themes: missing "${step}"`);
    // LM3: every round as the report writes it.
    const lm3 = new Set((await pieces(w, 'lm3')).map((t) => t.trim()));
    for (const { text: step } of report.lm3.working) assert.ok(lm3.has(step), `lm3: missing "${step}"`);
    // Sources carry the source, price year and licence of every value used.
    const sources = (await pieces(w, 'totals')).join('\n');
    for (const s of report.sources) {
      assert.ok(sources.includes(s.provenance.title) && sources.includes(`${s.provenance.price_year} prices, ${s.provenance.licence}`), s.measure);
    }
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('what it would take: the gap to the band and the target, as socval gap works it out', async () => {
    const { context, w } = await openedExample();
    const gap = cli(CONFIG, PROPOSAL, 'gap');
    const lines = tableLines();
    const got = await pieces(w, 'gap');
    for (const t of got) assert.ok(lines.has(t.trim()), `gap: "${t}" is not in the CLI's table`);
    const text = got.join('\n');
    // Nearest threshold first, each with an answer for every valued measure.
    assert.equal(gap.goals[0].kind, 'band');
    assert.match(text, /The next scoring band, “Satisfactory” \(5% of the contract value, £100,000\.00, a score of 50%\): £50,164\.50 more is needed/);
    assert.match(text, /The council's target \(10% of the contract value, £200,000\.00\): £150,164\.50 more is needed/);
    for (const goal of gap.goals) {
      for (const o of goal.options) assert.ok(text.includes(`of “${o.title}”`), o.measure);
    }
    assert.match(text, /3,947 more hours of “Staff volunteering hours”/);
    assert.match(text, new RegExp(`LM3 ${gap.lm3.lm3} to ${gap.lm3.goal}: £113,579\\.00 more with local suppliers`));
    await screenshots(w);
    await context.close();
  });

  test('the working always explains the figures beside it', async () => {
    const { context, page, w } = await openedExample();
    await w.locator('details[data-working="ratio"] summary').click();
    // More volunteering: the ratio changes, and its working follows; at no
    // moment does the old working stand beside the new figure.
    // The Communities theme is open: the proposal uses it.
    const qty = field(page, 'm-community-volunteering-quantity');
    await qty.fill('5000');
    await page.waitForFunction(() => {
      const root = document.querySelector('social-value-calculator').shadowRoot;
      const figure = root.querySelector('[data-figure="ratio"]').textContent.trim();
      const panel = root.querySelector('[data-working="ratio"] .details__text').textContent;
      if (figure === '2.49%') return false;
      if (panel.includes('Working it out')) return false;
      if (!panel.includes(`= ${figure}.`)) throw new Error(`the working says "${panel}" beside ${figure}`);
      return true;
    }, null, { timeout: 15000 });
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('the printed summary is fit to attach to a bid: every part, two A4 pages, nothing cut off', async () => {
    const { context, page, w } = await openedExample();
    const report = cli(CONFIG, PROPOSAL);
    const summary = w.locator('.print-summary');
    await summary.locator('.working').waitFor({ state: 'attached' });
    assert.equal(await summary.isVisible(), false, 'never shown on screen');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await summary.isVisible(), 'printed');
    assert.equal(await field(page, 'contract-value').isVisible(), false, 'the form is not printed');
    assert.equal(await w.locator('#results').isVisible(), false, 'nor the live panel: the summary replaces it');
    const text = await summary.innerText();
    // Who, for whom, which tender and framework, when, with what.
    for (const part of ['Social value summary: Harbour Facilities Ltd (example)', 'For Exampleshire County Council, tender “Facilities management, 2027 to 2030”', `Framework: ${report.framework.name} ${report.framework.version}`, `Worked out on ${TODAY}`, 'with Socval 0.1.0']) {
      assert.ok(text.includes(part), part);
    }
    // The inputs: every commitment with its quantity, every spend line.
    const proposal = JSON.parse(readFileSync(join(WWW, 'examples', 'exampleshire-proposal.json'), 'utf8'));
    for (const m of report.measures) assert.ok(text.includes(m.title), m.title);
    for (const l of [...proposal.spend.staff.map((s) => s.label), ...proposal.spend.suppliers.map((s) => s.name)]) assert.ok(text.includes(l), l);
    assert.match(text, /37\.5 FTE-years\t2027: 12\.5, 2028: 12\.5, 2029: 12\.5/);
    // The results with their working, what is recorded without a value, what it would take, sources with licences.
    for (const part of ['£49,835.50', '1.7002', '25 / 100: 2.5 of 10 points', 'How the figures were worked out', ...report.lm3.working.map((l) => l.text), 'Recorded, not valued', 'What it would take', 'Sources and licences', ...report.sources.map((s) => s.provenance.licence)]) {
      assert.ok(text.includes(part), part);
    }
    for (const m of report.measures.filter((m) => !m.record_only)) for (const { text: step } of m.working) assert.ok(text.includes(step), step);
    // Nothing wider than the page.
    const cut = await summary.evaluate((root) => [...root.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible').map((e) => e.tagName));
    assert.deepEqual(cut, []);
    const width = await summary.evaluate((root) => [root.scrollWidth, root.clientWidth]);
    assert.ok(width[0] <= width[1] + 1, `the summary is ${width[0]}px wide in ${width[1]}px`);
    // The print view passes axe as printed.
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(r.violations.map((v) => `print: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 2, 'two A4 pages for the demo proposal');
    await context.close();
  });

  test('the working, the gap and the recorded list pass axe (WCAG 2.2 AA)', async () => {
    const { context, page, w } = await openedExample();
    for (const d of await w.locator('details[data-working]').all()) await d.evaluate((e) => { e.open = true; });
    await w.locator('[data-figure="recorded"] li').first().waitFor();
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    assert.ok(r.passes.length > 10);
    await context.close();
  });
});

describe('for the adviser\'s hour', () => {
  test('start again asks first, and can be undone until the next answer', async () => {
    const { context, page, w } = await openedExample();
    const button = w.getByRole('button', { name: 'Start again' });
    // Asked, and declined: nothing changes.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
    await button.click();
    assert.match(asked, /Clear every field and start again\? You can undo this/);
    assert.equal(await field(page, 'contract-value').inputValue(), '2000000');
    // Accepted: cleared, said so, with a way back.
    page.once('dialog', (d) => d.accept());
    await button.click();
    assert.equal(await field(page, 'contract-value').inputValue(), '');
    await w.locator('.notice', { hasText: 'The form has been cleared.' }).waitFor();
    const undo = w.getByRole('button', { name: 'Undo: bring my answers back' });
    await undo.focus();
    await page.keyboard.press('Enter');
    assert.equal(await field(page, 'contract-value').inputValue(), '2000000');
    await w.locator('.notice', { hasText: 'Your answers are back as they were.' }).waitFor();
    await w.locator('[data-figure="gross"]', { hasText: '£49,835.50' }).waitFor();
    // Once the fresh form is being filled in, the old one is not offered over it.
    page.once('dialog', (d) => d.accept());
    await button.click();
    await field(page, 'contract-value').fill('5');
    assert.equal(await undo.count(), 0);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('a link carries the proposal: copied, opened elsewhere, kept apart from the draft, and a bad link says why', async () => {
    const { context, page, w } = await openedExample();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    await w.getByRole('button', { name: 'Copy a link to this proposal' }).click();
    await w.locator('.notice', { hasText: 'Link copied.' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, new RegExp(`^${env.base}/index.html#socval=p1\\.[A-Za-z0-9_-]+$`));
    assert.ok(link.length < 2000, `${link.length} characters`);
    // The CLI reads the same link into the same proposal.
    const unlinked = JSON.parse(execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['unlink', link], { cwd: ROOT }).toString());
    assert.equal(unlinked.contract.value, 2000000);
    assert.equal(unlinked.commitments.length, 6);
    await context.close();

    // Opened in a browser with no draft: the proposal, its figures, and the
    // fragment taken off the address (a reload shows the draft, not the link).
    const other = await newPage(env.browser);
    await other.page.goto(link);
    await ready(other.page);
    const ow = other.page.locator('social-value-calculator');
    await ow.locator('.notice', { hasText: 'The proposal in the link is open.' }).waitFor();
    await ow.locator('[data-figure="gross"]', { hasText: '£49,835.50' }).waitFor();
    assert.equal(await other.page.evaluate(() => location.hash), '');
    assert.equal(await ow.getByRole('button', { name: /Undo/ }).count(), 0, 'nothing to bring back');
    assert.deepEqual(other.page.problems, []);

    // Opened over a draft: the draft can be brought back.
    await field(other.page, 'bidder').fill('My own draft');
    await other.page.waitForTimeout(400);
    // (A page load, not a jump within the page.)
    await other.page.goto('about:blank');
    await other.page.goto(link);
    await ready(other.page);
    await ow.locator('.notice', { hasText: 'The proposal in the link is open.' }).waitFor();
    assert.equal(await field(other.page, 'bidder').inputValue(), 'Harbour Facilities Ltd (example)');
    await ow.getByRole('button', { name: 'Undo: bring my answers back' }).click();
    assert.equal(await field(other.page, 'bidder').inputValue(), 'My own draft');

    // Bad links change nothing and say why.
    const code = link.split('#socval=')[1];
    for (const [bad, why] of [
      [code.slice(0, -12), /cut short or altered/],
      [`${code.slice(0, 10)}*${code.slice(11)}`, /damaged/],
      [`p9.${code.slice(3)}`, /another version of the calculator \(format "p9"\)/],
      [`p1.${'A'.repeat(16001)}`, /more than the 16000 a link may carry/],
    ]) {
      await other.page.goto('about:blank');
      await other.page.goto(`${env.base}/index.html#socval=${bad}`);
      await ready(other.page);
      await ow.locator('.notice[data-problem]', { hasText: why }).waitFor();
      assert.equal(await field(other.page, 'bidder').inputValue(), 'My own draft', 'what was typed stays');
    }
    await other.context.close();
  });

  test('where the page may not copy, the link is shown to copy by hand', async () => {
    const { context, page, w } = await openedExample();
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const shown = new Promise((ok) => page.once('dialog', (d) => { ok(d.defaultValue()); d.accept(); }));
    await w.getByRole('button', { name: 'Copy a link to this proposal' }).click();
    assert.match(await shown, /#socval=p1\./);
    await w.locator('.notice', { hasText: 'Copy the link your browser showed.' }).waitFor();
    await context.close();
  });

  test('markup in a link is shown as text, and a link from another framework version is refused whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socval-'));
    const good = JSON.parse(readFileSync(join(WWW, 'examples', 'exampleshire-proposal.json'), 'utf8'));
    const make = (p) => {
      writeFileSync(join(dir, 'p.json'), JSON.stringify(p));
      return execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['link', join(dir, 'p.json'), '--base', `${env.base}/index.html`]).toString().trim();
    };
    const hostile = '<img src=x onerror="window.__owned=1">=HYPERLINK("x")';
    const { context, page } = await newPage(env.browser);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    await page.goto(make({ ...good, bidder: hostile, commitments: [{ ...good.commitments[0], note: '<script>window.__owned=2</script>' }] }));
    await ready(page);
    const w = page.locator('social-value-calculator');
    await w.locator('.notice', { hasText: 'The proposal in the link is open.' }).waitFor();
    assert.equal(await field(page, 'bidder').inputValue(), hostile);
    assert.equal(await page.evaluate(() => window.__owned), undefined);
    assert.equal(await w.locator('img, script').count(), 0);
    assert.equal(dialogs, 0);
    await page.goto('about:blank');
    await page.goto(make({ ...good, framework: { id: 'socval-open', version: '2025.1' } }));
    await ready(page);
    await w.locator('.notice[data-problem]', { hasText: /version "2025.1", but this council uses "socval-open" version "2026.1"/ }).waitFor();
    await context.close();
  });
});

describe('LM3 without a postcode for every line', () => {
  test('a wage bill and a local share give the CLI\'s LM3, the result says how it was entered, and the lines are kept', async () => {
    const { context, page, w } = await openedExample();
    const before = await w.locator('[data-figure="lm3"]').textContent();
    const tick = field(page, 'staff-total-on');
    await tick.focus();
    await page.keyboard.press('Space');
    assert.equal(await tick.isChecked(), true);
    // The lines are hidden, not thrown away.
    assert.equal(await field(page, 'staff-0-amount').count(), 0);
    await w.getByText('Your lines are kept, not counted').waitFor();
    await field(page, 'staff-total-amount').fill('300000');
    await field(page, 'staff-total-local').fill('62.5');
    await w.locator('[data-figure="entered-as-total"]', { hasText: 'Staff wages were entered as a total with a local share, not by postcode.' }).waitFor();

    // The same proposal through the CLI: its staff lines replaced by the total.
    const p = JSON.parse(example('exampleshire-proposal.json'));
    p.spend.staff = [];
    p.spend.staff_total = { amount: 300000, local_percent: 62.5 };
    const file = join(mkdtempSync(join(tmpdir(), 'socval-')), 'totals.json');
    writeFileSync(file, JSON.stringify(p));
    const report = cli(CONFIG, file);
    await w.locator('[data-figure="lm3"]', { hasText: String(report.lm3.lm3) }).waitFor();
    assert.notEqual(String(report.lm3.lm3), before.trim());
    assert.ok(report.lm3.working.some((l) => l.text.startsWith('Staff wages entered as a total, not by postcode: 62.5% of staff live locally')));
    // The working on screen says it too.
    const details = w.locator('details[data-working="lm3"]');
    await details.locator('summary').click();
    await details.locator('.working li', { hasText: 'Staff wages entered as a total, not by postcode' }).waitFor();

    // One figure without the other: the label is named, and what was typed stays.
    await field(page, 'staff-total-local').fill('');
    await page.keyboard.press('Tab');
    await w.getByText('Staff living in the local area (%): enter a figure').first().waitFor();
    assert.equal(await field(page, 'staff-total-amount').inputValue(), '300000');
    const results = await new AxeBuilder({ page }).include('social-value-calculator').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(results.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary)]), []);

    // Untick: the lines count again, as they were.
    await field(page, 'staff-total-on').uncheck();
    const original = JSON.parse(example('exampleshire-proposal.json'));
    assert.equal(Number(await field(page, 'staff-0-amount').inputValue()), original.spend.staff[0].amount);
    await w.locator('[data-figure="lm3"]', { hasText: before.trim() }).waitFor();
    assert.equal(await w.locator('[data-figure="entered-as-total"]').count(), 0);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
});

describe('scenarios side by side', () => {
  const AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  /** Opens the scenarios panel by keyboard. */
  async function openPanel(page, w) {
    const summary = w.locator('summary', { hasText: 'Scenarios: save and compare versions of this proposal' });
    await summary.focus();
    await page.keyboard.press('Enter');
    await field(page, 'scenario-name').waitFor({ timeout: 15000 });
  }
  /** Types a name and presses the save button, by keyboard only. */
  async function saveAs(page, w, name) {
    await field(page, 'scenario-name').fill(name);
    await w.getByRole('button', { name: 'Save the current answers as a scenario' }).focus();
    await page.keyboard.press('Enter');
  }
  const planB = () => {
    const p = JSON.parse(example('exampleshire-proposal.json'));
    p.commitments.find((c) => c.measure === 'community-volunteering').quantity = 1000;
    const file = join(mkdtempSync(join(tmpdir(), 'socval-')), 'b.json');
    writeFileSync(file, JSON.stringify(p));
    return file;
  };
  const cells = (table) => table.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));

  test('saved under a name, compared with the CLI\'s figures and differences, opened again, printable, axe clean', async () => {
    const { context, page, w } = await openedExample();
    await openPanel(page, w);
    // No name: said at the input, GOV.UK style.
    await w.getByRole('button', { name: 'Save the current answers as a scenario' }).click();
    await w.getByText('Error: Enter a name for this scenario').waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('social-value-calculator').shadowRoot.activeElement?.id), 'scenario-name');
    await saveAs(page, w, 'Plan A');
    await w.getByText('Saved “Plan A”.').waitFor();
    assert.equal(await w.getByText('Error: Enter a name').isVisible(), false);
    // Plan B: more volunteering.
    await field(page, 'm-community-volunteering-quantity').fill('1000');
    await w.locator('[data-figure="gross"]', { hasText: '£57,461.50' }).waitFor();
    await saveAs(page, w, 'Plan B');
    await w.getByText('Saved “Plan B”.').waitFor();

    const compared = JSON.parse(execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['compare', '--config', CONFIG, '--proposal', PROPOSAL, '--proposal', planB(), '--name', 'Plan A', '--name', 'Plan B', '--format', 'json', '--today', TODAY], { cwd: ROOT }).toString());
    const table = w.locator('[data-compare] table');
    assert.deepEqual(await cells(table), [compared.head, ...compared.rows]);
    assert.ok(compared.rows.some((r) => r[2].includes('(+£7,626.00 on Plan A)')));
    // The differences are marked, and only they.
    assert.equal(await table.locator('mark').count(), compared.marked.length);
    assert.ok(compared.marked.length >= 4);

    // Opening a scenario puts it in the form, with an undo.
    await w.getByRole('button', { name: 'Open: Plan A' }).click();
    await w.locator('.notice', { hasText: 'Scenario “Plan A” opened.' }).waitFor();
    assert.equal(await field(page, 'm-community-volunteering-quantity').inputValue(), '400');
    await w.getByRole('button', { name: 'Undo: bring my answers back' }).waitFor();

    const r = await new AxeBuilder({ page }).include('social-value-calculator').withTags(AXE).analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    // The README's screenshot of the comparison (SCREENSHOTS=1).
    if (process.env.SCREENSHOTS) {
      await page.setViewportSize({ width: 1100, height: 1400 });
      await table.scrollIntoViewIfNeeded();
      await table.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'scenarios.png') });
    }

    // Printed, the comparison is the whole page.
    await w.getByRole('button', { name: 'Print the comparison' }).click();
    await w.locator('.scenarios').evaluate((e) => e.setAttribute('data-printing', ''));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await table.isVisible(), 'the comparison prints');
    for (const hidden of ['#results', '#contract-value', '#scenario-name', '.print-summary']) {
      assert.equal(await w.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.match(await w.locator('[data-compare]').innerText(), /Exampleshire County Council, .*: scenarios compared on \d{4}-\d\d-\d\d \(Socval 0\.1\.0\)/);
    const printed = await new AxeBuilder({ page }).include('social-value-calculator').withTags(AXE).analyze();
    assert.deepEqual(printed.violations.map((v) => `print: ${v.id}`), []);
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test('at most four; delete asks first; two tabs never lose each other\'s work', async () => {
    const { context, page, w } = await openedExample();
    await openPanel(page, w);
    for (const n of ['One', 'Two', 'Three', 'Four']) {
      await saveAs(page, w, n);
      await w.getByText(`Saved “${n}”.`).waitFor();
    }
    await saveAs(page, w, 'Five');
    await w.getByText('Error: You have 4 scenarios, the most kept: delete one to save another').waitFor();
    assert.equal(await field(page, 'scenario-name').inputValue(), 'Five', 'what was typed stays');
    // Declined, nothing goes; accepted, it does.
    page.once('dialog', (d) => d.dismiss());
    await w.getByRole('button', { name: 'Delete: Four' }).click();
    await w.getByText('Saved scenarios (4 of 4)').waitFor();
    page.once('dialog', (d) => d.accept());
    await w.getByRole('button', { name: 'Delete: Four' }).click();
    await w.getByText('Deleted “Four”.').waitFor();
    await w.getByText('Saved scenarios (3 of 4)').waitFor();

    // A second tab on the same council: its scenarios show here at once.
    const other = await context.newPage();
    await other.goto(`${env.base}/index.html`);
    await ready(other);
    const w2 = other.locator('social-value-calculator');
    await openPanel(other, w2);
    await w2.getByText('Saved scenarios (3 of 4)').waitFor();
    await saveAs(other, w2, 'From the other tab');
    await w.getByText('The scenarios were changed in another tab or window: the list is up to date.').waitFor();
    await w.getByText('Saved scenarios (4 of 4)').waitFor();

    // The other tab changes the draft: this one says so and stops saving over it.
    await field(other, 'bidder').fill('Other tab Ltd');
    await w.locator('.notice', { hasText: 'Your draft was changed in another tab or window, so this tab no longer saves over it.' }).waitFor();
    await field(page, 'bidder').fill('This tab Ltd');
    await page.waitForTimeout(800);
    const draft = await other.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('socval') && !k.endsWith(':scenarios'))?.[1] ?? '');
    assert.match(draft, /Other tab Ltd/);
    assert.doesNotMatch(draft, /This tab Ltd/);
    assert.equal(await field(page, 'bidder').inputValue(), 'This tab Ltd', 'nothing typed here is lost');
    assert.deepEqual([...page.problems, ...(other.problems ?? [])], []);
    await context.close();
  });
});
