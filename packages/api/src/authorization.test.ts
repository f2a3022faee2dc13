// The authorisation guard's own test, generated from the router: every tRPC procedure must have a
// policy entry, and each one is called as an anonymous visitor and as every role to check that it
// lets in exactly whom the policy table and the grants say. A new procedure fails here until it has
// a policy entry and a sample input below.
import { schema } from '@caremap/db';
import { type Role, roles } from '@caremap/db/schema';
import { useTestDatabase } from '@caremap/db/testing';
import { type AnyProcedure, TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callerFor, makeWorld, PASSWORD } from '../test/fixtures';
import { resolveSession } from './auth/session';
import type { SessionUser } from './context';
import { AppCodeError } from './errors';
import { type ProcedurePolicy, procedurePolicies, procedurePolicy, scopeOf } from './policy';
import { appRouter } from './root';
import { createCallerFactory, policyGuard, publicProcedure, router } from './trpc';

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  world = await makeWorld(t.current.db);
});

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const paths = Object.keys(procedures).sort();

/**
 * A valid, minimal input for every procedure (`undefined` for those that take none). A procedure
 * missing here fails the test: add what a real client would send. A function is called at call
 * time, for inputs that name rows of the test world.
 */
const NO_SUCH_CONFERENCE = '0b6f3c52-2d43-4c1e-9a55-000000000000';
const sampleInputs: Record<string, unknown> = {
  'auth.me': undefined,
  'auth.login': { email: 'partner@test.caremap.eu', password: PASSWORD },
  'auth.logout': undefined,
  'auth.logoutAll': undefined,
  'directory.overview': undefined,
  'directory.mapPoints': {},
  'directory.locations': { page: 1, size: 5 },
  'directory.search': { text: 'rodinna poradna', size: 5 },
  'directory.service': { id: '00000000-0000-4000-8000-000000000000' },
  'directory.places': { prefix: 'Jihl' },
  'directory.suggestChallenge': undefined,
  // An unsolved challenge: refused with BAD_REQUEST after the guard let the caller in.
  'directory.suggestEdit': {
    targetEntity: 'service',
    targetId: '00000000-0000-4000-8000-000000000000',
    changes: { name: 'Rodinná poradna' },
    language: 'cs',
    challenge: 'not-a-challenge',
    nonce: '0',
  },
  'taxonomy.terms': { language: 'cs' },
  'territory.mine': undefined,
  'territory.tree': undefined,
  // Unknown territories: NOT_FOUND past the guard (per-row refusals: network/territory.test.ts).
  'territory.get': { territoryId: NO_SUCH_CONFERENCE },
  'territory.report': { territoryId: NO_SUCH_CONFERENCE },
  'territory.check': {
    type: 'drawn',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [15.1, 49.1],
          [15.2, 49.1],
          [15.2, 49.2],
          [15.1, 49.1],
        ],
      ],
    },
  },
  'territory.create': {
    name: 'Authorisation sample',
    parentId: NO_SUCH_CONFERENCE,
    source: { type: 'units', territoryIds: [NO_SUCH_CONFERENCE] },
  },
  'territory.assignable': { territoryId: NO_SUCH_CONFERENCE },
  'territory.assign': { territoryId: NO_SUCH_CONFERENCE, userId: NO_SUCH_CONFERENCE },
  'territory.unassign': { territoryId: NO_SUCH_CONFERENCE, userId: NO_SUCH_CONFERENCE },
  // An unknown territory: NOT_FOUND from the handler, past the guard (per-row refusals: coverage.test.ts).
  'coverage.gaps': { territoryId: NO_SUCH_CONFERENCE, termIds: [NO_SUCH_CONFERENCE], distanceMeters: 15_000 },
  'coverage.matrix': {
    territoryId: NO_SUCH_CONFERENCE,
    termIds: [NO_SUCH_CONFERENCE],
    distanceMeters: 15_000,
  },
  // Unknown territory / need: NOT_FOUND from the handler, past the guard (per-row: network/needs.test.ts).
  'need.list': { territoryId: NO_SUCH_CONFERENCE },
  'need.stats': { territoryId: NO_SUCH_CONFERENCE },
  'need.create': {
    territoryId: NO_SUCH_CONFERENCE,
    taxonomyTermId: NO_SUCH_CONFERENCE,
    description: 'Sample need',
    reportedBy: 'provider',
    severity: 'low',
    reportedOn: '2026-01-01',
  },
  'need.update': { id: NO_SUCH_CONFERENCE, expectedVersion: 1, changes: { severity: 'low' } },
  'conference.upcoming': undefined,
  'conference.inRange': () => ({ from: new Date(), to: new Date(Date.now() + 7 * 86_400_000) }),
  // An unknown conference: an allowed caller gets NOT_FOUND from the handler, which passes the guard.
  'conference.get': { conferenceId: NO_SUCH_CONFERENCE },
  'conference.create': () => ({
    kind: 'case_discussion',
    caseRef: 'HU-AUTH-0001',
    title: 'Authorisation sample',
    agencyId: world.agencies.welfare.id,
    timezone: 'Europe/Budapest',
    durationMinutes: 60,
    scheduleBy: new Date(Date.now() + 14 * 86_400_000),
    participants: [{ kind: 'user', userId: world.users.organiser }],
    online: true,
  }),
  'conference.options': undefined,
  'conference.dashboard': undefined,
  'conference.propose': { conferenceId: NO_SUCH_CONFERENCE },
  'conference.book': {
    conferenceId: NO_SUCH_CONFERENCE,
    startsAt: new Date(Date.now() + 86_400_000),
    roomId: null,
  },
  'conference.reschedule': {
    conferenceId: NO_SUCH_CONFERENCE,
    startsAt: new Date(Date.now() + 86_400_000),
    roomId: null,
  },
  'conference.cancel': { conferenceId: NO_SUCH_CONFERENCE },
  'conference.outbox': {},
  // The meeting record of an unknown conference (or item): NOT_FOUND from the handler, past the guard.
  'record.get': { conferenceId: NO_SUCH_CONFERENCE },
  'record.setAgenda': { conferenceId: NO_SUCH_CONFERENCE, items: [{ templateKey: 'welcome' }] },
  'record.applyAgendaTemplate': { conferenceId: NO_SUCH_CONFERENCE },
  'record.setAttendance': {
    conferenceId: NO_SUCH_CONFERENCE,
    participants: [{ participantId: NO_SUCH_CONFERENCE, attended: true }],
  },
  'record.saveMinutes': { conferenceId: NO_SUCH_CONFERENCE, text: 'Minutes', expectedVersion: 0 },
  'record.addDecision': { conferenceId: NO_SUCH_CONFERENCE, text: 'A decision' },
  'record.updateDecision': { decisionId: NO_SUCH_CONFERENCE, text: 'A decision' },
  'record.scheduleNext': { conferenceId: NO_SUCH_CONFERENCE },
  'actionItems.create': {
    conferenceId: NO_SUCH_CONFERENCE,
    title: 'Send the school report',
    ownerParticipantId: NO_SUCH_CONFERENCE,
    dueOn: '2031-05-05',
  },
  'actionItems.update': { actionItemId: NO_SUCH_CONFERENCE, status: 'done' },
  'actionItems.mine': undefined,
  'actionItems.overdue': undefined,
  'availability.mine': undefined,
  'availability.setWorkingHours': {
    timeZone: 'Europe/Prague',
    hours: { mon: [{ start: '08:00', end: '16:00' }] },
  },
  'availability.addBusyBlock': {
    startsAt: new Date('2031-05-05T08:00:00Z'),
    endsAt: new Date('2031-05-05T10:00:00Z'),
  },
  // Someone else's (or no) block: NOT_FOUND from the handler, past the guard.
  'availability.removeBusyBlock': { busyBlockId: NO_SUCH_CONFERENCE },
  // A calendar without events: replaces the caller's (no) imported blocks with none.
  'availability.importIcs': {
    fileName: 'empty.ics',
    content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nEND:VCALENDAR\r\n',
  },
  'invitation.respond': { token: 'A'.repeat(43), response: 'accepted' },
  // Nobody's job: NOT_FOUND from the handler, past the guard.
  'directoryImport.get': { id: NO_SUCH_CONFERENCE },
  'directoryImport.list': {},
  'poll.send': {
    conferenceId: NO_SUCH_CONFERENCE,
    times: [{ startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) }],
  },
  'poll.results': { conferenceId: NO_SUCH_CONFERENCE },
  // An unknown token: NOT_FOUND poll_invalid from the handler, past the guard.
  'poll.view': { token: 'A'.repeat(43) },
  'poll.answer': {
    token: 'A'.repeat(43),
    name: 'Sample',
    answers: [{ optionId: NO_SUCH_CONFERENCE, answer: 'yes' }],
  },
  // Unknown conference / letter: NOT_FOUND from the handler, past the guard (per-row refusals:
  // conference/letters/letters.test.ts).
  'feedbackLetter.list': { conferenceId: NO_SUCH_CONFERENCE },
  'feedbackLetter.draft': {
    conferenceId: NO_SUCH_CONFERENCE,
    partnerInstitutionId: NO_SUCH_CONFERENCE,
    subject: 'Feedback',
    body: 'Thank you for taking part.',
  },
  'feedbackLetter.edit': { letterId: NO_SUCH_CONFERENCE, subject: 'Feedback' },
  'feedbackLetter.markSent': { letterId: NO_SUCH_CONFERENCE },
  // A case nobody has: NOT_FOUND from the handler, past the guard (per-row refusals, audit rows:
  // router/case-timeline.test.ts).
  'caseTimeline.get': { caseRef: 'HU-AUTH-0404' },
  'calendarFeed.status': undefined,
  'calendarFeed.rotate': undefined,
  'calendarFeed.revoke': undefined,
  // Network records: unknown rows and territories answer NOT_FOUND past the guard, and a create with
  // a pin off the globe BAD_REQUEST; the per-row decisions (inside or outside the caller's
  // territories, per role) are in network/records/records.test.ts.
  'networkRecord.list': { territoryId: NO_SUCH_CONFERENCE },
  'networkRecord.get': { entity: 'service', id: NO_SUCH_CONFERENCE },
  'networkRecord.history': { entity: 'organization', id: NO_SUCH_CONFERENCE },
  'networkRecord.createPartner': {
    name: 'ZŠ Authorisation',
    partnerKind: 'school',
    address: null,
    city: 'Jihlava',
    email: null,
    phone: null,
    lat: 149.4,
    lng: 15.5,
    contactPerson: null,
    cooperationAgreement: false,
    agreementDate: null,
    notes: null,
    country: 'CZ',
  },
  'networkRecord.createProvider': {
    organization: { name: 'Poradna', description: 'Rodinná poradna', email: null, website: null },
    service: { name: 'Poradenství', description: null },
    location: { name: null, lat: 149.4, lng: 15.5, address: null, city: null },
  },
  'networkRecord.update': {
    entity: 'partner_institution',
    id: NO_SUCH_CONFERENCE,
    expectedVersion: 1,
    changes: { notes: 'x' },
  },
  'networkRecord.due': { territoryId: NO_SUCH_CONFERENCE },
  'networkRecord.verify': { entity: 'location', id: NO_SUCH_CONFERENCE, expectedVersion: 1 },
  'networkRecord.suggestions': { territoryId: NO_SUCH_CONFERENCE },
  'networkRecord.acceptSuggestion': { suggestionId: NO_SUCH_CONFERENCE, expectedVersion: 1, changes: {} },
  'networkRecord.rejectSuggestion': { suggestionId: NO_SUCH_CONFERENCE, reason: 'not true' },
  // An empty sheet: BAD_REQUEST invalid_sheet from the handler, past the guard (the rows and their
  // territories: network/import/import.test.ts).
  'providerImport.preview': { fileName: 'empty.csv', contentBase64: '' },
  'providerImport.commit': { fileName: 'empty.csv', contentBase64: '', skipRows: [] },
  // Series: an unknown series answers NOT_FOUND past the guard; a create in the caller's own agency
  // succeeds (per-series refusals: conference/series/series.test.ts).
  'series.list': undefined,
  'series.get': { seriesId: NO_SUCH_CONFERENCE },
  'series.occurrences': { seriesId: NO_SUCH_CONFERENCE },
  'series.create': () => ({
    agencyId: world.agencies.welfare.id,
    title: 'Authorisation sample series',
    rrule: 'FREQ=MONTHLY;INTERVAL=2',
    timezone: 'Europe/Budapest',
    dtstart: '2031-01-14T10:00',
    durationMinutes: 90,
    participants: [{ kind: 'user', userId: world.users.organiser }],
    online: true,
  }),
  'series.update': {
    seriesId: NO_SUCH_CONFERENCE,
    expectedVersion: 1,
    title: 'Authorisation sample series',
    rrule: 'FREQ=MONTHLY;INTERVAL=2',
    timezone: 'Europe/Budapest',
    dtstart: '2031-01-14T10:00',
    durationMinutes: 90,
    participants: [{ kind: 'user', userId: NO_SUCH_CONFERENCE }],
    online: true,
  },
  'series.skip': { seriesId: NO_SUCH_CONFERENCE, originalDate: '2031-03-14' },
  'series.move': { seriesId: NO_SUCH_CONFERENCE, originalDate: '2031-03-14', startsAt: '2031-03-15T10:00' },
  'series.restore': { seriesId: NO_SUCH_CONFERENCE, originalDate: '2031-03-14' },
  'series.schedule': { seriesId: NO_SUCH_CONFERENCE, occurrence: '2031-03-14T10:00' },
  // Family-conference phases: an unknown conference, phase or item answers NOT_FOUND past the guard
  // (per-row refusals: conference/family-phases/family-phases.test.ts).
  'familyPhases.get': { conferenceId: NO_SUCH_CONFERENCE },
  'familyPhases.setSlot': {
    phaseId: NO_SUCH_CONFERENCE,
    expectedVersion: 1,
    startsAt: new Date('2031-03-14T09:00:00Z'),
    endsAt: new Date('2031-03-14T11:00:00Z'),
  },
  'familyPhases.setStatus': { phaseId: NO_SUCH_CONFERENCE, expectedVersion: 1, status: 'in_progress' },
  'familyPhases.tick': { itemId: NO_SUCH_CONFERENCE, done: true },
  'familyPhases.addItem': { phaseId: NO_SUCH_CONFERENCE, text: 'Call the grandmother' },
};

