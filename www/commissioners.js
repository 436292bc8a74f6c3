// The framework operator's page: a proposal's commitments shared between
// the commissioners of one framework, worked out in this browser by the
// widget's report module (socval_core::partnership, as `socval
// commissioners` works it out). The shares travel in the proposal file.
import { $, cell, councilReporter, markField, offer, problem, row, today } from './officer.js';

let reporter;
let commissioners = [];
let proposal;
// Each commitment's title, from the last figures worked out.
let titles = [];
let csv = '';
// The pause after a share is typed before the figures are worked out.
let pending;

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
const lm3 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const BASIS = { gross: 'gross', adjusted: 'adjusted', present_value: 'present value' };
// Why a commissioner has no LM3 of its own, by the core's code.
const NO_LM3 = { spend_as_totals: "the spend was given as totals with a local share, stated for the framework's area; give each staff and supplier line with its postcode for each commissioner's LM3" };

// Each configuration opened gets a number: a slow load that a newer one
// overtook is dropped rather than drawn over it.
let loads = 0;

/** Hides every figure worked out under the last framework or proposal, so
 * that nothing stale stays on screen while the next one loads. */
function clear() {
  csv = '';
  $('share-section').hidden = true;
  $('result-section').hidden = true;
  $('actions').hidden = true;
  $('status').textContent = '';
}

async function useConfig(textPromise, fromFile) {
  const mine = ++loads;
  // Nothing is worked out under the framework before while this one loads
  // (a proposal opened, a share typed).
  reporter = undefined;
  clearTimeout(pending);
  clear();
  titles = [];
  try {
    const text = await textPromise;
    const config = JSON.parse(text.replace(/^\uFEFF/, ''));
    const next = await councilReporter(text);
    if (mine !== loads) return;
    reporter = next;
    commissioners = Array.isArray(config?.commissioners) ? config.commissioners : [];
    if (fromFile) calculator(text);
    problem(commissioners.length ? '' : 'This configuration has no commissioners: it is one council\'s, not a shared framework\'s.');
    update(true);
  } catch (e) {
    if (mine !== loads) return;
    reporter = undefined;
    commissioners = [];
    problem(`The framework's configuration could not be used: ${e?.message ?? e}`);
  }
}

/** Step 1's calculator, with the configuration just opened, so that the
 * supplier estimates under the same rules the shares are worked out by. */
function calculator(text) {
  const old = $('framework');
  const next = document.createElement('social-value-calculator');
  for (const a of ['id', 'heading-level', 'no-heading']) if (old.hasAttribute(a)) next.setAttribute(a, old.getAttribute(a));
  const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: text });
  next.append(script);
  old.replaceWith(next);
}

// The same for proposals: the demo's, still loading, does not replace one
// the user opened.
let proposalLoads = 0;

async function useProposal(textPromise, name) {
  const mine = ++proposalLoads;
  try {
    const text = await textPromise;
    if (mine !== proposalLoads) return;
    const o = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!o || typeof o !== 'object' || !Array.isArray(o.commitments)) throw new Error('it is not a proposal (it has no list of commitments)');
    clear();
    proposal = o;
    titles = [];
    problem('');
    update(true);
  } catch (e) {
    if (mine !== proposalLoads) return;
    problem(`${name} could not be opened: ${e?.message ?? e}`);
  }
}

/** Where the core names a commitment's shares by path, the words on
 * screen: the commitment by number and title, and the commissioner whose
 * share it is. */
function worded(message) {
  return message.replace(/commitments\[(\d+)\]\.commissioners(?:\[(\d+)\])?(?:\.\w+)?:?/g, (_, i, j) => {
    const n = Number(i);
    const what = `Commitment ${n + 1} (${titles[n] ?? proposal.commitments[n]?.measure ?? ''})`;
    if (j === undefined) return `${what}, its shares:`;
    const id = proposal.commitments[n]?.commissioners?.[Number(j)]?.commissioner;
    const k = commissioners.find((c) => c.id === id);
    return `${what}, ${k ? `${k.name}'s share` : `the share for "${id ?? ''}"`}:`;
  });
}

