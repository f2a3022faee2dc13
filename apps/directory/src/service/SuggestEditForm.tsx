import {
  apiErrorDetails,
  Button,
  currentLanguage,
  describeIssues,
  formatNumber,
  useTranslation,
  type ValidationIssue,
} from '@caremap/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type SuggestEditInput, useSuggestClient } from '../api';
import { solveChallenge } from './pow';

type Topic = keyof SuggestEditInput['changes'];
/** What a visitor may propose a change for: HSDS field names, as `suggestEditInput` takes them. */
export const SUGGEST_TOPICS = [
  'name',
  'description',
  'schedule',
  'phone',
  'email',
  'url',
  'address',
  'eligibility_description',
  'languages',
  'accessibility',
  'fees_description',
  'other',
] as const satisfies readonly Topic[];
type Field = 'field' | 'value' | 'comment' | 'submitterName' | 'submitterEmail';
const FIELDS: readonly Field[] = ['field', 'value', 'comment', 'submitterName', 'submitterEmail'];

interface Values {
  field: string;
  value: string;
  comment: string;
  submitterName: string;
  submitterEmail: string;
  /** The honeypot: people never see it, so only a bot fills it in. */
  website: string;
}
const empty: Values = {
  field: '',
  value: '',
  comment: '',
  submitterName: '',
  submitterEmail: '',
  website: '',
};

type Phase =
  | { kind: 'editing' }
  | { kind: 'checking'; tries: number }
  | { kind: 'sending' }
  | { kind: 'sent' };

// zod is most of the validators' weight; only this form needs it, so it loads with the form.
const loadValidators = () => import('@caremap/validators');

/**
 * The server's own zod schema (`suggestEditInput`) checks the form before anything is sent, so
 * both sides word a problem alike; its issue paths are mapped onto the form's fields.
 */
export async function validateSuggestion(
  values: Values,
  language: SuggestEditInput['language'],
): Promise<ValidationIssue[]> {
  const { suggestEditInput } = await loadValidators();
  const issues: ValidationIssue[] = [];
  if (!values.field) issues.push({ path: ['field'], code: 'invalid_type', input: undefined });
  const parsed = suggestEditInput.safeParse({
    targetEntity: 'service',
    targetId: '00000000-0000-4000-8000-000000000000',
    changes: { [values.field || 'other']: values.value },
    comment: values.comment.trim() || undefined,
    submitterName: values.submitterName.trim() || undefined,
    submitterEmail: values.submitterEmail.trim() || undefined,
    language,
    challenge: 'x',
    nonce: 'x',
  });
  if (!parsed.success) issues.push(...parsed.error.issues.map(toFormIssue));
  return issues;
}

/** `changes.<topic>` is the "correct information" box. */
function toFormIssue(issue: ValidationIssue): ValidationIssue {
  return issue.path[0] === 'changes' ? { ...issue, path: ['value'] } : issue;
}

/**
 * "Suggest an edit": no sign-in. A honeypot field and a proof of work computed here (a few
 * hundred milliseconds of hashing) keep bots out without a third-party service; the server also
 * rate-limits. The suggestion waits for a coordinator's review.
 */
