import type { Migration } from 'kysely';
import * as foundation from './2026_11_25_001_foundation.js';
import * as phoneEntry from './2026_11_25_002_phone_entry.js';
import * as callControl from './2026_12_02_001_call_control.js';
import * as oneStreamPerCall from './2026_12_02_002_one_stream_per_call.js';

/** Core migrations, a static record (no filesystem provider: bundling-safe). Features bring their own. */
export const coreMigrations: Record<string, Migration> = {
  '2026_11_25_001_foundation': foundation,
  '2026_11_25_002_phone_entry': phoneEntry,
  '2026_12_02_001_call_control': callControl,
  '2026_12_02_002_one_stream_per_call': oneStreamPerCall,
};
