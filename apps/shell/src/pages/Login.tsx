import { announceSessionChange, useMutation, useSession, useTRPC } from '@caremap/api-client';
import {
  apiErrorDetails,
  Button,
  describeIssues,
  Link,
  navigate,
  PageHeading,
  useTranslation,
} from '@caremap/ui';

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { safeNext, useLocation } from '../routing';

type Field = 'email' | 'password';
interface Problems {
  summary: string[];
  fields: Partial<Record<Field, string>>;
}
const noProblems: Problems = { summary: [], fields: {} };

// zod is most of the validators' weight; only this page needs it, so it loads with the page.
const loadValidators = () => import('@caremap/validators');

export function Login() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const summaryRef = useRef<HTMLDivElement>(null);

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => {
        announceSessionChange();
        navigate(next);
      },
      onError: (error) => {
        const details = apiErrorDetails(error, t);
        setProblems({ summary: [details.message], fields: details.fieldErrors as Problems['fields'] });
      },
    }),
  );

  useEffect(() => {
    void loadValidators();
  }, []);

  // Errors are announced (role=alert) and focused, so keyboard users start from the explanation.
  useEffect(() => {
    if (problems.summary.length) summaryRef.current?.focus();
  }, [problems]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    const { loginInput } = await loadValidators();
    const fields: Problems['fields'] = {};
    if (!email.trim()) fields.email = t('errors.field.required');
    if (!password) fields.password = t('errors.field.required');
    const parsed = loginInput.safeParse({ email, password });
    if (!parsed.success) {
      const described = describeIssues(parsed.error.issues, t).fieldErrors;
      fields.email ??= described.email;
      fields.password ??= described.password;
    }
    const invalid = (Object.keys(fields) as Field[]).filter((field) => fields[field]);
    if (invalid.length || !parsed.success) {
      setProblems({
        fields,
        summary: invalid.map((field) =>
          t('errors.fieldMessage', { field: t(`fields.${field}`), problem: fields[field] }),
        ),
      });
      return;
    }
    setProblems(noProblems);
    login.mutate(parsed.data);
  };

  if (user && !login.isPending && !login.isSuccess) {
    return (
      <div className="shell-login">
        <PageHeading title={t('auth.loginTitle')}>
          <p>{t('auth.alreadySignedIn', { name: user.displayName })}</p>
        </PageHeading>
        <Link className="cm-button cm-button--primary" href={next}>
          {t('auth.continue')}
        </Link>
      </div>
    );
  }

  const describedBy = (field: Field) => (problems.fields[field] ? `login-${field}-error` : undefined);
  return (
    <div className="shell-login">
      <PageHeading title={t('auth.loginTitle')}>
        <p>{t('auth.loginIntro')}</p>
      </PageHeading>
      {problems.summary.length ? (
        <div className="shell-error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{t('auth.failed')}</h2>
          <ul>
            {problems.summary.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        className="shell-form cm-card"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-busy={login.isPending}
      >
        <div className={problems.fields.email ? 'shell-field shell-field--invalid' : 'shell-field'}>
          <label htmlFor="login-email">{t('fields.email')}</label>
          {problems.fields.email ? (
            <p id="login-email-error" className="shell-field__error">
              {problems.fields.email}
            </p>
          ) : null}
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={problems.fields.email ? true : undefined}
            aria-describedby={describedBy('email')}
            required
          />
        </div>
        <div className={problems.fields.password ? 'shell-field shell-field--invalid' : 'shell-field'}>
          <label htmlFor="login-password">{t('fields.password')}</label>
          {problems.fields.password ? (
            <p id="login-password-error" className="shell-field__error">
              {problems.fields.password}
            </p>
          ) : null}
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problems.fields.password ? true : undefined}
            aria-describedby={describedBy('password')}
            required
          />
        </div>
        <Button type="submit" busy={login.isPending} disabled={login.isPending}>
          {login.isPending ? t('auth.submitting') : t('auth.submit')}
        </Button>
      </form>
    </div>
  );
}
