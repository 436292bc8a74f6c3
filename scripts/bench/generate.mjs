// Deterministic inputs for the benchmarks: a council framework with n
// measures and a proposal committing to each, and folders of many proposals.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = { title: 'Benchmark value (fictional)', publisher: 'Socval benchmarks', price_year: 2026, licence: 'Test data' };

/** A council config whose inline framework has `n` measures. */
export function bigConfig(n) {
  const themes = ['jobs', 'growth', 'social', 'environment'].map((id) => ({ id, title: id[0].toUpperCase() + id.slice(1) }));
  const measures = Array.from({ length: n }, (_, i) => ({
    id: `B${i}`, theme: themes[i % 4].id, title: `Benchmark measure ${i}`, unit: ['week', 'hour', 'pound', 'tco2e'][i % 4],
    proxy: i % 7 === 6 ? null : { value: 10 + (i % 97), source },
    // Only an outcome may last (drop-off, years of benefit): issue 8's rule.
    kind: i % 3 === 0 ? 'outcome' : 'output',
    adjustments: i % 3 === 0 ? { deadweight_percent: 10, drop_off_percent: 20, benefit_years: 2 } : {},
  }));
  return {
    schema_version: 1,
    council: { name: `Benchmark council (${n} measures)` },
    framework: { inline: { id: 'bench', name: 'Benchmark measures', version: '1', price_year: 2026, themes, measures } },
    local_area: { name: 'Devon', postcode_areas: ['EX', 'TQ', 'PL'] },
    scoring: { weighting_percent: 10, method: { kind: 'proportional', benchmark_ratio_percent: 20 } },
  };
}

/** A proposal committing to each of `n` measures of bigConfig(n). */
export function bigProposal(n, seed = 0) {
  return {
    schema_version: 1,
    framework: { id: 'bench', version: '1' },
    contract: { value: 5000000 + seed, duration_years: 3, start_year: 2027, supplier_postcode: 'EX1' },
    commitments: Array.from({ length: n }, (_, i) => ({ measure: `B${i}`, quantity: 1 + ((i * 7919 + seed) % 500) })),
    spend: {
      staff: [{ label: 'Local', postcode: 'EX4', amount: 800000 }, { label: 'Away', postcode: 'M1', amount: 200000 }],
      suppliers: [{ name: 'Local SME', postcode: 'TQ12', amount: 300000, sme: true }, { name: 'National', postcode: 'LS1', amount: 250000 }],
    },
  };
}

/** Writes `count` Exampleshire proposals with varied commitments into `dir`. */
export function writeBatch(dir, count) {
  mkdirSync(dir, { recursive: true });
  const measures = ['jobs-local', 'skills-apprenticeships', 'skills-training', 'community-volunteering', 'community-donations', 'environment-carbon', 'spend-vcse'];
  for (let k = 0; k < count; k++) {
    const p = {
      schema_version: 1,
      framework: { id: 'socval-open', version: '2026.1' },
      bidder: `Bidder ${k}`,
      contract: { value: 500000 + (k * 9973) % 5000000, duration_years: 1 + (k % 5), start_year: 2027 },
      commitments: measures.map((m, i) => ({ measure: m, quantity: 1 + ((k * 31 + i * 17) % 400) })),
      spend: {
        staff: [{ label: 'Team', postcode: ['EX4', 'PL1', 'BS1'][k % 3], amount: 100000 }],
        suppliers: [{ name: 'Supplier', postcode: ['EX2', 'M1', 'TQ12'][k % 3], amount: 50000, sme: k % 2 === 0 }],
      },
    };
    writeFileSync(join(dir, `bid-${String(k).padStart(5, '0')}.json`), JSON.stringify(p));
  }
}
