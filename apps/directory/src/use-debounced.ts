import { useCallback, useEffect, useRef, useState } from 'react';

/** State whose setter applies only after `delay` ms without another call. */
export function useDebounced<T>(initial: T, delay: number): [T, (value: T) => void] {
  const [value, setValue] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const set = useCallback(
    (next: T) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setValue(next), delay);
    },
    [delay],
  );
  return [value, set];
}
