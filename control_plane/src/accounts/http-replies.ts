import type { ApiError } from '@vozlia/contract';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** Sends an `ApiError` body; auth answers are never cached. */
export function sendError(reply: FastifyReply, status: number, body: ApiError): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/** Parses a request part with a contract schema, or answers 400 naming the first bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, reply: FastifyReply): z.output<S> | undefined {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  sendError(reply, 400, {
    error: 'invalid',
    message: field ? `${field}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid request'),
    ...(field ? { field } : {}),
  });
  return undefined;
}

export const UNAUTHORIZED: ApiError = Object.freeze({ error: 'unauthorized', message: 'sign in first' });

export function sendThrottled(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  reply.header('retry-after', String(retryAfterSeconds));
  return sendError(reply, 429, { error: 'too_many_attempts', message: `too many failed attempts; try again in ${retryAfterSeconds} s` });
}
