/**
 * The backend's folder boundaries as lint rules (README's folder table, ops/DECISIONS.md
 * "Rooms and ports"). Each production file of backend/src belongs to one module, the folder
 * under src/; a module's block lists the modules it may not import. Tests (`*.test.ts`) and
 * testing/ compose whatever they need and are left out. backend/src/architecture.test.ts proves
 * that every rule below rejects a deliberate violation.
 */

const SRC = 'backend/src';
const TESTS = ['**/*.test.ts', `${SRC}/testing/**`];
/** The layered modules (compose/, demo/, testing/ and main.ts sit on top and are forbidden to all of them). */
const MODULES = ['analytics', 'calls', 'config', 'features', 'notifications', 'policy', 'server', 'storage', 'telephony', 'tenancy', 'voice'];

/** A relative import (any depth of `../`) that lands in one of `modules` (a folder, or `main.ts`). */
const into = (modules, message) => ({ regex: `^(\\.\\./)+(${modules.join('|')})(/|\\.js$|$)`, message });
/** An import of `module`'s files other than those `allowed` (a regex of file names) matches. */
const intoExcept = (module, allowed, message) => ({ regex: `^(\\.\\./)+${module}/(?!(${allowed})$)`, message });
/** Every layered module but these: for modules that may import only a few others. */
const allBut = (...allowed) => MODULES.filter((m) => !allowed.includes(m));

/** What features, call control and the demo may import of notifications/: the port and its facts. */
const NOTIFY_PORT = 'notify-port\\.js|facts\\.js';

const WIRING = 'only the composition root wires: compose/ is imported by main.ts (and tests, testing/, bench) alone';
const DEMO = 'demo data is seeded by main.ts through demo/seed.ts; production modules never import it';

/**
 * Per module: the modules it may not import (`forbid`), those it may reach only through the files
 * named (`only`: contracts and types), and why. Every one also may not import compose/, demo/,
 * testing/ or main.ts.
 */
const BOUNDARIES = {
  voice: {
    forbid: allBut('voice', 'policy'),
    why: 'voice/ is Flow A only: it gets a CallContext when the stream starts and never imports storage/, calls/, features/ or tenancy/',
  },
  storage: { forbid: allBut('storage'), why: 'storage/ is the bottom layer: it imports no other module' },
  config: { forbid: allBut('config', 'policy'), why: 'config/ only parses the environment (policy/ for its value types)' },
  tenancy: {
    forbid: allBut('tenancy', 'storage', 'policy', 'config'),
    why: 'tenancy/ (tenants, numbers, codes, resolver) sits below the call path and the features',
  },
  analytics: {
    forbid: allBut('analytics', 'storage', 'features', 'calls'),
    only: { calls: 'call-events\\.js', features: 'notification-events\\.js' },
    why: 'analytics/ reads its views; from other modules only event contracts (calls/call-events.ts, features/notification-events.ts)',
  },
  calls: {
    forbid: allBut('calls', 'storage', 'policy', 'tenancy', 'voice', 'features', 'notifications', 'server'),
    // The call log is part of the tenant API: it uses the same request kit and errors as the features' routes.
    only: { features: 'types\\.js|registry\\.js|kit/parse-request\\.js|kit/tenant-route\\.js', notifications: NOTIFY_PORT, server: 'errors\\.js' },
    why: 'calls/ is the call domain: it implements voice/\'s CallContext and runs features through the registry, never a feature\'s internals',
  },
  telephony: {
    forbid: allBut('telephony', 'calls', 'tenancy', 'policy'),
    why: 'telephony/ is the Twilio edge: it asks calls/ and tenancy/, and never reaches storage/, voice/ or features/',
  },
  server: {
    forbid: allBut('server', 'config', 'policy', 'tenancy', 'features'),
    why: 'server/ is the HTTP shell; routes arrive as mounts from compose/',
  },
  features: {
    forbid: allBut('features', 'storage', 'analytics', 'calls', 'tenancy', 'policy', 'config', 'server', 'notifications'),
    only: { calls: 'call-events\\.js', tenancy: 'tenant\\.js', server: 'errors\\.js', notifications: NOTIFY_PORT },
    why: 'features get ports; from the core they import only types, event contracts (calls/call-events.ts), tenancy/tenant.ts, server/errors.ts and the notify port\'s types',
  },
  notifications: {
    forbid: allBut('notifications', 'storage', 'config', 'server', 'telephony', 'features'),
    only: { server: 'errors\\.js', telephony: '(twilio-signature|twilio-params-hook)\\.js', features: 'notification-events\\.js' },
    why: 'notifications/ is messages out: storage, config and the notification.queued contract; features reach it only through the notify port',
  },
  demo: {
    forbid: allBut('demo', 'features', 'calls', 'tenancy', 'storage', 'policy', 'notifications'),
    only: { notifications: `${NOTIFY_PORT}|events\\.js` },
    why: 'demo/ writes seed data through the event store, with the owners\' event contracts',
  },
  policy: { forbid: allBut('policy'), why: 'policy/ is pure' },
};

