// Feedback letters through the router (draft, edit, mark sent, who may), the letter's PDF read back
// by pdf.js (an independent parser), and the organiser dashboard built on the same rows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { schema } from '@caremap/db';
import { useTestDatabase } from '@caremap/db/testing';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeWorld, PASSWORD } from '../../../test/fixtures';
import { readPdf } from '../../../test/read-pdf';
import { resolveSession } from '../../auth/session';
import { AppCodeError } from '../../errors';
import { feedbackLetterPdf } from './pdf';

const t = useTestDatabase();
const DAY = 86_400_000;
let world: Awaited<ReturnType<typeof makeWorld>>;
type Partner = typeof schema.partnerInstitution.$inferSelect;
let school: Partner;
let czech: Partner;
let held: typeof schema.conference.$inferSelect;

async function session(local: string) {
  const s = callerFor(
    t.current.db,
    `10.61.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
  );
  await (await s.caller()).auth.login({ email: `${local}@test.caremap.eu`, password: PASSWORD });
  const user = (await resolveSession(t.current.db, s.jar.token))!;
  return {
    caller: await s.caller(),
    pdf: (conferenceId: string, letterId: string) =>
      feedbackLetterPdf(
        {
          db: t.current.db,
          requestId: 'test',
          clientKey: '127.0.0.1',
          user,
          sessionToken: null,
          setSessionToken: () => {},
        },
        conferenceId,
        letterId,
      ),
  };
}

const appCodeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return {
    code: error.code,
    appCode: error.cause instanceof AppCodeError ? error.cause.appCode : undefined,
    message: error.message,
  };
};

async function conferenceAt(
  kind: 'case_conference' | 'care_plan_review' | 'signalling_meeting',
  days: number,
  caseRef: string | null,
  status: 'held' | 'scheduled' = 'held',
) {
  const startsAt = new Date(Date.now() + days * DAY);
  const [conf] = await t.current.db
    .insert(schema.conference)
    .values({
      kind,
      caseRef,
      title: `Secret title of ${caseRef ?? 'meeting'}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
      timezone: 'Europe/Budapest',
      status,
      organiserUserId: world.users.organiser,
      agencyId: world.agencies.welfare.id,
    })
    .returning();
  await t.current.db.insert(schema.conferenceParticipant).values([
    { conferenceId: conf!.id, userId: world.users.organiser, agencyId: world.agencies.welfare.id },
    { conferenceId: conf!.id, userId: world.users.partner, agencyId: world.agencies.school.id },
  ]);
  return conf!;
}

beforeAll(async () => {
  const db = t.current.db;
  world = await makeWorld(db);
  // The welfare centre's directory entry gives the letterhead its address.
  const [org] = await db
    .insert(schema.organization)
    .values({ name: 'Welfare Centre', description: 'd', email: 'info@welfare.example.org' })
    .returning();
  const [loc] = await db
    .insert(schema.location)
    .values({ organizationId: org!.id, latitude: 47.17, longitude: 20.18 })
    .returning();
  await db.insert(schema.address).values({
    locationId: loc!.id,
    address1: 'Kossuth Lajos út 7.',
    city: 'Szolnok',
    stateProvince: 'Jász-Nagykun-Szolnok',
    postalCode: '5000',
    country: 'HU',
  });
  await db
    .update(schema.agency)
    .set({ organizationId: org!.id })
    .where(eq(schema.agency.id, world.agencies.welfare.id));
  school = await db
    .insert(schema.partnerInstitution)
    .values({
      name: 'Szőlőskert Általános Iskola',
      partnerKind: 'school',
      agencyId: world.agencies.school.id,
      address: 'Iskola utca 3.',
      city: '5000 Szolnok',
      country: 'HU',
    })
    .returning()
    .then((rows) => rows[0]!);
  czech = await db
    .insert(schema.partnerInstitution)
    .values({
      name: 'Základní škola Třešť',
      partnerKind: 'school',
      address: 'Školní 12',
      city: '589 01 Třešť',
      country: 'CZ',
    })
    .returning()
    .then((rows) => rows[0]!);
  held = await conferenceAt('case_conference', -3, 'HU-TST-2026-0410');
  const [czechAgency] = await db
    .insert(schema.agency)
    .values({ name: 'ZŠ Třešť', kind: 'partner', country: 'CZ' })
    .returning();
  await db.insert(schema.conferenceParticipant).values({
    conferenceId: held.id,
    kind: 'contact',
    agencyId: czechAgency!.id,
    partnerInstitutionId: czech!.id,
    displayName: 'Mgr. Kontakt',
    email: 'kontakt@zs-trest.example.cz',
    preferredLanguage: 'cs',
  });
});

