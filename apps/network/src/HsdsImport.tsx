// /network/import: coordinators and administrators upload an HSDS file (JSON, NDJSON or a zip
// datapackage). The browser sends it with XMLHttpRequest (upload progress), then polls the job
// (directoryImport.get) through its server phases, and shows the report or the summary.
import { csrfHeaders, type RouterOutputs, useQuery, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  Button,
  currentLanguage,
  EmptyState,
  ErrorState,
  formatApiError,
  formatNumber,
  intlLocale,
  Loading,
  PageHeading,
  ScrollRegion,
  SignInPrompt,
  useTranslation,
} from '@caremap/ui';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';

type Job = RouterOutputs['directoryImport']['get'];
type Problem = NonNullable<Job['report']>['problems'][number];
const FINAL = new Set(['succeeded', 'failed']);

interface UploadState {
  phase: 'idle' | 'uploading' | 'error';
  loaded: number;
  total: number;
  error?: string;
}

/** Sends the file as a raw body; resolves with the job id or rejects with the server's problem. */
function send(file: File, onProgress: (loaded: number, total: number) => void) {
  return new Promise<string>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/hsds?name=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: { id?: string; code?: string; max_bytes?: number; detail?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status === 202 && body.id) resolve(body.id);
      else reject(Object.assign(new Error(body.detail ?? String(xhr.status)), { status: xhr.status, body }));
    };
    xhr.onerror = () => reject(Object.assign(new Error('network'), { status: 0, body: {} }));
    xhr.send(file);
  });
}

function Progress({ value, max, label }: { value: number; max: number | null; label: string }) {
  return (
    <div className="imp-progress">
      <span>{label}</span>
      {max ? (
        <progress value={Math.min(value, max)} max={max} aria-label={label} />
      ) : (
        <progress aria-label={label} />
      )}
    </div>
  );
}

function problemText(p: Problem, t: ReturnType<typeof useTranslation>['t']) {
  return p.code ? t(`hsdsImport.problem.${p.code}`, { defaultValue: p.problem }) : p.problem;
}

