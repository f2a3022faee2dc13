import { CareMapQueryProvider } from '@caremap/api-client';
import { FakeApiError, fakeApi } from '@caremap/api-client/testing';
import { setupReactRoot } from '@caremap/ui/testing';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SuggestEditInput } from '../api';
import { meetsDifficulty } from './pow';
import { SuggestEditForm } from './SuggestEditForm';

/** vi.waitFor with room for a loaded machine: the form's validators are a lazily loaded chunk. */
const settled = <T,>(check: () => T, options: { timeout?: number; interval?: number } = {}) =>
  vi.waitFor(check, { timeout: 10_000, interval: 50, ...options });

const api = fakeApi;

function render(t: ReturnType<typeof setupReactRoot>) {
  t.root.render(
    <CareMapQueryProvider>
      <SuggestEditForm serviceId="s1" />
    </CareMapQueryProvider>,
  );
}

const field = (t: ReturnType<typeof setupReactRoot>, name: string) =>
  t.container.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const fill = (element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) =>
  act(() => {
    const proto = Object.getPrototypeOf(element);
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(
      new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
const submit = (t: ReturnType<typeof setupReactRoot>) =>
  act(async () => (t.container.querySelector('form') as HTMLFormElement).requestSubmit());
const summary = (t: ReturnType<typeof setupReactRoot>) =>
  [...t.container.querySelectorAll('.find-form__summary li')].map((li) => li.textContent);

describe('suggest an edit (en)', () => {
  const t = setupReactRoot();

  it('names each field and its problem, next to the field and in a focused summary; nothing is sent', async () => {
    const fetch = api({});
    vi.stubGlobal('fetch', fetch);
    render(t);
    await settled(() => expect(t.container.querySelector('form')).not.toBeNull());
    await fill(field(t, 'value'), '   ');
    await fill(field(t, 'submitterEmail'), 'not-an-address');
    await submit(t);
    await settled(() => expect(summary(t).length).toBeGreaterThan(0));
    expect(summary(t)).toEqual([
      'What should change?: this field is required',
      'The correct information: this field is required',
      'Your e-mail, if we may ask you about it: enter a valid e-mail address',
    ]);
    await settled(() => expect(document.activeElement?.className).toBe('find-form__summary'));
    const value = field(t, 'value');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(value.getAttribute('aria-describedby')!)?.textContent).toBe(
      'this field is required',
    );
    expect(fetch.calls).toEqual([]);
  });

  it('computes the proof of work, sends the suggestion with the honeypot empty, and thanks the user', async () => {
    const sent: SuggestEditInput[] = [];
    vi.stubGlobal(
      'fetch',
      api({
        'directory.suggestChallenge': () => ({
          challenge: 'abc123',
          bits: 8,
          expiresAt: '2026-12-02T10:00:00Z',
        }),
        'directory.suggestEdit': (input: SuggestEditInput) => {
          sent.push(input);
          return { id: 'sg1', status: 'pending' as const };
        },
      }),
    );
    render(t);
    await settled(() => expect(t.container.querySelector('form')).not.toBeNull());
    await fill(field(t, 'field'), 'schedule');
    await fill(field(t, 'value'), 'Open on Fridays until 18:00');
    await submit(t);
    await settled(() => expect(t.container.querySelector('.find-suggest__done')).not.toBeNull(), {
      timeout: 10_000,
    });
    expect(t.container.querySelector('.find-suggest__done')?.textContent).toContain('Thank you');
    expect(sent).toHaveLength(1);
    const input = sent[0]!;
    expect(input).toMatchObject({
      targetEntity: 'service',
      targetId: 's1',
      changes: { schedule: 'Open on Fridays until 18:00' },
      language: 'en',
      challenge: 'abc123',
    });
    expect(input.website).toBeUndefined();
    expect(await meetsDifficulty('abc123', input.nonce, 8)).toBe(true);
  });

  it('keeps the honeypot out of sight, out of the tab order and out of the accessibility tree', async () => {
    vi.stubGlobal('fetch', api({}));
    render(t);
    await settled(() => expect(t.container.querySelector('form')).not.toBeNull());
    const trap = field(t, 'website');
    expect(trap.tabIndex).toBe(-1);
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it("shows the server's validation errors by field, and a rate limit as a sentence", async () => {
    let answer: FakeApiError = new FakeApiError('BAD_REQUEST', 400, {
      zodIssues: [{ path: ['changes', 'name'], code: 'too_big', maximum: 2000 }],
    });
    vi.stubGlobal(
      'fetch',
      api({
        'directory.suggestChallenge': () => ({ challenge: 'x', bits: 1, expiresAt: '2026-12-02T10:00:00Z' }),
        'directory.suggestEdit': () => {
          throw answer;
        },
      }),
    );
    render(t);
    await settled(() => expect(t.container.querySelector('form')).not.toBeNull());
    await fill(field(t, 'field'), 'name');
    await fill(field(t, 'value'), 'A better name');
    await submit(t);
    await settled(() =>
      expect(summary(t)).toEqual(['The correct information: enter at most 2000 characters']),
    );
    answer = new FakeApiError('TOO_MANY_REQUESTS', 429);
    await submit(t);
    await settled(() =>
      expect(summary(t)).toEqual([
        'Too many suggestions from this connection. Wait a few minutes and try again.',
      ]),
    );
  });
});

describe('suggest an edit (tr)', () => {
  const t = setupReactRoot('tr');
  it("words the validation errors in the user's language", async () => {
    vi.stubGlobal('fetch', api({}));
    render(t);
    await settled(() => expect(t.container.querySelector('form')).not.toBeNull());
    await submit(t);
    await settled(() => expect(summary(t).length).toBeGreaterThan(0));
    expect(summary(t)[0]).toMatch(/^Ne değişmeli\?: /);
    expect(summary(t)[1]).toMatch(/^Doğru bilgi: /);
  });
});
