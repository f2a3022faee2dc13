import type { ReactNode } from 'react';

/**
 * The page's one h1. It can take focus (tabIndex -1) so that after a client-side navigation focus
 * lands on the new page's title, as it would after a full page load.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="cm-page-heading">
      <h1 tabIndex={-1} data-page-heading="">
        {title}
      </h1>
      {children ? <div className="cm-page-heading__intro">{children}</div> : null}
    </div>
  );
}
