import type { z } from 'zod';
import { ValidationError } from '../../server/errors.js';

/** Parses request input (params, query, body) with a Zod schema; a mismatch is a 400 naming the first problem and its field. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : undefined;
  throw new ValidationError(`${field ? `${field}: ` : ''}${issue?.message ?? 'invalid request'}`, 'invalid', field);
}
