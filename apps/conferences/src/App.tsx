import { CareMapQueryProvider, useSession } from '@caremap/api-client';
import { Button, EmptyState, Loading, PageHeading, SignInPrompt, useTranslation } from '@caremap/ui';
import { AvailabilityLink } from './availability/AvailabilityLink';
import { AvailabilityPage } from './availability/AvailabilityPage';
import { CalendarFeed } from './CalendarFeed';
import { ConferencePage } from './ConferencePage';
import { ConfLink } from './ConfLink';
import { ConferenceViews } from './calendar/ConferenceViews';
import { Dashboard } from './Dashboard';
import { MyActionItems } from './MyActionItems';
import { NewConference } from './NewConference';
import { Outbox } from './Outbox';
import { PollPage } from './PollPage';
import { RespondPage } from './RespondPage';
import { go, useRoute } from './route';
import { SeriesList } from './series/SeriesList';
import { NewSeries, SeriesPage } from './series/SeriesPage';
import { CaseTimeline } from './timeline/CaseTimeline';
import { useT } from './translate';
import { UpcomingConferences } from './UpcomingConferences';

/** Pages that need a signed-in user: show the sign-in prompt, and come back here afterwards. */
function SignedIn(props: { children: React.ReactNode; next: string; title?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.isLoading) return <Loading />;
  if (!session.user) {
    return (
      <SignInPrompt
        title={props.title ?? t('conferences.signInTitle')}
        body={t('conferences.signInBody')}
        next={props.next}
      />
    );
  }
  return <>{props.children}</>;
}

function ListPage() {
  const { t } = useTranslation();
  const { t: ts } = useT();
  const session = useSession();
  const organises = session.user?.roles.some((r) => r.role === 'organiser') ?? false;
  // Administrators get no case data, so no conferences in a feed either.
  const seesConferences = session.user?.roles.some((r) => r.role !== 'admin') ?? false;
  return (
    <>
      <PageHeading title={t('conferences.title')}>
        <p>{t('conferences.intro')}</p>
      </PageHeading>
      {organises ? (
        <div className="conf-actions">
          <Button onClick={() => go('/conferences/new')}>{t('conferences.newConference')}</Button>
          <ConfLink href="/conferences/outbox" className="cm-link">
            {t('conferences.outboxLink')}
          </ConfLink>
          <ConfLink href="/conferences/series" className="cm-link">
            {ts('series.listLink')}
          </ConfLink>
        </div>
      ) : null}
      <SignedIn next="/conferences">
        <p className="conf-actions">
          <ConfLink href="/conferences/actions">{t('meetingRecord.myLink')}</ConfLink>
          <AvailabilityLink />
        </p>
        {organises ? <Dashboard /> : null}
        {/* An administrator only learns why there is nothing to see: no views to switch between. */}
        {seesConferences ? <ConferenceViews /> : <UpcomingConferences />}
        {seesConferences ? <CalendarFeed /> : null}
      </SignedIn>
    </>
  );
}

function ConferencesPage() {
  const { t } = useTranslation();
  const route = useRoute();
  const here = `${window.location.pathname}${window.location.search}`;
  switch (route.page) {
    case 'list':
      return <ListPage />;
    case 'respond':
      // Public: the token is the visitor's only credential; no session is asked for.
      return <RespondPage token={route.token} suggested={route.response} />;
    case 'poll':
      // Public as well: the poll link's token is the visitor's only credential.
      return <PollPage token={route.token} lang={route.lang} />;
    case 'new':
      return (
        <SignedIn next={here} title={t('conferences.signInNewTitle')}>
          <NewConference />
        </SignedIn>
      );
    case 'outbox':
      return (
        <SignedIn next={here}>
          <Outbox />
        </SignedIn>
      );
    case 'actions':
      return (
        <SignedIn next={here}>
          <MyActionItems />
        </SignedIn>
      );
    case 'seriesList':
      return (
        <SignedIn next={here}>
          <SeriesList />
        </SignedIn>
      );
    case 'seriesNew':
      return (
        <SignedIn next={here}>
          <NewSeries />
        </SignedIn>
      );
    case 'series':
      return (
        <SignedIn next={here}>
          <SeriesPage seriesId={route.seriesId} />
        </SignedIn>
      );
    case 'availability':
      return (
        <SignedIn next={here}>
          <AvailabilityPage />
        </SignedIn>
      );
    case 'conference':
      return (
        <SignedIn next={here}>
          <ConferencePage conferenceId={route.conferenceId} />
        </SignedIn>
      );
    case 'case':
      return (
        <SignedIn next={here}>
          <CaseTimeline caseRef={route.caseRef} />
        </SignedIn>
      );
    default:
      return (
        <EmptyState as="h1" title={t('notFound.title')}>
          <p>{t('notFound.body')}</p>
          <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
        </EmptyState>
      );
  }
}

export function App() {
  return (
    <CareMapQueryProvider>
      <div className="conf">
        <ConferencesPage />
      </div>
    </CareMapQueryProvider>
  );
}