type Outcome = 'allowed' | 'UNAUTHORIZED:not_signed_in' | 'FORBIDDEN:forbidden' | `error:${string}`;

/** What the policy says should happen when `actor` calls a procedure with this policy. */
function expectedOutcome(policy: ProcedurePolicy, actor: SessionUser | null): Outcome {
  if ('access' in policy) {
    return policy.access === 'public' || actor ? 'allowed' : 'UNAUTHORIZED:not_signed_in';
  }
  if (scopeOf(actor, policy.resource, policy.action)) return 'allowed';
  return actor ? 'FORBIDDEN:forbidden' : 'UNAUTHORIZED:not_signed_in';
}

/** Refused = UNAUTHORIZED/FORBIDDEN (with the app code the UI translates); anything else that throws is a bug. */
function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof TRPCError)) return `error:${String(error)}`;
  const appCode = error.cause instanceof AppCodeError ? error.cause.appCode : 'none';
  if (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN')
    return `${error.code}:${appCode}` as Outcome;
  // An allowed call may still fail for reasons of its own (NOT_FOUND, CONFLICT, ...), but a crash
  // (or a missing policy entry, which answers INTERNAL_SERVER_ERROR) proves nothing.
  return error.code === 'INTERNAL_SERVER_ERROR' ? `error:${error.code}: ${error.message}` : 'allowed';
}

