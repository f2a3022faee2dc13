// Our OpenAPI document: the official HSDS 3.0.1 openapi.json (spec/openapi-3.0.1.json, a
// byte-identical copy, CC BY-SA 4.0, Open Referral) with our API's details filled in and the
// CareMap extension query parameters added. The official $refs to the compiled schemas stay
// absolute, so they resolve wherever the document is read.
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;
let officialText: string | undefined;
const official = (): Json => {
  officialText ??= readFileSync(new URL('./spec/openapi-3.0.1.json', import.meta.url), 'utf8');
  return JSON.parse(officialText) as Json;
};

const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';

/** Extension query parameters, `components.parameters` names prefixed `caremap_`. */
export const EXTENSION_PARAMETERS: Record<string, Json> = {
  lat: {
    name: 'lat',
    in: 'query',
    required: false,
    description:
      'CareMap extension: latitude (WGS84) of a point; with `lng`, only results within `proximity` metres (default 10 km).',
    schema: { type: 'number', minimum: -90, maximum: 90 },
  },
  lng: {
    name: 'lng',
    in: 'query',
    required: false,
    description: 'CareMap extension: longitude (WGS84) of the point given with `lat`.',
    schema: { type: 'number', minimum: -180, maximum: 180 },
  },
  open_now: {
    name: 'open_now',
    in: 'query',
    required: false,
    description: "CareMap extension: `true` = only services open now (schedules in the service's time zone).",
    schema: { type: 'boolean' },
  },
  open_at: {
    name: 'open_at',
    in: 'query',
    required: false,
    description: 'CareMap extension: only services open at this RFC 3339 date-time (with offset).',
    schema: { type: 'string', format: 'date-time' },
  },
  age: {
    name: 'age',
    in: 'query',
    required: false,
    description: 'CareMap extension: only services whose age range includes this age (years).',
    schema: { type: 'integer', minimum: 0, maximum: 150 },
  },
  language: {
    name: 'language',
    in: 'query',
    required: false,
    description:
      'CareMap extension: only services offered in this language: an ISO 639-1 code, or ISO 639-2/3 where the language has no two-letter code (e.g. `rom`, Romani).',
    schema: { type: 'string', pattern: '^[A-Za-z]{2,3}$' },
  },
  free: {
    name: 'free',
    in: 'query',
    required: false,
    description: 'CareMap extension: `true` = only services with a free-of-charge cost option.',
    schema: { type: 'boolean' },
  },
  wheelchair: {
    name: 'wheelchair',
    in: 'query',
    required: false,
    description: 'CareMap extension: `true` = only services at a place with wheelchair access.',
    schema: { type: 'boolean' },
  },
  attending_type: {
    name: 'attending_type',
    in: 'query',
    required: false,
    description: 'CareMap extension: how the service is attended.',
    schema: { type: 'string', enum: ['in_person', 'online', 'phone'] },
  },
};

const EXTENSIONS_FOR_BOTH = [
  'lat',
  'lng',
  'open_now',
  'open_at',
  'age',
  'language',
  'free',
  'wheelchair',
  'attending_type',
];

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/**
 * The document `GET /api/hsds/` names as `openapi_url`. `serverUrl` is where the API is mounted
 * (`/api/hsds`, or the absolute URL behind a proxy).
 */
export function hsdsOpenapiDocument(serverUrl: string): Json {
  const doc = official();
  doc.info = {
    title: 'CareMap service directory: Open Referral HSDS 3.0 API',
    version: '3.0.1+caremap.1',
    summary: 'Public, read-only HSDS 3.0 API of the CareMap service directory.',
    description:
      'The official HSDS 3.0.1 OpenAPI document (Open Referral, CC BY-SA 4.0) with CareMap extension query parameters. ' +
      'Differences from the official file: `/service_at_locations/{id}` answers a service_at_location (compiled/service_at_location.json), ' +
      'as the official example and documentation say; the official file names compiled/service.json there. ' +
      '`proximity` on `/services` is metres around `lat`/`lng`; on `/service_at_locations` around the postcode, or `lat`/`lng`. ' +
      'Errors are RFC 9457 problem documents. Hidden addresses (shelters) are published as an approximate point only.',
    license: {
      name: 'HSDS specification: CC BY-SA 4.0',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    },
  };
  doc.servers = [{ url: serverUrl }];
  const components = doc.components as { parameters: Json; schemas: Json };
  for (const [name, parameter] of Object.entries(EXTENSION_PARAMETERS)) {
    components.parameters[`caremap_${name}`] = parameter;
  }
  components.parameters.caremap_proximity_point = {
    name: 'proximity',
    in: 'query',
    required: false,
    description: 'Metres around `lat`/`lng` (default 10000). Requires `lat` and `lng`.',
    schema: { type: 'number', exclusiveMinimum: 0, maximum: 500000 },
  };
  components.schemas.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details; `invalid_params` names each bad query parameter.',
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      invalid_params: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, reason: { type: 'string' } },
          required: ['name', 'reason'],
        },
      },
    },
    required: ['title', 'status'],
  };
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const refs = (names: string[]) => names.map((n) => ({ $ref: `#/components/parameters/caremap_${n}` }));
  (paths['/services']!.get!.parameters as Json[]).push(...refs([...EXTENSIONS_FOR_BOTH, 'proximity_point']));
  (paths['/service_at_locations']!.get!.parameters as Json[]).push(...refs(EXTENSIONS_FOR_BOTH));
  const salDetail = paths['/service_at_locations/{id}']!.get!.responses as Record<string, Json>;
  salDetail['200'] = {
    description: 'A fully nested service_at_location with its location and service.',
    content: {
      'application/json': { schema: { $ref: `${SCHEMA_BASE}compiled/service_at_location.json` } },
    },
  };
  for (const [path, item] of Object.entries(paths)) {
    const responses = item.get!.responses as Record<string, Json>;
    // `format=ndjson`: one object per line, the items of the page's `contents`, all of them.
    const ok = responses['200'] as { content: Record<string, { schema: Json }> };
    const items = (ok.content['application/json']?.schema.properties as Json | undefined)?.contents as
      | { items: Json }
      | undefined;
    if (items) ok.content['application/x-ndjson'] = { schema: items.items };
    if (path !== '/')
      responses['400'] = problemResponse('A query parameter is malformed; `invalid_params` names it.');
    if (path.endsWith('{id}')) responses['404'] = problemResponse('No such object (or a malformed id).');
    responses['429'] = {
      ...problemResponse('Too many requests from this address; see the Retry-After header.'),
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    };
  }
  return doc;
}
