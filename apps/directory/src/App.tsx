import { CareMapQueryProvider } from '@caremap/api-client';
import { DirectoryPage } from './DirectoryPage';

export function App() {
  return (
    <CareMapQueryProvider>
      <DirectoryPage />
    </CareMapQueryProvider>
  );
}
