// The JSON Schemas `socval schema` prints are valid draft 2020-12 schemas,
// and every shipped file (and every result) conforms to them.
import assert from 'node:assert/strict';
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
