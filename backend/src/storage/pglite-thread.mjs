// @ts-check
/**
 * The embedded database's own thread. PGlite (Postgres compiled to WebAssembly) runs each
 * statement synchronously on the thread that holds it; on the main thread every statement (a
 * call's records, an owner's report, a poll of the job queue) paused every live call's audio
 * for as long as it ran. Here it has an event loop of its own, and the main thread only posts
 * messages (pglite-thread-client.ts, which also holds the message types).
 *
 * Plain JavaScript, so Node runs it as it is: from src/ under tsx and Vitest (a worker gets no
 * TypeScript loader on Node 20), from dist/ in production (tsc copies it there).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/**
 * A database error as plain data: its message and the fields callers read (`code`,
 * `constraint`, `detail`, …). Structured cloning would keep an Error's message but drop them.
 * @param {unknown} err
 * @returns {import('./pglite-thread-client.js').ThreadError}
 */
function asData(err) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  /** @type {Record<string, string | number>} */
  const fields = {};
  for (const [k, v] of Object.entries(err)) if (typeof v === 'string' || typeof v === 'number') fields[k] = v;
  return { name: err.name, message: err.message, fields };
}

/** @param {string} v */
const toNumber = (v) => Number(v);

if (!parentPort) throw new Error('pglite-thread.mjs runs as a worker thread');
const port = parentPort;

/** @type {import('./pglite-thread-client.js').ThreadInit & import('./pglite-thread-client.js').PgliteAssets} */
const init = workerData;

/** @type {PGlite} */
let db;
try {
  db = await PGlite.create({
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    ...(init.loadDataDir ? { loadDataDir: init.loadDataDir } : {}),
    ...(init.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${init.sharedBuffers}`] } : {}),
    pgliteWasmModule: init.wasmModule,
    fsBundle: init.fsBundle,
    parsers: Object.fromEntries(init.numberOids.map((oid) => [oid, toNumber])),
  });
  port.postMessage({ id: 0, ok: true });
} catch (err) {
  // The client ends the thread on this reply.
  port.postMessage({ id: 0, ok: false, error: asData(err) });
}

port.on('message', (/** @type {import('./pglite-thread-client.js').ThreadRequest} */ req) => {
  void answer(req).then(
    (reply) => (reply.transfer ? port.postMessage(reply.message, reply.transfer) : port.postMessage(reply.message)),
    (err) => port.postMessage({ id: req.id, ok: false, error: asData(err) }),
  );
});

/**
 * @param {import('./pglite-thread-client.js').ThreadRequest} req
 * @returns {Promise<{ message: import('./pglite-thread-client.js').ThreadReply, transfer?: ArrayBuffer[] }>}
 */
async function answer(req) {
  switch (req.op) {
    case 'query': {
      const r = await db.query(req.sql, [...req.params]);
      return { message: { id: req.id, ok: true, rows: r.rows, affectedRows: r.affectedRows } };
    }
    case 'dump': {
      const tarball = await (await db.dumpDataDir('gzip')).arrayBuffer();
      return { message: { id: req.id, ok: true, tarball }, transfer: [tarball] };
    }
    case 'close': {
      // The client ends the thread once this is answered.
      if (!db.closed) await db.close();
      return { message: { id: req.id, ok: true } };
    }
  }
}
