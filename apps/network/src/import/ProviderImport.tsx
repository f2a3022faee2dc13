// /network/providers/import: a networker's provider spreadsheet (CSV or XLSX) in three steps —
// choose the file, map its columns to our fields (suggested from the headers), check the preview
// row by row (town found, inside the territories, duplicates to skip) and import all rows at once.
import { useMutation, useQueryClient, useSession, useTRPC } from '@caremap/api-client';
import { Button, Link, Loading, PageHeading, ScrollRegion, SignInPrompt } from '@caremap/ui';
import { useRef, useState } from 'react';
import { useT } from '../translate';

const fields = [
  'organizationName',
  'serviceName',
  'serviceType',
  'address',
  'postcode',
  'town',
  'phone',
  'email',
  'website',
  'notes',
  'partnerKind',
] as const;
type Field = (typeof fields)[number];
const required: Field[] = ['organizationName', 'town'];
const maxBytes = 5 * 1024 * 1024;

function toBase64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The refusal in the user's language: the problem code the API puts in the error's details. */
function problemOf(error: unknown): { problem: string; field?: string; rows?: unknown } | null {
  const data = (error as { data?: { details?: unknown } } | null)?.data;
  const details = data?.details as { problem?: string; field?: string } | undefined;
  return details?.problem ? (details as { problem: string; field?: string }) : null;
}

export function ProviderImportRoute() {
  const { t } = useT();
  const session = useSession();
  return (
    <div className="net">
      <PageHeading title={t('sheetImport.title')}>
        <p>{t('sheetImport.intro')}</p>
        <p>
          <Link href="/network/providers">{t('sheetImport.back')}</Link>
        </p>
      </PageHeading>
      {session.isLoading ? (
        <Loading />
      ) : session.user ? (
        <ProviderImport />
      ) : (
        <SignInPrompt
          title={t('network.signInTitle')}
          body={t('network.signInBody')}
          next="/network/providers/import"
        />
      )}
    </div>
  );
}

