// Territories (network mapping): the inputs of the territory procedures. The geometry itself is
// checked on the server (packages/api/src/network/territory-geometry.ts), where PostGIS can say
// whether it is valid; here only the shape of the request.
import { z } from 'zod';

const territoryIdSchema = z.uuid({ message: 'territoryId must be a territory id (a UUID)' });

/** Largest geometry file accepted, in characters (a 2 MB file of vertices passes, then is simplified). */
export const TERRITORY_FILE_MAX_CHARS = 5 * 1024 * 1024;

export const territoryFileFormat = z.enum(['geojson', 'kml']);

/** A geometry file as the browser read it (text). */
export const territoryFileSchema = z.object({
  format: territoryFileFormat,
  content: z
    .string()
    .min(1, { message: 'the file is empty' })
    .max(TERRITORY_FILE_MAX_CHARS, { message: 'the file is larger than 5 MB' }),
});

/**
 * What the user confirmed after a preview: `repaired` (ST_MakeValid of a self-intersecting
 * polygon) or `simplified` (ST_SimplifyPreserveTopology of one with too many vertices).
 */
export const territoryAcceptSchema = z.enum(['repaired', 'simplified']);

/** Checks a file, or a drawn polygon, and answers the geometry to preview (nothing is stored). */
export const territoryCheckInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file'), file: territoryFileSchema, accept: territoryAcceptSchema.optional() }),
  z.object({ type: z.literal('drawn'), geometry: z.unknown(), accept: territoryAcceptSchema.optional() }),
]);

export const territorySourceSchema = z.discriminatedUnion('type', [
  /** The union of administrative units that already exist as territories (ORPs, counties...). */
  z.object({
    type: z.literal('units'),
    territoryIds: z
      .array(territoryIdSchema)
      .min(1, { message: 'choose at least one administrative unit' })
      .max(50, { message: 'choose at most 50 administrative units' }),
  }),
  /** A polygon drawn on the map (GeoJSON Polygon or MultiPolygon). */
  z.object({ type: z.literal('drawn'), geometry: z.unknown(), accept: territoryAcceptSchema.optional() }),
  /** A GeoJSON or KML file. */
  z.object({ type: z.literal('file'), file: territoryFileSchema, accept: territoryAcceptSchema.optional() }),
]);

export const territoryCreateInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: 'the name must have at least 2 characters' })
    .max(200, { message: 'the name must have at most 200 characters' }),
  kind: z.enum(['district', 'custom']).default('custom'),
  /** The territory it belongs to (an ORP, a county, a region): decides who may create it. */
  parentId: territoryIdSchema,
  source: territorySourceSchema,
});
export type TerritoryCreateInput = z.output<typeof territoryCreateInput>;

export const territoryIdInput = z.object({ territoryId: territoryIdSchema });

export const territoryAssignmentInput = z.object({
  territoryId: territoryIdSchema,
  userId: z.uuid({ message: 'userId must be a user id (a UUID)' }),
});
