import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigateToUrl } from 'single-spa';

/**
 * `target` as a path on this site, or null when it would leave it. Resolved by the URL parser, as
 * the browser will resolve it, so tabs, newlines, backslashes and percent-encodings that string
 * checks miss (`/%09/evil.example`, `/\\evil.example`) end up where the browser would send them.
 */
export function sameOriginPath(target: string, origin: string = window.location.origin): string | null {
  let url: URL;
  try {
    url = new URL(target, `${origin}/`);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Client-side navigation through single-spa (so the right MFEs mount), with normal link semantics.
 * Only within this site: a target on another origin goes to the home page instead.
 */
export function navigate(url: string): void {
  navigateToUrl(sameOriginPath(url) ?? '/');
}

function opensElsewhere(event: MouseEvent<HTMLAnchorElement>): boolean {
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (event.currentTarget.target !== '' && event.currentTarget.target !== '_self')
  );
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (opensElsewhere(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
