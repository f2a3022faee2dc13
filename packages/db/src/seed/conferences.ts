// A handful of conferences in the weeks after `now`, so the conferences screen has something to show.
// Case codes are pseudonymous (CareMap never stores a child's name). The demo organiser and partner
// take part in some; the coordinator in none, so their screen shows the empty state.
import type { conference, conferenceParticipant, room } from '../schema/conference';
import type { feedbackLetter } from '../schema/conference-outreach';
import type { actionItem, conferenceDecision } from '../schema/meeting-record';
import { agencyId, userId } from './network';
import { seedId } from './random';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface ConferenceData {
  room: Insert<typeof room>[];
  conference: Insert<typeof conference>[];
  conferenceParticipant: Insert<typeof conferenceParticipant>[];
  conferenceDecision: Insert<typeof conferenceDecision>[];
  actionItem: Insert<typeof actionItem>[];
  feedbackLetter: Insert<typeof feedbackLetter>[];
}

/** Wall-clock parts of an instant in a time zone. */
function partsIn(date: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** The instant when the clocks in `timeZone` show the given local date and time (DST-aware). */
export function zonedTime(y: number, m: number, d: number, h: number, min: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d, h, min);
  let t = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(t), timeZone);
    t += wall - Date.UTC(p.y, p.m - 1, p.d, p.h, p.min);
  }
  return new Date(t);
}

/** Local date `days` after now's local date in `timeZone`, moved forward off weekends. */
function workday(now: Date, days: number, timeZone: string): { y: number; m: number; d: number } {
  const p = partsIn(now, timeZone);
  const date = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6)
    date.setUTCDate(date.getUTCDate() + (days < 0 ? -1 : 1));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

interface Plan {
  key: string;
  kind: Insert<typeof conference>['kind'];
  caseNo: string | null;
  title: string;
  days: number;
  at: [number, number];
  minutes: number;
  organiser: 'organiser' | 'organiser.cz';
  participants: ('organiser' | 'partner' | 'organiser.cz' | 'networker')[];
  status?: 'held';
  /** A earlier meeting of another plan's case: the same case_ref (its year is that plan's). */
  caseOf?: string;
}

const BUDAPEST = 'Europe/Budapest';
const PRAGUE = 'Europe/Prague';

const PLANS: Plan[] = [
  {
    key: 'hu-1',
    kind: 'case_conference',
    caseNo: 'HU-SZO-{y}-0142',
    title: 'Esetkonferencia – iskolai hiányzások',
    days: 2,
    at: [10, 0],
    minutes: 90,
    organiser: 'organiser',
    participants: ['organiser', 'partner'],
  },
  {
    key: 'hu-2',
    kind: 'case_discussion',
    caseNo: 'HU-SZO-{y}-0163',
    title: 'Heti esetmegbeszélés',
    days: 3,
    at: [9, 0],
    minutes: 60,
    organiser: 'organiser',
    participants: ['organiser'],
  },
  {
    key: 'hu-3',
    kind: 'family_conference',
    caseNo: 'HU-SZO-{y}-0157',
    title: 'Családi döntéshozó konferencia',
    days: 6,
    at: [14, 0],
    minutes: 150,
    organiser: 'organiser',
    participants: ['organiser'],
  },
  {
    key: 'hu-4',
    kind: 'care_plan_review',
    caseNo: 'HU-SZO-{y}-0098',
    title: 'Gondozási terv féléves felülvizsgálata',
    days: 9,
    at: [9, 30],
    minutes: 60,
    organiser: 'organiser',
    participants: ['organiser', 'partner'],
  },
  {
    key: 'hu-5',
    kind: 'signalling_meeting',
    caseNo: null,
    title: 'Jelzőrendszeri ülés – Szolnok',
    days: 13,
    at: [13, 0],
    minutes: 120,
    organiser: 'organiser',
    participants: ['organiser', 'partner'],
  },
  {
    key: 'hu-6',
    kind: 'case_conference',
    caseNo: 'HU-SZO-{y}-0171',
    title: 'Esetkonferencia – védelembe vétel előkészítése',
    days: 20,
    at: [10, 30],
    minutes: 90,
    organiser: 'organiser',
    participants: ['organiser'],
  },
  {
    key: 'hu-7',
    kind: 'care_plan_review',
    caseNo: 'HU-SZO-{y}-0121',
    title: 'Gondozási terv felülvizsgálata',
    days: -12,
    at: [11, 0],
    minutes: 60,
    organiser: 'organiser',
    participants: ['organiser', 'partner'],
    status: 'held',
  },
  {
    key: 'cz-1',
    kind: 'case_conference',
    caseNo: 'CZ-JI-{y}-0031',
    title: 'Případová konference – podpora rodiny',
    days: 8,
    at: [13, 30],
    minutes: 90,
    organiser: 'organiser.cz',
    participants: ['organiser.cz', 'networker'],
  },
  // The history of case 0098 (reviewed again in nine days), so its timeline has a past: the case
  // conference that made the care plan and the review held since. Both have their record and the
  // feedback letter sent to the school (see HISTORY below).
  {
    key: 'hu-4-intake',
    kind: 'case_conference',
    caseNo: null,
    caseOf: 'hu-4',
    title: 'Esetkonferencia – gondozási terv készítése',
    days: -200,
    at: [10, 0],
    minutes: 90,
    organiser: 'organiser',
    participants: ['organiser', 'partner'],
    status: 'held',
  },
  {
    key: 'hu-4-review',
    kind: 'care_plan_review',
    caseNo: null,
    caseOf: 'hu-4',
    title: 'Gondozási terv felülvizsgálata',
    days: -160,
    at: [9, 30],
    minutes: 60,
    organiser: 'organiser',
    participants: ['organiser', 'partner'],
    status: 'held',
  },
];

