// The HSDS upload page as the seeded coordinator: a file with a bad record gets the report table
// (file, record, field, problem) and writes nothing; a good file inside Jihlava's ORP gets the
// summary; axe finds nothing serious at 1280 and 360 px.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seriousViolations, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const en = catalog('en');

/** One nested HSDS 3.0 service at a location in Jihlava, with a contact e-mail. */
function service(email: string) {
  return {
    id: randomUUID(),
    name: `Rodinná poradna e2e ${randomUUID().slice(0, 8)}`,
    status: 'active',
    organization: { id: randomUUID(), name: 'Centrum pro rodinu e2e', description: 'Nezisková organizace.' },
    contacts: [{ id: randomUUID(), name: 'Kontakt', email }],
    service_at_locations: [
      {
        id: randomUUID(),
        location: {
          id: randomUUID(),
          location_type: 'physical',
          name: 'Jihlava',
          latitude: 49.396,
          longitude: 15.591,
        },
      },
    ],
  };
}
const file = (name: string, services: unknown[]) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(services)),
});

describe.each([
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
])('HSDS upload at $width px', (viewport) => {
  it('shows the report of a bad file and the summary of a good one, axe-clean', async () => {
    const { page } = b;
    await page.setViewportSize(viewport);
    await signInAsDemo(page, 'coordinator@demo.caremap.eu');
    await page.goto('/network/import');
    await page.getByRole('heading', { name: text(en, 'hsdsImport.title'), level: 1 }).waitFor();
    expect(await seriousViolations(page), 'empty page').toEqual([]);

    const bad = service('kontakt(at)example.cz');
    await page
      .getByLabel(text(en, 'hsdsImport.pick'))
      .setInputFiles(file('bad.json', [service('a@example.org'), bad]));
    await page.getByRole('button', { name: text(en, 'hsdsImport.start') }).click();
    await page.getByRole('heading', { name: text(en, 'hsdsImport.failed') }).waitFor({ timeout: 60_000 });
    const report = page.getByRole('table', { name: text(en, 'hsdsImport.reportCaption') });
    const row = report.getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('contacts.0.email');
    expect(await row.textContent()).toContain('bad.json');
    expect(await row.textContent()).toContain(bad.id);
    expect(await row.textContent()).toContain('#2');
    expect(await seriousViolations(page), 'report').toEqual([]);

    await page
      .getByLabel(text(en, 'hsdsImport.pick'))
      .setInputFiles(file('good.json', [service('b@example.org')]));
    await page.getByRole('button', { name: text(en, 'hsdsImport.start') }).click();
    await page.getByRole('heading', { name: text(en, 'hsdsImport.succeeded') }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.imp-summary dd').first().textContent()).not.toBe('0');
    await page
      .getByRole('table', { name: text(en, 'hsdsImport.recent') })
      .getByText('good.json')
      .first()
      .waitFor();
    expect(await seriousViolations(page), 'summary').toEqual([]);
    await page.context().clearCookies();
  });

  it('refuses a networker and asks a signed-out visitor to sign in', async () => {
    const { page } = b;
    await page.setViewportSize(viewport);
    await page.goto('/network/import');
    await page.getByRole('heading', { name: text(en, 'hsdsImport.signInTitle') }).waitFor();
    await signInAsDemo(page, 'networker@demo.caremap.eu');
    await page.goto('/network/import');
    await page.getByRole('heading', { name: text(en, 'hsdsImport.refusedTitle') }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().clearCookies();
  });
});