/** Works out the figures for the proposal as it stands; with `redraw`,
 * draws the table of shares afresh (a new proposal or framework). */
function update(redraw) {
  if (!reporter || !proposal || !commissioners.length) return;
  if (redraw && !titles.length) titles = titlesOf();
  if (redraw) shares();
  let out;
  try {
    out = reporter.commissioners(JSON.stringify(proposal), today);
  } catch (e) {
    problem(worded(`${e?.message ?? e}`));
    csv = '';
    $('actions').hidden = true;
    $('result-section').hidden = true;
    $('status').textContent = '';
    return;
  }
  problem('');
  csv = out.csv;
  result(out.report);
  $('actions').hidden = false;
}

/** The measures' titles, worked out with every commitment shared by the
 * contract shares (so a mistake in a share does not hide them). */
function titlesOf() {
  const plain = { ...proposal, commitments: proposal.commitments.map(({ commissioners: _, ...c }) => c) };
  try {
    const lines = reporter.commissioners(JSON.stringify(plain), today).report.lines;
    return proposal.commitments.map((c, i) => lines.find((l) => l.commitment === i)?.title ?? c.measure);
  } catch {
    return proposal.commitments.map((c) => c.measure);
  }
}

const head = (labels, numeric) => row(labels.map((h, i) => {
  const th = cell('th', h, numeric(i) ? 'num' : '');
  th.scope = 'col';
  return th;
}));
const rowHead = (text) => {
  const th = cell('th', text);
  th.scope = 'row';
  return th;
};

/** The table of shares: a commitment a row, a commissioner a column. */
function shares() {
  const table = document.createElement('table');
  table.className = 'table';
  table.createTHead().append(head(['Commitment', ...commissioners.map((k) => `${k.name}, %`)], (i) => i > 0));
  const body = table.createTBody();
  proposal.commitments.forEach((c, i) => {
    const given = Array.isArray(c.commissioners) ? c.commissioners : [];
    const inputs = commissioners.map((k, j) => {
      const td = document.createElement('td');
      const id = `s-${i}-${j}`;
      const label = cell('label', `Commitment ${i + 1}, ${titles[i]}: ${k.name}'s share, percent`, 'visually-hidden');
      label.htmlFor = id;
      const input = document.createElement('input');
      Object.assign(input, { id, className: 'input input--number', inputMode: 'decimal', spellcheck: false, autocomplete: 'off' });
      input.dataset.commitment = i;
      input.dataset.commissioner = k.id;
      const share = given.find((s) => s?.commissioner === k.id);
      input.value = share ? String(share.percent) : '';
      input.setAttribute('aria-describedby', 'shares-hint');
      td.append(label, input);
      return td;
    });
    body.append(row([rowHead(`${i + 1}. ${titles[i]}`), ...inputs]));
  });
  $('shares').replaceChildren(table);
  $('share-section').hidden = false;
}

