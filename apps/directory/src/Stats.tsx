import { useQuery, useTRPC } from '@caremap/api-client';
import {
  currentLanguage,
  ErrorState,
  formatApiError,
  formatNumber,
  Loading,
  useTranslation,
} from '@caremap/ui';

export function Stats() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const overview = useQuery(trpc.directory.overview.queryOptions());
  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    return (
      <ErrorState
        title={t('directory.loadFailed')}
        message={formatApiError(overview.error, t)}
        onRetry={() => void overview.refetch()}
      />
    );
  }
  const language = currentLanguage();
  const stats = [
    { label: t('directory.statServices'), value: overview.data.serviceCount },
    { label: t('directory.statOrganizations'), value: overview.data.organizationCount },
    { label: t('directory.statLocations'), value: overview.data.locationCount },
  ];
  return (
    <section className="dir-stats" aria-label={t('directory.statsLabel')}>
      <dl>
        {stats.map((stat) => (
          <div key={stat.label} className="dir-stat">
            <dt>{stat.label}</dt>
            <dd>{formatNumber(stat.value, language)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
