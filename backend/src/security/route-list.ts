import type { FastifyInstance } from 'fastify';

export interface ListedRoute {
  method: string;
  path: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (`printRoutes`), so a webhook
 * added later is attacked by the security suite without anyone listing it. Test support.
 */
export function listRoutes(app: FastifyInstance): ListedRoute[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: ListedRoute[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([\s│]*)[└├]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) routes.push({ method, path: stack.join('') });
  }
  return routes;
}
