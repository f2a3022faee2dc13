// /network/providers as the seeded Vysočina networker: a visitor's public edit suggestion waits in
// the moderation queue; the networker adds a school as partner institution and a provider, each with
// the pin placed by a town search, edits a provider (and sees the change in its history), verifies a stale record and
// accepts the suggestion. axe finds nothing serious at 1280 and 360 px.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');
const t = (key: string) => text(en, `providers.${key}`);

/**
 * What a visitor's browser does on the public "suggest an edit" form: a challenge, the proof of work
 * (WebCrypto), the submission. For the first service of the networker's first territory.
 */
async function suggestRename(page: Page, suffix: string) {
  return page.evaluate(async (suffix) => {
    const get = async (path: string, input?: unknown) => {
      const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      const r = await fetch(`/trpc/${path}${q}`);
      return (await r.json()).result.data.json;
    };
    const territories = await get('territory.mine');
    const list = await get('networkRecord.list', { territoryId: territories.items[0].id });
    const service = list.items.find((i: { services: unknown[] }) => i.services.length).services[0] as {
      id: string;
      name: string;
    };
    const ch = (await get('directory.suggestChallenge')) as { challenge: string; bits: number };
    let nonce = 0;
    for (; ; nonce++) {
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ch.challenge + nonce.toString(36))),
      );
      let bits = 0;
      for (const byte of digest) {
        if (byte === 0) {
          bits += 8;
          continue;
        }
        bits += Math.clz32(byte) - 24;
        break;
      }
      if (bits >= ch.bits) break;
    }
    const csrf = document.cookie
      .split('; ')
      .find((c) => c.startsWith('caremap_csrf='))
      ?.slice('caremap_csrf='.length);
    const response = await fetch('/trpc/directory.suggestEdit', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caremap-csrf': decodeURIComponent(csrf ?? '') },
      body: JSON.stringify({
        json: {
          targetEntity: 'service',
          targetId: service.id,
          changes: { name: `${service.name} ${suffix}` },
          comment: 'Nový název od září.',
          language: 'cs',
          challenge: ch.challenge,
          nonce: nonce.toString(36),
        },
      }),
    });
    return { status: response.status, name: `${service.name} ${suffix}` };
  }, suffix);
}

async function openProviders(page: Page) {
  await page.goto('/network/providers');
  await page.getByRole('heading', { name: t('title'), level: 1 }).waitFor();
  await page.getByRole('table', { name: t('tableCaption') }).waitFor({ timeout: 30_000 });
}

