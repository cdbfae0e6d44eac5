/**
 * Every request has a deadline. One that is still running when it passes is
 * answered 503 `timeout` at once, so a client (and the proxy in front) is not
 * left waiting and the connection is freed; on PostgreSQL the statement behind
 * it is cancelled by statement_timeout (kernel/db/connect.ts). A statement the
 * database cancelled is answered the same way.
 */
import type { FastifyInstance } from 'fastify';

export function timeoutBody(ms: number) {
  return { error: { code: 'timeout' as const, message: `the server could not answer within ${ms} ms; try again in a moment` } };
}

export function registerDeadline(app: FastifyInstance, ms: number): void {
  app.addHook('onRequest', (req, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent) return;
      req.log.warn({ url: req.url, ms }, 'request deadline passed');
      void reply.status(503).send(timeoutBody(ms));
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    reply.raw.once('finish', clear);
    reply.raw.once('close', clear);
    done();
  });
}
