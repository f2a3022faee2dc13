import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroll container. A region that scrolls must be reachable by keyboard
 * (WCAG 2.1.1, axe scrollable-region-focusable): it takes focus and is named, by `label` or by the
 * id of the table's caption.
 */
export function ScrollRegion({
  className,
  label,
  labelledBy,
  children,
}: {
  className: string;
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container needs focus to scroll by keyboard
    <section className={className} aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
