import type { ActorMode } from '../policy/modes.js';

/** Events of the `access_code` stream (stream id = `<tenant>:<short hash>`). Never the digits. */
export const ACCESS_CODE_ISSUED = 'access_code.issued';
export const ACCESS_CODE_REVOKED = 'access_code.revoked';

export interface AccessCodeIssued {
  codeHash: string;
  tenantId: string;
  actorMode: ActorMode;
  /** Who issued it: `seed`, `control_plane`, … */
  source: string;
}

export interface AccessCodeRevoked {
  codeHash: string;
  tenantId: string;
}

export const accessCodeStream = (tenantId: string, codeHash: string) => ({ type: 'access_code', id: `${tenantId}:${codeHash.slice(0, 16)}` });
