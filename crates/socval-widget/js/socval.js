// Socval: registers <social-value-calculator>.
//
//   <script type="module" src="/socval/socval.js"></script>
//   <social-value-calculator config-src="/council.json"></social-value-calculator>
//
// The element loads its WebAssembly from beside this script (so it works from
// any path or CDN), the council's configuration from config-src (or from an
// inline <script type="application/json"> child), the outward-code table
// only when the council's local area needs it, and the report module (the
// full report and the CSV) once there is a result. It makes no other request.
const base = new URL('.', import.meta.url);
// User Timing marks for each loading stage (read by scripts/bench.mjs).
const mark = (name) => performance.mark(`socval:${name}`);
mark('loader');

// Fetches one of our files compressed: as the server sends it when it
// compresses (Content-Encoding), else the gzip copy the build writes beside
// it, inflated here. A server left as installed often compresses HTML only
// (Debian's nginx does): from one, the demo is about 300 kB on the wire, not 751 kB.
// The copy is used only if it starts as gzip does (1f 8b): a page served in
// its place, or a copy the server already inflated (its Content-Encoding
// hidden from a cross-origin script), leaves the file as it came.
async function fetchOurs(name) {
  const r = await fetch(new URL(name, base));
  if (!r.ok || r.headers.get('content-encoding') || !self.DecompressionStream) return r;
  const gz = await fetch(new URL(`${name}.gz`, base)).catch(() => undefined);
  const reader = gz?.ok ? gz.body?.getReader() : undefined;
  const first = await reader?.read().catch(() => undefined);
  const head = first?.value;
  if (!head || head[0] !== 0x1f || head[1] !== 0x8b) {
    reader?.cancel().catch(() => {});
    return r;
  }
  r.body?.cancel().catch(() => {});
  const body = new ReadableStream({
    start: (c) => c.enqueue(head),
    pull: (c) => reader.read().then(({ done, value }) => (done ? c.close() : c.enqueue(value))),
    cancel: (why) => reader.cancel(why),
  });
  return new Response(body.pipeThrough(new DecompressionStream('gzip')), { headers: { 'content-type': r.headers.get('content-type') } });
}

// The glue module and the wasm are fetched in parallel (no import waterfall);
// wasm-bindgen's init takes the pending response and compiles it streaming.
let glue;
function loadWasm() {
  glue ??= Promise.all([import('./socval_widget.js'), fetchOurs('socval_widget_bg.wasm')])
    .then(async ([m, wasm]) => { await m.default({ module_or_path: wasm }); mark('wasm-ready'); return m; });
  return glue;
}

// The report module (crates/socval-report: full report, the working behind
// each figure, CSV, opening a file), fetched on first use; never before the form shows. Per council:
// (kind, arg, today) => Promise. With the outward-code table it also reads
// outcodes-split.csv, to mark uncertain placements.
let reportModule;
let reportSheet;
const loadReport = () => (reportModule ??= Promise.all([import('./report/socval_report.js'), fetchOurs('report/socval_report_bg.wasm')])
  .then(async ([m, wasm]) => { await m.default({ module_or_path: wasm }); return m; }));
function reporter(config, csv, el, level) {
  let made;
  // With no kind (the widget's language changed), only words again what the
  // module drew, if it is loaded.
  return (kind, arg, today) => (kind || made) && (made ??= Promise.all([loadReport(), csv && fetchOurs('outcodes-split.csv').then((r) => r.ok ? r.text() : undefined)])
    // The tender is the host page's: its `tender` attribute.
    .then(([m, split]) => {
      // The styles of what the report module draws come with it (once per
      // mount: mounting again resets the root's sheets, and this reporter).
      const root = el.shadowRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, reportSheet ??= stylesheet(m.styles())];
      return new m.Reporter(config, csv, split, el.getAttribute('tender'), level);
    }))
    // In the widget's language as it is now (it may have changed since the
    // last call): its catalogue and the council's texts in it.
    .then((r, [c, t] = catalogueOf.get(el) ?? []) => (r.language(c, t), r))
    // A link is copied here; where the page may not copy, it is shown to
    // copy by hand, and the promise rejects to say so.
    // A file the user chose is read here, as text, and opened as a file is.
    .then((r) => kind && (kind === 'link' ? copy(r.link(arg), el)
      : kind === 'importFile' ? arg.text().then((t) => r.import(t), (e) => { throw `${e?.message ?? e}`; })
        : r[kind](arg, today)))
    // The scenarios panel puts itself in its slot; if it cannot, the slot says so.
    .catch((e) => { if (kind !== 'scenarios') throw e; arg.slot.textContent = arg.failed; });
}
const copy = (url, el) => (navigator.clipboard?.writeText(url) ?? Promise.reject())
  .catch(() => { prompt(said(catalogueOf.get(el)?.[0], 'loader_copy_prompt') ?? 'Copy this link:', url); throw url; });
