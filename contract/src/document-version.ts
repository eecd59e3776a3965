/**
 * The version of a document the portal edits whole (settings, menu, catalog) as its `ETag`, and
 * what an `If-Match` sent back names. A write over an older version is refused with 412.
 */
export const etagOf = (version: number): string => `"v${version}"`;

/** `If-Match` → the version it names: undefined = no precondition (absent or `*`); null = no version of ours (matches nothing). */
export function versionOfIfMatch(ifMatch: string | undefined): number | null | undefined {
  const tag = ifMatch?.trim();
  if (tag === undefined || tag === '*') return undefined;
  const m = /^(?:W\/)?"v(\d{1,15})"$/.exec(tag);
  return m ? Number(m[1]) : null;
}

/** The 412's words: the API's, not the portal's (which says to reload). */
export const staleMessage = (what: string): string => `the ${what} changed after this copy was read (by someone else, or in another tab): read the ${what} again, then make the change again`;
