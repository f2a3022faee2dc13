import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { goTo } from './routing';

/**
 * A link within /find, followed with the History API (the MFE stays mounted). Modified clicks
 * (new tab, new window) keep the browser's own behaviour.
 */
export function FindLink({
  href,
  onClick,
  state,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; state?: unknown }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    goTo(href, { state });
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
