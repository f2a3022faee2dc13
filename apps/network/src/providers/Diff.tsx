import { currentLanguage, formatDateTime } from '@caremap/ui';
import { useT } from '../translate';
import { statusKey } from './Form';
import { fieldLabelKey } from './fields';
import { kindLabelKey, partnerKinds } from './layers';

type Plain = string | number | boolean | null | undefined;

/** A field value as a person reads it: yes/no, the kind's name, a date in their language. */
export function useShowValue() {
  const { t } = useT();
  const language = currentLanguage();
  return (key: string, value: Plain): string => {
    if (value === null || value === undefined || value === '') return t('providers.empty');
    if (typeof value === 'boolean') return value ? t('providers.yes') : t('providers.no');
    if (key === 'partnerKind' && (partnerKinds as readonly string[]).includes(String(value)))
      return t(kindLabelKey[value as (typeof partnerKinds)[number]]);
    if (key === 'status' && String(value) in statusKey) return t(statusKey[value as keyof typeof statusKey]);
    if (key === 'lastVerifiedAt') return formatDateTime(new Date(String(value)), language);
    return String(value);
  };
}

/** Field by field: before and after, only the fields that differ. */
export function DiffTable({
  caption,
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  caption: string;
  before: Record<string, Plain> | null;
  after: Record<string, Plain>;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useT();
  const show = useShowValue();
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before ?? {})])].filter(
    (k) => (before?.[k] ?? null) !== (after[k] ?? null),
  );
  return (
    <table className="net-table prov-diff">
      <caption className="cm-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('providers.colField')}</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{fieldLabelKey[k] ? t(fieldLabelKey[k]!) : k}</th>
            <td>
              <del>{show(k, before?.[k])}</del>
            </td>
            <td>
              <ins>{show(k, after[k])}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
