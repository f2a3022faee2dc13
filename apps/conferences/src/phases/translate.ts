import { useTranslation } from '@caremap/ui';

/**
 * `t` for the phases section: `familyPhases.*` is left out of the typed key union like `series.*`
 * (TS2589; packages/ui/src/i18n.ts), so keys are plain strings here. The catalog test holds every
 * language to every key; the e2e test reads the texts it expects from the catalog.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useT() {
  const { t } = useTranslation();
  return { t: t as unknown as Translate, ui: t };
}