/** Decisions and action items of the held history meetings; the school gets a letter after each. */
const HISTORY: Array<{
  plan: string;
  decision: string;
  items: Array<{ title: string; owner: 'organiser' | 'partner'; dueDays: number; done: boolean }>;
}> = [
  {
    plan: 'hu-4-intake',
    decision: 'Gondozási terv készül; az iskola havonta jelez a hiányzásokról.',
    items: [
      { title: 'Családlátogatás megszervezése', owner: 'organiser', dueDays: -185, done: true },
      { title: 'Havi jelzés a hiányzásokról', owner: 'partner', dueDays: 20, done: false },
    ],
  },
  {
    plan: 'hu-4-review',
    decision: 'A gondozási terv változatlanul folytatódik.',
    items: [{ title: 'Iskolapszichológusi konzultáció', owner: 'partner', dueDays: -130, done: true }],
  },
];

const AGENCY_OF: Record<string, string> = {
  organiser: 'cwc:HU-JN',
  partner: 'partner:HU-JN:school',
  'organiser.cz': 'ospod:6105',
  networker: 'local-network:CZ-63',
};

/** `schoolInstitutionId`: the partner institution of the demo partner's school (the letters' recipient). */
export function generateConferences(now: Date, schoolInstitutionId?: string): ConferenceData {
  const d: ConferenceData = {
    room: [],
    conference: [],
    conferenceParticipant: [],
    conferenceDecision: [],
    actionItem: [],
    feedbackLetter: [],
  };
  const caseRefs = new Map<string, string | null>();
  // Meeting rooms of the two organisers' agencies, so a new conference has rooms to propose.
  for (const [key, agencyKey, name, capacity] of [
    ['hu-large', 'cwc:HU-JN', 'Nagy tárgyaló', 14],
    ['hu-small', 'cwc:HU-JN', 'Kis tárgyaló', 6],
    ['cz-main', 'ospod:6105', 'Zasedací místnost', 10],
  ] as const) {
    d.room.push({ id: seedId(`room:${key}`), agencyId: agencyId(agencyKey), name, capacity });
  }
  for (const plan of PLANS) {
    const tz = plan.organiser === 'organiser.cz' ? PRAGUE : BUDAPEST;
    const day = workday(now, plan.days, tz);
    const startsAt = zonedTime(day.y, day.m, day.d, plan.at[0], plan.at[1], tz);
    const id = seedId(`conference:${plan.key}`);
    if (!plan.caseOf) caseRefs.set(plan.key, plan.caseNo?.replace('{y}', String(day.y)) ?? null);
    d.conference.push({
      id,
      kind: plan.kind,
      caseRef: plan.caseOf
        ? caseRefs.get(plan.caseOf)!
        : (plan.caseNo?.replace('{y}', String(day.y)) ?? null),
      title: plan.title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + plan.minutes * 60_000),
      durationMinutes: plan.minutes,
      timezone: tz,
      status: plan.status ?? 'scheduled',
      organiserUserId: userId(plan.organiser),
      agencyId: agencyId(AGENCY_OF[plan.organiser]!),
    });
    for (const [position, who] of plan.participants.entries()) {
      d.conferenceParticipant.push({
        id: seedId(`conference_participant:${plan.key}:${who}`),
        conferenceId: id,
        kind: 'user',
        position,
        userId: userId(who),
        agencyId: agencyId(AGENCY_OF[who]!),
        role: who === plan.organiser ? 'chair' : 'professional',
        preferredLanguage: tz === PRAGUE ? 'cs' : 'hu',
        partstat: 'accepted',
      });
    }
  }
  addHistory(d, now, schoolInstitutionId);
  return d;
}

function addHistory(d: ConferenceData, now: Date, schoolInstitutionId?: string) {
  const plans = new Map(PLANS.map((p) => [p.key, p]));
  for (const h of HISTORY) {
    const plan = plans.get(h.plan)!;
    const conferenceId = seedId(`conference:${h.plan}`);
    const heldAt = d.conference.find((c) => c.id === conferenceId)!.startsAt as Date;
    const decisionId = seedId(`conference_decision:${h.plan}`);
    d.conferenceDecision.push({ id: decisionId, conferenceId, text: h.decision, createdAt: heldAt });
    for (const [i, item] of h.items.entries()) {
      const due = new Date(now.getTime() + item.dueDays * 86_400_000);
      d.actionItem.push({
        id: seedId(`action_item:${h.plan}:${i}`),
        conferenceId,
        decisionId,
        title: item.title,
        ownerParticipantId: seedId(`conference_participant:${h.plan}:${item.owner}`),
        ownerAgencyId: agencyId(AGENCY_OF[item.owner]!),
        dueOn: due.toISOString().slice(0, 10),
        status: item.done ? 'done' : 'open',
        completedAt: item.done ? due : null,
        createdByUserId: userId(plan.organiser),
      });
    }
    if (schoolInstitutionId) {
      const sentAt = new Date(heldAt.getTime() + 3 * 86_400_000);
      d.feedbackLetter.push({
        id: seedId(`feedback_letter:${h.plan}`),
        conferenceId,
        partnerInstitutionId: schoolInstitutionId,
        language: 'hu',
        subject: 'Visszajelzés az esetkonferenciáról',
        body: 'Köszönjük a részvételt. A megállapodott feladatokat mellékelten küldjük.',
        status: 'sent',
        sentAt,
        sentBy: userId(plan.organiser),
        createdBy: userId(plan.organiser),
      });
    }
  }
}