/** Feature files that may hold a Kysely handle: the feature's own store, projections, tables and migrations. */
const FEATURE_SQL_FILES = ['store.ts', 'projection.ts', 'tables.ts', 'migrations.ts', 'search.ts'];

/** Wiring classes: built once per runtime in compose/ (or main.ts), handed to whoever needs them. */
const WIRED = 'EventStore|JobQueue|JobWorker|ToolRouter|Analytics|StreamAdmission|AccessGate|CallLifecycle|AccessCodeResolver|AccessCodeAdmin|TenantAdmin';
const noWiring = { selector: `NewExpression[callee.name=/^(${WIRED})$/]`, message: `${WIRING}; build it there and pass it in` };

const PURE_SYNTAX = [
  noWiring,
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'policy/ is pure: take the time as an input' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'policy/ is pure: take the time as an input' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'policy/ is pure: no randomness' },
];
const IO_PACKAGES = ['kysely', 'pg', '@electric-sql/pglite', 'fastify', '@fastify/*', 'ws', 'openai', 'twilio', 'pino', 'prom-client', 'cron-parser'];

function importsBlock(module, { forbid, only = {}, why }) {
  const patterns = [
    into(['compose', 'main'], WIRING),
    into(['testing'], 'test support stays out of production code'),
    ...(forbid.length ? [into(forbid, why)] : []),
    ...Object.entries(only).map(([other, allowed]) => intoExcept(other, allowed, why)),
  ];
  if (module !== 'demo') patterns.push(into(['demo'], DEMO));
  if (module === 'policy') {
    patterns.push({ regex: '^node:', message: 'policy/ is pure: no I/O' }, { group: IO_PACKAGES, message: 'policy/ is pure: no I/O modules' });
  }
  return { files: [`${SRC}/${module}/**/*.ts`], ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

const moduleBlocks = Object.entries(BOUNDARIES).map(([module, boundary]) => importsBlock(module, boundary));

const FEATURE_PATTERNS = importsBlock('features', BOUNDARIES.features).rules['no-restricted-imports'][1].patterns;
/** Inside one feature's folder: another feature only through its `events.ts` contract. */
const NOT_ANOTHER_FEATURE = {
  regex: '^\\.\\./(?!kit/)[a-z_]+/(?!events\\.js$)',
  message: "features never import each other's internals: only another feature's events.ts (its event contract)",
};
const NO_DATABASE_HANDLE = 'features reach their tables through their store (store.ts) and projections, never a database handle';
const FEATURE_FOLDERS = [`${SRC}/features/*/**/*.ts`];
const NOT_FEATURE_FOLDERS = [`${SRC}/features/kit/**`];

const featureFolders = {
  files: FEATURE_FOLDERS,
  ignores: [...TESTS, ...NOT_FEATURE_FOLDERS],
  rules: { 'no-restricted-imports': ['error', { patterns: [...FEATURE_PATTERNS, NOT_ANOTHER_FEATURE] }] },
};

/** Of a feature's files, only those that own its SQL import Kysely or the table types. */
const featureSql = {
  files: FEATURE_FOLDERS,
  ignores: [...TESTS, ...NOT_FEATURE_FOLDERS, ...FEATURE_SQL_FILES.map((f) => `${SRC}/features/**/${f}`), `${SRC}/features/**/migrations/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...FEATURE_PATTERNS, NOT_ANOTHER_FEATURE, { group: ['kysely'], message: NO_DATABASE_HANDLE }, into(['storage/schema'], NO_DATABASE_HANDLE)] },
    ],
  },
};

const onlyConfigReadsEnv = {
  files: [`${SRC}/**/*.ts`, 'bench/**/*.ts'],
  // test-db.ts: TEST_DATABASE_URL is the test environment's, as CI sets it.
  ignores: ['**/*.test.ts', `${SRC}/config/**`, `${SRC}/testing/test-db.ts`],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'only backend/src/config/ reads process.env (scripts and benches take arguments)' },
    ],
  },
};

const wiring = {
  files: [`${SRC}/**/*.ts`],
  ignores: [...TESTS, `${SRC}/compose/**`, `${SRC}/main.ts`],
  rules: { 'no-restricted-syntax': ['error', noWiring] },
};

const policyIsPure = {
  files: [`${SRC}/policy/**/*.ts`],
  ignores: TESTS,
  rules: {
    'no-restricted-syntax': ['error', ...PURE_SYNTAX],
    'no-restricted-globals': [
      'error',
      ...['process', 'fetch', 'setTimeout', 'setInterval', 'performance'].map((name) => ({ name, message: 'policy/ is pure: no I/O, clock or environment' })),
    ],
  },
};

export const architecture = [...moduleBlocks, featureFolders, featureSql, onlyConfigReadsEnv, wiring, policyIsPure];