function ProviderImport() {
  const { t } = useT();
  const trpc = useTRPC();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [mapping, setMapping] = useState<Partial<Record<Field, number | null>> | undefined>();
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const preview = useMutation(trpc.providerImport.preview.mutationOptions());
  const queryClient = useQueryClient();
  // The new providers must show at once in the providers table and the territory counts.
  const commit = useMutation(
    trpc.providerImport.commit.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.networkRecord.pathFilter());
        void queryClient.invalidateQueries(trpc.territory.pathFilter());
      },
    }),
  );
  const heading = useRef<HTMLHeadingElement>(null);

  const run = (next: { name: string; content: string }, map?: Partial<Record<Field, number | null>>) => {
    commit.reset();
    preview.mutate(
      { fileName: next.name, contentBase64: next.content, mapping: map },
      {
        onSuccess: (data) => {
          setMapping(data.mapping as Partial<Record<Field, number | null>>);
          setSkip(new Set(data.rows.filter((r) => r.duplicate).map((r) => r.rowNumber)));
          heading.current?.focus();
        },
      },
    );
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setTooLarge(f.size > maxBytes);
    if (f.size > maxBytes) return;
    const next = { name: f.name, content: toBase64(await f.arrayBuffer()) };
    setFile(next);
    setMapping(undefined);
    run(next);
  };

  const refusal = problemOf(preview.error) ?? problemOf(commit.error);
  const data = preview.data;
  const errors = data?.rows.filter((r) => r.status === 'error' && !skip.has(r.rowNumber)).length ?? 0;
  const fieldName = (f: string) => t(`sheetImport.field.${f}`);

  return (
    <div className="sheet">
      <section aria-labelledby="sheet-step1">
        <h2 id="sheet-step1">{t('sheetImport.step1')}</h2>
        <label className="sheet__file">
          {t('sheetImport.file')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </label>
        <p className="sheet__hint">{t('sheetImport.fileHint')}</p>
        {tooLarge && (
          <p role="alert" className="sheet__error">
            {t('sheetImport.problem.too_large')}
          </p>
        )}
      </section>
      {preview.isPending && <Loading />}
      {refusal && (
        <p role="alert" className="sheet__error">
          {t(`sheetImport.problem.${refusal.problem}`, {
            field: refusal.field ? fieldName(refusal.field) : '',
          })}
        </p>
      )}
      {(preview.isError || commit.isError) && !refusal && (
        <p role="alert" className="sheet__error">
          {t('sheetImport.failed')}
        </p>
      )}
      {file && data && mapping && (
        <>
          <section aria-labelledby="sheet-step2">
            <h2 id="sheet-step2">{t('sheetImport.step2')}</h2>
            <div className="sheet__mapping">
              {fields.map((f) => (
                <label key={f}>
                  {fieldName(f)}
                  {required.includes(f) ? ` (${t('sheetImport.required')})` : ''}
                  <select
                    value={mapping[f] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setMapping({ ...mapping, [f]: v === '' ? null : Number(v) });
                    }}
                  >
                    <option value="">{t('sheetImport.notMapped')}</option>
                    {data.columns.map((c, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the column's position is its identity (two columns may share a header)
                      <option key={`${i}-${c}`} value={i}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <Button onClick={() => run(file, mapping)}>{t('sheetImport.check')}</Button>
          </section>
          <section aria-labelledby="sheet-step3">
            <h2 id="sheet-step3" ref={heading} tabIndex={-1}>
              {t('sheetImport.step3')}
            </h2>
            <p>
              {t('sheetImport.counts', {
                ok: data.counts.ok,
                warning: data.counts.warning,
                error: data.counts.error,
                duplicate: data.counts.duplicate,
              })}
            </p>
            <ScrollRegion className="sheet__table" label={t('sheetImport.step3')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('sheetImport.row')}</th>
                    <th scope="col">{t('sheetImport.status')}</th>
                    <th scope="col">{fieldName('organizationName')}</th>
                    <th scope="col">{fieldName('town')}</th>
                    <th scope="col">{t('sheetImport.problems')}</th>
                    <th scope="col">{t('sheetImport.skip')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.rowNumber} className={`sheet__row--${r.status}`}>
                      <td>{r.rowNumber}</td>
                      <td>{t(`sheetImport.statusName.${r.status}`)}</td>
                      <td>{r.values.organizationName ?? ''}</td>
                      <td>{r.place ? r.place.name : (r.values.town ?? '')}</td>
                      <td>
                        {r.problems.length === 0
                          ? ''
                          : r.problems
                              .map(
                                (p) =>
                                  `${p.field ? `${fieldName(p.field)}: ` : ''}${t(
                                    `sheetImport.problem.${p.code}`,
                                    {
                                      name: r.duplicate?.name ?? '',
                                      row: r.duplicate?.ofRow ?? '',
                                    },
                                  )}`,
                              )
                              .join('; ')}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('sheetImport.skipRow', { row: r.rowNumber })}
                          checked={skip.has(r.rowNumber)}
                          onChange={(e) => {
                            const next = new Set(skip);
                            if (e.currentTarget.checked) next.add(r.rowNumber);
                            else next.delete(r.rowNumber);
                            setSkip(next);
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            {errors > 0 && <p className="sheet__hint">{t('sheetImport.fixErrors', { count: errors })}</p>}
            <Button
              disabled={errors > 0 || commit.isPending || commit.isSuccess}
              onClick={() =>
                commit.mutate({
                  fileName: file.name,
                  contentBase64: file.content,
                  mapping,
                  skipRows: [...skip],
                })
              }
            >
              {t('sheetImport.apply')}
            </Button>
            {commit.isPending && <Loading />}
            {commit.data && (
              <p role="status" className="sheet__done">
                {t('sheetImport.done', { count: commit.data.created })}{' '}
                <Link href="/network/providers">{t('sheetImport.toProviders')}</Link>
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}
