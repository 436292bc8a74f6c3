// What opens is what counts, over a sample of generated proposals (the
// native property test, tests/tests/round_trip.rs, covers many more without
// a browser): the file gives the same result in the CLI, the JS API and the
// widget after opening it, and again after the widget exports it and opens
// the export.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, TODAY, WWW, cli, field, newPage, ready, start } from './harness.mjs';
import { initSync, calculate } from '../../www/socval/api/socval.js';

initSync({ module: readFileSync(join(ROOT, 'www', 'socval', 'api', 'socval_bg.wasm')) });

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A small deterministic generator (a linear congruential one), so a failure can be replayed. */
function random(seed) {
  let x = seed;
  return (n) => { x = (x * 1103515245 + 12345) % 2147483648; return x % n; };
}

const MEASURES = ['jobs-local', 'skills-apprenticeships', 'community-volunteering', 'community-donations', 'community-wellbeing', 'environment-carbon', 'spend-vcse', 'jobs-long-term-unemployed', 'jobs-disabled'];
const POSTCODES = ['EX1', 'EX4 4QJ', 'PL1', 'PL4', 'M1', 'BS1', 'TQ12', 'EX10'];

function proposal(seed) {
  const r = random(seed);
  const years = 1 + r(4);
  const commitments = Array.from({ length: 3 + r(8) }, () => {
    const measure = MEASURES[r(MEASURES.length)];
    const c = { measure };
    if (r(3) === 0) c.profile = Array.from({ length: years }, () => r(500) / 4);
    else { c.quantity = r(100000) / 100; if (r(2)) c.per_year = true; }
    if (r(3) === 0) c.attribution_percent = r(100);
    else if (r(4) === 0) c.shared_by = 1 + r(4);
    if (measure === 'jobs-local') c.postcode = POSTCODES[r(POSTCODES.length)];
    if (r(2)) c.note = `Line ${r(100)}`;
    return c;
  });
  // At least one measure repeated.
  commitments.push({ ...commitments[0], note: 'the same measure again' });
  return {
    schema_version: 1,
    framework: { id: 'socval-open', version: '2026.1' },
    bidder: `Bidder ${seed}`,
    contract: { value: 100000 + r(5000000), duration_years: years, start_year: 2027, supplier_postcode: POSTCODES[r(POSTCODES.length)] },
    commitments,
    spend: {
      staff: Array.from({ length: r(3) }, (_, i) => ({ label: `Team ${i}`, postcode: POSTCODES[r(POSTCODES.length)], amount: r(20000) })),
      suppliers: Array.from({ length: r(3) }, (_, i) => ({ name: `Supplier ${i}`, postcode: POSTCODES[r(POSTCODES.length)], amount: r(20000), sme: !!r(2), vcse: !!r(2) })),
    },
  };
}

// What must agree: everything but per-commitment lists, whose order the
// form sets (framework order) and whose indexes warnings cite.
const seen = (x) => ({ totals: x.totals, ratio: x.ratio, themes: x.themes, lm3: x.lm3, score: x.score, recorded: x.recorded.length, warnings: x.warnings.length });

test('generated files: the CLI, the JS API, the widget, and the widget after export and reopening agree', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'socval-round-trip-'));
  const config = readFileSync(join(WWW, 'examples', 'exampleshire.json'), 'utf8');
  /**
   * Opens `file` in a fresh page's widget; the result its socval-result
   * event carries (a fresh page: the widget announces a proposal only when
   * it differs from the last), and the proposal it exports.
   */
  const open = async (file, value) => {
    const { context, page } = await newPage(env.browser);
    await page.addInitScript(() => document.addEventListener('socval-result', (e) => { (window.__results ??= []).push(e.detail); }));
    await page.goto(`${env.base}/index.html`);
    await ready(page);
    await field(page, 'import-file').setInputFiles(file);
    await page.waitForFunction((v) => window.__results?.some((r) => r.contract_value === v), value, { timeout: 15000 });
    const result = await page.evaluate((v) => window.__results.findLast((r) => r.contract_value === v), value);
    const [d] = await Promise.all([page.waitForEvent('download'), page.locator('social-value-calculator').getByRole('button', { name: /Download your proposal/ }).click()]);
    const exported = JSON.parse(readFileSync(await d.path(), 'utf8'));
    assert.deepEqual(page.problems, []);
    await context.close();
    return { result, exported };
  };
  let compared = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const p = proposal(seed);
    const file = join(dir, `p${seed}.json`);
    writeFileSync(file, JSON.stringify(p));
    let want;
    try {
      want = cli('www/examples/exampleshire.json', file);
    } catch {
      continue; // A file the core refuses: the import tests cover refusals.
    }
    assert.deepEqual(seen(calculate(config, JSON.stringify(p), { today: TODAY })), seen(want), `seed ${seed}: JS API`);
    const opened = await open(file, p.contract.value);
    assert.deepEqual(seen(opened.result), seen(want), `seed ${seed}: widget`);
    assert.equal(opened.exported.commitments.length, p.commitments.length, `seed ${seed}: every commitment exported`);
    const again = join(dir, `p${seed}-again.json`);
    writeFileSync(again, JSON.stringify(opened.exported));
    const reopened = await open(again, p.contract.value);
    assert.deepEqual(seen(reopened.result), seen(want), `seed ${seed}: reopened`);
    assert.deepEqual(reopened.exported, opened.exported, `seed ${seed}: exported again, the same file`);
    compared += 1;
  }
  assert.ok(compared >= 5, `${compared} of 8 generated files compared`);
});
