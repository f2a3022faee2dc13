import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { go } from './route';

/** A link inside /conferences: a real <a href> (new tab, copy link), routed in place on a plain click. */
export function ConfLink({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    go(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
