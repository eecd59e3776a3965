import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type Runtime } from '../main.js';
import { openRuntimeTestDatabase } from '../testing/test-db.js';

/**
 * The embedded database's thread can die (a crash inside PGlite). The process must not go on
 * answering /healthz while it can store nothing: it logs one fatal line and `failed` settles, on
 * which main() drains the calls and exits 1 for its supervisor to restart it.
 */
describe('when the embedded database is lost', () => {
  let runtime: Runtime | undefined;
  afterAll(async () => {
    await runtime?.close();
  });

  it('logs a fatal line and settles `failed` with why', async () => {
    const handle = await openRuntimeTestDatabase('pglite', false);
    let lose!: (err: Error) => void;
    const lost = new Promise<Error>((resolve) => (lose = resolve));
    const lines: Array<{ level: number; event?: string; msg: string; err?: { message: string } }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    runtime = await startServer({
      env: { LOG_LEVEL: 'info', VOZ_DATA_DIR: 'memory://', VOZ_SEED_DEMO: '0' },
      listen: false,
      worker: false,
      logger,
      database: { ...handle, lost },
    });
    let failed: Error | undefined;
    void runtime.failed.then((err) => (failed = err));
    await new Promise((r) => setTimeout(r, 20));
    expect(failed).toBeUndefined();
    expect(lines.filter((l) => l.level >= 60)).toEqual([]);

    lose(new Error("the embedded database's thread exited (code 7)"));
    expect((await runtime.failed).message).toContain('(code 7)');
    const fatal = lines.filter((l) => l.level >= 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ event: 'database_lost', err: { message: "the embedded database's thread exited (code 7)" } });
  });
});
