import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * First focusable element of the page. It moves focus to the target itself instead of changing
 * the URL hash, so the router never sees a navigation.
 */
export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  const { t } = useTranslation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  };
  return (
    <a className="cm-skip-link" href={`#${targetId}`} onClick={onClick}>
      {t('nav.skipToContent')}
    </a>
  );
}
