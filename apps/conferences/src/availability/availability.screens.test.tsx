import type { RouterOutputs, SessionUser } from '@caremap/api-client';
import { FakeApiError, type FakeHandlers, fakeApi } from '@caremap/api-client/testing';
import { catalogs, changeLanguage } from '@caremap/ui';
import { setupReactRoot } from '@caremap/ui/testing';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { parseRoute } from '../route';

const t = setupReactRoot();

const partner: SessionUser = {
  id: 'u-partner',
  email: 'partner@demo.caremap.eu',
  displayName: 'Novák Jana',
  locale: 'cs',
  roles: [{ role: 'partner', agencyId: 'a1', agencyName: 'ZŠ Jihlava' }],
};
type Mine = RouterOutputs['availability']['mine'];
const noneYet: Mine = { workingHours: null, busyBlocks: [] };
const withBlocks: Mine = {
  workingHours: { timeZone: 'Europe/Prague', hours: { mon: [{ start: '08:00', end: '16:00' }] } },
  busyBlocks: [
    {
      id: 'b1',
      startsAt: new Date('2031-03-03T08:00:00Z'),
      endsAt: new Date('2031-03-03T10:00:00Z'),
      source: 'manual',
    },
    {
      id: 'b2',
      startsAt: new Date('2031-03-04T13:00:00Z'),
      endsAt: new Date('2031-03-04T14:00:00Z'),
      source: 'ics',
    },
  ],
};
const cs = catalogs.cs.availability;
const en = catalogs.en.availability;

async function open(handlers: FakeHandlers) {
  window.history.pushState({}, '', '/conferences/availability');
  const api = fakeApi({ 'auth.me': () => ({ user: partner }), ...handlers });
  vi.stubGlobal('fetch', api);
  t.root.render(<App />);
  // A server error is retried twice (with back-off) before the page says so.
  await vi.waitFor(() => expect(t.container.querySelector('.avail, .cm-state--error')).not.toBeNull(), {
    timeout: 10_000,
  });
  return api;
}
function type(el: Element, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}
const $ = <T extends Element = HTMLInputElement>(selector: string) =>
  t.container.querySelector<T & Element>(selector)!;
