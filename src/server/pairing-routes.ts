/**
 * The pairing routes a board page opened without a token calls, with no credential (core/access/pairing.ts bounds
 * them): `POST /pair/start` answers a code and the secret to collect its token with (429 when too many wait or this
 * address asked too often), `GET /pair/status?code=&secret=` answers waiting, paired (the token, once) or expired.
 * Never cached: a status holds a token once.
 */
import type { FastifyInstance } from 'fastify';
import type { Pairing } from '../core/access/pairing';
import { PAIRING_ROUTES } from '../shared/api-boards';
import { clientOf } from './remote-address';

export function pairingRoutes(app: FastifyInstance, pairing: Pairing, trustedProxies: readonly string[]): void {
  app.post(PAIRING_ROUTES.start, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const started = pairing.start(clientOf(req, trustedProxies).address);
    if ('refused' in started) return reply.code(429).send({ ok: false, error: { code: 'refused', message: started.refused } });
    return started;
  });
  app.get(PAIRING_ROUTES.status, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const { code, secret } = req.query as { code?: unknown; secret?: unknown };
    if (typeof code !== 'string' || typeof secret !== 'string' || code.length > 16 || secret.length > 64) {
      return reply.code(400).send({ ok: false, error: { code: 'invalid-args', message: 'give the code and the secret /pair/start answered' } });
    }
    return pairing.status(code, secret);
  });
}
