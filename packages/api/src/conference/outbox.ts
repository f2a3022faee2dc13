// Writing invitation and cancellation e-mails into the outbox, inside the caller's transaction, so
// the e-mails exist exactly when the change they announce is committed. The worker
// (outbox-worker.ts) sends them later.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Database, schema } from '@caremap/db';
import type { Locale } from '@caremap/db/schema';
import { eq, inArray } from 'drizzle-orm';
import type { ConferenceRow } from './access';
import { invitationIcs } from './invitation';
import { invitationMessage, onlineLabel } from './messages';

const { appUser, conferenceParticipant, outboxMessage, room } = schema;

/** The accept/decline page the conferences MFE serves. */
export const RESPOND_PATH = '/conferences/respond';
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const newToken = () => randomBytes(32).toString('base64url');

export interface EnqueueOptions {
  method: 'REQUEST' | 'CANCEL';
  /** A REQUEST after an earlier one (reschedule): says so, and asks everyone to answer again. */
  update?: boolean;
  publicUrl?: string | undefined;
  now?: Date;
}

/**
 * One e-mail per participant with an e-mail address (externals known only by phone get none: SMS
 * is not part of CareMap yet). REQUEST gives each a fresh response token (the old links stop
 * working) and, on an update, sets their PARTSTAT back to NEEDS-ACTION. Returns the rows written.
 */
export async function enqueueConferenceMessages(
  tx: Database,
  conf: ConferenceRow,
  options: EnqueueOptions,
): Promise<number> {
  if (!conf.startsAt || !conf.endsAt) throw new Error(`conference ${conf.id} has no booked time`);
  const { startsAt, endsAt } = conf;
  const now = options.now ?? new Date();
  const base = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '');
  const participants = await tx
    .select({
      id: conferenceParticipant.id,
      kind: conferenceParticipant.kind,
      userId: conferenceParticipant.userId,
      displayName: conferenceParticipant.displayName,
      email: conferenceParticipant.email,
      attendance: conferenceParticipant.attendance,
      preferredLanguage: conferenceParticipant.preferredLanguage,
      partstat: conferenceParticipant.partstat,
    })
    .from(conferenceParticipant)
    .where(eq(conferenceParticipant.conferenceId, conf.id))
    .orderBy(conferenceParticipant.position, conferenceParticipant.createdAt, conferenceParticipant.id);
  const userIds = [conf.organiserUserId, ...participants.flatMap((p) => (p.userId ? [p.userId] : []))];
  const users = await tx
    .select({
      id: appUser.id,
      email: appUser.email,
      displayName: appUser.displayName,
      locale: appUser.locale,
    })
    .from(appUser)
    .where(inArray(appUser.id, userIds));
  const userById = new Map(users.map((u) => [u.id, u]));
  const organiser = userById.get(conf.organiserUserId)!;
  const [booked] = conf.roomId
    ? await tx.select({ name: room.name }).from(room).where(eq(room.id, conf.roomId))
    : [undefined];

  const rows: Array<typeof outboxMessage.$inferInsert> = [];
  for (const p of participants) {
    const user = p.userId ? userById.get(p.userId) : undefined;
    const address = user?.email ?? p.email;
    if (!address) continue;
    // A user's own account language wins: they chose it; others get what the organiser entered.
    const locale: Locale = user?.locale ?? p.preferredLanguage;
    const place = [booked?.name ?? (conf.online ? onlineLabel(locale) : null), conf.locationNote]
      .filter(Boolean)
      .join(' – ');
    let links: { accept: string; tentative: string; decline: string } | undefined;
    let partstat = p.partstat;
    if (options.method === 'REQUEST') {
      const token = newToken();
      if (options.update) partstat = 'needs_action';
      await tx
        .update(conferenceParticipant)
        .set({ responseTokenHash: hashToken(token), responseTokenExpiresAt: endsAt, partstat })
        .where(eq(conferenceParticipant.id, p.id));
      const link = (response: string) =>
        `${base}${RESPOND_PATH}?token=${encodeURIComponent(token)}&response=${response}`;
      links = { accept: link('accepted'), tentative: link('tentative'), decline: link('declined') };
    }
    const facts = {
      kind: conf.kind,
      caseRef: conf.caseRef,
      startsAt,
      endsAt,
      timezone: conf.timezone,
      place,
      organiserName: organiser.displayName,
      ...(links ? { links } : {}),
      ...(options.update ? { update: true } : {}),
    };
    const { subject, summary, text } = invitationMessage(locale, options.method, facts);
    const ics = invitationIcs({
      method: options.method,
      uid: conf.icalUid,
      sequence: conf.sequence,
      startsAt,
      endsAt,
      timezone: conf.timezone,
      summary,
      location: place,
      description: text,
      organiser: { name: organiser.displayName, email: organiser.email },
      attendee: {
        name: user?.displayName ?? p.displayName ?? address,
        email: address,
        required: p.attendance === 'required',
        partstat,
      },
      stamp: now,
    });
    rows.push({
      conferenceId: conf.id,
      participantId: p.id,
      recipientAddress: address,
      recipientLanguage: locale,
      subject,
      textBody: text,
      ics,
      icsMethod: options.method,
      messageId: `<${randomUUID()}@caremap>`,
      nextAttemptAt: now,
    });
  }
  if (rows.length) await tx.insert(outboxMessage).values(rows);
  return rows.length;
}
