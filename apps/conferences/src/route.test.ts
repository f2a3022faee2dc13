import { describe, expect, it } from 'vitest';
import { caseTimelinePath, parseRoute } from './route';

describe('conference routes', () => {
  it('routes the list, the fixed pages and a conference by its id', () => {
    expect(parseRoute('/conferences')).toEqual({ page: 'list' });
    expect(parseRoute('/conferences/')).toEqual({ page: 'list' });
    expect(parseRoute('/conferences/actions')).toEqual({ page: 'actions' });
    expect(parseRoute('/conferences/3f1c2b9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c')).toEqual({
      page: 'conference',
      conferenceId: '3f1c2b9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c',
    });
    expect(parseRoute('/conferences/respond?token=abc&response=accepted')).toEqual({
      page: 'respond',
      token: 'abc',
      response: 'accepted',
    });
  });

  it('routes a case timeline by its case_ref, with or without a trailing slash', () => {
    expect(parseRoute('/conferences/cases/HU-SZO-2026-0098')).toEqual({
      page: 'case',
      caseRef: 'HU-SZO-2026-0098',
    });
    expect(parseRoute('/conferences/cases/HU-SZO-2026-0098/')).toEqual({
      page: 'case',
      caseRef: 'HU-SZO-2026-0098',
    });
  });

  it('builds the case link so that it routes back to the same case_ref', () => {
    for (const caseRef of ['HU-SZO-2026-0098', 'CZ-JI-2026-0031']) {
      expect(parseRoute(caseTimelinePath(caseRef))).toEqual({ page: 'case', caseRef });
    }
    expect(caseTimelinePath('HU-SZO-2026-0098')).toBe('/conferences/cases/HU-SZO-2026-0098');
  });

  it('sends anything else under /cases to the not-found page', () => {
    expect(parseRoute('/conferences/cases')).toEqual({ page: 'unknown' });
    expect(parseRoute('/conferences/cases/')).toEqual({ page: 'unknown' });
    expect(parseRoute('/conferences/cases/HU-1/extra')).toEqual({ page: 'unknown' });
    expect(parseRoute('/conferences/cases/%E0%A4%A')).toEqual({ page: 'unknown' });
  });
});
