// conference.create: a draft conference with its invitees, quorum and candidate rooms. Nothing is
// booked and nobody is told yet: that is conference.book.
import { schema } from '@caremap/db';
import type { StoredQuorumRule } from '@caremap/db/schema';
import type { conferenceCreateInput } from '@caremap/validators';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../audit';
import type { Context, SessionUser } from '../context';
import { appError } from '../errors';
import { agenciesWith } from '../policy';
import { ensurePhases } from './family-phases/phases';

const { agency, appUser, conference, conferenceParticipant, membership, room } = schema;

type Input = z.output<typeof conferenceCreateInput>;
type Ctx = Context & { user: SessionUser };

const badField = (path: string, message: string) =>
  appError('BAD_REQUEST', 'unknown_reference', `${path}: ${message}`, { field: path });

/** The occurrence of a signalling-meeting series this conference is for (series.schedule). */
export interface SeriesLink {
  seriesId: string;
  seriesOccurrence: string;
}

export async function createConference(ctx: Ctx, input: Input, link?: SeriesLink) {
  if (!agenciesWith(ctx.user, 'conference', 'create').includes(input.agencyId)) {
    await audit(ctx, {
      action: 'conference.create',
      outcome: 'denied',
      resourceType: 'conference',
      details: { reason: 'not_own_agency' },
    });
    throw appError('FORBIDDEN', 'forbidden', 'You may create conferences only for your own agency');
  }
  // Invitations carry this zone's VTIMEZONE: refuse a zone we could not describe, now, not at booking.
  if (!getVtimezoneComponent(input.timezone)) {
    throw appError('BAD_REQUEST', 'unknown_reference', 'timezone: no calendar definition for this zone', {
      field: 'timezone',
    });
  }
  const userIds = input.participants.flatMap((p) => (p.kind === 'user' ? [p.userId] : []));
  const users = userIds.length
    ? await ctx.db
        .select({ id: appUser.id, locale: appUser.locale, disabledAt: appUser.disabledAt })
        .from(appUser)
        .where(inArray(appUser.id, userIds))
    : [];
  const memberships = userIds.length
    ? await ctx.db
        .select({ userId: membership.userId, agencyId: membership.agencyId })
        .from(membership)
        .where(inArray(membership.userId, userIds))
    : [];
  const agencyIds = [
    ...new Set(input.participants.flatMap((p) => (p.agencyId ? [p.agencyId] : []))),
    ...input.quorum.flatMap((q) => (q.kind === 'agency' ? [q.agencyId] : [])),
  ];
  const knownAgencies = new Set(
    agencyIds.length
      ? (await ctx.db.select({ id: agency.id }).from(agency).where(inArray(agency.id, agencyIds))).map(
          (a) => a.id,
        )
      : [],
  );
  const rooms = input.candidateRoomIds.length
    ? await ctx.db.select({ id: room.id }).from(room).where(inArray(room.id, input.candidateRoomIds))
    : [];

  const rows = input.participants.map((p, i) => {
    const at = `participants.${i}`;
    if (p.agencyId && !knownAgencies.has(p.agencyId)) throw badField(`${at}.agencyId`, 'no such agency');
    if (p.kind === 'user') {
      const user = users.find((u) => u.id === p.userId);
      if (!user || user.disabledAt) throw badField(`${at}.userId`, 'no such user');
      const theirs = memberships.filter((m) => m.userId === p.userId).map((m) => m.agencyId);
      const agencyId = p.agencyId ?? theirs[0];
      if (!agencyId || !theirs.includes(agencyId)) {
        throw badField(`${at}.agencyId`, 'the user is not a member of this agency');
      }
      return {
        kind: 'user' as const,
        userId: p.userId,
        agencyId,
        attendance: p.attendance,
        role: p.role,
        preferredLanguage: user.locale,
      };
    }
    return {
      kind: p.kind,
      agencyId: p.agencyId ?? null,
      partnerInstitutionId: p.kind === 'contact' ? (p.partnerInstitutionId ?? null) : null,
      organizationId: p.kind === 'contact' ? (p.organizationId ?? null) : null,
      displayName: p.displayName,
      email: p.email ?? null,
      phone: p.kind === 'external' ? (p.phone ?? null) : null,
      attendance: p.attendance,
      role: p.role,
      preferredLanguage: p.preferredLanguage,
    };
  });
  input.quorum.forEach((q, i) => {
    if (q.kind === 'agency' && !knownAgencies.has(q.agencyId))
      throw badField(`quorum.${i}.agencyId`, 'no such agency');
  });
  input.candidateRoomIds.forEach((id, i) => {
    if (!rooms.some((r) => r.id === id)) throw badField(`candidateRoomIds.${i}`, 'no such room');
  });

  const created = await ctx.db.transaction(async (tx) => {
    const [conf] = await tx
      .insert(conference)
      .values({
        kind: input.kind,
        caseRef: input.caseRef ?? null,
        title: input.title,
        timezone: input.timezone,
        status: 'draft',
        durationMinutes: input.durationMinutes,
        scheduleBy: input.scheduleBy,
        candidateRoomIds: input.candidateRoomIds,
        online: input.online,
        locationNote: input.locationNote ?? null,
        interpreterRequired: input.interpreterRequired,
        organiserUserId: ctx.user.userId,
        agencyId: input.agencyId,
        ...(link ? { seriesId: link.seriesId, seriesOccurrence: link.seriesOccurrence } : {}),
      })
      .returning();
    const participants = await tx
      .insert(conferenceParticipant)
      .values(rows.map((r, position) => ({ ...r, position, conferenceId: conf!.id })))
      .returning({ id: conferenceParticipant.id });
    // A family conference starts with its seven phases and their template checklists.
    if (conf!.kind === 'family_conference') await ensurePhases(tx, conf!.id);
    // Pool rules name participants by position in the input; stored with their new ids.
    const quorum: StoredQuorumRule[] = input.quorum.map((q) =>
      q.kind === 'agency'
        ? q
        : {
            kind: 'pool',
            participantIds: q.participants.map((i) => participants[i]!.id),
            atLeast: q.atLeast,
          },
    );
    if (quorum.length) {
      const [withQuorum] = await tx
        .update(conference)
        .set({ quorum })
        .where(inArray(conference.id, [conf!.id]))
        .returning();
      return { conf: withQuorum!, participantIds: participants.map((p) => p.id) };
    }
    return { conf: conf!, participantIds: participants.map((p) => p.id) };
  });
  await audit(ctx, {
    action: 'conference.create',
    outcome: 'success',
    resourceType: 'conference',
    resourceId: created.conf.id,
  });
  return { id: created.conf.id, icalUid: created.conf.icalUid, participantIds: created.participantIds };
}
