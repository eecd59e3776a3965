import WebSocket from 'ws';
import type { RealtimeDialect, ServerEvent } from './dialects/dialect.js';

export interface RealtimeLegEvents {
  open: () => void;
  event: (e: ServerEvent) => void;
  /** The socket is gone (failed to connect, dropped, or closed by us). */
  closed: (info: { code: number; opened: boolean; byUs: boolean }) => void;
  listenerError: (err: unknown) => void;
  /**
   * The bridge's own share for a sampled audio delta: receipt → its frames handed to the Twilio
   * socket (parse + mux), in ms. One delta in SHARE_SAMPLE_EVERY, so two clock reads per 32.
   */
  share?: (ms: number) => void;
}

/** Sample 1 message in 32 for the bridge's own share (a power of two: a mask test per message). */
export const SHARE_SAMPLE_EVERY = 32;

/** The OpenAI Realtime socket plus its dialect: text frames ↔ typed server events. */
export class RealtimeLeg {
  readonly #ws: WebSocket;
  readonly #dialect: RealtimeDialect;
  readonly #events: RealtimeLegEvents;
  #opened = false;
  #byUs = false;
  #closed = false;
  #messages = 0;

  constructor(opts: { url: string; apiKey: string; dialect: RealtimeDialect; events: RealtimeLegEvents; handshakeTimeoutMs: number }) {
    this.#dialect = opts.dialect;
    this.#events = opts.events;
    this.#ws = new WebSocket(opts.url, {
      headers: { Authorization: `Bearer ${opts.apiKey}`, ...opts.dialect.headers },
      perMessageDeflate: false,
      // Our parser checks structure itself; bad UTF-8 could only garble a transcript.
      skipUTF8Validation: true,
      handshakeTimeout: opts.handshakeTimeoutMs,
    });
    this.#ws.on('open', () => {
      this.#opened = true;
      this.#safe(() => this.#events.open());
    });
    this.#ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const sampled = (++this.#messages & (SHARE_SAMPLE_EVERY - 1)) === 0 && this.#events.share !== undefined;
      const receivedAt = sampled ? performance.now() : 0;
      const e = this.#dialect.parse(data.toString());
      try {
        this.#events.event(e);
        // Synchronous: the delta's frames were written to the Twilio socket before event() returned.
        if (sampled && e.kind === 'audioDelta') this.#events.share!(performance.now() - receivedAt);
      } catch (err) {
        this.#safe(() => this.#events.listenerError(err));
      }
    });
    this.#ws.on('error', () => {
      /* 'close' follows; the session decides what a failure means */
    });
    this.#ws.on('close', (code) => {
      if (this.#closed) return;
      this.#closed = true;
      this.#safe(() => this.#events.closed({ code, opened: this.#opened, byUs: this.#byUs }));
    });
  }

  get isOpen(): boolean {
    return this.#ws.readyState === WebSocket.OPEN;
  }

  send(text: string): void {
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.send(text);
  }

  /** Close at once: the call is over or the leg is being replaced. */
  close(): void {
    this.#byUs = true;
    if (this.#ws.readyState === WebSocket.CONNECTING || this.#ws.readyState === WebSocket.OPEN) {
      // terminate, not close: nothing more to say to the model, and no handshake to wait for.
      this.#ws.terminate();
    }
  }

  #safe(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      try {
        this.#events.listenerError(err);
      } catch {
        /* never past the leg */
      }
    }
  }
}
