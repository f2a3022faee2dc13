// record.get: the meeting record of one conference (agenda, attendance, minutes, decisions, action
// items, the follow-up it scheduled) for its participants and the responsible agency's organisers.
// Case data: every read is audited.
import { schema } from '@caremap/db';
import { agendaTemplates } from '@caremap/validators';
import { asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../audit';
import { decide } from '../../policy';
import { participantUserIds } from '../access';
import { type Ctx, localToday, readable } from './shared';

const {
  actionItem,
  agency,
  agendaItem,
  appUser,
  conference,
  conferenceDecision,
  conferenceMinutes,
  conferenceParticipant,
} = schema;

export async function getRecord(ctx: Ctx, conferenceId: string, now = new Date()) {
  const conf = await readable(ctx, conferenceId);
  const canEdit =
    conf.status !== 'cancelled' &&
    decide(ctx.user, 'conference', 'update', {
      agencyId: conf.agencyId,
      participantUserIds: await participantUserIds(ctx.db, conf.id),
    });
  const agenda = await ctx.db
    .select({
      id: agendaItem.id,
      position: agendaItem.position,
      templateKey: agendaItem.templateKey,
      title: agendaItem.title,
    })
    .from(agendaItem)
    .where(eq(agendaItem.conferenceId, conf.id))
    .orderBy(asc(agendaItem.position), asc(agendaItem.createdAt), asc(agendaItem.id));
  const participants = await ctx.db
    .select({
      id: conferenceParticipant.id,
      kind: conferenceParticipant.kind,
      userId: conferenceParticipant.userId,
      userName: appUser.displayName,
      displayName: conferenceParticipant.displayName,
      role: conferenceParticipant.role,
      agencyId: conferenceParticipant.agencyId,
      agencyName: agency.name,
      attended: conferenceParticipant.attended,
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
  const [minutes] = await ctx.db
    .select({
      text: conferenceMinutes.text,
      version: conferenceMinutes.version,
      updatedAt: conferenceMinutes.updatedAt,
      updatedBy: appUser.displayName,
    })
    .from(conferenceMinutes)
    .leftJoin(appUser, eq(appUser.id, conferenceMinutes.updatedByUserId))
    .where(eq(conferenceMinutes.conferenceId, conf.id));
  const decisions = await ctx.db
    .select({
      id: conferenceDecision.id,
      agendaItemId: conferenceDecision.agendaItemId,
      text: conferenceDecision.text,
      createdAt: conferenceDecision.createdAt,
    })
    .from(conferenceDecision)
    .where(eq(conferenceDecision.conferenceId, conf.id))
    .orderBy(asc(conferenceDecision.createdAt), asc(conferenceDecision.id));
  const items = await ctx.db
    .select({
      id: actionItem.id,
      title: actionItem.title,
      ownerParticipantId: actionItem.ownerParticipantId,
      ownerAgencyId: actionItem.ownerAgencyId,
      ownerAgencyName: agency.name,
      dueOn: actionItem.dueOn,
      status: actionItem.status,
      completedAt: actionItem.completedAt,
      decisionId: actionItem.decisionId,
    })
    .from(actionItem)
    .innerJoin(agency, eq(agency.id, actionItem.ownerAgencyId))
    .where(eq(actionItem.conferenceId, conf.id))
    .orderBy(asc(actionItem.dueOn), asc(actionItem.createdAt), asc(actionItem.id));
  const [followUp] = await ctx.db
    .select({ id: conference.id, status: conference.status })
    .from(conference)
    .where(eq(conference.followsConferenceId, conf.id));
  // Owner agencies to choose from: the responsible agency and every participant's.
  const agencyIds = [
    ...new Set([conf.agencyId, ...participants.flatMap((p) => (p.agencyId ? [p.agencyId] : []))]),
  ];
  const agencies = await ctx.db
    .select({ id: agency.id, name: agency.name })
    .from(agency)
    .where(inArray(agency.id, agencyIds))
    .orderBy(asc(agency.name));
  await audit(ctx, {
    action: 'conference.record.read',
    outcome: 'allowed',
    resourceType: 'conference',
    resourceId: conf.id,
  });
  const today = localToday(conf.timezone, now);
  const byId = new Map(participants.map((p) => [p.id, p]));
  return {
    conferenceId: conf.id,
    kind: conf.kind,
    caseRef: conf.caseRef,
    status: conf.status,
    timezone: conf.timezone,
    canEdit,
    today,
    templateKeys: agendaTemplates[conf.kind] as readonly string[],
    agenda,
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.kind,
      userId: p.userId,
      displayName: p.userName ?? p.displayName ?? '',
      role: p.role,
      agencyId: p.agencyId,
      agencyName: p.agencyName,
      attended: p.attended,
    })),
    minutes: minutes ?? null,
    decisions,
    actionItems: items.map((i) => {
      const owner = byId.get(i.ownerParticipantId);
      return {
        ...i,
        ownerName: owner?.userName ?? owner?.displayName ?? '',
        overdue: i.status === 'open' && i.dueOn < today,
        /** The owner (a user) may mark their own item done; organisers may change everything. */
        canSetStatus: canEdit || (!!owner?.userId && owner.userId === ctx.user.userId),
      };
    }),
    agencies,
    followUp: followUp ?? null,
  };
}

export type MeetingRecord = Awaited<ReturnType<typeof getRecord>>;
