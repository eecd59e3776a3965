/** SHA-256 over the export's inputs (see source-hash.mjs). */
export function sourceHash(dirs: { root: string; webui: string }): string;
