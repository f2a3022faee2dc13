// caseTimeline.get through the real router on a real database: one case's conferences in time order
// with their decisions, action items and letters sent; the next care plan review; who sees which
// conferences of the case; the refusal that reads the same for a case not yours and a case nobody
// has; and the audit rows every read and refusal writes.
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../test/conference-world';
import { makeWorld } from '../../test/fixtures';
import { AppCodeError } from '../errors';

const t = useTestDatabase();
const DAY = 86_400_000;
const CASE = 'HU-TL-2026-0001';
const OTHER_CASE = 'HU-TL-2026-0002';
const SECRET_TITLE = 'Timeline secret: school attendance';
const SECRET_DECISION = 'Timeline secret: weekly home visits';
let world: Awaited<ReturnType<typeof makeWorld>>;
const ids: Record<'intake' | 'review' | 'booked' | 'draft' | 'elsewhere' | 'otherCase', string> = {
  intake: '',
  review: '',
  booked: '',
  draft: '',
  elsewhere: '',
  otherCase: '',
};
let reviewStartsAt: Date;
let schoolName: string;

async function conferenceAt(opts: {
  kind: 'case_conference' | 'care_plan_review';
  caseRef: string;
  days: number | null;
  status: 'held' | 'scheduled' | 'draft';
  agency: 'welfare' | 'otherWelfare';
  participants: Array<{ userId: string; agencyId: string }>;
}) {
  const db = t.current.db;
  const startsAt = opts.days === null ? null : new Date(Date.now() + opts.days * DAY);
  const organiser = opts.agency === 'welfare' ? world.users.organiser : world.colleagues.otherOrganiser;
  const [conf] = await db
    .insert(schema.conference)
    .values({
      kind: opts.kind,
      caseRef: opts.caseRef,
      title: SECRET_TITLE,
      startsAt,
      endsAt: startsAt ? new Date(startsAt.getTime() + 3600_000) : null,
      scheduleBy: startsAt ? null : new Date(Date.now() + 40 * DAY),
      timezone: 'Europe/Budapest',
      status: opts.status,
      organiserUserId: organiser,
      agencyId: world.agencies[opts.agency].id,
    })
    .returning();
  const participants = await db
    .insert(schema.conferenceParticipant)
    .values(opts.participants.map((p, position) => ({ conferenceId: conf!.id, position, ...p })))
    .returning();
  return { conf: conf!, participants };
}

const isoDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  const db = t.current.db;
  world = await makeWorld(db);
  const organiser = { userId: world.users.organiser, agencyId: world.agencies.welfare.id };
  const partner = { userId: world.users.partner, agencyId: world.agencies.school.id };
  const otherOrganiser = {
    userId: world.colleagues.otherOrganiser,
    agencyId: world.agencies.otherWelfare.id,
  };
  // Inserted out of order on purpose: the timeline orders by time, not by insertion.
  const booked = await conferenceAt({
    kind: 'care_plan_review',
    caseRef: CASE,
    days: 20,
    status: 'scheduled',
    agency: 'welfare',
    participants: [organiser],
  });
  const intake = await conferenceAt({
    kind: 'case_conference',
    caseRef: CASE,
    days: -200,
    status: 'held',
    agency: 'welfare',
    participants: [organiser, partner],
  });
  const review = await conferenceAt({
    kind: 'care_plan_review',
    caseRef: CASE,
    days: -150,
    status: 'held',
    agency: 'welfare',
    participants: [organiser, partner],
  });
  const draft = await conferenceAt({
    kind: 'case_conference',
    caseRef: CASE,
    days: null,
    status: 'draft',
    agency: 'welfare',
    participants: [organiser],
  });
  // The same code at another centre: a case of theirs, not shown to the welfare centre.
  const elsewhere = await conferenceAt({
    kind: 'case_conference',
    caseRef: CASE,
    days: -100,
    status: 'held',
    agency: 'otherWelfare',
    participants: [otherOrganiser],
  });
  const otherCase = await conferenceAt({
    kind: 'case_conference',
    caseRef: OTHER_CASE,
    days: -30,
    status: 'held',
    agency: 'otherWelfare',
    participants: [otherOrganiser],
  });
  Object.assign(ids, {
    intake: intake.conf.id,
    review: review.conf.id,
    booked: booked.conf.id,
    draft: draft.conf.id,
    elsewhere: elsewhere.conf.id,
    otherCase: otherCase.conf.id,
  });
  reviewStartsAt = review.conf.startsAt!;

  const [decision] = await db
    .insert(schema.conferenceDecision)
    .values({ conferenceId: intake.conf.id, text: SECRET_DECISION })
    .returning();
  const partnerParticipant = intake.participants.find((p) => p.userId === world.users.partner)!;
  await db.insert(schema.actionItem).values([
    {
      conferenceId: intake.conf.id,
      decisionId: decision!.id,
      title: 'Report attendance',
      ownerParticipantId: partnerParticipant.id,
      ownerAgencyId: world.agencies.school.id,
      dueOn: isoDay(-10),
      status: 'open',
    },
    {
      conferenceId: intake.conf.id,
      title: 'Arrange a home visit',
      ownerParticipantId: intake.participants[0]!.id,
      ownerAgencyId: world.agencies.welfare.id,
      dueOn: isoDay(-20),
      status: 'done',
      completedAt: new Date(Date.now() - 21 * DAY),
    },
  ]);
  const [school] = await db
    .insert(schema.partnerInstitution)
    .values({ name: 'Szőlőskert Általános Iskola', partnerKind: 'school', country: 'HU' })
    .returning();
  schoolName = school!.name;
  await db.insert(schema.feedbackLetter).values([
    {
      conferenceId: intake.conf.id,
      partnerInstitutionId: school!.id,
      language: 'hu',
      subject: 'Visszajelzés',
      body: 'Köszönjük.',
      status: 'sent',
      sentAt: new Date(Date.now() - 195 * DAY),
      sentBy: world.users.organiser,
      createdBy: world.users.organiser,
    },
    {
      conferenceId: review.conf.id,
      partnerInstitutionId: school!.id,
      language: 'hu',
      subject: 'Piszkozat',
      body: 'Még nem ment el.',
      createdBy: world.users.organiser,
    },
  ]);
});

