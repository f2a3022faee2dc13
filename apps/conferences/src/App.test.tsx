import type { RouterOutputs, SessionUser } from '@caremap/api-client';
import { FakeApiError, type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { changeLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';

const t = setupReactRoot();

const organiser: SessionUser = {
  id: 'u1',
  email: 'o@x.eu',
  displayName: 'Kovács Éva',
  locale: 'hu',
  roles: [],
};
const conference: RouterOutputs['conference']['upcoming']['items'][number] = {
  id: 'c1',
  kind: 'case_conference',
  caseRef: 'JI-OSPOD-2026-0147',
  title: 'School attendance and housing',
  startsAt: new Date('2026-12-02T09:00:00Z'),
  endsAt: new Date('2026-12-02T10:30:00Z'),
  timezone: 'Europe/Prague',
  status: 'scheduled',
  agencyName: 'OSPOD Jihlava',
  participantCount: 6,
};

async function renderWith(handlers: FakeHandlers) {
  vi.stubGlobal('fetch', fakeApi(handlers));
  t.root.render(<App />);
}

describe('conferences', () => {
  it('asks an anonymous visitor to sign in and come back here', async () => {
    await changeLanguage('en');
    await renderWith({
      'auth.me': () => ({ user: null }),
      'conference.upcoming': () => {
        throw new FakeApiError('UNAUTHORIZED', 401);
      },
    });
    await vi.waitFor(() => expect(t.container.textContent).toContain('Sign in to see your conferences'));
    expect(t.container.querySelector('a')?.getAttribute('href')).toBe('/login?next=/conferences');
  });

  it('lists upcoming conferences on the clock of their time zone, in the UI language', async () => {
    await changeLanguage('cs');
    await renderWith({
      'auth.me': () => ({ user: organiser }),
      'conference.upcoming': () => ({ items: [conference] }),
    });
    await vi.waitFor(() => expect(t.container.querySelector('.conf-item')).not.toBeNull());
    const item = t.container.querySelector('.conf-item')!;
    expect(item.textContent).toContain('Případová konference');
    expect(item.querySelector('time')?.textContent).toMatch(/prosince 2026.*10:00.*11:30/);
    expect(item.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-02T09:00:00.000Z');
    expect(item.querySelector('code')?.textContent).toBe('JI-OSPOD-2026-0147');
    expect(item.textContent).toContain('OSPOD Jihlava');
  });

  it('says so when there is nothing coming up', async () => {
    await changeLanguage('en');
    await renderWith({
      'auth.me': () => ({ user: organiser }),
      'conference.upcoming': () => ({ items: [] }),
    });
    await vi.waitFor(() =>
      expect(t.container.querySelector('h2')?.textContent).toBe('No upcoming conferences'),
    );
  });

  it('tells a user whose role sees no conferences why, in their language, without a retry', async () => {
    await changeLanguage('hu');
    const admin = {
      id: 'u9',
      email: 'admin@x.eu',
      displayName: 'Admin',
      locale: 'hu' as const,
      roles: [{ role: 'admin' as const, agencyId: 'a1', agencyName: 'Welfare Centre' }],
    };
    await renderWith({
      'auth.me': () => ({ user: admin }),
      'conference.upcoming': () => {
        throw new FakeApiError('FORBIDDEN', 403, { appCode: 'forbidden' });
      },
    });
    await vi.waitFor(() =>
      expect(t.container.querySelector('h2')?.textContent).toBe(
        'A konferenciák nem tartoznak a szerepköréhez',
      ),
    );
    expect(t.container.textContent).toContain('esetadatokat');
    expect(t.container.querySelector('[role="alert"]')).toBeNull();
    expect(t.container.querySelector('button')).toBeNull();
  });
});
