// A case conference with 8 participants from 5 agencies on top of makeWorld (fixtures.ts): three
// CareMap users, three contacts of partner agencies, a family member and an interpreter.
import { type Database, schema } from '@caremap/db';
import { eq } from 'drizzle-orm';
import { callerFor, type makeWorld, PASSWORD } from './fixtures';

type World = Awaited<ReturnType<typeof makeWorld>>;

export async function signedIn(db: Database, local: string) {
  const session = callerFor(
    db,
    `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
  );
  await (await session.caller()).auth.login({ email: `${local}@test.caremap.eu`, password: PASSWORD });
  return session.caller();
}

export const DAY = 86_400_000;

/** Monday 00:00 UTC at least `days` from now. */
export function mondayAfter(days: number): Date {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export async function addConferenceWorld(db: Database, world: World) {
  const [police, health, gp] = await db
    .insert(schema.agency)
    .values([
      { name: 'Police', kind: 'partner', country: 'HU' },
      { name: 'Health Visitor Service', kind: 'partner', country: 'HU' },
      { name: 'GP Practice', kind: 'partner', country: 'HU' },
    ])
    .returning();
  const [roomA, roomB] = await db
    .insert(schema.room)
    .values([
      { agencyId: world.agencies.welfare.id, name: 'Room A', capacity: 12 },
      { agencyId: world.agencies.welfare.id, name: 'Room B', capacity: 4 },
    ])
    .returning();
  // The partner reads Hungarian: their e-mail must come in Hungarian.
  await db.update(schema.appUser).set({ locale: 'hu' }).where(eq(schema.appUser.id, world.users.partner));
  return { agencies: { police: police!, health: health!, gp: gp! }, rooms: { a: roomA!, b: roomB! } };
}

export function eightParticipants(world: World, extra: Awaited<ReturnType<typeof addConferenceWorld>>) {
  return [
    { kind: 'user' as const, userId: world.users.organiser, role: 'chair' as const },
    { kind: 'user' as const, userId: world.colleagues.colleague, role: 'minute_taker' as const },
    { kind: 'user' as const, userId: world.users.partner },
    {
      kind: 'contact' as const,
      agencyId: extra.agencies.police.id,
      displayName: 'Officer Contact',
      email: 'police.contact@example.org',
      preferredLanguage: 'hu' as const,
    },
    {
      kind: 'contact' as const,
      agencyId: extra.agencies.health.id,
      displayName: 'Health Visitor Contact',
      email: 'health.contact@example.org',
      preferredLanguage: 'cs' as const,
    },
    {
      kind: 'contact' as const,
      agencyId: extra.agencies.gp.id,
      displayName: 'GP Contact',
      email: 'gp.contact@example.org',
      preferredLanguage: 'en' as const,
      attendance: 'optional' as const,
    },
    {
      kind: 'external' as const,
      displayName: 'Family Member',
      email: 'family@example.org',
      role: 'family' as const,
      preferredLanguage: 'tr' as const,
    },
    {
      kind: 'external' as const,
      displayName: 'Interpreter',
      email: 'interpreter@example.org',
      role: 'interpreter' as const,
      preferredLanguage: 'tr' as const,
      attendance: 'optional' as const,
    },
  ];
}
