import { apiErrorDetails, describeIssue, type ValidationIssue } from '@caremap/ui';
import { useId } from 'react';
import { type Translate, useT } from '../translate';
import { type FieldDef, fieldLabelKey, type Values } from './fields';
import { kindLabelKey, partnerKinds } from './layers';

/** Per field (the last name in the issue's path: `changes.email` -> `email`), the translated problem. */

export function fieldErrorsOf(
  error: unknown,
  t: Translate,
  /** Only the issues under this part of a nested input (`organization.name` for "organization"). */
  group?: string,
): { message: string; fields: Record<string, string> } {
  const details = apiErrorDetails(error, t as never);
  const fields: Record<string, string> = {};
  const data = (error as { data?: { zodIssues?: ValidationIssue[]; details?: { field?: string } } } | null)
    ?.data;
  for (const issue of (data?.zodIssues ?? []).filter((i) => group === undefined || i.path[0] === group)) {
    const key = [...issue.path].reverse().find((p) => typeof p === 'string' && p in fieldLabelKey);
    if (typeof key === 'string' && !(key in fields)) fields[key] = describeIssue(issue, t as never);
  }
  const field = data?.details?.field;
  if (typeof field === 'string' && field in fieldLabelKey && !(field in fields))
    fields[field] = details.message;
  const named = Object.entries(fields).map(([k, problem]) =>
    t('errors.fieldMessage', { field: t(fieldLabelKey[k]!), problem }),
  );
  return { message: named.length ? named.join(' ') : details.message, fields };
}

const statuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
const statusKey = {
  active: 'providers.statusActive',
  inactive: 'providers.statusInactive',
  defunct: 'providers.statusDefunct',
  'temporarily closed': 'providers.statusClosed',
} as const;

export function FieldInput({
  def,
  values,
  setValue,
  error,
}: {
  def: FieldDef;
  values: Values;
  setValue: (key: string, value: string | boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const id = useId();
  const errorId = `${id}-error`;
  const label = t(fieldLabelKey[def.key]!);
  const value = values[def.key];
  const common = {
    id,
    name: def.key,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    required: def.required,
  };
  const text = typeof value === 'string' ? value : '';
  let input: React.ReactNode;
  if (def.kind === 'checkbox') {
    return (
      <div className={`prov-field prov-field--check${error ? ' prov-field--invalid' : ''}`}>
        <input
          type="checkbox"
          {...common}
          checked={value === true}
          onChange={(e) => setValue(def.key, e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
        {error ? (
          <p id={errorId} className="prov-field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  if (def.kind === 'textarea')
    input = (
      <textarea {...common} rows={3} value={text} onChange={(e) => setValue(def.key, e.target.value)} />
    );
  else if (def.kind === 'kind')
    input = (
      <select {...common} value={text} onChange={(e) => setValue(def.key, e.target.value)}>
        {partnerKinds.map((k) => (
          <option key={k} value={k}>
            {t(kindLabelKey[k])}
          </option>
        ))}
      </select>
    );
  else if (def.kind === 'status')
    input = (
      <select {...common} value={text} onChange={(e) => setValue(def.key, e.target.value)}>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(statusKey[s])}
          </option>
        ))}
      </select>
    );
  else
    input = (
      <input
        {...common}
        type={def.kind === 'coordinate' ? 'text' : def.kind}
        inputMode={def.kind === 'coordinate' ? 'decimal' : undefined}
        value={text}
        onChange={(e) => setValue(def.key, e.target.value)}
      />
    );
  return (
    <div
      className={`prov-field${error ? ' prov-field--invalid' : ''}${def.kind === 'textarea' ? ' prov-field--wide' : ''}`}
    >
      <label htmlFor={id} className="prov-field__label">
        {label}
      </label>
      {input}
      {error ? (
        <p id={errorId} className="prov-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { statusKey };
