import type { ActorMode, IssuedAccessCode } from '@vozlia/contract';
import { randomAccessCode } from './access-code-digits.js';
import type { AccessCodesPort, Actor } from './ports.js';

/** Draws before giving up; with 10^8 codes a second draw is already rare. */
const MAX_DRAWS = 20;

/**
 * Issues a fresh random code unique across every source: digits any source already knows are
 * drawn again. The digits leave the server only in this answer.
 */
export async function issueAccessCode(
  codes: AccessCodesPort,
  tenantId: string,
  actorMode: ActorMode,
  actor: Actor,
  draw: () => string = () => randomAccessCode(),
): Promise<IssuedAccessCode> {
  for (let i = 0; i < MAX_DRAWS; i++) {
    const code = draw();
    if (await codes.known(code)) continue;
    const { id } = await codes.issue(tenantId, code, actorMode, actor);
    return { id, code, actor_mode: actorMode };
  }
  throw new Error(`no free access code after ${MAX_DRAWS} draws`);
}
