// The evaluator page (www/evaluator.html): every bid for a tender scored in
// the browser, with `socval batch`'s ranking, scores and CSV, by keyboard,
// axe clean, and 500 bids timed.
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

/** A folder of bids: the demo, more volunteering, a hostile name, a broken file. */
function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'socval-bids-'));
  const demo = example('exampleshire-proposal.json');
  const more = JSON.parse(demo);
  more.commitments.find((c) => c.measure === 'community-volunteering').quantity = 1000;
  more.bidder = '=HYPERLINK("http://x","<img src=x onerror=alert(1)>")';
  writeFileSync(join(dir, 'a-demo.json'), demo);
  writeFileSync(join(dir, 'b-more-volunteering.json'), JSON.stringify(more));
  writeFileSync(join(dir, 'c-broken.json'), demo.slice(0, 200));
  writeFileSync(join(dir, '=cmd.json'), demo);
  return dir;
}

const batch = (dir, ...args) => {
  try {
    return execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['batch', '--config', CONFIG, dir, '--today', TODAY, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch (e) {
    return e.stdout.toString(); // exit 1: some bids could not be scored
  }
};

async function opened(dir) {
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/evaluator.html`);
  const names = ['=cmd.json', 'a-demo.json', 'b-more-volunteering.json', 'c-broken.json'];
  await page.locator('#bids').setInputFiles(names.map((n) => join(dir, n)));
  await page.locator('#status', { hasText: 'Ranked in' }).waitFor({ timeout: 15000 });
  return { context, page };
}

test('bids are ranked and scored as socval batch does, and the CSV is its CSV, byte for byte', async () => {
  const dir = folder();
  const { context, page } = await opened(dir);
  assert.match(await page.locator('#status').textContent(), /^4 bids: 3 scored, 1 could not be \(listed last, with why\)\. Ranked in \d+ ms\.$/);
  const expected = JSON.parse(batch(dir, '--format', 'json'));
  const rows = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, expected.length);
  expected.forEach((e, i) => {
    assert.equal(rows[i][0], e.file);
    if (e.error) {
      assert.equal(rows[i][1], '–');
      assert.ok(rows[i][2].startsWith('Not scored: '), rows[i][2]);
    } else {
      assert.equal(Number(rows[i][1]), e.rank);
      assert.equal(Number(rows[i][5]), e.score_percent);
      assert.equal(Number(rows[i][6]), e.points);
    }
  });
  // Markup in a bidder's file is text: nothing made of it.
  assert.equal(await page.locator('#ranking img').count(), 0);
  const csv = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    return readFileSync(await download.path(), 'utf8');
  };
  // The same bytes, but for the reason a file is not JSON, which the
  // browser's JSON reader and the CLI's word differently.
  const same = (text) => text.replace(/"is not valid JSON: [^"]*"|"contract\.\?: is not valid JSON: [^"]*"/, '"not JSON"');
  const cli = batch(dir, '--format', 'csv');
  assert.match(cli, /is not valid JSON/);
  assert.equal(same(await csv()), same(cli));
  // Relative to the best bid, by keyboard: the CLI's --relative, again byte for byte.
  await page.locator('#relative').focus();
  await page.keyboard.press('Space');
  await page.locator('#ranking tbody tr:first-child td:nth-child(6)', { hasText: /^100$/ }).waitFor();
  const relative = await csv();
  assert.equal(same(relative), same(batch(dir, '--format', 'csv', '--relative')));
  assert.match(relative, /"'=cmd\.json"/, 'a file name that starts a formula is neutralised');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('each bid opens its working by keyboard; the page and its print view pass axe', async () => {
  const { context, page } = await opened(folder());
  const button = page.getByRole('button', { name: 'Working: b-more-volunteering.json' });
  await button.focus();
  await page.keyboard.press('Enter');
  const working = page.locator('#working');
  await working.getByText('Social value summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'working', `focus moves to the working, not ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))}`);
  assert.match(await working.innerText(), /£57,461\.50/);
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#setup').isVisible(), false, 'the controls are not printed');
  assert.ok(await page.locator('#ranking table').isVisible(), 'the ranking is');
  const p = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(p.violations.map((v) => `print: ${v.id}`), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a spreadsheet of bids (CSV) is read as socval batch reads it: every bid, every problem named by its row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'socval-csv-bids-'));
  writeFileSync(join(dir, 'a-portal-export.csv'), readFileSync(join(ROOT, 'www/examples/exampleshire-bids.csv')));
  // What a bidder can put in a spreadsheet: markup and a formula as its
  // name, a price with a pound sign; and the file as Excel on Windows
  // saves plain "CSV" (Windows-1252: "£" is the byte A3).
  const hostile = 'bid,field,value\r\n'
    + '"<img src=x onerror=alert(1)>",contract.value,1000000\r\n"<img src=x onerror=alert(1)>",contract.duration_years,2\r\n"<img src=x onerror=alert(1)>",contract.start_year,2027\r\n'
    + '"<img src=x onerror=alert(1)>",commitments[0].measure,community-volunteering\r\n"<img src=x onerror=alert(1)>",commitments[0].quantity,50\r\n'
    + '"=HYPERLINK(""http://x"")",contract.value,\xa32m\r\n'
    // A measure the council does not offer: the calculation's refusal, on its row.
    + 'Odd Ltd,contract.value,1000\r\nOdd Ltd,contract.duration_years,1\r\nOdd Ltd,contract.start_year,2027\r\nOdd Ltd,commitments[0].measure,made-up\r\nOdd Ltd,commitments[0].quantity,1\r\n';
  writeFileSync(join(dir, 'b-hostile.csv'), Buffer.from(hostile, 'latin1'));
  // Not a bids file at all: bytes a CSV reader must refuse whole.
  writeFileSync(join(dir, 'c-binary.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe]));
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/evaluator.html`);
  await page.locator('#bids').setInputFiles(['a-portal-export.csv', 'b-hostile.csv', 'c-binary.csv'].map((n) => join(dir, n)));
  await page.locator('#status', { hasText: 'Ranked in' }).waitFor({ timeout: 15000 });
  assert.match(await page.locator('#status').textContent(), /^7 bids: 4 scored, 3 could not be/);
  const rows = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const expected = JSON.parse(batch(dir, '--format', 'json'));
  assert.deepEqual(rows.map((r) => r[0]), expected.map((e) => e.file));
  assert.ok(rows.some((r) => r[0] === '<img src=x onerror=alert(1)>'), 'markup in a bid\'s name is its name, as text');
  assert.equal(await page.locator('#ranking img').count(), 0);
  const pound = rows.find((r) => r[0] === '=HYPERLINK("http://x")');
  assert.match(pound.join(' '), /row 7: "£2m" is not a number/, 'the Windows-1252 pound sign is read as £, and the row is named');
  assert.match(rows.find((r) => r[0] === 'c-binary.csv').join(' '), /has no "bid" column/);
  assert.match(rows.find((r) => r[0] === 'Odd Ltd').join(' '), /commitments\[0\]\.measure: row 11: /);
  // The evaluation CSV is socval batch's, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.equal(csv, batch(dir, '--format', 'csv'));
  assert.match(csv, /"'=HYPERLINK\(""http:\/\/x""\)"/, 'a bid named as a formula is neutralised');
  // A CSV bid's working, by keyboard.
  const button = page.getByRole('button', { name: 'Working: Clyst Cleaning Co-operative (example)' });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('#working').getByText('Social value summary').waitFor();
  assert.match(await page.locator('#working').innerText(), /Litter picks with two parish councils/);
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('bid files that are too big, too deep, another version or not text are listed with why; a broken council file says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'socval-bad-bids-'));
  const demo = JSON.parse(example('exampleshire-proposal.json'));
  writeFileSync(join(dir, 'deep.json'), '['.repeat(100000));
  writeFileSync(join(dir, 'version-2.json'), JSON.stringify({ ...demo, schema_version: 2 }));
  writeFileSync(join(dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff]));
  writeFileSync(join(dir, 'huge.json'), `{"bidder":"${'x'.repeat(33 * 1024 * 1024)}"}`);
  writeFileSync(join(dir, 'huge.csv'), `bid,field,value\n${'A,bidder,x\n'.repeat(3.4e6)}`);
  // A spreadsheet cut off in the middle of a quoted cell: read as far as it goes, never a crash.
  writeFileSync(join(dir, 'cut.csv'), 'bid,field,value\nA,contract.value,1000\nA,bidder,"Acme');
  writeFileSync(join(dir, 'good.json'), JSON.stringify(demo));
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/evaluator.html`);
  await page.locator('#bids').setInputFiles(['deep.json', 'version-2.json', 'image.json', 'huge.json', 'huge.csv', 'cut.csv', 'good.json'].map((n) => join(dir, n)));
  await page.locator('#status', { hasText: 'Ranked in' }).waitFor({ timeout: 30000 });
  assert.match(await page.locator('#status').textContent(), /^7 bids: 1 scored, 6 could not be/);
  const why = Object.fromEntries(await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.textContent])));
  assert.match(why['deep.json'], /nest/i);
  assert.match(why['version-2.json'], /schema_version|version/);
  assert.match(why['image.json'], /not valid JSON|JSON/);
  assert.match(why['huge.json'], /the limit is 33554432 bytes/);
  assert.match(why['huge.csv'], /the limit is 33554432 bytes/);
  // The cut file's one bid is read as far as it goes and refused for what it lacks.
  assert.match(why.A, /missing field|duration_years/);
  // The page still works: a council configuration that is not JSON, with
  // markup in it, is named as a problem, shown as text.
  writeFileSync(join(dir, 'council.json'), '<img src=x onerror=alert(1)>');
  await page.locator('#config-file').setInputFiles(join(dir, 'council.json'));
  await page.locator('#problem', { hasText: 'The council configuration could not be used' }).waitFor();
  assert.equal(await page.locator('main img').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the bids as call-offs of one framework, added up year by year as socval programme does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'socval-programme-'));
  const demo = JSON.parse(example('exampleshire-proposal.json'));
  writeFileSync(join(dir, 'a-2027.json'), JSON.stringify(demo));
  // A second call-off: two and a half years from 2028, its own spend.
  const later = { ...demo, bidder: 'Later call-off', contract: { ...demo.contract, start_year: 2028, duration_years: 2.5, value: 1000000 },
    commitments: demo.commitments.filter((c) => !c.profile), spend: { staff: [], suppliers: [] } };
  writeFileSync(join(dir, 'b-2028.json'), JSON.stringify(later));
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/evaluator.html`);
  await page.locator('#bids').setInputFiles(['a-2027.json', 'b-2028.json'].map((n) => join(dir, n)));
  await page.locator('#status', { hasText: 'Ranked in' }).waitFor({ timeout: 15000 });
  await page.locator('#add-up').focus();
  await page.keyboard.press('Enter');
  await page.locator('#programme-table table').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'programme', 'focus moves to the programme');
  const run = (format) => execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['programme', '--config', CONFIG, dir, '--format', format, '--today', TODAY], { cwd: ROOT }).toString();
  const expected = JSON.parse(run('json'));
  const rows = await page.locator('#programme-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => [Number(r[0]), Number(r[1])]), expected.years.map((y) => [y.year, y.running]));
  assert.deepEqual(rows.map((r) => r[2]), ['£666,666.67', '£1,066,666.66', '£1,066,666.67', '£200,000.00']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#programme-csv').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), run('csv'), 'the CSV is socval programme\'s, byte for byte');
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a qualitative part: the share and each bid\'s mark entered by keyboard, both parts shown apart, the CSV as socval batch --marks gives it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'socval-marks-'));
  writeFileSync(join(dir, 'bids.csv'), readFileSync(join(ROOT, 'www/examples/exampleshire-bids.csv')));
  const marks = join(mkdtempSync(join(tmpdir(), 'socval-marks-file-')), 'marks.csv');
  writeFileSync(marks, 'bid,mark\r\nClyst Cleaning Co-operative (example),90\r\nNational Estates plc (example),40\r\n');
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/evaluator.html`);
  // The share first, then the bids: a mark field for each bid appears.
  const share = page.getByLabel('Qualitative part of the social value section, percent');
  await share.fill('');
  await share.focus();
  await page.keyboard.type('50');
  await page.locator('#bids').setInputFiles(join(dir, 'bids.csv'));
  await page.locator('#status', { hasText: 'Ranked in' }).waitFor({ timeout: 15000 });
  await page.locator('#marks').waitFor();
  // A mark written with a comma: named on its field, and left out until corrected.
  const clyst = page.getByLabel('Clyst Cleaning Co-operative (example): mark out of 100');
  await clyst.focus();
  await page.keyboard.type('9,0');
  await page.locator('#mark-1-error', { hasText: 'Error: Enter a mark from 0 to 100' }).waitFor();
  assert.equal(await clyst.getAttribute('aria-invalid'), 'true');
  await clyst.fill('90');
  await page.getByLabel('National Estates plc (example): mark out of 100').fill('40');
  await page.locator('#ranking th', { hasText: 'Qualitative mark' }).waitFor();
  await page.locator('#ranking tbody tr:first-child th', { hasText: 'Clyst' }).waitFor();
  const rows = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => [r[0], r[5], r[6], r[7]]), [
    ['Clyst Cleaning Co-operative (example)', '0', '90', '45'],
    ['National Estates plc (example)', '0', '40', '20'],
    ['Harbour Facilities Ltd (example)', '0', 'not marked', '0'],
  ]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), batch(dir, '--format', 'csv', '--qualitative-percent', '50', '--marks', marks));
  // The same bids chosen again with one more: each mark stays with its bid.
  writeFileSync(join(dir, 'a-first.json'), example('exampleshire-proposal.json'));
  await page.locator('#bids').setInputFiles([join(dir, 'a-first.json'), join(dir, 'bids.csv')]);
  await page.locator('#status', { hasText: '4 bids' }).waitFor();
  assert.equal(await page.getByLabel('Clyst Cleaning Co-operative (example): mark out of 100').inputValue(), '90');
  assert.equal(await page.getByLabel('a-first.json: mark out of 100').inputValue(), '');
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => v.id), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('500 bids load, score and rank in the browser (timed, reported)', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(`${env.base}/evaluator.html`);
  const demo = JSON.parse(example('exampleshire-proposal.json'));
  const files = Array.from({ length: 500 }, (_, i) => {
    demo.commitments.find((c) => c.measure === 'community-volunteering').quantity = 100 + i;
    demo.bidder = `Bidder ${i}`;
    return { name: `bid-${String(i).padStart(3, '0')}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(demo)) };
  });
  const t0 = Date.now();
  await page.locator('#bids').setInputFiles(files);
  await page.locator('#status', { hasText: '500 bids: 500 scored' }).waitFor({ timeout: 30000 });
  const total = Date.now() - t0;
  const status = await page.locator('#status').textContent();
  const ms = Number(status.match(/Ranked in (\d+) ms/)[1]);
  const page_ms = Math.round(await page.evaluate(() => performance.getEntriesByName('socval:load-bids').at(-1).duration));
  console.log(`evaluator: 500 bids read, scored, ranked and drawn in ${page_ms} ms in the page (scoring, ranking and drawing ${ms} ms); ${total} ms with Playwright handing over the files`);
  assert.equal(await page.locator('#ranking tbody tr').count(), 500);
  assert.equal(await page.locator('#ranking tbody tr:first-child th').textContent(), 'bid-499.json');
  assert.deepEqual(page.problems, []);
  await context.close();
});
