import type { RouterOutputs } from '@caremap/api-client';
import { CareMapQueryProvider } from '@caremap/api-client';
import { FakeApiError, fakeApi } from '@caremap/api-client/testing';
import { changeLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LettersPanel } from './LettersPanel';

const t = setupReactRoot();
const CONF = '77777777-7777-4777-8777-777777777770';
const SCHOOL = '77777777-7777-4777-8777-777777777779';

const empty: RouterOutputs['feedbackLetter']['list'] = {
  canEdit: true,
  canDraft: true,
  recipients: [{ kind: 'partner_institution', id: SCHOOL, name: 'Základní škola Třešť', language: 'cs' }],
  letters: [],
};

const button = (label: string) =>
  [...t.container.querySelectorAll('button')].find((b) => b.textContent === label)!;

describe('the feedback letters panel', () => {
  it('shows a failure with a retry, then the empty list, and checks the draft form before sending it', async () => {
    await changeLanguage('en');
    let fail = true;
    const drafted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'feedbackLetter.list': () => {
          if (fail) throw new FakeApiError('INTERNAL_SERVER_ERROR', 500);
          return empty;
        },
        'feedbackLetter.draft': (input) => {
          drafted.push(input);
          return { id: SCHOOL, language: 'cs', pdfPath: '/x.pdf' };
        },
      }),
    );
    t.root.render(
      <CareMapQueryProvider>
        <LettersPanel conferenceId={CONF} />
      </CareMapQueryProvider>,
    );
    await vi.waitFor(() => expect(t.container.textContent).toContain('The letters could not be loaded'), {
      timeout: 10_000,
    });
    fail = false;
    await act(async () => button('Try again').click());
    await vi.waitFor(() => expect(t.container.textContent).toContain('No feedback letter yet.'));

    await act(async () => button('Write a feedback letter').click());
    // The Czech school's letter is preset to Czech.
    expect(t.container.querySelector<HTMLSelectElement>('#letter-language')!.value).toBe('cs');
    await act(async () => button('Create the draft').click());
    const subject = t.container.querySelector<HTMLInputElement>('#letter-subject')!;
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(t.container.querySelector('#letter-subject-error')!.textContent).toBeTruthy();
    expect(t.container.querySelector('#letter-body')!.getAttribute('aria-invalid')).toBe('true');
    expect(drafted).toEqual([]);
  });
});
