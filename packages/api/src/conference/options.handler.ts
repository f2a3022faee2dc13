// conference.options: what the new-conference form offers an organiser to pick from. The agencies
// they may organise for (with those agencies' rooms), the CareMap users they can invite (name and
// agencies only, no address), and the agencies and partner institutions a contact can represent.
// No case data: nothing here is a conference, so nothing is audited.
import { schema } from '@caremap/db';
import { asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Context, SessionUser } from '../context';
import { agenciesWith } from '../policy';

const { agency, appUser, membership, partnerInstitution, room } = schema;

export async function conferenceOptions(ctx: Context & { user: SessionUser }) {
  const own = agenciesWith(ctx.user, 'conference', 'create');
  const [agencies, rooms, members, institutions] = await Promise.all([
    ctx.db
      .select({ id: agency.id, name: agency.name, kind: agency.kind, country: agency.country })
      .from(agency)
      .orderBy(asc(agency.name)),
    own.length
      ? ctx.db
          .select({ id: room.id, agencyId: room.agencyId, name: room.name, capacity: room.capacity })
          .from(room)
          .where(inArray(room.agencyId, own))
          .orderBy(asc(room.name))
      : Promise.resolve([]),
    ctx.db
      .select({
        userId: appUser.id,
        displayName: appUser.displayName,
        locale: appUser.locale,
        agencyId: membership.agencyId,
        role: membership.role,
      })
      .from(membership)
      .innerJoin(appUser, eq(appUser.id, membership.userId))
      .where(isNull(appUser.disabledAt))
      .orderBy(asc(appUser.displayName)),
    ctx.db
      .select({
        id: partnerInstitution.id,
        name: partnerInstitution.name,
        agencyId: partnerInstitution.agencyId,
        email: partnerInstitution.email,
      })
      .from(partnerInstitution)
      .orderBy(asc(partnerInstitution.name))
      .limit(500),
  ]);
  const users = new Map<string, { id: string; displayName: string; locale: string; agencyIds: string[] }>();
  for (const m of members) {
    // Administrators run the system; they take part in no conference.
    if (m.role === 'admin') continue;
    const u = users.get(m.userId) ?? {
      id: m.userId,
      displayName: m.displayName,
      locale: m.locale,
      agencyIds: [],
    };
    if (!u.agencyIds.includes(m.agencyId)) u.agencyIds.push(m.agencyId);
    users.set(m.userId, u);
  }
  return {
    organiserAgencyIds: own,
    agencies,
    rooms,
    users: [...users.values()],
    partnerInstitutions: institutions.filter((p) => p.agencyId),
  };
}

export type ConferenceOptions = Awaited<ReturnType<typeof conferenceOptions>>;
