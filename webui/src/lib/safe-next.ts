/** Where to go after sign-in: a path of this site only (never `//evil.example` or `https://…`). */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  if (raw.startsWith('/sign-in')) return fallback;
  return raw;
}
