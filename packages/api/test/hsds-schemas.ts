// The official HSDS 3.0 schemas, loaded into Ajv (JSON Schema 2020-12) under the official base URI,
// so their absolute and relative $refs resolve offline. Written apart from the code under test:
// it knows the spec's files, not our projection.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/** Where the official files are: HSDS_SPEC_DIR, or the byte-identical copy in vendor/hsds (see its MANIFEST.md). */
export function specDir(): string {
  const dir = process.env.HSDS_SPEC_DIR ?? resolve(repoRoot, 'vendor/hsds');
  if (!existsSync(join(dir, 'schema-3.0', 'openapi.json'))) {
    throw new Error(
      `The official HSDS 3.0 schemas are not at ${dir} (schema-3.0/openapi.json). Set HSDS_SPEC_DIR to the folder holding schema-3.0 and examples-3.0.`,
    );
  }
  return dir;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
  });
}

type Json = Record<string, unknown>;
export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;

export interface HsdsSchemas {
  ajv: Ajv2020;
  openapi: Json;
  /** Validator for a schema file relative to the base (e.g. `compiled/service.json`). */
  file(rel: string): ValidateFunction;
  /** Validator of the 200 response of `path` in the official openapi.json (`/services`, ...). */
  response(path: string): ValidateFunction;
}

export function loadHsdsSchemas(): HsdsSchemas {
  const root = join(specDir(), 'schema-3.0');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const openapi = readJson(join(root, 'openapi.json'));
  for (const path of files(root)) {
    const rel = relative(root, path).split('\\').join('/');
    if (rel === 'openapi.json') continue;
    ajv.addSchema(readJson(path), SCHEMA_BASE + rel);
  }
  // The openapi's own components (Page) as a schema, so its `#/components/schemas/...` refs resolve.
  const componentsId = `${SCHEMA_BASE}openapi-components.json`;
  ajv.addSchema({ $id: componentsId, $defs: (openapi.components as Json).schemas }, componentsId);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) =>
          k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')
            ? [k, `${componentsId}#/$defs/${v.slice('#/components/schemas/'.length)}`]
            : [k, rewrite(v)],
        ),
      );
    }
    return node;
  };
  const cache = new Map<string, ValidateFunction>();
  return {
    ajv,
    openapi,
    file(rel) {
      const v = ajv.getSchema(SCHEMA_BASE + rel);
      if (!v) throw new Error(`no schema ${rel}`);
      return v;
    },
    response(path) {
      let v = cache.get(path);
      if (!v) {
        const item = (openapi.paths as Record<string, { get: Json }>)[path];
        if (!item) throw new Error(`openapi.json has no path ${path}`);
        const content = ((item.get.responses as Json)['200'] as { content: Record<string, { schema: Json }> })
          .content;
        v = ajv.compile(rewrite(content['application/json']!.schema) as Json);
        cache.set(path, v);
      }
      return v;
    },
  };
}

/** Ajv's errors as short lines, for assertion messages. */
export const errorsOf = (v: ValidateFunction) =>
  (v.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
