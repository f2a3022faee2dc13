import { useTranslation } from '@caremap/ui';

/**
 * `t` for the network screens whose catalog namespaces (`providers.*`, `needs.*`, `coverage.*`) are not part of the typed
 * key union (packages/ui/src/i18n.ts says why), so keys are plain strings here; the catalog test
 * checks every language has every key, and the e2e test reads the texts it expects from the catalog.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useT(): { t: Translate } {
  const { t } = useTranslation();
  return { t: t as unknown as Translate };
}
