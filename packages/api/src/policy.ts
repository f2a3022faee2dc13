// The one place that decides who may do what. Every tRPC procedure passes the guard in trpc.ts,
// which looks its path up in `procedurePolicies` below and checks `scopeOf`; handlers then decide
// per row with `decide` (or filter lists by `scopeOf` in SQL), so access rules are read and tested here.
import type { Role } from '@caremap/db/schema';

export type Resource =
  | 'directory'
  | 'territory'
  | 'partner_institution'
  | 'conference'
  | 'agency'
  | 'app_user'
  | 'audit_log'
  /** E-mails in the conference outbox: delivery state for organisers (own agency) and administrators. */
  | 'outbox_message'
  /**
   * HSDS files uploaded into the directory (`POST /api/imports/hsds`). `create` is decided per
   * location of the file: a coordinator's every location must lie inside one of their territories.
   * `read`: the import jobs themselves; below `all` a user sees only the jobs they started.
   */
  | 'directory_import'
  /** The needs register: unmet needs recorded per territory (read and written inside the territory). */
  | 'need';
export type Action = 'read' | 'create' | 'update' | 'delete';
/**
 * How far a permission reaches, widest last: `participant` (case data of conferences the user takes
 * part in), `own_agency` (rows of the user's agencies), `own_territory` (rows inside territories
 * assigned to the user), `all`.
 */
export type Scope = 'participant' | 'own_agency' | 'own_territory' | 'all';
const scopeRank: Record<Scope, number> = { participant: 1, own_agency: 2, own_territory: 2, all: 3 };

type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

/** Anonymous visitors: the public directory only. */
const anonymous: Grants = { directory: { read: 'all' } };

const byRole: Record<Role, Grants> = {
  networker: {
    directory: { read: 'all', create: 'own_territory', update: 'own_territory' },
    // Networkers draw or import custom territories inside their own; assigning people is for coordinators.
    territory: { read: 'own_territory', create: 'own_territory' },
    partner_institution: { read: 'own_territory', create: 'own_territory', update: 'own_territory' },
    need: { read: 'own_territory', create: 'own_territory', update: 'own_territory' },
    conference: { read: 'participant' },
  },
  coordinator: {
    directory: { read: 'all', create: 'own_territory', update: 'own_territory', delete: 'own_territory' },
    // `update` includes assigning networkers (inside the coordinator's region: decided on the lineage).
    territory: { read: 'own_territory', create: 'own_territory', update: 'own_territory' },
    partner_institution: {
      read: 'own_territory',
      create: 'own_territory',
      update: 'own_territory',
      delete: 'own_territory',
    },
    need: { read: 'own_territory', create: 'own_territory', update: 'own_territory' },
    conference: { read: 'participant' },
    directory_import: { read: 'own_territory', create: 'own_territory' },
  },
  organiser: {
    directory: { read: 'all' },
    partner_institution: { read: 'all' },
    conference: { read: 'own_agency', create: 'own_agency', update: 'own_agency' },
    outbox_message: { read: 'own_agency' },
  },
  partner: {
    directory: { read: 'all' },
    conference: { read: 'participant' },
  },
  // Administrators run users, agencies and the taxonomy. They get no case data: a conference is
  // visible to its participants and its agency's organisers only.
  admin: {
    directory: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    territory: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    partner_institution: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    agency: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    app_user: { read: 'all', create: 'all', update: 'all', delete: 'all' },
    audit_log: { read: 'all' },
    // Delivery state only (recipient, status, errors): the handler gives them no subject or text.
    outbox_message: { read: 'all' },
    directory_import: { read: 'all', create: 'all' },
    need: { read: 'all', create: 'all', update: 'all' },
  },
};

export interface Actor {
  userId: string;
  roles: ReadonlyArray<{ role: Role; agencyId: string }>;
  territoryIds: readonly string[];
}

/** What the row in question belongs to; only the parts the scope needs are looked at. */
export interface Target {
  agencyId?: string | null;
  territoryIds?: readonly string[];
  participantUserIds?: readonly string[];
}

