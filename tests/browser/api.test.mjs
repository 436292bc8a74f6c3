// The JavaScript API (www/socval/api) gives the CLI's results on the same files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, TODAY, cli, example } from './harness.mjs';
import { initSync, calculate, commissioners, evaluate, gap, validate, frameworks, framework } from '../../www/socval/api/socval.js';

initSync({ module: readFileSync(join(ROOT, 'www', 'socval', 'api', 'socval_bg.wasm')) });

test('calculate equals the CLI to the penny, from objects or JSON text', () => {
  for (const council of ['exampleshire', 'northmoor']) {
    const want = cli(`www/examples/${council}.json`, `www/examples/${council}-proposal.json`);
    const config = example(`${council}.json`);
    const proposal = example(`${council}-proposal.json`);
    assert.deepEqual(calculate(config, proposal, { today: TODAY }), want);
    assert.deepEqual(calculate(JSON.parse(config), JSON.parse(proposal), { today: TODAY }), want);
  }
});

test('evaluate gives the figures of calculate without the working', () => {
  for (const council of ['exampleshire', 'northmoor']) {
    const config = example(`${council}.json`);
    const proposal = example(`${council}-proposal.json`);
    const r = calculate(config, proposal, { today: TODAY });
    const f = evaluate(config, proposal, { today: TODAY });
    assert.deepEqual(f.totals, r.totals);
    assert.deepEqual(f.ratio, r.ratio);
    assert.deepEqual(f.warnings, r.warnings);
    assert.deepEqual(f.themes.map((t) => [t.totals, t.share_percent, t.commitments]), r.themes.map((t) => [t.totals, t.share_percent, t.commitments]));
    for (const k of ['round1', 'round2', 'round3', 'lm3', 'lm2', 'sensitivity', 'local_share_percent']) assert.deepEqual(f.lm3[k], r.lm3[k], k);
    for (const k of ['score_percent', 'weighting_percent', 'weighted_points']) assert.equal(f.score[k], r.score[k], k);
    assert.ok(r.totals.present_value > 0, 'the example has value to compare');
  }
});

test('gap equals socval gap to the penny', () => {
  for (const council of ['exampleshire', 'northmoor']) {
    const want = cli(`www/examples/${council}.json`, `www/examples/${council}-proposal.json`, 'gap');
    const got = gap(example(`${council}.json`), example(`${council}-proposal.json`), { today: TODAY });
    assert.deepEqual(got, want);
    assert.ok(got.goals.length > 0 && got.lm3.local_suppliers.amount > 0, council);
  }
});

test('commissioners equals socval commissioners to the penny, and names a share on a commissioner the framework does not have', () => {
  const config = example('northmoor-partnership.json');
  const proposal = example('northmoor-partnership-proposal.json');
  const want = cli('www/examples/northmoor-partnership.json', 'www/examples/northmoor-partnership-proposal.json', 'commissioners');
  assert.deepEqual(commissioners(config, proposal, { today: TODAY }), want);
  assert.equal(want.commissioners.length, 2);
  const wrong = JSON.parse(proposal);
  wrong.commitments[0].commissioners = [{ commissioner: 'fire', percent: 100 }];
  assert.throws(() => commissioners(config, wrong, { today: TODAY }), (e) => e.issues.some((i) => i.path.startsWith('commitments[0].commissioners')));
  // A single council's configuration has no commissioners to share between.
  assert.throws(() => commissioners(example('northmoor.json'), example('northmoor-proposal.json'), { today: TODAY }), (e) => e.issues.length > 0);
});

