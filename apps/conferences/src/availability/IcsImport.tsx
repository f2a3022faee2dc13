import { type RouterOutputs, useMutation, useQueryClient, useTRPC } from '@caremap/api-client';
import {
  apiErrorCode,
  apiErrorExtra,
  Button,
  currentLanguage,
  formatApiError,
  intlLocale,
  useTranslation,
} from '@caremap/ui';
import { icsImportMaxBytes } from '@caremap/validators';
import { type FormEvent, useRef, useState } from 'react';
import { useAvailabilityT } from './translate';

type Result = RouterOutputs['availability']['importIcs'];

const problems = [
  'not_calendar',
  'syntax',
  'unterminated',
  'bad_value',
  'missing_start',
  'unknown_timezone',
  'too_many',
] as const;

/** The server's reason for refusing a file: its problem code, line and detail, when it gave one. */
function refusalOf(error: unknown) {
  const extra = apiErrorExtra(error) as { problem?: string; line?: number; detail?: string } | undefined;
  const problem = problems.find((p) => p === extra?.problem);
  if (apiErrorCode(error) !== 'invalid_calendar' || !problem) return undefined;
  return { problem, line: extra?.line, detail: extra?.detail ?? '' };
}

const tooLarge = (error: unknown) =>
  (error as { data?: { zodIssues?: Array<{ path: unknown[]; code: string }> } }).data?.zodIssues?.some(
    (i) => i.path[0] === 'content' && i.code !== 'too_small',
  ) ?? false;

/** Upload of an .ics file: its events of the next 90 days replace my previous import. */
export function IcsImport(props: { timeZone: string }) {
  const { t } = useTranslation();
  const at = useAvailabilityT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ data: Result; fileName: string } | null>(null);
  const locale = intlLocale(currentLanguage());
  const problemText = (problem: (typeof problems)[number], detail: string): string => {
    switch (problem) {
      case 'not_calendar':
        return at('availability.icsProblem.notCalendar');
      case 'syntax':
        return at('availability.icsProblem.syntax');
      case 'unterminated':
        return at('availability.icsProblem.unterminated');
      case 'bad_value':
        return at('availability.icsProblem.badValue', { detail });
      case 'missing_start':
        return at('availability.icsProblem.missingStart');
      case 'unknown_timezone':
        return at('availability.icsProblem.unknownTimezone', { detail });
      default:
        return at('availability.icsProblem.tooMany');
    }
  };
  const importIcs = useMutation(
    trpc.availability.importIcs.mutationOptions({
      onSuccess: async (data, input) => {
        setResult({ data, fileName: input.fileName });
        if (fileRef.current) fileRef.current.value = '';
        await queryClient.invalidateQueries({ queryKey: trpc.availability.mine.queryKey() });
      },
      onError: (error) => {
        const refused = refusalOf(error);
        if (!refused) {
          setProblem(tooLarge(error) ? at('availability.icsTooLarge') : formatApiError(error, t));
          return;
        }
        const text = problemText(refused.problem, refused.detail);
        setProblem(refused.line ? `${text} ${at('availability.icsAtLine', { line: refused.line })}` : text);
      },
    }),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setResult(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setProblem(at('availability.icsNoFile'));
      fileRef.current?.focus();
      return;
    }
    if (file.size > icsImportMaxBytes) {
      setProblem(at('availability.icsTooLarge'));
      fileRef.current?.focus();
      return;
    }
    importIcs.mutate({ fileName: file.name, content: await file.text(), timeZone: props.timeZone });
  };
  const day = (d: Date) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: props.timeZone }).format(d);
  return (
    <form className="avail-ics" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="avail-ics-title">
      <h2 id="avail-ics-title" className="conf-subtitle">
        {at('availability.icsTitle')}
      </h2>
      <p className="conf-muted" id="avail-ics-hint">
        {at('availability.icsIntro')}
      </p>
      <div className={`conf-field${problem ? ' conf-field--invalid' : ''}`}>
        <label htmlFor="avail-ics-file" className="conf-field__label">
          {at('availability.icsFile')}
        </label>
        <input
          ref={fileRef}
          id="avail-ics-file"
          type="file"
          accept=".ics,text/calendar"
          aria-describedby={problem ? 'avail-ics-hint avail-ics-error' : 'avail-ics-hint'}
          aria-invalid={problem ? true : undefined}
          onChange={() => setProblem(null)}
        />
        {problem ? (
          <div id="avail-ics-error" className="conf-form__alert" role="alert">
            <p className="avail-ics__problem">{problem}</p>
            <p className="avail-ics__problem">{at('availability.icsUnchanged')}</p>
          </div>
        ) : null}
      </div>
      <div className="conf-actions">
        <Button type="submit" busy={importIcs.isPending}>
          {at('availability.icsImport')}
        </Button>
      </div>
      <div role="status">
        {result ? (
          <div className="conf-note avail-ics__result">
            <p>
              {at('availability.icsDone', {
                file: result.fileName,
                n: result.data.imported,
                from: day(result.data.from),
                to: day(new Date(result.data.to.getTime() - 1)),
              })}
            </p>
            {result.data.skipped > 0 ? (
              <p>{at('availability.icsSkipped', { n: result.data.skipped })}</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
