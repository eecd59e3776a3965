import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Registry } from 'prom-client';
import { HEALTHY, NOT_READY, STARTING } from './health-routes.js';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

// Fastify's own defaults for the servers it creates, kept for the one we hand it.
const KEEP_ALIVE_TIMEOUT_MS = 72_000;
const NO_REQUEST_TIMEOUT = 0;

/**
 * The port while the process starts: `/healthz` 200, `/readyz` 503, `/metrics`, anything else
 * 503 (`starting`). Migrations and the demo seed run behind it; then the app is built once,
 * with every route's dependencies complete, on this same server (`serverFactory`), and
 * `handOver` sends it all later requests. The port never closes in between.
 */
export class BootListener {
  readonly server: Server;
  readonly #metrics: Registry;
  #app: RequestHandler | undefined;

  constructor(metrics: Registry) {
    this.#metrics = metrics;
    this.server = createServer();
    this.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    this.server.requestTimeout = NO_REQUEST_TIMEOUT;
    this.server.on('request', this.#booting);
    this.server.on('upgrade', this.#refuseUpgrade);
  }

  /** Listens now; resolves with the URL it answers on. */
  listen(port: number, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const a = this.server.address();
        resolve(typeof a === 'string' ? a : `http://${a?.family === 'IPv6' ? `[${a.address}]` : a?.address}:${a?.port}`);
      });
    });
  }

  /**
   * Fastify's `serverFactory`: the app gets this server. Upgrades go to the app's WebSocket
   * plugin from now on; plain requests keep getting the boot answers until `handOver`.
   */
  readonly serverFactory = (handler: RequestHandler): Server => {
    this.server.off('upgrade', this.#refuseUpgrade);
    this.#app = handler;
    return this.server;
  };

  /** From now on every request goes to the app (call once it is ready). */
  handOver(): void {
    if (!this.#app) throw new Error('handOver before the app took the server');
    this.server.off('request', this.#booting);
    this.server.on('request', this.#app);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
  }

  readonly #booting = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return json(res, 200, HEALTHY);
    if (path === '/readyz') return json(res, 503, NOT_READY);
    if (path === '/metrics') {
      void this.#metrics.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.#metrics.contentType }).end(text),
        () => json(res, 500, { error: 'internal', message: 'internal error' }),
      );
      return;
    }
    json(res, 503, STARTING);
  };

  readonly #refuseUpgrade = (_req: IncomingMessage, socket: Duplex): void => {
    socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
