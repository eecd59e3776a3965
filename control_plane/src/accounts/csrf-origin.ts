/** What the browser tells us about where a request comes from; all header values as received. */
export interface OriginFacts {
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
  contentType: string | undefined;
  hasBody: boolean;
}

export type OriginVerdict = 'same_origin' | 'no_origin' | 'cross_site' | 'foreign_origin' | 'form_body';

/**
 * Where a state-changing request comes from. A browser names its page in `Origin` (else
 * `Referer`); same origin means one of ours or the `Host` the browser dialled. With neither
 * header (curl, old browsers), a body must be JSON: a cross-site HTML form cannot send that
 * without a CORS preflight, and we answer none. Pure; the hook maps verdicts to 403.
 */
export function originVerdict(f: OriginFacts, trustedOrigins: ReadonlySet<string>): OriginVerdict {
  if (f.secFetchSite?.toLowerCase() === 'cross-site') return 'cross_site';
  const claimed = f.origin ?? f.referer;
  if (claimed === undefined) {
    return f.hasBody && !isJson(f.contentType) ? 'form_body' : 'no_origin';
  }
  let url: URL;
  try {
    url = new URL(claimed); // `Origin: null` (sandboxed frames, some redirects) fails here: foreign
  } catch {
    return 'foreign_origin';
  }
  if (trustedOrigins.has(url.origin)) return 'same_origin';
  return f.host !== undefined && url.host === f.host.toLowerCase() ? 'same_origin' : 'foreign_origin';
}

export const refused = (v: OriginVerdict): boolean => v === 'cross_site' || v === 'foreign_origin' || v === 'form_body';

function isJson(contentType: string | undefined): boolean {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return essence === 'application/json' || (essence?.startsWith('application/') === true && essence.endsWith('+json'));
}