describe('feedback letters', () => {
  it('drafts letters to the participants’ institutions in their languages; the PDF is a letter on letterhead with the case_ref only', async () => {
    const organiser = await session('organiser');
    const listed = await organiser.caller.feedbackLetter.list({ conferenceId: held.id });
    expect(listed.canDraft).toBe(true);
    expect(listed.letters).toEqual([]);
    // The school (its agency's user takes part) and the Czech school (a contact of it takes part).
    expect(listed.recipients).toEqual(
      expect.arrayContaining([
        { kind: 'partner_institution', id: school.id, name: school.name, language: 'hu' },
        { kind: 'partner_institution', id: czech.id, name: czech.name, language: 'cs' },
      ]),
    );
    expect(listed.recipients).toHaveLength(2);

    const hu = await organiser.caller.feedbackLetter.draft({
      conferenceId: held.id,
      partnerInstitutionId: school.id,
      subject: 'Visszajelzés az esetkonferenciáról',
      body: 'Köszönjük a részvételt és az iskola beszámolóját.\n\nA következő felülvizsgálatig havonta tájékoztatást kérünk a hiányzásokról.',
    });
    expect(hu.language).toBe('hu');
    expect(hu.pdfPath).toBe(`/api/conferences/${held.id}/letters/${hu.id}.pdf`);
    const cs = await organiser.caller.feedbackLetter.draft({
      conferenceId: held.id,
      partnerInstitutionId: czech.id,
      subject: 'Zpětná vazba k případové konferenci',
      body: 'Děkujeme za účast a za zprávu školy.\n\nProsíme o měsíční informace o docházce.',
    });
    expect(cs.language).toBe('cs');

    const huPdf = await readPdf((await organiser.pdf(held.id, hu.id)).pdf);
    const huLines = huPdf.text.split('\n');
    for (const line of [
      'Welfare Centre',
      'Szőlőskert Általános Iskola',
      'Ügyszám: HU-TST-2026-0410',
      'Tárgy: Visszajelzés az esetkonferenciáról',
      'Üdvözlettel:',
      'Test organiser',
      'esetmenedzser',
    ]) {
      expect(huLines).toContain(line);
    }
    expect(huPdf.text).toContain('Kossuth Lajos út 7.');
    expect(huPdf.text).toContain('Köszönjük a részvételt és az iskola beszámolóját.');
    expect(huPdf.text).toContain('havonta tájékoztatást kérünk');
    expect(huPdf.text).not.toContain('Secret title');
    expect(huPdf.pages.every((p) => p.notdefGlyphs === 0)).toBe(true);

    const csRendered = await organiser.pdf(held.id, cs.id);
    const csPdf = await readPdf(csRendered.pdf);
    expect(csPdf.text).toContain('Věc: Zpětná vazba k případové konferenci');
    expect(csPdf.text).toContain('Základní škola Třešť');
    expect(csPdf.text).toContain('S pozdravem');
    expect(csPdf.text).toContain('HU-TST-2026-0410');
    expect(csPdf.text).not.toContain('Secret title');
    expect(csRendered.fileName).toBe('HU-TST-2026-0410-cs.pdf');

    // For looking at: pdftoppm -png -r 60 (see the report).
    mkdirSync('/tmp/shots-letters2', { recursive: true });
    writeFileSync('/tmp/shots-letters2/letter-hu.pdf', (await organiser.pdf(held.id, hu.id)).pdf);
    writeFileSync('/tmp/shots-letters2/letter-cs.pdf', csRendered.pdf);

    // A letter id under another conference's path is unknown.
    expect((await appCodeOf(organiser.pdf(world.conference.id, hu.id))).code).toBe('NOT_FOUND');
    const reads = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.action, 'conference.letter.pdf'), eq(schema.auditLog.resourceId, held.id)),
      );
    expect(reads.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a recipient outside the conference and an empty subject, naming the field', async () => {
    const organiser = await session('organiser');
    const [stranger] = await t.current.db
      .insert(schema.partnerInstitution)
      .values({ name: 'Unrelated School', partnerKind: 'school', country: 'HU' })
      .returning();
    const outside = await appCodeOf(
      organiser.caller.feedbackLetter.draft({
        conferenceId: held.id,
        partnerInstitutionId: stranger!.id,
        subject: 'S',
        body: 'B',
      }),
    );
    expect(outside).toMatchObject({ code: 'BAD_REQUEST', appCode: 'unknown_reference' });
    expect(outside.message).toContain('partnerInstitutionId');
    const empty = await appCodeOf(
      organiser.caller.feedbackLetter.draft({
        conferenceId: held.id,
        partnerInstitutionId: school.id,
        subject: '  ',
        body: 'B',
      }),
    );
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toContain('subject: must not be empty');
    const both = await appCodeOf(
      organiser.caller.feedbackLetter.draft({
        conferenceId: held.id,
        partnerInstitutionId: school.id,
        organizationId: school.id,
        subject: 'S',
        body: 'B',
      }),
    );
    expect(both.message).toContain('recipient: choose exactly one');
  });

  it('lets participants read and download, the agency’s organisers write, and nobody else see a thing', async () => {
    const organiser = await session('organiser');
    const partner = await session('partner');
    const colleague = await session('colleague');
    const stranger = await session('other-organiser');
    const { letters } = await organiser.caller.feedbackLetter.list({ conferenceId: held.id });
    const letter = letters[0]!;

    // The partner takes part: reads the list and the PDF, but writes nothing.
    const seen = await partner.caller.feedbackLetter.list({ conferenceId: held.id });
    expect(seen.canEdit).toBe(false);
    expect(seen.letters.map((l) => l.id)).toContain(letter.id);
    expect((await partner.pdf(held.id, letter.id)).pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await appCodeOf(partner.caller.feedbackLetter.markSent({ letterId: letter.id }))).code).toBe(
      'FORBIDDEN',
    );
    // A colleague at the responsible agency (not a participant) may write.
    expect((await colleague.caller.feedbackLetter.list({ conferenceId: held.id })).canEdit).toBe(true);
    // Another agency's organiser: NOT_FOUND everywhere, as if the conference did not exist.
    expect((await appCodeOf(stranger.caller.feedbackLetter.list({ conferenceId: held.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await appCodeOf(stranger.caller.feedbackLetter.markSent({ letterId: letter.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await appCodeOf(stranger.caller.feedbackLetter.edit({ letterId: letter.id, subject: 'X' }))).code,
    ).toBe('NOT_FOUND');
    expect((await appCodeOf(stranger.pdf(held.id, letter.id))).code).toBe('NOT_FOUND');
    const denied = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resourceId, held.id), eq(schema.auditLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('edits a draft, records it as sent once (who and when), and keeps a sent letter as it was', async () => {
    const organiser = await session('organiser');
    const { letters } = await organiser.caller.feedbackLetter.list({ conferenceId: held.id });
    const letter = letters.find((l) => l.language === 'hu')!;
    await organiser.caller.feedbackLetter.edit({ letterId: letter.id, subject: 'Visszajelzés – javított' });
    const sent = await organiser.caller.feedbackLetter.markSent({ letterId: letter.id });
    expect(Math.abs(sent.sentAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [row] = await t.current.db
      .select()
      .from(schema.feedbackLetter)
      .where(eq(schema.feedbackLetter.id, letter.id));
    expect(row).toMatchObject({
      status: 'sent',
      sentBy: world.users.organiser,
      subject: 'Visszajelzés – javított',
    });
    expect(await appCodeOf(organiser.caller.feedbackLetter.markSent({ letterId: letter.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      appCode: 'invalid_state',
    });
    expect(
      await appCodeOf(
        organiser.caller.feedbackLetter.edit({ letterId: letter.id, body: 'Changed afterwards' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', appCode: 'invalid_state' });
    const [after] = await t.current.db
      .select()
      .from(schema.feedbackLetter)
      .where(eq(schema.feedbackLetter.id, letter.id));
    expect(after!.body).toBe(row!.body);
    const listed = await organiser.caller.feedbackLetter.list({ conferenceId: held.id });
    expect(listed.letters.find((l) => l.id === letter.id)).toMatchObject({
      status: 'sent',
      sentByName: 'Test organiser',
    });
  });
});

describe('organiser dashboard', () => {
  it('lists overdue and soon-due reviews, a due signalling meeting and conferences without a sent letter', async () => {
    // A review held seven months ago: overdue. One held 5.5 months ago: due soon. One held 5.5
    // months ago whose next review is booked before the due date: on track, not listed.
    await conferenceAt('care_plan_review', -213, 'HU-REV-2026-0001');
    await conferenceAt('care_plan_review', -168, 'HU-REV-2026-0002');
    await conferenceAt('care_plan_review', -168, 'HU-REV-2026-0003');
    await conferenceAt('care_plan_review', 5, 'HU-REV-2026-0003', 'scheduled');
    // Signalling meeting seven weeks ago, none booked since: due within a fortnight.
    await conferenceAt('signalling_meeting', -49, null);
    const unsentCase = await conferenceAt('case_conference', -10, 'HU-TST-2026-0420');

    const organiser = await session('organiser');
    const board = await organiser.caller.conference.dashboard();
    const review = (ref: string) => board.reviews.find((r) => r.caseRef === ref);
    expect(review('HU-REV-2026-0001')).toMatchObject({ status: 'overdue' });
    expect(review('HU-REV-2026-0001')!.daysLeft).toBeLessThan(0);
    expect(review('HU-REV-2026-0002')).toMatchObject({ status: 'due_soon' });
    expect(review('HU-REV-2026-0002')!.daysLeft).toBeGreaterThanOrEqual(0);
    expect(review('HU-REV-2026-0003')).toBeUndefined();
    expect(board.signalling).toHaveLength(1);
    expect(board.signalling[0]).toMatchObject({ status: 'due_soon', agencyName: 'Welfare Centre' });
    // The held conference whose Hungarian letter went out has a sent letter: not listed; the
    // other held one and the reviews held long ago have none.
    const unsent = board.unsentLetters.map((u) => u.caseRef);
    expect(unsent).toContain('HU-TST-2026-0420');
    expect(unsent).toContain('HU-REV-2026-0001');
    expect(unsent).not.toContain('HU-TST-2026-0410');
    // Future conferences and signalling meetings owe no letter yet.
    expect(unsent).not.toContain('HU-TST-2026-0001');

    // Sending a letter for the other one takes it off the list.
    const { recipients } = await organiser.caller.feedbackLetter.list({ conferenceId: unsentCase.id });
    const draft = await organiser.caller.feedbackLetter.draft({
      conferenceId: unsentCase.id,
      partnerInstitutionId: recipients[0]!.id,
      subject: 'Visszajelzés',
      body: 'Köszönjük.',
    });
    expect(
      (await organiser.caller.conference.dashboard()).unsentLetters.find(
        (u) => u.caseRef === 'HU-TST-2026-0420',
      ),
    ).toMatchObject({ drafts: 1 });
    await organiser.caller.feedbackLetter.markSent({ letterId: draft.id });
    expect((await organiser.caller.conference.dashboard()).unsentLetters.map((u) => u.caseRef)).not.toContain(
      'HU-TST-2026-0420',
    );

    // Another agency's organiser sees none of it; the partner may not open the dashboard at all.
    const stranger = await session('other-organiser');
    const theirs = await stranger.caller.conference.dashboard();
    expect([...theirs.reviews, ...theirs.signalling, ...theirs.unsentLetters]).toEqual([]);
    const partner = await session('partner');
    expect((await appCodeOf(partner.caller.conference.dashboard())).code).toBe('FORBIDDEN');
    const audited = await t.current.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.action, 'conference.dashboard'),
          eq(schema.auditLog.actorUserId, world.users.organiser),
        ),
      );
    expect(audited.length).toBeGreaterThan(0);
  });
});
