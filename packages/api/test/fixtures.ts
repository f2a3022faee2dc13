import { type Database, hashPassword, schema } from '@caremap/db';
import type { Role } from '@caremap/db/schema';
import { resolveSession } from '../src/auth/session';
import { createCaller } from '../src/root';

export const PASSWORD = 'correct horse battery staple';

/**
 * A tiny world: a welfare centre and a school, one user per role (the partner at the school, the rest
 * at the welfare centre), and three upcoming conferences that tell the read scopes apart:
 * - `conference`: the welfare centre's, the organiser and the partner take part;
 * - `conferences.ownAgency`: the welfare centre's, run by a colleague; the organiser is not a
 *   participant, so only the `own_agency` scope shows it to them;
 * - `conferences.otherAgency`: another welfare centre's, the partner takes part, the organiser does not.
 */
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
  const [welfare, school, otherWelfare] = await db
    .insert(schema.agency)
    .values([
      { name: 'Welfare Centre', kind: 'child_welfare_centre', country: 'HU' },
      { name: 'School', kind: 'partner', country: 'HU' },
      { name: 'Other Welfare Centre', kind: 'child_welfare_centre', country: 'HU' },
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
  // Organisers besides `users.organiser`: a colleague at the same centre and one at another centre.
  const colleague = await organiserAt(db, 'colleague', welfare!.id, passwordHash);
  const otherOrganiser = await organiserAt(db, 'other-organiser', otherWelfare!.id, passwordHash);

  const conferenceAt = async (
    days: number,
    caseRef: string,
    organiserUserId: string,
    agencyId: string,
    participants: Array<{ userId: string; agencyId: string }>,
  ) => {
    const startsAt = new Date(Date.now() + days * 24 * 3600 * 1000);
    const [conf] = await db
      .insert(schema.conference)
      .values({
        kind: 'case_conference',
        caseRef,
        title: `Case conference ${caseRef}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600 * 1000),
        timezone: 'Europe/Budapest',
        organiserUserId,
        agencyId,
      })
      .returning();
    await db
      .insert(schema.conferenceParticipant)
      .values(participants.map((p) => ({ conferenceId: conf!.id, ...p })));
    return conf!;
  };
  const conference = await conferenceAt(3, 'HU-TST-2026-0001', users.organiser, welfare!.id, [
    { userId: users.organiser, agencyId: welfare!.id },
    { userId: users.partner, agencyId: school!.id },
  ]);
  const ownAgency = await conferenceAt(4, 'HU-TST-2026-0002', colleague, welfare!.id, [
    { userId: colleague, agencyId: welfare!.id },
  ]);
  const otherAgency = await conferenceAt(5, 'HU-TST-2026-0003', otherOrganiser, otherWelfare!.id, [
    { userId: otherOrganiser, agencyId: otherWelfare!.id },
    { userId: users.partner, agencyId: school!.id },
  ]);
  return {
    users,
    territory: territory!,
    conference,
    agencies: { welfare: welfare!, school: school!, otherWelfare: otherWelfare! },
    colleagues: { colleague, otherOrganiser },
    conferences: { shared: conference, ownAgency, otherAgency },
  };
}

async function organiserAt(db: Database, local: string, agencyId: string, passwordHash: string) {
  const [u] = await db
    .insert(schema.appUser)
    .values({ email: `${local}@test.caremap.eu`, displayName: `Test ${local}`, passwordHash, locale: 'en' })
    .returning();
  await db.insert(schema.membership).values({ userId: u!.id, agencyId, role: 'organiser' });
  return u!.id;
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
