/**
 * Keyset pages for the tenant API's lists (contract `page()`): newest first by `(at, id)`, the
 * cursor an opaque token of the last row's key. Keyset, not offset, so a row appended while
 * the owner pages never shows twice or pushes another off a page.
 */
export interface PageKey {
  at: Date;
  id: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

/** The key a cursor names; undefined for anything this server did not hand out. */
export function decodeCursor(cursor: string): PageKey | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || typeof v[1] !== 'string') return undefined;
    const at = new Date(v[0]);
    return Number.isNaN(at.getTime()) ? undefined : { at, id: v[1] };
  } catch {
    return undefined;
  }
}

/** From `limit + 1` rows fetched newest first: the page, and a cursor when there is more. */
export function pageOf<R, T>(rows: readonly R[], limit: number, keyOf: (r: R) => PageKey, toItem: (r: R) => T): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map(toItem), next_cursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
