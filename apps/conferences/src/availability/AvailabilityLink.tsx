import { ConfLink } from '../ConfLink';
import { useAvailabilityT } from './translate';

/** The list page's way to /conferences/availability (next to "My action items"). */
export function AvailabilityLink() {
  const at = useAvailabilityT();
  return <ConfLink href="/conferences/availability">{at('availability.link')}</ConfLink>;
}
