// Copies the offline basemap (Natural Earth GeoJSON from mapeo-offline-map, MIT) into
// dist/basemap/, which the server serves at /basemap/. Plain Node on purpose: no build tool needed.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = join(dirname(require.resolve('mapeo-offline-map/package.json')), 'dist');
const target = fileURLToPath(new URL('../dist/basemap/', import.meta.url));

await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
const files = (await readdir(source)).filter((file) => file.endsWith('.json'));
await Promise.all(files.map((file) => copyFile(join(source, file), join(target, file))));
console.log(`basemap: ${files.length} files -> ${target}`);
