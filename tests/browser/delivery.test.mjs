// The delivery page (www/delivery.html): what was delivered against what was
// committed, worked out in the browser as `socval delivery` works it out,
// recorded by keyboard, axe clean, and any file opened safely.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, TODAY, example, newPage, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CONFIG = 'www/examples/exampleshire.json';

const cli = (record, format) => execFileSync(join(ROOT, 'target', 'debug', 'socval'),
  ['delivery', '--config', CONFIG, '--record', record, '--format', format, '--today', TODAY], { cwd: ROOT }).toString();

async function opened() {
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/delivery.html`);
  await page.locator('#status', { hasText: 'to 2028' }).waitFor({ timeout: 15000 });
  return { context, page };
}

const download = async (page, button) => {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return readFileSync(await d.path(), 'utf8');
};

test('the demo record is reported as socval delivery reports it, and the page passes axe', async () => {
  const { context, page } = await opened();
  const expected = JSON.parse(cli('www/examples/exampleshire-delivery.json', 'json'));
  const rows = await page.locator('#summary > table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => r[0]), expected.measures.map((m) => m.title));
  assert.deepEqual(rows.map((r) => r[4].toLowerCase()), expected.measures.map((m) => m.status.replaceAll('_', ' ')));
  assert.match(await page.locator('#status').textContent(), /to 2028: £19,909\.56 delivered of £26,398\.40 committed to date \(75\.42%\): Red\./);
  // The CSV is the CLI's, byte for byte.
  assert.equal(await download(page, '#save-csv'), cli('www/examples/exampleshire-delivery.json', 'csv'));
  for (const media of ['screen', 'print']) {
    await page.emulateMedia({ media });
    const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
    assert.deepEqual(r.violations.map((v) => `${media}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  }
  assert.equal(await page.locator('#record-section').isVisible(), false, 'the recording table is not printed');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a year recorded by keyboard updates the figures; the saved record gives the CLI the same report; a wrong entry is named and kept', async () => {
  const { context, page } = await opened();
  const input = page.getByLabel('Spend with VCSEs and social enterprises, delivered in 2027');
  await input.focus();
  await page.keyboard.type('13333.33');
  await page.locator('#summary tbody tr', { hasText: 'Spend with VCSEs' }).getByText('50%').waitFor();
  const record = await download(page, '#save-record');
  assert.equal(JSON.parse(record).delivered[0].measures.find((m) => m.measure === 'spend-vcse').quantity, 13333.33);
  // Evidence already in the record is kept with its entry.
  assert.equal(JSON.parse(record).delivered[0].measures.find((m) => m.measure === 'jobs-local').evidence, 'Payroll, March 2028');
  const dir = mkdtempSync(join(tmpdir(), 'socval-delivery-'));
  writeFileSync(join(dir, 'record.json'), record);
  assert.equal(await download(page, '#save-csv'), cli(join(dir, 'record.json'), 'csv'));
  // A number written with a comma: an error on that field, what was typed kept.
  const carbon = page.getByLabel('Carbon emissions saved, delivered in 2028');
  await carbon.fill('');
  await carbon.focus();
  await page.keyboard.type('25,5');
  await page.locator('#status', { hasText: 'needs correcting' }).waitFor();
  assert.equal(await carbon.getAttribute('aria-invalid'), 'true');
  assert.equal(await carbon.inputValue(), '25,5');
  const kept = JSON.parse(await download(page, '#save-record'));
  assert.equal(kept.delivered[1].measures.find((m) => m.measure === 'environment-carbon').quantity, 25, 'the record keeps the figure it had');
  const described = await carbon.getAttribute('aria-describedby');
  const said = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id).textContent).join(' | '), described);
  assert.match(said, /^Error: Enter a number of 0 or more, like 12\.5 \| committed 40$/);
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  // A figure the core refuses (over its limit): the error shows, the old
  // figures cannot be downloaded, and the table stays with what was typed.
  const jobs = page.getByLabel('Local people employed on the contract, delivered in 2029');
  await jobs.fill('2000000000000');
  await page.locator('#problem:not([hidden])').waitFor();
  assert.equal(await page.locator('#actions').isVisible(), false);
  assert.equal(await jobs.inputValue(), '2000000000000');
  await jobs.fill('');
  await page.locator('#problem[hidden]').waitFor({ state: 'attached' });
  await page.locator('#actions:not([hidden])').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('income and spend recorded by keyboard give LM3 as delivered as socval delivery does; a wrong amount and a bad postcode are named on their fields and kept', async () => {
  const { context, page } = await opened();
  const expected = JSON.parse(cli('www/examples/exampleshire-delivery.json', 'json')).lm3;
  assert.deepEqual([expected.lm3, expected.committed_lm3, expected.status], [1.6415, 1.7002, 'amber']);
  assert.match(await page.locator('#status').textContent(), /LM3 as delivered 1\.6415 against 1\.7002 committed: Amber\./);
  const lm3 = page.locator('#summary table', { hasText: 'Local Multiplier 3' });
  assert.deepEqual(await lm3.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(1).map((c) => c.textContent))),
    [['1.7002', '1.6415', '', ''], ['0.7002', '0.6415', '91.62%', 'Amber']]);
  // 2029 by keyboard: its income, then a supplier added, named and paid.
  const income = page.getByLabel('Income received in 2029 (£)');
  await income.focus();
  await page.keyboard.type('700,000');
  await page.getByRole('button', { name: 'Add a supplier in 2029' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sp-2029-suppliers-0-name', 'focus moves to the new line');
  await page.keyboard.type('Exe Builders Ltd');
  await page.keyboard.press('Tab');
  await page.keyboard.type('EX2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('£250,000');
  // What the CLI makes of the same record, worked out apart from the page.
  const dir = mkdtempSync(join(tmpdir(), 'socval-delivery-spend-'));
  const demo = JSON.parse(example('exampleshire-delivery.json'));
  demo.delivered.push({ year: 2029, measures: [], income: 700000, spend: { suppliers: [{ name: 'Exe Builders Ltd', postcode: 'EX2', amount: 250000 }] } });
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(demo));
  const viaCli = JSON.parse(cli(join(dir, 'expected.json'), 'json')).lm3;
  assert.deepEqual(viaCli.years, [2027, 2028, 2029]);
  await page.locator('#status', { hasText: `LM3 as delivered ${viaCli.lm3.toFixed(4)} against 1.7002 committed` }).waitFor();
  await page.locator('#summary caption', { hasText: '2027, 2028 and 2029' }).waitFor();
  const record = await download(page, '#save-record');
  const y2029 = JSON.parse(record).delivered.find((y) => y.year === 2029);
  assert.deepEqual([y2029.income, y2029.spend.suppliers], [700000, [{ name: 'Exe Builders Ltd', postcode: 'EX2', amount: 250000 }]]);
  writeFileSync(join(dir, 'record.json'), record);
  assert.equal(await download(page, '#save-csv'), cli(join(dir, 'record.json'), 'csv'), 'the CSV is the CLI\'s');
  // A postcode the core refuses: its message on that field, the text kept.
  const postcode = page.getByLabel('Supplier 1, 2029: postcode or outward code');
  await postcode.fill('XX');
  await page.locator('#problem', { hasText: 'delivered[2].spend.suppliers[0].postcode: is not a UK postcode or outward code' }).waitFor();
  assert.equal(await postcode.getAttribute('aria-invalid'), 'true');
  assert.equal(await postcode.inputValue(), 'XX');
  const said = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id).textContent).join(' | '), await postcode.getAttribute('aria-describedby'));
  assert.match(said, /^Error: is not a UK postcode or outward code/);
  let r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await postcode.fill('EX2');
  await page.locator('#problem[hidden]').waitFor({ state: 'attached' });
  assert.equal(await postcode.getAttribute('aria-invalid'), null, 'the mark goes when the postcode is right');
  // An amount with a stray comma: named on the field, kept, the record's figure used.
  const amount = page.getByLabel('Supplier 1, 2029: amount in pounds');
  await amount.fill('12,34');
  await page.locator('#status', { hasText: '1 entry needs correcting' }).waitFor();
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  assert.equal(await amount.inputValue(), '12,34');
  assert.equal(JSON.parse(await download(page, '#save-record')).delivered[2].spend.suppliers[0].amount, 250000);
  // The line removed by keyboard: focus on the add button, 2029 counted with no spend.
  await page.getByRole('button', { name: 'Remove supplier 1, 2029' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-2029-suppliers');
  // Income with no spend is named, never read as nothing spent, until that is said.
  await page.locator('#spend-error-2029', { hasText: 'Give 2029\'s spend on staff or suppliers with its income, or tick "Nothing was spent in 2029"' }).waitFor();
  await page.getByLabel('Nothing was spent in 2029 on staff or suppliers').check();
  await page.locator('#status', { hasText: /LM3 as delivered [\d.]+ against 1\.7002/ }).waitFor();
  assert.equal(await page.locator('#spend-error-2029').isVisible(), false);
  assert.deepEqual(JSON.parse(await download(page, '#save-record')).delivered[2].spend, {});
  // The income emptied and nothing said: 2029 leaves the record (it was not in it).
  await page.getByLabel('Nothing was spent in 2029 on staff or suppliers').uncheck();
  await income.fill('');
  await page.locator('#summary caption', { hasText: /^Local Multiplier 3 \(LM3\), 2027 and 2028$/ }).waitFor();
  assert.equal(JSON.parse(await download(page, '#save-record')).delivered.length, 2);
  r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  // A record that leaves out 2027's spend: 2028 shown, not judged, and why.
  const partial = JSON.parse(example('exampleshire-delivery.json'));
  delete partial.delivered[0].income;
  delete partial.delivered[0].spend;
  writeFileSync(join(dir, 'partial.json'), JSON.stringify(partial));
  await page.locator('#record-file').setInputFiles(join(dir, 'partial.json'));
  await page.locator('#status', { hasText: /LM3 as delivered [\d.]+ for 2028 only: not judged until 2027 gives its income and spend\./ }).waitFor();
  assert.equal(await page.locator('#summary .tag--incomplete').textContent(), 'Incomplete');
  await page.locator('#summary .notice', { hasText: 'LM3 as delivered counts 2028 only: 2027 gives no income and spend' }).waitFor();
  // A record whose spend the core refuses: drawn all the same, the problem on its field.
  partial.delivered[1].spend.staff[1].postcode = 'NOT A POSTCODE';
  writeFileSync(join(dir, 'refused.json'), JSON.stringify(partial));
  await page.locator('#record-file').setInputFiles(join(dir, 'refused.json'));
  await page.locator('#problem', { hasText: 'delivered[1].spend.staff[1].postcode' }).waitFor();
  const refused = page.getByLabel('Staff group 2, 2028: postcode or outward code');
  assert.equal(await refused.inputValue(), 'NOT A POSTCODE');
  assert.equal(await refused.getAttribute('aria-invalid'), 'true');
  await refused.fill('PL1');
  await page.locator('#problem[hidden]').waitFor({ state: 'attached' });
  await page.locator('#status', { hasText: 'for 2028 only' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('any file opened is text on the page or a clear message: markup, a proposal to start from, broken and binary files', async () => {
  const { context, page } = await opened();
  const dir = mkdtempSync(join(tmpdir(), 'socval-delivery-files-'));
  const demo = JSON.parse(example('exampleshire-delivery.json'));
  demo.committed.bidder = '<img src=x onerror=alert(1)>';
  demo.delivered[0].measures[0].evidence = '<script>alert(1)</script>';
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(demo));
  await page.locator('#record-file').setInputFiles(join(dir, 'hostile.json'));
  await page.locator('#status', { hasText: '<img src=x onerror=alert(1)>, to 2028' }).waitFor();
  assert.equal(await page.locator('main img, main script').count(), 0);
  // The awarded proposal starts a record with nothing delivered.
  await page.locator('#record-file').setInputFiles(join(ROOT, 'www/examples/exampleshire-proposal.json'));
  await page.locator('#status', { hasText: 'nothing recorded yet' }).waitFor();
  assert.match(await page.locator('#status').textContent(), /£[\d,]+\.\d\d of social value committed over the contract/);
  // Broken and binary files: a message naming the file, the last record kept.
  writeFileSync(join(dir, 'cut.json'), example('exampleshire-delivery.json').slice(0, 300));
  await page.locator('#record-file').setInputFiles(join(dir, 'cut.json'));
  await page.locator('#problem', { hasText: 'cut.json could not be opened' }).waitFor();
  writeFileSync(join(dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]));
  await page.locator('#record-file').setInputFiles(join(dir, 'image.json'));
  await page.locator('#problem', { hasText: 'image.json could not be opened' }).waitFor();
  assert.match(await page.locator('#status').textContent(), /nothing recorded yet/, 'the record open before stays');
  // Another version, and a file nested 100,000 deep: refused with why.
  writeFileSync(join(dir, 'version-2.json'), JSON.stringify({ ...demo, schema_version: 2 }));
  await page.locator('#record-file').setInputFiles(join(dir, 'version-2.json'));
  await page.locator('#problem', { hasText: 'schema_version: is 2; this version of Socval reads delivery records of version 1' }).waitFor();
  writeFileSync(join(dir, 'deep.json'), '['.repeat(100000));
  await page.locator('#record-file').setInputFiles(join(dir, 'deep.json'));
  await page.locator('#problem', { hasText: /deep\.json could not be opened|nest/ }).waitFor();
  // A year outside the contract: the core's message, with its field.
  demo.delivered[1].year = 2035;
  writeFileSync(join(dir, 'late.json'), JSON.stringify(demo));
  await page.locator('#record-file').setInputFiles(join(dir, 'late.json'));
  await page.locator('#problem', { hasText: 'delivered[1].year: 2035 is not a year of the contract (2027 to 2029)' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
