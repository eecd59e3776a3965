import type { Modality } from '../dialects/dialect.js';
import { isModalityError, pickSupportedModalities, type DialectState } from '../dialects/dialect-state.js';

type ErrorEvent = { code: string | null; message: string; param: string | null };

/** What to do about one server `error` event. */
export type ErrorVerdict =
  /** Re-send `session.update` (and a pending greeting) with the set now remembered; `learnt` = log it (first time in the process). */
  | { action: 'retry_modalities'; refused: Modality[]; using: Modality[]; learnt: boolean }
  /** Log it: the first error with this code on this call. */
  | { action: 'log'; code: string }
  /** Already logged for this call: count it only. */
  | { action: 'count'; code: string };

/**
 * Per-call handling of Realtime `error` events (no I/O): a refused modality set is retried
 * once, with the supported set remembered process-wide in `DialectState`; anything else is
 * logged once per code per call, so a model that repeats an error cannot flood the logs.
 */
export class ServerErrors {
  readonly #dialect: DialectState;
  readonly #loggedCodes = new Set<string>();
  #modalityRetried = false;

  constructor(dialect: DialectState) {
    this.#dialect = dialect;
  }

  judge(e: ErrorEvent): ErrorVerdict {
    const code = e.code ?? 'unknown';
    if (isModalityError(e) && !this.#modalityRetried) {
      this.#modalityRetried = true;
      const refused = this.#dialect.modalities;
      const next = pickSupportedModalities(e.message, refused, this.#dialect.dialect);
      if (next) return { action: 'retry_modalities', refused, using: next, learnt: this.#dialect.remember(next) };
    }
    if (this.#loggedCodes.has(code)) return { action: 'count', code };
    this.#loggedCodes.add(code);
    return { action: 'log', code };
  }
}
