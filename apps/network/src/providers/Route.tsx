import { useSession } from '@caremap/api-client';
import { Link, Loading, PageHeading, SignInPrompt } from '@caremap/ui';
import { useT } from '../translate';
import { Providers } from './Providers';

/** /network/providers: signed-in users only; the API decides what each may see and edit. */
export function ProvidersRoute() {
  const { t } = useT();
  const session = useSession();
  return (
    <div className="net">
      <PageHeading title={t('providers.title')}>
        <p>{t('providers.intro')}</p>
        <p>
          <Link href="/network">{t('providers.back')}</Link>
        </p>
        <p>
          <Link href="/network/providers/import">{t('sheetImport.link')}</Link>
        </p>
      </PageHeading>
      {session.isLoading ? (
        <Loading />
      ) : session.user ? (
        <Providers />
      ) : (
        <SignInPrompt
          title={t('network.signInTitle')}
          body={t('network.signInBody')}
          next="/network/providers"
        />
      )}
    </div>
  );
}

/** The way in from the territories page. */
export function ProvidersLink() {
  const { t } = useT();
  return <Link href="/network/providers">{t('providers.link')}</Link>;
}
