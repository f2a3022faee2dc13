// Editing one record: its form, Save on top of the version that was loaded, and when someone else
// saved meanwhile the conflict view with both versions side by side (nothing is thrown away: the
// user's values stay in the form). The history of the record, and Verify after review.
import { useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorExtra,
  Button,
  currentLanguage,
  ErrorState,
  formatApiError,
  formatDateTime,
  Loading,
  ScrollRegion,
} from '@caremap/ui';
import { useEffect, useId, useState } from 'react';
import { useT } from '../translate';
import { DiffTable, useShowValue } from './Diff';
import { FieldInput, fieldErrorsOf } from './Form';
import { changedFields, type FieldDef, fieldLabelKey, formFields, toValues, type Values } from './fields';
import { type Entity, entityLabelKey } from './layers';

interface Conflict {
  theirs: {
    version: number;
    fields: Record<string, string | number | boolean | null>;
    changedBy: string | null;
    changedAt: string | null;
  };
  yours: { expectedVersion: number; changes: Record<string, string | number | boolean | null> };
}

export function RecordEditor({ entity, id, onClose }: { entity: Entity; id: string; onClose: () => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const record = useQuery(trpc.networkRecord.get.queryOptions({ entity, id }));
  const [values, setValues] = useState<Values | null>(null);
  const [base, setBase] = useState<{
    version: number;
    fields: Record<string, string | number | boolean | null>;
  } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (record.data && !base) {
      setBase({ version: record.data.version, fields: record.data.fields });
      setValues(toValues(record.data.fields));
    }
  }, [record.data, base]);

  const refresh = () => {
    void queryClient.invalidateQueries(trpc.networkRecord.pathFilter());
  };
  const save = useMutation(
    trpc.networkRecord.update.mutationOptions({
      onSuccess: (result) => {
        setConflict(null);
        setBase((b) =>
          b && values ? { version: result.version, fields: { ...b.fields, ...result.next } } : b,
        );
        setSaved(t('providers.saved'));
        refresh();
      },
      onError: (error) => {
        setSaved(null);
        if (apiErrorCode(error) === 'conflict') setConflict(apiErrorExtra(error) as Conflict);
      },
    }),
  );
  const verify = useMutation(
    trpc.networkRecord.verify.mutationOptions({
      onSuccess: (result) => {
        setBase((b) => (b ? { ...b, version: result.version } : b));
        setSaved(t('providers.verifiedNow'));
        refresh();
      },
    }),
  );

  if (record.isPending || !values || !base) return <Loading />;
  if (record.isError)
    return (
      <ErrorState
        title={t('providers.loadFailed')}
        message={formatApiError(record.error, t as never)}
        onRetry={() => void record.refetch()}
      />
    );

  const errors = save.isError && !conflict ? fieldErrorsOf(save.error, t) : null;
  const setValue = (key: string, value: string | boolean) =>
    setValues((v) => ({ ...(v ?? {}), [key]: value }));
  const changes = changedFields(entity, base.fields, values);
  const submit = () => {
    setSaved(null);
    save.mutate({ entity, id, expectedVersion: base.version, changes } as never);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    // Start again from their version, keeping the user's own changes on top.
    setBase({ version: conflict.theirs.version, fields: conflict.theirs.fields });
    setValues({ ...toValues(conflict.theirs.fields), ...toValues(conflict.yours.changes) });
    setConflict(null);
    save.reset();
  };
  const language = currentLanguage();
  const r = record.data;
  return (
    <section className="prov-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('providers.editTitle', { entity: t(entityLabelKey[entity]) })}: {String(base.fields.name ?? '')}
      </h3>
      <p className="prov-meta">
        {r.lastVerifiedAt
          ? t('providers.lastVerified', {
              date: formatDateTime(new Date(r.lastVerifiedAt), language),
              name: r.verifiedByName ?? '—',
            })
          : t('providers.neverVerified')}
      </p>
      {conflict ? (
        <div className="prov-conflict" role="alert">
          <h4>{t('providers.conflictTitle')}</h4>
          <p>
            {t('providers.conflictBody', {
              name: conflict.theirs.changedBy ?? t('providers.someone'),
              date: conflict.theirs.changedAt
                ? formatDateTime(new Date(conflict.theirs.changedAt), language)
                : '',
            })}
          </p>
          <ScrollRegion className="net-table-wrap" label={t('providers.conflictTitle')}>
            <ConflictTable conflict={conflict} />
          </ScrollRegion>
          <div className="prov-actions">
            <Button onClick={takeTheirs}>{t('providers.conflictKeepMine')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setBase({ version: conflict.theirs.version, fields: conflict.theirs.fields });
                setValues(toValues(conflict.theirs.fields));
                setConflict(null);
                save.reset();
              }}
            >
              {t('providers.conflictTakeTheirs')}
            </Button>
          </div>
        </div>
      ) : null}
      <form
        className="prov-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {errors ? (
          <p className="prov-error" role="alert">
            {errors.message}
          </p>
        ) : null}
        <div className="prov-grid">
          {formFields[entity].map((def: FieldDef) => (
            <FieldInput
              key={def.key}
              def={def}
              values={values}
              setValue={setValue}
              error={errors?.fields[def.key]}
            />
          ))}
        </div>
        <div className="prov-actions">
          <Button
            type="submit"
            busy={save.isPending}
            aria-disabled={Object.keys(changes).length === 0 || undefined}
          >
            {t('providers.save')}
          </Button>
          <Button
            variant="secondary"
            busy={verify.isPending}
            onClick={() => verify.mutate({ entity, id, expectedVersion: base.version })}
          >
            {t('providers.verify')}
          </Button>
          <Button variant="quiet" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)}>
            {t('providers.history')}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            {t('providers.close')}
          </Button>
        </div>
        <p role="status" className="prov-status">
          {saved ?? ''}
          {verify.isError ? formatApiError(verify.error, t as never) : ''}
        </p>
      </form>
      {showHistory ? <History entity={entity} id={id} /> : null}
    </section>
  );
}

