import { type RouterOutputs, useMutation, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatNumber,
  Loading,
  QueryState,
  ScrollRegion,
} from '@caremap/ui';
import { needReporterValues, needSeverityValues, needStatusValues } from '@caremap/validators';
import { type FormEvent, useId, useState } from 'react';
import {
  SignedInNetworkPage,
  type TermGroup,
  type Territory,
  WithTerritoriesAndTerms,
} from './NetworkScreen';
import { useT } from './translate';

type Need = RouterOutputs['need']['list'][number];

const today = () => new Date().toISOString().slice(0, 10);
const labelOf = (category: Need['category'], language: string) => category[language] || category.name;

function NeedForm({
  territoryId,
  groups,
  onSaved,
}: {
  territoryId: string;
  groups: TermGroup[];
  onSaved: () => void;
}) {
  const { t } = useT();
  const trpc = useTRPC();
  const id = useId();
  const [termId, setTermId] = useState('');
  const [description, setDescription] = useState('');
  const [reportedBy, setReportedBy] = useState<(typeof needReporterValues)[number]>('provider');
  const [severity, setSeverity] = useState<(typeof needSeverityValues)[number]>('medium');
  const [reportedOn, setReportedOn] = useState(today());
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.need.create.mutationOptions({
      onSuccess: () => {
        setDescription('');
        setTermId('');
        onSaved();
      },
    }),
  );
  const server = create.error ? apiErrorDetails(create.error, t as never) : null;
  const errors = { ...server?.fieldErrors, ...local };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!termId) next.taxonomyTermId = t('needs.errorCategory');
    if (description.trim().length < 3) next.description = t('needs.errorDescription');
    setLocal(next);
    if (Object.keys(next).length) return;
    create.mutate({ territoryId, taxonomyTermId: termId, description, reportedBy, severity, reportedOn });
  };
  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="cov-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form className="cov-form" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="need-form__title">
        {t('needs.formTitle')}
      </h2>
      <div className="cov-field">
        <label htmlFor={`${id}-term`}>{t('needs.fieldCategory')}</label>
        <select
          id={`${id}-term`}
          value={termId}
          onChange={(e) => setTermId(e.target.value)}
          {...field('taxonomyTermId')}
        >
          <option value="">{t('needs.chooseCategory')}</option>
          {groups.map((g) => (
            <optgroup key={g.id} label={g.label}>
              {g.terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {term.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {error('taxonomyTermId')}
      </div>
      <div className="cov-field">
        <label htmlFor={`${id}-by`}>{t('needs.fieldReportedBy')}</label>
        <select
          id={`${id}-by`}
          value={reportedBy}
          onChange={(e) => setReportedBy(e.target.value as typeof reportedBy)}
        >
          {needReporterValues.map((r) => (
            <option key={r} value={r}>
              {t(`needs.reporter.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="cov-field">
        <label htmlFor={`${id}-sev`}>{t('needs.fieldSeverity')}</label>
        <select
          id={`${id}-sev`}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as typeof severity)}
        >
          {needSeverityValues.map((s) => (
            <option key={s} value={s}>
              {t(`needs.severity.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="cov-field">
        <label htmlFor={`${id}-on`}>{t('needs.fieldReportedOn')}</label>
        <input
          id={`${id}-on`}
          type="date"
          value={reportedOn}
          max={today()}
          onChange={(e) => setReportedOn(e.target.value)}
          {...field('reportedOn')}
        />
        {error('reportedOn')}
      </div>
      <div className="cov-field need-form__wide">
        <label htmlFor={`${id}-desc`}>{t('needs.fieldDescription')}</label>
        <textarea
          id={`${id}-desc`}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          {...field('description')}
        />
        {error('description')}
      </div>
      {server && Object.keys(server.fieldErrors).length === 0 ? (
        <p role="alert" className="cov-error need-form__wide">
          {server.message}
        </p>
      ) : null}
      <div className="need-form__wide">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t('needs.saving') : t('needs.save')}
        </Button>
      </div>
    </form>
  );
}

/** A need's status, changed in place; a conflicting edit shows what the other person saved. */
function StatusCell({ need, onSaved }: { need: Need; onSaved: () => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const update = useMutation(trpc.need.update.mutationOptions({ onSuccess: onSaved }));
  const conflict = update.error ? apiErrorDetails(update.error, t as never) : null;
  return (
    <>
      <select
        aria-label={t('needs.statusOf', { description: need.description.slice(0, 60) })}
        value={need.status}
        disabled={update.isPending}
        onChange={(e) => {
          const status = e.target.value as (typeof needStatusValues)[number];
          update.mutate({
            id: need.id,
            expectedVersion: need.version,
            changes: { status, metOn: status === 'met' ? today() : null },
          });
        }}
      >
        {needStatusValues.map((s) => (
          <option key={s} value={s}>
            {t(`needs.status.${s}`)}
          </option>
        ))}
      </select>
      {conflict ? (
        <p role="alert" className="cov-error">
          {conflict.kind === 'conflict' ? t('needs.conflict') : conflict.message}{' '}
          <button type="button" className="imp-link" onClick={onSaved}>
            {t('needs.reload')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function NeedsTable({ needs, onSaved }: { needs: Need[]; onSaved: () => void }) {
  const { t } = useT();
  const language = currentLanguage();
  if (needs.length === 0)
    return (
      <EmptyState title={t('needs.emptyTitle')}>
        <p>{t('needs.emptyBody')}</p>
      </EmptyState>
    );
  return (
    <ScrollRegion className="net-table-wrap" label={t('needs.tableCaption')}>
      <table className="net-table">
        <caption>{t('needs.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('needs.colNeed')}</th>
            <th scope="col">{t('needs.colCategory')}</th>
            <th scope="col">{t('needs.colSeverity')}</th>
            <th scope="col">{t('needs.colReported')}</th>
            <th scope="col">{t('needs.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {needs.map((n) => (
            <tr key={n.id} className={`need-row need-row--${n.severity}`}>
              <th scope="row" className="need-desc">
                {n.description}
                <span className="cov-muted need-where">{n.territoryName}</span>
              </th>
              <td>{labelOf(n.category, language)}</td>
              <td>
                <span className={`need-sev need-sev--${n.severity}`}>
                  {t(`needs.severity.${n.severity}`)}
                </span>
              </td>
              <td>
                {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
                  new Date(n.reportedOn),
                )}
                <span className="cov-muted need-where">{t(`needs.reporter.${n.reportedBy}`)}</span>
              </td>
              <td>
                <StatusCell need={n} onSaved={onSaved} />
                {n.metOn ? (
                  <span className="cov-muted need-where">
                    {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
                      new Date(n.metOn),
                    )}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function QuarterlyFigures({ territoryId }: { territoryId: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const language = currentLanguage();
  const stats = useQuery(trpc.need.stats.queryOptions({ territoryId }));
  if (stats.isPending) return <Loading />;
  if (stats.isError)
    return (
      <ErrorState
        title={t('needs.statsFailed')}
        message={formatApiError(stats.error, t as never)}
        onRetry={() => void stats.refetch()}
      />
    );
  const { year, quarters, categories } = stats.data;
  const n = (v: number) => formatNumber(v, language);
  return (
    <>
      <ScrollRegion className="net-table-wrap" label={t('needs.quartersCaption', { year })}>
        <table className="net-table">
          <caption>{t('needs.quartersCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('needs.colQuarter')}</th>
              <th scope="col" className="net-num">
                {t('needs.colNew')}
              </th>
              <th scope="col" className="net-num">
                {t('needs.colMet')}
              </th>
              <th scope="col" className="net-num">
                {t('needs.colOpenAtEnd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{t('needs.quarter', { quarter: q.quarter, year })}</th>
                <td className="net-num">{n(q.reported)}</td>
                <td className="net-num">{n(q.met)}</td>
                <td className="net-num">{n(q.openAtEnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {categories.length ? (
        <ScrollRegion className="net-table-wrap" label={t('needs.categoriesCaption')}>
          <table className="net-table">
            <caption>{t('needs.categoriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('needs.colCategory')}</th>
                {needStatusValues.map((s) => (
                  <th key={s} scope="col" className="net-num">
                    {t(`needs.status.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.taxonomyTermId}>
                  <th scope="row">{labelOf(c.category, language)}</th>
                  <td className="net-num">{n(c.now.open)}</td>
                  <td className="net-num">{n(c.now.in_progress)}</td>
                  <td className="net-num">{n(c.now.met)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </>
  );
}

function NeedsScreen({ items, groups }: { items: Territory[]; groups: TermGroup[] }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const territoryId = picked ?? items[0]?.id ?? '';
  const needs = useQuery({ ...trpc.need.list.queryOptions({ territoryId }), enabled: territoryId !== '' });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.need.list.queryKey({ territoryId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.need.stats.queryKey({ territoryId }) });
  };
  return (
    <div className="cov-layout">
      <div className="cov-field need-territory">
        <label htmlFor={`${id}-territory`}>{t('coverage.fieldTerritory')}</label>
        <select id={`${id}-territory`} value={territoryId} onChange={(e) => setPicked(e.target.value)}>
          {items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <NeedForm key={territoryId} territoryId={territoryId} groups={groups} onSaved={refresh} />
      <QueryState query={needs} failed={t('needs.loadFailed')}>
        {(data) => <NeedsTable needs={data} onSaved={refresh} />}
      </QueryState>
      <QuarterlyFigures territoryId={territoryId} />
    </div>
  );
}

/** /network/needs: the needs register of a territory and its quarterly figures. */
export function Needs() {
  const { t } = useT();
  return (
    <SignedInNetworkPage title={t('needs.title')} intro={t('needs.intro')} next="/network/needs">
      <WithTerritoriesAndTerms loadFailed={t('needs.loadFailed')}>
        {(items, groups) => <NeedsScreen items={items} groups={groups} />}
      </WithTerritoriesAndTerms>
    </SignedInNetworkPage>
  );
}
