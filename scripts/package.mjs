// The release package, from the built www/socval/ (scripts/package.sh runs
// the build first). Writes, under the output folder (default dist/):
//   socval-<version>/               an npm package, and the folder to serve:
//     socval/                       every file the browser may fetch, as built
//     types/index.d.ts              the element, its events, and the config,
//                                   proposal and result types from the schemas
//     examples/, servers/           example configs, web-server configurations
//     manifest.json                 version, and every file with its size and SHA-256
//     SHA256SUMS                    the same hashes, for `sha256sum -c`
//     package.json, README.md
//   socval-<version>.tgz            the package as `npm pack` makes it
//   socval-<version>.tgz.sha256     its hash
// Usage: node scripts/package.mjs [out-dir]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { namespace } from './schema-to-ts.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
const name = `socval-${version}`;
const pkg = join(out, name);
const built = join(ROOT, 'www', 'socval');
statSync(join(built, 'socval_widget_bg.wasm')); // fails with a clear ENOENT if www/socval is not built

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
cpSync(built, join(pkg, 'socval'), { recursive: true });
cpSync(join(ROOT, 'www', 'servers'), join(pkg, 'servers'), { recursive: true });
mkdirSync(join(pkg, 'examples'));
for (const f of readdirSync(join(ROOT, 'www', 'examples'))) cpSync(join(ROOT, 'www', 'examples', f), join(pkg, 'examples', f));

// Types: the element and its events by hand, the documents from the schemas.
const schema = (which) => JSON.parse(readFileSync(join(built, 'schema', `${which}.schema.json`), 'utf8'));
mkdirSync(join(pkg, 'types'));
writeFileSync(join(pkg, 'types', 'index.d.ts'), [
  `// Types for Socval ${version}: the <social-value-calculator> element, its events,`,
  '// and the configuration, proposal and result, generated from socval/schema/.',
  '',
  namespace('Config', schema('config'), 'CouncilConfig'),
  namespace('ProposalFile', schema('proposal'), 'Proposal'),
  namespace('Result', schema('result'), 'Report'),
  namespace('GapResult', schema('gap'), 'Gap'),
  '/** A council configuration, as `config-src` points to or the inline script holds. */',
  'export type SocvalConfig = Config.CouncilConfig;',
  '/** A proposal file, as the calculator saves and opens it. */',
  'export type SocvalProposal = ProposalFile.Proposal;',
  '/** The full result: `socval-result`\'s detail, and what `socval calc --format json` prints. */',
  'export type SocvalResult = Result.Report;',
  '',
  '/** `socval-ready`: the form is on screen. */',
  'export interface SocvalReadyDetail {',
  '  /** The council\'s name from the configuration. */',
  '  council: string;',
  '}',
  '',
  '/** `socval-error`: the calculator cannot show its form. */',
  'export interface SocvalErrorDetail {',
  '  /** What the calculator shows in its box. */',
  '  message: string;',
  '  /** For a configuration, each problem with its field\'s path; else empty. */',
  '  problems: string[];',
  '}',
  '',
  '/**',
  ' * `<social-value-calculator>`. Its attributes: `config-src` (the council\'s',
  ' * configuration), `id` (the key its draft is kept under), `lang`,',
  ' * `heading-level` (1 to 4), `no-heading` and `tender`.',
  ' */',
  'export interface SocialValueCalculatorElement extends HTMLElement {}',
  '',
  'declare global {',
  '  interface HTMLElementTagNameMap {',
  '    \'social-value-calculator\': SocialValueCalculatorElement;',
  '  }',
  '  interface HTMLElementEventMap {',
  '    \'socval-ready\': CustomEvent<SocvalReadyDetail>;',
  '    \'socval-result\': CustomEvent<SocvalResult>;',
  '    \'socval-error\': CustomEvent<SocvalErrorDetail>;',
  '  }',
  '}',
  '',
].join('\n'));

writeFileSync(join(pkg, 'package.json'), `${JSON.stringify({
  name: 'socval',
  version,
  description: 'A social value and LM3 calculator for UK public procurement, as a web component that runs entirely in the browser',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  types: './types/index.d.ts',
  exports: {
    '.': { types: './types/index.d.ts', default: './socval/socval.js' },
    './api': { types: './socval/api/socval.d.ts', default: './socval/api/socval.js' },
    './schema/*.json': './socval/schema/*.schema.json',
    './manifest.json': './manifest.json',
    './package.json': './package.json',
  },
  sideEffects: ['./socval/socval.js'],
  files: ['socval', 'types', 'examples', 'servers', 'manifest.json', 'SHA256SUMS', 'README.md'],
}, null, 2)}\n`);

writeFileSync(join(pkg, 'README.md'), `# Socval ${version}

The social value calculator as a web component. Serve the folder \`socval/\`
as it is, from its own versioned path, and add two lines to a page:

    <script type="module" src="/socval/${version}/socval.js"></script>
    <social-value-calculator config-src="/procurement/our-council.json"></social-value-calculator>

- \`socval/\`: every file the browser may fetch, with a \`.gz\` and a \`.br\` copy
  beside each. The loader finds its files beside itself, so any path works.
  Serve \`.wasm\` as \`application/wasm\`. A versioned path never changes, so it
  can be cached for a year: \`Cache-Control: public, max-age=31536000, immutable\`.
- \`servers/\`: nginx, Apache httpd and IIS configurations.
- \`examples/\`: two example council configurations and proposals.
- \`types/index.d.ts\`: the element, its events (\`socval-ready\`,
  \`socval-result\`, \`socval-error\`) and the configuration, proposal and
  result types; \`socval/api/socval.d.ts\`: the JavaScript API.
- \`manifest.json\` and \`SHA256SUMS\`: every file's size and SHA-256; check a
  copy with \`sha256sum -c SHA256SUMS\`.

The embedding guide (\`embedding.html\` in the repository's \`www/\`) covers
browsers, what visitors without JavaScript see, serving, caching, the
Content Security Policy, every configuration field and the events.
`);

// Every file, then the manifest and the checksums over them.
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]).sort();
}
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const listed = files(pkg).map((path) => ({ path: relative(pkg, path), bytes: statSync(path).size, sha256: sha256(path) }));
// What the browser fetches before the form first shows (the outward-code
// table only for a council whose local area needs it).
const firstRender = ['socval/socval.js', 'socval/socval_widget.js', 'socval/socval_widget_bg.wasm'];
writeFileSync(join(pkg, 'manifest.json'), `${JSON.stringify({ name: 'socval', version, firstRender, files: listed }, null, 2)}\n`);
const sums = [...listed, { path: 'manifest.json', sha256: sha256(join(pkg, 'manifest.json')) }]
  .map((f) => `${f.sha256}  ${f.path}\n`).join('');
writeFileSync(join(pkg, 'SHA256SUMS'), sums);

execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] });
const tgz = join(out, `${name}.tgz`);
writeFileSync(`${tgz}.sha256`, `${sha256(tgz)}  ${name}.tgz\n`);
console.log(`${relative(ROOT, pkg)}/ (${listed.length} files) and ${relative(ROOT, tgz)}`);
