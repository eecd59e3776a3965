import type { Modality, RealtimeDialect, RealtimeDialectName } from './dialect.js';
import { betaDialect } from './beta.js';
import { gaDialect } from './ga.js';

export function dialectFor(name: RealtimeDialectName): RealtimeDialect {
  return name === 'beta' ? betaDialect : gaDialect;
}

/**
 * Process-wide memory of what the server accepted, created once by the route plugin and
 * passed to every call (no module global): a modality set learnt by one call's retry is
 * used by all later calls, and the change is logged once.
 */
export class DialectState {
  readonly dialect: RealtimeDialect;
  #modalities: Modality[];
  #learnt = false;

  constructor(dialect: RealtimeDialect) {
    this.dialect = dialect;
    this.#modalities = [...(dialect.modalityCandidates[0] ?? ['audio'])];
  }

  get modalities(): Modality[] {
    return this.#modalities;
  }

  get learnt(): boolean {
    return this.#learnt;
  }

  /** Records a supported set; returns true when it changed (the caller logs once). */
  remember(set: Modality[]): boolean {
    const same = set.length === this.#modalities.length && set.every((m, i) => this.#modalities[i] === m);
    this.#learnt = true;
    if (same) return false;
    this.#modalities = [...set];
    return true;
  }
}

/** True when an error event is the server refusing a modality set. */
export function isModalityError(e: { code: string | null; message: string; param: string | null }): boolean {
  return /modalit/i.test(e.param ?? '') || /modalit/i.test(e.message);
}

/**
 * The set to retry with: the first audio-bearing combination the server lists in its error
 * (e.g. "Supported combinations are: ['text'] and ['audio', 'text']"), else the dialect's
 * next candidate that differs from the refused one.
 */
export function pickSupportedModalities(message: string, refused: readonly Modality[], dialect: RealtimeDialect): Modality[] | null {
  const groups = message.match(/\[[^\]]*\]/g) ?? [];
  for (const g of groups) {
    const set = [...g.matchAll(/(audio|text)/g)].map((m) => m[1] as Modality);
    if (set.includes('audio') && !sameSet(set, refused) && allowed(set, dialect)) return set;
  }
  for (const c of dialect.modalityCandidates) if (!sameSet(c, refused)) return [...c];
  return null;
}

/** Beta never asks for audio alone (the server refuses it). */
function allowed(set: readonly Modality[], dialect: RealtimeDialect): boolean {
  return !(dialect.name === 'beta' && set.length === 1 && set[0] === 'audio');
}

function sameSet(a: readonly Modality[], b: readonly Modality[]): boolean {
  return a.length === b.length && a.every((m, i) => b[i] === m);
}
