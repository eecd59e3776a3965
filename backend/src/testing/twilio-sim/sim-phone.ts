import WebSocket from 'ws';

const MULAW_BYTES_PER_MS = 8;
const FRAME_MS = 20;
const FRAME_BYTES = FRAME_MS * MULAW_BYTES_PER_MS;
const SILENCE = 0xff;

export interface PlayedChunk {
  /** performance.now() when this chunk started / stopped playing at the phone. */
  startAt: number;
  endAt: number;
  bytes: Buffer;
  /** True when a `clear` cut it short. */
  cut: boolean;
}

export interface StreamStart {
  url: string;
  parameters: Record<string, string>;
  callSid: string;
  accountSid?: string;
  streamSid?: string;
}

interface Scheduled {
  startAt: number;
  endAt: number;
  bytes: Buffer;
}

/**
 * The phone side of a Twilio bidirectional Media Stream: sends `connected`/`start`, 20 ms
 * caller frames, `stop`; plays received audio at real time on a virtual clock, echoes each
 * mark when the audio queued before it has played, honours `clear` like Twilio (queued audio
 * dropped, pending marks echoed at once). Records what it played, with timestamps.
 */
export class SimPhone {
  readonly streamSid: string;
  readonly played: PlayedChunk[] = [];
  readonly marksEchoed: { name: string; at: number }[] = [];
  readonly clears: number[] = [];
  /** Every message the bridge sent, in arrival order (`media`, `mark:<name>`, `clear`): golden replays. */
  readonly wire: string[] = [];
  /** Arrival time of every outbound message of type media (for gap checks). */
  readonly mediaArrivals: number[] = [];
  /** Send time of every caller media frame, in order. */
  readonly framesSentAt: number[] = [];
  readonly #ws: WebSocket;
  readonly #start: StreamStart;
  #scheduled: Scheduled[] = [];
  #lastEndAt = 0;
  #pendingMarks = new Map<NodeJS.Timeout, string>();
  #seq = 0;
  #chunk = 0;
  #closed = false;
  #closeWaiters: (() => void)[] = [];
  #silence: NodeJS.Timeout | null = null;
  closeCode: number | null = null;