/** Every scope the actor holds for resource x action, one per role that grants it (with its agency). */
export function grantsOf(
  actor: Actor | null,
  resource: Resource,
  action: Action,
): Array<{ scope: Scope; agencyId?: string }> {
  if (!actor) {
    const scope = anonymous[resource]?.[action];
    return scope ? [{ scope }] : [];
  }
  const out: Array<{ scope: Scope; agencyId?: string }> = [];
  for (const { role, agencyId } of actor.roles) {
    const scope = byRole[role][resource]?.[action];
    if (scope) out.push({ scope, agencyId });
  }
  const publicScope = anonymous[resource]?.[action];
  if (publicScope) out.push({ scope: publicScope });
  return out;
}

/** The widest scope the actor has, or null when the action is not allowed at all. */
export function scopeOf(actor: Actor | null, resource: Resource, action: Action): Scope | null {
  let best: Scope | null = null;
  for (const { scope } of grantsOf(actor, resource, action)) {
    if (!best || scopeRank[scope] > scopeRank[best]) best = scope;
  }
  return best;
}

/** Whether the actor may do action on this particular target. */
export function decide(
  actor: Actor | null,
  resource: Resource,
  action: Action,
  target: Target = {},
): boolean {
  return grantsOf(actor, resource, action).some(({ scope, agencyId }) => {
    switch (scope) {
      case 'all':
        return true;
      case 'own_agency':
        return !!agencyId && target.agencyId === agencyId;
      case 'own_territory':
        return !!actor && (target.territoryIds ?? []).some((id) => actor.territoryIds.includes(id));
      case 'participant':
        return !!actor && (target.participantUserIds ?? []).includes(actor.userId);
      default:
        return false;
    }
  });
}

/** Agencies in which the actor holds a grant of exactly `own_agency` scope for resource x action. */
export function agenciesWith(actor: Actor | null, resource: Resource, action: Action): string[] {
  return grantsOf(actor, resource, action)
    .filter((g) => g.scope === 'own_agency' && g.agencyId)
    .map((g) => g.agencyId!);
}

// ---------------------------------------------------------------------------------------------
// Which policy guards each entry point. Deny by default: the tRPC middleware on the base procedure
// (trpc.ts) refuses a procedure without an entry here, and the tests fail on any tRPC procedure or
// Hono route without one (authorization.test.ts, apps/api/src/routes-policy.test.ts).

/**
 * `public`: anyone, signed in or not. `signed_in`: any signed-in user, whatever their roles.
 * `{ resource, action }`: the caller needs a non-null `scopeOf(caller, resource, action)` (anonymous
 * visitors too, through the anonymous grants); the handler then filters or decides per row by scope.
 */
export type ProcedurePolicy =
  | { access: 'public' }
  | { access: 'signed_in' }
  | { resource: Resource; action: Action };

