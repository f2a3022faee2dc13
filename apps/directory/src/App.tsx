import { CareMapQueryProvider } from '@caremap/api-client';
import { useMemo } from 'react';
import { parseQuery } from './query';
import { serviceIdOf, useFindLocation } from './routing';
import { SearchPage } from './search/SearchPage';
import { ServicePage } from './service/ServicePage';

/** /find is the search; /find/services/<id> a service page. Both read the query from the URL. */
function FindRoutes() {
  const { pathname, search } = useFindLocation();
  const searchKey = search.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: parsed once per distinct search string
  const query = useMemo(() => parseQuery(search), [searchKey]);
  const serviceId = serviceIdOf(pathname);
  if (serviceId) return <ServicePage key={serviceId} id={serviceId} query={query} />;
  return <SearchPage query={query} />;
}

export function App() {
  return (
    <CareMapQueryProvider>
      <FindRoutes />
    </CareMapQueryProvider>
  );
}
