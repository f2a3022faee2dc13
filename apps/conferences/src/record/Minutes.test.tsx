// The minutes editor against a fake API: a stale save shows both versions side by side, and
// "Save my version over it" saves against the version now stored.
import type { RouterOutputs } from '@caremap/api-client';
import { CareMapQueryProvider } from '@caremap/api-client';
import { FakeApiError, fakeApi } from '@caremap/api-client/testing';
import { changeLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { MeetingRecord } from './MeetingRecord';

const t = setupReactRoot();
const CONF = '44444444-4444-4444-8444-444444444444';
type Rec = RouterOutputs['record']['get'];
const record = (minutes: Rec['minutes']): Rec => ({
  conferenceId: CONF,
  kind: 'case_conference',
  caseRef: 'HU-SZO-2026-0142',
  status: 'scheduled',
  timezone: 'Europe/Budapest',
  canEdit: true,
  today: '2026-12-02',
  templateKeys: ['welcome'],
  agenda: [],
  participants: [],
  minutes,
  decisions: [],
  actionItems: [],
  agencies: [],
  followUp: null,
});

function type(el: Element, value: string) {
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const button = (name: string) =>
  [...t.container.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('minutes editor', () => {
  it('shows both versions after a stale save and saves mine over the current one', async () => {
    await changeLanguage('en');
    let stored: Rec['minutes'] = {
      text: 'Old text',
      version: 1,
      updatedAt: new Date(),
      updatedBy: 'Kovács Éva',
    };
    const saves: Array<{ text: string; expectedVersion: number }> = [];
    const api = fakeApi({
      'record.get': () => record(stored),
      'record.saveMinutes': (input) => {
        saves.push(input);
        if (input.expectedVersion !== stored!.version) {
          throw new FakeApiError('CONFLICT', 409, {
            appCode: 'minutes_conflict',
            details: { currentVersion: 2 },
          });
        }
        stored = { text: input.text, version: stored!.version + 1, updatedAt: new Date(), updatedBy: 'Me' };
        return { version: stored.version };
      },
    });
    vi.stubGlobal('fetch', api);
    t.root.render(
      <CareMapQueryProvider>
        <MeetingRecord conferenceId={CONF} />
      </CareMapQueryProvider>,
    );
    await vi.waitFor(() => expect(t.container.querySelector('#rec-minutes-text')).not.toBeNull());
    // Someone else saves version 2 while I type.
    stored = { text: 'Their text', version: 2, updatedAt: new Date(), updatedBy: 'Nagy Anna' };
    type(t.container.querySelector('#rec-minutes-text')!, 'My text');
    button('Save minutes').click();
    await vi.waitFor(() => expect(t.container.querySelector('.rec-conflict')).not.toBeNull());
    const both = t.container.querySelector('.rec-conflict')!.textContent!;
    expect(both).toContain('Someone else saved the minutes meanwhile');
    expect(both).toContain('My text');
    expect(both).toContain('Their text');
    expect(both).toContain('Nagy Anna');
    expect(saves).toEqual([{ conferenceId: CONF, text: 'My text', expectedVersion: 1 }]);
    button('Save my version over it').click();
    await vi.waitFor(() => expect(saves).toHaveLength(2));
    expect(saves[1]).toEqual({ conferenceId: CONF, text: 'My text', expectedVersion: 2 });
    await vi.waitFor(() => expect(t.container.querySelector('.rec-conflict')).toBeNull());
    expect(stored!.text).toBe('My text');
  });
});
