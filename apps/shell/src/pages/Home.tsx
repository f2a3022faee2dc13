import { Link, PageHeading, useTranslation } from '@caremap/ui';

const areas = [
  { href: '/find', title: 'home.findTitle', body: 'home.findBody', icon: 'find' },
  { href: '/network', title: 'home.networkTitle', body: 'home.networkBody', icon: 'network' },
  { href: '/conferences', title: 'home.conferencesTitle', body: 'home.conferencesBody', icon: 'conferences' },
] as const;

export function Home() {
  const { t } = useTranslation();
  return (
    <div className="shell-home">
      <PageHeading title={t('home.title')}>
        <p>{t('home.intro')}</p>
      </PageHeading>
      <ul className="shell-areas" aria-label={t('home.areasLabel')}>
        {areas.map((area) => (
          <li key={area.href} className={`shell-area shell-area--${area.icon}`}>
            <h2>
              <Link href={area.href}>{t(area.title)}</Link>
            </h2>
            <p>{t(area.body)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