/** Every tRPC procedure by path. A new procedure needs a line here, or it answers INTERNAL_SERVER_ERROR. */
export const procedurePolicies: Readonly<Record<string, ProcedurePolicy>> = {
  // Signing in and out must work without a session, and `me` answers `{ user: null }` when signed out.
  'auth.me': { access: 'public' },
  'auth.login': { access: 'public' },
  'auth.logout': { access: 'public' },
  'auth.logoutAll': { access: 'signed_in' },
  'directory.overview': { resource: 'directory', action: 'read' },
  'directory.mapPoints': { resource: 'directory', action: 'read' },
  'directory.locations': { resource: 'directory', action: 'read' },
  'directory.search': { resource: 'directory', action: 'read' },
  'directory.service': { resource: 'directory', action: 'read' },
  'directory.places': { resource: 'directory', action: 'read' },
  'directory.suggestChallenge': { resource: 'directory', action: 'read' },
  // Anyone may propose a change (no sign-in): it only lands in the moderation table, behind a
  // honeypot, a per-address rate limit and a proof of work (directory/suggest.ts).
  'directory.suggestEdit': { access: 'public' },
  'taxonomy.terms': { resource: 'directory', action: 'read' },
  // "My territories": every signed-in user gets an answer, an empty list when their roles give no
  // territory scope (organisers, partners), so the network page shows its empty state. The handler
  // reads the scope (own_territory or all) and filters by it.
  'territory.mine': { access: 'signed_in' },
  // The territory tree and pages: decided per row on the territory's lineage (network/territory-access.ts).
  'territory.tree': { access: 'signed_in' },
  'territory.get': { resource: 'territory', action: 'read' },
  // The territory report (figures for the CSV and PDF downloads): read access on the lineage.
  'territory.report': { resource: 'territory', action: 'read' },
  // Checking a file or drawing stores nothing; creating decides on the parent territory.
  'territory.check': { resource: 'territory', action: 'create' },
  'territory.create': { resource: 'territory', action: 'create' },
  // Assigning networkers: coordinators inside their region, administrators anywhere.
  'territory.assignable': { resource: 'territory', action: 'update' },
  'territory.assign': { resource: 'territory', action: 'update' },
  'territory.unassign': { resource: 'territory', action: 'update' },
  // Coverage of a territory the caller works in (or of a part of one: decided per row on the
  // territory and its ancestors).
  'coverage.gaps': { resource: 'territory', action: 'read' },
  'coverage.matrix': { resource: 'territory', action: 'read' },
  // The needs register: reads for the territory's readers; writes decided per territory (lineage).
  'need.list': { resource: 'need', action: 'read' },
  'need.stats': { resource: 'need', action: 'read' },
  'need.create': { resource: 'need', action: 'create' },
  'need.update': { resource: 'need', action: 'update' },
  'conference.upcoming': { resource: 'conference', action: 'read' },
  // The week and month calendar: the same rows as conference.upcoming, over a range of dates.
  'conference.inRange': { resource: 'conference', action: 'read' },
  // One conference: participants and the responsible agency's organisers (decided per row).
  'conference.get': { resource: 'conference', action: 'read' },
  'conference.create': { resource: 'conference', action: 'create' },
  // The new-conference form's choices (rooms, users, agencies): for those who may create one.
  'conference.options': { resource: 'conference', action: 'create' },
  // Proposing times reads other people's calendars: only for those who may schedule the conference.
  'conference.propose': { resource: 'conference', action: 'update' },
  'conference.book': { resource: 'conference', action: 'update' },
  'conference.reschedule': { resource: 'conference', action: 'update' },
  'conference.cancel': { resource: 'conference', action: 'update' },
  'conference.outbox': { resource: 'outbox_message', action: 'read' },
  // The organiser's dashboard: the agencies where the caller organises (own_agency update scope).
  'conference.dashboard': { resource: 'conference', action: 'update' },
  // The meeting record: read like conference.get (participants and the responsible agency's
  // organisers, decided per row and audited); written by the agency's organisers only.
  'record.get': { resource: 'conference', action: 'read' },
  'record.setAgenda': { resource: 'conference', action: 'update' },
  'record.applyAgendaTemplate': { resource: 'conference', action: 'update' },
  'record.setAttendance': { resource: 'conference', action: 'update' },
  'record.saveMinutes': { resource: 'conference', action: 'update' },
  'record.addDecision': { resource: 'conference', action: 'update' },
  'record.updateDecision': { resource: 'conference', action: 'update' },
  'record.scheduleNext': { resource: 'conference', action: 'update' },
  'actionItems.create': { resource: 'conference', action: 'update' },
  // Organisers change everything; an item's owner (any participant role) may set its status, so
  // the guard lets conference readers in and the handler decides per row.
  'actionItems.update': { resource: 'conference', action: 'read' },
  'actionItems.mine': { resource: 'conference', action: 'read' },
  'actionItems.overdue': { resource: 'conference', action: 'update' },
  // A user's own working hours and busy blocks: every signed-in user, own rows only (the handler
  // filters by the caller's id); others' calendars are reachable only as conference.propose results.
  'availability.mine': { access: 'signed_in' },
  'availability.setWorkingHours': { access: 'signed_in' },
  'availability.addBusyBlock': { access: 'signed_in' },
  'availability.removeBusyBlock': { access: 'signed_in' },
  'availability.importIcs': { access: 'signed_in' },
  // The accept/decline link of an invitation e-mail: no sign-in, the token is the credential
  // (rate-limited per client address).
  'invitation.respond': { access: 'public' },
  // HSDS imports through the upload page: the jobs of the caller (every job for an administrator).
  'directoryImport.get': { resource: 'directory_import', action: 'read' },
  'directoryImport.list': { resource: 'directory_import', action: 'read' },
  // The availability poll: the organiser's side needs the right to schedule the conference; the
  // poll page is public, its link's token the credential (rate-limited like invitation.respond).
  'poll.send': { resource: 'conference', action: 'update' },
  'poll.results': { resource: 'conference', action: 'update' },
  'poll.view': { access: 'public' },
  'poll.answer': { access: 'public' },
  // Feedback letters: listed (and downloaded) like conference.get, participants and the responsible
  // agency's organisers, decided per row and audited; written by the agency's organisers only.
  'feedbackLetter.list': { resource: 'conference', action: 'read' },
  'feedbackLetter.draft': { resource: 'conference', action: 'update' },
  'feedbackLetter.edit': { resource: 'conference', action: 'update' },
  'feedbackLetter.markSent': { resource: 'conference', action: 'update' },
  // The personal calendar feed lists the caller's conferences: for those who may read conferences.
  'calendarFeed.status': { resource: 'conference', action: 'read' },
  'calendarFeed.rotate': { resource: 'conference', action: 'read' },
  'calendarFeed.revoke': { resource: 'conference', action: 'read' },
  // A case's timeline: the conferences of one case_ref, each decided per row like conference.get
  // (participants and the responsible agency's organisers); a case with none the caller may read
  // answers NOT_FOUND like an unknown one. Audited.
  'caseTimeline.get': { resource: 'conference', action: 'read' },
  // Providers and partner institutions of the network screens: for those who edit the directory
  // (networkers, coordinators, administrators); each row is then decided on where it lies (its
  // point inside one of the caller's territories) against `directory` or `partner_institution`.
  'networkRecord.list': { resource: 'directory', action: 'update' },
  'networkRecord.get': { resource: 'directory', action: 'update' },
  'networkRecord.history': { resource: 'directory', action: 'update' },
  'networkRecord.createPartner': { resource: 'partner_institution', action: 'create' },
  'networkRecord.createProvider': { resource: 'directory', action: 'create' },
  'networkRecord.update': { resource: 'directory', action: 'update' },
  // Verifying is an update of the record's verification columns.
  'networkRecord.due': { resource: 'directory', action: 'update' },
  'networkRecord.verify': { resource: 'directory', action: 'update' },
  // The moderation queue of public suggestions: moderators are those who may edit the record.
  'networkRecord.suggestions': { resource: 'directory', action: 'update' },
  'networkRecord.acceptSuggestion': { resource: 'directory', action: 'update' },
  'networkRecord.rejectSuggestion': { resource: 'directory', action: 'update' },
  // Rows are checked one by one against the caller's territories (network/import).
  'providerImport.preview': { resource: 'directory', action: 'create' },
  'providerImport.commit': { resource: 'directory', action: 'create' },
  // Signalling-meeting series: the responsible agency's organisers only (decided per series on its
  // agency, refusals audited as NOT_FOUND). Reads and writes both need the right to schedule.
  'series.list': { resource: 'conference', action: 'update' },
  'series.get': { resource: 'conference', action: 'update' },
  'series.occurrences': { resource: 'conference', action: 'update' },
  'series.create': { resource: 'conference', action: 'create' },
  'series.update': { resource: 'conference', action: 'update' },
  'series.skip': { resource: 'conference', action: 'update' },
  'series.move': { resource: 'conference', action: 'update' },
  'series.restore': { resource: 'conference', action: 'update' },
  // Creates the occurrence's conference (conference.create) and books it (conference.book).
  'series.schedule': { resource: 'conference', action: 'update' },
  // The phases of a family conference: read like conference.get (participants and the responsible
  // agency's organisers, decided per row and audited); written by the agency's organisers only.
  'familyPhases.get': { resource: 'conference', action: 'read' },
  'familyPhases.setSlot': { resource: 'conference', action: 'update' },
  'familyPhases.setStatus': { resource: 'conference', action: 'update' },
  'familyPhases.tick': { resource: 'conference', action: 'update' },
  'familyPhases.addItem': { resource: 'conference', action: 'update' },
};

