import { useTranslation } from '@caremap/ui';

/**
 * `t` for the screens whose namespaces (`series.*`, `caseTimeline.*`, `familyPhases.*`) are left out of the typed key union (the
 * union grew past what the compiler instantiates, TS2589; packages/ui/src/i18n.ts), so keys are
 * plain strings here. The catalog test holds every language to every key; the e2e test reads the
 * texts it expects from the catalog.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `t` for those keys; `ui` is the typed one, for the shared helpers that take it (apiErrorDetails). */
export function useT() {
  const { t } = useTranslation();
  return { t: t as unknown as Translate, ui: t };
}
