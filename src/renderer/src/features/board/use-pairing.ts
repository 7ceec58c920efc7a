/**
 * A board page without a token pairs itself: it asks the host for a code once, shows it, and asks every POLL_MS
 * whether an admin has bound it. Paired: the page replaces its own address with the board's and the token
 * (location.replace, so the TV reloads that address from then on, and Back does not lead to the code). Expired: it
 * asks for a new code. Refused with 429 (too many screens pairing): it asks again after BUSY_RETRY_MS. Host not
 * reachable: asked again every HOST_RETRY_MS. Each step is one timer, cleared when the page goes.
 */
import { useEffect, useState } from 'react';
import { pairedAddress, pairingStatus, startPairing, type ShownCode } from './pairing-calls';

export const POLL_MS = 2_500;
export const BUSY_RETRY_MS = 60_000;
export const HOST_RETRY_MS = 5_000;

/** What the page needs from the browser (tests pass fakes). */
export interface PairingPorts {
  fetch: typeof fetch;
  /** location.replace */
  replace: (url: string) => void;
}

export type PairingView =
  | { phase: 'asking'; afterExpiry: boolean }
  | { phase: 'showing'; shown: ShownCode }
  | { phase: 'busy' }
  | { phase: 'host-down' };

export function usePairing(pageUrl: string, ports: PairingPorts): PairingView {
  const [view, setView] = useState<PairingView>({ phase: 'asking', afterExpiry: false });
  const { fetch: fetchFn, replace } = ports;
  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (step: () => Promise<void>, ms: number) => {
      timer = setTimeout(() => void step(), ms);
    };

    const start = async (): Promise<void> => {
      let shown: ShownCode | 'busy';
      try {
        shown = await startPairing(fetchFn, pageUrl);
      } catch {
        if (!active) return;
        setView({ phase: 'host-down' });
        return later(start, HOST_RETRY_MS);
      }
      if (!active) return;
      if (shown === 'busy') {
        setView({ phase: 'busy' });
        return later(start, BUSY_RETRY_MS);
      }
      setView({ phase: 'showing', shown });
      later(() => poll(shown), POLL_MS);
    };

    const poll = async (shown: ShownCode): Promise<void> => {
      try {
        const status = await pairingStatus(fetchFn, pageUrl, shown);
        if (!active) return;
        if (status.state === 'paired' && status.token && status.board) return replace(pairedAddress(pageUrl, status.board, status.token));
        if (status.state !== 'waiting') {
          setView({ phase: 'asking', afterExpiry: true });
          return void start();
        }
      } catch {
        // a poll that fails (the host restarting) is asked again: the code may still be waiting
        if (!active) return;
      }
      later(() => poll(shown), POLL_MS);
    };

    void start();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [pageUrl, fetchFn, replace]);
  return view;
}
