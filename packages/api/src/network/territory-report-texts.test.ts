import { readFile } from 'node:fs/promises';
import { needStatuses, partnerKinds } from '@caremap/db/schema';
import { localeSchema } from '@caremap/validators';
import { describe, expect, it } from 'vitest';
import { territoryReportTexts } from './territory-report-texts';

// The UI catalogs are browser code packages/api may not import; read as data, they keep the report
// and the screens naming partner kinds, need statuses and record kinds alike.
const catalog = async (language: string) =>
  JSON.parse(
    await readFile(new URL(`../../../ui/src/locales/${language}.json`, import.meta.url), 'utf8'),
  ) as {
    providers: Record<string, string>;
    needs: { status: Record<string, string> };
  };
const kindKey = (kind: string) =>
  kind === 'guardianship_authority'
    ? 'kindGuardianship'
    : `kind${kind.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
const entityKey = {
  organization: 'entityOrganization',
  service: 'entityService',
  location: 'entityLocation',
  partner_institution: 'entityPartner',
} as const;

describe('territory report texts', () => {
  it.each(localeSchema.options)(
    'name partner kinds, need statuses and records in %s as the UI does',
    async (language) => {
      const ui = await catalog(language);
      const texts = territoryReportTexts[language];
      for (const kind of partnerKinds)
        expect(texts.partnerKinds[kind], kind).toBe(ui.providers[kindKey(kind)]);
      for (const status of needStatuses)
        expect(texts.needStatuses[status], status).toBe(ui.needs.status[status]);
      for (const [entity, key] of Object.entries(entityKey))
        expect(texts.entities[entity], entity).toBe(ui.providers[key]);
    },
  );
});
