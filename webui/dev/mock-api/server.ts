// Dev only: a small stand-in for the backend's portal API, shaped by @vozlia/contract, that also
// serves the built export. `npm run mock -w webui` then open http://127.0.0.1:3000/.
// Demo sign-ins: owner@demo-restaurant.test / demo-restaurant-pass, owner@demo-barbershop.test /
// demo-barbershop-pass, staff@demo-restaurant.test / demo-staff-pass. Admin token: dev-admin.
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  AskRequest,
  dashboardSpecs,
  LoginRequest,
  ORDER_TRANSITIONS,
  APPOINTMENT_TRANSITIONS,
  SaveDocumentRequest,
  SaveSkillRequest,
  SetAppointmentStatusRequest,
  SetOrderStatusRequest,
  type AskResult,
  type Dashboard,
  type Role,
} from '@vozlia/contract';
import { DateTime } from 'luxon';
import { buildFixtures, type TenantFixture } from './fixtures';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '3000' } } });
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out');
const ADMIN_TOKEN = 'dev-admin';
const USERS = [
  { email: 'owner@demo-restaurant.test', password: 'demo-restaurant-pass', tenant_id: 'demo_restaurant', role: 'owner' as Role },
  { email: 'owner@demo-barbershop.test', password: 'demo-barbershop-pass', tenant_id: 'demo_barbershop', role: 'owner' as Role },
  { email: 'staff@demo-restaurant.test', password: 'demo-staff-pass', tenant_id: 'demo_restaurant', role: 'staff' as Role },
];
const tenants = new Map(buildFixtures(DateTime.now()).map((t) => [t.id, t]));
const sessions = new Map<string, { user: (typeof USERS)[number]; csrf: string }>();

type Req = IncomingMessage & { body?: unknown; query: URLSearchParams };
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
const send = (res: ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};
const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown): T => {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  throw new HttpError(400, 'invalid', `${issues[0]?.field}: ${issues[0]?.message}`, { issues });
};
const page = <T>(items: T[], q: URLSearchParams) => {
  const start = Number(q.get('cursor') ?? 0);
  const limit = Number(q.get('limit') ?? 50);
  const next = start + limit < items.length ? String(start + limit) : null;
  return { items: items.slice(start, start + limit), next_cursor: next };
};
const inDays = (iso: string, q: URLSearchParams, zone: string) => {
  const day = DateTime.fromISO(iso).setZone(zone).toISODate()!;
  return (!q.get('from') || day >= q.get('from')!) && (!q.get('to') || day <= q.get('to')!);
};
const cookieSession = (req: IncomingMessage) => {
  const m = /(?:^|;\s*)voz_session=([^;]+)/.exec(req.headers.cookie ?? '');
  return m ? sessions.get(m[1]!) : undefined;
};

function dashboard(t: TenantFixture, days: number): Dashboard {
  const today = DateTime.now().setZone(t.zone).startOf('day');
  const dates = Array.from({ length: days }, (_, i) => today.minus({ days: days - 1 - i }).toISODate()!);
  dashboardSpecs(dates[0]!, today.plus({ days: 1 }).toISODate()!); // the real server runs these
  const day = (iso: string) => DateTime.fromISO(iso).setZone(t.zone).toISODate();
  return {
    time_zone: t.zone,
    today: today.toISODate()!,
    generated_at: DateTime.utc().toISO()!,
    days: dates.map((date) => {
      const orders = t.orders.filter((o) => o.status !== 'cancelled' && day(o.created_at) === date);
      const calls = t.calls.filter((c) => day(c.started_at) === date);
      return {
        date,
        calls: calls.length,
        missed_calls: calls.filter((c) => c.outcome === 'missed').length,
        orders: orders.length,
        revenue_cents: orders.reduce((s, o) => s + o.total_cents, 0),
        appointments: t.appointments.filter((a) => a.status !== 'cancelled' && day(a.starts_at) === date).length,
      };
    }),
  };
}

