import type { Socket } from 'node:net';
import type { RawData, WebSocket } from 'ws';
import type { BadFrameKind } from './metrics.js';
import { mediaPayload, parseTwilioMessage, type TwilioInbound } from './twilio-wire.js';

/** Typed listener map of the Twilio leg; the leg catches anything a listener throws. */
export interface TwilioLegEvents {
  /** Inbound audio (base64 μ-law), the hot path: no message object. */
  media: (payload: string) => void;
  /** Every other well-formed message (a malformed `media` included, as `malformed` → bad). */
  message: (m: Exclude<TwilioInbound, { kind: 'malformed' | 'media' }>) => void;
  bad: (kind: BadFrameKind) => void;
  closed: (code: number) => void;
  listenerError: (err: unknown) => void;
}

/** Messages that arrive while the token is being checked are held, up to this many. */
const MAX_EARLY_MESSAGES = 64;

/**
 * The Twilio Media Streams socket: wire ↔ typed events. Listens from construction so
 * nothing is lost while admission runs; events are held until `attach`.
 */
export class TwilioLeg {
  readonly #ws: WebSocket;
  readonly #maxFrameBytes: number;
  #events: TwilioLegEvents | null = null;
  #early: RawData[] = [];
  #earlyBinary: boolean[] = [];
  #closedCode: number | null = null;
  readonly #onMessage = (data: RawData, isBinary: boolean) => this.#receive(data, isBinary);
  readonly #onClose = (code: number) => this.#closedEvent(code);

  constructor(ws: WebSocket, maxFrameBytes: number) {
    this.#ws = ws;
    this.#maxFrameBytes = maxFrameBytes;
    ws.on('message', this.#onMessage);
    ws.on('close', this.#onClose);
    ws.on('error', () => {
      /* a 'close' always follows */
    });
  }

  get closed(): boolean {
    return this.#closedCode !== null || this.#ws.readyState >= 2;
  }

  attach(events: TwilioLegEvents): void {
    this.#events = events;
    const early = this.#early;
    const bin = this.#earlyBinary;
    this.#early = [];
    this.#earlyBinary = [];
    for (let i = 0; i < early.length; i++) this.#receive(early[i]!, bin[i]!);
    if (this.#closedCode !== null) this.#safe(() => events.closed(this.#closedCode!));
  }

  /** One media frame and its mark, corked into a single write. */
  sendMediaAndMark(media: string, mark: string): void {
    if (this.#ws.readyState !== 1) return;
    const socket = (this.#ws as unknown as { _socket?: Socket })._socket;
    socket?.cork();
    this.#ws.send(media);
    this.#ws.send(mark);
    socket?.uncork();
  }

  /** A media frame with no mark after it (most frames: marks are sparse). */
  sendMedia(media: string): void {
    if (this.#ws.readyState === 1) this.#ws.send(media);
  }

  send(text: string): void {
    if (this.#ws.readyState === 1) this.#ws.send(text);
  }

  close(code = 1000, reason = ''): void {
    if (this.#ws.readyState <= 1) this.#ws.close(code, reason);
    // Do not wait for a peer that never answers the closing handshake.
    const t = setTimeout(() => this.#ws.terminate(), 1000);
    t.unref();
    this.#ws.once('close', () => clearTimeout(t));
  }

  #receive(data: RawData, isBinary: boolean): void {
    const events = this.#events;
    if (!events) {
      if (this.#early.length < MAX_EARLY_MESSAGES) {
        this.#early.push(data);
        this.#earlyBinary.push(isBinary);
      }
      return;
    }
    if (isBinary || !Buffer.isBuffer(data)) return this.#bad(events, 'binary');
    if (data.length > this.#maxFrameBytes) return this.#bad(events, 'oversized');
    const raw = data.toString();
    const payload = mediaPayload(raw);
    if (payload !== null) {
      try {
        events.media(payload);
      } catch (err) {
        this.#safe(() => events.listenerError(err));
      }
      return;
    }
    const msg = parseTwilioMessage(raw);
    if (msg.kind === 'malformed') return this.#bad(events, 'malformed');
    try {
      if (msg.kind === 'media') events.media(msg.payload);
      else events.message(msg);
    } catch (err) {
      this.#safe(() => events.listenerError(err));
    }
  }

  #bad(events: TwilioLegEvents, kind: BadFrameKind): void {
    this.#safe(() => events.bad(kind));
  }

  #closedEvent(code: number): void {
    if (this.#closedCode !== null) return;
    this.#closedCode = code;
    const events = this.#events;
    if (events) this.#safe(() => events.closed(code));
  }

  #safe(fn: () => void): void {
    try {
      fn();
    } catch {
      /* listeners never throw past the leg */
    }
  }
}
