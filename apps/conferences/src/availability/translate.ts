import { type catalogs, useTranslation } from '@caremap/ui';

type Section = (typeof catalogs)['en']['availability'];
type Leaf<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaf<T[K], `${P}${K}.`>;
}[keyof T & string];
/** The keys of `availability.*`, from the English catalog: a mistyped key does not compile. */
export type AvailabilityKey = `availability.${Leaf<Section>}`;
export type AvailabilityT = (key: AvailabilityKey, options?: Record<string, unknown>) => string;

/**
 * `t` for the `availability.*` strings, which are left out of the catalog's key type (the whole
 * union is past what tsc can instantiate; packages/ui/src/i18n.ts says why). Keys are still
 * checked, against this section alone.
 */
export function useAvailabilityT(): AvailabilityT {
  const { t } = useTranslation();
  return t as unknown as AvailabilityT;
}
