import { type Database, hashPassword, schema } from '@caremap/db';
import type { Role } from '@caremap/db/schema';
import { resolveSession } from '../src/auth/session';
import { createCaller } from '../src/root';

export const PASSWORD = 'correct horse battery staple';

/** A tiny world: two agencies, one user per role, one conference the organiser and partner share. */
export async function makeWorld(db: Database) {
  const passwordHash = await hashPassword(PASSWORD);
  const polygon = {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [15, 49],
          [16, 49],
          [16, 50],
          [15, 50],
          [15, 49],
        ],
      ],
    ],
  };
  const [territory] = await db
    .insert(schema.territory)
    .values({ name: 'ORP Test', kind: 'orp', country: 'CZ', geom: polygon, approximate: true })
    .returning();
  const [welfare, school] = await db
    .insert(schema.agency)
    .values([
      { name: 'Welfare Centre', kind: 'child_welfare_centre', country: 'HU' },
      { name: 'School', kind: 'partner', country: 'HU' },
    ])
    .returning();
  const users: Record<Role, string> = {} as Record<Role, string>;
  for (const role of ['networker', 'coordinator', 'organiser', 'partner', 'admin'] as const) {
    const [u] = await db
      .insert(schema.appUser)
      .values({ email: `${role}@test.caremap.eu`, displayName: `Test ${role}`, passwordHash, locale: 'en' })
      .returning();
    users[role] = u!.id;
    await db
      .insert(schema.membership)
      .values({ userId: u!.id, agencyId: role === 'partner' ? school!.id : welfare!.id, role });
  }
  await db.insert(schema.territoryAssignment).values({ userId: users.networker, territoryId: territory!.id });
  const soon = new Date(Date.now() + 3 * 24 * 3600 * 1000);
  const [conf] = await db
    .insert(schema.conference)
    .values({
      kind: 'case_conference',
      caseRef: 'HU-TST-2026-0001',
      title: 'Case conference',
      startsAt: soon,
      endsAt: new Date(soon.getTime() + 3600 * 1000),
      timezone: 'Europe/Budapest',
      organiserUserId: users.organiser,
      agencyId: welfare!.id,
    })
    .returning();
  await db.insert(schema.conferenceParticipant).values([
    { conferenceId: conf!.id, userId: users.organiser, agencyId: welfare!.id },
    { conferenceId: conf!.id, userId: users.partner, agencyId: school!.id },
  ]);
  return { users, territory: territory!, conference: conf! };
}

/** A caller as the HTTP layer would build it, with a cookie jar of one. */
export function callerFor(db: Database, clientKey = '127.0.0.1') {
  const jar: { token: string | null } = { token: null };
  return {
    jar,
    async caller() {
      return createCaller({
        db,
        requestId: 'test-request',
        clientKey,
        sessionToken: jar.token,
        user: await resolveSession(db, jar.token),
        setSessionToken: (token) => {
          jar.token = token;
        },
      });
    },
  };
}
