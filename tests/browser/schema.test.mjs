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
