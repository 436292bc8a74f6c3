// The evaluator page: every bid for one tender read, scored and ranked in
// this browser by the widget's report module (crates/socval-report,
// evaluator.rs), with the same figures and CSV as `socval batch`. Nothing is
// uploaded: the files are read here and never leave the page.
import { $, councilReporter, offer, problem, today } from './officer.js';

let reporter;
// The files as chosen, and each bid the table lists (a CSV file may hold
// many), by its index.
let bids = [];
let listed = [];
let csv = '';

async function useCouncil(textPromise) {
  try {
    reporter = await councilReporter(await textPromise, $('tender').value);
    problem('');
    rank();
  } catch (e) {
    reporter = undefined;
    problem(`The council configuration could not be used: ${e?.message ?? e}`);
  }
}

/** Scores and ranks the bids, and draws the table. */
function rank() {
  if (!reporter || bids.length === 0) return;
  const start = performance.now();
  let result;
  try {
    result = reporter.evaluateBids(bids, $('relative').checked, today);
  } catch (e) {
    problem(`${e?.message ?? e}`);
    return;
  }
  problem('');
  const ranking = $('ranking');
  ranking.replaceChildren(result.table);
  ranking.hidden = false;
  $('actions').hidden = false;
  csv = result.csv;
  listed = result.bids;
  const ms = Math.round(performance.now() - start);
  performance.measure('socval:evaluate-bids', { start, duration: performance.now() - start });
  const failed = result.failed ? `, ${result.failed} could not be (listed last, with why)` : '';
  $('status').textContent = `${listed.length} ${listed.length === 1 ? 'bid' : 'bids'}: ${result.scored} scored${failed}. Ranked in ${ms} ms.`;
}

/** A file's text: UTF-8, else (a CSV saved as plain "CSV" by a spreadsheet
 * on Windows) Windows-1252, as the core's bid_csv::decode reads it for
 * `socval batch`. */
async function textOf(file) {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return /\.csv$/i.test(file.name) ? new TextDecoder('windows-1252').decode(bytes) : new TextDecoder().decode(bytes);
  }
}

async function readBids(files) {
  const start = performance.now();
  bids = await Promise.all([...files].map(async (f) => ({ name: f.name, text: await textOf(f) })));
  $('working').hidden = true;
  rank();
  // From the files chosen to the table drawn (read by the benchmark and tests).
  performance.measure('socval:load-bids', { start, duration: performance.now() - start });
}

$('council').addEventListener('change', (e) => useCouncil(fetch(e.target.value).then((r) => r.text())));
$('config-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) useCouncil(f.text()); });
$('tender').addEventListener('change', () => useCouncil(fetch($('council').value).then((r) => r.text())));
$('bids').addEventListener('change', (e) => readBids(e.target.files ?? []));
$('relative').addEventListener('change', rank);

const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('drop--over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('drop--over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('drop--over');
  readBids(e.dataTransfer?.files ?? []);
});

// A bid's working, under the table, focused so a screen reader reads it.
$('ranking').addEventListener('click', (e) => {
  const b = e.target.closest?.('button[data-bid]');
  if (!b || !reporter) return;
  const bid = listed[Number(b.dataset.bid)];
  try {
    $('working-body').replaceChildren(reporter.bidWorking(bid.text, today));
  } catch (err) {
    $('working-body').textContent = `${err?.message ?? err}`;
  }
  $('working-heading').textContent = `Working: ${bid.name}`;
  const w = $('working');
  w.hidden = false;
  w.focus();
});

$('download').addEventListener('click', () => offer(csv, 'text/csv', `social-value-evaluation-${today}.csv`));
$('print').addEventListener('click', () => window.print());

useCouncil(fetch($('council').value).then((r) => r.text()));
