import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where `npm run dev` sends `/api/*`: the backend (`npm start`) on its own port. */
const DEV_API_ORIGIN = 'http://127.0.0.1:3000';

/**
 * A static export served by the backend at `/` (no Next server in production). The contract
 * package is read from its build (`contract/dist`), which `build.mjs` refreshes first.
 */
export default function config(phase: string): NextConfig {
  const base: NextConfig = {
    reactStrictMode: true,
    poweredByHeader: false,
    // `/orders` → `orders/index.html`, which any static server (ours included) finds for `/orders/`.
    trailingSlash: true,
    images: { unoptimized: true },
    // `npm run typecheck` (and CI) type-check the portal; the export step only compiles, so a
    // restart after an edit does not pay for a second full type-check.
    typescript: { ignoreBuildErrors: true },
    // The workspace root, so the contract package (a symlinked workspace) resolves.
    turbopack: { root: path.join(here, '..') },
  };
  if (phase === PHASE_DEVELOPMENT_SERVER) {
    // Dev only: export mode has no rewrites, so the dev server proxies the API instead; API
    // paths keep their exact form (no trailing-slash redirect before the proxy).
    return {
      ...base,
      skipTrailingSlashRedirect: true,
      rewrites: async () => [{ source: '/api/:path*', destination: `${DEV_API_ORIGIN}/api/:path*` }],
    };
  }
  return { ...base, output: 'export' };
}