describe('providers and partner institutions', () => {
  it('adds a school and a provider by town search, edits a provider, verifies a stale record, accepts a suggestion (1280 px)', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    await page.goto('/network/providers');
    const suffix = `e2e-${randomUUID().slice(0, 6)}`;
    const suggestion = await suggestRename(page, suffix);
    expect(suggestion.status).toBe(200);
    await openProviders(page);
    expect(await seriousViolations(page), 'map and table').toEqual([]);

    // A school as partner institution, the pin placed by searching the town.
    const school = `ZŠ Jihlava ${suffix}`;
    await page.getByRole('button', { name: t('addPartner') }).click();
    const form = page.getByRole('region', { name: t('addPartnerTitle') });
    const field = (key: string) => form.getByLabel(t(`field.${key}`), { exact: true });
    await form.getByLabel(t('placeSearch')).fill('Jihl');
    await page
      .getByRole('list', { name: t('placeResults') })
      .getByRole('button')
      .first()
      .click();
    await expect.poll(() => field('lat').inputValue()).toMatch(/^49\.\d+/);
    expect(await field('city').inputValue()).toBe('Jihlava');
    await field('name').fill(school);
    await field('contactPerson').fill('Mgr. Jana Nováková');
    await field('cooperationAgreement').check();
    await field('agreementDate').fill('2026-09-01');
    expect(await seriousViolations(page), 'add form').toEqual([]);
    await page.getByRole('button', { name: t('addPartnerSubmit') }).click();
    await page
      .getByRole('heading', {
        name: `${text(en, 'providers.editTitle').replace('{{entity}}', t('entityPartner'))}: ${school}`,
      })
      .waitFor();
    const table = page.getByRole('table', { name: t('tableCaption') });
    await page.getByLabel(t('filterText')).fill(suffix);
    await table.getByRole('button', { name: school }).waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain(t('kindSchool'));

    // A provider (organization, service with its type, phone), the pin placed by searching the town.
    const pc = (key: string) => text(en, `providerCreate.${key}`);
    const provider = `Poradna Třešť ${suffix}`;
    await page.getByRole('button', { name: pc('open') }).click();
    const providerForm = page.getByRole('region', { name: pc('title') });
    const part = (legend: string) => providerForm.getByRole('group', { name: pc(legend) });
    await part('place').getByLabel(t('placeSearch')).fill('Jihl');
    await page
      .getByRole('list', { name: t('placeResults') })
      .getByRole('button')
      .first()
      .click();
    await expect
      .poll(() => part('place').getByLabel(t('field.lat'), { exact: true }).inputValue())
      .toMatch(/^49\.\d+/);
    expect(await part('place').getByLabel(t('field.city'), { exact: true }).inputValue()).toBe('Jihlava');
    await part('organization').getByLabel(t('field.name'), { exact: true }).fill(provider);
    await part('service').getByLabel(t('field.name'), { exact: true }).fill('Rodinná terapie');
    await part('service').getByLabel(pc('serviceType')).selectOption({ index: 1 });
    await part('contacts').getByLabel(t('field.phone'), { exact: true }).fill('+420 567 000 111');
    await page.getByRole('button', { name: pc('submit') }).click();
    await page.getByLabel(t('filterText')).fill(suffix);
    await table.getByRole('button', { name: provider }).waitFor();

    // Edit a provider: its organisation's description, then the history shows the change.
    await page.getByLabel(t('filterText')).fill('Centrum pro rodinu Brtnice');
    await table.getByRole('button', { name: 'Centrum pro rodinu Brtnice', exact: true }).click();
    await page
      .getByRole('navigation', { name: t('partsLabel') })
      .getByRole('button', { name: t('entityOrganization') })
      .click();
    const description = `Poradna pro rodiny s dětmi (${suffix})`;
    await page.getByLabel(t('field.description'), { exact: true }).fill(description);
    await page.getByRole('button', { name: t('save') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t('saved') })
      .waitFor();
    await page.getByRole('button', { name: t('history') }).click();
    const history = page.getByRole('region', { name: t('history') });
    await history.getByText(description).waitFor();
    expect(await history.textContent()).toContain(text(en, 'providers.actionUpdate'));
    expect(await seriousViolations(page), 'editor and history').toEqual([]);

    // Verify a record that was never verified.
    await page.getByRole('button', { name: t('tabDue') }).click();
    const due = page.getByRole('table', { name: /Due for verification/ });
    await due.waitFor();
    const before = Number(/\((\d+)\)/.exec((await due.locator('caption').textContent()) ?? '')?.[1]);
    const first = due.getByRole('row').nth(1);
    const name = (await first.getByRole('rowheader').textContent())!;
    expect(await first.textContent()).toContain(t('never'));
    expect(await seriousViolations(page), 'due list').toEqual([]);
    await first.getByRole('button', { name: new RegExp(`^${t('verify')}`) }).click();
    await page
      .getByRole('status')
      .filter({ hasText: text(en, 'providers.verifiedItem').replace('{{name}}', name) })
      .waitFor();
    await expect
      .poll(async () => Number(/\((\d+)\)/.exec((await due.locator('caption').textContent()) ?? '')?.[1]))
      .toBe(before - 1);

    // Accept the public suggestion: the service carries the new name.
    await page.getByRole('button', { name: t('tabQueue') }).click();
    const card = page.getByRole('article').filter({ hasText: suggestion.name });
    await card.waitFor();
    expect(await seriousViolations(page), 'moderation queue').toEqual([]);
    await card.getByRole('button', { name: t('accept'), exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /accepted and applied/ })
      .waitFor();
    await page.getByRole('button', { name: t('tabMap') }).click();
    // The filter matches service names too: the school, and every location of the renamed service.
    await page.getByLabel(t('filterText')).fill(suffix);
    const rows = page.getByRole('table', { name: t('tableCaption') }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    expect(await rows.filter({ hasText: school }).count()).toBe(1);
    expect(await rows.filter({ hasText: provider }).count()).toBe(1);
    expect(b.errors).toEqual([]);
  });

  it('is axe-clean at 360 px on every view', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    await openProviders(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page), 'map and table').toEqual([]);
    await page.getByRole('button', { name: t('addPartner') }).click();
    expect(await seriousViolations(page), 'add form').toEqual([]);
    await page.getByRole('button', { name: text(en, 'providerCreate.open') }).click();
    await page.getByRole('region', { name: text(en, 'providerCreate.title') }).waitFor();
    expect(await seriousViolations(page), 'add-provider form').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: t('tabDue') }).click();
    await page.getByRole('table', { name: /Due for verification/ }).waitFor();
    expect(await seriousViolations(page), 'due list').toEqual([]);
    await page.getByRole('button', { name: t('tabQueue') }).click();
    await page.locator('.prov-queue').waitFor();
    expect(await seriousViolations(page), 'moderation queue').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