function Report({ job }: { job: Job }) {
  const { t } = useTranslation();
  const report = job.report;
  if (job.status === 'succeeded') {
    return (
      <section className="imp-summary" aria-labelledby="imp-done">
        <h3 id="imp-done">{t('hsdsImport.succeeded')}</h3>
        <dl>
          <dt>{t('hsdsImport.created')}</dt>
          <dd>{formatNumber(job.counts.created, currentLanguage())}</dd>
          <dt>{t('hsdsImport.updated')}</dt>
          <dd>{formatNumber(job.counts.updated, currentLanguage())}</dd>
          <dt>{t('hsdsImport.unchanged')}</dt>
          <dd>{formatNumber(job.counts.unchanged, currentLanguage())}</dd>
        </dl>
        {report && report.warningCount > 0 && (
          <p>{t('hsdsImport.warnings', { count: report.warningCount })}</p>
        )}
      </section>
    );
  }
  const problems = report?.problems ?? [];
  return (
    <section aria-labelledby="imp-failed">
      <h3 id="imp-failed">{t('hsdsImport.failed')}</h3>
      <p>{t('hsdsImport.nothingWritten', { count: report?.problemCount ?? problems.length })}</p>
      <ScrollRegion className="net-table-wrap" label={t('hsdsImport.reportCaption')}>
        <table className="net-table">
          <caption>{t('hsdsImport.reportCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hsdsImport.colFile')}</th>
              <th scope="col">{t('hsdsImport.colRecord')}</th>
              <th scope="col">{t('hsdsImport.colField')}</th>
              <th scope="col">{t('hsdsImport.colProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id of their own
              <tr key={i}>
                <td>{p.file || job.fileName}</td>
                <td>
                  {p.record.index >= 0 ? `#${p.record.index + 1}` : '–'}
                  {p.record.id ? <code className="imp-id"> {p.record.id}</code> : null}
                </td>
                <td>{p.field ? <code>{p.field}</code> : '–'}</td>
                <td>{problemText(p, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function JobStatus({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const finishedSeen = useRef<string | null>(null);
  const job = useQuery(
    trpc.directoryImport.get.queryOptions(
      { id },
      { refetchInterval: (q) => (q.state.data && FINAL.has(q.state.data.status) ? false : 1000) },
    ),
  );
  const finished = job.data && FINAL.has(job.data.status) ? job.data.id : null;
  useEffect(() => {
    if (!finished || finishedSeen.current === finished) return;
    finishedSeen.current = finished;
    // The recent list shows the new status at once, not at its next poll.
    void queryClient.invalidateQueries(trpc.directoryImport.list.pathFilter());
  }, [finished, queryClient, trpc]);
  if (job.isPending) return <Loading />;
  if (job.isError)
    return <ErrorState title={t('hsdsImport.loadFailed')} message={formatApiError(job.error, t)} />;
  const j = job.data;
  const p = j.progress;

  const phase =
    j.status === 'queued'
      ? t('hsdsImport.phaseQueued')
      : j.status === 'validating'
        ? t('hsdsImport.phaseValidating', { count: Math.max(p.read, p.validated) })
        : j.status === 'applying'
          ? t('hsdsImport.phaseApplying', { written: p.written, total: p.total ?? p.validated })
          : j.status === 'succeeded'
            ? t('hsdsImport.succeeded')
            : t('hsdsImport.failed');
  return (
    <div className="imp-job">
      <p aria-live="polite" role="status">
        <strong>{j.fileName}</strong>: {phase}
      </p>
      {!FINAL.has(j.status) && (
        <Progress
          value={j.status === 'applying' ? p.written : p.validated}
          max={j.status === 'applying' ? (p.total ?? p.validated) : null}
          label={phase}
        />
      )}
      {FINAL.has(j.status) && <Report job={j} />}
    </div>
  );
}

function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const shortDate = new Intl.DateTimeFormat(intlLocale(currentLanguage()), {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const list = useQuery(trpc.directoryImport.list.queryOptions({ limit: 10 }, { refetchInterval: 5000 }));
  if (list.isPending) return <Loading />;
  if (list.isError)
    return <ErrorState title={t('hsdsImport.loadFailed')} message={formatApiError(list.error, t)} />;
  if (!list.data.items.length)
    return (
      <EmptyState title={t('hsdsImport.recentEmptyTitle')}>
        <p>{t('hsdsImport.recentEmptyBody')}</p>
      </EmptyState>
    );
  return (
    <ScrollRegion className="net-table-wrap" label={t('hsdsImport.recent')}>
      <table className="net-table">
        <caption>{t('hsdsImport.recent')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hsdsImport.colFile')}</th>
            <th scope="col">{t('hsdsImport.colWhen')}</th>
            <th scope="col">{t('hsdsImport.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((job) => (
            <tr key={job.id}>
              <td>
                <button type="button" className="imp-link" onClick={() => onOpen(job.id)}>
                  {job.fileName}
                </button>
              </td>
              <td>{shortDate.format(job.createdAt)}</td>
              <td>{t(`hsdsImport.status.${job.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Uploader() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle', loaded: 0, total: 0 });
  const [jobId, setJobId] = useState<string | null>(null);

  const start = async () => {
    if (!file) return;
    setJobId(null);
    setUpload({ phase: 'uploading', loaded: 0, total: file.size });
    try {
      const id = await send(file, (loaded, total) => setUpload({ phase: 'uploading', loaded, total }));
      setUpload({ phase: 'idle', loaded: 0, total: 0 });
      setJobId(id);
      void queryClient.invalidateQueries(trpc.directoryImport.list.pathFilter());
    } catch (error) {
      const e = error as { status: number; body: { code?: string; max_bytes?: number } };
      const code = e.body?.code;
      const message =
        code === 'too_large'
          ? t('hsdsImport.error.too_large', {
              size: formatNumber(Math.round((e.body.max_bytes ?? 0) / 1048576), currentLanguage()),
            })
          : code
            ? t(`hsdsImport.error.${code}`, { defaultValue: t('hsdsImport.error.generic') })
            : e.status === 0
              ? t('hsdsImport.error.network')
              : t('hsdsImport.error.generic');
      setUpload({ phase: 'error', loaded: 0, total: 0, error: message });
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <div className="imp-layout">
      <section aria-labelledby={`${inputId}-h`} className="imp-card">
        <h3 id={`${inputId}-h`}>{t('hsdsImport.chooseTitle')}</h3>
        <p>{t('hsdsImport.formats')}</p>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for mouse users; the file input beside it is the keyboard way */}
        <div
          className={`imp-drop${dragging ? ' imp-drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={inputId}>{t('hsdsImport.pick')}</label>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".json,.ndjson,.jsonl,.zip,application/json,application/zip"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p className="imp-hint">{t('hsdsImport.dropHint')}</p>
          {file && (
            <p>
              {t('hsdsImport.chosen', {
                name: file.name,
                size: formatNumber(Math.ceil(file.size / 1024), currentLanguage()),
              })}
            </p>
          )}
        </div>
        <Button type="button" onClick={() => void start()} disabled={!file || upload.phase === 'uploading'}>
          {t('hsdsImport.start')}
        </Button>
        {upload.phase === 'uploading' && (
          <Progress
            value={upload.loaded}
            max={upload.total || 1}
            label={t('hsdsImport.uploading', {
              percent: Math.round((upload.loaded / (upload.total || 1)) * 100),
            })}
          />
        )}
        {upload.phase === 'error' && (
          <p role="alert" className="imp-error">
            {upload.error}
          </p>
        )}
        {jobId && <JobStatus id={jobId} />}
      </section>
      <RecentImports onOpen={setJobId} />
    </div>
  );
}

/** The page: sign-in prompt, refusal for users without the grant, else the uploader. */
export function HsdsImport({ user }: { user: { roles: ReadonlyArray<{ role: string }> } | null }) {
  const { t } = useTranslation();
  const allowed = user?.roles.some((r) => r.role === 'coordinator' || r.role === 'admin');
  return (
    <div className="net">
      <PageHeading title={t('hsdsImport.title')}>
        <p>{t('hsdsImport.intro')}</p>
      </PageHeading>
      {!user ? (
        <SignInPrompt
          title={t('hsdsImport.signInTitle')}
          body={t('hsdsImport.signInBody')}
          next="/network/import"
        />
      ) : !allowed ? (
        <EmptyState title={t('hsdsImport.refusedTitle')}>
          <p>{t('hsdsImport.refusedBody')}</p>
        </EmptyState>
      ) : (
        <Uploader />
      )}
    </div>
  );
}
