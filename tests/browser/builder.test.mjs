// The configuration builder (www/builder.html, crates/socval-builder): a
// council sets up the calculator by keyboard, each change checked by the
// core as `socval validate` checks it, the real calculator previewed beside
// it, the file downloaded and opened again; axe clean; nothing fetched but
// our own files.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, newPage, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const AXE = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BIN = join(ROOT, 'target', 'debug', 'socval');

async function opened() {
  const { context, page } = await newPage(env.browser);
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(`${env.base}/builder.html`);
  await page.locator('#problems-status').waitFor({ timeout: 15000 });
  return { context, page };
}

const axe = async (page, when) => {
  const r = await new AxeBuilder({ page }).withTags(AXE).analyze();
  assert.deepEqual(r.violations.map((v) => `${when}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
};

const download = async (page) => {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  return readFileSync(await d.path(), 'utf8');
};

/** `socval validate` on `text`: its exit code and what it said. */
function validate(text) {
  const dir = mkdtempSync(join(tmpdir(), 'socval-builder-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, text);
  const r = spawnSync(BIN, ['validate', file], { cwd: ROOT });
  return { ok: r.status === 0, said: `${r.stdout}${r.stderr}`.replaceAll(`${file}: `, '') };
}

test('a blank configuration is set up by keyboard: the core names what is missing, the calculator appears when it is ready, and the download passes socval validate', async () => {
  const { context, page } = await opened();
  // Blank: the council's name and the local area's are required, as socval validate says.
  await page.locator('#preview-status', { hasText: /problems? to put right before the calculator can be shown/ }).waitFor();
  const blank = validate(await download(page));
  assert.equal(blank.ok, false);
  const listed = await page.locator('.error-summary__list a').allTextContents();
  assert.ok(listed.length >= 2, listed.join('\n'));
  assert.ok(listed.some((t) => t.startsWith('Council name: ')), listed.join('\n'));
  for (const text of listed) assert.ok(blank.said.includes(text.slice(text.indexOf(': ') + 2)), `${text} not in\n${blank.said}`);
  await axe(page, 'blank');
  // A problem's link takes focus to its field.
  await page.locator('.error-summary__list a', { hasText: 'Council name' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-council-name');
  await page.keyboard.type('Testshire District Council');
  await page.locator('#f-local_area-name').focus();
  await page.keyboard.type('Testshire');
  await page.keyboard.press('Tab');
  await page.keyboard.type('EX, tq');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  // The calculator beside it, with this configuration, inline.
  const widget = page.locator('#preview social-value-calculator');
  await widget.locator('#contract-value').waitFor({ timeout: 15000 });
  assert.match(await widget.locator('h3, h2').first().textContent(), /Testshire District Council/);
  assert.match(await page.locator('#preview-status').textContent(), /uses this configuration/);
  await axe(page, 'ready');
  const saved = await download(page);
  const v = validate(saved);
  assert.equal(v.ok, true, v.said);
  assert.match(v.said, /a valid council configuration for Testshire District Council/);
  const config = JSON.parse(saved);
  assert.deepEqual(config.local_area, { name: 'Testshire', postcode_areas: ['EX', 'TQ'] });
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(env.base)), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('an existing configuration opens to be edited, keeps what the page has no control for, and a mistake is named on its field as socval validate names it, what was typed kept', async () => {
  const { context, page } = await opened();
  // A shared framework's file: its commissioners and inline measure set
  // have no controls here, and come back as they were.
  const file = join(ROOT, 'www', 'examples', 'northmoor-partnership.json');
  const original = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(original.commissioners.length === 2);
  await page.locator('#open-file').setInputFiles(file);
  await page.locator('.notice', { hasText: 'Opened northmoor-partnership.json' }).waitFor();
  assert.equal(await page.locator('#f-council-name').inputValue(), original.council.name);
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  await page.locator('#preview-status', { hasText: 'uses this configuration' }).waitFor();
  assert.deepEqual(JSON.parse(await download(page)), original, 'nothing lost or changed by opening and saving');
  // A discount rate with a decimal comma: named, not read as 35.
  await page.locator('#f-discounting-rate_percent').fill('3,5');
  await page.locator('#f-discounting-rate_percent').dispatchEvent('input');
  const rate = page.locator('#f-discounting-rate_percent');
  await page.locator('.error-summary__list a', { hasText: 'Discount rate' }).waitFor();
  assert.equal(await rate.getAttribute('aria-invalid'), 'true');
  assert.equal(await rate.inputValue(), '3,5', 'what was typed stays');
  const error = await page.locator('#f-discounting-rate_percent-error').textContent();
  await page.locator('#preview-status', { hasText: '1 problem to put right: the calculator below shows the last configuration it accepted' }).waitFor();
  const saved = await download(page);
  const v = validate(saved);
  assert.equal(v.ok, false);
  assert.ok(v.said.includes('discounting.rate_percent'), v.said);
  assert.ok(v.said.includes(error.replace(/^Error: /, '')), `${error} not in\n${v.said}`);
  assert.match(await page.locator('#preview-status').textContent(), /^Downloaded with 1 problem still to put right/);
  await axe(page, 'error');
  await rate.fill('3.5');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  assert.equal(JSON.parse(await download(page)).discounting.rate_percent, 3.5);
  // A file that is not JSON leaves the configuration as it was.
  await page.locator('#open-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json') });
  await page.locator('.notice', { hasText: 'notes.txt could not be opened: it is not valid JSON' }).waitFor();
  assert.equal(await page.locator('#f-council-name').inputValue(), original.council.name);
  // A field the core does not know is named as socval validate names it,
  // and kept for the officer to decide.
  const extra = { ...JSON.parse(readFileSync(join(ROOT, 'www', 'examples', 'exampleshire.json'), 'utf8')), x_portal_note: 'ours' };
  await page.locator('#open-file').setInputFiles({ name: 'exampleshire.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(extra)) });
  const named = await page.locator('.error-summary__list a', { hasText: 'x_portal_note' }).textContent();
  const said = validate(JSON.stringify(extra));
  assert.equal(said.ok, false);
  assert.ok(said.said.includes(named.slice(named.indexOf(': ') + 2)), `${named} not in\n${said.said}`);
  assert.deepEqual(JSON.parse(await download(page)), extra);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the scoring method is chosen by keyboard; a method set aside comes back as it was; measures and priorities are written as the core reads them', async () => {
  const { context, page } = await opened();
  await page.locator('#open-file').setInputFiles(join(ROOT, 'www', 'examples', 'exampleshire.json'));
  await page.locator('.notice', { hasText: 'Opened' }).waitFor();
  const bands = page.locator('input[name="method"][value="ratio_bands"]');
  assert.equal(await bands.isChecked(), true);
  await bands.focus();
  // Arrow keys move between radios, as in any radio group.
  await page.keyboard.press('ArrowUp');
  const proportional = page.locator('input[name="method"][value="proportional"]');
  await page.waitForFunction(() => document.querySelector('input[name="method"][value="proportional"]').checked);
  await page.locator('#f-scoring-method-benchmark_ratio_percent').waitFor();
  let config = JSON.parse(await download(page));
  assert.equal(config.scoring.method.kind, 'proportional');
  await proportional.focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#f-scoring-method-bands-4--score_percent').waitFor();
  config = JSON.parse(await download(page));
  const original = JSON.parse(readFileSync(join(ROOT, 'www', 'examples', 'exampleshire.json'), 'utf8'));
  assert.deepEqual(config.scoring.method, original.scoring.method, 'the bands come back as they were');
  // A band removed: focus goes to the list of bands, not to the page.
  await page.getByRole('button', { name: 'Remove band 5' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-scoring-method-bands');
  config = JSON.parse(await download(page));
  assert.deepEqual(config.scoring.method.bands, original.scoring.method.bands.slice(0, 4));
  // A theme made a priority and another required, by keyboard; the others' priorities kept.
  await page.locator('#f-theme_priorities-economy').selectOption('high');
  const required = page.locator('#f-required_themes-community');
  await required.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.getElementById('f-required_themes-community').checked);
  config = JSON.parse(await download(page));
  assert.deepEqual(config.theme_priorities, [{ theme: 'jobs', priority: 'high' }, { theme: 'economy', priority: 'high' }, { theme: 'environment', priority: 'medium' }]);
  assert.deepEqual(config.required_themes, ['community']);
  // LM3's quicker entry shows as the file has it (on here; off, the core's default, when not given).
  assert.equal(await page.locator('#f-lm3-totals_allowed').isChecked(), true);
  await page.getByRole('button', { name: 'Start again with a blank configuration' }).click();
  await page.locator('#f-council-name').waitFor();
  assert.equal(await page.locator('#f-council-name').inputValue(), '');
  assert.equal(await page.locator('#f-lm3-totals_allowed').isChecked(), false);
  assert.equal(await page.locator('#f-theme_priorities-jobs').inputValue(), '', 'the select shows the new file, not the last choice');
  const v = validate(JSON.stringify(config));
  assert.equal(v.ok, true, v.said);
  await axe(page, 'blank again');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a measure's own value is given with its source, each missing part named on its field; it values the measure for the CLI; switched off and on it comes back; an emptied adjustment leaves the file", async () => {
  const { context, page } = await opened();
  await page.locator('#open-file').setInputFiles(join(ROOT, 'www', 'examples', 'exampleshire.json'));
  await page.locator('.notice', { hasText: 'Opened' }).waitFor();
  // Exampleshire offers every measure (it lists none): listing them is the first step.
  const summary = page.locator('summary', { hasText: "Apprenticeship weeks: the council's own value or adjustments" });
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.locator('details', { has: summary }).getByText('The framework has no openly licensed value for it').waitFor();
  await page.getByRole('button', { name: "Set Apprenticeship weeks's value or adjustments" }).click();
  const own = page.getByLabel("Use the council's own value for Apprenticeship weeks");
  await own.waitFor();
  let config = JSON.parse(await download(page));
  assert.equal(config.measures.length, 14, 'every measure listed, each as it was');
  const i = config.measures.findIndex((m) => m.id === 'skills-apprenticeships');
  await own.focus();
  await page.keyboard.press('Space');
  // What is missing is named on its field, and in the list by the measure's
  // id (the file is read part by part: the price year first, then the value).
  await page.locator('.error-summary__list a', { hasText: 'Measure skills-apprenticeships: Source: the year of its prices: must be given' }).waitFor();
  const year = page.locator(`#f-measures-${i}--proxy-source-price_year`);
  assert.equal(await year.getAttribute('aria-invalid'), 'true');
  await year.fill('2024');
  const value = page.locator(`#f-measures-${i}--proxy-value`);
  await page.locator('.error-summary__list a', { hasText: 'Measure skills-apprenticeships: Its own value, pounds per unit: must be given' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), `f-measures-${i}--proxy-value`);
  assert.equal(await value.getAttribute('aria-invalid'), 'true');
  await page.keyboard.type('100');
  await page.locator('.error-summary__list a', { hasText: 'Source: the publication: must not be empty' }).waitFor();
  await axe(page, 'own value missing its source');
  await page.locator(`#f-measures-${i}--proxy-source-title`).fill('Testshire apprenticeship study');
  await page.locator(`#f-measures-${i}--proxy-source-publisher`).fill('Testshire Council');
  await page.locator(`#f-measures-${i}--proxy-source-licence`).fill('OGL-UK-3.0');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  config = JSON.parse(await download(page));
  assert.deepEqual(config.measures[i].proxy, { value: 100, source: { title: 'Testshire apprenticeship study', publisher: 'Testshire Council', licence: 'OGL-UK-3.0', price_year: 2024 } });
  // The CLI values the apprenticeships with it; before, they were recorded only.
  const dir = mkdtempSync(join(tmpdir(), 'socval-builder-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  const calc = (c) => JSON.parse(execFileSync(BIN, ['calc', '--config', c, '--proposal', 'www/examples/exampleshire-proposal.json', '--format', 'json', '--today', '2026-12-04'], { cwd: ROOT }).toString());
  const line = (r) => r.measures.find((c) => c.measure === 'skills-apprenticeships');
  assert.equal(line(calc('www/examples/exampleshire.json')).totals.gross, 0);
  assert.ok(line(calc(join(dir, 'config.json'))).totals.gross >= 15600, 'at least 156 weeks × £100, uprated from 2024 prices');
  // The measure no longer offered, then offered again: its own value comes back.
  await page.locator('#f-measures-skills-apprenticeships').uncheck();
  await page.waitForFunction(() => !document.getElementById('f-measures-skills-apprenticeships').checked);
  assert.equal(JSON.parse(await download(page)).measures.some((m) => m.id === 'skills-apprenticeships'), false);
  await page.locator('#f-measures-skills-apprenticeships').check();
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  assert.deepEqual(JSON.parse(await download(page)).measures[i].proxy.source.title, 'Testshire apprenticeship study');
  // Its own value off, and on again: as it was typed.
  await own.uncheck();
  await page.locator(`#f-measures-${i}--proxy-value`).waitFor({ state: 'detached' });
  assert.equal(JSON.parse(await download(page)).measures[i].proxy, undefined);
  await own.check();
  assert.equal(await page.locator(`#f-measures-${i}--proxy-value`).inputValue(), '100');
  // An adjustment given and emptied: nothing of it stays in the file.
  const deadweight = page.locator(`#f-measures-${i}--adjustments-deadweight_percent`);
  await deadweight.fill('20');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  assert.deepEqual(JSON.parse(await download(page)).measures[i].adjustments, { deadweight_percent: 20 });
  await deadweight.fill('');
  await page.waitForFunction((id) => document.getElementById(id).value === '', `f-measures-${i}--adjustments-deadweight_percent`);
  assert.equal(JSON.parse(await download(page)).measures[i].adjustments, undefined);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a target that steps by year and the delivery thresholds are written as the core reads them, and checked by it', async () => {
  const { context, page } = await opened();
  await page.locator('#open-file').setInputFiles(join(ROOT, 'www', 'examples', 'exampleshire.json'));
  await page.locator('.notice', { hasText: 'Opened' }).waitFor();
  await page.getByRole('button', { name: 'Add a target step' }).click();
  await page.locator('.error-summary__list a', { hasText: 'Target step 1' }).first().waitFor();
  await page.locator('#f-target_steps-0--from_year').fill('2028');
  await page.locator('#f-target_steps-0--ratio_percent').fill('15');
  await page.locator('#f-delivery-amber_percent').fill('120');
  await page.locator('.error-summary__list a', { hasText: 'Delivery' }).waitFor();
  const said = validate(await download(page));
  assert.equal(said.ok, false);
  assert.ok(said.said.includes('delivery'), said.said);
  await page.locator('#f-delivery-amber_percent').fill('75');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  const config = JSON.parse(await download(page));
  assert.deepEqual(config.target_steps, [{ from_year: 2028, ratio_percent: 15 }]);
  assert.deepEqual(config.delivery, { amber_percent: 75 });
  assert.equal(validate(JSON.stringify(config)).ok, true);
  await axe(page, 'steps');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a radius switched on asks for its distance (none is assumed), and comes back as it was when switched off and on; the opened notice stays while sections open', async () => {
  const { context, page } = await opened();
  await page.locator('#open-file').setInputFiles(join(ROOT, 'www', 'examples', 'exampleshire.json'));
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  await page.locator('summary', { hasText: "Carbon emissions saved: the council's own value or adjustments" }).click();
  assert.equal(await page.locator('.notice', { hasText: 'Opened exampleshire.json' }).isVisible(), true);
  const radius = page.getByLabel('Also everything within a distance of a postcode').first();
  await radius.check();
  const miles = page.locator('#f-local_area-radius-miles');
  await page.locator('.error-summary__list a', { hasText: 'Local area: Distance, miles: must be given' }).waitFor();
  assert.equal(await miles.getAttribute('aria-invalid'), 'true');
  assert.equal(await miles.inputValue(), '');
  await miles.fill('5');
  await page.locator('#f-local_area-radius-centre-postcode').fill('EX1');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  assert.deepEqual(JSON.parse(await download(page)).local_area.radius, { miles: 5, centre: { postcode: 'EX1' } });
  await radius.uncheck();
  await miles.waitFor({ state: 'detached' });
  assert.equal(JSON.parse(await download(page)).local_area.radius, undefined);
  await radius.check();
  assert.equal(await miles.inputValue(), '5');
  assert.deepEqual(JSON.parse(await download(page)).local_area.radius, { miles: 5, centre: { postcode: 'EX1' } });
  await axe(page, 'radius');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('districts are picked by name and removed by keyboard; the file holds their ONS codes, which socval validate accepts; a district without a name in the source is offered by its code', async () => {
  const { context, page } = await opened();
  await page.locator('#f-council-name').fill('Testshire District Council');
  await page.locator('#f-local_area-name').fill('Testshire');
  const pick = page.getByLabel('Add a local authority district by name').first();
  // Options by name, then code; the 2023 unitaries (after the source's May 2022) by code alone.
  assert.equal(await pick.locator('option[value="E07000041"]').textContent(), 'Exeter (E07000041)');
  assert.equal(await pick.locator('option[value="E06000065"]').textContent(), 'E06000065');
  // Nothing is chosen until the officer chooses: Add alone adds nothing.
  assert.equal(await pick.inputValue(), '');
  await page.getByRole('button', { name: 'Add this district' }).first().click();
  assert.equal(await page.locator('#f-local_area-districts').inputValue(), '');
  await pick.focus();
  await pick.selectOption({ label: 'Exeter (E07000041)' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await pick.selectOption({ label: 'Mid Devon (E07000042)' });
  await page.getByRole('button', { name: 'Add this district' }).first().click();
  await page.getByRole('button', { name: 'Remove Mid Devon (E07000042)' }).waitFor();
  assert.equal(await page.locator('#f-local_area-districts').inputValue(), 'E07000041, E07000042');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  let config = JSON.parse(await download(page));
  assert.deepEqual(config.local_area.districts, ['E07000041', 'E07000042']);
  const v = validate(JSON.stringify(config));
  assert.equal(v.ok, true, v.said);
  await axe(page, 'districts');
  // A code typed by hand that no outward code has: named as socval validate names it.
  const codes = page.locator('#f-local_area-districts');
  await codes.fill('E07000041, E07000042, E07999999');
  const named = await page.locator('.error-summary__list a', { hasText: 'Local area: Local authority districts' }).textContent();
  const wrong = JSON.parse(await download(page));
  const said = validate(JSON.stringify(wrong));
  assert.equal(said.ok, false);
  assert.ok(said.said.includes('local_area.districts[2]') && said.said.includes(named.slice(named.indexOf(': ', 'Local area: '.length) + 2)), `${named}\n${said.said}`);
  assert.equal(await codes.getAttribute('aria-invalid'), 'true');
  await codes.fill('E07000041, E07000042');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  await page.getByRole('button', { name: 'Remove Exeter (E07000041)' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-local_area-districts-pick');
  config = JSON.parse(await download(page));
  assert.deepEqual(config.local_area.districts, ['E07000042']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a Welsh council's texts in Welsh are edited beside their English, each marked as Welsh; an emptied one leaves the file, and a removed area takes its Welsh name with it", async () => {
  const { context, page } = await opened();
  const file = join(ROOT, 'www', 'examples', 'dyffryn-teg.json');
  const original = JSON.parse(readFileSync(file, 'utf8'));
  await page.locator('#open-file').setInputFiles(file);
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  const name = page.locator('#f-translations-cy-council-name');
  assert.equal(await name.inputValue(), original.translations.cy.council.name);
  assert.equal(await name.getAttribute('lang'), 'cy');
  assert.equal(await page.locator('#f-translations-cy-council-name-hint').textContent(), `In English: ${original.council.name}`);
  assert.equal(await page.locator('#f-translations-cy-bands-4').inputValue(), 'Rhagorol');
  // A Welsh contact added; the Welsh local area's name emptied.
  await page.locator('#f-translations-cy-council-contact').fill('gwerthcymdeithasol@dyffrynteg.example');
  await page.locator('#f-translations-cy-local_area').fill('');
  await page.locator('#problems-status', { hasText: 'This configuration is ready' }).waitFor();
  let config = JSON.parse(await download(page));
  assert.equal(config.translations.cy.council.contact, 'gwerthcymdeithasol@dyffrynteg.example');
  assert.equal('local_area' in config.translations.cy, false, 'an emptied text is left out, not written empty');
  assert.deepEqual(config.translations.cy.bands, original.translations.cy.bands);
  assert.equal(validate(JSON.stringify(config)).ok, true);
  // The priority area removed: its Welsh name goes with it.
  await page.getByRole('button', { name: 'Remove priority area 1' }).click();
  await page.locator('#f-translations-cy-priority_areas-0').waitFor({ state: 'detached' });
  config = JSON.parse(await download(page));
  assert.deepEqual(config.priority_areas ?? [], []);
  assert.equal(config.translations.cy.priority_areas, undefined);
  const v = validate(JSON.stringify(config));
  assert.equal(v.ok, true, v.said);
  await axe(page, 'Welsh');
  assert.deepEqual(page.problems, []);
  await context.close();
});
