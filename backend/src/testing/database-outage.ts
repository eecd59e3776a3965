import pg from 'pg';
import type { EventStore } from '../storage/event-store.js';
import type { DatabaseKind } from '../storage/database.js';
import { TEST_DATABASE_URL } from './test-db.js';

export interface DatabaseOutage {
  /** The database answers again. */
  end(): Promise<void>;
}

/**
 * Takes a runtime's database away for a while. PostgreSQL: for real (new connections refused,
 * open ones terminated). PGlite lives in the process and cannot go away, so its event store's
 * reads and appends fail instead, with the error a refused connection gives.
 */
export async function startDatabaseOutage(kind: DatabaseKind, target: { databaseUrl?: string; events: EventStore }): Promise<DatabaseOutage> {
  if (kind === 'postgres') {
    if (!target.databaseUrl) throw new Error('a PostgreSQL outage needs the database URL');
    const name = new URL(target.databaseUrl).pathname.slice(1);
    const admin = async (statement: string) => {
      // The server's maintenance database (TEST_DATABASE_URL), never the one being taken away.
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(statement);
      } finally {
        await c.end();
      }
    };
    await admin(`alter database "${name}" allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
    return { end: () => admin(`alter database "${name}" allow_connections true`) };
  }
  const events = target.events as unknown as Record<string, unknown>;
  const patched = ['append', 'appendIn', 'readStream'] as const;
  for (const m of patched) {
    events[m] = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  }
  return {
    end: async () => {
      for (const m of patched) delete events[m];
    },
  };
}
