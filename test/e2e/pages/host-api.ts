/**
 * Typed calls to the headless host's POST /api/<name>, as the renderer's HTTP transport makes them: the
 * arguments and the answer are typed by `Api` (src/shared/api.ts), so a spec needs no cast and a renamed
 * handler breaks the build of the tests, not a run of them. Webhook posts (/feeds/<name>) are here too.
 */
import type { ApiArgs, ApiName, ApiResult, Envelope } from '../../../src/shared/api';

export class HostApi {
  /** `secret`: the admin secret or a viewer token, sent as `Authorization: Bearer`. */
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  /** The whole envelope, for a spec that checks whether a call was answered. */
  async envelope<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<Envelope<ApiResult<K>>> {
    const response = await fetch(new URL(`api/${name}`, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.secret}` },
      body: JSON.stringify(args),
    });
    // the one place the host's JSON is taken at its contract's word
    return (await response.json()) as Envelope<ApiResult<K>>;
  }

  /** The answer's value; a refused call throws with the host's message. */
  async call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
    return valueOf(await this.envelope(name, args), name);
  }

  /** A raw post to a webhook feed's path, as a sender (Twilio...) makes it. */
  postToFeed(feed: string, body: string, contentType: string): Promise<Response> {
    return fetch(new URL(`feeds/${feed}`, this.baseUrl), { method: 'POST', headers: { 'content-type': contentType }, body });
  }
}

/** The value of an answered call, or an error saying why it was not answered. */
export function valueOf<T>(envelope: Envelope<T>, what = 'call'): T {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}