/** Each commissioner, the shared total, and every commitment shared out. */
function result(r) {
  const basis = BASIS[r.basis] ?? r.basis;
  const table = document.createElement('table');
  table.className = 'table';
  table.createTHead().append(head(['Commissioner', 'Share of the contract', 'Contract value', `Social value (${basis})`, 'Ratio', 'Target', 'Score', 'LM3 in its area'], (i) => i > 0 && i !== 5));
  const target = (ratio) => (ratio.target_percent == null ? 'none' : `${number.format(ratio.target_percent)}%: ${ratio.met ? 'met' : 'not met'}`);
  const on = (t) => t[r.basis] ?? t.present_value;
  const line = (name, share, value, totals, ratio, score, l) => row([rowHead(name), cell('td', `${number.format(share)}%`, 'num'),
    cell('td', money.format(value), 'num'), cell('td', money.format(on(totals)), 'num'), cell('td', `${number.format(ratio.percent)}%`, 'num'),
    cell('td', target(ratio)), cell('td', `${number.format(score.score_percent)} (${number.format(score.weighted_points)} points)`, 'num'), cell('td', l ? lm3.format(l.lm3) : '–', 'num')]);
  const body = table.createTBody();
  for (const k of r.commissioners) body.append(line(k.name, k.contract_share_percent, k.contract_value, k.totals, k.ratio, k.score, k.lm3));
  table.createTFoot().append(line('Shared total, each commitment once', 100, r.contract_value, r.shared.totals, r.shared.ratio, r.shared.score, r.shared.lm3));
  const notes = [
    ...r.commissioners.filter((k) => !k.lm3).map((k) => `No LM3 for ${k.name}: ${NO_LM3[k.lm3_unknown] ?? 'not worked out'}.`),
    ...(r.warnings ?? []).map((w) => w.message ?? String(w)),
  ];
  const list = Object.assign(document.createElement('ul'), { className: 'list' });
  list.append(...notes.map((n) => cell('li', n)));
  $('result').replaceChildren(table, ...(notes.length ? [list] : []));

  const lines = document.createElement('table');
  lines.className = 'table';
  lines.createTHead().append(head(['Commitment', ...r.commissioners.map((k) => k.name), `Whole (${basis})`], (i) => i > 0));
  const lbody = lines.createTBody();
  for (const l of r.lines) {
    const parts = r.commissioners.map((k) => {
      const p = l.shares.find((s) => s.commissioner === k.id);
      return cell('td', p ? `${money.format(on(p.totals))} (${number.format(p.percent)}%)` : '–', 'num');
    });
    const th = rowHead(`${l.commitment + 1}. ${l.title}${l.attributed ? '' : ' (as the contract is paid for)'}`);
    lbody.append(row([th, ...parts, cell('td', money.format(on(l.totals)), 'num')]));
  }
  $('lines').replaceChildren(lines);
  $('result-section').hidden = false;
  $('status').textContent = `${r.commissioners.map((k) => `${k.name}: ${money.format(on(k.totals))}, ${number.format(k.ratio.percent)}% of its ${money.format(k.contract_value)}`).join('; ')}. Shared total ${money.format(on(r.shared.totals))}, each commitment counted once.`;
}

/** The shares from the table into the proposal. An entry that is not a
 * number is marked and leaves the commitment's shares as they were. */
function fromInputs() {
  const wrong = [];
  proposal.commitments.forEach((c, i) => {
    const inputs = [...$('shares').querySelectorAll(`input[data-commitment="${i}"]`)];
    const bad = inputs.filter((input) => {
      const text = input.value.trim();
      const ok = text === '' || /^\d+(\.\d+)?$/.test(text);
      markField(input, ok, 'Enter a percentage from 0 to 100, like 50');
      return !ok;
    });
    wrong.push(...bad);
    if (bad.length) return;
    const given = inputs.filter((input) => input.value.trim() !== '')
      .map((input) => ({ commissioner: input.dataset.commissioner, percent: Number(input.value.trim()) }));
    if (given.length) c.commissioners = given;
    else delete c.commissioners;
  });
  return wrong;
}

$('shares').addEventListener('input', () => {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const wrong = fromInputs();
    update(false);
    if (!wrong.length) return;
    // Nothing is offered for download while a share on screen is not the
    // one the figures were worked out with.
    $('actions').hidden = true;
    const named = wrong.map((input) => input.labels?.[0]?.textContent ?? input.id).join('; ');
    $('status').textContent += ` Not a number, so not yet counted: ${named}. Those commitments keep the shares they had until corrected.`;
  }, 300);
});

const slug = (s) => (s || 'proposal').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
$('save-proposal').addEventListener('click', () => offer(`${JSON.stringify(proposal, null, 2)}\n`, 'application/json', `${slug(proposal.bidder)}-shared.json`));
$('save-csv').addEventListener('click', () => offer(csv, 'text/csv', `social-value-by-commissioner-${slug(proposal.bidder)}-${today}.csv`));
$('print').addEventListener('click', () => window.print());

$('config-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) useConfig(f.text(), true); });
$('proposal-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) useProposal(f.text(), f.name); });

useProposal(fetch('examples/northmoor-partnership-proposal.json').then((r) => r.text()), 'The demo proposal');
useConfig(fetch('examples/northmoor-partnership.json').then((r) => r.text()), false);
