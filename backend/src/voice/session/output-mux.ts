import { chimeMayPlay, ChimeSchedule, mustClearChimeBeforeAssistant } from '../chime-schedule.js';
import type { ChimeFrames } from '../chime-tone.js';
import type { ServerEvent } from '../dialects/dialect.js';
import { base64ByteLength, OUT_FRAME_B64_CHARS } from '../mulaw-framing.js';
import type { ChimeOptions } from '../options.js';
import { PlaybackTracker, type Interruption } from '../playback-tracker.js';
import type { TwilioLeg } from '../twilio-leg.js';
import { TwilioOutbound } from '../twilio-wire.js';
import type { FrameCounters } from './call-recorder.js';
import type { Guard } from './guard.js';

/** The part of the Twilio leg the mux writes to (a recording fake in unit tests). */
export type TwilioSink = Pick<TwilioLeg, 'send' | 'sendMedia' | 'sendMediaAndMark'>;

/** How a `whenPlayed` wait ended: every assistant frame confirmed, cut by a barge-in, or the call ended. */
export type PlayedOutcome = 'played' | 'interrupted' | 'ended';

export interface OutputMuxDeps {
  twilio: TwilioSink;
  frames: FrameCounters;
  chime: { options: ChimeOptions; frames: ChimeFrames | null };
  guard: Guard;
  now: () => number;
  /** After each chime burst (logging). */
  onChime?: () => void;
}

type AudioDelta = Extract<ServerEvent, { kind: 'audioDelta' }>;

/**
 * Everything the bridge sends to Twilio: assistant frames with sparse marks, the thinking
 * chime (assistant audio has priority), `clear` at a barge-in, and the mark echoes that say
 * what the caller has heard. `whenPlayed` is the hook for "once the last words have played".
 */
export class OutputMux {
  readonly #d: OutputMuxDeps;
  readonly #tracker = new PlaybackTracker();
  readonly #chime: ChimeSchedule | null;
  #out: TwilioOutbound | null = null;
  #chimeTimer: NodeJS.Timeout | null = null;
  #chimes = 0;
  #closed = false;
  #played: ((outcome: PlayedOutcome) => void)[] = [];
  readonly #onChimeTimer: () => void;

  constructor(deps: OutputMuxDeps) {
    this.#d = deps;
    this.#chime = deps.chime.options.enabled && deps.chime.frames ? new ChimeSchedule(deps.chime.options) : null;
    this.#onChimeTimer = deps.guard('chime', () => this.#chimeDue());
  }

  /** Twilio's `start` arrived: frames can be addressed to its stream. */
  get started(): boolean {
    return this.#out !== null;
  }

  get chimes(): number {
    return this.#chimes;
  }

  begin(streamSid: string): void {
    this.#out = new TwilioOutbound(streamSid);
  }