const button = (name: string) => {
  const b = [...t.container.querySelectorAll('button')].find(
    (x) => (x.getAttribute('aria-label') ?? x.textContent) === name,
  );
  if (!b) throw new Error(`no button ${name}`);
  return b;
};
function chooseFile(content: string, name = 'kalendar.ics') {
  const input = $('#avail-ics-file');
  Object.defineProperty(input, 'files', { value: [new File([content], name, { type: 'text/calendar' })] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('the availability screen', () => {
  it('is /conferences/availability', () => {
    expect(parseRoute('/conferences/availability')).toEqual({ page: 'availability' });
    expect(parseRoute('/conferences/availability/')).toEqual({ page: 'availability' });
  });

  it('assumes office hours until saved, says a backwards range next to the field in Czech, then saves', async () => {
    await changeLanguage('cs');
    let saved: unknown;
    const api = await open({
      'availability.mine': () => noneYet,
      'availability.setWorkingHours': (input) => {
        saved = input;
        return input;
      },
    });
    expect(t.container.textContent).toContain(cs.hoursAssumed);
    expect($('#avail-mon-start').value).toBe('08:00');
    // Saturday is a day off: no times to enter.
    expect($('#avail-sat-start')).toBeNull();
    type($('#avail-tue-end'), '07:30');
    $<HTMLFormElement>('.avail-hours').requestSubmit();
    await vi.waitFor(() => expect($('#avail-tue-end-error')).not.toBeNull());
    expect($('#avail-tue-end-error').textContent).toBe(cs.errEndBeforeStart);
    expect($('#avail-tue-end').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe($('#avail-tue-end'));
    expect(api.calls).not.toContain('availability.setWorkingHours');

    type($('#avail-tue-end'), '15:00');
    ($('.avail-day:nth-child(5) input[type="checkbox"]') as HTMLInputElement).click(); // Friday off
    type($('#avail-zone'), 'Europe/Prague');
    $<HTMLFormElement>('.avail-hours').requestSubmit();
    await vi.waitFor(() => expect(t.container.textContent).toContain(cs.saved));
    expect(saved).toEqual({
      timeZone: 'Europe/Prague',
      hours: {
        mon: [{ start: '08:00', end: '16:00' }],
        tue: [{ start: '08:00', end: '15:00' }],
        wed: [{ start: '08:00', end: '16:00' }],
        thu: [{ start: '08:00', end: '16:00' }],
      },
    });
  });

  it('lists busy blocks on the saved clock with their source, and removes one', async () => {
    await changeLanguage('en');
    const removed: string[] = [];
    await open({
      'availability.mine': () => ({
        ...withBlocks,
        busyBlocks: withBlocks.busyBlocks.filter((b) => !removed.includes(b.id)),
      }),
      'availability.removeBusyBlock': (input) => {
        removed.push(input.busyBlockId);
        return { removed: input.busyBlockId };
      },
    });
    // Only Monday was saved: every other day is off.
    expect($('#avail-mon-start').value).toBe('08:00');
    expect($('#avail-tue-start')).toBeNull();
    const items = [...t.container.querySelectorAll('.avail-block')];
    expect(items.map((li) => li.querySelector('.cm-badge')!.textContent)).toEqual([
      en.sourceManual,
      en.sourceIcs,
    ]);
    // 08:00 UTC is 09:00 in Prague.
    expect(items[0]!.querySelector('time')!.textContent).toMatch(/9:00.*11:00/);
    items[1]!.querySelector('button')!.click();
    await vi.waitFor(() => expect(t.container.querySelectorAll('.avail-block')).toHaveLength(1));
    expect(removed).toEqual(['b2']);
    // The keyboard focus lands on the block that is left, not on the page.
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(t.container.querySelector('.avail-block button')),
    );
  });

  it('adds a busy block on the Prague clock, and says an empty list plainly', async () => {
    await changeLanguage('en');
    let added: { startsAt: Date; endsAt: Date } | undefined;
    await open({
      'availability.mine': () => ({ ...withBlocks, busyBlocks: [] }),
      'availability.addBusyBlock': (input) => {
        added = input;
        return { id: 'b9', ...input };
      },
    });
    expect(t.container.textContent).toContain(en.busyEmptyTitle);
    type($('#avail-add-day'), '2031-07-01');
    type($('#avail-add-start'), '13:00');
    type($('#avail-add-end'), '12:00');
    button(en.add).click();
    await vi.waitFor(() => expect($('#avail-add-end-error')?.textContent).toBe(en.errEndBeforeStart));
    type($('#avail-add-end'), '14:30');
    button(en.add).click();
    await vi.waitFor(() => expect(added).toBeDefined());
    // Summer time in Prague: UTC+2.
    expect(added).toEqual({
      startsAt: new Date('2031-07-01T11:00:00Z'),
      endsAt: new Date('2031-07-01T12:30:00Z'),
    });
  });

  it('imports an .ics file and reports the result; a broken file gets its problem and line', async () => {
    await changeLanguage('cs');
    let answer: 'broken' | 'ok' = 'broken';
    const sent: string[] = [];
    await open({
      'availability.mine': () => withBlocks,
      'availability.importIcs': (input) => {
        sent.push(`${input.fileName}:${input.timeZone}:${input.content.slice(0, 15)}`);
        if (answer === 'broken') {
          throw new FakeApiError('BAD_REQUEST', 400, {
            appCode: 'invalid_calendar',
            details: { problem: 'syntax', line: 8 },
          });
        }
        return {
          imported: 12,
          skipped: 2,
          from: new Date('2031-03-01T23:00:00Z'),
          to: new Date('2031-05-30T22:00:00Z'),
          timeZone: 'Europe/Prague',
        };
      },
    });
    button(cs.icsImport).click();
    await vi.waitFor(() =>
      expect(t.container.querySelector('[role="alert"]')?.textContent).toContain(cs.icsNoFile),
    );

    chooseFile('BEGIN:VCALENDAR\r\nbroken');
    button(cs.icsImport).click();
    await vi.waitFor(() => expect(t.container.querySelector('#avail-ics-error')).not.toBeNull());
    expect($('#avail-ics-error').textContent).toContain(cs.icsProblem.syntax);
    expect($('#avail-ics-error').textContent).toContain('(řádek 8)');
    expect($('#avail-ics-error').textContent).toContain(cs.icsUnchanged);
    expect(sent).toEqual(['kalendar.ics:Europe/Prague:BEGIN:VCALENDAR']);

    answer = 'ok';
    button(cs.icsImport).click();
    await vi.waitFor(() => expect(t.container.querySelector('.avail-ics__result')).not.toBeNull());
    const result = $('.avail-ics__result').textContent!;
    expect(result).toContain('kalendar.ics');
    expect(result).toContain('12');
    expect(result).toMatch(/2\. března 2031.*30\. května 2031/);
    expect(result).toContain(cs.icsSkipped.replace('{{n}}', '2'));
  });

  it('refuses a file over 1 MB in the browser', async () => {
    await changeLanguage('en');
    const api = await open({ 'availability.mine': () => withBlocks });
    chooseFile('x'.repeat(1024 * 1024 + 1), 'huge.ics');
    button(en.icsImport).click();
    await vi.waitFor(() =>
      expect(t.container.querySelector('#avail-ics-error')?.textContent).toContain(en.icsTooLarge),
    );
    expect(api.calls).not.toContain('availability.importIcs');
  });

  it('says when the availability cannot be loaded, with a retry', async () => {
    await changeLanguage('en');
    await open({
      'availability.mine': () => {
        throw new FakeApiError('INTERNAL_SERVER_ERROR', 500);
      },
    });
    await vi.waitFor(() => expect(t.container.textContent).toContain(en.loadFailed));
    expect(button(catalogs.en.common.retry)).toBeDefined();
  });
});
