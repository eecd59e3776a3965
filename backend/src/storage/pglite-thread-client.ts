import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type {} from './webassembly.js';

/** What the thread opens (pglite-thread.mjs): as `openDatabase` was asked. */
export interface ThreadInit {
  /** Type oids parsed to numbers (a parser cannot cross to the thread; its oids can). */
  numberOids: readonly number[];
  dataDir?: string;
  loadDataDir?: Blob;
  /** Postgres `shared_buffers` (e.g. `16MB`); PGlite's own default when absent. */
  sharedBuffers?: string;
}

/** PGlite's compiled WebAssembly and its file-system bundle, handed to each thread it starts in. */
export interface PgliteAssets {
  wasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

/**
 * Compiled once per process and shared by every database thread (a compiled module crosses to a
 * worker without copying). Each thread compiling its own cost seconds of CPU per open: the test
 * suite opens about a hundred databases. A write-once memo of an immutable artifact.
 */
let assets: Promise<PgliteAssets> | undefined;
function pgliteAssets(): Promise<PgliteAssets> {
  assets ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasm, data] = await Promise.all([readFile(path.join(dist, 'pglite.wasm')), readFile(path.join(dist, 'pglite.data'))]);
    return { wasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([data]) };
  })();
  assets.catch(() => (assets = undefined));
  return assets;
}

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: readonly unknown[] }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

/** An error crossed the thread boundary as data: its message and fields such as `code` and `constraint`. */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, string | number>;
}

export type ThreadReply =
  | { id: number; ok: true; rows?: unknown[]; affectedRows?: number; tarball?: ArrayBuffer }
  | { id: number; ok: false; error: ThreadError };

type Answer = Extract<ThreadReply, { ok: true }>;

function toError(e: ThreadError): Error {
  return Object.assign(new Error(e.message), { name: e.name }, e.fields);
}

/**
 * Embedded PGlite on a worker thread, reached by messages. The main thread keeps the audio: a
 * statement now costs it a message each way instead of the statement's whole run. The worker
 * keeps the process alive only while a request is out, as a socket would; an idle handle does
 * not hold a finished script open.
 */
export class PgliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(a: Answer): void; reject(e: Error): void }>();
  #nextId = 1;
  /** Why requests now fail: the thread died, or the database was closed. */
  #stopped: Error | undefined;
  #closing = false;
  #lose!: (why: Error) => void;
  /**
   * Settles if the thread ends without being closed (a crash inside PGlite): from then on nothing
   * can be stored, so the process should drain and exit for its supervisor to restart it.
   */
  readonly lost = new Promise<Error>((resolve) => (this.#lose = resolve));

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: ThreadReply) => this.#settle(reply));
    worker.on('error', (err) => this.#stop(err));
    worker.on('exit', (code) => this.#stop(new Error(`the embedded database's thread exited (code ${code})`)));
  }

  /**
   * Starts the thread and waits until its database is open (or throws why it could not open).
   * `script` is the thread's code: pglite-thread.mjs, or a stand-in in tests.
   */
  static async open(init: ThreadInit, script = new URL('./pglite-thread.mjs', import.meta.url)): Promise<PgliteThread> {
    const workerData: ThreadInit & PgliteAssets = { ...init, ...(await pgliteAssets()) };
    const thread = new PgliteThread(new Worker(script, { workerData }));
    try {
      await thread.#await(0);
    } catch (err) {
      await thread.#worker.terminate();
      throw err;
    }
    return thread;
  }

  async query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows?: number }> {
    const a = await this.#request({ op: 'query', sql, params });
    return { rows: (a.rows ?? []) as R[], ...(a.affectedRows !== undefined ? { affectedRows: a.affectedRows } : {}) };
  }

  /** The data directory as a gzipped tarball, which `loadDataDir` restores. */
  async dumpDataDir(): Promise<Blob> {
    const a = await this.#request({ op: 'dump' });
    return new Blob([a.tarball!], { type: 'application/x-gzip' });
  }

  /** Closes the database (written through to its data directory), then ends the thread. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    this.#closing = true;
    await this.#request({ op: 'close' });
    this.#stop(new Error('the database is closed'));
    await this.#worker.terminate();
  }

  #request(req: { op: 'query'; sql: string; params: readonly unknown[] } | { op: 'dump' | 'close' }): Promise<Answer> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    const answer = this.#await(id);
    this.#worker.postMessage({ ...req, id } as ThreadRequest);
    return answer;
  }

  #await(id: number): Promise<Answer> {
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  #settle(reply: ThreadReply): void {
    const p = this.#pending.get(reply.id);
    if (!p) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) p.resolve(reply);
    else p.reject(toError(reply.error));
  }

  #stop(why: Error): void {
    if (!this.#stopped && !this.#closing) this.#lose(why);
    this.#stopped ??= why;
    for (const p of this.#pending.values()) p.reject(this.#stopped);
    this.#pending.clear();
    this.#worker.unref();
  }
}
