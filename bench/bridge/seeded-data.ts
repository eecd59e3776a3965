/**
 * The app's first data dir for the bench, without a minute of migrating and seeding: PGlite on
 * disk, loaded from the same migrated + seeded dump the tests cache (testing/snapshots/, built
 * once per source key and day). The app's first start then finds its migrations applied and the
 * demo seeded, and adds only what each runtime makes itself (server secret, access codes, owners).
 */
import { buildRuntimeDatabase, runtimeDatabaseKey } from '../../backend/src/testing/snapshots/demo-build.js';
import { pgliteSnapshot } from '../../backend/src/testing/snapshots/pglite-snapshots.js';
import { openDatabase } from '../../backend/src/storage/database.js';

export async function prefillSeededDataDir(dataDir: string): Promise<void> {
  const clock = () => new Date();
  const dump = await pgliteSnapshot(await runtimeDatabaseKey(true, clock), (h) => buildRuntimeDatabase(h, true, clock));
  const handle = await openDatabase({ dataDir, loadDataDir: dump });
  await handle.close();
}