const as = (local: string) => signedIn(t.current.db, local);
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return {
    code: error.code,
    appCode: error.cause instanceof AppCodeError ? error.cause.appCode : undefined,
    message: error.message,
    text: JSON.stringify({ message: error.message, cause: error.cause }),
  };
}
const auditRows = (actorUserId: string) =>
  t.current.db
    .select()
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.action, 'conference.timeline.read'),
        eq(schema.auditLog.actorUserId, actorUserId),
      ),
    )
    .orderBy(asc(schema.auditLog.id));

describe('a case timeline', () => {
  it('gives the organiser every conference of the case of their agency, in time order, drafts last', async () => {
    const timeline = await (await as('organiser')).caseTimeline.get({ caseRef: CASE });
    expect(timeline.caseRef).toBe(CASE);
    expect(timeline.conferences.map((c) => c.id)).toEqual([ids.intake, ids.review, ids.booked, ids.draft]);
    expect(timeline.conferences.map((c) => [c.kind, c.status])).toEqual([
      ['case_conference', 'held'],
      ['care_plan_review', 'held'],
      ['care_plan_review', 'scheduled'],
      ['case_conference', 'draft'],
    ]);
    expect(timeline.conferences.every((c) => c.caseRef === CASE && c.agencyName === 'Welfare Centre')).toBe(
      true,
    );
    expect(timeline.conferences[3]!.startsAt).toBeNull();
  });

  it('shows the decisions, the action items with owner, agency, due date, status and overdue, and the letters sent', async () => {
    const timeline = await (await as('organiser')).caseTimeline.get({ caseRef: CASE });
    const intake = timeline.conferences.find((c) => c.id === ids.intake)!;
    expect(intake.decisions.map((d) => d.text)).toEqual([SECRET_DECISION]);
    expect(
      intake.actionItems.map((i) => ({
        title: i.title,
        owner: i.ownerName,
        agency: i.ownerAgencyName,
        dueOn: i.dueOn,
        status: i.status,
        overdue: i.overdue,
      })),
    ).toEqual([
      {
        title: 'Arrange a home visit',
        owner: 'Test organiser',
        agency: 'Welfare Centre',
        dueOn: isoDay(-20),
        status: 'done',
        overdue: false,
      },
      {
        title: 'Report attendance',
        owner: 'Test partner',
        agency: 'School',
        dueOn: isoDay(-10),
        status: 'open',
        overdue: true,
      },
    ]);
    expect(intake.letters).toHaveLength(1);
    expect(intake.letters[0]).toMatchObject({
      recipientName: schoolName,
      recipientKind: 'partner_institution',
      sentByName: 'Test organiser',
    });
    expect(intake.letters[0]!.sentAt).toBeInstanceOf(Date);
    // A draft letter is not a letter sent.
    expect(timeline.conferences.find((c) => c.id === ids.review)!.letters).toEqual([]);
  });

  it('says when the next care plan review is due (six months after the last one held) and that it is booked in time', async () => {
    const { nextReview } = await (await as('organiser')).caseTimeline.get({ caseRef: CASE });
    const heldOn = Temporal.Instant.fromEpochMilliseconds(reviewStartsAt.getTime())
      .toZonedDateTimeISO('Europe/Budapest')
      .toPlainDate();
    expect(nextReview).not.toBeNull();
    expect(nextReview!.lastConferenceId).toBe(ids.review);
    expect(nextReview!.lastHeldOn).toBe(heldOn.toString());
    expect(nextReview!.due!.dueBy).toBe(heldOn.add({ months: 6 }).toString());
    expect(nextReview!.due!.daysLeft).toBeGreaterThan(20);
    expect(nextReview!.booked).toMatchObject({ conferenceId: ids.booked, onTime: true });
  });

  it('shows a participant of another agency only the conferences they take part in', async () => {
    const timeline = await (await as('partner')).caseTimeline.get({ caseRef: CASE });
    expect(timeline.conferences.map((c) => c.id)).toEqual([ids.intake, ids.review]);
    // Nothing is booked that they may see: the due date stands alone.
    expect(timeline.nextReview!.booked).toBeNull();
    expect(timeline.nextReview!.due).not.toBeNull();
  });

  it('shows another centre that uses the same code only its own conference', async () => {
    const timeline = await (await as('other-organiser')).caseTimeline.get({ caseRef: CASE });
    expect(timeline.conferences.map((c) => c.id)).toEqual([ids.elsewhere]);
    expect(timeline.conferences[0]!.decisions).toEqual([]);
    expect(timeline.nextReview).toBeNull();
  });

  it('refuses a non-participant of another agency exactly as a case that does not exist, with no case content', async () => {
    const outsider = await as('organiser');
    const notYours = await refusal(outsider.caseTimeline.get({ caseRef: OTHER_CASE }));
    const nobodys = await refusal(outsider.caseTimeline.get({ caseRef: 'HU-TL-2026-0999' }));
    expect(notYours).toMatchObject({ code: 'NOT_FOUND', appCode: 'not_found' });
    expect(nobodys.message).toBe(notYours.message);
    expect(nobodys.code).toBe(notYours.code);
    for (const secret of [SECRET_TITLE, ids.otherCase, 'Other Welfare Centre']) {
      expect(notYours.text).not.toContain(secret);
    }
  });

  it('refuses the agency networker and coordinator (no participants) with NOT_FOUND, an administrator with FORBIDDEN', async () => {
    for (const who of ['networker', 'coordinator']) {
      expect((await refusal((await as(who)).caseTimeline.get({ caseRef: CASE }))).code, who).toBe(
        'NOT_FOUND',
      );
    }
    expect(await refusal((await as('admin')).caseTimeline.get({ caseRef: CASE }))).toMatchObject({
      code: 'FORBIDDEN',
      appCode: 'forbidden',
    });
  });

  it('refuses a case_ref that is not a case code with the field named', async () => {
    const error = await refusal((await as('organiser')).caseTimeline.get({ caseRef: 'Kiss Anna' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.text).toContain('case_ref');
  });

  it('writes an audit row per conference read, and a denied row for the case when refused', async () => {
    const partner = world.users.partner;
    const before = (await auditRows(partner)).length;
    await (await as('partner')).caseTimeline.get({ caseRef: CASE });
    const read = (await auditRows(partner)).slice(before);
    expect(read.map((r) => [r.outcome, r.resourceType, r.resourceId]).sort()).toEqual(
      [
        ['allowed', 'conference', ids.intake],
        ['allowed', 'conference', ids.review],
      ].sort(),
    );

    const organiser = world.users.organiser;
    const beforeDenied = (await auditRows(organiser)).length;
    await refusal((await as('organiser')).caseTimeline.get({ caseRef: OTHER_CASE }));
    await refusal((await as('organiser')).caseTimeline.get({ caseRef: 'HU-TL-2026-0999' }));
    const denied = (await auditRows(organiser)).slice(beforeDenied);
    expect(denied.map((r) => [r.outcome, r.resourceType, r.resourceId, r.details])).toEqual([
      ['denied', 'case', OTHER_CASE, { reason: 'not_permitted' }],
      ['denied', 'case', 'HU-TL-2026-0999', { reason: 'unknown' }],
    ]);
  });
});
