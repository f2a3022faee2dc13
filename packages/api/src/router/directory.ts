import { schema, selectRows } from '@caremap/db';
import {
  locationListInput,
  mapPointsInput,
  placeSuggestInput,
  serviceDetailInput,
  serviceSearchInput,
  suggestEditInput,
} from '@caremap/validators';
import { TRPCError } from '@trpc/server';
import { count, sql } from 'drizzle-orm';
import { suggestPlaces } from '../directory/places';
import { SearchInputError, searchServices } from '../directory/search';
import { servicePage } from '../directory/service-page';
import { issueChallenge, SuggestionRefused, submitSuggestion } from '../directory/suggest';
import { appError } from '../errors';
import { publicProcedure, router } from '../trpc';

type Bbox = [number, number, number, number];
const inBbox = (bbox: Bbox | undefined) =>
  bbox
    ? sql`l.public_geom && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`
    : sql`l.public_geom is not null`;

// Every public door reads location.public_geom: the exact point of a hidden address (a shelter)
// never leaves the database. The town (address.city) is the approximate area, safe to show.
// A location's display name and town, shared by the map and the list so both say the same.
const locationName = sql`coalesce(l.name, o.name)`;
const locationCity = sql`(select a.city from address a where a.location_id = l.id order by a.address_type limit 1)`;

export const directoryRouter = router({
  /** The one search (directory/search.ts); the HSDS REST API and the tiles call the same function. */
  search: publicProcedure.input(serviceSearchInput).query(async ({ ctx, input }) => {
    try {
      return await searchServices(ctx.db, input);
    } catch (error) {
      if (error instanceof SearchInputError)
        throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      throw error;
    }
  }),

  /** A service page's data; hidden addresses show only their town and public point. */
  service: publicProcedure.input(serviceDetailInput).query(async ({ ctx, input }) => {
    const page = await servicePage(ctx.db, input.id, input.at ? new Date(input.at) : new Date());
    if (!page) throw appError('NOT_FOUND', 'not_found', 'No such service');
    return page;
  }),

  /** Towns of the packaged gazetteer as the visitor types. */
  places: publicProcedure
    .input(placeSuggestInput)
    .query(({ input }) => suggestPlaces(input.prefix, input.locale ?? 'en', input.limit)),

  /** A signed, expiring proof-of-work challenge for `suggestEdit`. */
  suggestChallenge: publicProcedure.query(() => issueChallenge()),

  /** A public "suggest an edit": honeypot, rate limit per address, proof of work; waits for moderation. */
  suggestEdit: publicProcedure.input(suggestEditInput).mutation(async ({ ctx, input }) => {
    try {
      const { id } = await submitSuggestion(ctx.db, input, ctx.clientKey);
      return { id, status: 'pending' as const };
    } catch (error) {
      if (!(error instanceof SuggestionRefused)) throw error;
      if (error.reason === 'rate_limited')
        throw appError('TOO_MANY_REQUESTS', 'too_many_attempts', error.message);
      if (error.reason === 'not_found') throw appError('NOT_FOUND', 'not_found', error.message);
      throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    }
  }),

  overview: publicProcedure.query(async ({ ctx }) => {
    const [services, organizations, locations, terms] = await Promise.all([
      ctx.db.select({ n: count() }).from(schema.service).where(sql`${schema.service.status} = 'active'`),
      ctx.db.select({ n: count() }).from(schema.organization),
      ctx.db.select({ n: count() }).from(schema.location),
      ctx.db.select({ n: count() }).from(schema.taxonomyTerm),
    ]);
    return {
      serviceCount: services[0]?.n ?? 0,
      organizationCount: organizations[0]?.n ?? 0,
      locationCount: locations[0]?.n ?? 0,
      taxonomyTermCount: terms[0]?.n ?? 0,
    };
  }),

  mapPoints: publicProcedure.input(mapPointsInput).query(async ({ ctx, input }) => {
    const rows = await selectRows<{
      id: string;
      name: string;
      city: string | null;
      lng: number;
      lat: number;
      n: number;
    }>(
      ctx.db,
      sql`
        select l.id, ${locationName} as name, ${locationCity} as city,
               ST_X(l.public_geom) as lng, ST_Y(l.public_geom) as lat,
               (select count(*)::int from service_at_location s where s.location_id = l.id) as n
        from location l left join organization o on o.id = l.organization_id
        where ${inBbox(input.bbox)}`,
    );
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [Number(r.lng), Number(r.lat)] as [number, number] },
        properties: { locationId: r.id, name: r.name, city: r.city, serviceCount: Number(r.n) },
      })),
    };
  }),

  locations: publicProcedure.input(locationListInput).query(async ({ ctx, input }) => {
    const where = inBbox(input.bbox);
    const [totalRow] = await selectRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from location l where ${where}`,
    );
    const rows = await selectRows<{
      id: string;
      name: string;
      organization_name: string;
      city: string | null;
      lat: number;
      lng: number;
      services: Array<{ id: string; name: string }> | string;
    }>(
      ctx.db,
      sql`
        select l.id, ${locationName} as name, o.name as organization_name, ${locationCity} as city,
               ST_Y(l.public_geom) as lat, ST_X(l.public_geom) as lng,
               coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
                         from service_at_location sal join service s on s.id = sal.service_id
                         where sal.location_id = l.id and s.status = 'active'), '[]'::json) as services
        from location l left join organization o on o.id = l.organization_id
        where ${where}
        order by ${locationName}, l.id
        limit ${input.size} offset ${(input.page - 1) * input.size}`,
    );
    return {
      total: Number(totalRow?.n ?? 0),
      page: input.page,
      size: input.size,
      items: rows.map((r) => ({
        locationId: r.id,
        name: r.name,
        organizationName: r.organization_name,
        city: r.city,
        lat: Number(r.lat),
        lng: Number(r.lng),
        services: (typeof r.services === 'string' ? JSON.parse(r.services) : r.services) as Array<{
          id: string;
          name: string;
        }>,
      })),
    };
  }),
});
