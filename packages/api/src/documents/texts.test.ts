import { readFile } from 'node:fs/promises';
import { conferenceKinds } from '@caremap/db/schema';
import { conferenceKindSchema, localeSchema } from '@caremap/validators';
import { describe, expect, it } from 'vitest';
import { documentTexts } from './texts';

// The UI catalogs are browser code that packages/api may not import; read as data, they tell the
// letter and the screens apart if one of them renames a conference kind.
const catalog = async (language: string) =>
  JSON.parse(
    await readFile(new URL(`../../../ui/src/locales/${language}.json`, import.meta.url), 'utf8'),
  ) as {
    conferences: Record<string, string>;
  };
const catalogKey = {
  case_conference: 'kindCaseConference',
  case_discussion: 'kindCaseDiscussion',
  family_conference: 'kindFamilyConference',
  signalling_meeting: 'kindSignallingMeeting',
  care_plan_review: 'kindCarePlanReview',
} as const;

describe('document texts', () => {
  it('know the same conference kinds as the database', () => {
    expect([...conferenceKindSchema.options].sort()).toEqual([...conferenceKinds].sort());
  });

  it.each(localeSchema.options)('name each conference kind in %s as the UI does', async (language) => {
    const ui = await catalog(language);
    for (const kind of conferenceKindSchema.options) {
      expect(documentTexts[language].kinds[kind], kind).toBe(ui.conferences[catalogKey[kind]]);
    }
  });
});
