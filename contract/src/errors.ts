import { z } from 'zod';

/** Every 4xx/5xx body: a stable `error` code, a readable `message`, and the offending `field` for a 400. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;
