/**
 * The server side of the bridge benchmark, run as a child process pinned to one core:
 *   node --import tsx bench/bridge/server-entry.ts <bare|naive|bridge|app> <realtimeUrl> [seededDataDir]
 * Prints `PORT <n>` when listening (and, for `app`, once migrated and seeded); exits on SIGTERM
 * once closed, so the next run never shares the core with this one's shutdown.
 */
import { startBenchServer } from './start-server.js';

const [mode, realtimeUrl, seededDir] = process.argv.slice(2);
if ((mode !== 'bridge' && mode !== 'bare' && mode !== 'naive' && mode !== 'app') || !realtimeUrl) {
  console.error('usage: server-entry.ts <bare|naive|bridge|app> <realtimeUrl>');
  process.exit(2);
}

const server = await startBenchServer(mode, realtimeUrl, seededDir);
process.stdout.write(`PORT ${server.port}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0), () => process.exit(1)));
