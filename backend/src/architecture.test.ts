import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture rules (eslint.architecture.js) as `npm run lint` applies them: each rejects a
 * deliberate violation in the folder it guards, and lets the allowed form and the real files pass.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARCHITECTURE_RULES = new Set(['no-restricted-imports', 'no-restricted-properties', 'no-restricted-syntax', 'no-restricted-globals']);
/** ESLint loads the TypeScript parser on first use: slow on a loaded machine. */
const LINT_TIMEOUT_MS = 120_000;

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The architecture problems ESLint reports for `code` as if it were the file at `file` (repo-relative). */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId && ARCHITECTURE_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const rejects = async (file: string, code: string, pattern: RegExp) => {
  const found = await violations(file, code);
  expect(found.some((m) => pattern.test(m)), `${file}: ${code} → ${JSON.stringify(found)}`).toBe(true);
};
const accepts = async (file: string, code: string) => expect(await violations(file, code), `${file}: ${code}`).toEqual([]);

describe('architecture lint rules', { timeout: LINT_TIMEOUT_MS }, () => {
  it('voice/ imports no storage, call domain, tenancy, features or telephony', async () => {
    const file = 'backend/src/voice/dialects/bad.ts';
    for (const target of ['../../storage/schema.js', '../../calls/admission.js', '../../tenancy/tenant.js', '../../features/types.js', '../../telephony/twiml.js']) {
      await rejects(file, `import '${target}';`, /voice\/ is Flow A only/);
    }
    await accepts(file, "import type { ActorMode } from '../../policy/modes.js';\nimport { DialectState } from '../dialect-state.js';\nvoid DialectState;");
  });

  it('policy/ is pure: no I/O modules, no other module, no clock, randomness or environment', async () => {
    const file = 'backend/src/policy/bad.ts';
    await rejects(file, "import { readFileSync } from 'node:fs';\nvoid readFileSync;", /policy\/ is pure/);
    await rejects(file, "import pino from 'pino';\nvoid pino;", /policy\/ is pure/);
    await rejects(file, "import '../storage/schema.js';", /policy\/ is pure/);
    await rejects(file, 'export const now = () => Date.now();', /take the time as an input/);
    await rejects(file, 'export const now = () => new Date();', /take the time as an input/);
    await rejects(file, 'export const pick = () => Math.random();', /no randomness/);
    await rejects(file, 'export const mode = () => process.env.MODE;', /no I\/O, clock or environment/);
    await accepts(file, "import { z } from 'zod';\nimport { normalizeActorMode } from './modes.js';\nexport const at = (ms: number) => new Date(ms);\nvoid z; void normalizeActorMode;");
  });

  it("features never import each other's internals, only another feature's events.ts", async () => {
    const file = 'backend/src/features/contacts/bad.ts';
    await rejects(file, "import { OrderStore } from '../order_placing/store.js';\nvoid OrderStore;", /never import each other's internals/);
    await accepts(file, "import { ORDER_PLACED } from '../order_placing/events.js';\nimport { parseRequest } from '../kit/parse-request.js';\nvoid ORDER_PLACED; void parseRequest;");
  });

  it('features reach the core through ports, contracts and types only', async () => {
    const file = 'backend/src/features/contacts/bad.ts';
    await rejects(file, "import { ToolRouter } from '../../calls/tool-router.js';\nvoid ToolRouter;", /features get ports/);
    await rejects(file, "import { TenantRepository } from '../../tenancy/tenant-repository.js';\nvoid TenantRepository;", /features get ports/);
    await rejects(file, "import { mediaStreamRoute } from '../../voice/media-stream-route.js';\nvoid mediaStreamRoute;", /features get ports/);
    await accepts(file, "import { CALL_RECEIVED } from '../../calls/call-events.js';\nimport { toE164 } from '../../tenancy/tenant.js';\nvoid CALL_RECEIVED; void toE164;");
  });

  it("only a feature's store, projections, tables and migrations touch SQL", async () => {
    await rejects('backend/src/features/contacts/routes.ts', "import { sql } from 'kysely';\nvoid sql;", /through their store/);
    await rejects('backend/src/features/contacts/routes.ts', "import type { Database } from '../../storage/schema.js';\nexport type D = Database;", /through their store/);
    await accepts('backend/src/features/contacts/store.ts', "import type { Kysely } from 'kysely';\nimport type { Database } from '../../storage/schema.js';\nexport type D = Kysely<Database>;");
  });

  it('the core reaches a feature only through the registry and types', async () => {
    await rejects('backend/src/calls/bad.ts', "import { OrderStore } from '../features/order_placing/store.js';\nvoid OrderStore;", /never a feature's internals/);
    await accepts('backend/src/calls/bad.ts', "import type { FeatureRegistry } from '../features/registry.js';\nexport type R = FeatureRegistry;");
  });

  it('each room keeps to its layer: storage at the bottom, tenancy below the call path, telephony at the edge', async () => {
    await rejects('backend/src/storage/bad.ts', "import '../tenancy/tenant.js';", /bottom layer/);
    await rejects('backend/src/tenancy/bad.ts', "import '../calls/call-events.js';", /below the call path/);
    await rejects('backend/src/telephony/bad.ts', "import '../storage/schema.js';", /Twilio edge/);
    await rejects('backend/src/telephony/bad.ts', "import '../voice/options.js';", /Twilio edge/);
    await accepts('backend/src/telephony/bad.ts', "import '../calls/access-gate.js';\nimport '../tenancy/tenant.js';");
  });

  it('notifications/ is reached through the notify port: features and call control import only its types and facts', async () => {
    await rejects('backend/src/features/contacts/bad.ts', "import { OutboxWorker } from '../../notifications/outbox-worker.js';\nexport type W = OutboxWorker;", /features get ports/);
    await rejects('backend/src/calls/bad.ts', "import '../notifications/outbox-reactor.js';", /call domain/);
    await rejects('backend/src/telephony/bad.ts', "import '../notifications/notify-port.js';", /Twilio edge/);
    await rejects('backend/src/notifications/bad.ts', "import '../calls/call-events.js';", /messages out/);
    await rejects('backend/src/notifications/bad.ts', "import '../features/order_placing/events.js';", /messages out/);
    await accepts('backend/src/features/contacts/bad.ts', "import type { NotifyPort } from '../../notifications/notify-port.js';\nimport { NotificationFacts } from '../../notifications/facts.js';\nexport type P = NotifyPort; void NotificationFacts;");
    await accepts('backend/src/calls/bad.ts', "import type { NotifyPort } from '../notifications/notify-port.js';\nexport type P = NotifyPort;");
  });

  it('only config/ reads process.env', async () => {
    await rejects('backend/src/calls/bad.ts', 'export const key = process.env.OPENAI_API_KEY;', /only backend\/src\/config\/ reads process.env/);
    await rejects('bench/kb/bad.ts', "export const url = process.env['DATABASE_URL'];", /benches take arguments/);
    await accepts('backend/src/config/bad.ts', 'export const key = process.env.OPENAI_API_KEY;');
  });

  it('only the composition root wires: compose/ is imported by main.ts, and runtime objects are built there', async () => {
    await rejects('backend/src/calls/bad.ts', "import { composeCore } from '../compose/core.js';\nvoid composeCore;", /only the composition root wires/);
    await rejects('backend/src/calls/bad.ts', "import { EventStore } from '../storage/event-store.js';\nexport const s = (db: never) => new EventStore(db);", /only the composition root wires/);
    await rejects('backend/src/tenancy/bad.ts', "import '../demo/tenants.js';", /demo data is seeded by main.ts/);
    await accepts('backend/src/main.ts', "import { composeCore } from './compose/core.js';\nvoid composeCore;");
    await accepts('backend/src/compose/bad.ts', "import { EventStore } from '../storage/event-store.js';\nexport const s = (db: never) => new EventStore(db);");
  });

  it('the real files of every room pass', async () => {
    const files = [
      'backend/src/main.ts',
      'backend/src/compose/core.ts',
      'backend/src/voice/media-stream-route.ts',
      'backend/src/policy/mode-policy.ts',
      'backend/src/calls/admission.ts',
      'backend/src/telephony/twilio-routes.ts',
      'backend/src/tenancy/access-code-resolver.ts',
      'backend/src/features/order_placing/routes.ts',
      'backend/src/features/appointment_requests/store.ts',
      'backend/src/analytics/audit.ts',
      'backend/src/demo/orders.ts',
      'backend/src/demo/missed-call-history.ts',
      'backend/src/notifications/outbox-reactor.ts',
      'backend/src/notifications/twilio-sms-routes.ts',
      'backend/src/features/missed_call_capture/notify.ts',
    ];
    const results = await eslint.lintFiles(files.map((f) => path.join(ROOT, f)));
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(ROOT, r.filePath)}: ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});
