import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Next's hashed bundles never change under one name; pages must be revalidated on each visit. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The portal's static export (`webui/out`, one `index.html` per page folder) at `/`: hashed assets
 * cached for a year, pages revalidated, `/orders` sent on to `/orders/`, and an unknown page
 * answered with the export's 404 page (API paths keep their JSON 404).
 */
export const webuiStatic: FastifyPluginAsync<{ root: string }> = async (app, { root }) => {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    cacheControl: false,
    setHeaders(res, file) {
      res.setHeader('cache-control', file.includes(`${path.sep}_next${path.sep}static${path.sep}`) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const [pathname, query] = req.url.split('?', 2) as [string, string | undefined];
    const isPage = req.method === 'GET' && !pathname.startsWith('/api/') && !pathname.endsWith('/');
    if (isPage && existsSync(path.join(root, path.normalize(pathname), 'index.html'))) {
      return reply.redirect(`${pathname}/${query === undefined ? '' : `?${query}`}`, 308);
    }
    if (req.method === 'GET' && !pathname.startsWith('/api/') && existsSync(path.join(root, '404.html'))) {
      return reply.code(404).header('cache-control', REVALIDATE).type('text/html; charset=utf-8').sendFile('404.html');
    }
    return reply.code(404).send({ error: 'not_found', message: `Route ${req.method}:${pathname} not found` });
  });
};