function ask(t: TenantFixture, question: string): AskResult {
  const q = question.toLowerCase();
  const audit_id = `aud_${randomBytes(4).toString('hex')}`;
  const lastWeek = { from: DateTime.now().setZone(t.zone).startOf('week').minus({ weeks: 1 }), to: DateTime.now().setZone(t.zone).startOf('week') };
  const window = { from: lastWeek.from.toISO()!, to: lastWeek.to.toISO()!, label: `from ${lastWeek.from.toFormat('cccc, LLLL d, yyyy')} to ${lastWeek.to.minus({ days: 1 }).toFormat('cccc, LLLL d, yyyy')}` };
  const base = { question, params: [t.id, window.from, window.to], audit_id, truncated: false, window };
  if (q.includes('order') && q.includes('week')) {
    const n = t.orders.filter((o) => o.created_at >= lastWeek.from.toUTC().toISO()! && o.created_at < lastWeek.to.toUTC().toISO()!).length;
    const spec = { subject: 'orders', metrics: [{ fn: 'count' as const, field: null, as: 'orders' }], group_by: [], filters: [], time_range: { field: 'created_at', preset: 'last_week' as const, from: null, to: null }, order_by: [], limit: 100 };
    return { ...base, ok: true, columns: ['orders'], rows: [{ orders: n }], row_count: 1, answer: `${window.label[0]!.toUpperCase()}${window.label.slice(1)}: orders ${n}.`, spec, sql: 'select count(*) as "orders" from "analytics"."orders" where "tenant_id" = $1 and "created_at" >= $2 and "created_at" < $3 limit 101' };
  }
  if (q.includes('revenue') || q.includes('by day')) {
    const d = dashboard(t, 14).days;
    const rows = d.map((x) => ({ created_at: DateTime.fromISO(x.date, { zone: t.zone }).toISO()!, orders: x.orders, revenue_cents: x.revenue_cents }));
    const spec = { subject: 'orders', metrics: [{ fn: 'count' as const, field: null, as: 'orders' }, { fn: 'sum' as const, field: 'total_cents', as: 'revenue_cents' }], group_by: [{ field: 'created_at', grain: 'day' as const }], filters: [], time_range: { field: 'created_at', preset: 'this_month' as const, from: null, to: null }, order_by: [{ key: 'created_at', dir: 'asc' as const }], limit: 100 };
    return { ...base, ok: true, columns: ['created_at', 'orders', 'revenue_cents'], rows, row_count: rows.length, answer: `${rows.length} days of orders and revenue.`, spec, sql: 'select date_trunc(\'day\', "created_at" at time zone $2) as "created_at", count(*) as "orders", sum("total_cents") as "revenue_cents" from "analytics"."orders" where "tenant_id" = $1 group by 1 order by 1 asc limit 101' };
  }
  return { ...base, ok: false, reason: 'invalid', error: 'the question did not map to your records', fallback: "I'm not sure I can answer that from your records right now.", answer: "I'm not sure I can answer that from your records right now.", spec: null, sql: null, params: null };
}

