import type { AccessCodeSources } from '../config/load-config.js';
import { normalizeActorMode, type ActorMode } from '../policy/modes.js';

export type AccessCodeSourceName = 'VOZ_ACCESS_CODE_TABLE_JSON' | 'VOZ_ACCESS_CODE_MAP_JSON' | 'VOZ_CLIENT_ACCESS_CODE_MAP_JSON' | 'stored';

export interface AccessGrant {
  tenantId: string;
  actorMode: ActorMode;
  source: AccessCodeSourceName;
}

/** A code two sources map differently: refused, reported once at start by source and short hash. */
export interface AccessCodeConflict {
  codeHash: string;
  sources: AccessCodeSourceName[];
}

export interface MergedEnvCodes {
  /** Keyed hash → grant, or `conflict` (refused). Immutable. */
  byHash: ReadonlyMap<string, AccessGrant | 'conflict'>;
  conflicts: readonly AccessCodeConflict[];
}

/**
 * Merges the three env sources into one map keyed by keyed hash, so the digits are dropped
 * at start. Pure. Same code with the same meaning in two sources is fine; a different
 * `(tenant, mode)` is a conflict.
 */
export function mergeEnvAccessCodes(sources: AccessCodeSources, hashCode: (code: string) => string): MergedEnvCodes {
  const listed: [string, AccessGrant][] = [
    ...Object.entries(sources.table).map(([code, e]): [string, AccessGrant] => [
      code,
      { tenantId: e.tenant_id, actorMode: normalizeActorMode(e.actor_mode), source: 'VOZ_ACCESS_CODE_TABLE_JSON' },
    ]),
    ...Object.entries(sources.ownerMap).map(([code, t]): [string, AccessGrant] => [code, { tenantId: t, actorMode: 'owner', source: 'VOZ_ACCESS_CODE_MAP_JSON' }]),
    ...Object.entries(sources.clientMap).map(([code, t]): [string, AccessGrant] => [
      code,
      { tenantId: t, actorMode: 'client', source: 'VOZ_CLIENT_ACCESS_CODE_MAP_JSON' },
    ]),
  ];
  const byHash = new Map<string, AccessGrant | 'conflict'>();
  const seen = new Map<string, AccessGrant[]>();
  for (const [code, grant] of listed) {
    const h = hashCode(code);
    const all = seen.get(h) ?? [];
    all.push(grant);
    seen.set(h, all);
  }
  const conflicts: AccessCodeConflict[] = [];
  for (const [h, grants] of seen) {
    const first = grants[0]!;
    if (grants.every((g) => sameMeaning(g, first))) {
      byHash.set(h, first);
    } else {
      byHash.set(h, 'conflict');
      conflicts.push({ codeHash: h, sources: [...new Set(grants.map((g) => g.source))] });
    }
  }
  return { byHash, conflicts };
}

export function sameMeaning(a: { tenantId: string; actorMode: ActorMode }, b: { tenantId: string; actorMode: ActorMode }): boolean {
  return a.tenantId === b.tenantId && a.actorMode === b.actorMode;
}
