/**
 * What a screen (a board's TV) is told by the host about its access, in one place for the host and the renderer:
 * the close reason of a revoked screen's WebSocket, and what starting a pairing answers (core/access/pairing.ts).
 */
import type { PairingCode } from './api-boards';

/** The WebSocket close reason (code 1008) when a screen's token is revoked, expires or its board is removed. */
export const SCREEN_ACCESS_REVOKED = 'access revoked';

/** `POST /pair/start`'s answer: the code to show, and the secret only this page holds to collect the token with. */
export interface PairingStart extends PairingCode {
  secret: string;
}
