import { announceSessionChange, useMutation, useSession, useTRPC } from '@caremap/api-client';
import {
  Button,
  changeLanguage,
  currentLanguage,
  formatApiError,
  isLanguage,
  Link,
  loginUrl,
  SkipLink,
  supportedLanguages,
  useTranslation,
} from '@caremap/ui';

import { useId, useState } from 'react';
import { mfes } from './apps';
import { isUnder, useLocation } from './routing';

function LanguageSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="shell-language">
      <label htmlFor={id}>
        {t('language.label')}
        {/* Someone who cannot read the current language can still find the switch by its English name. */}
        {currentLanguage() === 'en' ? null : (
          <span className="cm-visually-hidden" lang="en">
            {` (${t('language.label', { lng: 'en' })})`}
          </span>
        )}
      </label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {supportedLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Account() {
  const { t } = useTranslation();
  const { user, isLoading } = useSession();
  const { pathname, search } = useLocation();
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  // Signing out here or everywhere ends the same way: every MFE refetches, or the error is shown.
  const signedOut = {
    onSuccess: () => {
      setError(null);
      announceSessionChange();
    },
    onError: (cause: Parameters<typeof formatApiError>[0]) => setError(formatApiError(cause, t)),
  };
  const logout = useMutation(trpc.auth.logout.mutationOptions(signedOut));
  // Ends this user's sessions on every device (a lost phone, a shared computer left signed in).
  const logoutAll = useMutation(trpc.auth.logoutAll.mutationOptions(signedOut));
  if (isLoading) return <div className="shell-account" aria-hidden="true" />;
  if (!user) {
    const here = pathname === '/login' ? null : `${pathname}${search.size ? `?${search}` : ''}`;
    const href = here && here !== '/' ? loginUrl(here) : '/login';
    return (
      <div className="shell-account">
        <Link className="cm-button cm-button--secondary" href={href}>
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="shell-account">
      <span className="shell-account__name">{t('auth.signedInAs', { name: user.displayName })}</span>
      <Button variant="secondary" busy={logout.isPending} onClick={() => logout.mutate()}>
        {logout.isPending ? t('auth.signingOut') : t('auth.signOut')}
      </Button>
      <Button variant="quiet" busy={logoutAll.isPending} onClick={() => logoutAll.mutate()}>
        {logoutAll.isPending ? t('auth.signingOutEverywhere') : t('auth.signOutEverywhere')}
      </Button>
      {error ? (
        <p className="shell-account__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Header() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <header className="shell-header">
      <SkipLink targetId="main" />
      <div className="shell-header__inner">
        <Link className="shell-brand" href="/">
          <span className="shell-brand__mark" aria-hidden="true" />
          <span className="shell-brand__name">{t('app.name')}</span>
          <span className="shell-brand__tagline">{t('app.tagline')}</span>
        </Link>
        <div className="shell-tools">
          <LanguageSwitcher />
          <Account />
        </div>
      </div>
      <nav className="shell-nav" aria-label={t('nav.label')}>
        <ul>
          {mfes.map((mfe) => (
            <li key={mfe.name}>
              <Link href={mfe.route} aria-current={isUnder(pathname, mfe.route) ? 'page' : undefined}>
                {t(mfe.navKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
