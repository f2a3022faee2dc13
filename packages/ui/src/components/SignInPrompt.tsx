import { useTranslation } from 'react-i18next';
import { Link } from './Link';
import { EmptyState } from './States';

/** The sign-in page, coming back to `next` afterwards; slashes stay readable (`?next=/network`). */
export function loginUrl(next: string): string {
  return `/login?next=${encodeURIComponent(next).replace(/%2F/gi, '/')}`;
}

/** For logged-out visitors of a protected area: what it is and a way in that comes back here. */
export function SignInPrompt({ title, body, next }: { title: string; body: string; next: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={title}
      action={
        <Link className="cm-button cm-button--primary" href={loginUrl(next)}>
          {t('auth.promptAction')}
        </Link>
      }
    >
      <p>{body}</p>
    </EmptyState>
  );
}