type Handler = (req: Req, m: RegExpExecArray, t: TenantFixture, role: Role) => unknown;
const OWNER_ONLY = /^(dashboard|ask|query|audit|skills|knowledge-base|usage|invoices|access-codes|contacts)/;
const tenantRoutes: Array<[string, RegExp, Handler]> = [
  ['GET', /^profile$/, (_r, _m, t) => ({ id: t.id, name: t.name, vertical: t.vertical, time_zone: t.zone, status: t.status, areas: t.vertical === 'restaurant' ? ['orders', 'analytics', 'knowledge_base'] : ['appointments', 'analytics', 'knowledge_base'] })],
  ['GET', /^dashboard$/, (r, _m, t) => dashboard(t, Number(r.query.get('days') ?? 30))],
  ['GET', /^orders$/, (r, _m, t) => page(t.orders.filter((o) => (!r.query.get('status') || o.status === r.query.get('status')) && inDays(o.created_at, r.query, t.zone)), r.query)],
  ['POST', /^orders\/([^/]+)\/status$/, (r, m, t) => {
    const o = t.orders.find((x) => x.id === m[1]);
    if (!o) throw new HttpError(404, 'not_found', 'no such order');
    const { status } = parse(SetOrderStatusRequest, r.body);
    if (!ORDER_TRANSITIONS[o.status].includes(status)) throw new HttpError(403, 'illegal_state', `an order that is ${o.status} cannot become ${status}`);
    return Object.assign(o, { status, updated_at: DateTime.utc().toISO() });
  }],
  ['GET', /^appointments$/, (r, _m, t) => page(t.appointments.filter((a) => (!r.query.get('status') || a.status === r.query.get('status')) && inDays(a.starts_at, r.query, t.zone)), r.query)],
  ['POST', /^appointments\/([^/]+)\/status$/, (r, m, t) => {
    const a = t.appointments.find((x) => x.id === m[1]);
    if (!a) throw new HttpError(404, 'not_found', 'no such appointment');
    const { status } = parse(SetAppointmentStatusRequest, r.body);
    if (!APPOINTMENT_TRANSITIONS[a.status].includes(status)) throw new HttpError(403, 'illegal_state', `an appointment that is ${a.status} cannot become ${status}`);
    return Object.assign(a, { status });
  }],
  ['GET', /^calls$/, (r, _m, t) => page(t.calls.filter((c) => (!r.query.get('outcome') || c.outcome === r.query.get('outcome')) && (!r.query.get('actor_mode') || c.actor_mode === r.query.get('actor_mode')) && inDays(c.started_at, r.query, t.zone)), r.query)],
  ['GET', /^calls\/([^/]+)$/, (_r, m, t) => t.calls.find((c) => c.call_sid === m[1]) ?? notFound()],
  ['POST', /^ask$/, (r, _m, t) => ask(t, parse(AskRequest, r.body).question)],
  ['GET', /^audit$/, (r) => page([{ audit_id: 'aud_0001', occurred_at: DateTime.utc().minus({ hours: 3 }).toISO()!, actor_mode: 'owner' as const, source: 'voice' as const, tool: 'query_business_metrics', question: 'How many orders last week?', outcome: 'ok' as const, row_count: 1, duration_ms: 14, skill_id: null, error: null }], r.query)],
  ['GET', /^audit\/([^/]+)$/, () => ({ audit_id: 'aud_0001', occurred_at: DateTime.utc().minus({ hours: 3 }).toISO()!, actor_mode: 'owner', source: 'voice', tool: 'query_business_metrics', question: 'How many orders last week?', outcome: 'ok', row_count: 1, duration_ms: 14, skill_id: null, error: null, call_sid: null, spec: { subject: 'orders' }, sql: 'select count(*) as "orders" from "analytics"."orders" where "tenant_id" = $1', params: ['demo_restaurant'] })],
  ['GET', /^skills$/, (_r, _m, t) => ({ items: t.skills, next_cursor: null })],
  ['POST', /^skills$/, (r, _m, t) => {
    const body = parse(SaveSkillRequest, r.body);
    const skill = { id: `skill_${randomBytes(3).toString('hex')}`, ...body, runs: 0, last_run_at: null, last_outcome: null, last_audit_id: null, last_answer: null, next_run_at: null };
    t.skills.push(skill);
    return skill;
  }],
  ['PUT', /^skills\/([^/]+)$/, (r, m, t) => Object.assign(t.skills.find((s) => s.id === m[1]) ?? notFound(), parse(SaveSkillRequest, r.body))],
  ['DELETE', /^skills\/([^/]+)$/, (_r, m, t) => void (t.skills = t.skills.filter((s) => s.id !== m[1]))],
  ['POST', /^skills\/([^/]+)\/run$/, (_r, m, t) => {
    const s = t.skills.find((x) => x.id === m[1]) ?? notFound();
    Object.assign(s, { runs: s.runs + 1, last_run_at: DateTime.utc().toISO(), last_outcome: 'ok', last_answer: 'Last week: 57.' });
    return { ok: true, columns: ['n'], rows: [{ n: 57 }], row_count: 1, truncated: false, audit_id: 'aud_run', window: null, answer: 'Last week: 57.', skill: s.name };
  }],
  ['GET', /^knowledge-base\/documents$/, (_r, _m, t) => ({ items: t.documents.map(({ body: _b, passages: _p, ...d }) => d) })],
  ['GET', /^knowledge-base\/documents\/([^/]+)$/, (_r, m, t) => t.documents.find((d) => d.document_id === m[1]) ?? notFound()],
  ['PUT', /^knowledge-base\/documents\/([^/]+)$/, (r, m, t) => {
    const body = parse(SaveDocumentRequest, r.body);
    const passages = body.body.split(/\n(?=#)/).map((chunk, i) => ({ passage_no: i, heading: /^#+\s*(.*)/.exec(chunk)?.[1] ?? null, body: chunk.replace(/^#+.*\n?/, '').trim() }));
    const doc = { document_id: m[1]!, ...body, passages, passage_count: passages.length, updated_at: DateTime.utc().toISO()! };
    t.documents = [...t.documents.filter((d) => d.document_id !== m[1]), doc];
    return doc;
  }],
  ['DELETE', /^knowledge-base\/documents\/([^/]+)$/, (_r, m, t) => void (t.documents = t.documents.filter((d) => d.document_id !== m[1]))],
  ['GET', /^knowledge-base\/search$/, (r, _m, t) => {
    const words = (r.query.get('q') ?? '').toLowerCase().split(/\W+/).filter((w) => w.length > 3);
    const items = t.documents.flatMap((d) => d.passages.filter((p) => words.some((w) => `${p.heading} ${p.body}`.toLowerCase().includes(w))).map((p) => ({ document_id: d.document_id, title: d.title, heading: p.heading, text: p.body, score: 0.5 })));
    return { items };
  }],
  ['GET', /^usage$/, (r) => ({ period: r.query.get('period'), calls: 214, call_seconds: 25_410, billable_minutes: 498, ai_seconds: 23_950, sms_sent: 301, tool_runs: 176 })],
  ['GET', /^invoices$/, (_r, _m, t) => ({ items: [{ id: 'inv_1', tenant_id: t.id, period: DateTime.now().minus({ months: 1 }).toFormat('yyyy-LL'), status: 'paid', total_cents: 6_900, lines: [{ kind: 'monthly_fee', quantity: 1, unit_cents: 4_900, amount_cents: 4_900 }, { kind: 'overage_minutes', quantity: 40, unit_cents: 50, amount_cents: 2_000 }] }] })],
  ['GET', /^access-codes$/, (_r, _m, t) => ({ items: t.codes })],
  ['POST', /^access-codes$/, (r, _m, t) => {
    const actor_mode = (r.body as { actor_mode?: string })?.actor_mode === 'client' ? 'client' : 'owner';
    const code = { id: `code_${randomBytes(4).toString('hex')}`, actor_mode, created_at: DateTime.utc().toISO()! } as const;
    t.codes.push(code);
    return { id: code.id, actor_mode, code: String(10_000_000 + Math.floor(Math.random() * 89_999_999)) };
  }],
  ['DELETE', /^access-codes\/([^/]+)$/, (_r, m, t) => void (t.codes = t.codes.filter((c) => c.id !== m[1]))],
  ['GET', /^contacts\/owners$/, (_r, _m, t) => ({ items: t.contacts })],
];
function notFound(): never {
  throw new HttpError(404, 'not_found', 'not found');
}

const adminView = (t: TenantFixture) => ({ id: t.id, name: t.name, vertical: t.vertical, time_zone: t.zone, phone_numbers: t.numbers, status: t.status });
function admin(req: Req, rest: string): unknown {
  if (req.headers.authorization !== `Bearer ${ADMIN_TOKEN}`) throw new HttpError(401, 'unauthorized', 'admin token required');
  if (req.method === 'GET' && rest === 'tenants') return { items: [...tenants.values()].map(adminView) };
  if (req.method === 'GET' && rest === 'features')
    return { features: ['order_placing', 'appointment_requests', 'knowledge_base', 'business_analytics', 'missed_call_capture'].map((name, i) => ({ name, description: `The ${name.replace(/_/g, ' ')} feature`, declared_modes: i === 3 ? ['owner'] : ['client', 'owner'], default_enabled: true, effective: { client: { allowed: i !== 3 }, owner: { allowed: true } } })) };
  if (req.method === 'POST' && rest === 'tenants') {
    const b = req.body as { id: string; name: string; vertical: 'restaurant'; time_zone: string; phone_numbers: string[] };
    if (tenants.has(b.id)) throw new HttpError(409, 'conflict', 'id: that id is taken');
    const t = { ...buildFixtures(DateTime.now())[0]!, id: b.id, name: b.name, vertical: b.vertical, zone: b.time_zone, numbers: b.phone_numbers, orders: [], calls: [], appointments: [] };
    tenants.set(b.id, t);
    return adminView(t);
  }
  const m = /^tenants\/([^/]+)\/(suspend|resume|usage|invoices)$/.exec(rest);
  const t = m && tenants.get(m[1]!);
  if (!m || !t) return notFound();
  if (m[2] === 'suspend' || m[2] === 'resume') return adminView(Object.assign(t, { status: m[2] === 'suspend' ? 'suspended' : 'active' }));
  return tenantRoutes.find(([method, re]) => method === 'GET' && re.test(m[2]!))![2](req, /x/.exec('x')!, t, 'owner');
}

function api(req: Req, res: ServerResponse, url: URL): unknown {
  const p = url.pathname;
  if (p === '/api/auth/login' && req.method === 'POST') {
    const body = parse(LoginRequest, req.body);
    const user = USERS.find((u) => u.email === body.email && u.password === body.password);
    if (!user) throw new HttpError(401, 'unauthorized', 'wrong email or password');
    const id = randomBytes(16).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    sessions.set(id, { user, csrf });
    res.setHeader('set-cookie', `voz_session=${id}; HttpOnly; SameSite=Lax; Path=/`);
    return { user: { email: user.email, tenant_id: user.tenant_id, role: user.role }, csrf_token: csrf };
  }
  if (p.startsWith('/api/admin/')) return admin(req, p.slice('/api/admin/'.length));
  const session = cookieSession(req);
  if (!session) throw new HttpError(401, 'unauthorized', 'sign in first');
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf) throw new HttpError(403, 'csrf', 'missing or wrong CSRF token');
  if (p === '/api/auth/me') return { user: { email: session.user.email, tenant_id: session.user.tenant_id, role: session.user.role }, csrf_token: session.csrf };
  if (p === '/api/auth/logout') return void sessions.delete(/voz_session=([^;]+)/.exec(req.headers.cookie!)![1]!);
  if (p === '/api/auth/password') {
    const b = req.body as { current_password?: string; new_password?: string };
    if (b.current_password !== session.user.password) throw new HttpError(400, 'invalid', 'current_password: that is not your current password');
    session.user.password = b.new_password ?? session.user.password;
    return undefined;
  }
  const m = /^\/api\/tenants\/([^/]+)\/(.+)$/.exec(p);
  if (!m) return notFound();
  const t = tenants.get(decodeURIComponent(m[1]!));
  if (!t || t.id !== session.user.tenant_id) return notFound();
  const rest = m[2]!;
  if (session.user.role === 'staff' && OWNER_ONLY.test(rest)) throw new HttpError(403, 'forbidden', 'this is for the business owner');
  for (const [method, re, handler] of tenantRoutes) {
    const match = method === req.method ? re.exec(rest) : null;
    if (match) return handler(req, match, t, session.user.role);
  }
  return notFound();
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.txt': 'text/plain', '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2' };
function serveStatic(res: ServerResponse, pathname: string) {
  let file = path.join(OUT, path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) file = path.join(OUT, '404.html');
  res.writeHead(file.endsWith('404.html') && !pathname.endsWith('404.html') ? 404 : 200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const r = Object.assign(req, { query: url.searchParams }) as Req;
  if (url.pathname === '/healthz' || url.pathname === '/readyz') return send(res, 200, { ok: true });
  if (url.pathname === '/metrics') return void res.end('# TYPE voz_voice_active_calls gauge\nvoz_voice_active_calls 2\n');
  if (!url.pathname.startsWith('/api/')) return serveStatic(res, url.pathname);
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c));
  req.on('end', () => {
    try {
      r.body = raw ? JSON.parse(raw) : undefined;
      const out = api(r, res, url);
      send(res, out === undefined ? 204 : req.method === 'POST' && /\/(skills|tenants)$/.test(url.pathname) ? 201 : 200, out);
    } catch (err) {
      if (err instanceof HttpError) return send(res, err.status, { error: err.code, message: err.message, ...err.extra });
      console.error(err);
      send(res, 500, { error: 'internal', message: 'internal error' });
    }
  });
}).listen(Number(args.port), '127.0.0.1', () => process.stdout.write(`mock API and portal on http://127.0.0.1:${args.port}/\n`));
