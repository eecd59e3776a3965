import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** Where the API's OpenAPI description and its browsable UI are served. */
export const API_DOCS_PREFIX = '/api/docs';

/**
 * OpenAPI from the router: registered before the mounts so every route added after it is listed
 * (paths, methods, parameters). Request bodies are validated by the contract's Zod schemas in the
 * handlers, so the document names the routes rather than repeating those shapes. Open: it holds
 * no data, and the routes it lists keep their own guards.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Vozlia NG API',
        version: '1',
        description:
          'Contract §7–§10. Tenant routes: session cookie (+ X-CSRF-Token on writes) or the admin bearer. Admin routes: Authorization: Bearer $VOZ_ADMIN_TOKEN. ' +
          'Documents edited whole (settings, notifications/settings, menu, catalog, knowledge-base documents) answer an ETag; a PUT with If-Match over an older version is 412 "stale", and a new knowledge-base document sent with If-None-Match: * is 412 "exists" when its id is in use.',
      },
      components: {
        securitySchemes: {
          admin: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'voz_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: API_DOCS_PREFIX });
}