function ConflictTable({ conflict }: { conflict: Conflict }) {
  const { t } = useT();
  const show = useShowValue();
  const keys = Object.keys(conflict.yours.changes);
  return (
    <table className="net-table prov-diff">
      <caption className="cm-visually-hidden">{t('providers.conflictTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('providers.colField')}</th>
          <th scope="col">{t('providers.theirVersion', { version: conflict.theirs.version })}</th>
          <th scope="col">{t('providers.yourVersion')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{fieldLabelKey[k] ? t(fieldLabelKey[k]!) : k}</th>
            <td>{show(k, conflict.theirs.fields[k])}</td>
            <td>{show(k, conflict.yours.changes[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const actionKey = {
  create: 'providers.actionCreate',
  update: 'providers.actionUpdate',
  verify: 'providers.actionVerify',
  suggestion: 'providers.actionSuggestion',
} as const;

export function History({ entity, id }: { entity: Entity; id: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const history = useQuery(trpc.networkRecord.history.queryOptions({ entity, id }));
  const language = currentLanguage();
  if (history.isPending) return <Loading />;
  if (history.isError)
    return (
      <ErrorState title={t('providers.historyFailed')} message={formatApiError(history.error, t as never)} />
    );
  if (history.data.items.length === 0) return <p>{t('providers.historyEmpty')}</p>;
  return (
    <section className="prov-history" aria-label={t('providers.history')}>
      <h4>{t('providers.history')}</h4>
      <ol>
        {history.data.items.map((h) => (
          <li key={h.id}>
            <p>
              <strong>{t(actionKey[h.action])}</strong>{' '}
              {t('providers.historyLine', {
                version: h.version,
                name: h.changedBy ?? t('providers.someone'),
                date: formatDateTime(new Date(h.changedAt), language),
              })}
            </p>
            <ScrollRegion
              className="net-table-wrap"
              label={t('providers.historyDiff', { version: h.version })}
            >
              <DiffTable
                caption={t('providers.historyDiff', { version: h.version })}
                before={h.previous}
                after={h.next}
                beforeLabel={t('providers.before')}
                afterLabel={t('providers.after')}
              />
            </ScrollRegion>
          </li>
        ))}
      </ol>
    </section>
  );
}
