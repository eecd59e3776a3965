import type { z } from 'zod';
import { ValidationError } from '../../server/errors.js';

/** Parses request input (params, query, body) with a Zod schema; a mismatch is a 400 naming the first problem. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(r.error.issues[0]?.message ?? 'invalid request');
  return r.data;
}
