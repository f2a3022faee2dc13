import { useQuery, useTRPC } from '@caremap/api-client';
import { currentLanguage, PageHeading, QueryState, useTranslation } from '@caremap/ui';
import { ConfLink } from '../ConfLink';
import { defaultZone } from '../zone';
import { BusyBlocks } from './BusyBlocks';
import { formFromStored } from './hours-form';
import { IcsImport } from './IcsImport';
import { useAvailabilityT } from './translate';
import { WorkingHoursForm } from './WorkingHoursForm';

/**
 * /conferences/availability: what the slot finder knows about me. My working week in my zone, my
 * busy blocks (by hand or from a calendar file) and the .ics import. Nobody else sees these.
 */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const at = useAvailabilityT();
  const trpc = useTRPC();
  const mine = useQuery(trpc.availability.mine.queryOptions());
  const fallbackZone = defaultZone(currentLanguage());
  return (
    <>
      <PageHeading title={at('availability.title')}>
        <p>{at('availability.intro')}</p>
      </PageHeading>
      <QueryState query={mine} failed={at('availability.loadFailed')} as="h2">
        {(data) => {
          const zone = data.workingHours?.timeZone ?? fallbackZone;
          return (
            <div className="avail">
              <WorkingHoursForm
                initial={formFromStored(data.workingHours, fallbackZone)}
                assumed={data.workingHours === null}
              />
              <BusyBlocks blocks={data.busyBlocks} timeZone={zone} />
              <IcsImport timeZone={zone} />
            </div>
          );
        }}
      </QueryState>
      <p className="conf-back">
        <ConfLink href="/conferences">{t('conferences.backToList')}</ConfLink>
      </p>
    </>
  );
}
