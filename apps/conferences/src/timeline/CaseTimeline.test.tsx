import type { RouterOutputs } from '@caremap/api-client';
import { CareMapQueryProvider } from '@caremap/api-client';
import { FakeApiError, fakeApi } from '@caremap/api-client/testing';
import { changeLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CaseTimeline } from './CaseTimeline';

const t = setupReactRoot();
const CASE = 'HU-SZO-2026-0098';
const id = (n: number) => `88888888-8888-4888-8888-00000000000${n}`;
const base = {
  caseRef: CASE,
  timezone: 'Europe/Budapest',
  agencyName: 'Szolnoki Család- és Gyermekjóléti Központ',
  scheduleBy: null,
  decisions: [],
  actionItems: [],
  letters: [],
};
const timeline: RouterOutputs['caseTimeline']['get'] = {
  caseRef: CASE,
  conferences: [
    {
      ...base,
      id: id(1),
      kind: 'case_conference',
      status: 'held',
      title: 'Esetkonferencia – gondozási terv készítése',
      startsAt: new Date('2026-01-12T09:00:00Z'),
      endsAt: new Date('2026-01-12T10:30:00Z'),
      decisions: [
        { id: id(5), text: 'Az iskola havonta jelez.', createdAt: new Date('2026-01-12T10:00:00Z') },
      ],
      actionItems: [
        {
          id: id(6),
          title: 'Havi jelzés a hiányzásokról',
          ownerName: 'Demo Partner',
          ownerAgencyName: 'Iskola',
          dueOn: '2026-02-01',
          status: 'open',
          completedAt: null,
          overdue: true,
        },
        {
          id: id(7),
          title: 'Családlátogatás',
          ownerName: 'Demo Organiser',
          ownerAgencyName: 'Központ',
          dueOn: '2026-01-20',
          status: 'done',
          completedAt: new Date('2026-01-19T10:00:00Z'),
          overdue: false,
        },
      ],
      letters: [
        {
          id: id(8),
          recipientName: 'Szőlőskert Általános Iskola',
          recipientKind: 'partner_institution',
          language: 'hu',
          sentAt: new Date('2026-01-15T10:00:00Z'),
          sentByName: 'Demo Organiser',
        },
      ],
    },
    {
      ...base,
      id: id(2),
      kind: 'care_plan_review',
      status: 'scheduled',
      title: 'Gondozási terv felülvizsgálata',
      startsAt: new Date('2026-07-01T07:30:00Z'),
      endsAt: new Date('2026-07-01T08:30:00Z'),
    },
    {
      ...base,
      id: id(3),
      kind: 'case_conference',
      status: 'draft',
      title: 'Következő esetkonferencia',
      startsAt: null,
      endsAt: null,
      scheduleBy: new Date('2026-08-01T10:00:00Z'),
    },
  ],
  nextReview: {
    lastConferenceId: null,
    lastHeldOn: null,
    due: { dueBy: '2026-07-12', daysLeft: 20, status: 'due_soon' },
    booked: {
      conferenceId: id(2),
      startsAt: new Date('2026-07-01T07:30:00Z'),
      timezone: 'Europe/Budapest',
      onTime: true,
    },
  },
};

function render(handler: () => RouterOutputs['caseTimeline']['get']) {
  const asked: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    fakeApi({
      'caseTimeline.get': (input) => {
        asked.push(input);
        return handler();
      },
    }),
  );
  t.root.render(
    <CareMapQueryProvider>
      <CaseTimeline caseRef={CASE} />
    </CareMapQueryProvider>,
  );
  return asked;
}

describe('the case timeline', () => {
  it('shows the conferences by day, oldest first, each linking to its page, with items, badges and letters', async () => {
    await changeLanguage('en');
    const asked = render(() => timeline);
    await vi.waitFor(() => expect(t.container.querySelector('.tl')).not.toBeNull());
    expect(asked).toEqual([{ caseRef: CASE }]);
    expect(t.container.querySelector('h1')!.textContent).toBe(`Timeline of case ${CASE}`);
    const days = [...t.container.querySelectorAll('.tl-day__title')].map((h) => h.textContent);
    expect(days).toEqual(['Monday, 12 January 2026', 'Wednesday, 1 July 2026', 'Not booked yet']);
    expect(
      [...t.container.querySelectorAll('.tl-entry__title a')].map((a) => a.getAttribute('href')),
    ).toEqual([`/conferences/${id(1)}`, `/conferences/${id(2)}`, `/conferences/${id(3)}`]);
    const overdue = t.container.querySelector('.tl-item--overdue')!;
    expect(overdue.textContent).toContain('Havi jelzés a hiányzásokról');
    expect(overdue.textContent).toContain('Open');
    expect(overdue.textContent).toContain('Overdue');
    expect(overdue.textContent).toContain('Demo Partner (Iskola)');
    const done = t.container.querySelector('.tl-item--done')!;
    expect(done.textContent).toContain('Done');
    expect(done.textContent).not.toContain('Overdue');
    expect(t.container.querySelector('.tl-letters')!.textContent).toContain(
      'To Szőlőskert Általános Iskola, sent on 15 Jan 2026',
    );
    // The draft says by when it is to be booked.
    expect(t.container.querySelectorAll('.tl-entry')[2]!.textContent).toContain('To be booked by 1 Aug 2026');
    const review = t.container.querySelector('.tl-review')!;
    expect(review.querySelector('h2')!.textContent).toBe('Next care plan review');
    expect(review.textContent).toContain('12 Jul 2026');
    expect(review.textContent).toContain('On time');
    expect(review.querySelector('a')!.getAttribute('href')).toBe(`/conferences/${id(2)}`);
  });

  it('speaks Czech', async () => {
    await changeLanguage('cs');
    render(() => timeline);
    await vi.waitFor(() => expect(t.container.querySelector('.tl')).not.toBeNull());
    expect(t.container.querySelector('h1')!.textContent).toBe(`Časová osa případu ${CASE}`);
    expect(t.container.querySelector('.tl-item--overdue')!.textContent).toContain('Po termínu');
  });

  it('refuses a case that is not yours in the same words as one that does not exist, without a retry', async () => {
    await changeLanguage('en');
    render(() => {
      throw new FakeApiError('NOT_FOUND', 404, { appCode: 'not_found' });
    });
    await vi.waitFor(() => expect(t.container.textContent).toContain('This case cannot be shown'));
    expect(t.container.querySelector('.tl')).toBeNull();
    expect([...t.container.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Try again');
  });

  it('offers a retry when the timeline could not be loaded, then shows it', async () => {
    await changeLanguage('en');
    let fail = true;
    render(() => {
      if (fail) throw new FakeApiError('INTERNAL_SERVER_ERROR', 500);
      return timeline;
    });
    await vi.waitFor(
      () => expect(t.container.textContent).toContain('The case timeline could not be loaded'),
      {
        timeout: 10_000,
      },
    );
    fail = false;
    const retry = [...t.container.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!;
    await act(async () => retry.click());
    await vi.waitFor(() => expect(t.container.querySelector('.tl')).not.toBeNull());
  });
});
