import { useEffect, useState } from 'react';

/** The browser's clock, re-read every `intervalMs`. Only for judging the link itself; figures use `snapshot.now`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
