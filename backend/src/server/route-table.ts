import type { FastifyInstance, RouteOptions } from 'fastify';

/** One registered route as the router has it: the method, the full pattern, the roles it admits. */
export interface RouteEntry {
  method: string;
  url: string;
  roles?: readonly string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far, from the router's `onRoute` hook (docs and the route-table test read it). */
    routeTable(): readonly RouteEntry[];
  }
}

/** Records every route as it is registered; install before any mount so none is missed. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    const roles = (r.config as { roles?: readonly string[] } | undefined)?.roles;
    for (const method of [r.method].flat()) table.push({ method, url: r.url, ...(roles ? { roles } : {}) });
  });
  app.decorate('routeTable', () => table);
}
