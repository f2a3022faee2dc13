// The phases of a family conference in the browser (in Czech): the organiser opens the seeded
// family conference, sees the seven phases, has a slot that ends before it starts refused next to
// the field, sets a good slot, ticks a checklist item from the keyboard (who shown), reloads and
// finds both kept, then unticks and clears again; axe-clean at 1280 and 360 px.
import { describe, expect, it } from 'vitest';
import { axeAtBothSizes, signInAsDemo } from './axe';
import { useBrowser } from './browser';
import { catalog, text } from './catalog';

const b = useBrowser();
const cs = catalog('cs');
const f = (key: string, values: Record<string, string | number> = {}) =>
  text(cs, `familyPhases.${key}`, values);

describe('family-conference phases in the browser', () => {
  it('sets a phase time slot and ticks a checklist item, and both stay after a reload', async () => {
    const page = b.page;
    await signInAsDemo(page, 'organiser@demo.caremap.eu');
    await page.evaluate(() => localStorage.setItem('caremap.lang', 'cs'));
    await page.goto('/conferences');
    await page
      .locator('.conf-item')
      .filter({
        has: page.locator('.conf-item__tags', { hasText: text(cs, 'conferences.kindFamilyConference') }),
      })
      .locator('.conf-item__title a')
      .first()
      .click();
    await page.getByRole('heading', { name: f('title'), level: 2 }).waitFor();
    const steps = page.locator('.phases__step');
    await expect.poll(() => steps.count()).toBe(7);
    await expect
      .poll(() => steps.locator('h3').allTextContents())
      .toEqual(
        [
          'referral',
          'preparation',
          'information_sharing',
          'private_family_time',
          'plan_agreement',
          'implementation',
          'review',
        ].map((key, i) => `${f('stepOf', { n: i + 1, total: 7 })} ${f(`phase.${key}`)}`),
      );
    const step = steps.nth(3);
    await step.getByRole('button', { name: f('slotAdd') }).click();
    const starts = step.getByLabel(f('slotStarts'));
    const ends = step.getByLabel(f('slotEnds'));

    // An end before the start is refused next to the end field; nothing is saved.
    await starts.fill('2031-03-14T10:00');
    await ends.fill('2031-03-14T09:00');
    await step.getByRole('button', { name: f('slotSave') }).click();
    await step.locator('.conf-field__error', { hasText: f('slotEndAfterStart') }).waitFor();
    await expect.poll(() => ends.getAttribute('aria-invalid')).toBe('true');

    await ends.fill('2031-03-14T12:30');
    await step.getByRole('button', { name: f('slotSave') }).click();
    await step.getByText(f('saved')).waitFor();
    await expect.poll(() => step.locator('.phases__slot time').count()).toBe(1);
    await expect.poll(() => step.getByLabel(f('slotStarts')).count()).toBe(0);

    // Tick the first item from the keyboard: Space on the focused checkbox.
    const item = step.locator('.phases__item').first();
    const box = item.getByRole('checkbox', { name: f('item.professionals_left') });
    await box.focus();
    await page.keyboard.press('Space');
    await item.getByText(f('doneBy', { name: 'Demo Organiser' })).waitFor();
    await axeAtBothSizes(page, 'family-conference phases');

    await page.reload();
    await page.getByRole('heading', { name: f('title'), level: 2 }).waitFor();
    const again = page.locator('.phases__step').nth(3);
    await again.getByRole('button', { name: f('slotEdit') }).click();
    await expect.poll(() => again.getByLabel(f('slotStarts')).inputValue()).toBe('2031-03-14T10:00');
    await expect.poll(() => again.getByLabel(f('slotEnds')).inputValue()).toBe('2031-03-14T12:30');
    const kept = again.getByRole('checkbox', { name: f('item.professionals_left') });
    await expect.poll(() => kept.isChecked()).toBe(true);
    await again.getByText(f('doneBy', { name: 'Demo Organiser' })).waitFor();

    // Untick and clear again, so a second run starts from the same state.
    await kept.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => again.getByText(f('doneBy', { name: 'Demo Organiser' })).count()).toBe(0);
    await again.getByRole('button', { name: f('slotClear') }).click();
    await again.getByText(f('noSlot')).waitFor();
    expect(b.errors).toEqual([]);
  });
});
