import { currentLanguage, formatNumber, useTranslation } from '@caremap/ui';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { SearchItem } from '../api';
import { FindLink } from '../FindLink';
import { serviceUrl } from '../routing';

export function formatDistance(meters: number, language: string): string {
  const km = meters / 1000;
  const value =
    km < 10
      ? new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, { maximumFractionDigits: 1 }).format(km)
      : formatNumber(Math.round(km), language);
  return `${value} km`;
}

interface ResultListProps {
  items: SearchItem[];
  /** Search parameters to carry to the service page, so its "back to results" restores the search. */
  search: string;
  firstIndex: number;
  highlightedId: string | undefined;
  onHighlight: (id: string | undefined) => void;
  /** Bumped when a map marker is clicked: scroll its item into view. */
  revealId: { id: string } | undefined;
}

/**
 * The results, the primary interface: an ordered list of links. Tab walks the links; ArrowUp and
 * ArrowDown move between results too. Hovering or focusing a result highlights its map marker.
 */
export function ResultList({
  items,
  search,
  firstIndex,
  highlightedId,
  onHighlight,
  revealId,
}: ResultListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const listRef = useRef<HTMLOListElement>(null);

  // Coming back from a service page: focus its result again, after the shell has moved focus to
  // the page heading (it does so one frame after single-spa's routing event).
  const hasItems = items.length > 0;
  useEffect(() => {
    const id = (window.history.state as { focusService?: unknown } | null)?.focusService;
    if (!hasItems || typeof id !== 'string') return;
    const timer = setTimeout(() => {
      const item = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-service-id]') ?? [])].find(
        (element) => element.dataset.serviceId === id,
      );
      item?.querySelector<HTMLAnchorElement>('.find-result__link')?.focus();
    }, 150);
    return () => clearTimeout(timer);
  }, [hasItems]);

  useEffect(() => {
    if (!revealId) return;
    const item = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-service-id]') ?? [])].find(
      (element) => element.dataset.serviceId === revealId.id,
    );
    item?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [revealId]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('.find-result__link') ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    event.preventDefault();
    const next =
      links[event.key === 'ArrowDown' ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0)];
    next?.focus();
  };

  return (
    <ol className="find-results" start={firstIndex + 1} ref={listRef} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <li
          key={item.id}
          data-service-id={item.id}
          className={item.id === highlightedId ? 'find-result is-highlighted' : 'find-result'}
          onMouseEnter={() => onHighlight(item.id)}
          onMouseLeave={() => onHighlight(undefined)}
          onFocus={() => onHighlight(item.id)}
        >
          <h3 className="find-result__title">
            <FindLink
              className="find-result__link"
              href={serviceUrl(item.id, search)}
              // Back (button or link) then returns focus here, not to the top of the page.
              onClick={() =>
                window.history.replaceState({ ...window.history.state, focusService: item.id }, '')
              }
            >
              {item.name}
            </FindLink>
          </h3>
          <p className="find-result__meta">
            {item.organizationName && item.organizationName !== item.name ? (
              <span>{item.organizationName}</span>
            ) : null}
            {item.distanceMeters !== null && item.distanceMeters !== undefined ? (
              <span>
                {t('find.result.distance', { distance: formatDistance(item.distanceMeters, language) })}
              </span>
            ) : null}
          </p>
          {item.openNow === true ? (
            <span className="cm-badge find-badge--open">{t('find.hours.openNow')}</span>
          ) : item.openNow === false ? (
            <span className="cm-badge cm-badge--muted">{t('find.hours.closedNow')}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