test('errors are thrown with every issue, each naming its field', () => {
  const config = example('exampleshire.json');
  const bad = readFileSync(join(ROOT, 'tests', 'golden', 'validation-errors', 'proposal.json'), 'utf8');
  assert.throws(() => calculate(config, bad, { today: TODAY }), (e) => {
    assert.ok(e instanceof Error);
    // One error on the bad duration, none on the profile it would make too long.
    assert.equal(e.issues.length, 11);
    assert.deepEqual(e.issues[4], { path: 'commitments[0].quantity', code: 'negative', key: 'negative', params: {}, message: 'must be zero or more' });
    // A message with parameters carries them typed: text as strings, numbers as numbers.
    const sum = e.issues.find((i) => i.key === 'profile_sum');
    assert.equal(typeof sum.params.quantity, 'number');
    assert.equal(typeof sum.params.sum, 'number');
    assert.equal(typeof e.issues.find((i) => i.key === 'wrong_framework').params.uses_id, 'string');
    return true;
  });
  const v = validate(bad, config, { today: TODAY });
  assert.equal(v.kind, 'proposal');
  assert.equal(v.valid, false);
  assert.equal(v.errors.length, 11);
  assert.deepEqual(validate(config), { kind: 'config', valid: true, errors: [], warnings: [] });
  const syntax = validate('{"council": ');
  assert.equal(syntax.valid, false);
  assert.match(syntax.errors[0].message, /not valid JSON/);
});

test('the built-in frameworks carry the provenance of every value', () => {
  assert.deepEqual(frameworks(), ['socval-open']);
  const f = framework('socval-open');
  const valued = f.measures.filter((m) => m.proxy);
  assert.equal(valued.length, 4);
  for (const m of valued) {
    assert.ok(m.proxy.source.title && m.proxy.source.publisher && m.proxy.source.licence && m.proxy.source.price_year, m.id);
  }
  assert.throws(() => framework('national-toms'), /not a built-in framework/);
});

test('with a catalogue, every message, every line of the working and the errors thrown are in Welsh; keys and figures the same', () => {
  const catalogue = readFileSync(join(ROOT, 'www', 'socval', 'cy.txt'), 'utf8');
  const config = example('exampleshire.json');
  const proposal = example('exampleshire-proposal.json');
  const en = calculate(config, proposal, { today: TODAY });
  const cy = calculate(config, proposal, { today: TODAY, catalogue });
  const lines = (r) => [...r.measures.flatMap((m) => m.working), ...r.lm3.working, ...r.score.explanation, r.discounting];
  assert.deepEqual(cy.totals, en.totals);
  assert.deepEqual(lines(cy).map((l) => l.key), lines(en).map((l) => l.key));
  assert.deepEqual(cy.measures.map((m) => m.measure), en.measures.map((m) => m.measure));
  assert.notDeepEqual(cy.measures.map((m) => m.title), en.measures.map((m) => m.title));
  assert.ok(lines(cy).length > 10);
  for (const [w, e] of lines(cy).map((l, i) => [l.text, lines(en)[i].text])) {
    if (/[a-z]{3}/i.test(e.replace(/\{[^}]*\}|LM3/g, ''))) assert.notEqual(w, e, `"${e}" is the same in Welsh`);
    assert.doesNotMatch(w, /\{[a-z_]+\}/);
  }
  assert.match(cy.lm3.working.find((l) => l.key === 'round1').text, /^Rownd 1/);
  // A warning: the jobs delivered outside the area, in Welsh.
  const away = JSON.parse(proposal);
  away.commitments.find((c) => c.measure === 'jobs-local').postcode = 'CF10 1AA';
  const [wEn, wCy] = [{}, { catalogue }].map((o) => calculate(config, away, { today: TODAY, ...o }).warnings);
  assert.ok(wEn.length > 0);
  // The same keys and values, but the measure's title in Welsh, as the widget shows it.
  const untitled = (ws) => ws.map((w) => [w.key, { ...w.params, title: undefined }]);
  assert.deepEqual(untitled(wCy), untitled(wEn));
  assert.notEqual(wCy[0].params.title, wEn[0].params.title);
  assert.ok(wCy.every((w, i) => w.message !== wEn[i].message), JSON.stringify(wCy));
  // The errors thrown are worded from the catalogue too.
  const bad = readFileSync(join(ROOT, 'tests', 'golden', 'validation-errors', 'proposal.json'), 'utf8');
  assert.throws(() => calculate(config, bad, { today: TODAY, catalogue }), (e) => {
    const negative = e.issues.find((i) => i.key === 'negative');
    assert.notEqual(negative.message, 'must be zero or more');
    assert.ok(e.message.includes(`${negative.path}: ${negative.message}`), e.message);
    return true;
  });
  // Without it, English again.
  assert.deepEqual(calculate(config, proposal, { today: TODAY }), en);
});
