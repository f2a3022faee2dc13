import type { ButtonHTMLAttributes, MouseEvent } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
  /**
   * Work is in flight: shows a spinner and ignores clicks. It uses aria-disabled, not disabled,
   * so a keyboard user's focus stays on the button instead of falling back to the page.
   */
  busy?: boolean;
}

export function Button({
  variant = 'primary',
  busy = false,
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <button
      type="button"
      {...rest}
      className={['cm-button', `cm-button--${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={busy || rest['aria-disabled'] || undefined}
      onClick={handleClick}
    >
      {busy ? <span className="cm-spinner cm-spinner--small" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