export function SuggestEditForm({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const api = useSuggestClient();
  const base = useId();
  const id = (field: string) => `${base}-${field}`;
  const [values, setValues] = useState<Values>(empty);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    void loadValidators();
  }, []);

  useEffect(() => {
    if (summary.length) summaryRef.current?.focus();
  }, [summary]);
  useEffect(() => {
    if (phase.kind === 'sent') doneRef.current?.focus();
  }, [phase.kind]);

  const label = (field: Field) => t(`find.suggest.fields.${field}`);
  const showIssues = (issues: ReadonlyArray<ValidationIssue>) => {
    const described = describeIssues(issues, t).fieldErrors as Partial<Record<Field, string>>;
    const known = FIELDS.filter((field) => described[field]);
    setFieldErrors(described);
    setSummary(
      known.length
        ? known.map((field) => t('errors.fieldMessage', { field: label(field), problem: described[field] }))
        : [t('errors.badRequest')],
    );
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind === 'checking' || phase.kind === 'sending') return;
    const issues = await validateSuggestion(values, currentLanguage());
    if (issues.length) {
      showIssues(issues);
      return;
    }
    setFieldErrors({});
    setSummary([]);
    abort.current = new AbortController();
    try {
      setPhase({ kind: 'checking', tries: 0 });
      const { challenge, bits } = await api.challenge();
      const nonce = await solveChallenge(challenge, bits, {
        signal: abort.current.signal,
        onProgress: (tries) => setPhase({ kind: 'checking', tries }),
      });
      setPhase({ kind: 'sending' });
      await api.suggest({
        targetEntity: 'service',
        targetId: serviceId,
        changes: { [values.field as Topic]: values.value.trim() },
        comment: values.comment.trim() || undefined,
        submitterName: values.submitterName.trim() || undefined,
        submitterEmail: values.submitterEmail.trim() || undefined,
        language: currentLanguage(),
        website: values.website || undefined,
        challenge,
        nonce,
      });
      setPhase({ kind: 'sent' });
    } catch (error) {
      if (abort.current?.signal.aborted) return;
      setPhase({ kind: 'editing' });
      const details = apiErrorDetails(error, t);
      const issues = (error as { data?: { zodIssues?: ValidationIssue[] } })?.data?.zodIssues?.map((issue) =>
        issue.path[0] === 'changes' ? { ...issue, path: ['value'] } : issue,
      );
      if (issues?.length) showIssues(issues);
      else setSummary([details.kind === 'rate-limit' ? t('find.suggest.tooMany') : details.message]);
    }
  };

  const headingId = id('heading');
  if (phase.kind === 'sent') {
    return (
      <section className="find-suggest cm-card" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('find.suggest.title')}</h2>
        <div className="find-suggest__done" role="status" tabIndex={-1} ref={doneRef}>
          <p>{t('find.suggest.thanks')}</p>
        </div>
        <Button
          variant="secondary"
          onClick={() => {
            setValues(empty);
            setPhase({ kind: 'editing' });
          }}
        >
          {t('find.suggest.another')}
        </Button>
      </section>
    );
  }

  const busy = phase.kind === 'checking' || phase.kind === 'sending';
  const set = (field: keyof Values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const fieldProps = (field: Field) => ({
    id: id(field),
    name: field,
    value: values[field],
    onChange: set(field),
    'aria-invalid': fieldErrors[field] ? true : undefined,
    'aria-describedby': fieldErrors[field] ? id(`${field}-error`) : undefined,
  });
  const error = (field: Field) =>
    fieldErrors[field] ? (
      <p id={id(`${field}-error`)} className="find-form__error">
        {fieldErrors[field]}
      </p>
    ) : null;
  const wrap = (field: Field) => (fieldErrors[field] ? 'find-form__field is-invalid' : 'find-form__field');

  return (
    <section className="find-suggest cm-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('find.suggest.title')}</h2>
      <p>{t('find.suggest.intro')}</p>
      {summary.length ? (
        <div className="find-form__summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>{t('find.suggest.problems')}</h3>
          <ul>
            {summary.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form className="find-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy}>
        <div className={wrap('field')}>
          <label htmlFor={id('field')}>{label('field')}</label>
          {error('field')}
          <select {...fieldProps('field')}>
            <option value="">{t('find.suggest.chooseTopic')}</option>
            {SUGGEST_TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {t(`find.suggest.topics.${topic}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={wrap('value')}>
          <label htmlFor={id('value')}>{label('value')}</label>
          {error('value')}
          <textarea rows={4} {...fieldProps('value')} />
        </div>
        <div className={wrap('comment')}>
          <label htmlFor={id('comment')}>
            {label('comment')} <span className="find-form__optional">({t('find.suggest.notRequired')})</span>
          </label>
          {error('comment')}
          <textarea rows={2} {...fieldProps('comment')} />
        </div>
        <div className="find-form__row">
          <div className={wrap('submitterName')}>
            <label htmlFor={id('submitterName')}>
              {label('submitterName')}{' '}
              <span className="find-form__optional">({t('find.suggest.notRequired')})</span>
            </label>
            {error('submitterName')}
            <input type="text" autoComplete="name" {...fieldProps('submitterName')} />
          </div>
          <div className={wrap('submitterEmail')}>
            <label htmlFor={id('submitterEmail')}>
              {label('submitterEmail')}{' '}
              <span className="find-form__optional">({t('find.suggest.notRequired')})</span>
            </label>
            {error('submitterEmail')}
            <input type="email" autoComplete="email" inputMode="email" {...fieldProps('submitterEmail')} />
          </div>
        </div>
        <p className="find-form__note">{t('find.suggest.privacy')}</p>
        {/* Honeypot: off-screen, out of the tab order and the accessibility tree. */}
        <div className="find-form__trap" aria-hidden="true">
          <label htmlFor={id('website')}>Website</label>
          <input
            id={id('website')}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={set('website')}
          />
        </div>
        <div className="find-form__actions">
          <Button type="submit" busy={busy}>
            {t('find.suggest.submit')}
          </Button>
          <p className="find-form__progress" role="status" aria-live="polite">
            {phase.kind === 'checking'
              ? t('find.suggest.checking', { tries: formatNumber(phase.tries, currentLanguage()) })
              : phase.kind === 'sending'
                ? t('find.suggest.sending')
                : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