/** Resources that hold case data: a refusal on them is written to the audit log. */
export const caseDataResources: ReadonlySet<Resource> = new Set<Resource>(['conference']);

/** The policy of a procedure path, or undefined when it has none (never an inherited key). */
export function procedurePolicy(path: string): ProcedurePolicy | undefined {
  return Object.hasOwn(procedurePolicies, path) ? procedurePolicies[path] : undefined;
}

/**
 * `public`: anyone. `procedures`: the route hands over to tRPC, where each procedure has its own
 * entry above. `{ resource, action }`: as for procedures. `what` says what the route is for.
 */
export type RoutePolicy = { what: string } & (
  | { access: 'public' }
  | { access: 'procedures' }
  | { resource: Resource; action: Action }
);

/**
 * Every route and middleware the Hono server (apps/api) registers, keyed `METHOD path` exactly as
 * Hono lists them in `app.routes` (`ALL` for middleware, `/*` for everything). This package knows
 * no HTTP: the paths are data, checked against the real app by apps/api/src/routes-policy.test.ts.
 */
export const routePolicies: Readonly<Record<string, RoutePolicy>> = {
  'ALL /*': {
    access: 'public',
    what: 'middleware on every request: request id, access log, security headers, CSRF origin check',
  },
  'GET /healthz': { access: 'public', what: 'liveness probe' },
  'GET /readyz': { access: 'public', what: 'readiness probe (database ping)' },
  'ALL /trpc/*': { access: 'procedures', what: 'tRPC endpoint; each procedure has its own policy' },
  // Open Referral HSDS 3.0: public, read-only directory data (hidden addresses withheld), CORS-open,
  // rate-limited per client address.
  'ALL /api/hsds/*': {
    access: 'public',
    what: 'HSDS: CORS and the per-address rate limit; any other path under /api/hsds is a problem 404',
  },
  'GET /api/hsds': { access: 'public', what: 'HSDS: API version and the openapi_url' },
  'GET /api/hsds/openapi.json': {
    access: 'public',
    what: 'HSDS: our OpenAPI document (official + extensions)',
  },
  'GET /api/hsds/services': { access: 'public', what: 'HSDS: paginated / ndjson list of services' },
  'GET /api/hsds/services/:id': { access: 'public', what: 'HSDS: one fully nested service' },
  'GET /api/hsds/service_at_locations': { access: 'public', what: 'HSDS: list of service_at_locations' },
  'GET /api/hsds/service_at_locations/:id': {
    access: 'public',
    what: 'HSDS: one fully nested service_at_location',
  },
  'GET /api/hsds/organizations': { access: 'public', what: 'HSDS: list of organizations' },
  'GET /api/hsds/organizations/:id': {
    access: 'public',
    what: 'HSDS: one organization with its lists and services',
  },
  'GET /api/hsds/taxonomies': { access: 'public', what: 'HSDS: list of taxonomies' },
  'GET /api/hsds/taxonomies/:id': { access: 'public', what: 'HSDS: one taxonomy' },
  'GET /api/hsds/taxonomy_terms': { access: 'public', what: 'HSDS: list of taxonomy terms' },
  'GET /api/hsds/taxonomy_terms/:id': { access: 'public', what: 'HSDS: one taxonomy term' },
  // Vector tiles of the directory search (public points only: hidden addresses approximate).
  'ALL /tiles/*': {
    access: 'public',
    what: 'tiles: CORS-open and the per-address rate limit (CAREMAP_TILE_RATE_LIMIT)',
  },
  'GET /tiles/services/:z/:x/:file': {
    access: 'public',
    what: 'directory map: a vector tile of the services matching the query parameters',
  },
  // The upload page's file: streamed to disk, queued as an import_job; every location decided per
  // territory when the worker runs it (coordinators: own territories; administrators: all).
  'POST /api/imports/hsds': {
    resource: 'directory_import',
    action: 'create',
    what: 'HSDS import: upload a file (streamed, size-limited), queue the job, answer its id',
  },
  // Downloads behind the session cookie; each answers through the tRPC procedure named here.
  'GET /api/network/coverage.csv': {
    resource: 'territory',
    action: 'read',
    what: 'coverage gaps of a territory as CSV (procedure coverage.gaps: the territory or an ancestor is yours)',
  },
  // A feedback letter's PDF: the session cookie, then the same row-level decision as
  // feedbackLetter.list (participants and the responsible agency's organisers); audited.
  'GET /api/conferences/:conferenceId/letters/:file': {
    resource: 'conference',
    action: 'read',
    what: 'feedback letter PDF in its language on the agency letterhead',
  },
  // A personal calendar feed: the URL's secret token is the credential (rate-limited per address).
  'GET /calendar/:file': {
    access: 'public',
    what: "a user's calendar feed (text/calendar) of their conferences, by secret token",
  },
  // A territory's boundary for GIS tools and scripts: the session cookie, decided per territory.
  'GET /api/territories/:file': {
    resource: 'territory',
    action: 'read',
    what: 'territory export: GET /api/territories/<id>.geojson, a GeoJSON Feature',
  },
  // A territory's report for the region's returns: the session cookie, then territory.report's
  // decision (the territory or an ancestor is yours, or you coordinate its region).
  'GET /api/territories/:territoryId/:file{report\\.(?:csv|pdf)}': {
    resource: 'territory',
    action: 'read',
    what: 'territory report: GET /api/territories/<id>/report.csv or report.pdf in the ?lang= language',
  },
  'GET /importmap.json': { access: 'public', what: 'import map of the shell, MFEs and shared deps' },
  'ALL /mfe/shell/*': { access: 'public', what: 'cache headers for the shell bundle' },
  'GET /mfe/shell/*': { access: 'public', what: 'shell bundle (static)' },
  'ALL /mfe/directory/*': { access: 'public', what: 'cache headers for the directory MFE' },
  'GET /mfe/directory/*': { access: 'public', what: 'directory MFE bundle (static)' },
  'ALL /mfe/network/*': { access: 'public', what: 'cache headers for the network MFE' },
  'GET /mfe/network/*': { access: 'public', what: 'network MFE bundle (static)' },
  'ALL /mfe/conferences/*': { access: 'public', what: 'cache headers for the conferences MFE' },
  'GET /mfe/conferences/*': { access: 'public', what: 'conferences MFE bundle (static)' },
  'ALL /shared/*': { access: 'public', what: 'cache headers for the shared dependencies' },
  'GET /shared/*': { access: 'public', what: 'shared browser dependencies (static)' },
  'ALL /basemap/*': { access: 'public', what: 'cache headers for the offline basemap' },
  'GET /basemap/*': { access: 'public', what: 'offline basemap style and data (static)' },
  'GET /*': {
    access: 'public',
    what: 'shell page for the app routes (/, /login, /find, /network, /conferences)',
  },
};

/** The policy of a Hono route (`METHOD path` as in `app.routes`), or undefined when it has none. */
export function routePolicy(method: string, path: string): RoutePolicy | undefined {
  const key = `${method} ${path}`;
  return Object.hasOwn(routePolicies, key) ? routePolicies[key] : undefined;
}
