import type { RouterInputs, RouterOutputs, SessionUser } from '@caremap/api-client';
import { FakeApiError, type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../App';

// The user's zone is the browser's; pinned here so the days do not depend on the test machine's.
vi.mock('../zone', async (original) => ({
  ...(await original<typeof import('../zone')>()),
  viewerZone: () => 'Europe/Prague',
}));

const t = setupReactRoot('cs');

const partner: SessionUser = {
  id: 'u2',
  email: 'p@x.eu',
  displayName: 'Nováková Jana',
  locale: 'cs',
  roles: [{ role: 'partner', agencyId: 'a2', agencyName: 'ZŠ Jihlava' }],
};
type Entry = RouterOutputs['conference']['inRange']['items'][number];
const conference: Entry = {
  id: '3f0c1c52-2d43-4c1e-9a55-0000000000c1',
  kind: 'case_conference',
  caseRef: 'JI-OSPOD-2026-0147',
  title: 'School attendance and housing',
  // Wednesday 9 December 2026, 10:00-11:30 in Prague.
  startsAt: new Date('2026-12-09T09:00:00Z'),
  endsAt: new Date('2026-12-09T10:30:00Z'),
  timezone: 'Europe/Prague',
  status: 'scheduled',
  agencyName: 'OSPOD Jihlava',
  participantCount: 6,
};

async function open(path: string, handlers: FakeHandlers) {
  window.history.pushState({}, '', path);
  const api = fakeApi({ 'auth.me': () => ({ user: partner }), ...handlers });
  vi.stubGlobal('fetch', api);
  t.root.render(<App />);
  return api;
}
const tab = (name: string) =>
  [...t.container.querySelectorAll<HTMLButtonElement>('[role=tab]')].find((b) => b.textContent === name)!;
const button = (name: string) =>
  [...t.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes(name))!;
const heading = () => t.container.querySelector('.cal-title')?.textContent;

describe('conference calendar', () => {
  it('opens the week of the URL, puts each conference on its day as a link with time and kind', async () => {
    const asked: RouterInputs['conference']['inRange'][] = [];
    await open('/conferences?view=week&date=2026-12-10', {
      'conference.inRange': (input) => {
        asked.push(input);
        return { items: [conference] };
      },
    });
    await vi.waitFor(() => expect(t.container.querySelector('.cal-entry')).not.toBeNull());
    expect(tab('Týden').getAttribute('aria-selected')).toBe('true');
    expect(tab('Seznam').tabIndex).toBe(-1);
    expect(heading()).toMatch(/^7\.\s*–\s*13\. 12\. 2026$/);
    // Monday 7 December 00:00 to Monday 14 December 00:00, Prague time.
    expect(asked[0]).toEqual({
      from: new Date('2026-12-06T23:00:00Z'),
      to: new Date('2026-12-13T23:00:00Z'),
    });
    const days = [...t.container.querySelectorAll('.cal-week > li')];
    expect(days).toHaveLength(7);
    expect(days[0]!.querySelector('h3')?.textContent).toContain('pondělí');
    const wednesday = days[2]!;
    const link = wednesday.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`/conferences/${conference.id}`);
    expect(link.textContent).toMatch(/10:00\s*–\s*11:30 Případová konference JI-OSPOD-2026-0147/);
    expect(days[3]!.textContent).toContain('Žádné konference');
  });

  it('moves to the next week in the URL, and says when that week has no conferences', async () => {
    await open('/conferences?view=week&date=2026-12-10', {
      'conference.inRange': (input) => ({ items: input.from < conference.startsAt ? [conference] : [] }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('.cal-entry')).not.toBeNull());
    button('Další týden').click();
    await vi.waitFor(() =>
      expect(t.container.querySelector('.cal .cm-state__title')?.textContent).toBe(
        'Tento týden žádné konference',
      ),
    );
    expect(window.location.search).toBe('?view=week&date=2026-12-14');
    expect(heading()).toMatch(/^14\.\s*–\s*20\. 12\. 2026$/);
    // The back button (popstate) brings the previous week back.
    window.history.back();
    await vi.waitFor(() => expect(window.location.search).toBe('?view=week&date=2026-12-10'));
    await vi.waitFor(() => expect(t.container.querySelector('.cal-entry')).not.toBeNull());
  });

  it('switches to the month with the arrow key, as whole weeks from Monday, today marked', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-15T10:00:00Z'), toFake: ['Date'] });
    try {
      await open('/conferences?view=week', { 'conference.inRange': () => ({ items: [conference] }) });
      await vi.waitFor(() => expect(t.container.querySelector('.cal-week')).not.toBeNull());
      tab('Týden').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await vi.waitFor(() => expect(t.container.querySelector('.cal-month')).not.toBeNull());
      expect(window.location.search).toBe('?view=month');
      expect(document.activeElement).toBe(tab('Měsíc'));
      expect(heading()).toBe('prosinec 2026');
      const rows = t.container.querySelectorAll('.cal-month tbody tr');
      expect(rows).toHaveLength(5); // 30 November to 3 January
      expect(t.container.querySelector('.cal-month th abbr')?.getAttribute('title')).toBe('pondělí');
      const marked = t.container.querySelector('[aria-current=date]')!;
      expect(marked.textContent).toContain('15. prosince, dnes');
      const cell = t.container.querySelector(`a[href="/conferences/${conference.id}"]`)!.closest('td')!;
      expect(cell.textContent).toContain('9. prosince');
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers a retry when the calendar cannot be loaded', async () => {
    let fail = true;
    await open('/conferences?view=month&date=2026-12-01', {
      'conference.inRange': () => {
        if (fail) throw new FakeApiError('INTERNAL_SERVER_ERROR', 500);
        return { items: [] };
      },
    });
    await vi.waitFor(() => expect(t.container.querySelector('.cal [role=alert]')).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(t.container.querySelector('.cal [role=alert] h3')?.textContent).toBe(
      'Kalendář se nepodařilo načíst.',
    );
    fail = false;
    button('Zkusit znovu').click();
    await vi.waitFor(() =>
      expect(t.container.querySelector('.cal .cm-state__title')?.textContent).toBe(
        'Tento měsíc žádné konference',
      ),
    );
  });

  it('goes back to the list view and its URL', async () => {
    await open('/conferences?view=month&date=2026-12-01', {
      'conference.inRange': () => ({ items: [] }),
      'conference.upcoming': () => ({ items: [conference] }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('.cal .cm-state')).not.toBeNull());
    tab('Seznam').click();
    await vi.waitFor(() => expect(t.container.querySelector('.conf-item')).not.toBeNull());
    expect(window.location.pathname + window.location.search).toBe('/conferences');
  });
});
