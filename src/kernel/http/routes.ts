/**
 * The table of every route the app declares, as registered (method, URL,
 * schema). The contract test walks it to find a route without its request or
 * response schemas; nothing else in the request path reads it.
 */
import type { FastifyInstance, FastifySchema } from 'fastify';

export interface DeclaredRoute {
  method: string;
  url: string;
  schema: (FastifySchema & { hide?: boolean }) | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

/** Call first thing on a new instance: an onRoute hook only sees routes added after it. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url, schema: r.schema as DeclaredRoute['schema'] });
  });
}
