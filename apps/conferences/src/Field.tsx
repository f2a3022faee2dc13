import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A labelled control with its hint and its error right below it, wired for screen readers. */
export function Field(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={['conf-field', props.error ? 'conf-field--invalid' : '', props.className]
        .filter(Boolean)
        .join(' ')}
    >
      <label htmlFor={props.id} className="conf-field__label">
        {props.label}
      </label>
      {props.hint ? (
        <p id={hintId} className="conf-field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.children({
        id: props.id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(props.error ? { 'aria-invalid': true as const } : {}),
      })}
      {props.error ? (
        <p id={errorId} className="conf-field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
