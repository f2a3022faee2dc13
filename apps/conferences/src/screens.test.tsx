import type { RouterOutputs, SessionUser } from '@caremap/api-client';
import { FakeApiError, type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { changeLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';

const t = setupReactRoot();

const AGENCY = '11111111-1111-4111-8111-111111111111';
const POLICE = '22222222-2222-4222-8222-222222222222';
const ROOM = '33333333-3333-4333-8333-333333333333';
const CONF = '44444444-4444-4444-8444-444444444444';
const ORGANISER_ID = '55555555-5555-4555-8555-555555555555';
const COLLEAGUE_ID = '66666666-6666-4666-8666-666666666666';
const TOKEN = 'A'.repeat(43);

const organiser: SessionUser = {
  id: ORGANISER_ID,
  email: 'organiser@demo.caremap.eu',
  displayName: 'Kovács Éva',
  locale: 'hu',
  roles: [{ role: 'organiser', agencyId: AGENCY, agencyName: 'Gyermekjóléti Központ' }],
};

const options: RouterOutputs['conference']['options'] = {
  organiserAgencyIds: [AGENCY],
  agencies: [
    { id: AGENCY, name: 'Gyermekjóléti Központ', kind: 'child_welfare_centre' as never, country: 'HU' },
    { id: POLICE, name: 'Rendőrkapitányság', kind: 'police' as never, country: 'HU' },
  ],
  rooms: [{ id: ROOM, agencyId: AGENCY, name: 'Nagy tárgyaló', capacity: 14 }],
  users: [
    { id: ORGANISER_ID, displayName: 'Kovács Éva', locale: 'hu', agencyIds: [AGENCY] },
    { id: COLLEAGUE_ID, displayName: 'Nagy Anna', locale: 'hu', agencyIds: [POLICE] },
  ],
  partnerInstitutions: [],
};

type Detail = RouterOutputs['conference']['get'];
const participant = (over: Partial<Detail['participants'][number]>): Detail['participants'][number] => ({
  id: 'p1',
  kind: 'user',
  userId: ORGANISER_ID,
  displayName: 'Kovács Éva',
  agencyId: AGENCY,
  agencyName: 'Gyermekjóléti Központ',
  attendance: 'required',
  role: 'chair',
  preferredLanguage: 'hu',
  partstat: 'needs_action',
  respondedAt: null,
  ...over,
});
const draft: Detail = {
  id: CONF,
  kind: 'case_conference',
  caseRef: 'HU-SZO-2026-0142',
  title: 'Iskolai hiányzások',
  status: 'draft',
  startsAt: null,
  endsAt: null,
  timezone: 'Europe/Istanbul',
  durationMinutes: 90,
  scheduleBy: new Date('2026-12-20T22:59:00Z'),
  icalUid: 'uid@caremap',
  sequence: 0,
  online: false,
  locationNote: null,
  room: null,
  candidateRoomIds: [ROOM],
  quorum: [],
  interpreterRequired: false,
  agency: { id: AGENCY, name: 'Gyermekjóléti Központ' },
  organiser: { userId: ORGANISER_ID, displayName: 'Kovács Éva' },
  canEdit: true,
  participants: [
    participant({}),
    participant({
      id: 'p2',
      userId: null,
      kind: 'external',
      displayName: 'Szabó Béla',
      attendance: 'optional',
      role: 'family',
      agencyId: null,
      agencyName: null,
    }),
  ],
};
const scheduled: Detail = {
  ...draft,
  status: 'scheduled',
  startsAt: new Date('2026-12-09T07:00:00Z'),
  endsAt: new Date('2026-12-09T08:30:00Z'),
  room: { id: ROOM, name: 'Nagy tárgyaló', capacity: 14 },
  participants: [participant({ partstat: 'accepted' }), { ...draft.participants[1]!, partstat: 'declined' }],
};
const proposal = (day: number, absent: string[] = []) => ({
  startsAt: new Date(Date.UTC(2026, 11, day, 7, 0)),
  endsAt: new Date(Date.UTC(2026, 11, day, 8, 30)),
  roomId: ROOM,
  roomName: 'Nagy tárgyaló',
  absentOptional: absent,
  ifNeedBe: [] as string[],
  score: absent.length ? 0 : 1,
});
const window_ = { from: new Date('2026-12-03T00:00:00Z'), to: new Date('2026-12-20T00:00:00Z') };

async function open(path: string, handlers: FakeHandlers) {
  window.history.pushState({}, '', path);
  const api = fakeApi({ 'auth.me': () => ({ user: organiser }), ...handlers });
  vi.stubGlobal('fetch', api);
  t.root.render(<App />);
  return api;
}

/** Types into a React-controlled field as a user would (the native setter, then an input event). */
function type(el: Element, value: string) {
  const proto =
    el instanceof HTMLSelectElement
      ? HTMLSelectElement.prototype
      : el instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
const byLabel = (text: string) => {
  const label = [...t.container.querySelectorAll('label')].find((l) => l.textContent === text);
  if (!label) throw new Error(`no label ${text}`);
  return document.getElementById(label.htmlFor)!;
};
const button = (name: string) => {
  const b = [...t.container.querySelectorAll('button')].find(
    (x) => (x.getAttribute('aria-label') ?? x.textContent) === name,
  );
  if (!b) throw new Error(`no button ${name}`);
  return b;
};

describe('new conference', () => {
  it('refuses a name as case code next to the field, in Hungarian, without calling the API', async () => {
    await changeLanguage('hu');
    const api = await open('/conferences/new', { 'conference.options': () => options });
    await vi.waitFor(() => expect(t.container.querySelector('#conf-case-ref')).not.toBeNull());
    expect(t.container.textContent).toContain('Soha ne írja be gyermek');
    type(byLabel('Ügyazonosító'), 'Kiss Péter');
    type(byLabel('Cím'), 'Iskolai hiányzások');
    button('Létrehozás és időpontkeresés').click();
    await vi.waitFor(() => expect(t.container.querySelector('#conf-case-ref-error')).not.toBeNull());
    expect(t.container.querySelector('#conf-case-ref-error')!.textContent).toContain('soha ne nevet');
    expect(t.container.querySelector('#conf-case-ref')!.getAttribute('aria-invalid')).toBe('true');
    // No room and not online: said next to the rooms.
    expect(t.container.querySelector('#conf-rooms-error')!.textContent).toContain('legalább egy termet');
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).not.toContain('conference.create');
  });

  it('sends participants from two agencies, an external person and a quorum rule, then opens the conference', async () => {
    await changeLanguage('en');
    const created: unknown[] = [];
    await open('/conferences/new', {
      'conference.options': () => options,
      'conference.create': (input) => {
        created.push(input);
        return { id: CONF, participantIds: ['p1', 'p2', 'p3'] } as never;
      },
      'conference.get': () => draft,
      'conference.propose': () => ({ proposals: [proposal(9), proposal(10), proposal(11)], window: window_ }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('#conf-case-ref')).not.toBeNull());
    type(byLabel('Case code'), 'hu-szo-2026-0142');
    type(byLabel('Title'), 'School absences');
    button('Add a CareMap user').click();
    await vi.waitFor(() => expect(t.container.querySelectorAll('.conf-row')).toHaveLength(2));
    type(t.container.querySelectorAll('.conf-row')[1]!.querySelector('select')!, COLLEAGUE_ID);
    button('Add an external person').click();
    await vi.waitFor(() => expect(t.container.querySelectorAll('.conf-row')).toHaveLength(3));
    const ext = t.container.querySelectorAll('.conf-row')[2]!;
    type(ext.querySelector('input')!, 'Szabó Béla');
    type(ext.querySelector('input[type="email"]')!, 'bela@example.org');
    button('At least N from an agency').click();
    await vi.waitFor(() => expect(t.container.querySelector('[id^="q"][id$="-agency"]')).not.toBeNull());
    type(t.container.querySelector('[id^="q"][id$="-agency"]')!, POLICE);
    (t.container.querySelector('.conf-check input') as HTMLInputElement).click(); // the room
    button('Create and find a time').click();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      caseRef: 'HU-SZO-2026-0142',
      agencyId: AGENCY,
      candidateRoomIds: [ROOM],
      quorum: [{ kind: 'agency', agencyId: POLICE, atLeast: 1 }],
      participants: [
        { kind: 'user', userId: ORGANISER_ID, role: 'chair' },
        { kind: 'user', userId: COLLEAGUE_ID, agencyId: POLICE },
        { kind: 'external', displayName: 'Szabó Béla', email: 'bela@example.org' },
      ],
    });
    await vi.waitFor(() => expect(window.location.pathname).toBe(`/conferences/${CONF}`));
    await vi.waitFor(() => expect(t.container.querySelectorAll('.conf-proposal')).toHaveLength(3));
  });
});

describe('find a time', () => {
  it("shows ranked proposals on the conference clock and the viewer's, who is absent, and books one", async () => {
    await changeLanguage('en');
    let booked: unknown;
    let current: Detail = draft;
    await open(`/conferences/${CONF}`, {
      'conference.get': () => current,
      'conference.propose': () => ({
        proposals: [proposal(9), proposal(10, ['p2']), proposal(11)],
        window: window_,
      }),
      'conference.book': (input) => {
        booked = input;
        current = scheduled;
        return {
          status: 'scheduled',
          sequence: 0,
          messages: 2,
          startsAt: scheduled.startsAt!,
          endsAt: scheduled.endsAt!,
        } as never;
      },
    });
    await vi.waitFor(() => expect(t.container.querySelectorAll('.conf-proposal')).toHaveLength(3));
    const [first, second] = t.container.querySelectorAll('.conf-proposal');
    // 07:00 UTC is 10:00 in Istanbul (the conference's zone); the viewer's zone (UTC here) is also shown.
    expect(first!.querySelector('time')!.textContent).toMatch(/10:00/);
    expect(first!.textContent).toContain('Europe/Istanbul');
    expect(first!.textContent).toMatch(/Your time \(UTC\).*07:00/);
    expect(first!.textContent).toContain('Nagy tárgyaló');
    expect(second!.textContent).toContain('Cannot come (optional): Szabó Béla');
    (t.container.querySelectorAll('.conf-proposal')[1]!.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(booked).toEqual({ conferenceId: CONF, startsAt: proposal(10).startsAt, roomId: ROOM }),
    );
    await vi.waitFor(() => expect(t.container.textContent).toContain('Participants and their answers'));
  });

  it('explains in plain words why nothing fits and what would help', async () => {
    await changeLanguage('en');
    await open(`/conferences/${CONF}`, {
      'conference.get': () => ({
        ...draft,
        participants: [
          ...draft.participants,
          participant({
            id: 'p3',
            displayName: 'Nagy Anna',
            agencyId: POLICE,
            agencyName: 'Rendőrkapitányság',
          }),
        ],
      }),
      'conference.propose': () => ({
        proposals: [],
        window: window_,
        explanation: {
          blockers: [{ kind: 'agency_quorum', agencyId: POLICE, needed: 1, bestAvailable: 0 }],
          relaxations: [
            { kind: 'extend_deadline', days: 7, proposals: 3 },
            { kind: 'make_optional', participantId: 'p3', proposals: 4 },
          ],
        },
      }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('.conf-explain')).not.toBeNull());
    const text = t.container.querySelector('.conf-explain')!.textContent!;
    expect(text).toContain('No time fits all the rules');
    expect(text).toContain('Rendőrkapitányság: 1 needed, at most 0 free together.');
    expect(text).toContain('Move the deadline 7 days later: 3 proposals.');
    expect(text).toContain('Make Nagy Anna optional: 4 proposals.');
    expect(t.container.querySelector('.conf-proposal')).toBeNull();
  });

  it('says clearly when someone else booked the time first, and shows the fresh proposals', async () => {
    await changeLanguage('tr');
    await open(`/conferences/${CONF}`, {
      'conference.get': () => draft,
      'conference.propose': () => ({ proposals: [proposal(9), proposal(10), proposal(11)], window: window_ }),
      'conference.book': () => {
        throw new FakeApiError('CONFLICT', 409, {
          appCode: 'booking_conflict',
          details: { clashes: [], proposals: [proposal(14), proposal(15), proposal(16)] },
        });
      },
    });
    await vi.waitFor(() => expect(t.container.querySelectorAll('.conf-proposal')).toHaveLength(3));
    expect(t.container.querySelector('.conf-proposal button')!.textContent).toBe('Bu zamanı ayır');
    (t.container.querySelector('.conf-proposal button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(t.container.querySelector('.conf-conflict')).not.toBeNull());
    expect(t.container.querySelector('.conf-conflict')!.textContent).toContain(
      'Biri bu zamanı az önce ayırdı',
    );
    const times = [...t.container.querySelectorAll('.conf-proposal time')].map((x) =>
      x.getAttribute('datetime'),
    );
    expect(times).toEqual([proposal(14), proposal(15), proposal(16)].map((p) => p.startsAt.toISOString()));
  });
});

describe('conference detail', () => {
  it('shows time, room and each answer, and cancels only after confirming', async () => {
    await changeLanguage('en');
    let cancelled = 0;
    await open(`/conferences/${CONF}`, {
      'conference.get': () => (cancelled ? { ...scheduled, status: 'cancelled' } : scheduled),
      'conference.cancel': () => {
        cancelled += 1;
        return { status: 'cancelled', messages: 2 } as never;
      },
    });
    await vi.waitFor(() => expect(t.container.textContent).toContain('Participants and their answers'));
    expect(t.container.querySelector('.conf-facts time')!.textContent).toMatch(/10:00/);
    expect(t.container.querySelector('.conf-facts')!.textContent).toContain('Nagy tárgyaló');
    const people = [...t.container.querySelectorAll('.conf-person')].map((p) => p.textContent);
    expect(people[0]).toContain('Accepted');
    expect(people[1]).toContain('Declined');
    button('Cancel the conference').click();
    await vi.waitFor(() => expect(t.container.querySelector('[role="alertdialog"]')).not.toBeNull());
    expect(document.activeElement?.textContent).toBe('No, keep it');
    button('No, keep it').click();
    await vi.waitFor(() => expect(t.container.querySelector('[role="alertdialog"]')).toBeNull());
    expect(cancelled).toBe(0);
    button('Cancel the conference').click();
    await vi.waitFor(() => expect(t.container.querySelector('[role="alertdialog"]')).not.toBeNull());
    button('Yes, cancel it').click();
    await vi.waitFor(() => expect(t.container.textContent).toContain('This conference was cancelled'));
    expect(cancelled).toBe(1);
  });

  it('is read-only for a participant who does not organise it', async () => {
    await changeLanguage('en');
    await open(`/conferences/${CONF}`, { 'conference.get': () => ({ ...scheduled, canEdit: false }) });
    await vi.waitFor(() => expect(t.container.textContent).toContain('Only the organisers can change'));
    expect(t.container.textContent).not.toContain('Reschedule');
    expect(t.container.textContent).not.toContain('Cancel the conference');
  });
});

describe('outbox', () => {
  it("lists each e-mail with language, status and attempts, and shows a kept one's text and .ics", async () => {
    await changeLanguage('en');
    await open('/conferences/outbox', {
      'conference.outbox': () => ({
        total: 1,
        items: [
          {
            id: 'm1234567',
            conferenceId: CONF,
            recipientAddress: 'family@example.org',
            recipientLanguage: 'tr',
            subject: 'Davet: HU-SZO-2026-0142',
            textBody: 'Ne zaman: ...',
            ics: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR',
            icsMethod: 'REQUEST',
            status: 'sent',
            transport: 'local',
            attempts: 1,
            nextAttemptAt: new Date('2026-12-02T06:00:00Z'),
            lastError: null,
            sentAt: new Date('2026-12-02T06:00:00Z'),
            messageId: '<x@caremap>',
            createdAt: new Date('2026-12-02T06:00:00Z'),
          },
        ],
      }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('.conf-mail')).not.toBeNull());
    const mail = t.container.querySelector('.conf-mail')!;
    expect(mail.textContent).toContain('Davet: HU-SZO-2026-0142');
    expect(mail.textContent).toContain('Türkçe');
    expect(mail.textContent).toContain('Sent');
    expect(mail.textContent).toContain('kept in the local outbox');
    expect(mail.querySelector('.conf-ics')!.textContent).toContain('METHOD:REQUEST');
    expect(mail.querySelectorAll('summary')).toHaveLength(2);
  });

  it('says so when there is nothing in it', async () => {
    await changeLanguage('hu');
    await open('/conferences/outbox', { 'conference.outbox': () => ({ total: 0, items: [] }) });
    await vi.waitFor(() => expect(t.container.querySelector('h2')?.textContent).toBe('Még nincs e-mail'));
  });
});

describe('respond page (no sign-in)', () => {
  it('tells a visitor with a malformed link so in their language, asking the API nothing', async () => {
    await changeLanguage('tr');
    const api = await open('/conferences/respond?token=nonsense', { 'auth.me': () => ({ user: null }) });
    await vi.waitFor(() =>
      expect(t.container.querySelector('h1')?.textContent).toBe('Bu davet bağlantısı çalışmıyor'),
    );
    expect(api.calls).not.toContain('invitation.respond');
    expect(t.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('changes nothing on opening; the button answers, then shows the logistics', async () => {
    await changeLanguage('en');
    const answers: unknown[] = [];
    const api = await open(`/conferences/respond?token=${TOKEN}&response=accepted`, {
      'auth.me': () => ({ user: null }),
      'invitation.respond': (input) => {
        answers.push(input);
        return {
          partstat: input.response,
          conference: {
            kind: 'case_conference',
            caseRef: 'HU-SZO-2026-0142',
            startsAt: scheduled.startsAt!,
            endsAt: scheduled.endsAt!,
            timezone: 'Europe/Budapest',
          },
        };
      },
    });
    await vi.waitFor(() => expect(t.container.textContent).toContain('In the e-mail you chose: Accept'));
    expect(api.calls).not.toContain('invitation.respond');
    button('Maybe').click();
    await vi.waitFor(() => expect(t.container.textContent).toContain('Thank you. Your answer: Tentative'));
    expect(answers).toEqual([{ token: TOKEN, response: 'tentative' }]);
    expect(t.container.textContent).toContain('HU-SZO-2026-0142');
    expect(t.container.querySelector('time')!.textContent).toMatch(/08:00/);
  });

  it('shows a clear page, not an error, for an expired or replaced link', async () => {
    await changeLanguage('hu');
    await open(`/conferences/respond?token=${TOKEN}`, {
      'auth.me': () => ({ user: null }),
      'invitation.respond': () => {
        throw new FakeApiError('BAD_REQUEST', 400, { appCode: 'invitation_expired' });
      },
    });
    await vi.waitFor(() => expect(t.container.querySelector('button')).not.toBeNull());
    button('Elutasítom').click();
    await vi.waitFor(() => expect(t.container.querySelector('h1')?.textContent).toBe('Ez a meghívó lejárt'));
  });
});