const identities: Array<Role | null> = [null, ...roles];
let callCount = 0;
let clientNo = 0;

/** A fresh browser (own cookie jar and address) signed in as `role`, or anonymous; one call. */
async function callAs(path: string, role: Role | null) {
  const session = callerFor(t.current.db, `10.77.${Math.floor(clientNo / 250)}.${(clientNo++ % 250) + 1}`);
  let actor: SessionUser | null = null;
  if (role) {
    if (!world.users[role]) throw new Error(`makeWorld has no user for role '${role}'`);
    await (await session.caller()).auth.login({ email: `${role}@test.caremap.eu`, password: PASSWORD });
    actor = await resolveSession(t.current.db, session.jar.token);
    if (!actor) throw new Error(`signing in as ${role} did not give a session`);
  }
  const caller = await session.caller();
  const segments = path.split('.');
  // biome-ignore lint/suspicious/noExplicitAny: walking the caller by a runtime path
  let node: any = caller;
  for (const segment of segments.slice(0, -1)) node = node[segment];
  const procedure = node[segments.at(-1)!] as (input: unknown) => Promise<unknown>;
  callCount++;
  try {
    const sample = sampleInputs[path];
    await procedure(typeof sample === 'function' ? sample() : sample);
    return { actor, outcome: 'allowed' as Outcome };
  } catch (error) {
    return { actor, outcome: outcomeOf(error) };
  }
}