// Each widget's [catalogue, the council's texts in its language], for what
// the loader says itself and for the report module.
const catalogueOf = new WeakMap();

// The widget's language: the element's own `lang`, else the page's, else
// English. Welsh (`cy`, `cy-GB`) has its text catalogue in cy.txt, fetched
// only for a Welsh widget; English is compiled in.
// A file that did not load is said in the console; the widget goes on in English.
const log = (e) => console.error('socval:', e);
const langOf = (el) => el.closest('[lang]')?.getAttribute('lang')?.trim() || 'en';
const loadCatalogue = (lang) => (/^cy(-|$)/i.test(lang) ? once('cy.txt') : Promise.resolve());
// A configuration read once, as the widget and the report module read it:
// [the text without its `translations`, `delivery` and `commissioners`, the texts for the widget's language
// as lines of their JSON path (`council.name = …`, `measures.apprentices.title
// = …`), which the widget reads with its catalogue's reader rather than
// carrying a JSON one, the council's name for `socval-ready`, and whether
// its areas may need the outward-code table (a hint only, to fetch it while
// the wasm compiles: the core's Prepared.needsOutcodes() decides)]. Text
// that does not parse goes as it is, for the widget to say what is wrong.
function forWidget(text, lang) {
  try {
    const c = JSON.parse(text.replace(/^\uFEFF/, ''));
    // Neither the translations (given as lines), `delivery` (the
    // thresholds for after award) nor a shared framework's `commissioners`
    // are the widget's to read (`socval validate` checks them); a
    // configuration without them goes as written.
    const { translations, delivery, commissioners, ...rest } = c;
    const own = translations?.[lang.toLowerCase().split('-')[0]];
    if (translations || delivery || commissioners) text = JSON.stringify(rest);
    // (concat, not a spread: a `priority_areas` that is not a list is the
    // widget's to name, with the texts and the council's name kept.)
    return [text, own && lines(own).join('\n'), c.council?.name,
      [c.local_area].concat(c.priority_areas).some((a) => a && (a.districts?.length || a.radius))];
  } catch {
    // The widget says what is wrong, in place of the form (no `socval-ready`).
    return [text];
  }
}
// Texts only: a null or a flag is no text, and stays out.
const lines = (o, at = '') => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object'
  ? lines(v, `${at}${k}.`) : typeof v === 'string' ? [`${at}${k} = ${v.replace(/\s+/g, ' ')}`] : []));

// One text of a catalogue, for what the loader says itself.
const said = (catalogue, key) => catalogue?.match(new RegExp(`^${key} = (.*)$`, 'm'))?.[1];

const fetchText = (name) => fetchOurs(name).then((r) => {
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return r.text();
});
// Each of our text files fetched once; a failed fetch is forgotten, so that
// the next widget or change of language tries again.
const fetched = {};
const once = (name) => (fetched[name] ??= fetchText(name).catch((e) => { delete fetched[name]; throw e; }));
const loadOutcodes = () => once('outcodes.csv');

let sheet;
// Constructed stylesheets are not inline styles: a strict CSP needs no 'unsafe-inline'.
function stylesheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}
const holdSheet = stylesheet(':host{all:initial!important;display:block!important;min-height:var(--socval-min-height,640px)!important}');

