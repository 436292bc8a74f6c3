// The framework operator's page (www/commissioners.html): a framework shared
// by two commissioners, the common calculator on it, and each commitment
// shared between them by keyboard, worked out in the browser as `socval
// commissioners` works it out, axe clean, with nothing fetched but our files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, TODAY, field, newPage, ready, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CONFIG = 'www/examples/northmoor-partnership.json';
const PROPOSAL = 'www/examples/northmoor-partnership-proposal.json';

const cli = (proposal, format) => execFileSync(join(ROOT, 'target', 'debug', 'socval'),
  ['commissioners', '--config', CONFIG, '--proposal', proposal, '--format', format, '--today', TODAY], { cwd: ROOT }).toString();

async function opened() {
  const { context, page } = await newPage(env.browser);
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(`${env.base}/commissioners.html`);
  await page.locator('#status', { hasText: 'Shared total' }).waitFor({ timeout: 15000 });
  return { context, page };
}

const download = async (page, button) => {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return readFileSync(await d.path(), 'utf8');
};

const pounds = (n) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(n);

test('the demo proposal is shared out as socval commissioners shares it; the common calculator works on the page; axe clean; only our files fetched', async () => {
  const { context, page } = await opened();
  const expected = JSON.parse(cli(PROPOSAL, 'json'));
  const rows = await page.locator('#result tbody tr, #result tfoot tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 3);
  expected.commissioners.forEach((k, i) => {
    assert.equal(rows[i][0], k.name);
    assert.equal(rows[i][2], pounds(k.contract_value));
    assert.equal(rows[i][3], pounds(k.totals.present_value));
    assert.equal(rows[i][7], k.lm3.lm3.toFixed(4));
  });
  assert.equal(rows[2][3], pounds(expected.shared.totals.present_value));
  // The two commissioners add up to the shared total, to the penny.
  const pence = (n) => Math.round(n * 100);
  assert.equal(expected.commissioners.reduce((s, k) => s + pence(k.totals.present_value), 0), pence(expected.shared.totals.present_value));
  assert.match(rows[1][5], /^10%: not met$/, 'the police target is its own');
  // The CSV is the CLI's, byte for byte.
  assert.equal(await download(page, '#save-csv'), cli(PROPOSAL, 'csv'));
  // The calculator on the page reads the same file, its commissioners left out.
  await ready(page);
  const w = page.locator('social-value-calculator');
  assert.equal(await w.locator('[data-config-error]').count(), 0);
  // It has no place for shares: a proposal with them is refused whole, the
  // field named, and what was typed stays.
  await field(page, 'contract-value').fill('123456');
  await field(page, 'import-file').setInputFiles(join(ROOT, PROPOSAL));
  await w.locator('.notice[data-problem]', { hasText: /commitments\[0\]\.commissioners: it shares its commitments between the commissioners of a framework/ }).waitFor();
  assert.equal(await field(page, 'contract-value').inputValue(), '123456');
  for (const media of ['screen', 'print']) {
    await page.emulateMedia({ media });
    const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
    assert.deepEqual(r.violations.map((v) => `${media}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  }
  const foreign = page.requests.filter((u) => !u.startsWith(env.base));
  assert.deepEqual(foreign, []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('shares typed by keyboard update the figures; a total that is not 100 and a share that is not a number are named, what was typed kept; the saved proposal gives the CLI the same figures', async () => {
  const { context, page } = await opened();
  // Tab from the first share of the carbon line to the second, and type.
  const council = page.getByLabel("Commitment 5, Carbon saved: Northmoor Borough Council's share, percent");
  const police = page.getByLabel("Commitment 5, Carbon saved: West Calder Police's share, percent");
  await council.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await page.locator('#problem', { hasText: 'Commitment 5 (Carbon saved), its shares: the shares add up to 80 percent, not 100' }).waitFor();
  assert.equal(await page.locator('#actions').isVisible(), false, 'nothing stale to download');
  await page.keyboard.press('Tab');
  assert.equal(await police.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await page.locator('#lines tbody tr', { hasText: 'Carbon saved' }).getByText('(50%)').first().waitFor();
  assert.equal(await page.locator('#problem').isVisible(), false);
  // A share written with a comma: an error on that field, what was typed kept.
  const mentoring = page.getByLabel("Commitment 2, Apprenticeship weeks: West Calder Police's share, percent");
  await mentoring.fill('');
  await mentoring.focus();
  await page.keyboard.type('40,5');
  await page.locator('#status', { hasText: 'not a number' }).waitFor();
  assert.equal(await mentoring.getAttribute('aria-invalid'), 'true');
  assert.equal(await mentoring.inputValue(), '40,5');
  const said = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id).textContent).join(' | '), await mentoring.getAttribute('aria-describedby'));
  assert.match(said, /^Error: Enter a percentage from 0 to 100, like 50 \| Give each commissioner's share/);
  assert.match(await page.locator('#status').textContent(), /Not a number, so not yet counted: Commitment 2, Apprenticeship weeks: West Calder Police's share, percent\./);
  assert.equal(await page.locator('#actions').isVisible(), false, 'nothing offered while a share on screen is not counted');
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await mentoring.fill('40');
  await page.locator('#actions').waitFor();
  assert.equal(await mentoring.getAttribute('aria-invalid'), null);
  // The saved proposal keeps the shares that were good (the carbon line's
  // new 50:50; the apprenticeships' 60:40, corrected back).
  const saved = JSON.parse(await download(page, '#save-proposal'));
  const carbon = saved.commitments.find((c) => c.measure === 'NM6').commissioners;
  assert.deepEqual(carbon, [{ commissioner: 'council', percent: 50 }, { commissioner: 'police', percent: 50 }]);
  assert.deepEqual(saved.commitments.find((c) => c.measure === 'NM2').commissioners.map((s) => s.percent), [60, 40]);
  const dir = mkdtempSync(join(tmpdir(), 'socval-commissioners-'));
  writeFileSync(join(dir, 'shared.json'), JSON.stringify(saved));
  assert.equal(await download(page, '#save-csv'), cli(join(dir, 'shared.json'), 'csv'));
  // Emptied shares: the commitment goes as the contract is paid for (70:30).
  await council.fill('');
  await police.fill('');
  await police.dispatchEvent('input');
  await page.locator('#lines tbody tr', { hasText: 'Carbon saved (as the contract is paid for)' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a file that is not a proposal says so and keeps the figures; a configuration with no commissioners says so and hides them', async () => {
  const { context, page } = await opened();
  const before = await page.locator('#result').textContent();
  await page.locator('#proposal-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.locator('#problem', { hasText: 'notes.json could not be opened: it is not a proposal' }).waitFor();
  await page.locator('#proposal-file').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "commitm') });
  await page.locator('#problem', { hasText: 'cut.json could not be opened' }).waitFor();
  assert.equal(await page.locator('#result').textContent(), before, 'the figures before stay');
  const council = readFileSync(join(ROOT, 'www', 'examples', 'northmoor.json'));
  await page.locator('#config-file').setInputFiles({ name: 'northmoor.json', mimeType: 'application/json', buffer: council });
  await page.locator('#problem', { hasText: 'This configuration has no commissioners' }).waitFor();
  assert.equal(await page.locator('#result-section').isVisible(), false, 'no figures from the framework before');
  assert.equal(await page.locator('#share-section').isVisible(), false);
  assert.equal(await page.locator('#actions').isVisible(), false);
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('another framework opened replaces the figures, the shares table and the calculator in step 1; a broken one leaves nothing stale on screen', async () => {
  const { context, page } = await opened();
  const config = JSON.parse(readFileSync(join(ROOT, CONFIG), 'utf8'));
  config.council.name = 'Eastmoor Partnership';
  config.commissioners[0].name = 'Eastmoor Council';
  config.commissioners[0].contract_share_percent = 40;
  config.commissioners[1].contract_share_percent = 60;
  await page.locator('#config-file').setInputFiles({ name: 'eastmoor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(config)) });
  await page.locator('#result tbody tr', { hasText: 'Eastmoor Council' }).waitFor();
  const dir = mkdtempSync(join(tmpdir(), 'socval-commissioners-'));
  writeFileSync(join(dir, 'eastmoor.json'), JSON.stringify(config));
  const expected = JSON.parse(execFileSync(join(ROOT, 'target', 'debug', 'socval'),
    ['commissioners', '--config', join(dir, 'eastmoor.json'), '--proposal', PROPOSAL, '--format', 'json', '--today', TODAY], { cwd: ROOT }).toString());
  const rows = await page.locator('#result tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => [r[0], r[1], r[3]]), expected.commissioners.map((k) => [k.name, `${k.contract_share_percent}%`, pounds(k.totals.present_value)]));
  assert.deepEqual(await page.locator('#shares thead th').allTextContents(), ['Commitment', 'Eastmoor Council, %', 'West Calder Police, %']);
  // Step 1's calculator now holds the opened file, inline.
  const inline = await page.locator('social-value-calculator#framework script[type="application/json"]').textContent();
  assert.equal(JSON.parse(inline).council.name, 'Eastmoor Partnership');
  assert.equal(await page.locator('social-value-calculator#framework').getAttribute('config-src'), null);
  await ready(page);
  assert.equal(await page.locator('social-value-calculator').locator('[data-config-error]').count(), 0);
  // A configuration the core refuses: said, and no figure from before shown.
  config.commissioners[1].contract_share_percent = 70;
  await page.locator('#config-file').setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(config)) });
  await page.locator('#problem', { hasText: "The framework's configuration could not be used" }).waitFor();
  for (const id of ['#result-section', '#share-section', '#actions']) assert.equal(await page.locator(id).isVisible(), false, id);
  assert.equal(await page.locator('#status').textContent(), '');
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});
