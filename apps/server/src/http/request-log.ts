import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Secrets } from '../lib/secrets';

/**
 * The request as fastify's request log lines show it, with the sender's address replaced by a keyed
 * hash and without its port. Reports keep only a keyed hash of the address; a log line with the raw
 * address and a millisecond timestamp would link a report back to it. The hash still lets an
 * operator follow one address through the log, and check a suspected address with the key.
 */
export function requestLogger(logger: FastifyBaseLogger, secrets: Secrets): FastifyBaseLogger {
  const addressOf = (ip: string | undefined) => (ip ? secrets.mac('log-address', ip).slice(0, 16) : undefined);
  return (logger as unknown as Logger).child({}, {
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: req.url,
        host: req.host,
        address: addressOf(req.ip),
      }),
    },
  }) as unknown as FastifyBaseLogger;
}
