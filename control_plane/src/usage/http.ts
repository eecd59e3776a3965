import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';

/** A broken rule with its HTTP status; the plugins' error handler maps it once. */
export class ControlPlaneError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const notFound = (what: string) => new ControlPlaneError('not_found', `${what} not found`, 404);
export const conflict = (code: string, message: string) => new ControlPlaneError(code, message, 409);

/** Zod's first problems as one line that names the field. */
export function invalid(err: z.ZodError): ControlPlaneError {
  const message = err.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`)
    .join('; ');
  return new ControlPlaneError('invalid', message, 400);
}

export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(r.error);
  return r.data;
}

/** Scoped to the plugin it is installed in: known errors → their status, the rest → 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ControlPlaneError, req, reply) => {
    if (err instanceof ControlPlaneError) return reply.code(err.httpStatus).send({ error: err.code, message: err.message });
    const status = (err as FastifyError).statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ error: 'bad_request', message: err.message });
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal', message: 'internal error' });
  });
}