  private constructor(ws: WebSocket, start: StreamStart) {
    this.#ws = ws;
    this.#start = start;
    this.streamSid = start.streamSid ?? `MZ${Math.random().toString(16).slice(2).padEnd(32, '0')}`;
    ws.on('message', (data) => this.#onMessage(data.toString()));
    ws.on('close', (code) => {
      this.#closed = true;
      this.closeCode = code;
      this.stopSilence();
      for (const t of this.#pendingMarks.keys()) clearTimeout(t);
      this.#pendingMarks.clear();
      for (const w of this.#closeWaiters) w();
    });
    ws.on('error', () => undefined);
  }

  /** Opens the stream URL from the TwiML and sends `connected` + `start` (unless told not to). */
  static async connect(start: StreamStart, opts: { sendStart?: boolean } = {}): Promise<SimPhone> {
    const ws = new WebSocket(start.url, { perMessageDeflate: false });
    const phone = new SimPhone(ws, start);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('close', (code) => reject(new Error(`stream closed before open (${code})`)));
    });
    phone.#send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    if (opts.sendStart !== false) phone.sendStart();
    return phone;
  }

  get isOpen(): boolean {
    return !this.#closed;
  }

  sendStart(override: Partial<{ callSid: string; parameters: Record<string, string> }> = {}): void {
    this.#send({
      event: 'start',
      sequenceNumber: String(++this.#seq),
      streamSid: this.streamSid,
      start: {
        accountSid: this.#start.accountSid ?? 'AC00000000000000000000000000000000',
        streamSid: this.streamSid,
        callSid: override.callSid ?? this.#start.callSid,
        tracks: ['inbound'],
        customParameters: override.parameters ?? this.#start.parameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
  }

  /** One 20 ms caller frame (exactly 160 bytes). */
  sendFrame(bytes: Buffer): void {
    this.#chunk++;
    this.framesSentAt.push(performance.now());
    this.#ws.send(
      `{"event":"media","sequenceNumber":"${++this.#seq}","media":{"track":"inbound","chunk":"${this.#chunk}","timestamp":"${this.#chunk * FRAME_MS}","payload":"${bytes.toString('base64')}"},"streamSid":"${this.streamSid}"}`,
    );
  }

  /** Caller audio in 20 ms frames, at real-time pace (default) or as fast as possible. */
  async say(audio: Buffer, opts: { realtime?: boolean } = {}): Promise<void> {
    const realtime = opts.realtime ?? true;
    const t0 = performance.now();
    for (let i = 0, n = 0; i < audio.length; i += FRAME_BYTES, n++) {
      if (this.#closed) return;
      const frame = Buffer.alloc(FRAME_BYTES, SILENCE);
      audio.copy(frame, 0, i, Math.min(i + FRAME_BYTES, audio.length));
      this.sendFrame(frame);
      if (realtime) await sleep(t0 + (n + 1) * FRAME_MS - performance.now());
    }
  }

  /** Continuous real-time silence frames until `stopSilence` (like an open phone line). */
  startSilence(): void {
    if (this.#silence) return;
    const frame = Buffer.alloc(FRAME_BYTES, SILENCE);
    const t0 = performance.now();
    let n = 0;
    const tick = () => {
      if (this.#closed) return;
      this.sendFrame(frame);
      n++;
      this.#silence = setTimeout(tick, Math.max(0, t0 + n * FRAME_MS - performance.now()));
    };
    tick();
  }

  stopSilence(): void {
    if (this.#silence) clearTimeout(this.#silence);
    this.#silence = null;
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.#ws.send(data, { binary });
  }

  sendDtmf(digit: string): void {
    this.#send({ event: 'dtmf', streamSid: this.streamSid, sequenceNumber: String(++this.#seq), dtmf: { track: 'inbound_track', digit } });
  }

  /** Polite end of call: `stop`, then close. */
  hangUp(): void {
    this.stopSilence();
    this.#send({ event: 'stop', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, stop: { accountSid: this.#start.accountSid ?? '', callSid: this.#start.callSid } });
    this.#ws.close(1000);
  }

  /** Abrupt loss of the socket (no stop, no close frame). */
  drop(): void {
    this.stopSilence();
    this.#ws.terminate();
  }

  closed(): Promise<void> {
    return this.#closed ? Promise.resolve() : new Promise((resolve) => this.#closeWaiters.push(resolve));
  }

  /** Milliseconds of received audio played by `at` (whole call), optionally only bytes matching `pred`. */
  playedMsBy(at: number, pred: (chunk: Buffer) => boolean = () => true): number {
    let ms = 0;
    for (const c of this.played) {
      if (!pred(c.bytes)) continue;
      if (c.startAt >= at) continue;
      ms += Math.min(c.endAt, at) - c.startAt;
    }
    for (const s of this.#scheduled) {
      if (!pred(s.bytes) || s.startAt >= at) continue;
      ms += Math.min(s.endAt, at) - s.startAt;
    }
    return ms;
  }

  /** Chunks that have started playing by now (finished, cut or still playing), in order. */
  timeline(): PlayedChunk[] {
    const now = performance.now();
    this.#settle(now);
    return [...this.played, ...this.#scheduled.filter((s) => s.startAt <= now).map((s) => ({ ...s, cut: false }))];
  }

  /** Everything played so far plus what is still queued (not cut), concatenated. */
  audioReceived(): Buffer {
    this.#settle(performance.now());
    return Buffer.concat([...this.played.map((p) => p.bytes), ...this.#scheduled.map((s) => s.bytes)]);
  }

  #send(msg: unknown): void {
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(msg));
  }

  /** Move chunks that finished by `now` into `played`. */
  #settle(now: number): void {
    while (this.#scheduled.length > 0 && this.#scheduled[0]!.endAt <= now) {
      const s = this.#scheduled.shift()!;
      this.played.push({ ...s, cut: false });
    }
  }

  #onMessage(raw: string): void {
    let m: { event?: string; media?: { payload?: string }; mark?: { name?: string } };
    try {
      m = JSON.parse(raw);
    } catch {
      return;
    }
    const now = performance.now();
    this.wire.push(m.event === 'mark' ? `mark:${m.mark?.name ?? ''}` : String(m.event));
    this.#settle(now);
    if (m.event === 'media' && m.media?.payload) {
      this.mediaArrivals.push(now);
      const bytes = Buffer.from(m.media.payload, 'base64');
      const startAt = Math.max(now, this.#lastEndAt);
      const endAt = startAt + bytes.length / MULAW_BYTES_PER_MS;
      this.#scheduled.push({ startAt, endAt, bytes });
      this.#lastEndAt = endAt;
    } else if (m.event === 'mark' && m.mark?.name !== undefined) {
      const name = m.mark.name;
      const wait = this.#lastEndAt - now;
      if (wait <= 0) return this.#echoMark(name);
      const t = setTimeout(() => {
        this.#pendingMarks.delete(t);
        this.#echoMark(name);
      }, wait);
      this.#pendingMarks.set(t, name);
    } else if (m.event === 'clear') {
      this.clears.push(now);
      // Cut the chunk playing now, drop the rest, echo pending marks at once (as Twilio does).
      const playing = this.#scheduled[0];
      if (playing && playing.startAt < now) {
        const keep = Math.floor((now - playing.startAt) * MULAW_BYTES_PER_MS);
        this.played.push({ startAt: playing.startAt, endAt: now, bytes: playing.bytes.subarray(0, keep), cut: true });
      }
      this.#scheduled = [];
      this.#lastEndAt = now;
      const names = [...this.#pendingMarks.entries()];
      this.#pendingMarks.clear();
      for (const [t, name] of names) {
        clearTimeout(t);
        this.#echoMark(name);
      }
    }
  }

  #echoMark(name: string): void {
    this.marksEchoed.push({ name, at: performance.now() });
    this.#send({ event: 'mark', sequenceNumber: String(++this.#seq), streamSid: this.streamSid, mark: { name } });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
