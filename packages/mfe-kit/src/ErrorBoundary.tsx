import { ErrorState, useTranslation } from '@caremap/ui';
import { Component, type ReactNode } from 'react';

function CrashedPanel({ name, onRetry }: { name: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="cm-mfe-failed" data-mfe-failed={name}>
      <ErrorState title={t('mfe.crashedTitle')} message={t('mfe.crashedBody')} onRetry={onRetry} />
    </div>
  );
}

/**
 * Catches a render error anywhere inside one MFE and shows a translated panel with a retry, so a
 * bug blanks one part of the page, never the whole page. React itself reports the error to the
 * console (createRoot's default onCaughtError).
 */
export class MfeErrorBoundary extends Component<
  { name: string; children: ReactNode },
  { error: Error | null }
> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return <CrashedPanel name={this.props.name} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
