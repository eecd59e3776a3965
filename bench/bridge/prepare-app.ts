/**
 * Fills the app's restart state for the bench's app runs, in a process of its own (app-server.ts):
 *   node --import tsx bench/bridge/prepare-app.ts <seededDataDir>
 * Does nothing if it is already there (profile.ts keeps one between runs).
 */
import { prepareRestartState, restartStateReady } from './app-server.js';

const [seededDir] = process.argv.slice(2);
if (!seededDir) {
  console.error('usage: prepare-app.ts <seededDataDir>');
  process.exit(2);
}
if (!restartStateReady(seededDir)) await prepareRestartState(seededDir);