class SocialValueCalculator extends HTMLElement {
  // A change to any of them draws the widget again (the draft keeps the form).
  static observedAttributes = ['config-src', 'heading-level', 'no-heading', 'lang'];
  #widget = null;
  #report;
  #run = 0;
  #lang = '';
  #text = '';

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      // Holds the element's box until the calculator renders (no layout shift).
      root.adoptedStyleSheets = [holdSheet];
    }
    this.#start();
  }

  disconnectedCallback() {
    this.#run += 1;
    this.#drop();
  }

  // Unmounts the widget, forgetting it first: a destroyed widget is never
  // reached again (destroying one twice is an error in the wasm).
  #drop() {
    const widget = this.#widget;
    this.#widget = null;
    widget?.destroy();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || !this.shadowRoot || before === after) return;
    if (name === 'lang') this.relang();
    else this.#start();
  }

  // Draws the widget again in its language, if that changed, keeping the
  // form as it is (the page's `lang` changed, or the element's own).
  async relang() {
    const lang = langOf(this);
    if (lang === this.#lang || !this.#widget) return;
    this.#lang = lang;
    const run = this.#run;
    const [m, catalogue] = await Promise.all([loadWasm(), loadCatalogue(lang).catch(log)]);
    // The configuration is read again: its texts in the new language.
    const [config, texts] = forWidget(this.#text, lang);
    if (run !== this.#run || this.#lang !== lang) return;
    catalogueOf.set(this, [catalogue, texts]);
    this.#widget?.setLang(m.prepare(config), lang, catalogue, texts);
    this.#report?.();
  }

  async #config() {
    const src = this.getAttribute('config-src');
    if (src) {
      const r = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
      if (!r.ok) throw new Error(`${src}: HTTP ${r.status}`);
      return r.text();
    }
    const inline = this.querySelector('script[type="application/json"]');
    if (inline) return inline.textContent;
    throw new Error('give a config-src attribute or an inline <script type="application/json"> configuration');
  }

  async #start() {
    const run = ++this.#run;
    const lang = langOf(this);
    // Without its catalogue, a Welsh widget is drawn in English.
    const text = loadCatalogue(lang).catch(log);
    let catalogue;
    try {
      const wasm = loadWasm();
      const config = await this.#config();
      catalogue = await text;
      mark('config');
      const [own, texts, council, areas] = forWidget(config, lang);
      if (areas) loadOutcodes().catch(log);
      const m = await wasm;
      this.#text = config;
      const prepared = m.prepare(own);
      mark('prepared');
      const csv = prepared.needsOutcodes() ? await loadOutcodes() : undefined;
      mark('mount');
      if (run !== this.#run) return;
      this.#drop();
      const root = this.shadowRoot;
      sheet ??= stylesheet(m.styles());
      root.adoptedStyleSheets = [sheet];
      const point = document.createElement('div');
      root.replaceChildren(point);
      // The level of the widget's top headings (1 to 4, else 2), and whether
      // it shows its own title: fitted to the host page's outline.
      const asked = Number(this.getAttribute('heading-level'));
      const level = asked >= 1 && asked <= 4 ? asked : 2;
      this.#lang = lang;
      catalogueOf.set(this, [catalogue, texts]);
      // In one column (under 900 px of content: style.css's container query)
      // the rest of the form would go above the results and move them once
      // shown, so a narrow widget is drawn whole at once.
      // (The width with its fractions; 20 px to spare, for a scrollbar the
      // first stage may bring. An element not laid out has no width: it is
      // drawn in two stages, unseen.)
      const style = getComputedStyle(this);
      const whole = Math.min(parseFloat(style.width), 1200) - 2 * parseFloat(style.fontSize) < 920;
      // The report module reads the configuration without `translations`
      // too: it is given the language's texts as the widget is (see reporter()).
      this.#widget = m.mount(point, this, prepared, csv, lang, catalogue, texts, this.id || '', level,
        !this.hasAttribute('no-heading'), this.#report = reporter(own, csv, this, level), whole);
      // The language changed while the widget loaded: it follows now.
      if (langOf(this) !== lang) this.relang();
      // Yew draws from a microtask on: the contract and the results first;
      // once the browser has painted them (a frame, then a task), the rest of
      // the form. Then the form, or the list of the configuration's problems,
      // is there.
      const widget = this.#widget;
      // (A hidden tab draws no frames: there the rest comes after a second.)
      await new Promise((r) => { setTimeout(r, 1000); requestAnimationFrame(() => setTimeout(r)); });
      // Even when the element is being drawn again (a new configuration is
      // on its way), the form shown until then is whole.
      if (this.#widget === widget) widget.complete();
      if (run !== this.#run) return;
      await new Promise((r) => setTimeout(r));
      mark('complete');
      if (run !== this.#run) return;
      const problems = root.querySelector('[data-config-error]');
      if (problems) {
        this.#tell('socval-error', { message: problems.querySelector('.error-summary__title')?.textContent ?? '', problems: [...problems.querySelectorAll('li')].map((li) => li.textContent) });
      } else {
        this.#tell('socval-ready', { council });
      }
    } catch (e) {
      if (run !== this.#run) return;
      catalogue ??= await text;
      log(e);
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = typeof WebAssembly === 'object'
        ? (said(catalogue, 'loader_failed') ?? 'The social value calculator could not load: {why}').replace('{why}', () => e.message)
        : said(catalogue, 'loader_no_wasm') ?? 'The social value calculator needs WebAssembly, which this browser does not offer or has turned off (Lockdown Mode on Apple devices turns it off).';
      p.lang = catalogue ? lang : 'en-GB';
      this.#drop();
      this.shadowRoot.replaceChildren(p);
      this.#tell('socval-error', { message: p.textContent, problems: [] });
    }
  }

  // Events a host page can listen for anywhere (they leave the shadow root).
  #tell(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }
}

if (!customElements.get('social-value-calculator')) {
  customElements.define('social-value-calculator', SocialValueCalculator);
  // A page that switches language changes a `lang` above the element: each
  // widget follows it (its own `lang`, if it has one, still wins).
  new MutationObserver(() => document.querySelectorAll('social-value-calculator').forEach((el) => el.relang?.()))
    .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}
