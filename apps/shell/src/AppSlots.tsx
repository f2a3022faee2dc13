import { ErrorState, Loading, useTranslation } from '@caremap/ui';
import { useSyncExternalStore } from 'react';
import { checkActivityFunctions, getMountedApps } from 'single-spa';
import { failureStore, hostId, mfes, retry } from './apps';
import { useLocation } from './routing';

/**
 * One slot per MFE inside <main>: the element the MFE renders into (always present, never touched
 * by the shell's React), a loading indicator until it is mounted, and the shell's error panel with
 * retry when it could not be loaded or crashed while mounting.
 */
export function AppSlots() {
  const { t } = useTranslation();
  useLocation(); // re-render on navigation: activity and mounted state change then
  const failures = useSyncExternalStore(failureStore.subscribe, failureStore.get);
  const active = checkActivityFunctions(window.location);
  const mounted = getMountedApps();
  return (
    <>
      {mfes.map(({ name }) => {
        const isActive = active.includes(name);
        const failure = failures.find((f) => f.name === name);
        return (
          <section key={name} className="shell-slot" hidden={!isActive} data-mfe={name}>
            {isActive && failure ? (
              <ErrorState
                as="h1"
                title={t('mfe.loadFailedTitle')}
                message={t('mfe.loadFailedBody')}
                onRetry={() => void retry(name)}
              />
            ) : null}
            {isActive && !failure && !mounted.includes(name) ? <Loading /> : null}
            <div id={hostId(name)} />
          </section>
        );
      })}
    </>
  );
}

/** Whether the current path belongs to an MFE (else the shell shows one of its own pages). */
export function useIsAppRoute(): boolean {
  useLocation();
  return checkActivityFunctions(window.location).length > 0;
}
