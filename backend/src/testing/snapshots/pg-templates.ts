import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../storage/database.js';

const PREFIX = 'voz_tpl_';
/** Templates are named with their day, so those of past days (stale keys) can be dropped safely. */
const day = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
const DUPLICATE_DATABASE = '42P04';
const OBJECT_IN_USE = '55006';

const inProcess = new Map<string, Promise<string>>();

/**
 * A PostgreSQL template database for `key`, built once by `build`, on the server of `serverUrl`.
 * `create database … template` copies it in a fraction of migrating and seeding. Built under a
 * temporary name, then renamed: a worker that loses the race drops its copy and uses the winner's.
 * The server is shared (other clones, other keys): only templates of past days are dropped.
 */
export function pgTemplate(serverUrl: string, key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<string> {
  let name = inProcess.get(key);
  if (!name) {
    name = findOrBuild(serverUrl, key, build);
    inProcess.set(key, name);
    name.catch(() => inProcess.delete(key));
  }
  return name;
}

async function findOrBuild(serverUrl: string, key: string, build: (handle: DatabaseHandle) => Promise<void>): Promise<string> {
  const today = day(new Date());
  const name = `${PREFIX}${today}_${key.slice(0, 24)}`;
  const exists = await withAdmin(serverUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  if (exists) return name;
  const temp = `${name}_${randomBytes(3).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`create database ${temp}`));
  const url = new URL(serverUrl);
  url.pathname = `/${temp}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await build(handle);
  } finally {
    await handle.close();
  }
  await withAdmin(serverUrl, async (c) => {
    try {
      await retryInUse(() => c.query(`alter database ${temp} rename to ${name}`));
    } catch (err) {
      if ((err as { code?: string }).code !== DUPLICATE_DATABASE) throw err;
      await c.query(`drop database if exists ${temp} with (force)`);
    }
    await dropPastDays(c, today);
  });
  return name;
}

async function dropPastDays(c: pg.Client, today: string): Promise<void> {
  const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${PREFIX}%`]);
  for (const { datname } of rows) {
    const stamp = datname.slice(PREFIX.length, PREFIX.length + 8);
    if (/^\d{8}$/.test(stamp) && stamp < today) await c.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
  }
}

/** The server may still be closing the builder's connections: "in use" passes within moments. */
export async function retryInUse<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if ((err as { code?: string }).code !== OBJECT_IN_USE || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** Runs `fn` on a short-lived connection to the server's maintenance database (the URL's own). */
export async function withAdmin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${(err as Error).message}`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
