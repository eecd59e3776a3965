import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeRealtimeConnection, type FakeResponder } from './fake-connection.js';

export type FakeDialect = 'ga' | 'beta';

export interface RealtimeFakeOptions {
  /** What to do on `response.create`; default: a greeting of `greetingMs` of audio in 100 ms deltas. */
  responder?: FakeResponder;
  /** Modality sets the fake refuses (like the real beta server refuses ["audio"]). */
  refuseModalities?: string[][];
  /** Refuse the next n upgrades with HTTP 503 (connect failures). */
  refuseUpgrades?: number;
  /** Fixed port (e.g. for a server started with OPENAI_REALTIME_URL); default: any free port. */
  port?: number;
}

/**
 * A scriptable OpenAI Realtime server on 127.0.0.1 for tests, the benchmark and `simulate`.
 * Speaks GA, or beta when the client sends `OpenAI-Beta: realtime=v1`.
 */
export class RealtimeFake {
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #opts: RealtimeFakeOptions;
  readonly connections: FakeRealtimeConnection[] = [];
  #waiters: ((c: FakeRealtimeConnection) => void)[] = [];
  #refuse: number;
  #port = 0;

  private constructor(opts: RealtimeFakeOptions) {
    this.#opts = opts;
    this.#refuse = opts.refuseUpgrades ?? 0;
    this.#http = createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    this.#wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    this.#http.on('upgrade', (req, socket, head) => {
      if (this.#refuse > 0) {
        this.#refuse--;
        socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req));
    });
  }

  static async start(opts: RealtimeFakeOptions = {}): Promise<RealtimeFake> {
    const fake = new RealtimeFake(opts);
    await new Promise<void>((resolve) => fake.#http.listen(opts.port ?? 0, '127.0.0.1', resolve));
    fake.#port = (fake.#http.address() as AddressInfo).port;
    return fake;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.#port}/v1/realtime?model=gpt-realtime`;
  }

  /** Refuse the next n connection attempts. */
  refuseUpgrades(n: number): void {
    this.#refuse = n;
  }

  /** Resolves with connection number `index` (0-based) once it exists. */
  connection(index = this.connections.length): Promise<FakeRealtimeConnection> {
    const c = this.connections[index];
    if (c) return Promise.resolve(c);
    return new Promise((resolve) => {
      const check = (conn: FakeRealtimeConnection) => {
        if (this.connections[index] === conn) {
          this.#waiters = this.#waiters.filter((w) => w !== check);
          resolve(conn);
        }
      };
      this.#waiters.push(check);
    });
  }

  get openConnections(): number {
    return this.connections.filter((c) => c.isOpen).length;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.drop();
    this.#wss.close();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #onConnection(ws: WebSocket, req: IncomingMessage): void {
    const beta = String(req.headers['openai-beta'] ?? '').includes('realtime=v1');
    const conn = new FakeRealtimeConnection(ws, {
      dialect: beta ? 'beta' : 'ga',
      authorization: String(req.headers['authorization'] ?? ''),
      responder: this.#opts.responder,
      refuseModalities: this.#opts.refuseModalities ?? [],
    });
    this.connections.push(conn);
    for (const w of [...this.#waiters]) w(conn);
  }
}
