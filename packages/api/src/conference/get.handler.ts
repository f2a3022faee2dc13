// conference.get: one conference with its invitees, for its participants and the responsible
// agency's organisers. Case data: every read is audited. Contact details of invitees are shown
// only to those who may change the conference (the organisers), not to fellow participants.
import { schema } from '@caremap/db';
import { asc, eq } from 'drizzle-orm';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { decide } from '../policy';
import { conferenceFor, participantUserIds } from './access';

const { agency, appUser, conferenceParticipant, room } = schema;

export async function getConference(ctx: Context & { user: SessionUser }, conferenceId: string) {
  const conf = await conferenceFor(ctx, conferenceId, 'read', 'conference.read');
  const organises = decide(ctx.user, 'conference', 'update', {
    agencyId: conf.agencyId,
    participantUserIds: await participantUserIds(ctx.db, conf.id),
  });
  const participants = await ctx.db
    .select({
      id: conferenceParticipant.id,
      kind: conferenceParticipant.kind,
      userId: conferenceParticipant.userId,
      userName: appUser.displayName,
      userEmail: appUser.email,
      displayName: conferenceParticipant.displayName,
      email: conferenceParticipant.email,
      phone: conferenceParticipant.phone,
      agencyId: conferenceParticipant.agencyId,
      agencyName: agency.name,
      attendance: conferenceParticipant.attendance,
      role: conferenceParticipant.role,
      preferredLanguage: conferenceParticipant.preferredLanguage,
      partstat: conferenceParticipant.partstat,
      respondedAt: conferenceParticipant.respondedAt,
    })
    .from(conferenceParticipant)
    .leftJoin(appUser, eq(appUser.id, conferenceParticipant.userId))
    .leftJoin(agency, eq(agency.id, conferenceParticipant.agencyId))
    .where(eq(conferenceParticipant.conferenceId, conf.id))
    .orderBy(
      asc(conferenceParticipant.position),
      asc(conferenceParticipant.createdAt),
      asc(conferenceParticipant.id),
    );
  const [responsible] = await ctx.db
    .select({ name: agency.name })
    .from(agency)
    .where(eq(agency.id, conf.agencyId));
  const [booked] = conf.roomId
    ? await ctx.db
        .select({ id: room.id, name: room.name, capacity: room.capacity })
        .from(room)
        .where(eq(room.id, conf.roomId))
    : [undefined];
  const [organiser] = await ctx.db
    .select({ displayName: appUser.displayName })
    .from(appUser)
    .where(eq(appUser.id, conf.organiserUserId));
  await audit(ctx, {
    action: 'conference.read',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
  });
  return {
    id: conf.id,
    kind: conf.kind,
    caseRef: conf.caseRef,
    title: conf.title,
    status: conf.status,
    startsAt: conf.startsAt,
    endsAt: conf.endsAt,
    timezone: conf.timezone,
    durationMinutes: conf.durationMinutes,
    scheduleBy: conf.scheduleBy,
    icalUid: conf.icalUid,
    sequence: conf.sequence,
    online: conf.online,
    locationNote: conf.locationNote,
    room: booked ?? null,
    candidateRoomIds: conf.candidateRoomIds,
    quorum: conf.quorum,
    interpreterRequired: conf.interpreterRequired,
    agency: { id: conf.agencyId, name: responsible?.name ?? '' },
    organiser: { userId: conf.organiserUserId, displayName: organiser?.displayName ?? '' },
    canEdit: organises,
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.kind,
      userId: p.userId,
      displayName: p.userName ?? p.displayName ?? '',
      agencyId: p.agencyId,
      agencyName: p.agencyName,
      attendance: p.attendance,
      role: p.role,
      preferredLanguage: p.preferredLanguage,
      partstat: p.partstat,
      respondedAt: p.respondedAt,
      ...(organises ? { email: p.userEmail ?? p.email, phone: p.phone } : {}),
    })),
  };
}

export type ConferenceDetail = Awaited<ReturnType<typeof getConference>>;
