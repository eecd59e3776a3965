/** A server error body, as the backend sends it: `{error, message}`, maybe with per-field issues. */
export interface ErrorBody {
  code: string | null;
  message: string;
  fieldErrors: Record<string, string>;
  /** The same messages by their whole path (`menu.categories.0.items.1.priceCents`), for forms with rows. */
  fieldPaths: Record<string, string>;
}

const FIELD_PREFIX = /^([a-z_][a-z0-9_.]*):\s+(.+)$/i;

/**
 * Reads `{error, message, issues?: [{field|path, message}], errors?: ["field: message"]}`.
 * A message of the form `field: what is wrong` is also tied to its field, so a 400 lands
 * next to the control it is about whichever way the route phrased it.
 */
export function readErrorBody(body: unknown, fallback: string): ErrorBody {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const message = typeof b.message === 'string' && b.message.length > 0 ? b.message : fallback;
  const fieldErrors: Record<string, string> = {};
  const fieldPaths: Record<string, string> = {};
  const add = (field: string, text: string) => {
    const top = field.split('.')[0]!;
    fieldErrors[top] ??= text;
    fieldPaths[field] ??= text;
  };
  if (Array.isArray(b.issues)) {
    for (const issue of b.issues as Array<Record<string, unknown>>) {
      const field = typeof issue.field === 'string' ? issue.field : Array.isArray(issue.path) ? issue.path.join('.') : null;
      if (field && typeof issue.message === 'string') add(field, issue.message);
    }
  }
  const lines = Array.isArray(b.errors) ? (b.errors as unknown[]).filter((e): e is string => typeof e === 'string') : [message];
  for (const line of lines) {
    const m = FIELD_PREFIX.exec(line);
    if (m) add(m[1]!, m[2]!);
  }
  return { code: typeof b.error === 'string' ? b.error : null, message, fieldErrors, fieldPaths };
}
