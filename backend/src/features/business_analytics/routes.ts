import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { answerText } from '../../analytics/answer-text.js';
import { resolveFeature } from '../../policy/feature-resolution.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../server/errors.js';
import type { Tenant } from '../../tenancy/tenant.js';
import type { FeaturePorts } from '../types.js';
import { askForSpec } from './ask.js';
import { manifest } from './manifest.js';

const AUDIT_PAGE_DEFAULT = 50;
const AUDIT_PAGE_MAX = 200;
const QUESTION_MAX_CHARS = 500;

type Body = Record<string, unknown> | undefined;
type Query = Record<string, string | undefined>;

/**
 * Owner portal API under /api/features/business_analytics. Portal sign-in is a later issue: until
 * then these routes sit behind the app's guard on /api/features/* (bearer VOZ_ADMIN_TOKEN, or
 * loopback only), take an explicit tenant_id, and act as that tenant's owner.
 */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts }> = async (app, { ports }) => {
  const { analytics } = ports;

  const tenantOf = async (req: FastifyRequest): Promise<Tenant> => {
    const raw = (req.body as Body)?.tenant_id ?? (req.query as Query).tenant_id;
    if (typeof raw !== 'string' || raw.length === 0) throw new ValidationError('tenant_id is required');
    const tenant = await ports.reads.tenants.get(raw);
    if (!tenant) throw new NotFoundError(`no tenant ${raw}`);
    const decision = resolveFeature(manifest, tenant.id, 'owner', ports.config.features);
    if (!decision.allowed) throw new ForbiddenError(`business analytics is off for this tenant (${decision.reason})`);
    return tenant;
  };

  app.post('/query', async (req) => {
    const tenant = await tenantOf(req);
    const body = req.body as Body;
    const question = typeof body?.question === 'string' ? body.question.slice(0, QUESTION_MAX_CHARS) : null;
    const result = await analytics.run({ tenantId: tenant.id, timeZone: tenant.timeZone, actorMode: 'owner', source: 'portal', question, spec: body?.spec });
    return { ...result, answer: answerText(result) };
  });

  app.post('/ask', async (req, reply) => {
    const tenant = await tenantOf(req);
    const body = req.body as Body;
    const question = typeof body?.question === 'string' ? body.question.trim() : '';
    if (question.length === 0 || question.length > QUESTION_MAX_CHARS) throw new ValidationError(`question: 1 to ${QUESTION_MAX_CHARS} characters`);
    let asked;
    try {
      asked = await askForSpec(ports.config.openai, { question, catalog: await analytics.catalog.current(), timeZone: tenant.timeZone, now: ports.clock() });
    } catch (err) {
      ports.log.warn({ event: 'analytics_ask_failed', tenantId: tenant.id, error: err instanceof Error ? err.message : String(err) }, 'text model call failed');
      asked = { ok: false as const, error: 'the text model could not be reached' };
    }
    if (!asked.ok) {
      // Audited like any run: the question is known, the spec is not.
      const result = await analytics.run({ tenantId: tenant.id, timeZone: tenant.timeZone, actorMode: 'owner', source: 'portal', question, spec: null });
      return reply.code(502).send({ ...result, error: asked.error, answer: answerText(result), spec: null, sql: null });
    }
    const result = await analytics.run({ tenantId: tenant.id, timeZone: tenant.timeZone, actorMode: 'owner', source: 'portal', question, spec: asked.spec });
    const audit = await analytics.auditEntry(tenant.id, result.audit_id);
    return { ...result, question, answer: answerText(result), spec: asked.spec, sql: audit?.sql ?? null, params: audit?.params ?? null };
  });

  app.get('/audit', async (req) => {
    const tenant = await tenantOf(req);
    const q = req.query as Query;
    const limit = Math.min(AUDIT_PAGE_MAX, Math.max(1, Number(q.limit ?? AUDIT_PAGE_DEFAULT) || AUDIT_PAGE_DEFAULT));
    return { tenant_id: tenant.id, audit: await analytics.auditTrail(tenant.id, limit) };
  });

  app.get<{ Params: { id: string } }>('/audit/:id', async (req) => {
    const tenant = await tenantOf(req);
    const row = await analytics.auditEntry(tenant.id, req.params.id);
    if (!row) throw new NotFoundError('no such audit entry');
    return row;
  });

  app.get('/skills', async (req) => {
    const tenant = await tenantOf(req);
    return { tenant_id: tenant.id, skills: await analytics.listSkills(tenant.id) };
  });

  app.post('/skills', async (req, reply) => {
    const tenant = await tenantOf(req);
    const body = req.body as Body;
    const saved = await analytics.saveSkill(tenant, { name: body?.name, spec: body?.spec, schedule: body?.schedule, channel: body?.channel });
    if (!saved.ok) return reply.code(400).send({ error: 'invalid', message: saved.errors.join('; '), errors: saved.errors });
    return reply.code(201).send(saved.skill);
  });

  app.get<{ Params: { id: string } }>('/skills/:id', async (req) => {
    const tenant = await tenantOf(req);
    const skill = await analytics.findSkill(tenant.id, { id: req.params.id });
    if (!skill) throw new NotFoundError('no such skill');
    return skill;
  });

  app.delete<{ Params: { id: string } }>('/skills/:id', async (req, reply) => {
    const tenant = await tenantOf(req);
    if (!(await analytics.deleteSkill(tenant.id, req.params.id))) throw new NotFoundError('no such skill');
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/skills/:id/run', async (req) => {
    const tenant = await tenantOf(req);
    const skill = await analytics.findSkill(tenant.id, { id: req.params.id });
    if (!skill) throw new NotFoundError('no such skill');
    const { result, text } = await analytics.runSkill(tenant, skill, { source: 'portal', actorMode: 'owner' });
    return { ...result, skill: skill.name, answer: text };
  });
};