  /** One assistant delta, cut into ≤ 30 ms frames; a queued chime is cleared first. */
  assistantDelta(e: AudioDelta, now: number): void {
    const out = this.#out;
    if (out === null) return;
    if (this.#chime) {
      if (this.#chime.waiting) this.stopWaiting();
      if (mustClearChimeBeforeAssistant({ chimeUnplayed: this.#tracker.hasUnplayedChime, assistantUnplayed: this.#tracker.hasUnplayedAssistant })) {
        this.#d.twilio.send(out.clear);
        this.#tracker.discard();
      }
    }
    this.#tracker.beginDelta(e.itemId, e.responseId, e.contentIndex);
    const d = e.delta;
    if (d.length <= OUT_FRAME_B64_CHARS) this.#sendFrame(out, d, now);
    else for (let i = 0; i < d.length; i += OUT_FRAME_B64_CHARS) this.#sendFrame(out, d.slice(i, i + OUT_FRAME_B64_CHARS), now);
  }

  /** End of an item's audio (or of a response): a mark so its last frames are confirmed. */
  endOfAudio(): void {
    const out = this.#out;
    if (out === null) return;
    const mark = this.#tracker.markNow();
    if (mark === null) return;
    this.#d.twilio.send(out.mark(mark));
    this.#d.frames.marksOut++;
  }

  /** A mark echoed by Twilio; true when it confirmed assistant audio of the current generation. */
  echoed(name: string, now: number): boolean {
    this.#d.frames.marksIn++;
    const assistant = this.#tracker.acked(name, now) && name.charCodeAt(0) === 97; /* a */
    if (this.#played.length !== 0 && !this.#tracker.hasUnplayedAssistant) this.#settlePlayed('played');
    return assistant;
  }

  /**
   * Caller speech: if anything is playing (or `activeResponseId` is generating), `clear`
   * Twilio's buffer and return what was heard of the item being played. Null = nothing to cut.
   */
  interrupt(now: number, activeResponseId: string | null): Interruption | null {
    const out = this.#out;
    if (out === null) return null;
    const playing = this.#tracker.hasUnplayedAssistant || this.#tracker.hasUnplayedChime;
    if (!playing && activeResponseId === null) return null;
    // Clear first: it is what the caller notices.
    this.#d.twilio.send(out.clear);
    const interruption = this.#tracker.interrupt(now, (id) => id === activeResponseId);
    this.#settlePlayed('interrupted');
    return interruption;
  }

  /**
   * Calls `fn` once every assistant frame sent so far has been confirmed by a mark echo (at once
   * if none is pending), or with why not. Ask after `response.done`: the end-of-audio mark has
   * then been sent, so "played" means the caller heard the last word.
   */
  whenPlayed(fn: (outcome: PlayedOutcome) => void): void {
    const guarded = this.#d.guard('when_played', fn);
    if (this.#closed) guarded('ended');
    else if (!this.#tracker.hasUnplayedAssistant) guarded('played');
    else this.#played.push(guarded);
  }

  // ── Chime ────────────────────────────────────────────────────────────────

  /** The caller's turn ended or a tool started: chime while nothing else plays. */
  startWaiting(): void {
    if (!this.#chime || this.#chime.waiting) return;
    this.#chime.start(this.#d.now());
    this.#armChime();
  }

  stopWaiting(): void {
    if (!this.#chime) return;
    this.#chime.stop();
    this.#clearChimeTimer();
  }

  /** The call ended: no timer left behind, waiters told. */
  close(): void {
    this.#closed = true;
    this.stopWaiting();
    this.#settlePlayed('ended');
  }

  #sendFrame(out: TwilioOutbound, slice: string, now: number): void {
    const mark = this.#tracker.sent(base64ByteLength(slice), now);
    this.#d.frames.out++;
    if (mark === null) {
      this.#d.twilio.sendMedia(out.media(slice));
      return;
    }
    this.#d.twilio.sendMediaAndMark(out.media(slice), out.mark(mark));
    this.#d.frames.marksOut++;
  }

  #settlePlayed(outcome: PlayedOutcome): void {
    if (this.#played.length === 0) return;
    for (const fn of this.#played.splice(0)) fn(outcome);
  }

  #clearChimeTimer(): void {
    if (this.#chimeTimer) clearTimeout(this.#chimeTimer);
    this.#chimeTimer = null;
  }

  #armChime(): void {
    this.#clearChimeTimer();
    const due = this.#chime?.nextDueAt();
    if (due === null || due === undefined || this.#closed) return;
    this.#chimeTimer = setTimeout(this.#onChimeTimer, Math.max(0, due - this.#d.now()));
    this.#chimeTimer.unref();
  }

  #chimeDue(): void {
    this.#chimeTimer = null;
    const chime = this.#chime;
    const frames = this.#d.chime.frames;
    const out = this.#out;
    if (!chime || !frames || this.#closed || out === null) return;
    const now = this.#d.now();
    if (chime.take(now) && chimeMayPlay({ assistantUnplayed: this.#tracker.hasUnplayedAssistant, chimeUnplayed: this.#tracker.hasUnplayedChime })) {
      const last = frames.frames.length - 1;
      for (let i = 0; i < last; i++) {
        this.#tracker.sentChime(frames.bytesPerFrame[i]!, now);
        this.#d.twilio.sendMedia(out.media(frames.frames[i]!));
      }
      // One mark per chime burst, after its last frame.
      this.#tracker.sentChime(frames.bytesPerFrame[last]!, now);
      const mark = this.#tracker.markNow();
      if (mark !== null) {
        this.#d.twilio.sendMediaAndMark(out.media(frames.frames[last]!), out.mark(mark));
        this.#d.frames.marksOut++;
      }
      this.#chimes++;
      this.#d.onChime?.();
    }
    this.#armChime();
  }
}
