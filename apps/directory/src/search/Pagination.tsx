import { currentLanguage, formatNumber, useTranslation } from '@caremap/ui';
import { FindLink } from '../FindLink';
import { type FindQuery, findUrl } from '../query';

/** Previous / next as real links (so they open in a new tab too), with "page 2 of 7" between. */
export function Pagination({ query, page, pages }: { query: FindQuery; page: number; pages: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (pages <= 1) return null;
  const href = (n: number) => findUrl({ ...query, page: n });
  return (
    <nav className="find-pages" aria-label={t('find.pages.label')}>
      {page > 1 ? (
        <FindLink className="cm-button cm-button--secondary" href={href(page - 1)} rel="prev">
          {t('find.pages.previous')}
        </FindLink>
      ) : null}
      <span className="find-pages__where" aria-current="page">
        {t('find.pages.of', { page: formatNumber(page, language), pages: formatNumber(pages, language) })}
      </span>
      {page < pages ? (
        <FindLink className="cm-button cm-button--secondary" href={href(page + 1)} rel="next">
          {t('find.pages.next')}
        </FindLink>
      ) : null}
    </nav>
  );
}
