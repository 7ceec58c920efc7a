import type { ApiErrorCode, ApiName } from '../../../shared/api';

/** `transport`: the call never got an envelope back (network down, host gone, not JSON). */
export type ClientErrorCode = ApiErrorCode | 'transport';

/** Thrown by `ApiClient.call` when the answer is `{ ok: false }` or no answer came. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly method: ApiName,
    /** invalid-args: each problem at its path in the arguments, for a form to show next to its field. */
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(`${method}: ${message}`);
  }
}
