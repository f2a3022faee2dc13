// pnpm bench: how much JavaScript /find makes a phone download. The directory MFE's own JS (what
// its build emits: the entry and the chunks the entry imports statically) in gzip bytes, against
// the budget of 150 KB, with its lazy chunks (loaded only when used) and the shared
// dependencies that the import map serves to every MFE (React, MapLibre, ...) measured in the same
// run, as the baseline a page would need anyway.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const shared = join(here, '..', '..', '..', 'packages', 'shared-deps', 'dist', 'shared');
const BUDGET = 150 * 1024;

if (!existsSync(join(dist, 'mfe.json'))) throw new Error(`${dist} is not built: run pnpm build first`);
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const { entry } = JSON.parse(readFileSync(join(dist, 'mfe.json'), 'utf8'));
/** Relative imports of an ES module: static (`from"./x.js"`, `import"./x.js"`) and dynamic. */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const rel = String.raw`["'\`](\.{1,2}\/[^"'\`]+\.js)["'\`]`;
  const statics = [...code.matchAll(new RegExp(String.raw`(?:from|import)\s*${rel}`, 'g'))].map((m) => m[1]);
  const dynamics = [...code.matchAll(new RegExp(String.raw`import\(\s*${rel}\s*\)`, 'g'))].map((m) => m[1]);
  const resolve = (spec) => join(dirname(file), spec);
  return { statics: statics.map(resolve), dynamics: dynamics.map(resolve) };
}

const initial = new Set();
const lazy = new Set();
const walk = (file, into) => {
  if (initial.has(file) || (into === lazy && lazy.has(file))) return;
  into.add(file);
  const { statics, dynamics } = importsOf(file);
  for (const s of statics) walk(s, into);
  for (const d of dynamics) if (!initial.has(d)) walk(d, lazy);
};
walk(join(dist, entry), initial);
for (const f of initial) lazy.delete(f);

const sum = (files) => [...files].reduce((total, f) => total + gz(f), 0);
const own = sum(initial);
const lazyBytes = sum(lazy);
const allJs = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.js'));
const sharedBytes = readdirSync(shared)
  .filter((f) => f.endsWith('.js') && !f.includes('worker') && !f.startsWith('import-map-overrides'))
  .reduce((total, f) => total + gz(join(shared, f)), 0);

console.log('\n/find bundle (apps/directory/dist, gzip -9)');
console.log(
  `  own JS loaded at start   ${kb(own).padStart(10)}  (${initial.size} file)  budget ${kb(BUDGET)}  ratio ${(own / BUDGET).toFixed(2)}`,
);
console.log(`  lazy chunks (on use)     ${kb(lazyBytes).padStart(10)}  (${lazy.size} files)`);
for (const f of lazy) console.log(`    ${f.slice(dist.length + 1).padEnd(30)} ${kb(gz(f)).padStart(9)}`);
console.log(
  `  shared deps (import map) ${kb(sharedBytes).padStart(10)}  baseline every MFE shares; own/shared ${(own / sharedBytes).toFixed(2)}`,
);
console.log(`  files in dist            ${allJs.length} .js`);
console.log(own <= BUDGET ? '  within budget' : `  OVER BUDGET by ${kb(own - BUDGET)}`);
