/**
 * Twilio's request signature (the `X-Twilio-Signature` header) for form-encoded webhooks, such as TaskRouter's
 * event callbacks: base64(HMAC-SHA1(auth token, full URL + every POST parameter's name and value)), the
 * parameters sorted by name and, for a name given several times, its values sorted too
 * (https://www.twilio.com/docs/usage/security#validating-requests).
 *
 * The URL is the one Twilio called, exactly as configured (scheme, host, port, path and query string): a proxy
 * that rewrites it, or a host that reconstructs it differently, makes every signature fail.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** POST parameters: a record (a repeated name as an array), or name/value pairs such as a URLSearchParams. */
export type TwilioParams =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

export interface TwilioSignatureInput {
  authToken: string;
  url: string;
  params?: TwilioParams;
}

function isPairs(params: TwilioParams): params is Iterable<readonly [string, string]> {
  return typeof (params as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}

/** Group values by name, whatever shape the parameters came in. */
function valuesByName(params: TwilioParams | undefined): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const list = byName.get(name);
    if (list) list.push(value);
    else byName.set(name, [value]);
  };
  if (params === undefined) return byName;
  if (isPairs(params)) {
    for (const [name, value] of params) add(name, value);
  } else {
    for (const [name, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const v of value) add(name, v);
    }
  }
  return byName;
}

/** The string Twilio signs: the URL, then name + value of each parameter, sorted by name, then by value. */
export function twilioSignedString(url: string, params?: TwilioParams): string {
  const byName = valuesByName(params);
  // Plain code-unit order, as Twilio's own helper libraries sort (Array.prototype.sort without a comparator).
  const names = [...byName.keys()].sort();
  let data = url;
  for (const name of names) {
    for (const value of [...byName.get(name)!].sort()) data += name + value;
  }
  return data;
}

/** The signature Twilio would send for this request (for tests and for the simulator's signed posts). */
export function computeTwilioSignature({ authToken, url, params }: TwilioSignatureInput): string {
  return createHmac('sha1', authToken).update(twilioSignedString(url, params), 'utf8').digest('base64');
}

/**
 * True when `signature` is the one Twilio computes for this request with this auth token. A missing or empty
 * signature, or an empty auth token (anyone can compute an HMAC with an empty key), is never valid. The
 * comparison takes the same time wherever the first difference is.
 */
export function validateTwilioSignature(input: TwilioSignatureInput & { signature: string | null | undefined }): boolean {
  const { signature, authToken } = input;
  if (typeof signature !== 'string' || signature === '' || typeof authToken !== 'string' || authToken === '') return false;
  const expected = Buffer.from(computeTwilioSignature(input), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  // timingSafeEqual throws on different lengths; the length of a base64 SHA-1 digest is public anyway.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
