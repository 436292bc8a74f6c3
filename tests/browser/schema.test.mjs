// The JSON Schemas `socval schema` prints are valid draft 2020-12 schemas,
// and every shipped file (and every result) conforms to them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { ROOT, cli } from './harness.mjs';

const schema = (which) => JSON.parse(readFileSync(join(ROOT, 'www', 'socval', 'schema', `${which}.schema.json`), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
const json = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

test('example and golden configs conform to the config schema', () => {
  const valid = ajv.compile(schema('config'));
  const files = ['www/examples/exampleshire.json', 'www/examples/northmoor.json', 'www/examples/dyffryn-teg.json',
    ...readdirSync(join(ROOT, 'tests', 'golden'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `tests/golden/${d.name}/config.json`)];
  for (const f of files) assert.ok(valid(json(f)), `${f}: ${ajv.errorsText(valid.errors)}`);
  assert.equal(valid({ schema_version: 1 }), false, 'a config without its required fields is refused');
  const welsh = json('www/examples/dyffryn-teg.json');
  welsh.translations.cy.council.motto = 'Gwerth';
  assert.equal(valid(welsh), false, 'a translation with a field the format lacks is refused');
});

test('example proposals conform to the proposal schema, and unknown fields are refused', () => {
  const valid = ajv.compile(schema('proposal'));
  for (const f of ['www/examples/exampleshire-proposal.json', 'www/examples/northmoor-proposal.json']) {
    assert.ok(valid(json(f)), `${f}: ${ajv.errorsText(valid.errors)}`);
  }
  const extra = { ...json('www/examples/exampleshire-proposal.json'), colour: 'red' };
  assert.equal(valid(extra), false);
});

test('results conform to the result schema', () => {
  const valid = ajv.compile(schema('result'));
  for (const c of ['exampleshire', 'northmoor']) {
    const r = cli(`www/examples/${c}.json`, `www/examples/${c}-proposal.json`);
    assert.ok(valid(r), `${c}: ${ajv.errorsText(valid.errors)}`);
  }
});

test('delivery records and reports conform to their schemas', () => {
  const record = ajv.compile(schema('delivery'));
  for (const f of ['www/examples/exampleshire-delivery.json', 'tests/golden/delivery-against-commitments/record.json']) {
    assert.ok(record(JSON.parse(readFileSync(join(ROOT, f), 'utf8'))), `${f}: ${ajv.errorsText(record.errors)}`);
  }
  assert.equal(record({ schema_version: 1, committed: {}, delivered: [], colour: 'red' }), false, 'an unknown field is refused');
  const report = ajv.compile(schema('delivery-report'));
  const out = JSON.parse(execFileSync(join(ROOT, 'target', 'debug', 'socval'), ['delivery', '--config', 'www/examples/exampleshire.json', '--record', 'www/examples/exampleshire-delivery.json', '--format', 'json'], { cwd: ROOT }).toString());
  assert.ok(report(out), ajv.errorsText(report.errors));
});

test('the embedding guide explains every configuration field, drafts and several calculators, and gives an accessibility statement', () => {
  const guide = readFileSync(join(ROOT, 'www', 'embedding.html'), 'utf8');
  // A section: from its heading's id to the next h2.
  const section = (id) => {
    const from = guide.indexOf(`id="${id}"`);
    assert.ok(from > 0, `a section #${id}`);
    return guide.slice(from, guide.indexOf('<h2', from + 1));
  };
  const fields = section('fields') + section('welsh');
  const missing = Object.keys(schema('config').properties).filter((k) => !fields.includes(`<code>${k}`));
  assert.deepEqual(missing, [], 'every top-level field of the configuration has its words');
  const element = section('element').replace(/<[^>]+>/g, '');
  assert.match(element, /id names its draft/);
  assert.match(element, /Several calculators on one page/);
  assert.match(element, /Shared computers/);
  const statement = section('accessibility').replace(/<[^>]+>/g, '');
  assert.match(statement, /accessibility statement/i);
  assert.match(statement, /WCAG 2\.2 AA/);
});
