import type { FastifyInstance, FastifyPluginAsync, FastifyPluginOptions, FastifyRegisterOptions } from 'fastify';

/** A Fastify plugin with the options it is registered with: one route group of the app. */
export type Mount = (app: FastifyInstance) => Promise<void>;

/** Pairs a plugin with its (complete) options; `buildApp` registers mounts in order. */
export function mount<O extends FastifyPluginOptions>(plugin: FastifyPluginAsync<O>, options: FastifyRegisterOptions<O>): Mount {
  return async (app) => {
    await app.register(plugin, options);
  };
}

/**
 * Route groups sharing a prefix: one encapsulated scope, the mounts registered in order, so a
 * hook a mount adds there (the tenant gate) runs for every later mount of the scope.
 */
export function scope(prefix: string, mounts: readonly Mount[]): Mount {
  return async (app) => {
    await app.register(
      async (s) => {
        for (const m of mounts) await m(s);
      },
      { prefix },
    );
  };
}
