import type { RouterOutputs } from '@caremap/api-client';
import { FakeApiError, type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { changeLanguage, currentLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';

const t = setupReactRoot();
const TOKEN = 'B'.repeat(43);
const O1 = '77777777-7777-4777-8777-777777777771';
const O2 = '77777777-7777-4777-8777-777777777772';

const view: RouterOutputs['poll']['view'] = {
  kind: 'family_conference',
  timezone: 'Europe/Istanbul',
  language: 'tr',
  deadline: new Date('2026-12-10T20:59:00Z'),
  open: true,
  name: 'Ayşe K.',
  respondedAt: null,
  times: [
    {
      optionId: O1,
      startsAt: new Date('2026-12-07T07:00:00Z'),
      endsAt: new Date('2026-12-07T08:00:00Z'),
      answer: null,
    },
    {
      optionId: O2,
      startsAt: new Date('2026-12-08T11:00:00Z'),
      endsAt: new Date('2026-12-08T12:00:00Z'),
      answer: 'no',
    },
  ],
};

async function open(path: string, handlers: FakeHandlers) {
  window.history.pushState({}, '', path);
  const api = fakeApi({ 'auth.me': () => ({ user: null }), ...handlers });
  vi.stubGlobal('fetch', api);
  t.root.render(<App />);
  return api;
}

describe('the public poll page', () => {
  it("opens in the e-mail's language, shows the times on the conference clock and saves the answers", async () => {
    await changeLanguage('en');
    const saved: unknown[] = [];
    const api = await open(`/conferences/poll?token=${TOKEN}&lang=tr`, {
      'poll.view': () => view,
      'poll.answer': (input) => {
        saved.push(input);
        return { saved: 2, respondedAt: new Date() };
      },
    });
    await vi.waitFor(() => expect(t.container.querySelectorAll('.conf-poll__time')).toHaveLength(2));
    expect(currentLanguage()).toBe('tr');
    expect(t.container.querySelector('h1')!.textContent).toBe('Ne zaman katılabilirsiniz?');
    // 07:00 UTC is 10:00 in Istanbul.
    expect(t.container.querySelector('.conf-poll__time legend')!.textContent).toMatch(/10:00/);
    const radios = [...t.container.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['no']);
    radios.find((r) => r.name === `poll-${O1}` && r.value === 'if_need_be')!.click();
    [...t.container.querySelectorAll('button')].find((b) => b.textContent === 'Yanıtlarımı gönder')!.click();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      token: TOKEN,
      name: 'Ayşe K.',
      answers: [
        { optionId: O1, answer: 'if_need_be' },
        { optionId: O2, answer: 'no' },
      ],
    });
    await vi.waitFor(() => expect(t.container.querySelector('.conf-poll__saved')).not.toBeNull());
    expect(api.calls).not.toContain('conference.get');
  });

  it("answers an unknown token with a plain page in the link's language, not an error trace", async () => {
    await changeLanguage('en');
    await open(`/conferences/poll?token=${TOKEN}&lang=hu`, {
      'poll.view': () => {
        throw new FakeApiError('NOT_FOUND', 404, { appCode: 'poll_invalid' });
      },
    });
    await vi.waitFor(() =>
      expect(t.container.querySelector('h1')?.textContent).toBe('Ez a szavazási link nem működik'),
    );
    expect(t.container.textContent).not.toMatch(/NOT_FOUND|Error|poll_invalid/);
  });

  it('treats a truncated token as invalid without asking the server', async () => {
    await changeLanguage('cs');
    const api = await open('/conferences/poll?token=abc', {});
    await vi.waitFor(() =>
      expect(t.container.querySelector('h1')?.textContent).toBe('Tento odkaz na anketu nefunguje'),
    );
    expect(api.calls).not.toContain('poll.view');
  });

  it('shows a closed poll read-only', async () => {
    await changeLanguage('en');
    await open(`/conferences/poll?token=${TOKEN}`, { 'poll.view': () => ({ ...view, open: false }) });
    await vi.waitFor(() => expect(t.container.textContent).toContain('This poll is closed.'));
    expect(
      [...t.container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].every((r) => r.disabled),
    ).toBe(true);
    expect(t.container.querySelector('button[type="submit"]')).toBeNull();
  });
});