describe('authorisation guard', () => {
  it('has a policy entry for every procedure, and none for a procedure that does not exist', () => {
    expect(paths.length).toBeGreaterThan(0);
    const missing = paths.filter((path) => !procedurePolicy(path));
    const stale = Object.keys(procedurePolicies).filter((path) => !paths.includes(path));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('has a sample input for every procedure (and none for one that does not exist)', () => {
    const missing = paths.filter((path) => !Object.hasOwn(sampleInputs, path));
    const stale = Object.keys(sampleInputs).filter((path) => !paths.includes(path));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('runs the policy guard first in every procedure, before its input is parsed', () => {
    const guard = policyGuard._middlewares[0];
    // tRPC keeps a procedure's middlewares (input parsers included) in order on its definition.
    const firstMiddleware = (path: string) =>
      (procedures[path]!._def as unknown as { middlewares: unknown[] }).middlewares[0];
    const unguarded = paths.filter((path) => firstMiddleware(path) !== guard);
    expect(unguarded).toEqual([]);
  });

  describe.each(paths)('%s', (path) => {
    it('lets in exactly whom its policy grants, refusing the rest with UNAUTHORIZED or FORBIDDEN', async () => {
      const policy = procedurePolicy(path);
      if (!policy) {
        const { outcome } = await callAs(path, null);
        throw new Error(`no policy entry for '${path}'; called anonymously it answered ${outcome}`);
      }
      if (!Object.hasOwn(sampleInputs, path)) throw new Error(`no sample input for '${path}'`);
      const wrong: string[] = [];
      for (const role of identities) {
        const { actor, outcome } = await callAs(path, role);
        const expected = expectedOutcome(policy, actor);
        if (outcome !== expected) wrong.push(`${role ?? 'anonymous'}: expected ${expected}, got ${outcome}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  it('covered every procedure as anonymous and as every role', () => {
    console.log(
      `authorisation: ${paths.length} procedures x ${identities.length} identities (anonymous + ${roles.join(', ')}) = ${callCount} calls`,
    );
    expect(paths.length).toBeGreaterThan(0);
    expect(callCount).toBeGreaterThan(0);
    expect(callCount).toBe(paths.length * identities.length);
  });
});

// Spot checks that do not read the table: what the rules say in plain words.
describe('authorisation rules', () => {
  const deniedReads = () =>
    t.current.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'conference.upcoming'), eq(schema.auditLog.outcome, 'denied')));

  it('refuses an administrator case data with FORBIDDEN and audits the refusal', async () => {
    const before = (await deniedReads()).length;
    const { actor, outcome } = await callAs('conference.upcoming', 'admin');
    expect(outcome).toBe('FORBIDDEN:forbidden');
    const rows = await deniedReads();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorUserId: actor!.userId, resourceType: 'conference' });
  });

  it('asks an anonymous visitor to sign in for case data, and lets them read the directory', async () => {
    expect((await callAs('conference.upcoming', null)).outcome).toBe('UNAUTHORIZED:not_signed_in');
    expect((await callAs('directory.overview', null)).outcome).toBe('allowed');
    expect((await callAs('conference.upcoming', 'partner')).outcome).toBe('allowed');
  });

  const anonymousContext = () => ({
    db: t.current.db,
    requestId: 'test',
    clientKey: '127.0.0.1',
    user: null,
    sessionToken: null,
    setSessionToken: () => {},
  });

  it('lets a networker add a partner institution inside their territory only; an administrator anywhere', async () => {
    const school = (lng: number) => ({
      ...(sampleInputs['networkRecord.createPartner'] as Record<string, unknown>),
      lat: 49.4,
      lng,
    });
    const as = async (role: Role, lng: number) => {
      const session = callerFor(t.current.db, `10.78.0.${++clientNo % 250}`);
      await (await session.caller()).auth.login({ email: `${role}@test.caremap.eu`, password: PASSWORD });
      return (await session.caller()).networkRecord
        .createPartner(school(lng) as never)
        .then(() => 'allowed' as Outcome, outcomeOf);
    };
    // The test world's territory spans 15-16 E; 17.5 E lies in no territory of anybody's.
    expect(await as('networker', 15.5)).toBe('allowed');
    expect(await as('networker', 17.5)).toBe('FORBIDDEN:forbidden');
    // The world's coordinator holds no territory: nothing inside their region to edit.
    expect(await as('coordinator', 15.5)).toBe('FORBIDDEN:forbidden');
    expect(await as('admin', 17.5)).toBe('allowed');
    expect(await as('organiser', 15.5)).toBe('FORBIDDEN:forbidden');
  });

  it('refuses a procedure without a policy entry at run time, naming it', async () => {
    const rogue = createCallerFactory(
      router({ rogue: router({ open: publicProcedure.query(() => 'data') }) }),
    );
    const error = await rogue(anonymousContext())
      .rogue.open()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('INTERNAL_SERVER_ERROR');
    expect((error as TRPCError).message).toContain("'rogue.open'");
  });

  it('checks the policy before the input, so a refused caller learns nothing of its shape', async () => {
    // Same path as a guarded procedure, but with an input: anonymous gets UNAUTHORIZED, not BAD_REQUEST.
    const shaped = createCallerFactory(
      router({
        conference: router({ upcoming: publicProcedure.input(z.object({ n: z.number() })).query(() => 1) }),
      }),
    );
    const error = await shaped(anonymousContext())
      .conference.upcoming({ n: 'not a number' } as never)
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
