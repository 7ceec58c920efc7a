/**
 * X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + each POST parameter's name and value, sorted by name)).
 * https://www.twilio.com/docs/usage/security#validating-requests
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, twilioSignedString, validateTwilioSignature } from '../../src/core/ingest/twilio-signature';

const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const TOKEN = '12345';

/**
 * Twilio's worked example exists in two editions of its docs with different phone numbers, each with its own
 * published signature; both are checked (and recomputed here by hand with node:crypto, independent of the module).
 */
const VECTORS = [
  {
    params: { CallSid: 'CA1234567890ABCDE', Caller: '+14158675310', Digits: '1234', From: '+14158675310', To: '+18005551212' },
    signature: 'GvWf1cFY/Q7PnoempGyD5oXAezc=',
  },
  {
    params: { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' },
    signature: '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
  },
];

function byHand(token: string, url: string, params: Record<string, string>): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', token).update(data).digest('base64');
}

describe('Twilio request signature', () => {
  it.each(VECTORS)('matches the published vector $signature', ({ params, signature }) => {
    expect(byHand(TOKEN, URL, params)).toBe(signature);
    expect(computeTwilioSignature({ authToken: TOKEN, url: URL, params })).toBe(signature);
    expect(validateTwilioSignature({ authToken: TOKEN, url: URL, params, signature })).toBe(true);
  });

  it('signs the URL followed by the parameters sorted by name, whatever order they came in', () => {
    const { params, signature } = VECTORS[0];
    expect(twilioSignedString(URL, params)).toBe(
      'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675310Digits1234From+14158675310To+18005551212',
    );
    const shuffled = new URLSearchParams([['To', params.To], ['Digits', params.Digits], ['From', params.From], ['CallSid', params.CallSid], ['Caller', params.Caller]]);
    expect(validateTwilioSignature({ authToken: TOKEN, url: URL, params: shuffled, signature })).toBe(true);
  });

  it('accepts a real TaskRouter event post signed the same way', () => {
    const body = 'EventType=task.created&TaskSid=WT0123&TaskAttributes=%7B%22from%22%3A%22%2B14155551001%22%7D&Timestamp=1772441880';
    const params = new URLSearchParams(body);
    const url = 'https://floor.example.com/feeds/taskrouter';
    const signature = byHand('s3cret', url, Object.fromEntries(params));
    expect(validateTwilioSignature({ authToken: 's3cret', url, params, signature })).toBe(true);
  });

  it('sorts repeated parameters by value too', () => {
    const params = { Tag: ['b', 'a'] };
    expect(twilioSignedString('u', params)).toBe('uTagaTagb');
  });

  it('rejects a wrong token, a tampered parameter, another URL, a missing or empty signature, and an empty token', () => {
    const { params, signature } = VECTORS[0];
    const ok = { authToken: TOKEN, url: URL, params, signature };
    expect(validateTwilioSignature({ ...ok, authToken: '54321' })).toBe(false);
    expect(validateTwilioSignature({ ...ok, params: { ...params, Digits: '9999' } })).toBe(false);
    expect(validateTwilioSignature({ ...ok, params: { ...params, Extra: '1' } })).toBe(false);
    expect(validateTwilioSignature({ ...ok, url: URL.replace('https', 'http') })).toBe(false);
    expect(validateTwilioSignature({ ...ok, url: 'https://mycompany.com/myapp.php' })).toBe(false);
    expect(validateTwilioSignature({ ...ok, signature: undefined })).toBe(false);
    expect(validateTwilioSignature({ ...ok, signature: null })).toBe(false);
    expect(validateTwilioSignature({ ...ok, signature: '' })).toBe(false);
    expect(validateTwilioSignature({ ...ok, signature: signature.slice(0, -1) })).toBe(false);
    expect(validateTwilioSignature({ ...ok, signature: signature.toLowerCase() })).toBe(false);
    // an empty token: even a signature made with the empty key is refused
    const emptyKeySig = byHand('', URL, params);
    expect(validateTwilioSignature({ ...ok, authToken: '', signature: emptyKeySig })).toBe(false);
  });
});
